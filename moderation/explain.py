"""Why a head scored a comment: spans of the ORIGINAL text, snapped to words, and named signal features.

Each n-gram's contribution to the head's decision value (TF-IDF value x weight) is shared out over the
characters of its occurrences with numpy (bincount per n-gram size), runs of characters above 15% of the
peak become spans, and a span is widened to the whole word it cuts (a listed word, else the run of one
script: プーチン, not ーチ). Signal features add the spans of what made them fire (a URL, a threat).
"""

from __future__ import annotations

import numpy as np

from moderation.features import FEATURE_NAMES, SPAN_KINDS, expand_spans

__all__ = ["explain"]

MAX_ITEMS = 8
MIN_WEIGHT = 0.02  # contributions (log-odds) below this are not worth showing
MAX_WIDEN = 8      # characters a span may grow on each side to reach a word boundary
# context features shift every comment of a kind (length, script); they explain nothing about one comment
CONTEXT = frozenset({"has_japanese", "length", "latin_ratio", "digit_ratio", "sentences"})


def _script(ch: str) -> int:
    if "\u30a0" <= ch <= "\u30ff":
        return 1
    if "\u3040" <= ch <= "\u309f":
        return 2
    if "\u4e00" <= ch <= "\u9fff" or ch == "々":
        return 3
    if ch.isascii() and ch.isalnum():
        return 4
    return 0


def _widen(text: str, a: int, b: int) -> tuple[int, int]:
    """Grow [a, b) to the edges of the script runs it cuts (at most MAX_WIDEN characters each side)."""
    if a >= b:
        return a, b
    left = _script(text[a])
    k = 0
    while left and a > 0 and _script(text[a - 1]) == left and k < MAX_WIDEN:
        a -= 1
        k += 1
    right = _script(text[b - 1])
    k = 0
    while right and b < len(text) and _script(text[b]) == right and k < MAX_WIDEN:
        b += 1
        k += 1
    return a, b


class _Block:
    """Where the n-grams of one block of a comment's row occur, worked out once for every head explained: the
    block's slice of the row, each entry's TF, and per n-gram size the occurrences found in the row (which
    entry, and the characters [start, end) each covers)."""

    __slots__ = ("at", "flat", "sizes", "tf")

    def __init__(self, enc, lo: int, hi: int, blocks, starts_of):
        self.flat = None  # the occurrences of every size in one array each (_per_char makes it)
        self.at = slice(*np.searchsorted(enc.indices, (lo, hi)).tolist())  # the row's indices are sorted
        idx = enc.indices[self.at] - lo
        self.sizes = []
        if idx.size == 0:
            return
        every = np.concatenate(blocks)  # the occurrences of all sizes, found in the row with one search
        loc = np.searchsorted(idx, every)
        loc[loc >= idx.size] = 0
        hit = idx[loc] == every
        self.tf = np.bincount(loc[hit], minlength=idx.size)  # every occurrence of a row entry's n-gram hits it
        first = 0
        for size, buckets in enumerate(blocks, start=1):
            at = np.flatnonzero(hit[first:first + buckets.size])
            if at.size:
                starts, ends = starts_of(size, at)
                self.sizes.append((loc[first + at], starts, ends, np.maximum(ends - starts, 1)))
            first += buckets.size


