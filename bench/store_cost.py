"""SUBMIT's cost inside Valkey and in the worker, per kind of comment (issue 13): what a comment's one round trip
costs the server that shares the machine's cores with the workers.

Starts a Valkey as `make bench` does (append-only, fsync every second, TCP; under callgrind with --callgrind) and
the service's app in-process with bench/submit.py's settings; the news mix's comments are scored once, then stored
again and again under fresh ids through ReviewQueue.submit (one comment a round trip, its rate limits counted in it),
as each KIND makes them (batch: the mix through ReviewQueue.submit_many, 100 a call as the batch endpoint sends
them: SUBMIT_MANY's cost a comment). The queue's and the limiter's clock is fixed (a run crossing a breaker bucket
cost up to 5% more, session 42) and SUBMIT never reads INFO (its skip forced on: how often it reads it depends on the
fsyncs' timing; `make bench` measures INFO apart, bench/script_time.py). Per comment: Valkey's CPU (/proc
schedstat, every thread: the event loop, the script, its commands, their append-only propagation and write), the
FCALL's own time and the commands it ran (INFO commandstats) and the worker's CPU for submit() with its charge (this
process's CPU clock); with --callgrind, Valkey's instructions instead (callgrind_control zeroes and dumps around each
kind), which hold on a loaded machine where CPU times do not, and their parts (PARTS: the FCALL, redis.call's module
call, the commands, the append-only propagation, valkey's own Lua collector step). Medians over rounds that
interleave the kinds.

`--trees BEFORE AFTER` runs this module in each checkout in turn (cwd the tree, so its own code is measured), the
order alternating each round, and prints each kind's medians and the AFTER/BEFORE ratios.

    python -m bench.store_cost [--comments 300] [--rounds 5] [--callgrind] [--json FILE]
    python -m bench.store_cost --trees BEFORE AFTER [--rounds 5] [--callgrind]
"""

import argparse
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

KINDS = ("mix", "allowed", "queued", "rejected", "limited", "offender", "hot", "batch")
BATCH = 100  # comments a submit_many call for the batch kind (the batch endpoint's request)
FIXED_MS = 1_796_000_030_000  # the queue's and limiter's clock: every comment in one breaker bucket
OFFENDERS = 30  # a round's repeat offenders: each posts comments/30 rejected comments, strikes adding up
INFO_CHECK = "if now < FSYNC_SAFE then return '' end"  # append_only.PENDING's skip, forced on here


def kind_items(kind, records, tag):
    """(record, hits) for each of the news mix's records as `kind` makes it: mix as scored; allowed, queued and
    rejected forced so, each on a fresh author; limited an allowed comment of one author over its limit (refused);
    offender a rejection by one of OFFENDERS authors (strikes add up: warned, then suspended); hot the mix as scored,
    all on one article (its window counts each, its harm counts each flagged one); batch the mix as scored (stored
    BATCH at a time)."""
    from bench.submit import forced

    out = []
    for n, (record, hits) in enumerate(records):
        id_ = f"{tag}-{n}"
        if kind in ("mix", "batch"):
            out.append(forced(record, hits, "mix", id_))
        elif kind in ("allowed", "queued", "rejected"):
            out.append(forced(record, hits, {"allowed": "allow", "queued": "review"}.get(kind, "reject"), id_))
        elif kind == "hot":
            item, item_hits = forced(record, hits, "mix", id_)
            out.append(({**item, "article_id": "hot-article"}, item_hits))
        else:
            author = f"{tag}-{kind}" if kind == "limited" else f"{tag}-off-{n % OFFENDERS}"
            item, item_hits = forced(record, hits, "allow" if kind == "limited" else "reject", author)
            out.append(({**item, "id": id_}, item_hits))  # the author forced() made of `author`, on every comment
    return out


def server_ns(pid):
    """On-CPU time of every thread of the process so far, in ns."""
    return sum(int(task.joinpath("schedstat").read_text().split()[0]) for task in Path(f"/proc/{pid}/task").iterdir())


def start_valkey(folder, callgrind=None):
    """A Valkey as `make bench` starts it (bench/servers.py), under callgrind (instrumentation off) if asked."""
    from bench.servers import start_redis

    if not callgrind:
        return start_redis(folder)
    return start_redis(folder, prefix=("valgrind", "--tool=callgrind", "--instr-atstart=no",
                                       f"--callgrind-out-file={callgrind}", "--separate-threads=no"),
                       extra=("--hz", "1"), tries=1200)


