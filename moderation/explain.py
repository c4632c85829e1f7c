"""Why a head scored a comment: spans of the ORIGINAL text, snapped to words, and named signal features.

Each n-gram's contribution to the head's decision value (TF-IDF value x weight) is shared out over the
characters of its occurrences (a compiled pass per block: moderation.kernels.evidence.ngram_spread), runs of characters
above 15% of the peak become spans, and a span is widened to the whole word it cuts (a listed word, else the run of one
script: プーチン, not ーチ). Signal features add the spans of what made them fire (a URL, a threat).
"""

from __future__ import annotations

from operator import itemgetter

import numpy as np

from moderation.encoded import joined_codes
from moderation.features.spans import spans_by_kind
from moderation.features.vocabulary import FEATURE_NAMES, SPAN_KINDS
from moderation.kernels.evidence import explain_ngrams, explain_ngrams_many, laid_out

__all__ = ["evidence", "evidence_many", "explain"]

MAX_ITEMS = 8
MIN_WEIGHT = 0.02  # contributions (log-odds) below this are not worth showing
MAX_WIDEN = 24     # characters a span may grow on each side to reach a word boundary
# context features shift every comment of a kind (length, script); they explain nothing about one comment
CONTEXT = frozenset({"has_japanese", "length", "latin_ratio", "digit_ratio", "sentences"})
_FIRST = itemgetter(0)
_READ_BY: dict[str, list[int]] = {}  # kind of span -> the features (indices) whose explanation reads it
for _j, _name in enumerate(FEATURE_NAMES):
    _READ_BY.setdefault(SPAN_KINDS[_name], []).append(_j)


def _shown(weight: float) -> float:
    """round(weight, 4), the same float without round()'s trip through a decimal string and back (~3k instructions;
    a held comment's explanation rounds a dozen). For 0 < w < 100, w * 1e4 < 2**20 is within 2**-33 of the exact
    product, so when it lies more than 1e-9 from a half, its nearest integer n is the exact product's, the digits
    round() keeps, and n / 1e4 (one IEEE division of exact doubles) is the double nearest n / 10**4, the one round()
    reads back (api.comment_records.rounded's argument at 6 digits). Anything else is round()'s own."""
    if 0.0 < weight < 100.0:
        scaled = weight * 1e4
        nearest = int(scaled + 0.5)
        if -0.499999999 < scaled - nearest < 0.499999999:
            return nearest / 1e4
    return round(weight, 4)


def _layout(enc) -> tuple[dict[str, list[tuple[int, int]]], dict[int, list[tuple[int, int, float]]],
                          dict[str, list[tuple[int, int]]]]:
    """What the explanations of one comment share, worked out once: the spans of what made each signal fire, by
    kind, each explained head's n-gram evidence (filled by evidence()), and each kind's spans as shown (filled by
    explain(): several features and heads read one kind)."""
    if enc.layout is None:
        items = enc.spans or ()
        if any(map(callable, items)):  # a construction left for an explanation: scanned only if its kind is read
            items = [item for item in items if not callable(item) or _read(enc, item.kind)]
        enc.layout = (spans_by_kind(items), {}, {})
    return enc.layout


def _signals(features, heads, enc, k: int) -> list[tuple[float, int]]:
    """(contribution, feature) of head k's signals above MIN_WEIGHT (weight x signal), the largest first, equal ones
    (none among the shipped weights) in the features' order: the few above sorted as Python floats, not all 94
    listed and argsorted."""
    sig_w = heads.coef_[features.signal_offset_:, k] * enc.signals
    above = (sig_w > MIN_WEIGHT).nonzero()[0]
    return sorted(zip(sig_w[above].tolist(), above.tolist(), strict=True), key=_FIRST, reverse=True)


def _read(enc, kind: str) -> bool:
    """Whether an explanation of `enc` can read the spans of `kind`: explain() reads a feature's spans only if its
    contribution (weight x signal) is above MIN_WEIGHT, never a feature whose signal is 0."""
    signals = enc.signals
    return any(signals[j] != 0 for j in _READ_BY.get(kind, ()))


def evidence(features, heads, enc, ks) -> None:
    """The n-gram evidence of every head in `ks` (kernels.explain_ngrams: one compiled call for all of them, the
    layout of the char and word blocks worked out once), kept for explain()."""
    found = _layout(enc)[1]
    todo = [k for k in ks if k not in found]
    if not todo:
        return
    _keep(((found, todo),), explain_ngrams(enc.packed, len(enc.norm.text), enc.n_codes, features.char_ngram_max,
                                           1 << features.char_bits, features.signal_offset_, heads.coef_,
                                           np.asarray(todo, dtype=np.int64), enc.codes, MAX_WIDEN), len(todo))


