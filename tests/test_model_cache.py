"""The test models kept between runs (tests/support/model_cache.py): a changed source gives a new key, a build is
renamed into place whole, a lost race keeps the winner's copy, and the kept tiny model is the one training makes."""

import hashlib

import pytest

from moderation.scoring.scorer import load_scorer, read_active
from tests.support.model_cache import cached_build, source_key


@pytest.fixture
def tree(tmp_path):
    """A project tree with a source in each place the key reads, and beside them what it leaves out."""
    for rel, text in {"model/tiny.py": "SEED = 1\n", "model/pipeline.py": "C = 4.0\n",
                      "moderation/features/words.py": "WORDS = ['死ね']\n", "tests/conftest.py": "CARD = {}\n",
                      "model/artifacts/old.py": "# a shipped model's folder\n",
                      "moderation/templates/page.html": "<p>\n", "moderation/__pycache__/words.py": "stale\n"}.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("rel", ["model/tiny.py", "model/pipeline.py", "moderation/features/words.py",
                                 "tests/conftest.py"])
def test_a_changed_source_gives_a_new_key(tree, rel):
    before = source_key("tiny", tree)
    (tree / rel).write_text((tree / rel).read_text(encoding="utf-8") + "# changed\n", encoding="utf-8")
    assert source_key("tiny", tree) != before


def test_a_new_or_removed_source_gives_a_new_key(tree):
    before = source_key("tiny", tree)
    (tree / "moderation/features/more.py").write_text("", encoding="utf-8")
    added = source_key("tiny", tree)
    (tree / "moderation/features/words.py").unlink()
    assert len({before, added, source_key("tiny", tree)}) == 3


def test_the_key_names_its_recipe_and_skips_what_builds_no_model(tree):
    before = source_key("tiny", tree)
    assert source_key("tiny", tree) == before
    assert source_key("flipped", tree) != before
    for rel in ("model/artifacts/old.py", "moderation/templates/page.html", "moderation/__pycache__/words.py"):
        (tree / rel).write_text("changed\n", encoding="utf-8")
    assert source_key("tiny", tree) == before


def test_a_kept_model_is_built_once(tmp_path):
    builds = []

    def build(folder):
        builds.append(folder)
        (folder / "model.bin").write_bytes(b"trained")

    first = cached_build(tmp_path, "tiny-k1", build)
    assert cached_build(tmp_path, "tiny-k1", build) == first
    assert len(builds) == 1
    assert (first / "model.bin").read_bytes() == b"trained"
    assert [p.name for p in tmp_path.iterdir()] == ["tiny-k1"]  # the build folder was renamed, nothing left over


def test_a_failed_build_leaves_no_entry(tmp_path):
    def build(folder):
        (folder / "model.bin").write_bytes(b"half")
        raise RuntimeError("training failed")

    with pytest.raises(RuntimeError):
        cached_build(tmp_path, "tiny-k1", build)
    assert list(tmp_path.iterdir()) == []


def test_a_worker_that_loses_the_race_uses_the_winners_model(tmp_path):
    """The other worker renames its complete build into place while this one is still training."""

    def build(folder):
        winner = tmp_path / "tiny-k1"
        winner.mkdir()
        (winner / "model.bin").write_bytes(b"winner")
        (folder / "model.bin").write_bytes(b"loser")

    entry = cached_build(tmp_path, "tiny-k1", build)
    assert (entry / "model.bin").read_bytes() == b"winner"
    assert [p.name for p in tmp_path.iterdir()] == ["tiny-k1"]


def test_the_tiny_model_is_a_real_model_its_pin_loads(tiny_model):
    root, version, sha = tiny_model
    assert read_active(root) == (version, sha)
    assert hashlib.sha256((root / version / "model.joblib").read_bytes()).hexdigest() == sha
    scorer = load_scorer(root / version, sha)
    threat, calm = scorer.score("ぶっ殺すぞ"), scorer.score("今日は良い天気ですね。散歩に行きたいです。")
    assert threat.scores["abuse"] > calm.scores["abuse"]


@pytest.mark.slow
def test_the_kept_tiny_model_is_the_one_training_makes(tiny_model, tmp_path):
    """Training is deterministic: a fresh training gives the kept model byte for byte (its pin, model and card), as a
    run that trained it itself would have (test_model's own check of it trained the tiny model a third time)."""
    from model.tiny import train_tiny_artifact

    root, version, sha = tiny_model
    folder, fresh_sha, fresh_version = train_tiny_artifact(tmp_path)
    assert (fresh_version, fresh_sha) == (version, sha)
    assert (folder / "model.joblib").read_bytes() == (root / version / "model.joblib").read_bytes()
    assert (folder / "card.json").read_bytes() == (root / version / "card.json").read_bytes()
