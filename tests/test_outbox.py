"""The webhook outbox against a real Redis and a real HTTP receiver on a local port."""

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time

import pytest

from moderation.cli import main as cli_main
from moderation.integrations import delivery, outbox, outbox_worker, webhooks
from moderation.store.review_queue import ReviewQueue
from tests.support.app import API_KEY, OTHER_KEY
from tests.support.receiver import SECRET, Receiver, Trickler, wait_for
from tests.support.relay import outbox_losing_an_answer
from tests.support.servers import PROJECT_ROOT
from tests.support.thresholds import FLAG_ALL


@pytest.fixture
def worker():
    """Run the real worker loop of an app in a thread; stopped at the end of the test."""
    started = []

    def start(app):
        stop = threading.Event()
        thread = threading.Thread(target=outbox_worker.run_worker, args=(app,),
                                  kwargs={"stop": stop, "poll_interval": 0.02}, daemon=True)
        thread.start()
        started.append((stop, thread))
        return stop

    yield start
    for stop, thread in started:
        stop.set()
        thread.join(timeout=10)


def hook_app(make_app, url, **extra):
    config = {"WEBHOOKS": {"test": {"url": url, "secret": SECRET}}, "DEMO": True, "WEBHOOK_RETRY_BASE": 0.05,
              "WEBHOOK_TIMEOUT": 0.5, "THRESHOLDS": FLAG_ALL}
    config.update(extra)
    return make_app(**config)


def test_signature_round_trip_and_tampering():
    body = b'{"id":"test:1-0"}'
    header = webhooks.sign(SECRET, body, timestamp=1_700_000_000)
    assert header.startswith("t=1700000000,v1=")
    assert webhooks.verify(SECRET, body, header, now=1_700_000_010)
    assert not webhooks.verify(SECRET, body + b" ", header, now=1_700_000_010)
    assert not webhooks.verify("other-secret", body, header, now=1_700_000_010)
    assert not webhooks.verify(SECRET, body, header, now=1_700_000_000 + 3600)  # replayed too late
    assert not webhooks.verify(SECRET, body, "", now=1_700_000_010)


HOSTILE_SIGNATURES = ["v1=é", "t=1700000005,v1=é", "t=²,v1=ab", "t=1700000005", "garbage", "=,=,", "t=,v1="]


def test_the_readmes_verify_and_the_services_refuse_hostile_headers_without_raising():
    """The README's receiver snippet runs as written: it accepts a real signature and answers False (never an
    exception, i.e. the site's 500) to hostile headers; the service's own verify likewise."""
    import re as regex

    readme = (PROJECT_ROOT / "README.md").read_text()
    snippet = next(block for block in regex.findall(r"```python\n(.*?)```", readme, regex.S) if "def verify(" in block)
    namespace = {}
    exec(compile(snippet, "README.md", "exec"), namespace)  # noqa: S102 (the project's own README)
    body = b'{"type": "comment.approved"}'
    assert namespace["verify"](SECRET, body, webhooks.sign(SECRET, body))
    assert not namespace["verify"](SECRET, body + b" ", webhooks.sign(SECRET, body))
    now = int(time.time())
    for header in [*HOSTILE_SIGNATURES, f"t={now},v1=é", f"t={now}, v1=\u00e9\u00e9"]:
        assert namespace["verify"](SECRET, body, header) is False, header
        assert webhooks.verify(SECRET, body, header, now=1_700_000_010) is False, header


