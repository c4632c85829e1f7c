"""bench/trees.py's --after-* options: the after tree and the bare-after app start with the setting, the before tree
and the bare app without it (each service's ratio to a bare app under its own command stays fair)."""

import os

from bench import load, trees


def test_after_settings_are_in_the_environment_only_while_the_after_servers_start(monkeypatch):
    monkeypatch.delenv("BENCH_WORKER_CPUS", raising=False)
    monkeypatch.setenv("BENCH_THREADS", "1")
    with trees._sized({"WORKER_CPUS": "auto", "THREADS": 2}):
        assert (os.environ["BENCH_WORKER_CPUS"], os.environ["BENCH_THREADS"]) == ("auto", "2")
    assert "BENCH_WORKER_CPUS" not in os.environ and os.environ["BENCH_THREADS"] == "1"
    with trees._sized(None):  # the before tree and the bare app: this process's environment as it is
        assert "BENCH_WORKER_CPUS" not in os.environ and os.environ["BENCH_THREADS"] == "1"


def test_trees_whose_env_examples_pin_differently_get_a_bare_app_each(tmp_path):
    own = load.ROOT
    for name, pin in (("one", ""), ("two", "MODERATION_WORKER_CPUS=auto\n")):
        (tmp_path / name).mkdir()
        (tmp_path / name / ".env.example").write_text(f"MODERATION_WORKERS=2\n{pin}")
    assert trees.sized_apart({"before": tmp_path / "one", "after": tmp_path / "two"})
    assert not trees.sized_apart({"before": tmp_path / "one", "after": tmp_path / "one"})
    assert load.ROOT == own


def test_the_table_head_says_when_workers_were_pinned():
    assert load.pinned({"MODERATION_WORKER_CPUS": "auto"}) == ", each pinned to a CPU (auto)"
    assert load.pinned({"MODERATION_WORKER_CPUS": ""}) == load.pinned({}) == ""
