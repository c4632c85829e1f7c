"""The pipeline trains on a tiny hand-written corpus (no shared data); the shipped artifact is the one
its card describes; tampered or version-mismatched artifacts are refused; the fast path equals
predict_proba; with ../shared/data present the shipped model still meets its card's held-out metrics."""

import gc
import hashlib
import json
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from model.pipeline import CATEGORIES, HEADS, LABELS, build_pipeline
from model.tiny import tiny_corpus
from moderation.scoring.scorer import ModelLoadError, load_scorer, read_active

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "model" / "artifacts"
DATA_DIR = ROOT.parent / "shared" / "data"


@pytest.fixture(scope="module")
def tiny(tiny_model):
    """The session's tiny model (kept between runs: tests/support/model_cache.py): (folder, sha256, version)."""
    root, version, sha = tiny_model
    return root / version, sha, version


def test_pipeline_trains_on_tiny_corpus():
    texts, y = tiny_corpus()
    pipe = build_pipeline(min_df=1, calibration_cv=2, char_bits=12, word_bits=8)
    pipe.fit(texts, np.asarray(y))
    probs = pipe.predict_proba(["副業で月収100万円！LINE追加してね", "お前はバカだ、死ね", "今日は良い天気ですね"])
    assert probs.shape == (3, len(HEADS))
    spam, harassment = probs[:, HEADS.index("spam")], probs[:, HEADS.index("harassment")]
    assert spam[0] > spam[2]
    assert harassment[1] > harassment[2]


def test_each_head_trains_only_on_rows_labelled_for_it():
    """A spam row (NaN for harm) never counts as a harm negative: the harassment head sees abuse and ham only."""
    texts, y = tiny_corpus()
    pipe = build_pipeline(min_df=1, calibration_cv=2, char_bits=12, word_bits=8).fit(texts, np.asarray(y))
    y = np.asarray(y)
    assert pipe.named_steps["heads"].n_labelled_ == [int((~np.isnan(y[:, k])).sum()) for k in range(len(HEADS))]
    assert pipe.named_steps["heads"].n_labelled_[HEADS.index("harassment")] < len(texts)


@pytest.mark.slow
def test_tiny_artifact_helper(tiny):
    folder, sha, version = tiny
    assert (folder / "model.joblib").is_file()
    assert hashlib.sha256((folder / "model.joblib").read_bytes()).hexdigest() == sha
    assert read_active(folder.parent) == (version, sha)
    scorer = load_scorer(folder, sha)
    assert scorer.version == version
    assert set(LABELS) <= set(scorer.thresholds)


@pytest.mark.slow
def test_scoring_leaves_the_pickled_model_unchanged():
    from model.card import dump_bytes
    from model.tiny import train_tiny_pipeline

    pipe = train_tiny_pipeline()
    before = dump_bytes(pipe)
    pipe.predict_proba(["scoring must not change a fitted attribute"])
    assert dump_bytes(pipe) == before
    fitted = [k for k in vars(pipe.named_steps["heads"]) if not k.startswith("_") and k.endswith("_")]
    assert {"coef_", "intercept_", "calibration_"} <= set(fitted)


@pytest.mark.slow
def test_shipped_artifact_loads_and_matches_card():
    version, sha = read_active(ARTIFACTS)
    folder = ARTIFACTS / version
    card = json.loads((folder / "card.json").read_text(encoding="utf-8"))
    actual = hashlib.sha256((folder / "model.joblib").read_bytes()).hexdigest()
    assert actual == sha == card["sha256"]
    assert (folder / "SHA256").read_text().split()[0] == sha
    assert (folder / "CARD.md").is_file()
    assert (folder / "model.joblib").stat().st_size <= 50 * 1024 * 1024
    scorer = load_scorer(folder, sha)
    assert scorer.version == version == card["version"]
    for lab in (*LABELS, *CATEGORIES):
        t = scorer.thresholds[lab]
        assert 0 < t["review"] < t["reject"] <= 1
        assert t["reject"] >= 0.9