@pytest.mark.slow
def test_flaky_receiver_gets_each_event_exactly_once_with_valid_signature(make_app, worker, comment, rdb, prefix):
    with Receiver(["500", "close", "hang"]) as receiver:
        app = hook_app(make_app, receiver.url)
        client = app.test_client()
        body = comment()
        answer = client.post("/api/v1/comments", json=body, headers={"Authorization": f"Bearer {API_KEY}"})
        assert answer.json["decision"] == "review"
        worker(app)
        assert wait_for(lambda: len(receiver.accepted) == 1, timeout=15)
        event = receiver.accepted[0]
        assert event["type"] == "comment.queued" and event["data"]["comment_id"] == body["id"]
        assert event["data"]["status"] == "pending" and event["data"]["labels"]
        assert event["id"].startswith("test:")
        assert len(receiver.attempts) == 4  # three failures, then the delivery
        assert [a["X-Moderation-Attempt"] for a in receiver.attempts] == ["1", "2", "3", "4"]
        assert receiver.bad_signatures == 0

        # At-least-once: make Redis hand the same entry out again; the receiver de-duplicates on the id.
        assert wait_for(lambda: outbox.stats(rdb, "test", prefix=prefix)["delivered"] == 1)
        rdb.xgroup_setid(f"{prefix}{{test}}:events", outbox.GROUP, "0")
        assert wait_for(lambda: len(receiver.attempts) == 5)
        assert len(receiver.accepted) == 1
        assert receiver.attempts[4]["X-Moderation-Event-Id"] == event["id"]

        # A moderator's decision follows as its own event.
        ReviewQueue(rdb, "test", prefix=prefix).decide(body["id"], "approve", "hanako", "ok")
        assert wait_for(lambda: len(receiver.accepted) == 2)
        assert receiver.accepted[1]["type"] == "comment.approved"
        assert receiver.accepted[1]["data"]["by"] == "hanako"
        # the receiver counts an event before it answers; the worker records the delivery after the answer
        assert wait_for(lambda: outbox.stats(rdb, "test", prefix=prefix)["delivered"] == 3)

    stats = outbox.stats(rdb, "test", prefix=prefix, configured=True)
    assert stats["failed_attempts"] == 3 and stats["delivered"] == 3 and stats["retrying"] == 0
    assert stats["in_flight"] == 0 and stats["last_error"]


def test_entries_whose_read_answer_was_lost_are_delivered_on_the_next_pass(redis_server, rdb, prefix):
    """A killed master or a timeout can lose XREADGROUP's answer after the server ran it: the entries are the worker's,
    pending, and the client's retry reads past them. The next pass delivers them (they used to wait for XAUTOCLAIM,
    60-90 s: the Sentinel failover test's late events)."""
    from moderation.store.keys import KeySpace

    stream = KeySpace(prefix).events("news")
    ids = [rdb.xadd(stream, {"type": "comment.queued", "id": f"c-{n}", "status": "queued"}) for n in range(3)]
    with outbox_losing_an_answer(redis_server.port, prefix, b"XREADGROUP", b"\r\n>\r\n") as (relay, receiver, box):
        box.run_once()
        box.run_once()
        assert relay.dropped == 1  # the first read ran and its answer was lost
        assert sorted(event["id"] for event in receiver.accepted) == [f"news:{entry}" for entry in ids]


def test_a_retry_whose_lease_answer_was_lost_is_sent_on_the_next_pass(redis_server, rdb, prefix):
    """Taking due retries leases them (WEBHOOK_TIMEOUT + 30 s) so no other worker sends them. When that answer is
    lost after Redis ran it, the client's retry finds nothing due: the worker takes back its own unfinished leases
    at once (they used to wait out the lease)."""
    from moderation.store.outbox import TAKE_DUE, OutboxStore

    store = OutboxStore(rdb, "news", prefix)
    entry = "1700000000000-0"  # its stream entry was acknowledged when its first attempt failed
    now_ms = int(time.time() * 1000)
    job = {"entry": entry, "event": outbox.event_body("news", entry, {"type": "comment.queued", "id": "c-1"}),
           "attempts": 1, "first_attempt_at": now_ms}
    store.failed(job, "HTTP 500", now_ms, retry_at_ms=now_ms - 1)  # its retry is due
    sha = rdb.script_load(TAKE_DUE)
    with outbox_losing_an_answer(redis_server.port, prefix, b"EVALSHA", sha.encode()) as (relay, receiver, box):
        box.run_once()
        box.run_once()
        assert relay.dropped == 1  # the lease was taken and its answer lost
        assert [event["id"] for event in receiver.accepted] == [f"news:{entry}"]
        assert rdb.zcard(store.retry) == 0 and not rdb.exists(store.leases(box.consumer))


