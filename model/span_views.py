"""What hashing someone else's, denied or owned words apart buys a fitted model, without refitting it.

    python -m model.span_views [--artifact DIR|VERSION] [--data-dir ../shared/data] [--probe NAME ...] [--hatecheck]

TextFeatures salts the n-grams that start inside reported words (QUOTED), what denied.py reads as denied and the slur
words owned.py reads as the writer's own (NEGATED), so they learn weights of their own. Each case is scored three
ways through the same kernel: `salted` (as served), `plain` (no span: every n-gram hashed as the writer's own) and
`masked` (the n-grams only a span fills dropped from the row, each block L2-normalised again), and the share flagged
and mean abuse are printed per functionality. Session 35 (issue 12): on 2026.12.04-7 HateCheck's ROC-AUC is 0.834
salted, 0.798 plain, 0.825 masked (counter quotes flagged 2.3% / 31.8% / 4.1%). HateCheck is TEST ONLY: its figures
are read per functionality, never used to choose a rule or a row.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict

import numpy as np

from model.judge import DEFAULT_DATA, DEFAULT_REVIEW, resolve_artifact
from model.labelled_cases import labelled_cases
from moderation.encoded import Encoded, _codes
from moderation.features.signals import signals
from moderation.kernels.decisions import _decide_row
from moderation.kernels.rows import featurise
from moderation.scoring.scorer import HEADS, load_scorer
from moderation.text.normalize import normalize
from moderation.vectorizer import _NOWHERE, _crc_table, _weights

VIEWS = ("salted", "plain", "masked")


def view_probs(scorer, text: str, view: str) -> np.ndarray:
    """The heads' probabilities of `text` under `view` (salted: what the scorer gives)."""
    tf, heads = scorer.features, scorer.heads
    norm = normalize(text)
    codes = _codes(norm)
    focus: list | None = [] if tf.focus_sentence else None
    needles: list = []
    sig = signals(norm, codes, None, focus, needles) * tf.signal_scale
    spans = _NOWHERE if view == "plain" else tf._quoted(norm.text, norm.chars, codes, needles[0])
    a, b = focus[0] if focus else (-1, -1)
    weights = _weights(heads)
    idf_code, idf_values = tf._idf()
    enc = Encoded(norm, featurise(codes, spans, a, b, tf.char_bits, tf.word_bits, tf.char_ngram_max, idf_code,
                                  idf_values, sig, tf.signal_offset_, _crc_table(), *weights),
                  codes.size, tf.char_ngram_max, sig, None)
    if view != "masked" or not spans.shape[0]:
        return enc.probs
    return _masked(tf, enc, spans, weights)


def _masked(tf, enc: Encoded, spans: np.ndarray, weights) -> np.ndarray:
    """The row without the buckets only salted n-grams fill, each n-gram block L2-normalised again."""
    inside = np.zeros(enc.n_codes + 1, bool)
    for row in spans:
        inside[row[0]:row[1]] = True
    char_size = 1 << tf.char_bits
    plain, salted = set(), set()
    for block in enc.char_buckets:
        for i, bucket in enumerate(block.tolist()):
            (salted if inside[i] else plain).add(bucket)
    tokens, words = enc.token_spans, enc.word_buckets
    for n, block in enumerate(words):
        for t, bucket in enumerate(block.tolist()):
            hit = inside[tokens[t, 0]] or (n == 1 and inside[tokens[t + 1, 0]])
            (salted if hit else plain).add(bucket + char_size)
    idx, val = enc.indices, enc.values
    keep = np.asarray([j >= tf.signal_offset_ or j in plain or j not in salted for j in idx.tolist()], bool)
    idx, val = idx[keep], val[keep].copy()
    for lo, hi in ((0, char_size), (char_size, tf.signal_offset_)):
        block = (idx >= lo) & (idx < hi)
        norm = np.sqrt((val[block] ** 2).sum())
        if norm > 0:
            val[block] /= norm
    dec, prob = np.empty(len(HEADS)), np.empty(len(HEADS))
    _decide_row(*weights, idx, val, 0, idx.size, dec, prob)
    return prob


def flagged(scorer, probs: np.ndarray) -> bool:
    """Held or rejected for a harm: abuse (the categories' maximum) or a category at or above its review threshold
    (as model.judge decides: on 2026.12.04-7 the salted view gives the card's HateCheck share per functionality)."""
    th = scorer.card["thresholds"]
    if probs[1:].max() >= th.get("abuse", {}).get("review", DEFAULT_REVIEW):
        return True
    return any(probs[k] >= th.get(HEADS[k], {}).get("review", DEFAULT_REVIEW) for k in range(1, len(HEADS)))


def report(scorer, cases: list[tuple[str, str, bool | None]]) -> dict:
    """Per group of (group, text, harmful or None) cases and view: n, share flagged, mean abuse; ROC-AUC per view."""
    out: dict = defaultdict(lambda: {v: [0, 0, 0.0] for v in VIEWS})
    labels, abuse = [], defaultdict(list)
    for group, text, harmful in cases:
        for view in VIEWS:
            p = view_probs(scorer, text, view)
            cell = out[group][view]
            cell[0] += 1
            cell[1] += flagged(scorer, p)
            cell[2] += float(p[1:].max())
            abuse[view].append(float(p[1:].max()))
        labels.append(harmful)
    rep = {g: {v: {"n": n, "flagged": round(f / n, 4), "abuse": round(s / n, 4)} for v, (n, f, s) in views.items()}
           for g, views in sorted(out.items())}
    if labels and None not in labels and len(set(labels)) == 2:
        from sklearn.metrics import roc_auc_score

        rep["roc_auc_abuse"] = {v: round(float(roc_auc_score(labels, abuse[v])), 4) for v in VIEWS}
    return rep


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--artifact", help="artifact folder or version under model/artifacts (default: the active one)")
    ap.add_argument("--data-dir", default=str(DEFAULT_DATA), help="shared data folder (for hatecheck-en)")
    ap.add_argument("--probe", action="append", default=[], help="a written probe by name (repeatable)")
    ap.add_argument("--hatecheck", action="store_true", help="HateCheck per functionality (test only)")
    args = ap.parse_args(argv)
    scorer = load_scorer(*resolve_artifact(args.artifact))
    cases = labelled_cases(args.probe, args.data_dir if args.hatecheck else None)
    rep = report(scorer, cases)
    auc = rep.pop("roc_auc_abuse", None)
    print(f"{'group':40} {'n':>4} " + " ".join(f"{v + ' flagged':>15}" for v in VIEWS))
    for group, views in rep.items():
        print(f"{group:40} {views['salted']['n']:4d} " + " ".join(f"{views[v]['flagged']:15.3f}" for v in VIEWS))
    if auc:
        print("ROC-AUC abuse", auc)
    return 0


if __name__ == "__main__":
    sys.exit(main())
