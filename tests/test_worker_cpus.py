"""MODERATION_WORKER_CPUS (moderation/ops/worker_cpus.py, gunicorn.conf.py): what a value means, which CPU each new
worker gets, and, under the real gunicorn command, each worker's Cpus_allowed_list in /proc: at start, after a
worker is killed, after a HUP; off by default; a bad value stops start-up naming the variable."""

import os
import signal
import time
from collections import Counter

import pytest

from moderation.ops.worker_cpus import choose, parse
from moderation.settings import SettingsError, env_value, load
from tests.support.app import app_config, app_env
from tests.support.receiver import wait_for
from tests.support.servers import GUNICORN_COMMAND, Gunicorn, allowed_cpus

EIGHT = range(8)  # the CPUs a process of an 8-CPU machine may use, for the fast tests


@pytest.mark.parametrize(("spec", "cpus"), [
    ("", ()), ("  ", ()), (None, ()), ("auto", tuple(EIGHT)), ("AUTO", tuple(EIGHT)), ("3", (3,)), ("0,1", (0, 1)),
    ("1,0", (1, 0)), ("2-4", (2, 3, 4)), ("0, 5-6 ,3", (0, 5, 6, 3)), ("7-7", (7,)),
])
def test_a_spec_names_the_cpus_in_its_order(spec, cpus):
    assert parse(spec, allowed=EIGHT) == cpus


def test_auto_is_the_cpus_this_process_may_use_in_order():
    assert parse("auto") == tuple(sorted(os.sched_getaffinity(0)))
    assert parse("auto", allowed={5, 2, 3}) == (2, 3, 5)  # a container's cpuset need not start at 0


@pytest.mark.parametrize(("spec", "why"), [
    ("x", "expected empty"), ("0;1", "expected empty"), ("-1", "expected empty"), ("1-", "expected empty"),
    ("0,,1", "expected empty"), ("1.5", "expected empty"), ("3-1", "runs backwards"), ("0,1,0", "named twice"),
    ("0-2,2", "named twice"),
])
def test_a_spec_that_cannot_be_read_stops_start_up_naming_the_variable(spec, why, monkeypatch):
    _refused(spec, why, monkeypatch)


def test_a_cpu_this_process_may_not_use_stops_start_up_naming_it(monkeypatch):
    top = max(os.sched_getaffinity(0))
    _refused(str(top + 1), f"CPU {top + 1} is not among", monkeypatch)
    _refused(f"{top}-{top + 2}", f"CPU {top + 1}, {top + 2} is not among", monkeypatch)


def _refused(spec, why, monkeypatch):
    with pytest.raises(SettingsError, match=f"^MODERATION_WORKER_CPUS: .*{why}"):
        load({"WORKER_CPUS": spec})
    monkeypatch.setenv("MODERATION_WORKER_CPUS", spec)
    with pytest.raises(SettingsError, match=f"^MODERATION_WORKER_CPUS: .*{why}"):
        env_value("WORKER_CPUS")  # what gunicorn.conf.py reads in the master


def _spawn(cpus, count, held=()):
    """The CPUs `count` workers forked one after another get, beside the live workers' `held`."""
    held, got = list(held), []
    for _ in range(count):
        got.append(choose(cpus, held))
        held.append(got[-1])
    return got


def test_the_first_workers_take_the_cpus_in_order_then_go_round_the_list():
    assert _spawn((0, 1), 2) == [0, 1]
    assert _spawn((0, 1), 5) == [0, 1, 0, 1, 0]
    assert _spawn((6, 2, 4), 4) == [6, 2, 4, 6]  # the list's order, not the numbers'
    assert _spawn((3,), 2) == [3, 3]


def test_a_worker_forked_after_a_crash_takes_the_cpu_its_predecessor_left():
    assert choose((0, 1, 2, 3), [0, 1, 3]) == 2
    assert choose((0, 1), [0, 0, 1]) == 1  # three workers on two CPUs, the second CPU's lost
    assert choose((0, 1), [0, 1, 1]) == 0


