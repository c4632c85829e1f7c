"""Why a head scored a comment: spans of the ORIGINAL text, snapped to words, and named signal features.

Each n-gram's contribution to the head's decision value (TF-IDF value x weight) is shared out over the
characters of its occurrences (a compiled pass per block: moderation.kernels.ngram_spread), runs of characters
above 15% of the peak become spans, and a span is widened to the whole word it cuts (a listed word, else the run of one
script: プーチン, not ーチ). Signal features add the spans of what made them fire (a URL, a threat).
"""

from __future__ import annotations

import numpy as np

from moderation.features import FEATURE_NAMES, SPAN_KINDS, expand_spans
from moderation.kernels import ngram_evidence, ngram_layout

__all__ = ["explain"]

MAX_ITEMS = 8
MIN_WEIGHT = 0.02  # contributions (log-odds) below this are not worth showing
MAX_WIDEN = 8      # characters a span may grow on each side to reach a word boundary
# context features shift every comment of a kind (length, script); they explain nothing about one comment
CONTEXT = frozenset({"has_japanese", "length", "latin_ratio", "digit_ratio", "sentences"})


_NO_TOKENS = np.zeros((0, 2), dtype=np.int64)


def _layout(features, enc) -> tuple:
    """Where the char and the word n-grams of the comment's row occur, worked out once for every head explained:
    per block (kernels.ngram_layout), its first entry in the row, each occurrence's entry, each entry's
    occurrences and the occurrences per n-gram size; whether there are words, the token spans, the text's code
    points, and the spans of what made each signal fire, by kind."""
    if enc.layout is None:
        char_hi = 1 << features.char_bits
        indices = enc.indices
        chars = _block(indices, 0, char_hi, enc.char_flat, enc.char_sizes)
        words, tokens = chars, _NO_TOKENS  # no word block: never read
        word_sizes = enc.word_sizes
        if word_sizes:
            words = _block(indices, char_hi, features.signal_offset_, enc.word_flat, word_sizes)
            tokens = enc.token_spans
        by_kind: dict[str, list[tuple[int, int]]] = {}
        for kind, a, b in expand_spans(enc.spans):
            by_kind.setdefault(kind, []).append((a, b))
        codes = enc.norm.codes  # normalize's, when it worked them out for its text
        enc.layout = (chars, words, bool(word_sizes), tokens,
                      codes if codes is not None else np.frombuffer(enc.norm.text.encode("utf-32-le"), dtype=np.uint32),
                      by_kind)
    return enc.layout


def _block(indices: np.ndarray, lo: int, hi: int, flat: np.ndarray, sizes: list[int]) -> tuple:
    return (*ngram_layout(indices, lo, hi, flat), np.asarray(sizes, dtype=np.int64))


def _ngram_items(features, heads, enc, k: int) -> list[tuple[int, int, float]]:
    """Head k's n-gram evidence in the normalised text: the runs of characters above 15% of the peak of its
    positive contribution (char block plus word block, kernels.ngram_evidence), widened to the words they cut,
    with their summed contribution, largest first."""
    chars, words, has_words, tokens, codes, _by_kind = _layout(features, enc)
    starts, ends, weights = ngram_evidence(len(enc.norm.text), enc.indices, enc.values, heads.coef_, k, chars, words,
                                           tokens, has_words, codes, MAX_WIDEN)
    if not weights.size:
        return []
    order = np.argsort(-weights)[:MAX_ITEMS]  # numpy's order among equal weights, as before
    return list(zip(starts[order].tolist(), ends[order].tolist(), weights[order].tolist(), strict=True))


def explain(features, heads, enc, k: int, label: str, original: str) -> list[dict]:
    """Up to MAX_ITEMS evidence items for head `k` (output name `label`), largest contribution first."""
    norm = enc.norm
    items = []
    for a, b, weight in _ngram_items(features, heads, enc, k):
        s, e = norm.span(a, b)
        items.append({"label": label, "start": s, "end": e, "text": original[s:e], "weight": round(weight, 4)})
    sig_w = heads.coef_[features.signal_offset_:, k] * enc.signals
    by_kind = enc.layout[5]
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
