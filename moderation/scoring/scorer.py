"""Serving side of the model: load a pinned artifact safely and score comments fast, with explanations.

`load_scorer(artifact_dir, expected_sha256)` reads `model.joblib` as bytes and checks its SHA-256
BEFORE unpickling (joblib runs code on load), and refuses a card whose scikit-learn version differs
from the installed one. `Scorer.score()` does not call `Pipeline.predict_proba`: it normalises the text
once and applies the fitted vocabularies, IDF weights, coefficients and sigmoid calibrators directly
(equal to `predict_proba` to 1e-9, checked by tests), which is several times faster per comment.

Explanation weights are contributions to the label's logistic-regression decision value (log-odds
before calibration): spans of the ORIGINAL text (character offsets, end exclusive) whose n-grams pushed
the score up, and named signal features (e.g. `url_unknown_domain`). Labels whose probability is below
`EXPLAIN_MIN` (0.15) get no explanation (nothing there "matters").
"""

from __future__ import annotations

import hashlib
import io
import json
import math
import re
from dataclasses import dataclass, field
from itertools import repeat
from pathlib import Path

import numpy as np

from moderation.features import FEATURE_NAMES, compute_signals
from moderation.text import normalize

__all__ = ["LABELS", "ModelLoadError", "Score", "Scorer", "load_scorer", "read_active"]

LABELS = ("spam", "abuse")
EXPLAIN_MIN = 0.15  # half the shipped review thresholds: below this a label has nothing worth showing
MAX_EXPLANATIONS = 8
TOP_NGRAMS = 30      # character n-grams considered for highlighted spans, by contribution
MIN_WEIGHT = 0.02    # explanation items below this contribution (log-odds) are not worth showing
# context features shift every comment of a kind (length, script); they explain nothing about one comment
CONTEXT_FEATURES = frozenset({"has_japanese", "length", "latin_ratio", "digit_ratio"})
# signal feature -> the kind of span in the text that makes it fire (see moderation.features.signal_spans)
FEATURE_SPANS = {
    "url_count": "url", "url_spam_domain": "url", "url_shortener": "url", "url_unknown_domain": "url",
    "brand_foreign_domain": "url", "brand_lookalike_domain": "url",
    "brand_mention": "brand_mention", "line_id": "line_id",
    "contact_handoff": "contact_handoff", "phone": "phone", "email": "email", "money_phrase": "money_phrase",
    "money_amount": "money_amount", "urgency_phrase": "urgency_phrase", "abuse_lexicon": "abuse_lexicon",
    "sexual_lexicon": "sexual_lexicon", "profanity_en": "profanity_en", "threat": "threat",
    "dating_lure": "dating_lure", "second_person": "second_person",
}
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


def _inverse(vocab: dict) -> list[str]:
    inv = [""] * len(vocab)
    for g, j in vocab.items():
        inv[j] = g
    return inv


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
        self.inv_char = _inverse(self.voc_char)
        self.inv_word = _inverse(self.voc_word)
        self.bias = np.asarray(intercepts)
        self.cal = cal
        self.tokenize = self.word.build_tokenizer()
        self.token_rx = re.compile(self.word.token_pattern)
        self.sig_scale = float(self.signals.scale)

    @staticmethod
    def _block(grams: list[str], vocab: dict, idf: np.ndarray):
        """Indices (sorted), L2-normalised sublinear TF-IDF values and term counts of the known n-grams."""
        js = np.fromiter(map(vocab.get, grams, repeat(-1, len(grams))), dtype=np.intp, count=len(grams))
        js = js[js >= 0]
        if js.size == 0:
            return None, None, None
        ia, tf = np.unique(js, return_counts=True)
        val = (np.log(tf) + 1.0) * idf[ia]
        norm = math.sqrt(float(val @ val))
        if norm > 0:
            val /= norm
        return ia, val, tf

    def decision(self, norm):
        text = norm.text
        ci, cv, ctf = self._block(self.char._char_ngrams(text), self.voc_char, self.idf_char)
        wi, wv, wtf = self._block(self.word._word_ngrams(self.tokenize(text)), self.voc_word, self.idf_word)
        spans: list = []
        sig = compute_signals(norm, spans) * self.sig_scale
        dec = self.bias + sig @ self.w_sig
        if ci is not None:
            dec = dec + cv @ self.w_char[ci]
        if wi is not None:
            dec = dec + wv @ self.w_word[wi]
        return dec, (ci, cv, ctf), (wi, wv, wtf), (sig, spans)

    def proba(self, dec) -> list[float]:
        out = []
        for k, (a, b) in enumerate(self.cal):
            z = -(a * dec[k] + b)
            out.append(float(1.0 / (1.0 + math.exp(-z))) if z > -700 else 0.0)
        return out


