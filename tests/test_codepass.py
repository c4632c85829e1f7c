"""One compiled call per text gives exactly what the separate calls it replaced gave, so every answer is unchanged.

signals' CodePass (moderation/codepass.py) stands for kernels.code_stats, the needle index's scan, the word lists'
Matcher.find_arrays, the features' _SENTENCE_END and every slotted guard's start search
(moderation/needles/positions.py); normalize's _every_start call also finds the obfuscation needles and keeps the
code points encode() reads. Each part is compared with the call it replaced, and the shipped model's scores and
explanations with those of a scorer that makes the separate calls again, on the news-site mix, generated and
adversarial texts.
"""

import functools
import itertools
import random
import re

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bench.adversarial import adversarial_inputs
from bench.mixes import news_comments
from moderation import codepass, vectorizer
from moderation.automaton import Automaton
from moderation.features import patterns as FP
from moderation.features import signals as FS
from moderation.features import tables as FT
from moderation.features import vocabulary as FV
from moderation.kernels.counts import code_stats
from moderation.targets import pii as TP
from moderation.text import normalize as text_normalize
from moderation.text import starts as text_starts
from moderation.text.edits import _squash_runs
from moderation.text.normalize import normalize
from tests.support.guard_bits import asked_bits
from tests.test_kernels import ARTIFACTS, texts

MARKS = "。．.!?！？\n"
ALPHABET = MARKS + "".join(map(chr, codepass.SPACES.tolist())) + "aあ死ね「」\"@0٣¥円万"


@functools.cache
def sample() -> tuple[str, ...]:
    """The news-site mix, generated texts and every 9th adversarial input (cut to 600 characters): made once, read by
    four tests."""
    mix = [c[0] for c in news_comments(random.Random(13), 400)]
    return (*mix, *texts(300, seed=31), *[t for _p, t in adversarial_inputs(600)][::9], "", ".", "a.", "。。!", "a. b")


def _slots() -> dict[int, object]:
    """A guard of each slot of the signals' StartIndex (the guards of one slot search for the same strings)."""
    slots = {g.slot: g for index in (FP._NEEDLES, FP._PII_NEEDLES, FP._NEEDLES_REPORTED)
             for g in index.guards.values() if g.slot is not None}
    # and the split parts' Tails (moderation/needles/tails.py), whose slots hold their tails' start strings
    slots.update({g.slot: g for split in FP._SPLIT.values() for g in split.guards
                  if getattr(g, "begins", None) and g.slot is not None})
    # and personal_info's context patterns (targets/pii._Starts), whose slots hold their start strings
    slots.update({s.slot: s for s in FP._PII_CONTEXT.values() if s.slot is not None})
    slots[FP.DENIED_GUARD.slot] = FP.DENIED_GUARD  # and DENIED_EN's (targets/denied.py)
    for guard in (FP.TREATED_GUARD, FP.TREATED_OBJECT_GUARD):  # and TREATED_EN's, its felt object's (targets/treated)
        slots[guard.slot] = guard
    assert sorted(slots) == list(range(FP._STARTS.begin.size)), "a slot of the signals' StartIndex is missing here"
    return slots


SLOTS = _slots()


def _occurrences(word: str, t: str) -> list[int]:
    """Every position where `word` begins in `t`, overlapping ones too: what finditer of the lookahead
    `(?=re.escape(word))` gives, without a pattern per word (2.6 million re.escape + compile-cache calls made
    stops_of 80% of this file's CPU)."""
    out, at = [], t.find(word)
    while at >= 0:
        out.append(at)
        at = t.find(word, at + 1)
    return out


def stops_of(guard, t: str) -> list[int]:
    """Every position where the guard's start search (a regex) stops in `t` (a Tail's: where one of its tails'
    start strings begins)."""
    if getattr(guard, "begins", None):
        return sorted({at for b in guard.begins for at in _occurrences(b, t)})
    out: list[int] = []
    pos = 0
    while pos <= len(t) and (m := guard.starts.search(t, pos)) is not None:
        out.append(m.start())
        pos = m.start() + 1
    return out


def separate(codes: np.ndarray, every_brand: bool = False) -> codepass.CodePass:
    """What signals asked of the code points before: four calls and a start search per guard (the reference);
    `every_brand`: count a brand hit always, so _brands looks at the hits as it did before the count let it skip
    them. Worked out once a text: the one-pass test and the scores test ask it of the same normalised sample."""
    key = codes.tobytes()
    if key not in _SEPARATE:
        _SEPARATE[key] = _separate(codes)
    packed, words = _SEPARATE[key]
    packed = packed.copy()  # CodePass answers views of it
    if every_brand:
        packed[5] = 1  # the head's `flagged`
    return codepass.CodePass(packed, words)


