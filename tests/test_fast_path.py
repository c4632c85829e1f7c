"""The comment fast path (moderation/api/fast_path.py) answers POST /api/v1/comments as the Flask route does.

Two apps with the same settings, each with its own keys in the same real Redis: one with the fast path, one with it
switched off (every request through Flask). The same corpus of requests, valid and not, goes to both in turn; each
pair of answers must match in status, body and every header but X-Request-ID when the caller sent none (a fresh
random id), the access lines and other log lines must match but for the id and the duration, and so must the
metrics each request added. The fast path must have answered the requests it claims (a valid comment, a replay, a
conflict, a rate limit, a short body) and handed on the rest.
"""

import io
import json
import logging
import math
import time
import uuid

import pytest
from flask import appcontext_popped, appcontext_pushed, appcontext_tearing_down
from prometheus_client import REGISTRY

from tests.support.app import API_KEY
from tests.support.flagging import ABUSIVE, CLEAN, HOLD, REJECT
from tests.support.relay import LostAnswer
from tests.support.windows import fresh_window

PATH = "/api/v1/comments"
AUTH = {"Authorization": f"Bearer {API_KEY}"}
LIMITS = {"key": "1000/60", "author": "3/3600", "ip": "1000/60"}
AUTHOR_WINDOW = 3600  # fixed windows on the epoch: the limited cases must not straddle one's end


def _comment(text=CLEAN, **fields):
    body = {"id": "fixed", "article_id": "article-1", "text": text, "author": {"id": "reader-1", "name": "読者"}}
    body.update(fields)
    return body


def _corpus(run):
    """(name, whether the fast path answers it, test-client keyword arguments). Ids are fixed per run, so both apps
    see the same bodies; a case names the author it charges (the author limit is 3 a minute)."""
    def post(body=None, *, headers=AUTH, data=None, content_type="application/json", **extra):
        if data is None:
            data = json.dumps(body, ensure_ascii=False).encode()
        return {"data": data, "headers": headers, "content_type": content_type, **extra}

    def one(name, **fields):
        fields.setdefault("author", {"id": f"{run}-{name}", "name": "読者"})
        fields.setdefault("id", f"{run}-{name}")
        return _comment(**fields)

    full = one("full", ip="2001:db8::1", user_agent="Mozilla/5.0", url="https://news.example/a/1?c=2",
               created_at="2026-12-01T05:00:00+09:00", lang="ja", article_title="記事", parent_id="p-1",
               article_url="https://news.example/a/1", article_category="politics")
    invalid = {
        "missing_id": {k: v for k, v in one("missing_id").items() if k != "id"},
        "empty_text": one("empty_text", text=""), "blank_text": one("blank_text", text="   "),
        "long_text": one("long_text", text="あ" * 10_001), "text_not_string": one("text_not_string", text=5),
        "no_article": {k: v for k, v in one("no_article").items() if k != "article_id"},
        "author_not_object": one("author_not_object", author="someone"), "bad_ip": one("bad_ip", ip="1.2.3"),
        "bad_url": one("bad_url", url="javascript:alert(1)"), "bad_lang": one("bad_lang", lang="日本"),
        "bad_created_at": one("bad_created_at", created_at="yesterday"),
        "bad_category": one("bad_category", article_category="Not A Slug"),
        "nudged_no_token": one("nudged_no_token", nudged=True), "control_id": one("control_id", id="a\x01b"),
        "bad_token": one("bad_token", check_token="xyz"),
    }
    cases = [
        ("clean", True, post(one("clean", text=CLEAN))),
        ("held", True, post(one("held", text=ABUSIVE))),
        ("full", True, post(full, headers={**AUTH, "X-Request-ID": f"{run}-rid", "User-Agent": "site/1"})),
        ("forwarded", True, post(one("forwarded"), headers={**AUTH, "X-Forwarded-For": "203.0.113.9"})),
        ("replay_same", True, post(one("clean", text=CLEAN, author={"id": f"{run}-r2"}))),
        ("replay_other_text", True, post(one("clean", text=CLEAN + "!", author={"id": f"{run}-r3"}))),
        ("nudged", True, post(one("nudged", nudged=True, check_token="0" * 64))),
        ("no_key", False, post(one("no_key"), headers={})),
        ("wrong_key", False, post(one("wrong_key"), headers={"Authorization": "Bearer not-a-key-at-all"})),
        ("basic_auth", False, post(one("basic_auth"), headers={"Authorization": f"Basic {API_KEY}"})),
        ("bad_json", False, post(data=b'{"id": ')),
        ("not_object", False, post(data=b"[1, 2]")),
        ("bad_utf8", False, post(data=b'{"id": "\xff\xfe"}')),
        ("too_deep", False, post(data=b'{"a":' * 20 + b"1" + b"}" * 20)),
        ("nan", False, post(data=b'{"id": NaN}')),
        ("empty_body", False, post(data=b"")),
        *((name, False, post(body)) for name, body in invalid.items()),
        ("text_plain", False, post(one("text_plain"), content_type="text/plain")),
        ("json_charset", False, post(one("json_charset"), content_type="application/json; charset=utf-8")),
        ("cookie", False, post(one("cookie"), cookie="x")),
        ("oversize", False, post(one("oversize", text="あ" * 200_000))),
        ("unsized", False, {**post(), "data": None, "input_stream": io.BytesIO(b'{"id": "u"}')}),
        ("short_body", True, {**post(data=None), "data": None, "input_stream": io.BytesIO(b'{"id": "s"'),
                              "environ_overrides": {"CONTENT_LENGTH": "400"}}),
    ]
    for n in range(5):  # the author limit: 3 stored, then Redis says 429, then this worker remembers it
        cases.append((f"limited_{n}", True, post(one(f"limited_{n}", author={"id": f"{run}-limited"}))))
    return cases


