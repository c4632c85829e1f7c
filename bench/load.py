"""HTTP benchmark of the production set-up against a bare Flask app: `make bench` (about 6 minutes on 2 cores).

Starts a real redis-server (append-only, fsync every second, as in docker-compose.yml) and two gunicorns
with the api service's exact command line (gunicorn.conf.py, 2 sync workers, --preload) and the settings
of .env.example: the service, and bench/bare.py (a Flask app whose `POST /api/v1/comments` only parses
the JSON and answers a constant). wrk (Debian package; a separate process, bench/wrk.lua) then drives,
interleaved in every round and in a rotating order:

  bare      POST /api/v1/comments on the bare app: what Flask and gunicorn cost on this machine
  healthz   GET /healthz on the service: the per-request plumbing (request id, access log, metrics, headers)
  comment   POST /api/v1/comments on the service: Japanese comments of 20-2,000 characters, some English,
            about 20% flagged and queued (written here from phrases of our own; no data set is read), in the
            news-site mix of articles and authors (--mix; see news_comments)

at 16 and 64 connections, then the batch endpoint (100 comments a request, two connections per worker).
Every figure is a median over the rounds, and the service's are also given as ratios to the bare app's
measured in the same rounds, so a shared, loaded machine still gives comparable figures (the load average
is printed with them). CPU per request is read from /proc for each component: the gunicorn workers,
redis-server and wrk, and inside the app by part (scoring, Redis, logging, metrics, Flask...: bench/breakdown.py,
in-process against the same Redis). Worker memory (RSS, PSS) is read at the end. One table; --json writes the figures
too. docs/benchmark.md explains the table and keeps the measured runs.

    python -m bench.load [--rounds 5] [--seconds 5] [--json var/bench.json]
"""

import argparse
import json
import math
import os
import random
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

from bench import script_time

ROOT = Path(__file__).resolve().parent.parent


API_KEY = "bench-key-0123456789abcdefghijklmnop"
METRICS_TOKEN = "bench-metrics-token-0123456789abcdefgh"  # noqa: S105 (a local throwaway server)

# Phrases written for this benchmark (ordinary news comments, spam, abuse); combined and cut to length.
JA = [
    "今回の決定については、もう少し丁寧な説明が必要だと思います。", "地元の話題なので興味深く読みました。",
    "物価が上がる一方で給料は変わらず、生活は厳しくなるばかりです。", "選手の皆さん、本当にお疲れさまでした。",
    "記者の方の取材が丁寧で、背景がよく分かりました。", "子どもの通学路の安全対策を早く進めてほしい。",
    "高齢の両親が住んでいるので、台風の進路が心配です。", "政府の対応が遅すぎると感じる人は多いのではないでしょうか。",
    "観光客が増えるのは良いことですが、マナーの問題もあります。", "議論が深まることを期待します。",
    "昔はこの辺りにも商店街があって賑わっていました。", "専門家の意見をもっと紹介してほしいです。",
    "医療現場の負担が減る仕組みづくりが大切だと思う。", "電車の遅延が続いていて、通勤が本当に大変です。",
    "記事の数字の出典が知りたいです。", "なるほど、そういう事情があったんですね。", "次の大会も応援しています！",
    "円安の影響は輸入品の値段にはっきり出ていますね。", "うちの町でも同じことが起きています。",
    "行政はもっと現場の声を聞くべきだ。", "正直、どちらの言い分にも一理あると思った。", "続報を待ちたいです。",
]
EN = [
    "I think the council made the right call here, but the timing is odd. ", "Thanks for the detailed reporting. ",
    "Prices keep going up and wages do not follow. ", "Hope everyone in the affected area stays safe. ",
    "Would be good to see the source for these figures. ", "This is a fair summary of a complicated story. ",
]
SPAM = [
    "副業で月収100万円！詳しくはプロフのLINEを追加してね",
    "在宅で簡単に稼げる方法を無料で教えます→ https://bit.ly/3xAbCd ",
    "今だけ限定、仮想通貨で資産が10倍に。DMください", "【当選のお知らせ】受け取りはこちら http://prize-jp.xyz/ ",
    "LINE ID: money777 まで気軽に連絡ください", "スマホだけで日給5万円、先着10名様",
    "Earn $5000 a week from home: http://cash-now.top ",
]
ABUSE = [
    "お前みたいなバカは黙ってろ。", "頭おかしいんじゃないの、消えろ。", "こいつら全員クズだな。",
    "死ね、二度と書き込むな。", "本当に無能な連中だ、恥を知れ。", "You are an idiot, shut up. ",
]


