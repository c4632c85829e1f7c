"""A plain text (prepass's flag: nowhere for a rewrite after the mapping to start) skips normalize's later rewrites:
it is normalised exactly as they would have left it, on news comments, trigger words and adversarial input."""

from __future__ import annotations

import functools
import random

import numpy as np
import pytest

from bench.adversarial import adversarial_inputs
from bench.mixes import news_comments
from moderation.text import normalize as normalize_module
from moderation.text import prepass, starts
from moderation.text.chars import _FLAGS, _LUT, _MASKS
from moderation.text.normalize import _rewritten, normalize
from moderation.text.patterns import _CLASS, _LOWER_BIT, _OBFUSCATIONS, _REWRITE_BIT
from tests.support.reader_corpus import texts as reader_texts

# each rewrite's needles, the narrowed ones' old needles, masks and what sends a text through the other rewrites
_NEEDLES = sorted({n for _c, listed, _p in _OBFUSCATIONS for n in listed}
                  | {"死", "んで", "読んで", "死亡", "らいん", "害児", "ころす", "こ○す", "ね", "ネ", "し", "シ"})
_BITS = [*_NEEDLES, *_MASKS, "  ", "ああああ", "ｗｗｗ", "し ね", "死.ね", "l i n e", "h4te", "b!tch", "a", "。", "、",
         " ", "今日は", "工口", "力ード", "ア二ア", "\u200b", "😊"]


@functools.cache
def _corpus() -> list[str]:
    rng = random.Random(41)
    out = [text for text, _article, _author in news_comments(random.Random(20261126), 1500)]
    out += reader_texts(n=600) + [text for _name, text in adversarial_inputs(300)]
    out += [a + b for a in _NEEDLES for b in _NEEDLES]
    out += ["".join(rng.choice(_BITS) for _ in range(rng.randint(1, 15))) for _ in range(2000)]
    for text in out:  # every character learnt, as a worker has after its first comments
        normalize(text)
    return out


def _read(norm) -> tuple:
    return (norm.text, list(norm.starts), list(norm.ends), norm.steps, norm.invisible, norm.lookalike, norm.masked,
            norm.spaced, norm.chars, None if norm.codes is None else norm.codes.tobytes())


def _rewrites(text: str):
    """normalize's answer for `text` through _rewritten's passes, as it was before the plain flag."""
    out, chars, lookalike, _codes, _plain, _leet = prepass.mapped(text)
    starts._starts_in(out)  # a plain text's start positions were not kept: worked out again
    return _rewritten(out, (range(len(out)), range(1, len(out) + 1)), 0, lookalike, chars, False)


@pytest.mark.slow  # ~9,000 texts normalised twice (~2 s)
def test_a_plain_text_is_normalised_as_the_rewrites_leave_it():
    texts = _corpus()
    plain = [text for text in texts if (answer := prepass.mapped(text)) is not None and answer[4]]
    assert len(plain) > 2000 and len(texts) - len(plain) > 2000  # both kinds, many of each
    for text in plain:
        assert _read(normalize(text)) == _read(_rewrites(text)), text
    # the flag has teeth: without its listed needles (死ね's own, ころす ...) it calls texts plain that a rewrite
    # changes
    codes_of = [np.frombuffer(t.encode("utf-32-le", "surrogatepass"), np.uint32) for t in texts]
    blind = np.zeros_like(prepass._LISTED)
    plain_set = set(plain)
    wrong = 0
    for text, codes in zip(texts, codes_of, strict=True):
        if text in plain_set or prepass.mapped(text) is None:
            continue
        buf = np.empty(2 * codes.size, np.uint32)
        packed = prepass._mapped_by(codes, _FLAGS, _LUT, prepass._MARK, buf, prepass._KANA, _CLASS,
                                    starts._OBFUSCATION_INDEX.automaton.table, blind)
        if packed[5] and _rewrites(text).text != prepass.mapped(text)[0]:
            wrong += 1
    assert wrong > 0


