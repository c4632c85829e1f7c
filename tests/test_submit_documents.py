"""SUBMIT's record JSON written in one pass from a built record and its parsed comment (records.documents): the same
bytes, and the same stored record, events and counters, as the 28-field record split field by field (main 053b363's
writer), on a varied corpus: hostile and unicode text, every optional field absent or present, authors of every
shape, every decision, both record layouts (MODERATION_RECORD_DOC=0 too)."""

import random

import numpy as np
import orjson
import pytest

from moderation.api.comment_records import build_record, record_context, text_sha256
from moderation.api.validation import parse_comment
from moderation.scoring.manager import get_manager
from moderation.scoring.scorer import Score
from moderation.store.records import encode_bytes, flat
from moderation.store.review_queue import ReviewQueue, get_queue
from tests.support.old_records import built_before, split_before

TEXTS = [
    "今日の記事、とても参考になりました。ありがとうございます。",
    "この政治家は本当に無能だな、辞めろ",
    '"; DROP TABLE comments; --',
    '</script><script>alert("x")</script>',
    '{"doc": "{}", "attempt": "0", "queue_state": "ready", "decision": "allow"}',
    'back\\slash \\u0000 \\" and "quotes" \'single\'',
    "tab\t newline\n CR\r bell\x07 escape\x1b DEL\x7f",
    "\u2028line\u2029para \u202eRTL\u202c \ufeffBOM zero\u200bwidth",
    "カ\u3099 and e\u0301: combining marks NFC joins",
    "𠮷野家 😀👍🏽 🇯🇵 ﾊﾝｶｸｶﾅ 全角ＡＢＣ ㈱ ①",
    "[" * 40 + "]" * 40,
    "あ" * 3000 + "x" * 5000,
    "   spaces around   ",
    "%s %d {} {0} $1 \\1 %(name)s",
    "null",
    "0",
    "1e309",
    "Buy cheap watches now!!! http://spam.example/?a=1&b=2",
]
AUTHORS = [None, {}, {"id": "u-1"}, {"name": "山田 \"太郎\""}, {"id": "u-2", "name": "読者"},
           {"id": "u-\u00e9", "name": "x"}]
OPTIONAL = {
    "ip": ["203.0.113.7", "2001:db8::1"],
    "user_agent": ['Mozilla/5.0 "quoted" \\ ü', "curl/8"],
    "url": ["https://news.example/a/9#c-1", "https://例え.jp/記事?q=1&r=ü"],
    "created_at": ["2026-12-05T10:00:00Z", "2026-12-05T19:00:00+09:00"],
    "lang": ["ja", "en-US"],
    "article_title": ["首相の訪問 \"速報\"", "<b>title</b> & more"],
    "article_url": ["https://news.example/a", "http://news.example/a?x=\u00e9"],
    "parent_id": ["c-1", "親-1"],
    "article_category": ["politics", "sports-2"],
}
EXPLANATION = [{"label": "abuse", "start": 0, "end": 3, "text": "ばか者", "feature": "abuse_ja", "weight": 2.5}]


def _body(rng, n):
    """A comment body: a text of TEXTS, each optional field present or absent, an author of any shape, sometimes
    posted after a nudge (its check token the text's or another's)."""
    text = TEXTS[n % len(TEXTS)]
    body = {"id": f"d-{n}-{rng.choice(['x', 'ü', '記'])}", "article_id": rng.choice(["art-1", "記事-2"]), "text": text}
    author = AUTHORS[n % len(AUTHORS)]
    if author is not None:
        body["author"] = dict(author)
    for name, values in OPTIONAL.items():
        if rng.random() < 0.5:
            body[name] = rng.choice(values)
    if n % 5 == 0:
        body["nudged"] = True
        body["check_token"] = text_sha256(text) if n % 10 == 0 else "ab" * 32
    return body


def _score(rng, n, serving, text):
    """The tiny model's score (its explanation included), or one made to reach every decision and the edges of a
    score (0, 1, near a rounding half, a numpy float in the explanation: the JSON encoder's fallback)."""
    if n % 3 == 0:
        return serving.active.score(text)
    abuse = rng.choice([0.0, 1.0, 1e-7, 0.4999995, 0.62, 0.93, 0.999, rng.random()])
    spam = rng.choice([0.0, 0.0005, 0.97, rng.random()])
    categories = {} if n % 7 == 0 else {"threat": rng.random(), "harassment": abuse, "defamation": 0.0}
    explanation = [dict(EXPLANATION[0], weight=np.float64(1.25))] if n % 4 == 0 else list(EXPLANATION)
    return Score({"spam": spam, "abuse": abuse}, categories, explanation, "2026.12.05-test")


