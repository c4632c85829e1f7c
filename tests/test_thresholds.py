"""Threshold curves from real decisions and score histograms written by the queue scripts."""

import time

from moderation.pages.charts import svg_chart
from moderation.store.score_history import GRID, ThresholdReport


def _record(cid, spam):
    return {"id": cid, "article_id": "a", "text": cid, "text_sha256": cid, "received_at": int(time.time() * 1000),
            "decision": "review", "status": "pending", "scores": {"spam": spam, "abuse": 0.05}, "labels": ["spam"],
            "explanation": [], "model_version": "v", "risk": spam}


def test_volume_precision_and_recall(queue, rdb, prefix):
    for n, (spam, truth) in enumerate([(0.95, 1), (0.85, 1), (0.75, 0), (0.65, 1), (0.55, 0)]):
        queue.submit(_record(f"t{n}", spam), queued=True)
        queue.decide(f"t{n}", "reject" if truth else "approve", "m1", "spam" if truth else "")
    queue.submit(_record("clean", 0.10), queued=False)
    report = ThresholdReport(rdb, "test", prefix)
    volume = report.volume_per_day("spam")
    assert volume[0] == 6 and volume[60] == 4 and volume[96] == 0
    curve = report.curve("spam")
    assert (curve["decided"], curve["positives"]) == (5, 3)
    at = {p["threshold"]: p for p in curve["points"]}
    assert at[0.5]["precision"] == 3 / 5 and at[0.5]["recall"] == 1.0
    assert at[0.8]["precision"] == 1.0 and at[0.8]["recall"] == 2 / 3
    assert at[0.99]["precision"] is None and at[0.99]["recall"] == 0.0


def test_undone_decisions_do_not_count(queue, rdb, prefix):
    queue.submit(_record("u", 0.9), queued=True)
    queue.decide("u", "reject", "m1", "spam")
    queue.undo("u", "m1")
    assert ThresholdReport(rdb, "test", prefix).curve("spam")["decided"] == 0


def test_svg_chart_is_inert_and_complete():
    curve = {"points": [{"threshold": t, "precision": 1 - t / 2, "recall": 1 - t} for t in GRID]}
    svg = svg_chart(curve, [100 - i for i in range(100)], 0.5, "spam <script>alert(1)</script>")
    assert svg.startswith("<svg") and svg.count("<path") == 3 and "<script>" not in svg
    assert 'data-series="current"' in svg
