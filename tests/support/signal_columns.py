"""Artifacts as another release's code would have fitted them: the same model with its signal columns laid as a given
list of names (a signal fewer, one this code lacks, or no recorded names as artifacts pickled before them)."""

import hashlib
import json
import shutil
from pathlib import Path

import joblib
import numpy as np

from moderation.features.vocabulary import FEATURE_NAMES
from moderation.heads import _aligned


def relaid(pipeline, names, *, recorded=True):
    """`pipeline` (fitted with FEATURE_NAMES, changed in place) with its signal columns `names`: the weights of the
    names it has, a row of 1.0 for a name it lacks; the fit's column numbers follow their names, as a fit with
    `names` would have numbered them. recorded=False: no signal_names_, as an artifact pickled before it."""
    features, heads = pipeline.named_steps["features"], pipeline.named_steps["heads"]
    offset = features.signal_offset_
    assert features.signal_names_ == FEATURE_NAMES
    coef = np.ones((offset + len(names), heads.coef_.shape[1]))
    coef[:offset] = heads.coef_[:offset]
    column = {}
    for j, name in enumerate(names):
        if name in FEATURE_NAMES:
            column[offset + FEATURE_NAMES.index(name)] = offset + j
            coef[offset + j] = heads.coef_[offset + FEATURE_NAMES.index(name)]
    heads.coef_ = _aligned(coef)
    heads.n_features_in_ = coef.shape[0]
    heads.excluded_columns = tuple((k, column[c]) for k, c in heads.excluded_columns if c in column)
    heads.damped_columns = tuple((column[c], factor) for c, factor in heads.damped_columns if c in column)
    heads.gate_only = tuple(column[c] for c in heads.gate_only if c in column)  # the gate's columns follow too
    heads.set_gate([column[c] for c in heads.gate_columns if c in column],
                   [column[c] for c in heads.gate_shut if c in column], heads.gate_lifts)
    features.n_features_out_ = coef.shape[0]
    if recorded:
        features.signal_names_ = tuple(names)
    else:
        del features.signal_names_
    return pipeline


def write_relaid(folder: Path, dest: Path, names, *, recorded=True) -> str:
    """The artifact at `folder` copied to `dest` with its signal columns `names` (relaid), its card and SHA256 file
    pinning the new bytes; returns their sha256."""
    shutil.copytree(folder, dest)
    joblib.dump(relaid(joblib.load(folder / "model.joblib"), names, recorded=recorded), dest / "model.joblib")
    sha = hashlib.sha256((dest / "model.joblib").read_bytes()).hexdigest()
    card = json.loads((dest / "card.json").read_text(encoding="utf-8"))
    card = {**card, "version": dest.name, "sha256": sha, "signals": list(names)}
    (dest / "card.json").write_text(json.dumps(card), encoding="utf-8")
    (dest / "SHA256").write_text(f"{sha}  model.joblib\n", encoding="utf-8")
    return sha


def without(pipeline, names):
    """`pipeline` (changed in place) with the signals of FEATURE_NAMES not in `names` weighted 0 in every head: what an
    artifact fitted with `names` scores with this code."""
    heads = pipeline.named_steps["heads"]
    offset = pipeline.named_steps["features"].signal_offset_
    coef = heads.coef_.copy()
    for j, name in enumerate(FEATURE_NAMES):
        if name not in names:
            coef[offset + j] = 0.0
    heads.coef_ = _aligned(coef)
    return pipeline