def _corpus(app, size=180):
    """(built record, queued) for `size` comments, with a trusted author's relaxed review scale half the time."""
    rng = random.Random(40)
    records = []
    with app.app_context():
        serving = get_manager().serving
        policy, _ = record_context("test", serving, get_queue("test"))
        for n in range(size):
            body = _body(rng, n)
            comment = parse_comment(body)
            record = build_record("test", comment, _score(rng, n, serving, comment["text"]),
                                  (policy, 3.0 if n % 2 else 1.0))
            records.append((record, record["decision"] == "review"))
    return records


def _covered(records):
    """The corpus reaches what the writers treat apart (else the comparison proves less than it says)."""
    full = [built_before(record) for record, _ in records]
    assert {r["decision"] for r in full} == {"allow", "review", "reject"}
    for name in ("author", "author_id", "author_name", "nudged", "trusted_decision", *OPTIONAL):
        assert {r[name] is None for r in full} == {True, False}, name
    assert any(isinstance(e.get("weight"), np.float64) for r in full for e in r["explanation"])


@pytest.mark.parametrize("record_doc", [True, False])
def test_a_built_record_is_sent_as_its_28_field_record_was(app, rdb, prefix, record_doc):
    records = _corpus(app)
    _covered(records)
    queue = ReviewQueue(rdb, "test", prefix=prefix, record_doc=record_doc, now_ms=lambda: 1_796_000_000_000)
    for record, queued in records:
        before = built_before(record)
        keys, args = queue._submit_call(record, queued, None)
        old_keys, old_args = queue._submit_call(before, queued, None)  # the field-by-field writer
        assert "comment" not in before and keys == old_keys
        assert args[:7] == old_args[:7] and args[8:] == old_args[8:]  # all but the attempt token
        fields, doc = split_before(before, queue.doc_fields)  # the fields as name, value, ... (records.flat)
        assert (args[3], args[8]) == (encode_bytes(flat(orjson.loads(fields))), doc), record["id"]
        assert (args[8] != "") is record_doc  # the doc, or none while an earlier release serves


@pytest.mark.parametrize("record_doc", [True, False])
def test_a_built_record_is_stored_as_its_28_field_record_was(app, rdb, prefix, record_doc):
    """On a real server: each comment submitted built (one pass) on one prefix and as its 28-field record on another;
    the records, the events, the counters, the histogram and the queue are the same."""
    records = _corpus(app, size=120)
    queues = [ReviewQueue(rdb, "test", prefix=f"{prefix}{side}:", record_doc=record_doc,
                          now_ms=lambda: 1_796_000_000_000) for side in ("new", "old")]
    for record, queued in records:
        before = built_before(record)
        assert queues[0].submit(record, queued=queued)[0] and queues[1].submit(before, queued=queued)[0]
        assert record["decision"] == before["decision"]  # the same rules overrode both alike

    def stored(queue):
        hashes = {r["id"]: {k: v for k, v in rdb.hgetall(queue.record_key(r["id"])).items() if k != "attempt"}
                  for r, _ in records}
        events = [{k: v for k, v in fields.items() if k != "at"} for _, fields in rdb.xrange(queue.key("events"))]
        hist = [rdb.hgetall(key) for key in sorted(rdb.scan_iter(f"{queue.key('hist')}:*"))]
        return (hashes, events, hist, rdb.hgetall(queue.key("stats")), rdb.zrange(queue.key("ready"), 0, -1),
                rdb.zrange(queue.key("open"), 0, -1, withscores=True), rdb.lrange(queue.key("recent"), 0, -1))

    new, old = stored(queues[0]), stored(queues[1])
    assert new == old
    assert len(new[1]) >= 20 and all(new[0].values())  # held and rejected comments' events; every record stored
    read = [[{k: v for k, v in queue.get(r["id"]).items() if k != "attempt"} for r, _ in records] for queue in queues]
    assert read[0] == read[1]
