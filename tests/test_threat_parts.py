"""THREAT_EN scanned as its parts (each alternative behind its own needles, moderation/needles/parts.py) finds
exactly THREAT_EN's own matches, spans and order: on the written English cases, the threat probe, the Japanese
suite, those cases run together, the adversarial inputs and text generated from the pattern's own pieces."""

import json
import re
import re._parser as P

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.adversarial import SEPARATORS, _walk, adversarial_inputs
from moderation import PROJECT_ROOT
from moderation.features import patterns as FP
from moderation.needles.guards import NeedleIndex
from moderation.needles.parts import Parts
from moderation.targets import constructions as TC
from moderation.text.normalize import normalize

SPLIT = FP._SPLIT[TC.THREAT_EN]
CASES = PROJECT_ROOT / "tests" / "functional"


def _texts(name):
    with open(CASES / name, encoding="utf-8") as f:
        return [json.loads(line)["text"] for line in f if line.strip()]


WRITTEN = _texts("en_validation.jsonl") + _texts("en_threat_probe.jsonl") + _texts("ja_suite.jsonl")


def _same(text):
    """The parts' scan (as signals asks it, and with every part tried) gives THREAT_EN's matches."""
    expected = [m.span() for m in TC.THREAT_EN.finditer(text)]
    chars, found = set(text), FP._NEEDLES.found(text)
    assert [m.span() for m in SPLIT.finditer(text, chars, found)] == expected, text
    assert [m.span() for m in SPLIT.finditer(text)] == expected, text
    assert SPLIT.may_match(text, chars, found) or not expected, text
    assert SPLIT.may_match(text, chars) or not expected, text
    return expected


def test_the_parts_are_threat_ens_alternatives_in_order():
    assert TC.THREAT_EN.pattern == "|".join(rx.pattern for rx in TC.THREAT_EN_PARTS[:1]) + "|(?<![a-z])(?:" + "|".join(
        rx.pattern[len("(?<![a-z])(?:"):-1] for rx in TC.THREAT_EN_PARTS[1:]) + ")"
    assert all(guard.chars is not None for guard in SPLIT.guards)


def test_the_written_cases_and_the_probe_match_alike():
    threats = 0
    for text in WRITTEN:
        for sample in (normalize(text).text, text.lower()):
            threats += bool(_same(sample))
    assert threats >= 60  # the probe's threats, and the written cases' (the comparison is not of empty lists)


def test_cases_run_together_match_alike():
    """Texts holding several cases, so that matches of different parts follow, touch and overlap."""
    normalised = [normalize(t).text for t in WRITTEN if t.isascii()]
    many = 0
    for k in range(len(normalised)):
        for joiner in (" ", "", ". ", " and "):
            text = joiner.join(normalised[k:k + 4])
            many += len(_same(text)) >= 2
    assert many >= 50


def test_the_adversarial_inputs_match_alike():
    for _name, text in adversarial_inputs(300):
        _same(text)


def _pieces():
    chars, literals = [], []
    _walk(P.parse(TC.THREAT_EN.pattern), chars, literals)
    return sorted(set(chars) | set(literals) | {lit[:-1] for lit in literals} | set(SEPARATORS)
                  | {"you", "him", "them", "i'll ", "we will ", "the ", "people", " and ", "kill", "a"})


PIECES = _pieces()


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.lists(st.sampled_from(PIECES), max_size=30).map("".join))
def test_generated_text_matches_alike(text):
    _same(text)


@pytest.mark.parametrize(("parts", "text"), [
    (("ab", "b"), "abab b"),          # the earlier part wins at a shared start; the next search from its end
    (("abc", "bcd", "cd"), "abcd bcd cd"),   # a later part's match inside an earlier one's is skipped
    (("b", "ab"), "ab"),              # the leftmost start wins whatever the part's order
    (("aa", "a"), "aaa"),
    (("xb", "b.*f|c"), "xbcf"),       # a part's next match may start inside its own match that lost
])
def test_the_merge_is_the_alternations_scan(parts, text):
    compiled = [re.compile(p) for p in parts]
    split = Parts(compiled, NeedleIndex(compiled))
    assert [m.span() for m in split.finditer(text)] == [m.span() for m in re.finditer("|".join(parts), text)]
    assert [m.span() for m in split.finditer(text, set(text), NeedleIndex(compiled).found(text))] == [
        m.span() for m in re.finditer("|".join(parts), text)]
