"""Serving side of the model: load a pinned artifact safely and score comments fast, with explanations.

`load_scorer(artifact_dir, expected_sha256)` reads `model.joblib` as bytes and checks its SHA-256
BEFORE unpickling (joblib runs code on load), and refuses a card whose scikit-learn version differs
from the installed one. `Scorer.score()` does not call `Pipeline.predict_proba`: it normalises the text
once and applies the fitted vocabularies, IDF weights, coefficients and sigmoid calibrators directly
(equal to `predict_proba` to 1e-9, checked by tests), which is several times faster per comment.

Explanation weights are contributions to the label's logistic-regression decision value (log-odds
before calibration): spans of the ORIGINAL text (character offsets, end exclusive) whose n-grams pushed
the score up, and named signal features (e.g. `url_unknown_domain`). Labels whose probability is below
`EXPLAIN_MIN` get no explanation (nothing there "matters").
"""

from __future__ import annotations

import hashlib
import io
import json
import math
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from moderation.features import FEATURE_NAMES, compute_signals
from moderation.text import normalize

__all__ = ["LABELS", "ModelLoadError", "Score", "Scorer", "load_scorer", "read_active"]

LABELS = ("spam", "abuse")
EXPLAIN_MIN = 0.05
MAX_EXPLANATIONS = 8
MODEL_FILE = "model.joblib"
CARD_FILE = "card.json"


class ModelLoadError(Exception):
    """The artifact is missing, tampered with, or was built for another scikit-learn version."""


@dataclass(frozen=True)
class Score:
    scores: dict[str, float]
    explanation: list[dict] = field(default_factory=list)
    model_version: str = ""


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_active(artifacts_root: Path | str) -> tuple[str, str]:
    """(version, sha256) named in `<artifacts_root>/active.json`."""
    path = Path(artifacts_root) / "active.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return str(data["version"]), str(data["sha256"])
    except FileNotFoundError as exc:
        raise ModelLoadError(f"no active model: {path} is missing") from exc
    except (ValueError, KeyError, TypeError) as exc:
        raise ModelLoadError(f"{path} is not valid: needs JSON with 'version' and 'sha256' ({exc})") from exc


class _Linear:
    """The fitted pieces of one pipeline, laid out for scoring a single comment quickly."""

    def __init__(self, pipeline):
        features = pipeline.named_steps["features"]
        head = pipeline.named_steps["head"]
        if features.transformer_weights:
            raise ModelLoadError("fast path does not support FeatureUnion transformer_weights")
        blocks = dict(features.transformer_list)
        self.char = blocks["char"]
        self.word = blocks["word"]
        self.signals = blocks["signals"]
        coefs, intercepts, cal = [], [], []
        for est in head.estimators_:
            cc = est.calibrated_classifiers_
            if len(cc) != 1 or est.method != "sigmoid":
                raise ModelLoadError("fast path needs CalibratedClassifierCV(method='sigmoid', ensemble=False)")
            lr = cc[0].estimator
            coefs.append(np.asarray(lr.coef_, dtype=float).ravel())
            intercepts.append(float(lr.intercept_[0]))
            calibrator = cc[0].calibrators[0]
            cal.append((float(calibrator.a_), float(calibrator.b_)))
        w = np.vstack(coefs).T  # (n_features, n_labels)
        nc, nw = len(self.char.vocabulary_), len(self.word.vocabulary_)
        self.w_char, self.w_word, self.w_sig = w[:nc], w[nc:nc + nw], w[nc + nw:]
        if self.w_sig.shape[0] != len(FEATURE_NAMES):
            raise ModelLoadError("signal feature block does not match this code's FEATURE_NAMES")
        self.idf_char = self.char.idf_
        self.idf_word = self.word.idf_
        self.voc_char = self.char.vocabulary_
        self.voc_word = self.word.vocabulary_
        self.bias = np.asarray(intercepts)
        self.cal = cal
        self.tokenize = self.word.build_tokenizer()
        self.sig_scale = float(self.signals.scale)

    @staticmethod
    def _block(counts: Counter, vocab: dict, idf: np.ndarray):
        idx, tf = [], []
        for g, c in counts.items():
            j = vocab.get(g)
            if j is not None:
                idx.append(j)
                tf.append(c)
        if not idx:
            return None, None
        ia = np.asarray(idx)
        val = (np.log(np.asarray(tf, dtype=float)) + 1.0) * idf[ia]
        norm = math.sqrt(float(val @ val))
        if norm > 0:
            val /= norm
        return ia, val

    def decision(self, norm):
        text = norm.text
        char_counts = Counter(self.char._char_ngrams(text))
        ci, cv = self._block(char_counts, self.voc_char, self.idf_char)
        tokens = self.tokenize(text)
        word_counts = Counter(self.word._word_ngrams(tokens))
        wi, wv = self._block(word_counts, self.voc_word, self.idf_word)
        sig = compute_signals(norm) * self.sig_scale
        dec = self.bias + sig @ self.w_sig
        if ci is not None:
            dec = dec + cv @ self.w_char[ci]
        if wi is not None:
            dec = dec + wv @ self.w_word[wi]
        return dec, (ci, cv, char_counts), (wi, wv, word_counts), sig

    def proba(self, dec) -> list[float]:
        out = []
        for k, (a, b) in enumerate(self.cal):
            z = -(a * dec[k] + b)
            out.append(float(1.0 / (1.0 + math.exp(-z))) if z > -700 else 0.0)
        return out