def test_a_consumer_group_lost_in_a_failover_is_created_again(rdb, prefix):
    """A failover to a node the group never reached (created just before the old master died, or a second failover
    back to the restarted old master) answers NOGROUP: the next pass creates the group again and delivers, instead
    of every pass failing until the worker restarts."""
    from moderation.store.keys import KeySpace

    stream = KeySpace(prefix).events("news")
    first = rdb.xadd(stream, {"type": "comment.queued", "id": "c-1", "status": "queued"})
    stop = threading.Event()
    stop.set()  # no pause after the error
    with Receiver() as receiver:
        box = outbox.Outbox(rdb, "news", receiver.url, SECRET, prefix=prefix, allow_private_targets=True, timeout=2.0)
        assert outbox_worker._one_pass(box, stop) == 1
        rdb.xgroup_destroy(stream, outbox.GROUP)
        second = rdb.xadd(stream, {"type": "comment.queued", "id": "c-2", "status": "queued"})
        for _ in range(3):
            outbox_worker._one_pass(box, stop)
        assert [event["id"] for event in receiver.accepted] == [f"news:{first}", f"news:{second}"]


def test_a_redirect_is_a_failed_attempt_retried_never_followed(make_app, worker, comment, rdb, prefix):
    """README: a redirect is retried like an error; the worker never follows it to the address it names."""
    with Receiver(["redirect"]) as receiver:
        # Neither answer hangs: the 0.5 s timeout of the hanging-receiver tests only made a third, timed-out attempt
        # of a loaded machine (load 12) fail this test
        app = hook_app(make_app, receiver.url, WEBHOOK_TIMEOUT=5.0)
        body = comment()
        app.test_client().post("/api/v1/comments", json=body, headers={"Authorization": f"Bearer {API_KEY}"})
        worker(app)
        assert wait_for(lambda: len(receiver.accepted) == 1, timeout=15)
        assert receiver.accepted[0]["data"]["comment_id"] == body["id"]
        assert [a["X-Moderation-Attempt"] for a in receiver.attempts] == ["1", "2"]  # followed: "1", "1"
        assert wait_for(lambda: outbox.stats(rdb, "test", prefix=prefix)["delivered"] == 1)
    stats = outbox.stats(rdb, "test", prefix=prefix)
    assert stats["failed_attempts"] == 1 and stats["last_error"] == "HTTP 307"


@pytest.mark.slow
def test_hanging_receiver_never_blocks_scoring_and_event_is_kept(make_app, worker, comment, rdb, prefix):
    with Receiver(["hang"] * 50) as receiver:
        app = hook_app(make_app, receiver.url)
        client = app.test_client()
        worker(app)
        auth = {"Authorization": f"Bearer {API_KEY}"}
        started = time.monotonic()
        for _ in range(5):
            assert client.post("/api/v1/comments", json=comment(), headers=auth).json["decision"] == "review"
        assert time.monotonic() - started < 2.0
        assert wait_for(lambda: outbox.stats(rdb, "test", prefix=prefix)["failed_attempts"] >= 2, timeout=15)
        stats = outbox.stats(rdb, "test", prefix=prefix)
        assert "timed out" in stats["last_error"] or "Timeout" in stats["last_error"]
        assert receiver.accepted == []
    # Nothing dropped: failed events wait in the retry schedule, the rest are still in the stream.
    assert stats["retrying"] >= 1 and stats["delivered"] == 0
    assert rdb.xlen(f"{prefix}{{test}}:events") == 5


@pytest.mark.parametrize("start", [0, 20, len(Trickler.ANSWER) - 64], ids=["status line", "headers", "body"])
@pytest.mark.slow
def test_the_webhook_timeout_bounds_the_whole_delivery_however_slowly_bytes_come(start):
    """A socket timeout restarts with every byte: a receiver trickling its answer (here one byte every 0.1 s:
    the answer would take 8-13 s) must still count as timed out after the delivery's timeout in total."""
    with Trickler(start=start, gap=0.1) as receiver:
        started = time.monotonic()
        with pytest.raises(TimeoutError, match=r"within 0\.5 s"):
            delivery.post_json(receiver.url, b"{}", {}, timeout=0.5, allow_private_targets=True)
        took = time.monotonic() - started
        trickled = (len(Trickler.ANSWER) - start) * receiver.gap
    assert receiver.requests == 1
    assert took < 2.0 < trickled, (took, trickled)  # the timeout's 0.5 s plus scheduling slack, not the trickle