def make_text(rng, length, *, english=False, flagged=None):
    """A comment of exactly `length` characters: ordinary phrases, or (flagged) spam or abuse mixed in."""
    base = EN if english else JA
    out = ""
    while len(out) < length:
        if flagged and (not out or rng.random() < 0.5):
            out += rng.choice(SPAM if flagged == "spam" else ABUSE)
        else:
            out += rng.choice(base)
    return out[:length]


def comment_length(rng):
    """Median about 100 characters, about 6% over 400, a few long ones up to 2,000."""
    if rng.random() < 0.01:
        return rng.randint(1000, 2000)
    return max(20, min(2000, int(rng.lognormvariate(math.log(100), 0.9))))


def corpus(rng, n):
    out = []
    for _ in range(n):
        roll = rng.random()
        flagged = "spam" if roll < 0.12 else "abuse" if roll < 0.22 else None
        out.append(make_text(rng, comment_length(rng), english=rng.random() < 0.1, flagged=flagged))
    return out


# The news-site mix (--mix news, the default): who comments where. Comments follow the articles' popularity
# (Zipf over ARTICLES live articles); one article in ten is contentious and draws abuse (35% of its comments, 6%
# elsewhere); spam (8%) comes from a few hundred accounts, everything else from readers who each post rarely (wrk
# gives every request a fresh reader id out of READERS, so no reader posts a hundred times in a run). About 20%
# of the comments are flagged, as in the uniform mix, but the article breaker now holds the contentious articles
# rather than a third of all of them, and the author standing suspends spammers, not ordinary readers.
# The uniform mix (--mix uniform, the benchmark before issue 13's plumbing work): every comment 12% spam and 10%
# abuse, on 40 articles, from 5,000 readers posting about a hundred times each; the breaker then held about a
# third of the articles and the answers were about 40% held or rejected.
ARTICLES, READERS, SPAMMERS = 400, 200_000, 300
CONTENTIOUS_FROM = 0  # popularity rank - 1 of the first contentious article, then every tenth (bench/held.py)


def contentious(article):
    """Whether the article (its popularity rank - 1) is one of the contentious tenth."""
    return article % 10 == CONTENTIOUS_FROM


def popularity():
    """Each article's share of the comments by popularity rank - 1 (Zipf, exponent 0.9), unnormalised."""
    return [1 / (rank + 1) ** 0.9 for rank in range(ARTICLES)]


def contentious_share():
    """The contentious articles' share of the news mix's comments (their Zipf weight): 18.4% as shipped, the most
    read article being one of them; a tenth of the articles drawn at random draws 10% on average."""
    weights = popularity()
    return sum(w for rank, w in enumerate(weights) if contentious(rank)) / sum(weights)


def news_comments(rng, n):
    """[(text, article id, author id or None for a fresh reader per request)] of the news-site mix."""
    articles = rng.choices(range(ARTICLES), popularity(), k=n)
    out = []
    for article in articles:
        roll = rng.random()
        kind = "spam" if roll < 0.08 else "abuse" if roll < 0.08 + (0.35 if contentious(article) else 0.06) else None
        text = make_text(rng, comment_length(rng), english=rng.random() < 0.1, flagged=kind)
        author = f"s-{rng.randint(1, SPAMMERS)}" if kind == "spam" else None
        out.append((text, f"a-{article + 1}", author))
    return out


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def env_example():
    values = {}
    for line in (ROOT / ".env.example").read_text().splitlines():
        if line and not line.startswith("#") and "=" in line:
            name, _, value = line.partition("=")
            values[name] = value
    return values


