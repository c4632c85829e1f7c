"""The bench's CPU a request holds what a server's reaped children used: redis-server forks to rewrite its
append-only file, and that core's work was missing from Redis's figures (bench/runs.cpu_seconds)."""

import subprocess
import sys

import pytest

from bench.runs import cpu_seconds, forked_ms

# A parent that forks a child burning 0.3 s of CPU, reaps it, says so and waits: what redis-server does for a rewrite.
PARENT = """
import os, time
pid = os.fork()
if pid == 0:
    start = time.process_time()
    while time.process_time() - start < 0.3:
        pass
    os._exit(0)
os.waitpid(pid, 0)
print("reaped", flush=True)
time.sleep(60)
"""


@pytest.mark.slow  # a Python process whose child burns 0.25 s of CPU (0.65-0.91 s)
def test_cpu_seconds_counts_the_children_a_process_reaped():
    parent = subprocess.Popen([sys.executable, "-c", PARENT], stdout=subprocess.PIPE, text=True)
    try:
        assert parent.stdout.readline().strip() == "reaped"
        total, forked = cpu_seconds([parent.pid]), cpu_seconds([parent.pid], forked=True)
        assert forked >= 0.25  # the child's burn, counted to its parent once reaped (10 ms ticks)
        assert forked <= total < forked + 0.25  # in the total too, beside the parent's own small share
    finally:
        parent.kill()
        parent.wait()


def test_forked_ms_is_the_rewrites_over_every_round_an_item():
    rounds = [{"requests": 300, "forked_s": {"redis": 0.0}}, {"requests": 100, "forked_s": {"redis": 1.2}}]
    assert forked_ms(rounds, 100) == 1000 * 1.2 / 40_000