_SEPARATE: dict[bytes, tuple[np.ndarray, int]] = {}


def _separate(codes: np.ndarray) -> tuple[np.ndarray, int]:
    """separate's packed answers and how many words the guards' answers take."""
    t = codes.tobytes().decode("utf-32-le")
    counts, distinct = code_stats(codes, FP._EDGES)
    values = FP._NEEDLES.automaton.values
    found = [values.index(v) for v in FP._NEEDLES.found(t, codes)]
    starts, ends, words = FV._WORDS.find_arrays(t, codes)
    stops = [m.end() for m in FP._SENTENCE_END.finditer(t)]
    flagged = int(FT._tables().brand_word[words].sum())
    passed = asked_bits(t, set(t), FP._NEEDLES.found(t, codes))
    answers = [passed >> (63 * k) & (1 << 63) - 1 for k in range(-(-len(FP._BITS.asked) // 63))]
    head = [counts.size, len(found), starts.size, len(stops), distinct, flagged, *answers, *counts.tolist()]
    tried = [stops_of(SLOTS[k], t) for k in range(len(SLOTS))]
    bounds = np.cumsum([len(SLOTS) + 1] + [len(p) for p in tried]).tolist()
    packed = np.asarray(head + sorted(found) + starts.tolist() + ends.tolist() + words.tolist() + stops + bounds
                        + [a for p in tried for a in p], np.int64)
    return packed, len(answers)


def codes_of(t: str) -> np.ndarray:
    return np.frombuffer(t.encode("utf-32-le"), dtype=np.uint32)


def assert_same_pass(t: str):
    codes = codes_of(t)
    got = codepass.scan(codes, FP._EDGES, FP._NEEDLES.automaton, FV._WORDS,
                        FT._tables().brand_word, FP._STARTS, FP._BITS)
    want = separate(codes)
    for name in ("classes", "starts", "ends", "words", "sentence_ends"):
        assert getattr(got, name).tolist() == getattr(want, name).tolist(), (name, t)
    for slot in SLOTS:
        assert got.tries(slot) == want.tries(slot), (SLOTS[slot].pattern.pattern, t)
    assert (got.distinct, got.flagged, got.passed) == (want.distinct, want.flagged, want.passed), t
    assert sorted(got.needles.tolist()) == want.needles.tolist(), t  # found() is a set: each needle once


@pytest.mark.slow
def test_the_one_pass_answers_as_the_four_calls():
    for t in sample():
        assert_same_pass(normalize(t).text)


@settings(max_examples=400, deadline=None)
@given(st.text(st.sampled_from(ALPHABET), max_size=60))
@pytest.mark.slow
def test_sentences_end_where_the_pattern_ends_them(t):
    """Sentence marks, dots before every kind of space the engine's \\s knows, and at the end."""
    assert codepass.sentence_ends(codes_of(t), codepass.SPACES, codepass._STOPS).tolist() == [
        m.end() for m in FP._SENTENCE_END.finditer(t)]
    assert_same_pass(t)


@pytest.mark.slow
def test_spaces_are_what_the_engine_calls_whitespace():
    engine = [c for c in range(0x110000) if 0xD800 > c or c > 0xDFFF if re.fullmatch(r"\s", chr(c))]
    assert codepass.SPACES.tolist() == engine


def test_normalize_keeps_the_code_points_and_needles_of_the_text_it_returns():
    kept = 0
    for t in sample():
        norm = normalize(t)
        if norm.codes is not None:
            kept += 1
            assert norm.codes.tolist() == codes_of(norm.text).tolist(), t
        assert text_starts._obfuscation_needles(norm.text) == text_starts._OBFUSCATION_INDEX.found(norm.text), t
    assert kept > 300  # most texts need no rewrite after the last scan


def run_texts(n: int = 1500, seed: int = 29) -> list[str]:
    """Texts of obfuscation needles with a run of one of their characters inside or around, and runs of other
    characters (ｗｗｗｗ, ーーー, !!!) beside them: what normalize squashes before it reads a text's needles."""
    rng = random.Random(seed)
    needles = sorted(text_starts._OBFUSCATION_INDEX.automaton.keys)
    fill = "ｗwーー〜!！？。、あいうしね死氏4kusobak0 .・"
    out = []
    for _ in range(n):
        parts = []
        for _ in range(rng.randint(1, 6)):
            if rng.random() < 0.5:
                w = rng.choice(needles)
                i = rng.randrange(len(w))
                parts.append(w[:i] + w[i] * rng.randint(3, 6) + w[i:] if rng.random() < 0.6 else w)
            else:
                parts.append(rng.choice(fill) * rng.randint(1, 6))
        out.append("".join(parts))
    return out


class _EveryRun:
    """A _DOUBLED every run meets: normalize scans the squashed text again, as it did before it read the needles of
    the scan before the squash."""

    @staticmethod
    def isdisjoint(_chars) -> bool:
        return False


def _normalized(monkeypatch, texts: list[str]) -> list[tuple]:
    """Each text's normalisation and the needles normalize read for it."""
    read: list[set[str]] = []
    needles = text_starts._obfuscation_needles
    monkeypatch.setattr(text_normalize, "_obfuscation_needles", lambda t: read.append(needles(t)) or read[-1])
    out = []
    for t in texts:
        norm = normalize(t)
        out.append((norm.text, norm.invisible, norm.lookalike, norm.masked, norm.spaced, sorted(norm.chars),
                    list(norm.starts), list(norm.ends), read[-1]))
    return out


@pytest.mark.slow  # ~1,600 texts normalised twice: 1.6 s; make test runs it
def test_squashing_runs_leaves_the_needles_normalize_reads(monkeypatch):
    """A run squashed to two characters (ｗｗｗｗ -> ｗｗ, しししね -> ししね) makes and unmakes no needle that holds no
    character twice in a row, so normalize reads the needles of its scan before the squash: the same as the squashed
    text's own scan, and so the same normalisation."""
    sample_texts = run_texts() + list(sample())
    read = _normalized(monkeypatch, sample_texts)
    monkeypatch.setattr(text_normalize, "_DOUBLED", _EveryRun())
    assert read == _normalized(monkeypatch, sample_texts)


def test_a_squash_changes_needles_only_through_a_character_a_needle_doubles():
    """The rule normalize relies on, for any needles: a text and its runs squashed hold the same needles unless a run
    is of a character some needle holds twice in a row (and then they can differ: the rule is not idle)."""
    rng = random.Random(7)
    alphabet = "abcー0 "
    differ = 0
    for _ in range(3000):
        words = {"".join(rng.choice(alphabet) for _ in range(rng.randint(1, 4))) for _ in range(6)}
        automaton = Automaton({w: w for w in words})
        doubled = {a for w in words for a, b in itertools.pairwise(w) if a == b}
        text = "".join(rng.choice(alphabet) * rng.choice((1, 1, 2, 3, 5)) for _ in range(rng.randint(1, 12)))
        runs = text_starts._starts_in(text)[0]
        squashed = _squash_runs(text, runs)[0]
        same = {w for _e, w in automaton.iter(text)} == {w for _e, w in automaton.iter(squashed)}
        if doubled.isdisjoint(text[at] for at in runs.tolist()):
            assert same, (words, text)
        else:
            differ += not same
    assert differ > 20  # 49 of the 3,000


def test_a_run_of_no_needle_character_costs_no_second_scan(monkeypatch):
    scans = []
    found = text_starts._OBFUSCATION_INDEX.found
    monkeypatch.setattr(text_starts._OBFUSCATION_INDEX, "found", lambda *a, **k: scans.append(a) or found(*a, **k))
    norm = normalize("今日のニュース、考えさせられましたｗｗｗｗ　死ねとか言う人はいない")
    assert "ww" in norm.text and "www" not in norm.text  # squashed after the scan
    normalize("しししししね")  # a run of a needle's character, at a needle
    assert scans == []
    monkeypatch.setattr(text_normalize, "_DOUBLED", _EveryRun())  # were し doubled in a needle
    normalize("しししししね")
    assert len(scans) == 1


@pytest.fixture(scope="module")
def shipped():
    from moderation.scoring.scorer import load_scorer, read_active

    version, sha = read_active(ARTIFACTS)
    return load_scorer(ARTIFACTS / version, sha)


@pytest.mark.slow
def test_scores_and_explanations_are_those_of_the_separate_calls(shipped, monkeypatch):
    """The shipped model's every output and explanation (all heads explained) through the one-pass calls, and
    again through the calls they replaced: equal, not close."""
    sample_texts = sample()
    fused = [shipped.score(t, explain_all=True) for t in sample_texts]
    monkeypatch.setattr(FS, "scan", lambda codes, edges, needles, words, flagged, guards, bits: separate(codes, True))
    monkeypatch.setattr(text_normalize, "_obfuscation_needles", text_starts._OBFUSCATION_INDEX.found)
    # personal_info tries its pieces whatever the text's characters (every character of the sample is a trigger)
    monkeypatch.setattr(TP, "_PIECE_TRIGGER", frozenset("".join(normalize(t).text for t in sample_texts)))
    monkeypatch.setattr(vectorizer, "normalize", lambda t: _without_codes(normalize(t)))
    for t, got in zip(sample_texts, fused, strict=True):
        want = shipped.score(t, explain_all=True)
        assert (got.scores, got.categories, got.explanation) == (want.scores, want.categories, want.explanation), t


def _without_codes(norm):
    import dataclasses

    return dataclasses.replace(norm, codes=None)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.sampled_from([-0.0, 0.0, 1.0])),
                min_size=8, max_size=8))