def compose_command(app=None):
    """The api service's command line from docker-compose.yml; `app` replaces its application (bench.bare)."""
    import yaml

    command = yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"]["api"]["command"]
    command = [sys.executable, "-m", "gunicorn", *command[1:]]
    if app:
        command[-1] = app
    return command


def percentile(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


# -- servers -----------------------------------------------------------------------------------------------------

def start_redis(folder, fsync="everysec", prefix=(), extra=(), tries=100):
    """A redis-server as docker-compose.yml runs it (`fsync`: bench/fsync.py; `prefix`, `extra`, `tries`: callgrind)."""
    from moderation.store.embedded import RECORD_LISTPACK, find_redis_server, server_env

    port = free_port()
    process = subprocess.Popen(
        [*prefix, find_redis_server(), "--port", str(port), "--bind", "127.0.0.1", "--dir", str(folder),
         "--unixsocket", str(folder / "redis.sock"), "--unixsocketperm", "700",
         "--appendonly", "yes", "--appendfsync", fsync, "--save", "", *RECORD_LISTPACK, "--daemonize", "no",
         "--logfile", str(folder / "redis.log"), *extra], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL, env=server_env())
    import redis

    client = redis.Redis(port=port, decode_responses=True)
    for _ in range(tries):
        try:
            client.ping()
            return process, port, client
        except redis.ConnectionError:
            time.sleep(0.05)
    process.kill()
    raise SystemExit("redis-server did not start")


def start_gunicorn(folder, redis_url, model_root, thresholds, app=None, ready="/readyz"):
    import urllib.request

    port = free_port()
    settings = env_example()
    env = {k: v for k, v in os.environ.items() if not k.startswith("MODERATION_")}
    env.update({k: v for k, v in settings.items() if k.startswith("MODERATION_")})
    env.update({
        "MODERATION_BIND": f"127.0.0.1:{port}", "MODERATION_REDIS_URL": redis_url,
        "MODERATION_API_KEYS": f"bench:{API_KEY}", "MODERATION_METRICS_TOKEN": METRICS_TOKEN,
        "MODERATION_SECRET_KEY": secrets.token_hex(32),  # start-up refuses .env.example's placeholder
        "MODERATION_INSTANCE_DIR": str(folder), "MODERATION_MODEL_DIR": str(model_root),
        "PROMETHEUS_MULTIPROC_DIR": str(folder / "metrics"),
        # The production limits would stop a load test from one address; high limits keep their cost in.
        "MODERATION_RATE_LIMITS": json.dumps({"key": "100000000/60", "author": "100000000/60", "ip": "100000000/60"}),
        "MODERATION_CHECK_RATE_LIMITS": json.dumps({"key": "100000000/60", "author": "100000000/60"}),
    })
    for name in ("WORKERS", "THREADS", "WORKER_CPUS"):
        if os.environ.get(f"BENCH_{name}"):
            env[f"MODERATION_{name}"] = os.environ[f"BENCH_{name}"]
    if thresholds:
        env["MODERATION_THRESHOLDS"] = json.dumps(thresholds)
    if app:
        env["PROMETHEUS_MULTIPROC_DIR"] = str(folder / "metrics-bare")
    log = open(folder / f"gunicorn-{port}.log", "wb")  # kept open for the server's lifetime
    process = subprocess.Popen(compose_command(app), cwd=ROOT, env=env, stdout=log, stderr=log,
                               stdin=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"gunicorn exited; see {folder / f'gunicorn-{port}.log'}")
        try:
            with urllib.request.urlopen(url + ready, timeout=2) as response:
                # one worker can answer before the master has forked the others, whose CPU would then go uncounted
                if response.status == 200 and len(workers_of(process.pid)) == int(env["MODERATION_WORKERS"]):
                    return process, url, env
            time.sleep(0.05)
        except OSError:
            time.sleep(0.2)
    stop(process)  # not left serving (or still loading) after the caller gives up
    raise SystemExit(f"gunicorn did not become ready in 90 s; see {folder / f'gunicorn-{port}.log'}")


def stop(process):
    if process is not None and process.poll() is None:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=60)


