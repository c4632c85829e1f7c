"""Serving side of the model: load a pinned artifact safely and score comments fast, with explanations.

`load_scorer(artifact_dir, expected_sha256)` (scoring/artifacts.py, re-exported here) reads `model.joblib` as
bytes and checks its SHA-256 BEFORE unpickling (joblib runs code on load), and refuses a card whose scikit-learn
version differs from the installed one. `Scorer.score()` runs the Pipeline's own pieces on one comment: the fitted
`TextFeatures.encode()` builds the row and weighs it with `MaskedHeads`' weights in the same compiled call, the
arithmetic of `MaskedHeads.proba_rows()` and so of `predict_proba` (tests check it to 1e-9) without building a
sparse matrix; `score_many()` is score() of each, worked out stage by stage over the batch.

Outputs: `spam`, and the harm categories (`CATEGORIES`) each a calibrated probability; `abuse` is their
maximum (`combine`), so a comment is abusive as much as its worst harm. Explanations are worked out when
`Score.explanation` is first read (the API reads it only for comments it does not allow), for the outputs at
or above half their review threshold; their weights are contributions to the head's decision value
(log-odds before calibration), their spans snap to words.
"""

from __future__ import annotations

import functools
import operator

import numpy as np

from moderation import kernel_cache, pattern_cache, table_cache
from moderation.explain import evidence, evidence_many, explain
from moderation.kernels.decisions import warm
from moderation.labels import CATEGORIES, LABELS
from moderation.scoring.artifacts import ModelLoadError, load_scorer, read_active
from moderation.scoring.columns import ColumnsError, conform

__all__ = ["CATEGORIES", "HEADS", "LABELS", "ModelLoadError", "Score", "Scorer", "combine", "load_scorer",
           "read_active"]

_WEIGHT = operator.itemgetter("weight")
HEADS = ("spam", *CATEGORIES)  # the model's outputs, in the order of its heads
_EVERY_HEAD = range(len(HEADS))
EXPLAIN_SHARE = 0.5  # explain an output from half its review threshold: anything that may be held


class Score:
    """One comment's probabilities; its explanation is worked out on first read (only held comments need one)."""

    __slots__ = ("_explain", "_explanation", "categories", "model_version", "scores")

    def __init__(self, scores: dict[str, float], categories: dict[str, float] | None = None,
                 explanation: list[dict] | None = None, model_version: str = "", *, explain=None):
        self.scores = scores
        self.categories = {} if categories is None else categories
        self.model_version = model_version
        self._explanation = explanation if explanation is not None or explain else []
        self._explain = explain

    @property
    def explanation(self) -> list[dict]:
        if self._explanation is None:
            self._explanation = self._explain()
            self._explain = None
        return self._explanation

    def __eq__(self, other):
        return isinstance(other, Score) and (self.scores, self.categories, self.model_version, self.explanation) == (
            other.scores, other.categories, other.model_version, other.explanation)

    def __repr__(self):
        return f"Score(scores={self.scores!r}, categories={self.categories!r}, model_version={self.model_version!r})"


def combine(head_probs) -> tuple[dict[str, float], dict[str, float]]:
    """(scores, categories) from the heads' probabilities: abuse = the largest harm category."""
    return _combined(np.asarray(head_probs, dtype=float).tolist())  # floats, not numpy's


def _combined(head_probs: list[float]) -> tuple[dict[str, float], dict[str, float]]:
    """combine() of one row of probabilities already read as Python floats (a batch reads all its rows at once): the
    heads unpacked into two dict displays, 0.8 against 1.4 us with a slice, max() of it and dict(zip())."""
    probs = head_probs
    if not (min(probs) >= 0.0 and max(probs) <= 1.0):  # a sigmoid's never are: no call per head then
        probs = [min(max(p, 0.0), 1.0) for p in probs]
    spam, threat, hate, harassment, sexual, self_harm, personal_info, defamation = probs
    return ({"spam": spam, "abuse": max(threat, hate, harassment, sexual, self_harm, personal_info, defamation)},
            {"threat": threat, "hate": hate, "harassment": harassment, "sexual": sexual, "self_harm": self_harm,
             "personal_info": personal_info, "defamation": defamation})


