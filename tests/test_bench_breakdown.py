"""`make bench`'s in-app breakdown times each part where the request path calls it: after 777f7f1 moved handle()
and build_record to api/comment_records.py, the wrapper on comments.build_record timed nothing and the run printed
"policy and record -34" (explanations taken out of a zero)."""

import random

import pytest

from bench import load
from bench.breakdown import PARTS
from bench.mixes import bodies, news_comments
from bench.servers import production_servers

pytestmark = pytest.mark.slow
# 3 blocks of 100 after the 200 warm-up requests, not `make bench`'s 20: a part timed nowhere reads 0 in every block
# (and "policy and record", the one part less another, below 0), so three show it; 2,000 took ~20 s of CI
REQUESTS = 300


def test_every_part_of_a_scored_comment_is_timed_where_it_runs():
    rng = random.Random(7)
    comments = news_comments(rng, 300)
    with production_servers("moderation-breakdown-test-") as (folder, _gunicorn, _url, env, _redis, _rdb):
        path = bodies([c[0] for c in comments], rng, folder / "comments.jsonl", comments=comments)
        parts = load.in_app_parts(env, path, folder, requests=REQUESTS)
    assert parts is not None
    untimed = [part for part in PARTS if parts[part] <= 0]
    assert not untimed, parts
