"""What the model trains on besides the real rows: the generated rows and the per-source weights."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import numpy as np

from model import data as D
from model.data.rows import _clean
from model.pipeline import CATEGORIES, HEADS, SEED
from model.synth import generate

# per-row training weight by source: lifts the small Japanese sets and the YouTube comments so that
# the large English tweet set does not decide the abuse direction alone (synthetic sources: 1.0); the real
# Japanese toxic sets at 8/8/4 rather than 4/4/2: 3-fold CV on their training side (docs/japanese-recipe.md) RTP-LX
# prompts 0.887 -> 0.891, toxic vs benign 0.964 -> 0.969, ordinary text flagged no more. RTP-LX benign
# continuations at 8 rather than 4 (session 12): the harm heads learned long text as harmful (`length`
# +0.38..+4.71) because their long negatives are few; ja_cv grouped 3-fold, rule stated first: toxic vs benign
# 0.9784 -> 0.9823, RTP-LX prompts 0.9284 -> 0.9285, inspection-ai 0.6982 -> 0.6987, chat and benign continuations
# flagged unchanged (0.093%, 1.033%)
SOURCE_WEIGHTS = {"realpersonachat": 1.0, "rtp-lx-prompts": 8.0, "rtp-lx-benign": 8.0, "rtp-lx-machine": 1.0,
                  "inspection-ai": 8.0, "youtube-spam": 6.0, "sms-spam": 1.0, "davidson": 0.5, "stormfront": 1.0,
                  "synth-abuse": 1.5,
                  # session 24: crimes asserted of office holders, generated only (no real row names one): half
                  # weight, so their n-grams alone ("Councillor", "stealing from") do not make defamation a certainty
                  "synth-defamation_named-en": 0.5, "synth-defamation_named-ja": 0.5}
# the generated harm rows (threats, hate, insults and their look-alikes, civil sentences about groups) as spam
# negatives: False (the default) leaves them unlabelled for spam (issue 12 item 5: a head learns only from rows
# labelled for it; as negatives, ~18,000 generated sentences without links teach the spam head that a plain sentence
# is never spam, and "like this comment if..." bait is one). Fast leave-one-video-out, same featurisation, mean
# 0.9709 -> 0.9718, 3 of 4 videos up (docs/japanese-recipe.md, session 7)
HARM_ROWS_SPAM_NEGATIVE = False

# a source's weight for one head only, as a factor on its SOURCE_WEIGHTS entry ("davidson", "harassment"): a set
# can teach one category less than the others (Davidson's "offensive" tweets teach that vulgar words are
# harassment, while its hate rows are the hate head's best English positives)
HEAD_WEIGHTS: dict[tuple[str, str], float] = {}
# a factor for one head on the source's rows with one label for it ("davidson:harassment:0=2": Davidson's tweets that
# are clean for harassment count twice there), on top of SOURCE_WEIGHTS and HEAD_WEIGHTS (session 50)
LABEL_WEIGHTS: dict[tuple[str, str, int], float] = {}

# each harm head's Japanese negatives reweighted so that their length distribution matches its positives' (issue
# 12, session 11): the negatives are mostly short chat lines (median 24 characters) and the positives longer
# generated sentences and RTP-LX text, so every harm head learned a positive weight for `length` (hate +4.02) and a
# long civil comment scored higher than a short toxic one. Per length bin (LENGTH_EDGES, characters) a negative's
# weight is multiplied by the positives' share of the bin over the negatives' share, clipped to
# [1 / LENGTH_MATCH_CAP, LENGTH_MATCH_CAP], then rescaled so the head's total negative weight is unchanged
LENGTH_MATCHED = False
LENGTH_EDGES = np.asarray([10, 15, 20, 25, 30, 40, 50, 70, 100, 150, 250])
LENGTH_MATCH_CAP = 4.0
# sources whose negatives keep their weight under LENGTH_MATCHED and stay out of the bins' shares (session 12): the
# non-toxic RTP-LX prompts are the negatives of the same kind and length as the toxic prompts (median 27 characters),
# and matching them to the positives' lengths cut their weight, so prompts were ranked worse (0.9284 -> 0.9266)
LENGTH_KEPT_SOURCES: frozenset[str] = frozenset()


def set_source_weights(items) -> None:
    """Apply --source-weight SOURCE=W (or SOURCE:HEAD=F, a factor for one head, or SOURCE:HEAD:LABEL=F, for that
    head's rows labelled LABEL, 0 or 1) overrides (train, en_quick and lovo take the same option)."""
    for item in items:
        src, _, w = item.partition("=")
        if ":" in src:
            src, head, *label = src.split(":")
            if head not in HEADS:
                raise ValueError(f"--source-weight {item!r}: no head {head!r} (one of {', '.join(HEADS)})")
            if label and label != ["0"] and label != ["1"]:
                raise ValueError(f"--source-weight {item!r}: a label is 0 or 1")
            if label:
                LABEL_WEIGHTS[(src, head, int(label[0]))] = float(w)
            else:
                HEAD_WEIGHTS[(src, head)] = float(w)
        else:
            SOURCE_WEIGHTS[src] = float(w)


def weights_recipe() -> dict:
    """The per-source, per-head and per-label weights as the card records them."""
    return {"sample_weights_by_source": SOURCE_WEIGHTS,
            "head_weight_factors": {**{f"{src}:{head}": f for (src, head), f in HEAD_WEIGHTS.items()},
                                    **{f"{src}:{head}:{label}": f for (src, head, label), f in LABEL_WEIGHTS.items()}},
            "harm_rows_spam_negative": HARM_ROWS_SPAM_NEGATIVE}


def rows_digest(train: list[D.Row]) -> str:
    """sha256 of the training rows in order, their labels and weights: a fit reads nothing else of the data."""
    h = hashlib.sha256()
    for row, labels, weight in zip(train, D.label_matrix(train).tolist(), sample_weights(train).tolist(), strict=True):
        h.update(json.dumps([row.text, row.source, labels, weight]).encode("utf-8"))
    return h.hexdigest()


def sample_weights(rows: list[D.Row]) -> np.ndarray:
    """(n,) per-row weights by source; (n, heads) when a source has a weight for one head (HEAD_WEIGHTS)."""
    w = np.asarray([SOURCE_WEIGHTS.get(r.source, 1.0) for r in rows])
    if not HEAD_WEIGHTS and not LABEL_WEIGHTS and not LENGTH_MATCHED:
        return w
    w = np.repeat(w[:, None], len(HEADS), axis=1)
    sources = np.asarray([r.source for r in rows])
    for (src, head), factor in HEAD_WEIGHTS.items():
        w[sources == src, HEADS.index(head)] *= factor
    if LABEL_WEIGHTS:
        labels = D.label_matrix(rows)
        for (src, head, label), factor in LABEL_WEIGHTS.items():
            k = HEADS.index(head)
            w[(sources == src) & (labels[:, k] == label), k] *= factor
    return length_matched(rows, w) if LENGTH_MATCHED else w


def length_factors(lengths: np.ndarray, pos: np.ndarray, neg: np.ndarray, w: np.ndarray) -> np.ndarray:
    """(bins,) factor on a negative's weight per length bin: the positives' weighted share of the bin over the
    negatives', clipped to [1 / LENGTH_MATCH_CAP, LENGTH_MATCH_CAP]; 1 where a bin holds no negative."""
    bins = np.searchsorted(LENGTH_EDGES, lengths, side="right")
    n = len(LENGTH_EDGES) + 1
    p_share = np.bincount(bins[pos], weights=w[pos], minlength=n) / max(w[pos].sum(), 1e-12)
    n_share = np.bincount(bins[neg], weights=w[neg], minlength=n) / max(w[neg].sum(), 1e-12)
    ratio = np.divide(p_share, n_share, out=np.ones(n), where=n_share > 0)
    return np.clip(ratio, 1.0 / LENGTH_MATCH_CAP, LENGTH_MATCH_CAP)


def length_matched(rows: list[D.Row], w: np.ndarray) -> np.ndarray:
    """(n, heads) weights with each harm head's Japanese negatives reweighted by length_factors (LENGTH_MATCHED), but
    those of LENGTH_KEPT_SOURCES."""
    labels = D.label_matrix(rows)
    lengths = np.asarray([len(r.text) for r in rows])
    bins = np.searchsorted(LENGTH_EDGES, lengths, side="right")
    ja = np.asarray([r.lang == "ja" for r in rows])
    matched = ja & np.asarray([r.source not in LENGTH_KEPT_SOURCES for r in rows])
    w = w.copy()
    for k in range(1, len(HEADS)):
        pos, neg = ja & (labels[:, k] == 1), matched & (labels[:, k] == 0)
        if not pos.any() or not neg.any():
            continue
        new = w[neg, k] * length_factors(lengths, pos, neg, w[:, k])[bins[neg]]
        w[neg, k] = new * (w[neg, k].sum() / new.sum())
    return w


def harm_row_spam(labels: dict) -> int | None:
    """A generated harm row's spam label: 1 stays 1; 0 only while HARM_ROWS_SPAM_NEGATIVE, else unlabelled."""
    spam = labels.get("spam")
    return spam if spam or HARM_ROWS_SPAM_NEGATIVE else None


def _key(text: str) -> str:
    """Case, spacing, punctuation and emoji do not make a sentence another one."""
    return "".join(ch for ch in text.lower() if ch.isalnum())


def held_back_keys(data_dir: Path) -> frozenset[str]:
    """HateCheck's cases and our written suite and probes as keys: a generated row equal to one is never trained on
    (until 2026.12.01-5 the threat probe's "I'll put a bullet in your head." was also a threat template)."""
    import csv

    from model.judge import HATECHECK
    from model.yardsticks import written_cases

    written = [c["text"] for c in written_cases()]
    path = data_dir / HATECHECK
    if not path.is_file():
        return frozenset(map(_key, written))
    with open(path, encoding="utf-8", newline="") as fh:
        return frozenset((*map(_key, written), *(_key(r["test_case"]) for r in csv.DictReader(fh))))


# A generated row is held back when it holds a held-back sentence of at least this many key characters inside
# decoration ("Hey, {case} 😂", a case among filler sentences): 18 rows of 2026.12.05-2's training held a HateCheck
# case that way (the case followed by "! 👍"). Shorter keys (死ね, "i hate you") count only when equal.
CONTAINED_FROM = 12
# Japanese packs a sentence into fewer characters (在日は日本から出ていけ is 11): a key with a CJK or kana
# character counts from 5 (13 generated rows held a JA suite case so in session 38, e.g. ほんと在日は日本から出ていけ;
# from 4, 406 rows held a short phrase such as 死ねよ that is no one case).
CONTAINED_FROM_WIDE = 5


def contained_from(key: str) -> int:
    """How long a held-back key must be to hold a row back when the row only contains it."""
    return CONTAINED_FROM_WIDE if any(ord(ch) > 0x2FFF for ch in key) else CONTAINED_FROM


class HeldBack:
    """Whether a generated row's text is, or holds, a test case: one automaton pass over the row's key."""

    def __init__(self, keys: frozenset[str]):
        from moderation.automaton import Automaton

        self.keys = keys
        self._long = Automaton({k: len(k) for k in keys if len(k) >= contained_from(k)})

    def __contains__(self, text: str) -> bool:
        key = _key(text)
        return key in self.keys or bool(self._long.iter(key))


# the seed model/synth_harms.py draws its rows with (python -m model.en_quick --synth-seed: a refit's spread from which
# generated rows were drawn alone, an A/A for the rules' allowances)
HARMS_SEED = SEED
# model/synth_harms.py EXTRA_EN sets drawn too (python -m model.en_quick --family): none until a screen adopts one
EXTRA_FAMILIES: tuple[str, ...] = ()


def synthetic_rows(data_dir: Path) -> list[D.Row]:
    """model/synth.py's spam genres (spam only) and hard negatives (clean for every head), without its old abuse
    templates (their artefacts: 女, 日本, やん, すぎ, ww, (笑) as abuse cues); plus model/synth_harms.py."""
    held_back = HeldBack(held_back_keys(data_dir))
    rows = []
    for r in generate(data_dir):
        if r.text in held_back:  # a generated sentence that is or holds a test case is never trained on
            continue
        if r.source.startswith("synth-spam"):
            rows.append(D.Row(r.text, 1, None, r.source, r.lang, r.group, r.split, True))
        elif r.source == "synth-hard-negative":
            rows.append(D.Row(r.text, 0, 0, r.source, r.lang, r.group, r.split, True, cats=_clean()))
    try:
        from model.synth_harms import generate as generate_harms
    except ImportError:  # the category generator has not landed in this checkout
        return rows
    for item in generate_harms(HARMS_SEED, extra=EXTRA_FAMILIES):
        if item["text"] in held_back:
            continue
        labels = item["labels"]
        cats = {c: labels.get(c) for c in CATEGORIES}
        known = [v for v in cats.values() if v is not None]
        abuse = max(known) if known else labels.get("abuse")
        rows.append(D.Row(item["text"], harm_row_spam(labels), abuse, item["source"], item["lang"],
                          "synth:" + str(item.get("group", "")), D.TRAIN, True, cats=cats))
    return rows