def _callgrind(pid, *action):
    subprocess.run(["callgrind_control", *action, str(pid)], check=True, capture_output=True)


def dumped_instructions(path):
    """The instructions a callgrind dump counted (its `totals:` line; its `summary:` says 0 for a dump)."""
    for line in reversed(Path(path).read_text().splitlines()):
        if line.startswith("totals:"):
            return int(line.split()[1])
    raise ValueError(f"no totals in {path}")


# A dump's parts, by valkey's exported functions' inclusive costs (Lua's own functions are static: unnamed, so cjson,
# the bytecode and the collector's steps are in "fcall" only): the FCALL all in; redis.call's module call, all in
# (VM_CallArgv: lookup, ACL, the command, its reply made a Lua value); the commands themselves, run from the script
# (call'2); the append-only propagation after the FCALL (afterCommand); valkey's own collector step every 50 calls.
PARTS = {"k_fcall": "fcallCommand", "k_module_call": "VM_CallArgv", "k_commands": "call'2",
         "k_propagation": "afterCommand", "k_lua_gc_step": "lua_gc"}
_ANNOTATED = re.compile(r"^\s*([\d,]+) \([^)]*\)\s+\S*?:([^\s\[]+)")


def dumped_parts(path):
    """{PARTS name: instructions} of a callgrind dump (callgrind_annotate --inclusive=yes; 0 for a name not there)."""
    text = subprocess.run(["callgrind_annotate", "--inclusive=yes", "--threshold=100", str(path)],
                          capture_output=True, text=True, check=True).stdout
    return parts_of(text)


def parts_of(annotated):
    """PARTS' inclusive counts from callgrind_annotate's listing (a function's first line: its own total)."""
    counts = {}
    for line in annotated.splitlines():
        found = _ANNOTATED.match(line)
        if found and found.group(2) not in counts:
            counts[found.group(2)] = int(found.group(1).replace(",", ""))
    return {part: counts.get(name, 0) for part, name in PARTS.items()}


def measure(rounds, comments, callgrind=False):
    """{kind: [per-comment figures of each round]} for this checkout's SUBMIT."""
    from bench.mixes import bodies
    from bench.submit import app_for, news_mix, records_of
    from moderation.store.review_queue import submit_lua

    if submit_lua.CHUNK.count(INFO_CHECK) != 1:
        raise SystemExit("append_only.PENDING's INFO skip changed: bench/store_cost.py cannot force it")
    submit_lua.CHUNK = submit_lua.CHUNK.replace(INFO_CHECK, "if true then return '' end")
    rng = random.Random(20261205)
    texts, thresholds = news_mix(rng, comments)
    folder = Path(tempfile.mkdtemp(prefix="moderation-store-cost-"))
    out_file = folder / "callgrind.out"
    process, port, rdb = start_valkey(folder, out_file if callgrind else None)
    runs = {kind: [] for kind in KINDS}
    try:
        app = app_for(port, folder, thresholds)
        lines = bodies(None, rng, folder / "comments.jsonl", comments=texts).read_text().splitlines()
        records = records_of(app, [line for line in lines if line])
        with app.app_context():
            from moderation.store.rate_limits import RateLimiter, get_limiter
            from moderation.store.review_queue import get_queue

            queue, limiter = get_queue("bench"), get_limiter()
            queue.now_ms = lambda: FIXED_MS
            # the limited kind's limiter: its author may post once a minute (the site's key as the bench's)
            one_a_minute = RateLimiter(limiter.redis, {**limiter.limits, "author": (1, 60)}, limiter.keys.prefix)
            dumps = 0

            def run(kind, tag):
                chosen = one_a_minute if kind == "limited" else limiter
                items = kind_items(kind, records, tag)
                before = rdb.info("commandstats")
                server, client = server_ns(process.pid), time.process_time()
                if kind == "batch":
                    for start in range(0, len(items), BATCH):
                        queue.submit_many([(record, record["decision"] == "review",
                                            chosen.charge("bench", hits, now=FIXED_MS / 1000))
                                           for record, hits in items[start:start + BATCH]])
                for record, hits in items if kind != "batch" else ():
                    charge = chosen.charge("bench", hits, now=FIXED_MS / 1000)
                    queue.submit(record, queued=record["decision"] == "review", charge=charge)
                client = time.process_time() - client
                server = server_ns(process.pid) - server
                after = rdb.info("commandstats")
                n = len(items)

                def spent(name, field):
                    return after.get(name, {}).get(field, 0) - before.get(name, {}).get(field, 0)

                others = [name for name in after if name not in ("cmdstat_fcall", "cmdstat_info")]
                return {"valkey_us": server / 1e3 / n, "fcall_us": spent("cmdstat_fcall", "usec") / n,
                        "commands": sum(spent(name, "calls") for name in others) / n,
                        "client_us": 1e6 * client / n}

            for kind in KINDS:  # warm: the library loaded, connections open, the offenders' strikes begun
                run(kind, f"warm-{kind}")
            for round_ in range(rounds):
                for kind in KINDS[round_ % len(KINDS):] + KINDS[:round_ % len(KINDS)]:
                    if callgrind:
                        _callgrind(process.pid, "-z")
                        _callgrind(process.pid, "-i", "on")
                    figures = run(kind, f"r{round_}-{kind}")
                    if callgrind:
                        _callgrind(process.pid, "-i", "off")
                        _callgrind(process.pid, "-d")
                        dumps += 1
                        dump = f"{out_file}.{dumps}"
                        figures = {"k_instructions": dumped_instructions(dump) / 1e3 / len(records),
                                   "commands": figures["commands"],
                                   **{part: n / 1e3 / len(records) for part, n in dumped_parts(dump).items()}}
                    runs[kind].append(figures)
    finally:
        process.terminate()
        process.wait(timeout=120)
        shutil.rmtree(folder, ignore_errors=True)
    return runs


