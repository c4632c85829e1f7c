"""A pattern scanned as its parts (each alternative behind its own needles, moderation/needles/parts.py) finds
exactly the pattern's own matches, spans and order (THREAT_EN, HATE_EN, HATE_JA, REPORTED_AFTER_EN, LOCATED_VISIT,
THREAT_JA): on the written English cases, the threat and located-visit probes, the Japanese suite, those cases run
together, and text generated from the pattern's own pieces (the adversarial inputs:
tests/test_adversarial_matches.py)."""

import functools
import json
import re
import re._parser as P

import pytest

from bench.adversarial import SEPARATORS, _walk
from moderation import PROJECT_ROOT
from moderation.features import patterns as FP
from moderation.needles.guards import NeedleIndex
from moderation.needles.parts import Parts
from moderation.targets import constructions as TC
from moderation.targets import hate_ja as TH
from moderation.targets import located as TL
from moderation.targets import praise as TPR
from moderation.targets import reported as TR
from moderation.targets import threat_ja as TTJ
from moderation.text.normalize import normalize
from tests.support.draws import check_piece_texts

# (the whole pattern, its parts' guard, the needle indexes whose `found` its callers pass)
SPLITS = {"threat_en": (TC.THREAT_EN, FP._SPLIT[TC.THREAT_EN], (FP._NEEDLES,)),
          "hate_statement_en": (TC.HATE_EN, FP._SPLIT[TC.HATE_EN], (FP._NEEDLES,)),
          "hate_statement_ja": (TC.HATE_JA, FP._SPLIT[TC.HATE_JA], (FP._NEEDLES,)),
          "praise_en": (TPR.PRAISE_EN, FP._SPLIT[TPR.PRAISE_EN], (FP._NEEDLES,)),
          "reported_after_en": (TR.REPORTED_AFTER_EN, TR._AFTER_EN_GUARD, (FP._NEEDLES, TR._NEEDLES_REPORTED)),
          "located_visit": (TC.LOCATED_VISIT, FP._SPLIT[TC.LOCATED_VISIT], (FP._NEEDLES,)),
          "threat_ja": (TC.THREAT_JA, FP._SPLIT[TC.THREAT_JA], (FP._NEEDLES,))}
SPLIT_NAMES = list(SPLITS)
# texts with a match, texts with two or more
LEAST = {"threat_en": (120, 300), "hate_statement_en": (80, 170), "hate_statement_ja": (40, 40),
         "praise_en": (30, 60), "reported_after_en": (40, 50), "located_visit": (30, 40), "threat_ja": (60, 140)}
CASES = PROJECT_ROOT / "tests" / "functional"


def _texts(name):
    with open(CASES / name, encoding="utf-8") as f:
        return [json.loads(line)["text"] for line in f if line.strip()]


WRITTEN = _texts("en_validation.jsonl") + _texts("en_threat_probe.jsonl") + _texts("ja_suite.jsonl") + [
    text for lang in ("en", "ja") for probe in ("visit", "purpose")
    for text in _texts(f"{lang}_located_{probe}_probe.jsonl")]


def _same(name, text, expected=None):
    """The parts' scan (as the callers ask it, and with every part tried) gives the whole pattern's matches
    (`expected`, when already known)."""
    whole, split, indexes = SPLITS[name]
    expected = [m.span() for m in whole.finditer(text)] if expected is None else expected
    chars = set(text)
    for index in indexes:  # may_match can be wrong only where the pattern matches: asked there (its needles looked
        # up one by one on the ~9,900 adversarial inputs without a match were 6-9 s CPU of test_adversarial_matches)
        found = index.found(text)
        assert [m.span() for m in split.finditer(text, chars, found)] == expected, text
        assert not expected or split.may_match(text, chars, found), text
    assert [m.span() for m in split.finditer(text)] == expected, text
    assert not expected or split.may_match(text, chars), text
    return expected


