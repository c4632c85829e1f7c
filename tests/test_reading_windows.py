"""reading()'s window searches asked only where a match can be (owned._partner_before after "my ", owned._self_named
with what every match holds, literal._thing_before after the word a match ends with): the same match as the
pattern's own search over the window, span and groups, for any text and word start; and warm_address's warm words
found in no window its gate refuses."""

import random

from moderation.targets import literal, owned, warm_address
from tests.support.reader_corpus import texts as reader_texts

# the patterns' own words, near misses and what sits between them (a newline ends a window: $ matches before it)
_TOKENS = ["my wife is a", "my", "wife", "is", "also", "has always been", "my partner's", "my other half was",
           "calls herself a", "called himself an", "each other", "one another", "growing up", "growing up as", "who",
           "that", "describes themselves as", "refers to itself as", "sel", "other", "life's a", "it's a", "such a",
           "such an", "real", "hell of a", "getting", "parking", "was", "can be", "will be", "gets", "a", "an", "one",
           "total", "absolutely", "absolute", "bitch", "karma", "this", "the government", "nothing", "something", "i",
           "we", "fucking", "massive", "freaking", "complete", "trying", "to", "'s", "’ll be", "dyke", "queer", "x",
           ".", "(", ",", "!", "\n", "love you", "luv ya", "miss u", "adore you", "congrats", "congratulations",
           "happy birthday", "happy bday", "get home safe", "proud of you", "thanks", "thank you", "thank u",
           "thanks for nothing", "lov", "you"]
_SEPARATORS = ["", " ", " ", " ", " ", "  ", "\n", ", ", ". "]


def _same(got, want, where) -> None:
    assert (got and (got.span(), got.groups())) == (want and (want.span(), want.groups())), where


def test_the_gated_window_searches_find_the_patterns_match():
    rng = random.Random(60)
    made = ["".join(rng.choice(_TOKENS) + rng.choice(_SEPARATORS) for _ in range(rng.randint(1, 18)))
            for _ in range(300)]
    found = {"partner": 0, "named": 0, "thing": 0, "warm": 0}
    for t in [*made, *rng.sample(reader_texts(), 120), "my wife is a dyke\n", "life's a \nbitch", "it's a real bitch"]:
        for a in range(len(t) + 1):
            want = owned._PARTNER_BEFORE.search(t, max(0, a - 48), a)
            _same(owned._partner_before(t, a), want, (t, a))
            found["partner"] += want is not None
            want = owned._SELF_NAMED_BEFORE.search(t, max(0, a - 48), a)
            _same(owned._self_named(t, a), want, (t, a))
            found["named"] += want is not None
            for before in (80, 11):
                want = literal._THING_BEFORE.search(t, max(0, a - before), a)
                _same(literal._thing_before(t, a, before), want, (t, a, before))
                found["thing"] += want is not None
            window = t[max(0, a - 48):a]
            warm = warm_address._WARM.search(t, max(0, a - 48), a)
            assert warm is None or any(map(window.__contains__, warm_address._WARM_HELD)), (t, a)
            found["warm"] += warm is not None
    assert min(found.values()) > 50, found  # enough windows match for the comparison to mean something (76+)