@contextmanager
def production_servers(prefix, thresholds=None, redis="tcp"):
    """redis-server and gunicorn as in docker-compose.yml, in a temporary folder, stopped afterwards:
    yields (folder, gunicorn process, url, environment, redis process, redis client)."""
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    (folder / "redis").mkdir()
    redis_process, port, rdb = start_redis(folder / "redis")
    gunicorn = None
    try:
        url = f"unix://{folder / 'redis' / 'redis.sock'}" if redis == "unix" else f"redis://127.0.0.1:{port}/0"
        gunicorn, base, env = start_gunicorn(folder, url, ROOT / "model" / "artifacts", thresholds)
        yield folder, gunicorn, base, env, redis_process, rdb
    finally:
        stop(gunicorn)
        redis_process.terminate()
        redis_process.wait(timeout=30)
    shutil.rmtree(folder, ignore_errors=True)  # kept after a failure: gunicorn.log says why


@contextmanager
def bare_server(folder, redis_url):
    """bench/bare.py under the same gunicorn command line and environment: yields (process, url)."""
    process, url, _ = start_gunicorn(folder, redis_url, ROOT / "model" / "artifacts", None,
                                     app="bench.bare:create_app()", ready="/healthz")
    try:
        yield process, url
    finally:
        stop(process)


def pinned(env):
    """How the workers were pinned (BENCH_WORKER_CPUS: the service's and the bare app's alike), for the table's head."""
    spec = env.get("MODERATION_WORKER_CPUS")
    return f", each pinned to a CPU ({spec})" if spec else ""


def workers_of(pid):
    return [int(child) for task in Path(f"/proc/{pid}/task").iterdir()
            for child in (task / "children").read_text().split()]


def memory_mb(pid):
    fields = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
        name, value = line.split(":", 1)
        fields[name] = int(value.split()[0]) / 1024
    return fields


# -- load --------------------------------------------------------------------------------------------------------

def cpu_seconds(pids, *, forked=False):
    """user + system CPU seconds the processes and the children they reaped have used so far (`forked`: the
    children's alone). redis-server forks to rewrite its append-only file, a core's work the server's own figures
    leave out: under the bench's write rate it rewrites every few tens of thousands of comments."""
    total = 0.0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += sum(int(fields[i]) for i in ((13, 14) if forked else (11, 12, 13, 14))) / os.sysconf("SC_CLK_TCK")
    return total


def wrk(url, mode, connections, seconds, data=None, threads=1, servers=None, stats=None):
    """One wrk run; with `servers` ({"workers": pids, "redis": pids}) also their CPU per request, in ms; with `stats`
    (a client of the run's redis-server) also its time a request inside scripts (bench/script_time.py)."""
    import resource

    commands = stats.info("commandstats") if stats is not None else None
    before = {name: cpu_seconds(pids) for name, pids in (servers or {}).items()}
    forked = {name: cpu_seconds(pids, forked=True) for name, pids in (servers or {}).items()}
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    env = {**os.environ, "BENCH_MODE": mode, "BENCH_KEY": API_KEY, "BENCH_RUN": f"{mode}{connections}-{time.time_ns()}",
           "BENCH_READERS": str(READERS)}
    if data:
        env["BENCH_DATA"] = str(data)
    result = subprocess.run(
        ["wrk", "-t", str(threads), "-c", str(connections), "-d", f"{seconds}s", "--timeout", "10s",
         "-s", str(ROOT / "bench" / "wrk.lua"), url], env=env, capture_output=True, text=True, check=True)
    line = next(line for line in result.stdout.splitlines() if line.startswith("BENCH "))
    out = json.loads(line[6:])
    out["rps"] = out["requests"] / (out["duration_us"] / 1e6)
    out["errors"] = sum(out[k] for k in ("connect", "read", "write", "status", "timeout"))
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    out["cpu_ms"] = {name: 1000 * (cpu_seconds(pids) - before[name]) / max(1, out["requests"])
                     for name, pids in (servers or {}).items()}
    out["forked_s"] = {name: cpu_seconds(pids, forked=True) - forked[name] for name, pids in (servers or {}).items()}
    out["cpu_ms"]["wrk"] = 1000 * (after.ru_utime + after.ru_stime - children.ru_utime - children.ru_stime) / max(
        1, out["requests"])
    if commands is not None:
        out["redis_script"] = script_time.split(commands, stats.info("commandstats"), out["requests"])
    return out


