"""Praise of a group said with any positive word of the lexicon counts as praise (`group_praise`) where it is a
predicate of the sentence; a denial, a comparison, gladness at an event or a sarcastic frame is none (issue 12)."""

import pytest

from model.praise_words import NOT_PRAISE, NOT_PRAISE_WORDS
from moderation.features.signals import signal_dict
from moderation.wordlists.groups import SLURS
from moderation.wordlists.praise_words import PRAISE_WORDS

PRAISED = [
    "Mexicans are generous hosts.",
    "In my town the refugees are always so cheerful.",
    "Women make superb engineers.",
    "Lesbians deserve our gratitude for what they did at the shelter.",
    "I sincerely appreciate gay people.",
    "We're proud of the immigrants who rebuilt the mill.",
    "Jews have always been honest neighbours to us.",
    "They're wonderful, the Muslims who run the corner shop.",
    "Migrants made the old mill town livelier and kinder.",  # what the group makes of a place
    "We would be so lucky to have Koreans running the bakery.",  # the writer including the group (session 17)
    "I'd gladly share a flat with Muslims.",
    "Gay people are just like everyone else.",
    "Jews are no different from any other neighbours.",
    "Refugees are part of this city now.",
]

NOT_PRAISED = [
    "Mexicans are not generous hosts.",  # denied
    "Immigrants aren't honest.",
    "I don't think Muslims are peaceful.",  # a denied belief
    "Men are better than women at everything.",  # a comparison
    "Muslims are better off in their own countries.",
    "Women are good for nothing.",
    "Immigrants are super lazy.",  # an intensifier, not praise
    "I'm glad someone burned the refugees' tents.",  # gladness at an event
    "I adore how immigrants ruin every town they move to.",  # a sarcastic frame
    "I honestly hate Jews.",  # an adverb, not a feeling at the group
    "Refugees are like rats.",  # a comparison, never praise
    "Immigrants make this town worse, not better.",  # a negation in what they make of it
    "Foreigners will never make this country stronger.",
    "We would be horrified to have Koreans living on our road.",  # the including shapes turned round
    "I'd happily deport every one of the immigrants.",  # a willingness adverb before no verb of living beside
    "Refugees will never be part of this city.",
    "Black people are not the same as the rest of us.",
    "Muslims are nothing like us.",
]


@pytest.mark.parametrize(("text", "praised"), [(t, True) for t in PRAISED] + [(t, False) for t in NOT_PRAISED])
def test_praise_is_read_where_it_is_said_of_the_group(text, praised):
    assert (signal_dict(text)["group_praise"] > 0) is praised, text


def test_the_praise_words_leave_out_tropes_and_harm_words():
    assert list(PRAISE_WORDS) == sorted(set(PRAISE_WORDS))
    assert not [w for w in PRAISE_WORDS if w.startswith(NOT_PRAISE) or w in NOT_PRAISE_WORDS or w in SLURS]
    assert {"generous", "brave", "honest", "wonderful"} <= set(PRAISE_WORDS)
