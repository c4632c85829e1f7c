"""bench/trees.py's --after-* options: the after tree and the bare-after app start with the setting, the before tree
and the bare app without it (each service's ratio to a bare app under its own command stays fair)."""

import os
import signal
import subprocess
import sys

import pytest

import bench.servers
from bench import trees


def test_after_settings_are_in_the_environment_only_while_the_after_servers_start(monkeypatch):
    monkeypatch.delenv("BENCH_WORKER_CPUS", raising=False)
    monkeypatch.setenv("BENCH_THREADS", "1")
    with trees._sized({"WORKER_CPUS": "auto", "THREADS": 2}):
        assert (os.environ["BENCH_WORKER_CPUS"], os.environ["BENCH_THREADS"]) == ("auto", "2")
    assert "BENCH_WORKER_CPUS" not in os.environ and os.environ["BENCH_THREADS"] == "1"
    with trees._sized(None):  # the before tree and the bare app: this process's environment as it is
        assert "BENCH_WORKER_CPUS" not in os.environ and os.environ["BENCH_THREADS"] == "1"


def test_trees_whose_env_examples_pin_differently_get_a_bare_app_each(tmp_path):
    own = bench.servers.ROOT
    for name, pin in (("one", ""), ("two", "MODERATION_WORKER_CPUS=auto\n")):
        (tmp_path / name).mkdir()
        (tmp_path / name / ".env.example").write_text(f"MODERATION_WORKERS=2\n{pin}")
    assert trees.sized_apart({"before": tmp_path / "one", "after": tmp_path / "two"})
    assert not trees.sized_apart({"before": tmp_path / "one", "after": tmp_path / "one"})
    assert bench.servers.ROOT == own


def test_the_table_head_says_when_workers_were_pinned():
    assert bench.servers.pinned({"MODERATION_WORKER_CPUS": "auto"}) == ", each pinned to a CPU (auto)"
    assert bench.servers.pinned({"MODERATION_WORKER_CPUS": ""}) == bench.servers.pinned({}) == ""


@pytest.mark.slow
def test_a_servers_memory_counts_its_master_share_of_the_pages_it_shares_with_its_workers():
    # a master holding 64 MB it touched, forked into one idle worker: the pages are shared, so each process's PSS holds
    # about half of them; the server's memory is the two together, the whole 64 MB once
    script = ("import os, sys, time\nheld = bytearray(64 << 20)\nheld[::4096] = b'x' * len(held[::4096])\n"
              "child = os.fork()\nif child == 0:\n    time.sleep(60)\n    os._exit(0)\n"
              "print(child, flush=True)\ntime.sleep(60)\n")
    master = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        worker = int(master.stdout.readline())
        count, rss, pss = trees.memory([worker])
        worker_pss = bench.servers.memory_mb(worker)["Pss"]
    finally:
        os.kill(worker, signal.SIGKILL)
        master.kill()
        master.wait()
    assert count == 1
    assert rss >= 64  # the worker maps all of it
    assert worker_pss < 48  # its own share is about half
    assert pss >= 64  # with the master's half: all of it, once