def test_tampered_artifact_is_refused(tiny, tmp_path):
    folder, sha, _ = tiny
    bad = tmp_path / "bad"
    shutil.copytree(folder, bad)
    data = bytearray((bad / "model.joblib").read_bytes())
    data[len(data) // 2] ^= 0xFF
    (bad / "model.joblib").write_bytes(bytes(data))
    with pytest.raises(ModelLoadError, match="SHA-256 mismatch"):
        load_scorer(bad, sha)


# texts that fire second_person (a signal in the middle of FEATURE_NAMES, weighed by the tiny model), texts that do not
SECOND_PERSON = ["お前はバカだ、死ね", "お前の家を知ってるぞ", "you are an idiot, I will find you"]
OTHERS = ["今日は良い天気ですね", "副業で月収100万円！LINE追加してね https://bit.ly/x",
          "the mayor spoke at the town hall"]


@pytest.mark.slow
def test_an_artifact_fitted_with_a_signal_fewer_scores_it_weighted_0(tiny, tmp_path):
    """A model fitted before this code added a signal (in the middle of FEATURE_NAMES, as ja-s35's favour_yaru is)
    loads: its weights are laid in this code's columns by name, the signal it lacks weighted 0, and what it serves is
    its own predict_proba, to the bit the original model's with that signal's weights 0 (a rollback across a release
    that adds a signal)."""
    import joblib

    from moderation.features.signals import signal_dict
    from moderation.features.vocabulary import FEATURE_NAMES
    from tests.support.signal_columns import without, write_relaid

    folder, _, _ = tiny
    names = tuple(name for name in FEATURE_NAMES if name != "second_person")
    sha = write_relaid(folder, tmp_path / "older", names)
    scorer = load_scorer(tmp_path / "older", sha)
    original = joblib.load(folder / "model.joblib")
    heads = original.named_steps["heads"]
    assert (scorer.heads.excluded_columns, scorer.heads.damped_columns) == (heads.excluded_columns,
                                                                            heads.damped_columns)
    offset = original.named_steps["features"].signal_offset_
    assert np.abs(heads.coef_[offset + FEATURE_NAMES.index("second_person")]).max() > 0.5  # a signal that counts
    fired = [signal_dict(text)["second_person"] for text in SECOND_PERSON + OTHERS]
    assert all(fired[:len(SECOND_PERSON)]) and not any(fired[len(SECOND_PERSON):])

    texts = SECOND_PERSON + OTHERS
    served = scorer.head_proba_fast(texts)
    one_by_one = np.asarray([[s.scores["spam"], *s.categories.values()] for s in map(scorer.score, texts)])
    np.testing.assert_array_equal(served, one_by_one)
    np.testing.assert_allclose(served, scorer.pipeline.predict_proba(texts), rtol=0, atol=1e-9)
    before = original.named_steps["features"].encode_batch(texts, heads=heads)[1]
    zeroed = without(original, names)
    np.testing.assert_array_equal(served, zeroed.named_steps["features"].encode_batch(texts, heads=zeroed[-1])[1])
    n = len(SECOND_PERSON)
    assert (np.abs(served[:n] - before[:n]).max(axis=1) > 1e-3).all()  # its weight is gone where it fires
    np.testing.assert_array_equal(served[n:], before[n:])  # and nothing changed where it does not


def test_an_artifact_naming_a_signal_this_code_does_not_compute_is_refused_naming_it(tiny, tmp_path):
    """A rollback to a model fitted with a signal this release dropped (or a forward roll before the code that
    computes it) is refused at load, naming the signal: its weight would read a column that is another signal's."""
    from moderation.features.vocabulary import FEATURE_NAMES
    from tests.support.signal_columns import write_relaid

    folder, _, _ = tiny
    names = (*FEATURE_NAMES[:40], "favour_of_a_later_release", *FEATURE_NAMES[40:])
    sha = write_relaid(folder, tmp_path / "newer", names)
    with pytest.raises(ModelLoadError, match="signals this code does not compute: favour_of_a_later_release;"):
        load_scorer(tmp_path / "newer", sha)


@pytest.mark.slow
def test_an_artifact_pickled_before_signal_names_has_those_of_that_release(tiny, tmp_path):
    """-7 and -8 were pickled before TextFeatures recorded its signals' names: they are read as
    columns.PICKLED_WITHOUT_NAMES, the FEATURE_NAMES of their release, whatever this code's are."""
    import joblib

    from moderation.scoring.columns import PICKLED_WITHOUT_NAMES
    from tests.support.signal_columns import without, write_relaid

    folder, _, _ = tiny
    sha = write_relaid(folder, tmp_path / "pickled", PICKLED_WITHOUT_NAMES, recorded=False)
    assert "signal_names_" not in vars(joblib.load(tmp_path / "pickled" / "model.joblib").named_steps["features"])
    scorer = load_scorer(tmp_path / "pickled", sha)
    texts = SECOND_PERSON + OTHERS
    zeroed = without(joblib.load(folder / "model.joblib"), PICKLED_WITHOUT_NAMES)
    np.testing.assert_array_equal(scorer.head_proba_fast(texts),
                                  zeroed.named_steps["features"].encode_batch(texts, heads=zeroed[-1])[1])


def test_an_artifact_whose_weights_and_signal_names_disagree_is_refused(tiny, tmp_path):
    """Names and weight rows that differ in number cannot be laid by name: refused, not scored wrongly."""
    import joblib

    folder, _, _ = tiny
    pipeline = joblib.load(folder / "model.joblib")
    features, heads = pipeline.named_steps["features"], pipeline.named_steps["heads"]
    features.n_features_out_ -= 1
    heads.coef_ = np.ascontiguousarray(heads.coef_[:-1])
    older = tmp_path / "older"
    shutil.copytree(folder, older)
    joblib.dump(pipeline, older / "model.joblib")
    sha = hashlib.sha256((older / "model.joblib").read_bytes()).hexdigest()
    card = json.loads((older / "card.json").read_text(encoding="utf-8"))
    (older / "card.json").write_text(json.dumps({**card, "sha256": sha}), encoding="utf-8")
    with pytest.raises(ModelLoadError, match=r"fitted with \d+ named signals but holds \d+ signal columns"):
        load_scorer(older, sha)


def test_wrong_expected_hash_is_refused(tiny):
    folder, _, _ = tiny
    with pytest.raises(ModelLoadError, match=r"expected 0{64}"):
        load_scorer(folder, "0" * 64)


def test_loading_runs_no_collection_and_leaves_the_collector_as_it_was(tiny):
    """The collector walked the heap the load was growing three times (~0.25 s of loading -12); it stays off
    during a load, and on (or off) after it as before, whether the load succeeds or is refused."""
    folder, sha, _ = tiny
    runs = []

    def counted(phase, info):
        if phase == "start":
            runs.append(info["generation"])

    gc.callbacks.append(counted)
    try:
        scorer = load_scorer(folder, sha)  # the first in this process too, when run alone
        assert not runs and gc.isenabled()
        with pytest.raises(ModelLoadError):
            load_scorer(folder, "0" * 64)
        assert gc.isenabled()
        gc.disable()
        load_scorer(folder, sha)
        assert not gc.isenabled()
    finally:
        gc.enable()
        gc.callbacks.remove(counted)
    assert scorer.score("test").scores


_DEFERRED_CHECK = """
import sys
import numpy as np
from moderation.scoring.scorer import load_scorer
scorer = load_scorer(sys.argv[1], sys.argv[2])
score = scorer.score("お前はバカか、死ね https://bit.ly/xyz")
assert score.scores and score.explanation is not None and scorer.score_many(["氏ね", ""])
assert "sklearn" in sys.modules and "scipy.stats._stats_py" not in sys.modules, "scipy.stats was imported"
assert "scipy.stats" not in sys.modules  # nothing stands in for it after the load
from scipy.stats._continuous_distns import norm_gen
import scipy.stats
from scipy.stats import rankdata
from sklearn.utils.fixes import _mode
assert type(scipy.stats.norm) is norm_gen  # each module ran once
assert scipy.stats.mode([1, 1, 2]).mode == 1 and rankdata([3, 1]).tolist() == [2.0, 1.0]
assert _mode(np.array([1, 2, 2])).mode.tolist() == [2]
assert sys.modules["scipy.stats"] is sys.modules["scipy"].stats and sys.modules["scipy.stats"].__file__
"""


@pytest.mark.slow  # a fresh process loading and scoring: 4.19 s of CPU (s32, load 17); make test runs it
def test_loading_and_scoring_import_no_scipy_stats_and_it_still_imports_when_used(tiny):
    """scikit-learn imports scipy.stats (~0.3 s CPU, a fifth of loading the model) for a helper serving never
    calls: a fresh process loads, scores and explains without it, and after the load it imports as ever, once."""
    folder, sha, _ = tiny
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", _DEFERRED_CHECK, str(folder), sha], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr


def test_sklearn_version_mismatch_is_refused(tiny, tmp_path):
    folder, sha, _ = tiny
    other = tmp_path / "other"
    shutil.copytree(folder, other)
    card = json.loads((other / "card.json").read_text())
    card["sklearn_version"] = "0.0.1"
    (other / "card.json").write_text(json.dumps(card))
    with pytest.raises(ModelLoadError, match=r"scikit-learn 0\.0\.1"):
        load_scorer(other, sha)


def test_missing_file_is_refused(tiny, tmp_path):
    folder, sha, _ = tiny
    other = tmp_path / "missing"
    shutil.copytree(folder, other)
    (other / "model.joblib").unlink()
    with pytest.raises(ModelLoadError, match="missing"):
        load_scorer(other, sha)


def _texts(n: int, seed: int = 3) -> list[str]:
    rng = random.Random(seed)
    base, _ = tiny_corpus()
    extra = ["", "😀😀", "ｗｗｗｗ", "a" * 3000, "\u200b\u202e", "L I N E 追加 ID:abc", "氏ね", "http://x.top/a",
             # word boundaries, attacks and targets in one sentence or two, negations, repeated 4-grams
             "you idiot. killing time", "the idiots are not vermin!", "お前はバカ。あいつも死ね", "online skill",
             "バカバカバカバカバカバカバカ", "I don't hate them. They are vermin"]
    out = []
    for _ in range(n):
        a, b = rng.choice(base + extra), rng.choice(base + extra)
        k = rng.randint(0, len(a))
        out.append(a[:k] + rng.choice(["", " ", "\n", "！！", "💰"]) + b)
    return out


def _assert_fast_equals_predict_proba(scorer, texts):
    fast = scorer.head_proba_fast(texts)
    slow = scorer.pipeline.predict_proba(texts)
    np.testing.assert_allclose(fast, slow, rtol=0, atol=1e-9)
    for t, row in zip(texts[:50], fast, strict=False):
        s = scorer.score(t)
        got = [s.scores["spam"], *(s.categories[c] for c in CATEGORIES)]
        assert got == pytest.approx(list(row), abs=1e-9)
        assert s.scores["abuse"] == pytest.approx(max(row[1:]), abs=1e-12)


def test_fast_path_equals_predict_proba_tiny(tiny):
    folder, sha, _ = tiny
    _assert_fast_equals_predict_proba(load_scorer(folder, sha), _texts(300))


def test_fast_path_equals_predict_proba_on_long_comments(tiny):
    """Comments of several sentences with one attack: the worst sentence's n-grams are added alike on both paths."""
    folder, sha, _ = tiny
    rng = random.Random(11)
    base, _ = tiny_corpus()
    texts = ["。".join(rng.sample(base, rng.randint(2, 6))) + rng.choice(["", "。", "\n"]) for _ in range(200)]
    _assert_fast_equals_predict_proba(load_scorer(folder, sha), texts)


@pytest.mark.slow
def test_fast_path_equals_predict_proba_shipped():
    version, sha = read_active(ARTIFACTS)
    _assert_fast_equals_predict_proba(load_scorer(ARTIFACTS / version, sha), _texts(300, seed=5))


@pytest.mark.shared_data
@pytest.mark.skipif(not DATA_DIR.exists(), reason="../shared/data not present")
@pytest.mark.slow
def test_shipped_model_meets_its_card_on_heldout_split():
    from model.data import load_all
    from model.evaluate import eval_sets, metrics_for, pipeline_proba

    version, sha = read_active(ARTIFACTS)
    scorer = load_scorer(ARTIFACTS / version, sha)
    recorded = {m["set"]: m for m in scorer.card["metrics"]["heldout"]}
    sets = eval_sets(load_all(DATA_DIR), DATA_DIR)
    now = {m["set"]: m for m in metrics_for(sets, pipeline_proba(scorer.pipeline), scorer.thresholds)}
    assert set(recorded) <= set(now)
    for name, m in recorded.items():
        for key in ("roc_auc", "pr_auc", "recall_review", "flagged_share"):
            if key in m:
                assert now[name][key] == pytest.approx(m[key], abs=0.002), (name, key)