@pytest.mark.slow
def test_a_trickling_receiver_holds_the_worker_for_the_timeout_per_event_only(make_app, comment, rdb, prefix):
    with Trickler(start=0, gap=0.1) as receiver:
        app = hook_app(make_app, receiver.url)
        client = app.test_client()
        for _ in range(3):
            client.post("/api/v1/comments", json=comment(), headers={"Authorization": f"Bearer {API_KEY}"})
        started = time.monotonic()
        outbox_worker.run_worker(app, once=True)
        took = time.monotonic() - started
    stats = outbox.stats(rdb, "test", prefix=prefix)
    assert receiver.requests == 3 and stats["failed_attempts"] == 3 and stats["retrying"] == 3
    assert "TimeoutError" in stats["last_error"] and stats["delivered"] == 0
    assert took < 3 * 2.0 < 3 * len(Trickler.ANSWER) * 0.1, took  # three 0.5 s timeouts, not three trickles


@pytest.mark.slow
def test_a_slow_site_never_holds_another_sites_webhooks(make_app, worker, comment):
    """Each site drains in its own thread: "other" (first in the sites' order, once drained first) trickles
    every answer; "test"'s event still arrives while "other" is on its first deliveries, not after all ten."""
    with Trickler(start=0, gap=0.1) as slow, Receiver() as fast:
        app = hook_app(make_app, fast.url, WEBHOOKS={"other": {"url": slow.url, "secret": SECRET},
                                                     "test": {"url": fast.url, "secret": SECRET}})
        client = app.test_client()
        for n in range(10):
            client.post("/api/v1/comments", json=comment(author={"id": f"o-{n}"}),
                        headers={"Authorization": f"Bearer {OTHER_KEY}"})
        client.post("/api/v1/comments", json=comment(), headers={"Authorization": f"Bearer {API_KEY}"})
        worker(app)
        assert wait_for(lambda: len(fast.accepted) == 1, timeout=15)
        waited_for = slow.requests  # deliveries "other" had started when "test"'s event arrived
        assert wait_for(lambda: slow.requests >= 3, timeout=15)  # "other" goes on at its own pace
    assert waited_for <= 2, waited_for  # one after the other, it would have been all 10 (0.5 s each) first


@pytest.mark.slow
def test_event_is_dead_lettered_after_the_retry_window(make_app, comment, rdb, prefix):
    with Receiver(["500"] * 100) as receiver:
        app = hook_app(make_app, receiver.url, WEBHOOK_RETRY_FOR=0.3)
        app.test_client().post("/api/v1/comments", json=comment(), headers={"Authorization": f"Bearer {API_KEY}"})
        [box] = outbox_worker.outboxes(app, rdb)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and not rdb.llen(f"{prefix}{{test}}:outbox:dead"):
            box.run_once()
            time.sleep(0.02)
        dead = json.loads(rdb.lindex(f"{prefix}{{test}}:outbox:dead", 0))
        assert dead["event"]["type"] == "comment.queued" and dead["attempts"] >= 2
        assert dead["last_error"] == "HTTP 500"
        stats = outbox.stats(rdb, "test", prefix=prefix)
        assert stats["dead_lettered"] == 1 and stats["retrying"] == 0


def test_backoff_is_exponential_and_capped(rdb):
    box = outbox.Outbox(rdb, "test", "http://example.invalid/", SECRET, retry_base=2, retry_max_delay=3600)
    delays = [box._delay(n) for n in (1, 2, 3, 10, 30)]
    assert 1.6 <= delays[0] <= 2.4 and 3.2 <= delays[1] <= 4.8 and 6.4 <= delays[2] <= 9.6
    assert delays[3] <= 3600 * 1.2 and delays[4] <= 3600 * 1.2
    # With the defaults, attempts go on for more than 24 hours before dead-lettering.
    from moderation import settings as defaults

    assert defaults.WEBHOOK_RETRY_FOR >= 86400


@pytest.mark.parametrize("url", [
    "http://127.0.0.1:8080/hook", "http://localhost/hook", "http://10.1.2.3/hook", "http://192.168.0.10/",
    "http://169.254.169.254/latest/meta-data", "http://[::1]/hook", "http://[fd00::1]/", "http://0.0.0.0/",
    "http://[::ffff:127.0.0.1]/", "ftp://example.com/hook",
])
def test_ssrf_guard_refuses_private_targets_in_production(url):
    with pytest.raises(webhooks.WebhookConfigError):
        webhooks.check_url(url)


