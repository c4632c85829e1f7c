"""owned.may_read tells without a regex when reading() can only answer 0 (words._in_group skips those words): it
must never say no where reading() finds the writer's own word or a literal sense."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from moderation.targets.owned import LITERAL, OWN, may_read, reading

_TOKENS = ["we", "us", "i'm", "i am", "i was", "as a", "as an", "we are", "proud", "my", "fellow", "call me",
           "called ourselves", "a bit of a", "old", "myself", "ourselves", "and proud", "like me", "here", "being",
           "queer", "queers", "dyke", "dykes", "faggots", "fag", "bitch", "homo", "niggas", "peas", "sea", "dogs",
           "smoked", "sapiens", "light", "バカ", "中国人", "お前", "です", "!", ",", ".", "(", "a", "the", "you", "and"]
_SEPARATORS = ["", " ", " ", " ", "\n", " \n", ",", ", ", "\t"]
_WORDS = re.compile(r"queers?|dykes?|faggots|fag|bitch|homo|niggas|バカ|中国人|お前")


def _check(t: str) -> int:
    """How many words reading() read as OWN or LITERAL; fails where may_read says no to one of them."""
    read = 0
    for m in _WORDS.finditer(t):
        found = reading(t, *m.span())
        assert may_read(t, *m.span()) or found == 0, (t, m.group())
        read += found in (OWN, LITERAL)
    return read


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_TOKENS), st.sampled_from(_SEPARATORS)), min_size=1, max_size=12))
@pytest.mark.slow
def test_may_read_never_hides_a_reading(pieces):
    _check("".join(token + sep for token, sep in pieces))


def test_the_words_read_are_checked_and_japanese_hits_skip_the_regexes():
    texts = ["we are both dykes and proud", "queers myself", "faggots and peas for tea", "we \nqueers",
             "as a proud dyke, i", "the sea dyke held"]
    assert sum(_check(t) for t in texts) == len(texts)  # each one read: the property above is not vacuous
    assert not may_read("お前はバカか", 3, 5)
    assert not may_read("we,queers", 3, 9)
