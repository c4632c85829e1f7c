"""tests/support/first_chars.py, which lets the adversarial scan skip a pattern's search in a text holding none
of the characters a match can start with: it must never leave out a character that can start one."""

import re

import pytest

from tests.support.first_chars import first_chars, matches_where_possible

CHARS = set("abcdefghiklmnopqrstuvwxyzABCKWXY ,.あ殺") | {"\u212a"}  # U+212A KELVIN SIGN folds to k under re.I


@pytest.mark.parametrize(("pattern", "first"), [
    (r"(?<![a-z])(?:i|we) hate", "iw"),  # a lookbehind consumes nothing
    (r"\b(?=f)foo", "f"),  # nor an anchor or a lookahead
    (r"(?:very )?bad", "vb"),  # an optional part, then what follows it
    (r"x{0,3}y", "xy"),
    (r"(?:|a)b", "ab"),  # an empty branch: what follows too, every branch read
    (r"(?:a|b?)c", "abc"),
    (r"(?>ab|c)d", "ac"),
    (r"[a-c]|殺", "abc殺"),
    (r"(?i)kill", "kK\u212a"),  # case folding is sre's own
    (r"(?i:ab)|cd", "aAc"),  # flags inside a group hold there only
    (r"[\s,]x", " ,"),
    (r"(a)\1", "a"),
])
def test_the_characters_a_match_can_start_with(pattern, first):
    assert first_chars(re.compile(pattern), CHARS) == set(first)


def test_a_category_is_read_as_its_characters():
    assert first_chars(re.compile(r"\Sx"), CHARS) == CHARS - {" "}


@pytest.mark.parametrize("pattern", [r"[^a]x", r".x", r"a*", r"(?:a|)", r"(?:a?)(?:b|)"])
def test_anything_or_nothing_first_skips_nothing(pattern):
    assert first_chars(re.compile(pattern), CHARS) is None


def test_only_texts_without_a_first_character_go_unsearched():
    texts = ["xx hate", "we hate", "i hate", "aaaa"]
    got = matches_where_possible(re.compile(r"(?<![a-z])(?:i|we) hate"), texts, [frozenset(t) for t in texts])
    assert got == [[], [(0, 7)], [(0, 6)], []]