@pytest.mark.slow
def test_combine_clamps_as_the_call_per_head_did(probs):
    """combine() clamps only when a probability is out of [0, 1] (never, for a sigmoid): the same floats, -0.0
    and NaN kept where they were."""
    from moderation.scoring.scorer import CATEGORIES, combine

    clamped = [min(max(p, 0.0), 1.0) for p in probs]
    scores, categories = combine(np.asarray(probs))
    want_categories = dict(zip(CATEGORIES, clamped[1:], strict=True))
    want = {"spam": clamped[0], "abuse": max(want_categories.values())}
    assert repr((scores, categories)) == repr((want, want_categories))  # repr: -0.0 and NaN compared too


def test_spans_of_an_unmoved_text_are_those_of_its_offset_lists():
    """Normalized.span over the identity mapping (ranges) answers as over the same offsets as lists."""
    import dataclasses

    for t in ["", "a", "今日は晴れ", "abc def"] + [c[0] for c in news_comments(random.Random(5), 30)]:
        norm = normalize(t)
        if type(norm.ends) is not range or len(t) > 150:
            continue
        listed = dataclasses.replace(norm, mapping=(list(norm.starts), list(norm.ends)), steps=())
        n = len(norm.text)
        for a in range(-2, n + 3):
            for b in range(a - 1, n + 4):
                got, want = norm.span(a, b), listed.span(a, b)
                assert got == want and type(got[0]) is type(want[0]) is int, (t, a, b)