def forked_ms(runs, per_request=1):
    """redis-server's forked rewrites over all `runs`, CPU ms an item (a comment of a batch): the total over the
    rounds, since a rewrite is paid for by whichever round it ends in."""
    return 1000 * sum(r["forked_s"]["redis"] for r in runs) / max(1, per_request * sum(r["requests"] for r in runs))


def bodies(texts, rng, path, *, batch=0, comments=None):
    """Request bodies, one a line, with @ID@ where wrk.lua puts a fresh id (and @READER@ a fresh reader id).
    `comments` (news_comments) give each body its article and author; else the uniform mix's: 40 articles,
    5,000 readers, and every batch item on article a-1 without an author."""
    lines = []
    if comments is not None:
        def item(text, article, author):
            return {"id": "@ID@", "article_id": article, "text": text,
                    "author": {"id": author or "@READER@", "name": "読者"}}
        if not batch:
            lines = [json.dumps(item(*c), ensure_ascii=False) for c in comments]
        short = [c for c in comments if len(c[0]) <= 400]
        while batch and len(lines) < 60:
            line = json.dumps({"comments": [item(*rng.choice(short)) for _ in range(batch)]}, ensure_ascii=False)
            if len(line.encode()) < 60_000:  # as the batch figures were measured (the endpoint takes 6,400 KiB)
                lines.append(line)
    elif not batch:
        for text in texts:
            body = {"id": "@ID@", "article_id": f"a-{rng.randint(1, 40)}", "text": text,
                    "author": {"id": f"u-{rng.randint(1, 5000)}", "name": "読者"}}
            lines.append(json.dumps(body, ensure_ascii=False))
    else:
        short = [t for t in texts if len(t) <= 400]
        while len(lines) < 60:
            items = [{"id": "@ID@", "article_id": "a-1", "text": rng.choice(short)} for _ in range(batch)]
            line = json.dumps({"comments": items}, ensure_ascii=False)
            if len(line.encode()) < 60_000:  # as the batch figures were measured (the endpoint takes 6,400 KiB)
                lines.append(line)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def choose_thresholds(scorer, texts):
    """The card's thresholds when they flag 15-25% of the mix, else review thresholds that flag ~20%."""
    scores = [{**score.scores, **(getattr(score, "categories", None) or {})} for score in map(scorer.score, texts)]
    card = scorer.thresholds
    flagged = sum(any(s.get(k, 0) >= card[k]["review"] for k in card) for s in scores) / len(scores)
    if 0.15 <= flagged <= 0.25:
        return None, flagged
    highest = [max(s.values()) for s in scores]
    cut, top = round(percentile(highest, 0.80), 6), round(percentile(highest, 0.95), 6)
    override = {k: {"review": cut, "reject": max(card[k]["reject"], cut, top)} for k in card}
    flagged = sum(any(s.get(k, 0) >= override[k]["review"] for k in card) for s in scores) / len(scores)
    return override, flagged


