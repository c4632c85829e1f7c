"""The day's score histogram in both layouts (a field a comment; a field a label while an earlier release serves):
the comments received and the thresholds page's volumes stay exact across an upgrade, a day written half in each."""

import json
import random
import time
from datetime import UTC, datetime, timedelta

import pytest

from moderation.store import records
from moderation.store.records import score_bucket
from moderation.store.review_queue import ReviewQueue, submissions
from moderation.store.score_history import ThresholdReport
from tests.test_transparency import get_report

DAY_MS = 86_400_000


def _record(cid, scores, received):
    return {"id": cid, "article_id": "a", "text": cid, "text_sha256": cid, "received_at": received,
            "decision": "allow", "status": "published", "scores": scores, "labels": [], "explanation": [],
            "model_version": "v", "risk": 0.0}


def _submit_day(rdb, prefix, layouts, received, seed=3):
    """Comments of one day, each through a queue writing the layout named (joined: the default; apart:
    MODERATION_RECORD_DOC=0), some one at a time and some in a batch; their scores, as sent."""
    rng = random.Random(seed)
    queues = {"joined": ReviewQueue(rdb, "test", prefix=prefix),
              "apart": ReviewQueue(rdb, "test", prefix=prefix, record_doc=False)}
    sent = []
    for n, layout in enumerate(layouts):
        scores = {"abuse": rng.choice([0.0, 0.004, 0.31, 0.5, 0.97, 0.999]), "spam": round(rng.random(), 3)}
        record = _record(f"{layout}-{n}", scores, received + n)
        if n % 3:
            assert queues[layout].submit(record, queued=False) == (True, "")
        else:
            assert queues[layout].submit_many([(record, False, None)]) == [(True, "")]
        sent.append(scores)
    return sent


def _volumes(sent, label):
    """volume_per_day's answer for one day, counted here from the scores sent."""
    return [float(sum(1 for scores in sent if score_bucket(scores[label]) >= b)) for b in range(100)]


@pytest.mark.parametrize("layouts", [["joined"] * 12, ["apart"] * 12, ["apart"] * 6 + ["joined"] * 7,
                                     ["joined", "apart"] * 6])
def test_a_day_in_either_layout_or_half_in_each_counts_every_comment_once(rdb, prefix, layouts):
    received = int(time.time() * 1000)
    sent = _submit_day(rdb, prefix, layouts, received)
    day = submissions._day(received // DAY_MS)
    fields = rdb.hgetall(f"{prefix}{{test}}:hist:{day}")
    joined = {field: int(n) for field, n in fields.items() if "|" in field}
    apart = {field: int(n) for field, n in fields.items() if "|" not in field}
    # a joined field is a comment's two buckets, labels sorted; a label's field each, the earlier layout
    assert sum(joined.values()) == layouts.count("joined")
    assert all(field.startswith("abuse:") and "|spam:" in field for field in joined)
    assert sum(apart.values()) == 2 * layouts.count("apart")
    queue = ReviewQueue(rdb, "test", prefix=prefix)
    assert queue.received_on([day, "20000101"]) == [len(layouts), 0]
    report = ThresholdReport(rdb, "test", prefix)
    now = received / 1000
    for label in ("abuse", "spam"):
        assert report.volume_per_day(label, days=1, now=now) == _volumes(sent, label)


def test_a_kept_finished_day_holds_no_received_count_and_reports_both_layouts(app, client, rdb, prefix):
    """rights/transparency keeps a finished day's audit counts only: the comments received (and so allowed) are read
    from the histogram at each report, so no instance, of any release, keeps a day counted from half its fields."""
    from moderation.rights.transparency import keep_finished_days

    day = datetime.now(UTC).date() - timedelta(days=3)
    noon = int(datetime(day.year, day.month, day.day, 12, tzinfo=UTC).timestamp() * 1000)
    sent = _submit_day(rdb, prefix, ["apart"] * 5 + ["joined"] * 4 + ["apart", "joined"], noon)
    with app.app_context():
        assert keep_finished_days("test", int(time.time() * 1000), days=5) == 5
    kept = json.loads(rdb.hget(f"{prefix}{{test}}:tr:days", day.strftime("%Y%m%d")))
    assert set(kept) <= {"actions", "labels", "reasons", "rules"} and "received" not in kept["actions"]
    comments = get_report(client, day, day).json["comments"]
    assert comments["received"] == comments["allowed"] == len(sent) == 11


def _earlier_received_on(histogram):
    """QueueReads.received_on of releases before the joined field (main a56a33e), the oracle of an older instance."""
    labels = sorted({field.partition(":")[0] for field in histogram})
    first = labels[0] if labels else None
    return sum(int(n) for field, n in histogram.items() if field.partition(":")[0] == first)


def _earlier_volume(histogram, label):
    """ThresholdReport.volume_per_day's parse of releases before the joined field (main a56a33e)."""
    buckets = [0] * 100
    for field, count in histogram.items():
        name, _, bucket = field.partition(":")
        if name == label:
            buckets[int(bucket)] += int(count)
    return buckets


def test_an_earlier_release_counts_the_comments_received_of_both_layouts_but_its_thresholds_page_fails(rdb, prefix):
    """What the README's hist row says of an older instance during an upgrade without MODERATION_RECORD_DOC=0."""
    received = int(time.time() * 1000)
    sent = _submit_day(rdb, prefix, ["apart"] * 4 + ["joined"] * 5, received)
    histogram = rdb.hgetall(f"{prefix}{{test}}:hist:{submissions._day(received // DAY_MS)}")
    assert _earlier_received_on(histogram) == len(sent) == 9  # a joined field starts with the first label's bucket
    assert sum(_earlier_volume(histogram, "spam")) == 4  # the apart ones only...
    with pytest.raises(ValueError):
        _earlier_volume(histogram, "abuse")  # ...and abuse's joined fields do not parse: the page answers 500


def test_a_comments_bucket_fields_are_its_scores_buckets_in_label_order():
    """records.bucket_fields (a text per bucket, the labels sorted once a set) writes what formatting score_bucket
    per label wrote: every bucket's edges, both ends, scores out of [0, 1], labels in any order and number."""
    rng = random.Random(8)
    edges = [0.0, 1.0, 0.01, 0.0099999, 0.99, 0.995, 0.5, 1e-12, -0.2, 1.7, *(n / 100 for n in range(101))]
    for n in range(5000):
        labels = rng.sample(["spam", "abuse", "hate", "threat", "self_harm", "zz"], rng.randint(0, 6))
        scores = {label: rng.choice(edges) if n % 2 else rng.random() for label in labels}
        assert records.bucket_fields(scores) == [f"{label}:{score_bucket(scores[label])}" for label in sorted(scores)]