def evidence_many(features, heads, jobs) -> None:
    """evidence() of many comments, (enc, ks) each, in ONE compiled call for all of them
    (kernels.explain_ngrams_many): a batch's held comments pay one call, not one each."""
    todo = []
    for enc, ks in jobs:
        found = _layout(enc)[1]
        if heads_left := [k for k in ks if k not in found]:
            todo.append((enc, found, heads_left))
    if not todo:
        return
    encs = [enc for enc, _found, _ks in todo]
    bufs, codes = [enc.packed for enc in encs], [enc.codes for enc in encs]
    ks = [k for _enc, _found, heads_left in todo for k in heads_left]
    answer = explain_ngrams_many(np.concatenate(bufs), _ends(bufs), np.asarray([len(enc.norm.text) for enc in encs]),
                                 np.asarray([enc.n_codes for enc in encs]), features.char_ngram_max,
                                 1 << features.char_bits, features.signal_offset_, heads.coef_,
                                 np.asarray(ks, dtype=np.int64), np.cumsum([0, *(len(k) for *_, k in todo)]),
                                 joined_codes(codes), _ends(codes), MAX_WIDEN)
    _keep([(found, heads_left) for _enc, found, heads_left in todo], answer, len(ks))


def _ends(arrays) -> np.ndarray:
    """Where each of `arrays` starts when laid end to end, and where the last ends."""
    return np.cumsum([0, *(a.size for a in arrays)])


def _keep(todo, answer, heads) -> None:
    """Each (found, ks) of `todo`'s heads' evidence, laid end to end in the kernel's answer (`heads` in all), kept in
    `found` as its largest MAX_ITEMS items (start, end, weight). Ranked by numpy's argsort (its order among equal
    weights, common here, is the one explanations always had), the items read from the answer as lists once, not
    gathered per head."""
    starts, ends, weights, bounds = laid_out(answer, heads)
    bounds = bounds.tolist()
    s_list, e_list, w_list = starts.tolist(), ends.tolist(), weights.tolist()
    i = 0
    for found, ks in todo:
        for k in ks:
            a, b = bounds[i], bounds[i + 1]
            i += 1
            order = (-weights[a:b]).argsort()[:MAX_ITEMS].tolist() if b - a > 1 else range(b - a)
            found[k] = [(s_list[a + j], e_list[a + j], w_list[a + j]) for j in order]


def _ngram_items(features, heads, enc, k: int) -> list[tuple[int, int, float]]:
    """Head k's n-gram evidence in the normalised text: the runs of characters above 15% of the peak of its
    positive contribution (char block plus word block, kernels.evidence.ngram_evidence), widened to the words they cut,
    with their summed contribution, largest first."""
    evidence(features, heads, enc, (k,))  # kept already when Scorer._explain asked for every head it explains
    return _layout(enc)[1][k]


def explain(features, heads, enc, k: int, label: str, original: str) -> list[dict]:
    """Up to MAX_ITEMS evidence items for head `k` (output name `label`), largest contribution first."""
    norm = enc.norm
    # an n-gram weighing less than MIN_WEIGHT rounds to at most MIN_WEIGHT and is dropped below: not mapped or rounded
    ngrams = [item for item in _ngram_items(features, heads, enc, k) if item[2] >= MIN_WEIGHT]
    by_kind, _, shown = _layout(enc)
    # (shown weight, start, end, feature) of every item, in order; only those kept are made into answers (about
    # half of a head's fifteen are below MIN_WEIGHT or after the first MAX_ITEMS)
    items = [(_shown(weight), s, e, None)
             for (s, e), (_a, _b, weight) in zip(norm.spans([(a, b) for a, b, _w in ngrams]), ngrams, strict=True)]
    for c, j in _signals(features, heads, enc, k)[:MAX_ITEMS + len(CONTEXT)]:
        name = FEATURE_NAMES[j]
        if name in CONTEXT:
            continue
        kind = SPAN_KINDS[name]
        if (where := shown.get(kind)) is None:
            where = shown[kind] = sorted(set(norm.spans(by_kind.get(kind, ())[:MAX_ITEMS])))
        if where:
            share = _shown(c / len(where))  # one weight for each of the feature's spans, rounded once
            items += [(share, s, e, name) for s, e in where]
        else:
            items.append((_shown(c), None, None, name))
    items = [item for item in items if item[0] > MIN_WEIGHT]
    items.sort(key=_FIRST, reverse=True)  # stable (reverse too): equal weights keep their order
    return [{"label": label, "start": s, "end": e, "text": original[s:e], "weight": w} if name is None
            else {"label": label, "feature": name, "weight": w} if s is None
            else {"label": label, "start": s, "end": e, "text": original[s:e], "feature": name, "weight": w}
            for w, s, e, name in items[:MAX_ITEMS]]
