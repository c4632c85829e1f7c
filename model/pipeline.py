"""The one scikit-learn Pipeline from raw comment text to calibrated `spam` and `abuse` probabilities.

Every class inside it lives in `moderation/` (or scikit-learn), so the service unpickles it without
the training code. No lambdas: the vectorisers' preprocessor is `moderation.text.normalize_text`.
"""

from __future__ import annotations

import numpy as np
from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.multioutput import MultiOutputClassifier
from sklearn.pipeline import FeatureUnion, Pipeline

from moderation.features import SignalFeatures
from moderation.text import normalize_text

LABELS = ("spam", "abuse")
SEED = 20261126

# English-ish word tokens (Japanese is covered by the character n-grams)
WORD_TOKEN_PATTERN = r"(?u)\b[a-z][a-z0-9']+\b"  # noqa: S105


def build_pipeline(max_char_features: int = 200_000, max_word_features: int = 30_000, C: float = 4.0,
                   min_df: int = 2, calibration_cv: int = 3, char_ngram_max: int = 3) -> Pipeline:
    char = TfidfVectorizer(
        preprocessor=normalize_text, lowercase=False, analyzer="char", ngram_range=(1, char_ngram_max),
        min_df=min_df, max_features=max_char_features, sublinear_tf=True, dtype=np.float64)
    word = TfidfVectorizer(
        preprocessor=normalize_text, lowercase=False, analyzer="word", token_pattern=WORD_TOKEN_PATTERN,
        ngram_range=(1, 2), min_df=min_df, max_features=max_word_features, sublinear_tf=True, dtype=np.float64)
    features = FeatureUnion([("char", char), ("word", word), ("signals", SignalFeatures())])
    lr = LogisticRegression(C=C, class_weight="balanced", max_iter=3000, solver="liblinear", random_state=SEED)
    head = MultiOutputClassifier(CalibratedClassifierCV(lr, method="sigmoid", cv=calibration_cv, ensemble=False))
    return Pipeline([("features", features), ("head", head)])


def compact(pipeline: Pipeline) -> Pipeline:
    """Drop fitted attributes that are only diagnostics (`stop_words_` holds every pruned n-gram) or
    that differ between runs (`_stop_words_id` is an object address), so the same data and code give a
    byte-identical model.joblib."""
    for _name, est in pipeline.named_steps["features"].transformer_list:
        if hasattr(est, "stop_words_"):
            del est.stop_words_
        est.__dict__.pop("_stop_words_id", None)
    return pipeline