class Scorer:
    """Scores comments with one loaded artifact. Thread-safe (no mutable state after loading)."""

    def __init__(self, pipeline, card: dict, version: str):
        self.pipeline = pipeline
        self.card = card
        self.version = version
        self.features = pipeline.named_steps["features"]
        self.heads = pipeline.named_steps["heads"]
        if tuple(card.get("heads", ())) != HEADS or self.heads.coef_.shape[1] != len(HEADS):
            raise ModelLoadError(f"artifact heads {card.get('heads')} differ from {HEADS}")
        try:  # its signal weights in this code's columns, by name: a release that adds a signal still scores it
            conform(self.features, self.heads)
        except ColumnsError as exc:
            raise ModelLoadError(f"artifact {version} {exc}") from exc
        self.thresholds = {k: {"review": float(v["review"]), "reject": float(v["reject"])}
                           for k, v in card["thresholds"].items()}
        review = [self.thresholds.get(name, {}).get("review", 0.5) for name in HEADS]
        self._explain_from = (np.asarray(review) * EXPLAIN_SHARE).tolist()  # floats: compared with probs'
        warm(self.features, self.heads)  # compiled (or loaded from numba's cache) here, not per request
        pattern_cache.save()  # the patterns re compiled at import and warm-up (new, changed): the next start reads them
        table_cache.sweep()  # every cache file this start uses is read (marked used) by now: the rest ages as it is
        kernel_cache.prune()  # and every kernel folder it loaded from marked: those of gone checkouts go

    def score(self, text: str, *, explain_all: bool = False) -> Score:
        """Probabilities of every output; explanations (on first read) for the heads that may hold it (or all)."""
        if not isinstance(text, str):
            text = "" if text is None else str(text)
        enc = self.features.encode(text, spans=True, heads=self.heads)  # weighed in the same kernel call
        return self._score(enc, enc.tail_probs(len(HEADS)), text, explain_all)

    def score_many(self, texts: list[str], *, explain_all: bool = False) -> list[Score]:
        """score() of many comments, stage by stage over the batch with one kernel call for all its rows
        (TextFeatures.encode_batch): each comment's Score is the one score() gives it."""
        texts = [t if isinstance(t, str) else "" if t is None else str(t) for t in texts]
        encs, probs = self.features.encode_batch(texts, spans=True, heads=self.heads)
        return [self._score(enc, row, text, explain_all)
                for enc, row, text in zip(encs, probs.tolist(), texts, strict=True)]

    def _score(self, enc, probs: list[float], text: str, explain_all: bool) -> Score:
        scores, categories = _combined(probs)
        return Score(scores, categories, None, self.version,
                     explain=functools.partial(self._explain, enc, probs, text, explain_all))

    def explain_many(self, scores: list[Score]) -> list[list[dict]]:
        """The explanations of many of score_many's comments (a batch's held ones), as each Score's explanation gives
        it, with the n-gram evidence of all of them worked out in one compiled call (explain.evidence_many)."""
        jobs = [score._explain.args for score in scores if score._explanation is None]  # _score's partial
        evidence_many(self.features, self.heads, [(enc, self._heads(probs, explain_all))
                                                  for enc, probs, _text, explain_all in jobs])
        return [score.explanation for score in scores]

    def _heads(self, probs: list[float], explain_all: bool) -> list[int]:
        """The heads to explain, from the probabilities already read as floats (not the packed answer again)."""
        if explain_all:
            return list(_EVERY_HEAD)
        least = self._explain_from
        return [k for k in _EVERY_HEAD if probs[k] >= least[k]]  # indexed: ~0.4 us, enumerate(zip()) ~1.2 us

    def _explain(self, enc, probs: list[float], text: str, explain_all: bool) -> list[dict]:
        explanation: list[dict] = []
        ks = self._heads(probs, explain_all)
        evidence(self.features, self.heads, enc, ks)  # every head's n-gram evidence in one compiled call
        for k in ks:
            explanation.extend(explain(self.features, self.heads, enc, k, HEADS[k], text))
        explanation.sort(key=_WEIGHT, reverse=True)  # stable; every weight shown is above explain.MIN_WEIGHT
        return explanation

    def head_proba_fast(self, texts: list[str]) -> np.ndarray:
        """(n, len(HEADS)) head probabilities via the serving path, without explanations (tests, bench)."""
        return self.features.encode_batch(list(texts), heads=self.heads)[1].reshape(len(texts), len(HEADS))

    def predict_proba_fast(self, texts: list[str]) -> np.ndarray:
        """(n, len(LABELS)) spam and abuse probabilities via the serving path."""
        heads = self.head_proba_fast(texts)
        return np.column_stack([heads[:, 0], heads[:, 1:].max(axis=1)])
