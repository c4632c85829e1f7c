"""How much of the news mix the article breaker and author standing hold, at the benchmark's pace or a site's.

`make bench` sends hundreds of comments a second to 400 articles opened at the same moment, for a few minutes:
shorter than the breaker's 30-minute cool-down. Is the share its rules hold then an artefact of that pace? This
sends the same news-site mix (bench/mixes.py) through the service's own app in process, against a real
redis-server and the benchmark's thresholds, with the app's clock (`moderation.clock`) either real or advanced by
1/pace seconds a comment, and prints the answers' shares by decision and by the rule that decided
(docs/benchmark.md keeps the figures).

    python -m bench.held [--comments 20000] [--pace 4] [--contentious-from 0]   (pace 0: the real clock)
"""

import argparse
import json
import os
import random
import secrets
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import bench.mixes
from bench import load
from bench.servers import API_KEY, METRICS_TOKEN, ROOT, env_example, start_redis


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--comments", type=int, default=20_000)
    parser.add_argument("--pace", type=float, default=0.0, help="comments a second on the app's clock (0: real)")
    parser.add_argument("--contentious-from", type=int, default=bench.mixes.CONTENTIOUS_FROM,
                        help="popularity rank - 1 of the first contentious article (then every tenth)")
    args = parser.parse_args(argv)
    from moderation.scoring.scorer import load_scorer, read_active

    bench.mixes.CONTENTIOUS_FROM = args.contentious_from
    rng = random.Random(20261126)
    comments = bench.mixes.news_comments(rng, args.comments)
    model_root = ROOT / "model" / "artifacts"
    version, sha256 = read_active(model_root)
    thresholds, _ = load.choose_thresholds(load_scorer(model_root / version, sha256), [c[0] for c in comments[:3000]])
    folder = Path(tempfile.mkdtemp(prefix="moderation-held-"))
    process, port, _ = start_redis(folder)
    try:
        counts = run(comments, thresholds, port, folder, args.pace)
    finally:
        process.terminate()
        process.wait(timeout=30)
        shutil.rmtree(folder, ignore_errors=True)
    print(f"{args.comments} comments, contentious articles {bench.mixes.contentious_share():.1%} of them, pace "
          f"{f'{args.pace:g}/s' if args.pace else 'real clock'}: "
          + "  ".join(f"{name} {n / args.comments:.1%}" for name, n in sorted(counts.items())))


def run(comments, thresholds, port, folder, pace):
    """{decision or rule: count} of the answers to `comments`, sent through the app in process."""
    os.environ.update({name: value for name, value in env_example().items() if name.startswith("MODERATION_")})
    os.environ.update({
        "MODERATION_REDIS_URL": f"redis://127.0.0.1:{port}/0", "MODERATION_API_KEYS": f"bench:{API_KEY}",
        "MODERATION_METRICS_TOKEN": METRICS_TOKEN,
        "MODERATION_SECRET_KEY": secrets.token_hex(32), "MODERATION_INSTANCE_DIR": str(folder),
        "MODERATION_MODEL_DIR": str(ROOT / "model" / "artifacts"),
        "MODERATION_RATE_LIMITS": json.dumps({"key": "100000000/60", "author": "100000000/60", "ip": "100000000/60"}),
        **({"MODERATION_THRESHOLDS": json.dumps(thresholds)} if thresholds else {}),
    })
    from moderation import create_app

    app = create_app()
    clock = [time.time()]
    if pace:
        app.extensions["moderation.clock"] = lambda: clock[0]
    client, counts, readers = app.test_client(), Counter(), random.Random(13)
    headers = {"Authorization": f"Bearer {API_KEY}"}
    stderr, sys.stderr = sys.stderr, open(os.devnull, "w")  # the access lines
    try:
        for n, (text, article, author) in enumerate(comments):
            clock[0] += 1 / pace if pace else 0
            body = {"id": f"held-{n}", "article_id": article, "text": text,
                    "author": {"id": author or f"r-{readers.randint(1, bench.mixes.READERS)}", "name": "読者"}}
            answer = client.post("/api/v1/comments", json=body, headers=headers).get_json()
            counts[answer["decision"]] += 1
            if answer.get("reason"):
                counts[answer["reason"]] += 1
    finally:
        sys.stderr.close()
        sys.stderr = stderr
    return counts


if __name__ == "__main__":
    main()