def _samples():
    """Every moderation_* sample but the latency buckets and sums (timing, not behaviour) and the model gauge (one
    per process: the first app to answer sets it to 1)."""
    out = {}
    for metric in REGISTRY.collect():
        for sample in metric.samples:
            if (sample.name.startswith("moderation_") and sample.name != "moderation_model_info"
                    and not sample.name.endswith(("_bucket", "_sum", "_created"))):
                out[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return out


def _delta(before, after):
    return {key: value - before.get(key, 0) for key, value in after.items() if value != before.get(key, 0)}


def _lines(records, sent_id):
    """Log lines as comparable dicts: the access line's fields but its duration (and the id, unless sent)."""
    out = []
    for record in records:
        fields = {"logger": record.name, "level": record.levelname, "msg": record.getMessage()}
        for name in ("method", "route", "path", "status", "site", "key_id", "remote", "request_id"):
            if hasattr(record, name):
                fields[name] = getattr(record, name)
        if not sent_id:
            fields.pop("request_id", None)
        out.append(fields)
    return out


def _exchange(app, caplog, kwargs):
    if "input_stream" in kwargs:
        kwargs["input_stream"].seek(0)
    caplog.clear()
    client, cookie = app.test_client(), kwargs.pop("cookie", None)
    if cookie:
        client.set_cookie("moderation_session", cookie)
    before = _samples()
    response = client.post(PATH, **kwargs)
    headers = list(response.headers.items())
    return {"status": response.status, "body": response.get_data(), "headers": headers,
            "logs": _lines(caplog.records, "X-Request-ID" in (kwargs.get("headers") or {})),
            "metrics": _delta(before, _samples())}


def _without_fresh_id(answer, sent_id):
    ids = [value for name, value in answer["headers"] if name == "X-Request-ID"]
    assert len(ids) == 1 and len(ids[0]) == (len(sent_id) if sent_id else 32)
    return [(name, value) for name, value in answer["headers"] if sent_id or name != "X-Request-ID"]


def _compare(fast_app, slow_app, cases, caplog):
    fast_path = fast_app.extensions["moderation.comment_fast_path"]
    slow_app.extensions["moderation.comment_fast_path"].enabled = False
    caplog.set_level(logging.INFO)
    for name, answered_fast, kwargs in cases:
        answered = fast_path.answered
        started = time.monotonic()
        fast = _exchange(fast_app, caplog, dict(kwargs))
        assert fast_path.answered == answered + answered_fast, f"{name}: the fast path did not answer as expected"
        slow = _exchange(slow_app, caplog, dict(kwargs))
        apart = max(1, math.ceil(time.monotonic() - started))  # seconds from the first request to the second answer
        sent_id = (kwargs.get("headers") or {}).get("X-Request-ID")
        assert (fast["status"], fast["body"]) == (slow["status"], slow["body"]), name
        fast_headers, slow_headers = _without_fresh_id(fast, sent_id), _without_fresh_id(slow, sent_id)
        assert [header for header, _ in fast_headers] == [header for header, _ in slow_headers], name
        for (header, value), (_, other) in zip(fast_headers, slow_headers, strict=True):
            # a refusal's Retry-After is what is left of the limit's window when each app answered (rounded up):
            # they differ by at most the whole seconds between the two answers (2 s apart at load 22)
            assert value == other or (header == "Retry-After" and abs(int(value) - int(other)) <= apart), \
                (name, header, value, other, apart)
        assert fast["logs"] == slow["logs"], name
        assert any(line["logger"] == "moderation.access" for line in fast["logs"]), name
        assert fast["metrics"] == slow["metrics"], name
        yield name, fast


@pytest.fixture
def pair(make_app):
    def build(redis_url=None, **extra):
        config = {"RATE_LIMITS": LIMITS, "THRESHOLDS": HOLD, "MAX_CONTENT_LENGTH": 65536, **extra}
        return [make_app(redis_url, REDIS_PREFIX=f"t{uuid.uuid4().hex[:10]}:", **config) for _ in range(2)]

    return build


@pytest.mark.slow
def test_the_fast_path_answers_as_the_flask_route(pair, caplog):
    fast_app, slow_app = pair()
    fresh_window(AUTHOR_WINDOW, need=30.0)  # a counter reset mid-corpus let the 4th comment through
    run = uuid.uuid4().hex[:8]
    statuses = dict((name, answer["status"]) for name, answer in _compare(fast_app, slow_app, _corpus(run), caplog))
    # the corpus reaches what it names (so the comparison above covers each outcome)
    assert statuses["clean"] == statuses["replay_same"] == statuses["full"] == "200 OK"
    assert statuses["replay_other_text"].startswith("409")
    assert [statuses[f"limited_{n}"][:3] for n in range(5)] == ["200", "200", "200", "429", "429"]
    assert {statuses[name][:3] for name in ("no_key", "wrong_key", "basic_auth")} == {"401"}
    assert statuses["oversize"].startswith("413") and statuses["text_plain"].startswith("415")
    assert statuses["short_body"].startswith("400") and statuses["bad_ip"].startswith("400")


def test_the_fast_path_answers_as_the_flask_route_with_redis_down(make_app, own_redis, pair, caplog, quick_retries):
    fast_app, slow_app = pair(own_redis.url, REDIS_TIMEOUT=0.2)
    run = uuid.uuid4().hex[:8]
    cases = [case for case in _corpus(run) if case[0] in ("clean", "held", "nudged")]
    list(_compare(fast_app, slow_app, cases[:1], caplog))  # both apps connected once
    own_redis.stop()
    statuses = dict((name, answer["status"]) for name, answer in _compare(fast_app, slow_app, cases[1:], caplog))
    assert statuses["held"].startswith("503") and statuses["nudged"] == "200 OK"


def test_a_request_hook_the_fast_path_does_not_run_turns_it_off(make_app, comment, auth, caplog):
    """A hook added to the app (here: one that stamps every answer) is one the fast path would skip: the route then
    answers every comment, and the log says why."""
    app = make_app()

    @app.after_request
    def stamp(response):
        response.headers["X-Stamp"] = "1"
        return response

    answer = app.test_client().post(PATH, json=comment(), headers=auth)
    assert (answer.status_code, answer.headers.get("X-Stamp")) == (200, "1")
    assert app.extensions["moderation.comment_fast_path"].answered == 0
    assert "comment fast path off: the app's request hooks are not the ones this path runs" in caplog.text


@pytest.mark.parametrize("listener", ["teardown", "pushed", "tearing_down", "popped"])
def test_app_context_teardowns_and_signals_run_for_the_comments_the_fast_path_answers(make_app, comment, auth,
                                                                                     listener):
    """With nothing listening the fast path only sets the app context's variable; a teardown function, or a receiver
    of one of Flask's app context signals, makes it push and pop the context as Flask does, so each still runs."""
    app = make_app()
    heard = []
    signal = {"pushed": appcontext_pushed, "tearing_down": appcontext_tearing_down, "popped": appcontext_popped}

    def receiver(sender, **extra):
        heard.append(sender)

    if listener == "teardown":
        app.teardown_appcontext(lambda error: heard.append(app))
    else:
        signal[listener].connect(receiver, app)
    try:
        before = app.extensions["moderation.comment_fast_path"].answered
        answer = app.test_client().post(PATH, json=comment(), headers=auth)
    finally:
        if listener != "teardown":
            signal[listener].disconnect(receiver, app)
    assert answer.status_code == 200
    assert app.extensions["moderation.comment_fast_path"].answered == before + 1
    assert heard == [app]


@pytest.mark.slow
def test_answers_a_rule_or_a_standing_changed_are_made_from_submits_reply(pair, caplog):
    """The fast path makes a comment's answer while Redis runs SUBMIT, and makes it again from SUBMIT's reply when
    the reply changed what the answer shows (an article's mode, an author's standing): each answer as the route's.
    Once a reply has shown an article closed or premoderated, a comment that mode overrides is answered from the
    reply alone (a model-held one on a premoderated article is not overridden: made while SUBMIT runs, as before)."""
    standing = {"warned": 1, "premoderated": 2, "suspended": 100, "suspend_days": 1, "decay_days": 7,
                "weights": {"abuse": 1, "spam": 1}}
    fast_app, slow_app = pair(AUTHOR_STANDING=json.dumps(standing), THRESHOLDS=REJECT, RATE_LIMITS="")
    for app in (fast_app, slow_app):
        for article, mode in (("closed-1", "closed"), ("premod-1", "premoderated")):
            put = app.test_client().put(f"/api/v1/articles/{article}", headers=AUTH, json={"mode": mode})
            assert put.status_code == 200, put.text
    run = uuid.uuid4().hex[:8]

    def case(name, text=CLEAN, article="article-1", author=None):
        body = _comment(text, id=f"{run}-{name}", article_id=article,
                        author={"id": author or f"{run}-{name}", "name": "読者"})
        return name, True, {"data": json.dumps(body, ensure_ascii=False).encode(), "headers": AUTH,
                            "content_type": "application/json"}

    troll = f"{run}-troll"
    cases = [case("plain"), case("closed", article="closed-1"), case("premoderated", article="premod-1"),
             case("strike", ABUSIVE, author=troll), case("warned", author=troll),
             case("strike_2", ABUSIVE, author=troll), case("held_author", author=troll), case("plain_again"),
             case("closed_again", article="closed-1"), case("premoderated_again", article="premod-1"),
             case("premoderated_held", ABUSIVE, article="premod-1")]
    fast_path, made = fast_app.extensions["moderation.comment_fast_path"], []
    own = fast_path._answer_items
    fast_path._answer_items = lambda answer: made.append(answer["id"].removeprefix(f"{run}-")) or own(answer)
    answers = {name: json.loads(answer["body"]) for name, answer in _compare(fast_app, slow_app, cases, caplog)}
    shown = {name: (body["decision"], body["reason"], body["author_standing"]) for name, body in answers.items()}
    assert shown == {"plain": ("allow", None, "good"), "plain_again": ("allow", None, "good"),
                     "closed": ("reject", "article_closed", "good"),
                     "premoderated": ("review", "article_premoderated", "good"),
                     "strike": ("reject", None, "warned"), "warned": ("allow", None, "warned"),
                     "strike_2": ("reject", None, "premoderated"),
                     "held_author": ("review", "author_premoderated", "premoderated"),
                     "closed_again": ("reject", "article_closed", "good"),
                     "premoderated_again": ("review", "article_premoderated", "good"),
                     "premoderated_held": ("reject", None, "warned")}
    # made once, while SUBMIT ran, where the reply changed nothing it shows; made again where it did; made from the
    # reply alone where an earlier reply showed the article's mode overriding it
    again = {"closed", "premoderated", "strike", "warned", "strike_2", "held_author", "premoderated_held"}
    once = {"plain", "plain_again", "closed_again", "premoderated_again"}
    assert set(answers) == again | once
    assert sorted(made) == sorted([*answers, *again])


@pytest.mark.slow
@pytest.mark.parametrize("server_stops", [False, True], ids=["retried", "down"])
def test_a_submit_reply_lost_while_the_answer_was_made(own_redis, pair, quick_retries, server_stops):
    """SUBMIT ran, its reply was lost with the connection, while the fast path made the answer: the answer made
    meanwhile is not the answer. The call goes again by redis-py's path: answered as its first run (stored once)
    when the server is up; a held comment's 503 when it stopped meanwhile (never an acknowledgement), and the site's
    retry is then stored or answered from what the first run stored."""
    relay = LostAnswer(own_redis.port, b"FCALL", b"held-lost").start()
    try:
        app = pair(relay.url, REDIS_TIMEOUT=0.5)[0]
        client, fast_path = app.test_client(), app.extensions["moderation.comment_fast_path"]
        assert client.post(PATH, json=_comment(id="warm"), headers=AUTH).status_code == 200  # the library loaded
        own, made = fast_path._answer_items, []

        def meanwhile(answer):
            made.append(answer["id"])
            if server_stops:
                own_redis.stop()
            return own(answer)

        fast_path._answer_items = meanwhile
        held = client.post(PATH, json=_comment(ABUSIVE, id="held-lost", author={"id": "u-lost"}), headers=AUTH)
        assert made == ["held-lost"] and relay.dropped == 1
        if server_stops:
            assert held.status_code == 503, held.text
            fast_path._answer_items = own
            own_redis.start()
            held = client.post(PATH, json=_comment(ABUSIVE, id="held-lost", author={"id": "u-lost"}), headers=AUTH)
        assert (held.status_code, held.json["decision"], held.json["status"]) == (200, "review", "pending"), held.text
    finally:
        relay.stop()
    admin = own_redis.client()
    stored = [key for key in admin.scan_iter(match="*held-lost*") if admin.type(key) == "hash"]
    assert len(stored) == 1 and admin.hget(stored[0], "queue_state") == "ready"
    if not server_stops:  # the retry on a new connection was the first run's answer: its author counted once
        counters = [key for key in admin.scan_iter(match="*author*u-lost") if admin.type(key) == "string"]
        assert [admin.get(key) for key in counters] == ["1"]
