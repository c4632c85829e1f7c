"""The project's own hand-written word lists, by what they name (the generated MIT lexicons are in lexicon_data).

Every list is matched in one pass by `moderation.matcher` on word boundaries, so an entry never fires inside
a longer word (ブス in サブスク, カス in カスタム, ばか in ばかり). One module per kind of word (attacks, groups,
harms, addressees, context, spam, domains); this package exposes every list by its name.
"""

from moderation.wordlists.addressees import (
    NAMED_TITLES,
    PEOPLE_EN,
    PUBLIC_FIGURES,
    REPORTING,
    SCORNED_ME,
    SECOND_PERSON,
    SELF,
    THIRD_PERSON,
)
from moderation.wordlists.attacks import DEATH_WISH, DEHUMANIZE, EXPEL, INSULTS_EN, INSULTS_JA, VIOLENCE
from moderation.wordlists.context import (
    CAUTION,
    FAVOUR_YARU,
    LITERAL,
    NEGATED_JA,
    NEGATION_EN,
    NEWS,
    PRAISE,
    PRESS_THINGS,
    THINGS,
)
from moderation.wordlists.domains import BRAND_DOMAINS_OWN, SAFE_DOMAINS_OWN, SAFE_SUFFIXES
from moderation.wordlists.groups import GROUPS, GROUPS_NAMED, RESIDENT, SLURS, SLURS_AS_WRITTEN, STATES
from moderation.wordlists.harms import CRIME, HEDGE, SELF_HARM_PUSH, SELF_HARM_SELF, SEXUAL_HARASS, SEXUAL_WORDS_JA
from moderation.wordlists.spam import DATING, HANDOFF, MONEY, URGENCY

__all__ = [
    "BRAND_DOMAINS_OWN",
    "CAUTION",
    "CRIME",
    "DATING",
    "DEATH_WISH",
    "DEHUMANIZE",
    "EXPEL",
    "FAVOUR_YARU",
    "GROUPS",
    "GROUPS_NAMED",
    "HANDOFF",
    "HEDGE",
    "INSULTS_EN",
    "INSULTS_JA",
    "LITERAL",
    "MONEY",
    "NAMED_TITLES",
    "NEGATED_JA",
    "NEGATION_EN",
    "NEWS",
    "PEOPLE_EN",
    "PRAISE",
    "PRESS_THINGS",
    "PUBLIC_FIGURES",
    "REPORTING",
    "RESIDENT",
    "SAFE_DOMAINS_OWN",
    "SAFE_SUFFIXES",
    "SCORNED_ME",
    "SECOND_PERSON",
    "SELF",
    "SELF_HARM_PUSH",
    "SELF_HARM_SELF",
    "SEXUAL_HARASS",
    "SEXUAL_WORDS_JA",
    "SLURS",
    "SLURS_AS_WRITTEN",
    "STATES",
    "THINGS",
    "THIRD_PERSON",
    "URGENCY",
    "VIOLENCE",
]
