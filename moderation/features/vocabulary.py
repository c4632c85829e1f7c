"""What the signals are called and made of: the word lists by feature, the sentence combinations, FEATURE_NAMES."""

from __future__ import annotations

from moderation import lexicon_data as L
from moderation import wordlists as W
from moderation.matcher import Matcher
from moderation.targets.constructions import CONSTRUCTIONS

# word lists by the feature they feed
# asking readers to like, share or subscribe to push this comment or a channel (YouTube spam's "like this comment",
# "give it a like", "check out this video"): promotion with no link or contact in it. Only asking forms ("I share
# this view", "take a look at the data" are no bait). English only: no real Japanese row asks this way (高評価お願い,
# 拡散希望), so Japanese forms would learn their weight from generated template rows alone (#拡散希望 hashtags, flood
# lines); with them the spam head's length weight rose 2.11 -> 2.25 and short ordinary replies ranked lower
# (docs/japanese-recipe.md, session 9), and 拡散希望 is ordinary use when sharing news
ENGAGEMENT = (
    "like this comment", "like my comment", "like this post", "thumbs up this comment", "thumbs up my comment",
    "upvote this", "upvote my", "give it a like", "give this a like", "give me a like", "give it a thumbs up",
    "give this a thumbs up", "like and subscribe", "like and share", "please share", "share this video",
    "share this comment", "share this post", "take a look at this video", "take a look at my", "check out this video",
    "check out this channel", "check out this playlist", "check this out", "check it out",
)


# the one who made a thing (記事書いたやつ, こんな政策考えた奴): a person, and the thing inside names no target (read2
# F5, session 33: 記事書いたやつ、頭湧いてんのか read at the 記事); opaque, so an insult beside it is at the person
_MADE = ("記事", "政策", "法案", "番組", "制度", "法律", "条例", "計画", "予算", "脚本", "ドラマ", "映画", "アプリ",
         "ルール", "システム", "対策", "規制", "増税")
_MADE_BY = ("書いた", "作った", "考えた", "決めた", "通した", "出した", "書いてる", "作ってる", "考えてる")
MAKERS = tuple(thing + particle + verb + who for thing in _MADE for particle in ("", "を") for verb in _MADE_BY
               for who in ("やつ", "奴", "やつら", "奴ら", "連中"))


# the people of a governing body (政府の犬, 与党の連中, 野党議員; read2 s34: 6990d26 made the body a
# thing, and 政府の連中は頭おかしい gained an insult at a thing): a person, the body inside no target, as MAKERS
BODY_PEOPLE = tuple(body + who for body in ("内閣", "政府", "政権", "与党", "野党", "国会", "政党")
                    for who in ("の犬", "の連中", "の奴ら", "のやつら", "の人間", "の人たち",
                                "の役人"))


# a head that boils from a cause said before it (暑すぎて頭沸いてる, 寝不足で頭わいてるかも): the writer's own heat or
# tiredness, no one called mad (read2 F12b, session 33)
_HEAT = ("暑すぎて", "暑くて", "暑さで", "熱で", "寝不足で", "徹夜で", "疲れで", "疲れすぎて", "忙しすぎて", "眠すぎて",
         "眠くて")
HEAT_HEADS = tuple(cause + head + v for cause in _HEAT for head in ("頭", "脳みそ")
                   for v in ("沸いて", "湧いて", "わいて"))


_LISTS = {
    "insult": tuple(L.OFFENSIVE_JA) + W.INSULTS_JA + W.INSULTS_EN + W.SCORNED_ME,
    "sexual_word": tuple(L.SEXUAL_JA) + W.SEXUAL_WORDS_JA,
    "profanity_en": tuple(L.PROFANITY_EN), "death_wish": W.DEATH_WISH, "violence_word": W.VIOLENCE,
    "group": W.GROUPS, "group_named": W.GROUPS_NAMED, "slur": W.SLURS, "dehumanize": W.DEHUMANIZE, "expel": W.EXPEL,
    "sexual_harass": W.SEXUAL_HARASS, "self_harm_push": W.SELF_HARM_PUSH, "self_harm_self": W.SELF_HARM_SELF,
    "crime_word": W.CRIME, "hedge": W.HEDGE, "second_person": W.SECOND_PERSON + W.SCORNED_ME,
    "third_person": W.THIRD_PERSON + MAKERS + BODY_PEOPLE,
    "public_figure": W.PUBLIC_FIGURES, "self_ref": W.SELF, "reporting": W.REPORTING, "literal": W.LITERAL,
    "news": W.NEWS, "negated_ja": W.NEGATED_JA, "caution": W.CAUTION, "thing": W.THINGS + W.PRESS_THINGS,
    # a favour or a resolve before てやる (許してやる, 心してやる): the verb does no harm (wordlists/context.py)
    "favour_yaru": W.FAVOUR_YARU,
    "praise": W.PRAISE,
    "money_phrase": W.MONEY, "urgency_phrase": W.URGENCY,
    "contact_handoff": W.HANDOFF, "engagement_bait": ENGAGEMENT,
    "dating_lure": tuple(L.SPAM_HASHTAGS) + W.DATING,
    "state_name": W.STATES,  # counts for no feature: it keeps 朝鮮 inside 北朝鮮 from being read as a group
    # 頭 ending another word (冒頭, 街頭, 先頭): a crowd or an opening that boils, no head called mad
    "head_compound": tuple(k + "頭" + v for k in "冒街先店念年没口台陣初路筆埠"
                           for v in ("沸いて", "湧いて", "わいて")) + HEAT_HEADS,
    "maker": MAKERS + BODY_PEOPLE,  # counts for no feature but third_person: the thing inside is no target
    "press_thing": W.PRESS_THINGS,  # counts for no feature: 記者 inside 記者クラブ names no one (they stay things)
}