def _spans_from_chars(scores: np.ndarray, norm, label: str) -> list[dict]:
    if scores.size == 0:
        return []
    top = float(scores.max())
    if top <= 0:
        return []
    thr = max(0.15 * top, 1e-6)
    out = []
    on = scores > thr
    i, n = 0, len(scores)
    while i < n:
        if not on[i]:
            i += 1
            continue
        j = i
        while j < n and on[j]:
            j += 1
        weight = float(scores[i:j].sum())
        s, e = norm.span(i, j)
        out.append({"label": label, "start": s, "end": e, "weight": round(weight, 4)})
        i = j
    return out


class Scorer:
    """Scores comments with one loaded artifact. Thread-safe (no mutable state after loading)."""

    def __init__(self, pipeline, card: dict, version: str):
        self.pipeline = pipeline
        self.card = card
        self.version = version
        self.labels = tuple(card.get("labels", LABELS))
        if self.labels != LABELS:
            raise ModelLoadError(f"artifact labels {self.labels} differ from {LABELS}")
        self.thresholds = {k: {"review": float(v["review"]), "reject": float(v["reject"])}
                           for k, v in card["thresholds"].items()}
        self._fast = _Linear(pipeline)

    # -- public API ---------------------------------------------------------------------------
    def score(self, text: str) -> Score:
        if not isinstance(text, str):
            text = "" if text is None else str(text)
        norm = normalize(text)
        dec, char_part, word_part, sig = self._fast.decision(norm)
        probs = self._fast.proba(dec)
        scores = {label: min(max(p, 0.0), 1.0) for label, p in zip(LABELS, probs, strict=False)}
        explanation: list[dict] = []
        for k, label in enumerate(LABELS):
            if scores[label] >= EXPLAIN_MIN:
                explanation.extend(self._explain(k, label, text, norm, char_part, word_part, sig))
        return Score(scores=scores, explanation=explanation, model_version=self.version)

    def score_many(self, texts: list[str]) -> list[Score]:
        return [self.score(t) for t in texts]

    def decision_function(self, text: str) -> np.ndarray:
        return self._fast.decision(normalize(text))[0]

    def predict_proba_fast(self, texts: list[str]) -> np.ndarray:
        """(n, len(LABELS)) probabilities via the fast path, without explanations (tests, bench)."""
        return np.asarray([self._fast.proba(self._fast.decision(normalize(t))[0]) for t in texts])

    # -- explanations -------------------------------------------------------------------------
    def _explain(self, k, label, text, norm, char_part, word_part, sig) -> list[dict]:
        f = self._fast
        t = norm.text
        n = len(t)
        per_char = np.zeros(n)
        ci, cv, counts = char_part
        if ci is not None:
            contrib = cv * f.w_char[ci, k]
            pos = {}
            inv = {j: g for g, j in ((g, f.voc_char.get(g)) for g in counts) if j is not None}
            for j, c in zip(ci, contrib, strict=False):
                if c > 0:
                    pos[inv[int(j)]] = c
            if pos:
                lo, hi = f.char.ngram_range
                for size in range(lo, hi + 1):
                    for i in range(n - size + 1):
                        g = t[i:i + size]
                        c = pos.get(g)
                        if c is not None:
                            per_char[i:i + size] += c / (counts[g] * size)
        wi, wv, wcounts = word_part
        if wi is not None:
            contrib = wv * f.w_word[wi, k]
            inv = {j: g for g, j in ((g, f.voc_word.get(g)) for g in wcounts) if j is not None}
            pos = {inv[int(j)]: c for j, c in zip(wi, contrib, strict=False) if c > 0}
            if pos:
                import re

                toks = [(m.start(), m.end(), m.group(0)) for m in re.finditer(f.word.token_pattern, t)]
                lo, hi = f.word.ngram_range
                for size in range(lo, hi + 1):
                    for i in range(len(toks) - size + 1):
                        g = " ".join(x[2] for x in toks[i:i + size])
                        c = pos.get(g)
                        if c is not None:
                            a, b = toks[i][0], toks[i + size - 1][1]
                            per_char[a:b] += c / (wcounts[g] * (b - a))
        items = _spans_from_chars(per_char, norm, label)
        for item in items:
            item["text"] = text[item["start"]:item["end"]]
        sig_contrib = sig * f.w_sig[:, k]
        for j in np.argsort(-sig_contrib)[:MAX_EXPLANATIONS]:
            c = float(sig_contrib[j])
            if c <= 0.05:
                break
            items.append({"label": label, "feature": FEATURE_NAMES[j], "weight": round(c, 4)})
        items = [it for it in items if it["weight"] > 0.01]
        items.sort(key=lambda it: -abs(it["weight"]))
        return items[:MAX_EXPLANATIONS]