def test_ssrf_guard_allows_public_and_demo_targets():
    webhooks.check_url("https://93.184.216.34/hook")
    webhooks.check_url("http://127.0.0.1:8080/hook", allow_private_targets=True)
    assert webhooks.allow_private({"DEMO": True}) and webhooks.allow_private({"WEBHOOK_ALLOW_PRIVATE": "1"})
    assert not webhooks.allow_private({"DEMO": False, "WEBHOOK_ALLOW_PRIVATE": False})


def test_delivery_goes_to_the_address_that_was_checked(monkeypatch):
    """DNS rebinding: the host is resolved once, checked, and that very address is connected to."""
    real = socket.getaddrinfo
    lookups = []

    def fake(host, *args, **kwargs):
        if host == "hooks.example.test":
            lookups.append(host)
            return real("127.0.0.1", *args, **kwargs)
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", fake)
    with Receiver() as receiver:
        port = receiver.server.server_address[1]
        status = delivery.post_json(f"http://hooks.example.test:{port}/hooks", b"{}", {}, timeout=2,
                                  allow_private_targets=True)
        assert status == 401  # reached the receiver (which refuses the unsigned body)
        assert receiver.attempts[0]["Host"] == f"hooks.example.test:{port}"
        assert lookups == ["hooks.example.test"]
        with pytest.raises(webhooks.WebhookConfigError):  # production: the same answer is refused
            delivery.post_json(f"http://hooks.example.test:{port}/hooks", b"{}", {}, timeout=2)
        assert len(receiver.attempts) == 1


def test_a_host_with_any_private_address_is_refused():
    def mixed(host, port, **kwargs):
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.216.34", port)),
                (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.0.0.5", port))]

    with pytest.raises(webhooks.WebhookConfigError):
        webhooks.check_url("https://hooks.example.test/", resolve=mixed)
    assert webhooks.check_url("https://hooks.example.test/", resolve=mixed, allow_private_targets=True) == \
        "93.184.216.34"


def test_worker_in_production_configuration_refuses_a_loopback_webhook(make_app, comment, rdb, prefix):
    with Receiver() as receiver:
        app = hook_app(make_app, receiver.url, DEMO=False)
        app.test_client().post("/api/v1/comments", json=comment(), headers={"Authorization": f"Bearer {API_KEY}"})
        [box] = outbox_worker.outboxes(app, rdb)
        box.run_once()
        assert receiver.attempts == []
        stats = outbox.stats(rdb, "test", prefix=prefix)
        assert stats["last_error"].startswith("refused") and stats["retrying"] == 1


def test_bad_webhook_configuration_stops_start_up(make_app):
    with pytest.raises(webhooks.WebhookConfigError):
        make_app(WEBHOOKS='{"test": {"url": "http://x.example/"}}')
    with pytest.raises(webhooks.WebhookConfigError):
        make_app(WEBHOOKS="not json")


def test_cli_worker_once_and_queue_stats_show_deliveries(make_app, comment, rdb, prefix, tiny_model, tmp_path,
                                                         redis_server, monkeypatch, capsys):
    with Receiver() as receiver:
        app = hook_app(make_app, receiver.url)
        app.test_client().post("/api/v1/comments", json=comment(), headers={"Authorization": f"Bearer {API_KEY}"})
        env = {"REDIS_URL": redis_server.url, "REDIS_PREFIX": prefix, "INSTANCE_DIR": str(tmp_path),
               "API_KEYS": f"test:{API_KEY}", "WEBHOOKS": json.dumps({"test": {"url": receiver.url, "secret": SECRET}}),
               "DEMO": "1", "SECRET_KEY": "x"}
        for name, value in env.items():
            monkeypatch.setenv(f"MODERATION_{name}", value)
        cli_main(["worker", "--once"])
        assert len(receiver.accepted) == 1
        capsys.readouterr()
        cli_main(["queue", "stats", "--site", "test"])
        printed = json.loads(capsys.readouterr().out)
        assert printed["test"]["webhooks"]["delivered"] == 1
        assert printed["test"]["webhooks"]["configured"] is True


@pytest.mark.parametrize("address", [
    "100.64.0.1", "100.100.100.200",            # carrier-grade NAT, incl. a cloud metadata address
    "198.18.0.1", "192.0.2.1", "240.0.0.1",      # benchmarking, documentation, reserved
    "2002:a00:1::1", "2002:7f00:1::", "2002:a9fe:a9fe::",  # 6to4 of 10.0.0.1, 127.0.0.1, 169.254.169.254
    "2001:0:4136:e378:8000:63bf:f5ff:fffe",      # Teredo (client 10.0.0.1)
    "64:ff9b::a9fe:a9fe", "64:ff9b::7f00:1", "64:ff9b:1::a00:1",  # NAT64 of metadata, loopback, private
    "::ffff:100.64.0.1", "fe80::1%eth0",
])
def test_ssrf_guard_refuses_every_non_global_address_form(address):
    def resolve(host, port, **kwargs):
        return [(socket.AF_INET6 if ":" in address else socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port))]

    with pytest.raises(webhooks.WebhookConfigError, match="non-public"):
        webhooks.check_url("https://hooks.example.test/", resolve=resolve)