_BRAND_OF: dict[str, list[int]] = {}


for _i, (_name, _lits, _doms) in enumerate(L.BRAND_RULES):
    for _lit in _lits:
        _BRAND_OF.setdefault(_lit.replace("\\b", ""), []).append(_i)


_LISTS["brand_mention"] = tuple(_BRAND_OF)


# a katakana insult strings with others into one word (クソバカ, ハゲデブ, キモオタハゲ): matcher.py's compound parts
_WORDS = Matcher(_LISTS, opaque=("state_name", "press_thing", "head_compound", "maker"),
                 compound=("insult", "dehumanize"))


_BRAND_DOMAINS = tuple(doms for _name, _lits, doms in L.BRAND_RULES)


# combinations inside one sentence: feature -> (categories of which one must be present, per group)
_COMBOS = {
    "insult_at_person": (("insult", "profanity_en", "slur"), ("second_person", "third_person", "named_person")),
    "insult_at_group": (("insult", "slur", "dehumanize"), ("group", "group_named")),
    "insult_at_self": (("insult",), ("self_ref",)),
    "insult_reported": (("insult", "slur", "profanity_en"), ("reporting", "quotation")),
    "insult_at_thing": (("insult", "profanity_en"), ("thing",)),
    "sexual_at_person": (("sexual_word", "sexual_harass"), ("second_person", "third_person", "named_person")),
    "death_wish_at_person": (("death_wish",), ("second_person", "third_person", "named_person")),
    "violence_at_person": (("violence_word",), ("second_person", "third_person", "named_person")),
    # session 41: a call for harm on a group (threat_en.py's "[group] need to be hurt") attacks the group too
    "group_attack": (("group", "group_named", "slur"), ("dehumanize", "expel", "death_wish", "violence_word",
                                                        "threat_en")),
    "self_harm_at_person": (("self_harm_push",), ("second_person", "third_person")),  # a death wish is harassment
    "crime_at_person": (("crime_word",), ("second_person", "third_person", "named_person")),
    "crime_at_public": (("crime_word",), ("public_figure",)),
    "hate_at_group": (("hate_statement_en", "hate_statement_ja"), ("group", "group_named")),
    "group_praise": (("praise",), ("group", "group_named")),
    "news_violence": (("violence_word", "death_wish"), ("news",)),
    "caution_at_person": (("caution",), ("second_person", "third_person", "named_person")),
    "attack_at_public": (("death_wish", "violence_word", "dehumanize", "threat_ja", "sexual_harass"),
                         ("public_figure",)),
}


# "insult" and "profanity_en" have no count of their own: they enter only with whom they aim at (the combinations,
# insult_unaimed, profanity_unaimed), so a swear word at nobody is not learnt as an attack on someone
_SAT = ("sexual_word", "death_wish", "violence_word", "group", "group_named", "slur", "dehumanize",
        "expel", "sexual_harass", "self_harm_push", "self_harm_self", "crime_word", "hedge", "second_person",
        "third_person", "named_person", "public_figure", "self_ref", "reporting", "literal", "news", "negated_ja",
        "favour_yaru")


FEATURE_NAMES = (
    "url_count", "url_spam_domain", "url_shortener", "url_safe_domain", "url_unknown_domain", "brand_mention",
    "brand_foreign_domain", "brand_lookalike_domain", "line_id", "contact_handoff", "phone", "email",
    "money_phrase", "money_amount", "urgency_phrase", "dating_lure", "engagement_bait", "emoji_density", "emoji_count",
    "repetition", "invisible_chars", "lookalike_chars", "masked_words", "spaced_letters", "exclaim", "hashtags",
    "length", "latin_ratio", "digit_ratio", "has_japanese", *_SAT, *_COMBOS, *CONSTRUCTIONS,
    "insult_unaimed", "profanity_unaimed", "quoted_harm", "pii_pieces", "pii_public", "pii_expose_act", "pii_exposed",
    "denied_harm",
    "sentences", "denied_praise_at_group", "denied_stereotype_at_group",
    # session 49: every attack frame in the text attacks no one (moderation.targets.unaimed_en): the hate gate's
    # shut, which no head learns (model/pipeline.py)
    "attack_unaimed_en",
)


# feature -> the kind of span in the text that makes it fire (explanations)
SPAN_KINDS = {name: name for name in FEATURE_NAMES}


SPAN_KINDS.update({"url_count": "url", "url_spam_domain": "url", "url_shortener": "url", "url_unknown_domain": "url",
                   "brand_foreign_domain": "url", "brand_lookalike_domain": "url", "pii_pieces": "personal_info",
                   "pii_exposed": "personal_info"})


for _name, (_first, _second) in _COMBOS.items():
    SPAN_KINDS[_name] = _first[0]