def _spans_from_chars(scores: np.ndarray, norm, label: str) -> list[dict]:
    """Maximal runs of characters whose share of positive n-gram contributions is above 15% of the peak."""
    if scores.size == 0:
        return []
    top = float(scores.max())
    if top <= 0:
        return []
    on = np.r_[False, scores > max(0.15 * top, 1e-6), False]
    edges = np.flatnonzero(on[1:] != on[:-1])
    starts, ends = edges[::2], edges[1::2]
    csum = np.r_[0.0, np.cumsum(scores)]
    weights = csum[ends] - csum[starts]
    out = []
    for r in np.argsort(-weights)[:MAX_EXPLANATIONS]:
        s, e = norm.span(int(starts[r]), int(ends[r]))
        out.append({"label": label, "start": s, "end": e, "weight": round(float(weights[r]), 4)})
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
    def _explain(self, k, label, text, norm, char_part, word_part, signals) -> list[dict]:
        sig, raw_spans = signals
        f = self._fast
        t = norm.text
        pc = [0.0] * len(t)
        ci, cv, ctf = char_part
        if ci is not None:
            contrib = cv * f.w_char[ci, k]
            top = np.argpartition(-contrib, TOP_NGRAMS)[:TOP_NGRAMS] if len(contrib) > TOP_NGRAMS else range(
                len(contrib))
            for j in top:
                c = float(contrib[j])
                if c <= 0:
                    continue
                g = f.inv_char[ci[j]]
                n = len(g)
                share = c / (int(ctf[j]) * n)
                pos = t.find(g)
                while pos >= 0:
                    for q in range(pos, pos + n):
                        pc[q] += share
                    pos = t.find(g, pos + 1)
        wi, wv, wtf = word_part
        if wi is not None:
            contrib = wv * f.w_word[wi, k]
            if (contrib > 0).any():
                toks = [(m.start(), m.end(), m.group(0)) for m in f.token_rx.finditer(t)]
                lo, hi = f.word.ngram_range
                pos_contrib = {f.inv_word[wi[j]]: float(contrib[j]) / int(wtf[j]) for j in np.flatnonzero(contrib > 0)}
                for size in range(lo, hi + 1):
                    for i in range(len(toks) - size + 1):
                        g = " ".join(x[2] for x in toks[i:i + size])
                        c = pos_contrib.get(g)
                        if c is not None:
                            a, b = toks[i][0], toks[i + size - 1][1]
                            share = c / (b - a)
                            for q in range(a, b):
                                pc[q] += share
        items = _spans_from_chars(np.asarray(pc), norm, label)
        for item in items:
            item["text"] = text[item["start"]:item["end"]]
        sig_contrib = sig * f.w_sig[:, k]
        spans_by_kind: dict[str, list[tuple[int, int]]] | None = None
        for j in np.argsort(-sig_contrib)[:MAX_EXPLANATIONS + len(CONTEXT_FEATURES)]:
            c = float(sig_contrib[j])
            if c <= MIN_WEIGHT:
                break
            name = FEATURE_NAMES[j]
            if name in CONTEXT_FEATURES:
                continue
            kind = FEATURE_SPANS.get(name)
            if kind is not None and spans_by_kind is None:
                spans_by_kind = {}
                for kd, s0, e0 in raw_spans:
                    spans_by_kind.setdefault(kd, []).append((s0, e0))
            where = sorted({norm.span(s0, e0) for s0, e0 in spans_by_kind.get(kind, ())}) if kind else []
            if where:
                share = c / len(where)
                for s0, e0 in where[:MAX_EXPLANATIONS]:
                    items.append({"label": label, "start": s0, "end": e0, "text": text[s0:e0], "feature": name,
                                  "weight": round(share, 4)})
            else:
                items.append({"label": label, "feature": name, "weight": round(c, 4)})
        items = [it for it in items if it["weight"] > MIN_WEIGHT]
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
