"""MODERATION_WORKER_CPUS: which CPU each gunicorn worker is pinned to (gunicorn.conf.py's pre_fork and post_fork).

Off by default. "auto" takes the CPUs the master may run on (os.sched_getaffinity(0): a container's cpuset, a
taskset), in order; an explicit list ("0,1", "2-3", Linux's cpulist form as taskset -c takes it) names them. Each new
worker gets the listed CPU the fewest live workers hold (the first of those, in the list's order), so the first N
workers get the first N CPUs, more workers than CPUs go round the list, a worker forked after a crash takes the
CPU its predecessor left, and the workers a HUP forks (while the old ones still finish their requests) take the list
from its start again, each on its own CPU.
"""

import os

ATTRIBUTE = "moderation_cpu"  # on gunicorn's Worker object in the master, inherited by the forked worker


def parse(spec, allowed=None):
    """The CPUs a spec names, in order: () when off; ValueError (the settings reader names the variable) when it
    cannot be used. `allowed`: the CPUs this process may run on (os.sched_getaffinity(0) when None)."""
    spec = "" if spec is None else str(spec).strip()
    if not spec:
        return ()
    if not hasattr(os, "sched_setaffinity"):
        raise ValueError("pinning workers to CPUs needs Linux (os.sched_setaffinity); leave it empty here")
    allowed = sorted(os.sched_getaffinity(0) if allowed is None else allowed)
    if spec.lower() == "auto":
        return tuple(allowed)
    cpus = []
    for part in spec.split(","):
        first, dash, last = part.strip().partition("-")
        if not (first.isdigit() and (not dash or last.isdigit())):
            raise ValueError(f"expected empty, \"auto\" or CPU numbers like \"0,1\" or \"0-3\", got {spec!r}")
        low, high = int(first), int(last) if dash else int(first)
        if high < low:
            raise ValueError(f"the range {part.strip()!r} runs backwards")
        cpus.extend(range(low, high + 1))
    if len(set(cpus)) != len(cpus):
        raise ValueError(f"a CPU is named twice in {spec!r}")
    outside = sorted(set(cpus) - set(allowed))
    if outside:
        raise ValueError(f"CPU {', '.join(map(str, outside))} is not among those this process may use "
                         f"({','.join(map(str, allowed))})")
    return tuple(cpus)


def choose(cpus, held):
    """The CPU for the next worker: the one of `cpus` the fewest of `held` (the live workers' CPUs) hold, the first
    in order among equals."""
    counts = {cpu: 0 for cpu in cpus}
    for cpu in held:
        if cpu in counts:
            counts[cpu] += 1
    return min(cpus, key=lambda cpu: (counts[cpu], cpus.index(cpu)))


def assign(cpus, server, worker):
    """In the master, before the fork: note the worker's CPU on it (the master's copy stays in server.WORKERS for the
    next worker's choice, across a HUP too: the configuration is read again, gunicorn's worker objects are not)."""
    if cpus:
        held = [getattr(live, ATTRIBUTE, None) for live in server.WORKERS.values()]
        setattr(worker, ATTRIBUTE, choose(cpus, held))


def pin(server, worker):
    """In the worker, right after the fork and before its threads start (they inherit the affinity)."""
    cpu = getattr(worker, ATTRIBUTE, None)
    if cpu is not None:
        os.sched_setaffinity(0, {cpu})
        server.log.info("worker %s (age %s) pinned to CPU %s", worker.pid, worker.age, cpu)