def load_scorer(artifact_dir: str | Path, expected_sha256: str) -> Scorer:
    """Load `<artifact_dir>/model.joblib` after checking its SHA-256 and the scikit-learn version."""
    import sklearn

    artifact_dir = Path(artifact_dir)
    model_path = artifact_dir / MODEL_FILE
    card_path = artifact_dir / CARD_FILE
    for p in (model_path, card_path):
        if not p.is_file():
            raise ModelLoadError(f"model artifact incomplete: {p} is missing")
    try:
        card = json.loads(card_path.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise ModelLoadError(f"{card_path} is not valid JSON: {exc}") from exc
    data = model_path.read_bytes()
    actual = _sha256(data)
    expected = (expected_sha256 or "").strip().lower()
    if actual != expected:
        raise ModelLoadError(
            f"refusing to load {model_path}: SHA-256 mismatch (expected {expected or '<none>'}, actual {actual})")
    if card.get("sha256") and card["sha256"] != actual:
        raise ModelLoadError(
            f"refusing to load {model_path}: card.json records SHA-256 {card['sha256']}, file has {actual}")
    built_with = card.get("sklearn_version")
    if built_with != sklearn.__version__:
        raise ModelLoadError(
            f"refusing to load {model_path}: built with scikit-learn {built_with}, "
            f"installed is {sklearn.__version__}; retrain or install the matching version")
    import joblib

    try:
        pipeline = joblib.load(io.BytesIO(data))
    except Exception as exc:  # a corrupt pickle that still matches the pinned hash
        raise ModelLoadError(f"could not unpickle {model_path}: {exc}") from exc
    try:
        return Scorer(pipeline, card, str(card.get("version", artifact_dir.name)))
    except (KeyError, AttributeError, TypeError, ValueError) as exc:
        raise ModelLoadError(f"{artifact_dir} does not hold a usable model: {exc!r}") from exc