MODES = ("bare", "healthz", "comment")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--mix", choices=("news", "uniform"), default="news",
                        help="who comments where: the news-site mix (default) or the uniform one of earlier runs")
    parser.add_argument("--redis", choices=("tcp", "unix"), default="tcp",
                        help="how gunicorn reaches Redis: TCP as between containers (default) or a unix socket")
    args = parser.parse_args(argv)
    from moderation.scoring.scorer import load_scorer, read_active

    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed (Debian package wrk; `make bench` installs it)")
    rng = random.Random(20261126)
    model_root = ROOT / "model" / "artifacts"
    version, sha256 = read_active(model_root)
    comments = news_comments(rng, 3000) if args.mix == "news" else None
    texts = [c[0] for c in comments] if comments else corpus(rng, 3000)
    thresholds, flag_share = choose_thresholds(load_scorer(model_root / version, sha256), texts)
    print(f"model {version}; {args.mix} mix of {len(texts)} comments"
          f"{f' (contentious articles {contentious_share():.1%} of them)' if comments else ''}, "
          f"median {statistics.median(map(len, texts)):.0f} chars, "
          f"max {max(map(len, texts))}; flagged by the policy: {flag_share:.1%}"
          f"{' (MODERATION_THRESHOLDS override ' + json.dumps(thresholds) + ')' if thresholds else ' (card)'}",
          flush=True)
    load = [os.getloadavg()[0]]
    with production_servers("moderation-bench-", thresholds, args.redis) as (folder, gunicorn, url, env,
                                                                                redis_process, rdb), \
            bare_server(folder, env["MODERATION_REDIS_URL"]) as (bare, bare_url):
        single = bodies(texts, rng, folder / "comments.jsonl", comments=comments)
        batch = bodies(texts, rng, folder / "batches.jsonl", batch=100, comments=comments)
        print(f"gunicorn {env['MODERATION_WORKERS']} workers x {env['MODERATION_THREADS']} threads{pinned(env)} "
              f"(service at {url}, bare app at {bare_url}); {args.rounds} rounds x {args.seconds} s per measure",
              flush=True)
        redis_pids = [redis_process.pid]
        targets = {  # mode -> (url, wrk mode, bodies, pids whose CPU counts as the workers')
            "bare": (bare_url, "comment", single, workers_of(bare.pid)),
            "healthz": (url, "ceiling", None, workers_of(gunicorn.pid)),
            "comment": (url, "comment", single, workers_of(gunicorn.pid)),
        }
        for base, kind, data, _ in targets.values():  # warm-up: every worker has answered
            wrk(base, kind, 16, 2, data)
        runs = {}
        for round_ in range(args.rounds):
            order = MODES[round_ % 3:] + MODES[:round_ % 3]  # no mode always runs first or last
            for connections in (16, 64):
                for mode in order:
                    base, kind, data, pids = targets[mode]
                    result = wrk(base, kind, connections, args.seconds, data,
                                 servers={"workers": pids, "redis": redis_pids},
                                 stats=rdb if mode == "comment" else None)
                    runs.setdefault((mode, connections), []).append(result)
                    print(f"  round {round_ + 1} {mode:8} c={connections:<3} {result['rps']:7.0f} req/s  "
                          f"p50 {result['p50_us'] / 1000:6.1f} ms  p99 {result['p99_us'] / 1000:6.1f} ms  "
                          f"errors {result['errors']}", flush=True)
            load.append(os.getloadavg()[0])
        counters = {name: int(value) for name, value in rdb.hgetall("mod:{bench}:stats").items()}
        counters.update(held_by_rule(rdb))
        batches = []  # two connections per worker: each always has the next batch waiting
        connections = 2 * len(targets["comment"][3])
        for _ in range(max(2, args.rounds - 2)):
            result = wrk(url, "batch", connections, 2 * args.seconds, batch,
                         servers={"workers": targets["comment"][3], "redis": redis_pids})
            batches.append(result)
            print(f"  batch c={connections} {result['rps'] * 100:7.0f} comments/s  p50 {result['p50_us'] / 1000:.0f} ms"
                  f"  errors {result['errors']}", flush=True)
        checks = check_rounds(url, single, targets["comment"][3], redis_pids, args)
        parts = in_app_parts(env, single, folder)
        load.append(os.getloadavg()[0])
        memory = {pid: memory_mb(pid) for pid in workers_of(gunicorn.pid)}
        bare_memory = {pid: memory_mb(pid) for pid in workers_of(bare.pid)}
        server_ms = server_time(url)

    report = summarise(runs, batches, memory, bare_memory, counters, version, env, args, server_ms, load, checks)
    report["in_app_us"] = parts
    print(report["table"])
    if parts:
        from bench.breakdown import row

        print(f"worker CPU per comment inside the app, µs (in-process, {args.mix} mix; bench/breakdown.py): "
              f"{row(parts)}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({k: v for k, v in report.items() if k != "table"}, indent=2))


def in_app_parts(env, bodies_path, folder):
    """bench/breakdown.py in a process of its own, with the service's settings and Redis: {part: µs}."""
    child_env = {**env, "BENCH_KEY": API_KEY, "PROMETHEUS_MULTIPROC_DIR": str(folder / "metrics-breakdown"),
                 "PYTHONPATH": str(ROOT)}
    (folder / "metrics-breakdown").mkdir(exist_ok=True)
    result = subprocess.run([sys.executable, "-m", "bench.breakdown", str(bodies_path)], cwd=ROOT, env=child_env,
                            capture_output=True, text=True)
    if result.returncode != 0:
        print(f"  in-app breakdown failed: {result.stderr[-500:]}", flush=True)
        return None
    return json.loads(result.stdout.strip().splitlines()[-1])


def held_by_rule(rdb, key="mod:{bench}:audit", page=20_000):
    """{"rule:<reason>": n} for the comments an article's or an author's rule held or rejected (the audit's
    reason names the rule; the model's own holds carry their labels instead), read before the batch rounds."""
    counts, cursor = {}, "-"
    while True:
        entries = rdb.xrange(key, min=cursor, max="+", count=page)
        for _, fields in entries:
            reason = fields.get("reason", "")
            if fields.get("action") in ("queued", "auto_rejected") and reason.startswith(("article_", "author_")):
                counts[f"rule:{reason}"] = counts.get(f"rule:{reason}", 0) + 1
        if len(entries) < page:
            return counts
        cursor = f"({entries[-1][0]}"


def check_rounds(url, data, pids, redis_pids, args):
    """POST /api/v1/comments:check (issue 17: the pre-post nudge) and POST /api/v1/comments on the same bodies,
    interleaved at 16 connections: {"check": [runs], "comment": [runs]}."""
    runs = {"check": [], "comment": []}
    for round_ in range(max(2, args.rounds - 2)):
        for mode in ("check", "comment") if round_ % 2 == 0 else ("comment", "check"):
            result = wrk(url, mode, 16, args.seconds, data, servers={"workers": pids, "redis": redis_pids})
            runs[mode].append(result)
            print(f"  check rounds {round_ + 1} {mode:8} c=16  {result['rps']:7.0f} req/s  "
                  f"p50 {result['p50_us'] / 1000:6.1f} ms  p99 {result['p99_us'] / 1000:6.1f} ms  "
                  f"errors {result['errors']}", flush=True)
    return runs


def server_time(url):
    """Mean time inside the app per route (ms), from /metrics: the work per request, without the queueing."""
    import urllib.request

    from prometheus_client.parser import text_string_to_metric_families

    request = urllib.request.Request(url + "/metrics", headers={"Authorization": f"Bearer {METRICS_TOKEN}"})
    with urllib.request.urlopen(request, timeout=10) as response:
        text = response.read().decode()
    sums, counts = {}, {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            if sample.name == "moderation_http_request_duration_seconds_sum":
                sums[sample.labels["route"]] = sample.value
            elif sample.name == "moderation_http_request_duration_seconds_count":
                counts[sample.labels["route"]] = sample.value
    return {route: 1000 * sums[route] / counts[route] for route in sums if counts.get(route)}


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


if __name__ == "__main__":
    main()
