"""`make bench`'s table: the interleaved rounds' medians, ratios to the bare app and targets (issue 13)."""

import os
import statistics

from bench import script_time
from bench.runs import forked_ms
from bench.servers import pinned

MODES = ("bare", "healthz", "comment")


def check_row(checks, server_ms):
    """comments:check against POST /api/v1/comments in the same interleaved rounds: p50 / p99 and the p50 ratio."""
    def med(mode, key):
        return statistics.median(r[key] for r in checks[mode]) / 1000

    ratio = statistics.median(c["p50_us"] / p["p50_us"] for c, p in zip(checks["check"], checks["comment"],
                                                                        strict=True))
    return ("comments:check p50 / p99 ms @16 (app mean)", "", "",
            f"{med('check', 'p50_us'):.1f} / {med('check', 'p99_us'):.1f} "
            f"({server_ms.get('/api/v1/comments:check', 0):.2f}); comment {med('comment', 'p50_us'):.1f} / "
            f"{med('comment', 'p99_us'):.1f}", "check p50 <= 1.5x comment's", f"{ratio:.2f}x "
            + ("met" if ratio <= 1.5 else "MISSED"))


def summarise(runs, batches, memory, bare_memory, counters, version, env, args, server_ms, load, checks):
    from moderation.store.embedded import allocator, server_env

    def med(mode, c, key):
        return statistics.median(r[key] for r in runs[(mode, c)])

    def ratio(mode, c):
        """Median over the rounds of this mode's req/s over the bare app's in the same round."""
        return statistics.median(r["rps"] / b["rps"] for r, b in zip(runs[(mode, c)], runs[("bare", c)], strict=True))

    def cpu(mode, c, name):
        return statistics.median(r["cpu_ms"].get(name, 0) for r in runs[(mode, c)])

    def ok(flag):
        return "met" if flag else "MISSED"

    figures = {f"{m}_{c}": {"rps": med(m, c, "rps"), "p50_ms": med(m, c, "p50_us") / 1000,
                            "p99_ms": med(m, c, "p99_us") / 1000, "ratio": ratio(m, c),
                            "errors": sum(r["errors"] for r in runs[(m, c)]),
                            "cpu_ms": {n: cpu(m, c, n) for n in ("workers", "redis", "wrk")}}
               for m in MODES for c in (16, 64)}
    batch_rate = statistics.median(r["rps"] * 100 for r in batches)
    batch_cpu = {n: statistics.median(r["cpu_ms"][n] for r in batches) / 100 for n in ("workers", "redis", "wrk")}
    batch_forked = forked_ms(batches, 100)
    submitted = {k.split(":", 1)[1]: v for k, v in counters.items() if k.startswith("submitted:")}
    total = sum(submitted.values()) or 1
    rss, pss = max(m["Rss"] for m in memory.values()), max(m["Pss"] for m in memory.values())
    bare_rss = max(m["Rss"] for m in bare_memory.values())
    f = figures

    def row(label, cell, target="", verdict=""):
        return (label, *(cell(m) for m in MODES), target, verdict)

    def latency(c):
        return lambda m: f"{f[f'{m}_{c}']['p50_ms']:.1f} / {f[f'{m}_{c}']['p99_ms']:.1f}"

    def cpu_cell(c):
        return lambda m: " / ".join(f"{f[f'{m}_{c}']['cpu_ms'][n]:.2f}" for n in ("workers", "redis", "wrk"))

    def cpu_ratio(mode, c):
        """Bare CPU per request (all components) over this mode's: what the throughput ratio tends to when
        the two cores do nothing else, so it holds on a loaded machine where req/s ratios drift."""
        return sum(f[f"bare_{c}"]["cpu_ms"].values()) / sum(f[f"{mode}_{c}"]["cpu_ms"].values())

    def busy(mode, c):
        """Cores the run kept busy (workers, redis-server and wrk): below the bare app's, a core waits while the
        service's sync workers wait on Redis, which the ratio by CPU does not see."""
        return f[f"{mode}_{c}"]["rps"] * sum(f[f"{mode}_{c}"]["cpu_ms"].values()) / 1000

    def spread(m):
        """p99 over the mean latency at 64 connections (Little's law: 64 in flight over req/s): wrk keeps 64 requests
        in flight on 2 sync workers, so the mean is set by the throughput alone (docs/benchmark.md, the tail)."""
        return f[f"{m}_64"]["p99_ms"] / (64_000 / f[f"{m}_64"]["rps"])

    def queueing(m):
        return f"{64_000 / f[f'{m}_64']['rps']:.1f}; {spread(m):.2f}"

    p99_64 = f["comment_64"]["p99_ms"] / f["bare_64"]["p99_ms"]
    rows = [
        ("measure", "bare Flask POST", "GET /healthz", "POST /api/v1/comments", "target (issue 13)", ""),
        row("req/s, 16 connections", lambda m: f"{f[f'{m}_16']['rps']:.0f}"),
        row("ratio to bare, 16 connections", lambda m: f"{f[f'{m}_16']['ratio']:.2f}",
            "healthz >=0.75, comment >=0.40",
            ok(f["healthz_16"]["ratio"] >= 0.75 and f["comment_16"]["ratio"] >= 0.40)),
        row("p50 / p99 ms, 16 connections", latency(16), "comment p50<=10, p99<=40",
            ok(f["comment_16"]["p50_ms"] <= 10 and f["comment_16"]["p99_ms"] <= 40)),
        row("req/s, 64 connections", lambda m: f"{f[f'{m}_64']['rps']:.0f}"),
        row("ratio to bare, 64 connections", lambda m: f"{f[f'{m}_64']['ratio']:.2f}"),
        row("p50 / p99 ms, 64 connections", latency(64), f"comment p99<=2x bare ({p99_64:.2f}x)", ok(p99_64 <= 2)),
        row("64 / req/s = mean latency ms; p99 over it", queueing,
            f"{p99_64:.2f}x = bare/comment req/s {f['bare_64']['rps'] / f['comment_64']['rps']:.2f} "
            f"x comment/bare spread {spread('comment') / spread('bare'):.2f}"),
        row("CPU ms/request workers/redis/wrk @16", cpu_cell(16)),
        row("ratio to bare by CPU per request, @16", lambda m: f"{cpu_ratio(m, 16):.2f}",
            "the throughput ratio on an idle 2-core machine"),
        row("cores busy @16 (req/s x CPU per request)", lambda m: f"{busy(m, 16):.2f}",
            f"of {os.cpu_count()}; below bare's: workers waiting on Redis"),
        ("redis µs/comment in SUBMIT @16: all / commands / INFO", "", "", script_time.cell(runs[("comment", 16)]),
         "", "wall time in EVALSHA; the Lua is all less its commands"),
        row("CPU ms/request workers/redis/wrk @64", cpu_cell(64)),
        row("errors (all rounds)", lambda m: str(f[f"{m}_16"]["errors"] + f[f"{m}_64"]["errors"]), "0",
            ok(all(f[k]["errors"] == 0 for k in f))),
        ("time in the app per request, mean ms", "", f"{server_ms.get('/healthz', 0):.2f}",
         f"{server_ms.get('/api/v1/comments', 0):.2f}", "", ""),
        ("batch of 100, comments/s", "", "", f"{batch_rate:.0f}", ">=5000", ok(batch_rate >= 5000)),
        ("batch CPU ms/comment workers/redis/wrk", "", "",
         " / ".join(f"{batch_cpu[n]:.2f}" for n in ("workers", "redis", "wrk")), "", ""),
        ("of which redis's forked AOF rewrites, all rounds", "", "", f"{batch_forked:.3f}", "",
         "in redis's CPU above; the round a rewrite ends in pays for it"),
        check_row(checks, server_ms),
        ("worker memory RSS (PSS), MB", f"{bare_rss:.0f}", "", f"{rss:.0f} ({pss:.0f})", "RSS<=250", ok(rss <= 250)),
        ("answers during the runs", "", "", "  ".join(f"{k} {v / total:.0%}" for k, v in sorted(submitted.items())),
         "~20% flagged", ""),
        ("of which an article's or author's rule", "", "",
         "  ".join(f"{k[5:]} {v / total:.1%}" for k, v in sorted(counters.items()) if k.startswith("rule:")) or "none",
         "the rest is the model's", ""),
    ]
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = [f"moderation HTTP benchmark: model {version}, gunicorn {env['MODERATION_WORKERS']} workers x "
             f"{env['MODERATION_THREADS']} threads{pinned(env)} (--preload) for the service and the bare app, "
             f"redis-server AOF everysec over {args.redis} (malloc {allocator(server_env())}), wrk 1 thread; medians "
             f"of {args.rounds} interleaved rounds x {args.seconds} s; {os.cpu_count()} cores, load average "
             f"{min(load):.1f}-{max(load):.1f} during the run"]
    for index, cells in enumerate(rows):
        lines.append("| " + " | ".join(cell.ljust(widths[i]) for i, cell in enumerate(cells)) + " |")
        if index == 0:
            lines.append("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return {"table": "\n".join(lines), "figures": figures, "batch_comments_per_s": batch_rate,
            "batch_cpu_ms": batch_cpu, "batch_forked_ms": batch_forked,
            "memory_mb": {str(pid): {"rss": m["Rss"], "pss": m["Pss"]} for pid, m in memory.items()},
            "bare_rss_mb": bare_rss, "answers": submitted, "server_ms": server_ms, "load_average": load,
            "checks": {mode: {"p50_ms": statistics.median(r["p50_us"] for r in rs) / 1000,
                              "p99_ms": statistics.median(r["p99_us"] for r in rs) / 1000,
                              "rps": statistics.median(r["rps"] for r in rs)} for mode, rs in checks.items()}}