def _per_char(heads, enc, k: int, n_chars: int, block: _Block) -> np.ndarray:
    """Positive contribution of the n-grams of one block, spread over the characters they cover."""
    out = np.zeros(n_chars)
    if not block.sizes:
        return out
    contrib = enc.values[block.at] * heads.coef_[enc.indices[block.at], k]
    pos = contrib > 0
    if not pos.any():
        return out
    share = np.where(pos, contrib / block.tf, 0.0)  # an n-gram weighing against the head spreads nothing
    rows, size = len(block.sizes), n_chars + 1
    if block.flat is None:  # every size's occurrences at once, size i's in row i of one difference array
        block.flat = tuple(np.concatenate(part) for part in zip(*[
            (entry, i * size + starts, i * size + ends, widths)
            for i, (entry, starts, ends, widths) in enumerate(block.sizes)], strict=True))
    entry, starts, ends, widths = block.flat
    w = share[entry] / widths
    # each occurrence adds w to every character of [start, end): a difference array per size, linear in the text,
    # summed size by size in order (the sums of the per-size loop this replaces, to the last bit)
    delta = np.bincount(starts, weights=w, minlength=rows * size) - np.bincount(ends, weights=w,
                                                                                minlength=rows * size)
    spread = np.cumsum(delta.reshape(rows, size), axis=1)
    for row in spread:
        out += row[:n_chars]
    return out


def _layout(features, enc) -> tuple[_Block, _Block | None]:
    if enc.layout is None:
        char_hi = 1 << features.char_bits
        chars = _Block(enc, 0, char_hi, enc.char_buckets, lambda size, at: (at, at + size))
        words = None
        if enc.word_buckets:
            tok = np.asarray(enc.token_spans, dtype=np.int64)
            words = _Block(enc, char_hi, features.signal_offset_, enc.word_buckets,
                           lambda size, at: (tok[at, 0], tok[at + size - 1, 1]))
        enc.layout = (chars, words)
    return enc.layout


def _ngram_spans(features, heads, enc, k: int) -> np.ndarray:
    n = len(enc.norm.text)
    chars, words = _layout(features, enc)
    pc = _per_char(heads, enc, k, n, chars)
    if words is not None:
        pc += _per_char(heads, enc, k, n, words)
    return pc


def _runs(pc: np.ndarray) -> list[tuple[int, int, float]]:
    """Maximal runs of characters above 15% of the peak, with their summed contribution, largest first."""
    if pc.size == 0 or pc.max() <= 0:
        return []
    on = np.concatenate(([False], pc > max(0.15 * float(pc.max()), 1e-6), [False]))
    edges = np.flatnonzero(on[1:] != on[:-1])
    starts, ends = edges[::2], edges[1::2]
    csum = np.concatenate(([0.0], np.cumsum(pc)))
    weights = csum[ends] - csum[starts]
    order = np.argsort(-weights)[:MAX_ITEMS]
    return [(int(starts[r]), int(ends[r]), float(weights[r])) for r in order]


def explain(features, heads, enc, k: int, label: str, original: str) -> list[dict]:
    """Up to MAX_ITEMS evidence items for head `k` (output name `label`), largest contribution first."""
    norm = enc.norm
    items = []
    for a, b, weight in _runs(_ngram_spans(features, heads, enc, k)):
        a, b = _widen(norm.text, a, b)
        s, e = norm.span(a, b)
        items.append({"label": label, "start": s, "end": e, "text": original[s:e], "weight": round(weight, 4)})
    sig_w = heads.coef_[features.signal_offset_:, k] * enc.signals
    by_kind: dict[str, list[tuple[int, int]]] = {}
    for kind, a, b in expand_spans(enc.spans):
        by_kind.setdefault(kind, []).append((a, b))
    for j in np.argsort(-sig_w)[:MAX_ITEMS + len(CONTEXT)]:
        c = float(sig_w[j])
        if c <= MIN_WEIGHT:
            break
        name = FEATURE_NAMES[j]
        if name in CONTEXT:
            continue
        where = sorted({norm.span(a, b) for a, b in by_kind.get(SPAN_KINDS[name], ())[:MAX_ITEMS]})
        for s, e in where:
            items.append({"label": label, "start": s, "end": e, "text": original[s:e], "feature": name,
                          "weight": round(c / len(where), 4)})
        if not where:
            items.append({"label": label, "feature": name, "weight": round(c, 4)})
    items = [it for it in items if it["weight"] > MIN_WEIGHT]
    items.sort(key=lambda it: -it["weight"])
    return items[:MAX_ITEMS]