def test_the_workers_a_hup_forks_beside_the_old_ones_end_up_as_spread_as_the_first():
    for cpus, count in (((0, 1), 2), ((0, 1), 3), ((0, 1, 2, 3), 3), ((0, 1, 2, 3), 6), ((0, 1, 2), 7)):
        old = _spawn(cpus, count)
        new = _spawn(cpus, count, held=old)  # the old workers live on while the new ones fork
        held = [Counter(new)[cpu] for cpu in cpus]
        assert max(held) - min(held) <= 1, (cpus, count, old, new)
        assert sorted(held) == sorted(Counter(old)[cpu] for cpu in cpus), (cpus, count, old, new)


def test_cpus_held_by_no_listed_cpu_are_ignored():
    assert choose((2, 3), [0, 1, 2]) == 3


# -- under the real gunicorn command ---------------------------------------------------------------------------

def _pins(server, count):
    """{pid: its one CPU} once `count` workers are up, each pinned to one CPU (AssertionError otherwise): a worker
    is the master's child from the fork on, with the master's CPUs until its post_fork hook has run."""
    pins = {}

    def pinned():
        pins.clear()
        pins.update((pid, allowed_cpus(pid)) for pid in server.workers())
        return len(pins) == count and all(len(cpus) == 1 for cpus in pins.values())

    assert wait_for(pinned, 30, step=0.05), (pins, server.log())
    return {pid: next(iter(cpus)) for pid, cpus in pins.items()}


def _spread(pins, cpus):
    """Each CPU of `cpus` holds as many workers as the others, or one more."""
    held = Counter(pins.values())
    assert set(held) <= set(cpus), (pins, cpus)
    counts = [held.get(cpu, 0) for cpu in cpus]
    assert max(counts) - min(counts) <= 1, (pins, cpus)


@pytest.mark.slow
def test_gunicorn_pins_each_worker_and_each_one_it_forks_again(tiny_model, redis_server, prefix, tmp_path):
    """auto, three workers (on two CPUs: round the list): each on one CPU of the master's, spread; a killed worker's
    successor takes its CPU; after a HUP the new workers are as spread; the master itself is not pinned."""
    cpus = tuple(sorted(os.sched_getaffinity(0)))  # the master inherits this process's
    config = app_config(tiny_model, redis_server.url, prefix, tmp_path, WORKERS=3, WORKER_CPUS="auto",
                        RATE_LIMITS="")
    server = Gunicorn(GUNICORN_COMMAND, app_env(config), tmp_path).start()
    try:
        pins = _pins(server, 3)
        assert sorted(pins.values()) == sorted(cpus[i % len(cpus)] for i in range(3))
        assert allowed_cpus(server.process.pid) == set(cpus)
        assert server.post_comment("今日の記事、とても参考になりました。")[0] == 200

        lost_pid, lost_cpu = min(pins.items(), key=lambda item: (Counter(pins.values())[item[1]], -item[1]))
        os.kill(lost_pid, signal.SIGKILL)
        assert wait_for(lambda: lost_pid not in server.workers() and len(server.workers()) == 3, 30), server.log()
        after_crash = _pins(server, 3)
        successor = set(after_crash) - set(pins)
        assert len(successor) == 1 and after_crash[successor.pop()] == lost_cpu, (pins, after_crash)

        server.process.send_signal(signal.SIGHUP)
        assert wait_for(lambda: not set(after_crash) & set(server.workers()) and len(server.workers()) == 3,
                        60), server.log()
        after_hup = _pins(server, 3)
        _spread(after_hup, cpus)
        assert allowed_cpus(server.process.pid) == set(cpus)
        assert server.post_comment("記事の数字の出典が知りたいです。")[0] == 200
    finally:
        server.stop()


# unpinned by default: tests/test_production.py, on the compose command's gunicorn that module starts anyway


@pytest.mark.slow
@pytest.mark.parametrize("spec", ["0-x", "4096"])
def test_gunicorn_refuses_to_start_with_a_value_it_cannot_use(spec, tiny_model, redis_server, prefix, tmp_path):
    config = app_config(tiny_model, redis_server.url, prefix, tmp_path, WORKER_CPUS=spec)
    server = Gunicorn(GUNICORN_COMMAND, app_env(config), tmp_path)
    started = time.monotonic()
    with pytest.raises(AssertionError, match="gunicorn exited with 1") as refused:
        server.start()
    assert "MODERATION_WORKER_CPUS" in str(refused.value), str(refused.value)
    assert time.monotonic() - started < 60  # at the configuration, before any worker