@pytest.mark.parametrize("address", ["93.184.216.34", "2606:2800:220:1::1", "64:ff9b::5db8:d822"])
def test_ssrf_guard_allows_global_addresses_in_any_form(address):
    def resolve(host, port, **kwargs):
        return [(socket.AF_INET6 if ":" in address else socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port))]

    assert webhooks.check_url("https://hooks.example.test/", resolve=resolve) == address


@pytest.mark.slow
def test_ctrl_c_stops_the_worker_quietly(redis_server, prefix, tmp_path):
    """Ctrl-C on `make run` sends SIGINT to the whole process group, the demo's webhook worker included: it
    stops with status 0 as on SIGTERM, no KeyboardInterrupt traceback."""
    env = {**os.environ, "MODERATION_REDIS_URL": redis_server.url, "MODERATION_REDIS_PREFIX": prefix,
           "MODERATION_INSTANCE_DIR": str(tmp_path), "MODERATION_API_KEYS": f"test:{API_KEY}",
           "MODERATION_SECRET_KEY": "x" * 32}
    worker = subprocess.Popen([sys.executable, "-m", "moderation", "worker"], cwd=PROJECT_ROOT, env=env,
                              stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        started = time.monotonic()
        line = b""
        while b"no events are delivered" not in line and time.monotonic() - started < 60:
            line = worker.stdout.readline()  # the worker is in its loop once it has said so
            assert line or worker.poll() is None, "the worker exited early"
        worker.send_signal(signal.SIGINT)
        output, _ = worker.communicate(timeout=20)
    finally:
        if worker.poll() is None:
            worker.kill()
            worker.wait()
    assert worker.returncode == 0, output.decode(errors="replace")
    assert b"Traceback" not in output and b"KeyboardInterrupt" not in output, output.decode(errors="replace")



_SIGNAL_WHILE_LOCKED = """
import os, signal, threading
from moderation.cli.service import stop_on_signals
stop = threading.Event()
stop_on_signals(stop, signal.SIGTERM)
with stop._cond:  # the main thread inside stop.wait() / stop.set(), which hold this lock for a few bytecodes
    os.kill(os.getpid(), signal.SIGTERM)  # the handler runs at the next bytecode, the lock still held
    held = sum(range(1000))
print("stopped" if stop.wait(10) else "not stopped", flush=True)
"""


@pytest.mark.slow
def test_a_stop_signal_while_the_main_thread_holds_the_events_lock_still_stops():
    """The worker's SIGINT / SIGTERM handler ran `stop.set()`, which takes the Event's non-reentrant lock: a signal
    landing while the main thread held it (inside stop.wait() at each minute's wake, or the final stop.set(), e.g.
    make run's Ctrl-C followed by serve's SIGTERM) hung the worker for good (read2, session 39)."""
    done = subprocess.run([sys.executable, "-c", _SIGNAL_WHILE_LOCKED], cwd=PROJECT_ROOT, capture_output=True,
                          timeout=30)
    assert done.stdout.decode().strip() == "stopped", done.stderr.decode(errors="replace")