def test_the_parts_are_the_alternatives_in_order():
    assert TC.THREAT_EN.pattern == "|".join(rx.pattern for rx in TC.THREAT_EN_PARTS[:1]) + "|(?<![a-z])(?:" + "|".join(
        rx.pattern[len("(?<![a-z])(?:"):-1] for rx in TC.THREAT_EN_PARTS[1:]) + ")"
    assert TC.HATE_EN.pattern == "|".join(rx.pattern for rx in TC.HATE_EN_PARTS)
    removal, denied = len(TH._JA_REMOVE_PARTS), TH._JA_DENIED_AFTER  # the removal's ways apart, then each shape
    assert TC.HATE_JA.pattern == "|".join([f"(?:{TH._JA_REMOVE}){denied}"] + [
        rx.pattern for rx in TC.HATE_JA_PARTS[removal:]])
    assert [rx.pattern for rx in TC.HATE_JA_PARTS[:removal]] == [f"(?:{way}){denied}" for way in TH._JA_REMOVE_PARTS]
    assert TH._JA_REMOVE == "|".join(TH._JA_REMOVE_WAYS) and TH._JA_REMOVE_PARTS == (
        TH._JA_REMOVE_WAYS[0], *(r"出て(?:い|行)" + leave for leave in TH._JA_LEAVE), *TH._JA_REMOVE_WAYS[2:])
    assert TH._JA_REMOVE_WAYS[1] == r"出て(?:い|行)(?:" + "|".join(TH._JA_LEAVE) + ")"
    assert TPR.PRAISE_EN.pattern == "|".join(rx.pattern for rx in TPR.PRAISE_EN_PARTS)
    end = len(TR._AFTER_EN_END)
    assert TR.REPORTED_AFTER_EN.pattern == "(?<![a-z])(?:" + "|".join(
        rx.pattern[len("(?<![a-z])(?:"):-end - 1] for rx in TR.REPORTED_AFTER_EN_PARTS) + ")" + TR._AFTER_EN_END
    assert TC.LOCATED_VISIT.pattern == TL.LOCATED_VISIT_PARTS[0].pattern + "|(?<![a-z])(?:" + "|".join(
        rx.pattern[len("(?<![a-z])(?:"):-len(TL._VISITED_EN) - 1] for rx in TL.LOCATED_VISIT_PARTS[1:]) + ")" + (
        TL._VISITED_EN)
    # threat_ja's said threats each a part, then its deeds (the words' alternation was one part before session 44)
    assert TC.THREAT_JA.pattern == "|".join(rx.pattern for rx in TC.THREAT_JA_PARTS)
    assert TC.THREAT_JA_PARTS == TTJ.THREAT_JA_WORDS + TC.THREAT_JA_DEEDS and len(TTJ.THREAT_JA_WORDS) == 20
    assert all(guard.chars is not None for _whole, split, _i in SPLITS.values() for guard in split.guards)


@pytest.mark.parametrize("name", SPLIT_NAMES)
@pytest.mark.slow
def test_the_written_cases_and_the_probe_match_alike(name):
    hits = 0
    for text in WRITTEN:
        for sample in (normalize(text).text, text.lower()):
            hits += bool(_same(name, sample))
    assert hits >= LEAST[name][0]  # the probe's threats, the written cases' reported words (not empty lists compared)


@pytest.mark.parametrize("name", SPLIT_NAMES)
@pytest.mark.slow
def test_cases_run_together_match_alike(name):
    """Texts holding several cases, so that matches of different parts follow, touch and overlap (the Japanese
    pattern's, the Japanese cases)."""
    normalised = [normalize(t).text for t in WRITTEN if t.isascii() != name.endswith("_ja")]
    many = 0
    for k in range(len(normalised)):
        for joiner in (" ", "", ". ", " and "):
            text = joiner.join(normalised[k:k + 4])
            many += len(_same(name, text)) >= 2
    assert many >= LEAST[name][1]


def _pieces(rx, extra):
    chars, literals = [], []
    _walk(P.parse(rx.pattern), chars, literals)
    return sorted(set(chars) | set(literals) | {lit[:-1] for lit in literals} | set(SEPARATORS) | set(extra))


# each split's pattern and the words its generated texts mix with its pieces
PIECE_SOURCES = {"threat_en": (TC.THREAT_EN, ("you", "him", "them", "i'll ", "we will ", "the ", "people", " and ",
                                              "kill", "a")),
                 "hate_statement_en": (TC.HATE_EN, ("muslims ", "they ", "the ", "people ", " and ", "i ", "a", ". ",
                                                    "being ", "who ")),
                 "hate_statement_ja": (TC.HATE_JA, ("移民", "在日", "中国人", "は", "なんて", "、", "。", "だ",
                                                    "という")),
                 "praise_en": (TPR.PRAISE_EN, ("muslims ", "we ", "the ", "people ", " and ", "i ", "a", ". ", "not ",
                                               "so much", "right ")),
                 "reported_after_en": (TR.REPORTED_AFTER_EN, ("people ", "who ", "the ", " that ", "you ", " to ",
                                                              "a", "\"", ". ")),
                 "located_visit": (TC.LOCATED_VISIT, ("the reporter", "you", "his ", "house", "address", "i'll ",
                                                      "come", "記者", "お前", "家", "特定した", "行く", " ", "。",
                                                      ". ")),
                 "threat_ja": (TC.THREAT_JA, ("お前", "の", "家", "を", "に", "は", "、", "。", "明日", "て",
                                              "やる", "し", "た", "ど"))}


@functools.cache
def pieces(name):
    """A split's pieces, worked out when its slow test asks (parsing the five took ~0.3 s of every worker's
    collection of the fast suite too, when they were worked out at import)."""
    return _pieces(*PIECE_SOURCES[name])


@pytest.mark.parametrize("name", SPLIT_NAMES)
@pytest.mark.slow
def test_generated_text_matches_alike(name):
    """1,500 texts of the split's pieces and a Hypothesis run of 250 (tests/support/draws.py)."""
    check_piece_texts(lambda text: _same(name, text), pieces(name), 1500, 30, name)


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