@pytest.mark.slow  # ~9,000 texts, each rewrite's pattern searched (~2 s)
def test_every_match_without_a_mask_holds_one_of_its_rewrites_listed_needles():
    """What _listed_in (and the plain flag) rely on, for the narrowed needles too: 死ね's matches without a mask hold
    死ネ or another of its needles (not only 死), 死んで's one of its four starts (not only んで); a match that is the
    canonical word itself is no edit and needs none (死ね lists no 死ね, line lin3 and not lin)."""
    texts = _corpus()
    masks = frozenset(_MASKS)
    tried = 0
    for text in texts:
        if not masks.isdisjoint(text):
            continue
        maybe = starts._listed_in(set(text), starts._OBFUSCATION_INDEX.found(text))
        for i, (canonical, _listed, pattern) in enumerate(_OBFUSCATIONS):
            if any(m.group() != canonical for m in pattern.finditer(text)):
                tried += 1
                assert maybe >> i & 1, (i, text)
    assert tried > 1000


def _offsets_read(norm) -> tuple:
    """_read but the steps (a long text's are arrays): the offsets they give are read."""
    read = _read(norm)
    return read[:3] + read[4:]


def _every_rewrite_tried(text: str):
    """normalize's answer for `text` with every rewrite tried (no listed needle asked), as with a mask in it."""
    out, chars, lookalike, _codes, _plain, _leet = prepass.mapped(text)
    starts._starts_in(out)
    return _rewritten(out, (range(len(out)), range(1, len(out) + 1)), 0, lookalike, chars, False)


@pytest.mark.slow  # ~9,000 texts normalised twice, every rewrite tried in one (~4 s)
def test_the_listed_needles_leave_every_text_as_every_rewrite_tried_would(monkeypatch):
    """A rewrite its listed needles skip would have changed nothing: the canonical word alone (死ね、二度と書き込むな,
    the line of "line id", the lin of "feeling") tries none, and every text is normalised as with all of them tried."""
    texts = [*_corpus(), "死ね", "死ネ", "しね!", "line", "lin3", "l1ne", "online lines", "ライン追加", "LINE ID: ab12"]
    for text, skipped in (("死ね、二度と書き込むな。", 0), ("add me on line", 17), ("feeling fine", 17)):
        assert not starts._listed_in(set(text), starts._OBFUSCATION_INDEX.found(text)) >> skipped & 1, text
    assert prepass.mapped("死ね、二度と書き込むな。")[4]  # plain (its characters learnt by the corpus)
    want = {}
    with monkeypatch.context() as patched:
        patched.setattr(normalize_module, "_listed_in", lambda _chars, _found: starts._EVERY_REWRITE)
        for text in texts:
            if prepass.mapped(text) is not None:
                want[text] = _offsets_read(_every_rewrite_tried(text))
    assert len(want) > 8000
    changed = 0
    for text, answer in want.items():
        assert _offsets_read(normalize(text)) == answer, text
        changed += answer[0] != prepass.mapped(text)[0]
    assert changed > 500  # the rewrites changed many of them


def test_the_rewrite_bit_marks_the_masks_and_the_listed_characters():
    singles = {n for _c, listed, _p in _OBFUSCATIONS for n in listed if len(n) == 1}
    marked = {chr(c) for c in np.flatnonzero(_CLASS[:0x10000] & _REWRITE_BIT).tolist()}
    assert marked == set(_MASKS) | singles and singles == {"糞", "屑"}
    assert {chr(c) for c in np.flatnonzero(_CLASS[:0x10000] & _LOWER_BIT).tolist()} == set("abcdefghijklmnopqrstuvwxyz")
    # every listed needle of two characters or more is one of the automaton's (the others are looked up in the text's
    # characters)
    assert prepass._LISTED.sum() == len(starts._REWRITES_OF) - len(singles)