def test_the_tf_weight_of_an_ngram_seen_once_is_the_logs():
    """featurise's sublinear TF skips the log for tf 1: the same float as log(tf) + 1 compiled, for every tf."""
    from numba import njit

    from moderation.kernels.rows import _sublinear

    @njit
    def with_log(tf):
        return np.log(np.float64(tf)) + 1.0

    for tf in [*range(1, 3000), 2 ** 31, 2 ** 40]:
        assert _sublinear(tf) == with_log(tf) and repr(_sublinear(tf)) == repr(with_log(tf)), tf


def test_the_pass_reads_each_constant_from_its_own_part_of_the_arena():
    """_pass takes its twelve constants as one arena (moderation/kernels/arena.py): each part, read as _PARTS says,
    is the array scan() was given or worked out, so no two are swapped."""
    from moderation.kernels.arena import parts

    codepass.scan(codes_of("a"), FP._EDGES, FP._NEEDLES.automaton, FV._WORDS, FT._tables().brand_word, FP._STARTS,
                  FP._BITS)
    joined = codepass._LAST_JOINED
    table, bounds = Automaton.joined([FP._NEEDLES.automaton, FV._WORDS.automaton, FP._STARTS.automaton])
    g = FP._STARTS
    want = (FP._EDGES, table.table, bounds, FV._WORDS.tables()[1], codepass.SPACES, codepass._STOPS,
            FT._tables().brand_word, FP._BITS.table(), g.slot_at, g.slot_of, g.lengths, g.begin)
    got = parts(joined[6], *codepass._PARTS)
    assert [a.size for a in got] == [a.size for a in want]
    for k, (a, b) in enumerate(zip(got, want, strict=True)):
        assert a.dtype == b.dtype and np.array_equal(a, b), k


def test_an_array_of_another_dtype_is_refused_not_misread():
    with pytest.raises(TypeError, match="code pass's arrays"):
        codepass.scan(codes_of("a"), FP._EDGES.astype(np.int64), FP._NEEDLES.automaton, FV._WORDS,
                      FT._tables().brand_word, FP._STARTS, FP._BITS)
