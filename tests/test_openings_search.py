"""opened_before tries IN_GROUP_BEFORE only where a match can start (the string's start and the characters not a-z
followed by an opening's first word): the same match as the engine's search over the window, span and groups, for
any text, window start and word."""

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from moderation.targets import openings
from moderation.targets.openings import IN_GROUP_BEFORE, OPENED, _searched
from tests.support.reader_corpus import texts as reader_texts

# the openings' own words and what sits between them: quotes ('im, ‘we), a line's start, digits, other scripts
_TOKENS = ["we", "us", "i'm", "i’m", "im", "i am", "i was", "as a", "as an", "as one of the", "we are", "we're",
           "proud", "my", "fellow", "call me", "called ourselves", "a bit of a", "old", "the only", "your friendly",
           "two", "a couple of", "been", "always been", "signed,", "yours truly,", "and", "just", "happy to be",
           "to be", "of us", "both of us are", "me and the other", "ima", "i, an", "we, the", "we some", "queer",
           # session 60: every first word of an opening (_MAY_OPEN), and words that only start like one
           "myself", "me", "me,", "and i,", "and me are", "me being", "us being", "call", "called", "i've been",
           "we have always been", "i'll always be", "we will be", "i identify as", "we both came out as",
           "i became", "turned into", "of us who are", "i'm one of those", "lots of us", "plenty", "half", "most",
           "many", "three", "loads", "all", "yours sincerely,", "sincerely,", "regards,", "i love being",
           "we really miss being", "so", "really", "very", "glad", "lucky", "blessed", "thrilled", "grateful",
           "not ashamed", "never ashamed", "unashamed", "not", "wee", "weary", "usual", "ask", "image", "mean",
           "andrew", "justice", "properly", "allow", "often", "mystery", "calling", "bothered",
           "dykes", "fag", "bitch", "a", "an", "the", "you", "he", "é", "中国人", "4", "'", "‘", "’", "\"", "(", ",",
           ".", "!", ";", ":", "-"]
_SEPARATORS = ["", " ", " ", " ", " ", "\n", ", ", "  "]


def _same(t: str, pos: int, a: int) -> None:
    want = IN_GROUP_BEFORE.search(t, pos, a)
    got = _searched(t, pos, a)
    assert (got and (got.span(), got.groupdict())) == (want and (want.span(), want.groupdict())), (t, pos, a)


@settings(max_examples=600, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_TOKENS), st.sampled_from(_SEPARATORS)), min_size=1, max_size=14),
       st.integers(0, 200), st.integers(0, 200))
@pytest.mark.slow
def test_the_tried_positions_find_the_searchs_match(pieces, x, y):
    t = "".join(token + sep for token, sep in pieces)
    a = min(max(x, y), len(t))
    _same(t, max(0, a - OPENED), a)
    _same(t, min(x, y, a), a)  # a window opened again after a refused opening starts anywhere


def test_every_word_start_of_the_corpus_opens_as_searched():
    """Each word's window of the readers' corpus and of texts made of the openings' words, and the windows after each
    opening found: none differs, and enough of them open for the comparison to mean something."""
    rng = random.Random(3)
    made = ["".join(rng.choice(_TOKENS) + rng.choice(_SEPARATORS) for _ in range(rng.randint(3, 16)))
            for _ in range(300)]
    corpus = [*rng.sample(reader_texts(), 300), *made, "we queers", "'we dykes'", "im a proud dyke",
              "been a queer my life", "i'm so proud to be a dyke", "(and proud dyke", "’we fags"]
    opened = 0
    for t in corpus:
        for a in [i for i in range(1, len(t)) if t[i - 1] == " "][:40]:
            pos = max(0, a - OPENED)
            while (m := IN_GROUP_BEFORE.search(t, pos, a)) is not None:
                _same(t, pos, a)
                opened += 1
                pos = m.start() + 1
            _same(t, pos, a)
    assert opened > 500, opened  # 1,010


def test_opened_before_asks_the_restricted_search(monkeypatch):
    """The reading goes through _searched, not the pattern's own search (the test above would pass either way)."""
    asked = []
    monkeypatch.setattr(openings, "_searched", lambda t, pos, a: asked.append((pos, a)))
    openings.opened_before("we queers", 3, 9)
    assert asked == [(0, 3)]