def medians(runs):
    return {kind: {name: statistics.median(r[name] for r in results) for name in results[0]}
            for kind, results in runs.items() if results}


def compare(trees, rounds, comments, callgrind):
    """This module run in each tree in turn, the order alternating each round: {tree: {kind: [figures]}}."""
    runs = {tree: {kind: [] for kind in KINDS} for tree in trees}
    with tempfile.TemporaryDirectory(prefix="moderation-store-cost-") as folder:
        for round_ in range(rounds):
            for tree in trees if round_ % 2 == 0 else trees[::-1]:
                out = Path(folder) / "out.json"
                command = [sys.executable, "-m", "bench.store_cost", "--rounds", "1", "--comments", str(comments),
                           "--json", str(out), *(["--callgrind"] if callgrind else [])]
                subprocess.run(command, cwd=tree, check=True, stdout=subprocess.DEVNULL,
                               env={**os.environ, "PYTHONPATH": str(tree)})
                for kind, figures in json.loads(out.read_text())["runs"].items():
                    runs[tree][kind] += figures
    return runs


def table(kinds_medians, columns):
    lines = [f"{'kind':10}" + "".join(f"{name:>16}" for name in columns)]
    for kind, row in kinds_medians.items():
        lines.append(f"{kind:10}" + "".join(f"{row[name]:16.2f}" for name in columns))
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--comments", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--callgrind", action="store_true")
    parser.add_argument("--trees", nargs=2, type=Path)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    load = os.getloadavg()[0]
    if args.trees:
        runs = compare([str(tree.resolve()) for tree in args.trees], args.rounds, args.comments, args.callgrind)
        found = {tree: medians(by_kind) for tree, by_kind in runs.items()}
        before, after = found.values()
        print(f"medians of {args.rounds} alternating runs x {args.comments} comments a kind; load {load:.1f}-"
              f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        for tree, by_kind in found.items():
            print(f"\n{tree}\n" + table(by_kind, next(iter(by_kind.values()))))
        ratios = {kind: {name: after[kind][name] / before[kind][name] if before[kind][name] else float("nan")
                         for name in before[kind]} for kind in before}
        print("\nafter / before\n" + table(ratios, next(iter(ratios.values()))))
        out = {"runs": runs, "medians": found, "ratios": ratios}
    else:
        runs = measure(args.rounds, args.comments, args.callgrind)
        found = medians(runs)
        print(f"per comment, medians of {args.rounds} interleaved rounds x {args.comments} comments a kind; load "
              f"{load:.1f}-{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        print(table(found, next(iter(found.values()))))
        out = {"runs": runs, "medians": found}
    if args.json:
        args.json.write_text(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
