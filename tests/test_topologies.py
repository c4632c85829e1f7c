"""The whole service on a real 3-master Redis Cluster and a real Sentinel setup, then a master SIGKILLed mid-load.

Both topologies run the same workload through the same client factory: three sites, moderator login, claim,
decide, undo, reader reports, rate limits, labels export, model pins and webhooks delivered by the outbox worker
(a real `python -m moderation worker` process, up and caught up before the kill) to a real local HTTP receiver.
Then a master is killed with SIGKILL under load: every acknowledged `review`/`reject` answer, every acknowledged
decision and every webhook event of them must survive (MODERATION_REDIS_MIN_REPLICAS=1), the worker must go no
longer than its documented bound between deliveries while some are missing, and the outage is measured and printed.
"""

import io
import json
import os
import subprocess
import sys
import threading
import time

import pytest
import redis

from moderation import PROJECT_ROOT, create_app
from moderation.cli import main as cli_main
from tests.support.app import app_config
from tests.support.held_fsync import WINDOW
from tests.support.moderators import MODERATOR_PASSWORD, Moderator
from tests.support.outbox_trace import trace
from tests.support.servers import RedisProcess
from tests.support.topologies import Cluster, SentinelSet, sites_on_three_masters, wait_until
from tests.support.windows import fresh_window
from tests.test_outbox import SECRET, Receiver

pytestmark = pytest.mark.slow

# Everything is reviewed; the spam text is rejected outright (the tiny model scores it 0.99, the other 0.03).
REVIEW = json.dumps({"spam": {"review": 0.0, "reject": 0.9}, "abuse": {"review": 0.0, "reject": 1.01}})
SPAM = "今だけ限定！簡単に稼げる副業、登録はこちら http://spam.example/ 今すぐクリック"
NORMAL = "今日の記事、とても参考になりました。ありがとうございます。"


KINDS = {"review": "comment.queued", "reject": "comment.rejected_automatically"}
SITES = sites_on_three_masters()
KEYS = {site: f"{site}-key-0123456789abcdefghijklmnop" for site in SITES}


class Service:
    """The app (in-process, as the API and pages), its outbox worker process and the webhook receiver."""

    def __init__(self, url, tiny_model, prefix, folder, receiver, monkeypatch, min_replicas=1):
        self.receiver = receiver
        hooks = {site: {"url": receiver.url, "secret": SECRET} for site in SITES}
        self.config = app_config(
            tiny_model, url, prefix, folder, API_KEYS=",".join(f"{s}:{k}" for s, k in KEYS.items()),
            THRESHOLDS=REVIEW, RATE_LIMITS=json.dumps({"key": "100000/60", "author": "5/3600", "ip": ""}),
            WEBHOOKS=json.dumps(hooks), WEBHOOK_ALLOW_PRIVATE=True, WEBHOOK_RETRY_BASE=0.2, WEBHOOK_TIMEOUT=2.0,
            REDIS_MIN_REPLICAS=min_replicas, REDIS_TIMEOUT=1.0, LEASE_SECONDS=600,
        )
        self.app = create_app(self.config)
        env = {f"MODERATION_{k}": str(v) for k, v in self.config.items()
               if k in ("REDIS_URL", "REDIS_PREFIX", "API_KEYS", "WEBHOOKS", "INSTANCE_DIR", "MODEL_DIR",
                        "MODEL_VERSION", "MODEL_SHA256", "SECRET_KEY", "REDIS_TIMEOUT", "WEBHOOK_RETRY_BASE",
                        "WEBHOOK_TIMEOUT")}
        env["MODERATION_WEBHOOK_ALLOW_PRIVATE"] = "1"
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        self.env = {**os.environ, **env}
        self.worker = None
        self.lock = threading.Lock()
        self.acked = {}  # (site, id) -> "review" | "reject"
        self.decided = {}  # (site, id) -> "approved" | "rejected"
        self.undone = set()
        self.acked_at = {}  # (site, id, event type) -> time.time() of the answer that implies the event
        self.marks = {}  # name -> time.time(): kill, promotion, restart, ...
        self.persistence = None  # the killed node's INFO persistence (held_fsync.WINDOW) just before the kill

    def start_worker(self):
        os.makedirs(self.config["INSTANCE_DIR"], exist_ok=True)
        self.worker = subprocess.Popen([sys.executable, "-m", "moderation", "worker"], cwd=PROJECT_ROOT,
                                       env=self.env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                       stderr=open(self.config["INSTANCE_DIR"] + "/worker.log", "wb"))

    def caught_up(self):
        """The worker process is up (its start-up overlaps the full path) and has delivered every event so far."""
        wait_until(lambda: self.delivered(), 60, "the worker process to start and deliver")
        self.wait_delivered("the full path's events")

    def stop(self):
        if self.worker and self.worker.poll() is None:
            self.worker.terminate()
            self.worker.wait(timeout=20)

    def submit(self, client, site, comment_id, text=SPAM, author="reader"):
        response = client.post("/api/v1/comments", headers={"Authorization": f"Bearer {KEYS[site]}"},
                               json={"id": comment_id, "article_id": "a-1", "text": text,
                                     "author": {"id": author, "name": "読者"}})
        if response.status_code == 200 and response.json["decision"] in ("review", "reject"):
            with self.lock:
                self.acked[(site, comment_id)] = response.json["decision"]
                self.acked_at[(site, comment_id, KINDS[response.json["decision"]])] = time.time()
        return response

    def expected_events(self):
        """(site, comment id, event type) for every acknowledged answer and decision."""
        events = {(site, cid, KINDS[answer]) for (site, cid), answer in self.acked.items()}
        events |= {(site, cid, f"comment.{outcome}") for (site, cid), outcome in self.decided.items()}
        events |= {(site, cid, "comment.reopened") for site, cid in self.undone}
        return events

    def delivered(self):
        with self.receiver.lock:
            return {(e["site"], e["data"]["comment_id"], e["type"]) for e in self.receiver.accepted}

    def check_nothing_lost(self, nodes=()):
        """Every acknowledged answer and decision is stored; every one of their events reached the receiver."""
        api = self.app.test_client()
        lost = []
        for (site, cid), answer in sorted(self.acked.items()):
            response = api.get(f"/api/v1/comments/{cid}", headers={"Authorization": f"Bearer {KEYS[site]}"})
            if response.status_code != 200:
                lost.append((site, cid, answer, response.status_code))
        for (site, cid), outcome in sorted(self.decided.items()):
            record = api.get(f"/api/v1/comments/{cid}", headers={"Authorization": f"Bearer {KEYS[site]}"}).json
            if (record.get("moderation") or {}).get("outcome") != outcome:
                lost.append((site, cid, outcome, record.get("status")))
        try:
            self.longest_wait_s = self.wait_delivered("every acknowledged webhook event")
        except AssertionError as error:
            missing = self.expected_events() - self.delivered()
            report = trace(nodes, self.config["REDIS_PREFIX"], missing, self.acked_at, self.receiver, self.marks,
                           self.config["INSTANCE_DIR"] + "/worker.log")
            late = {}
            deadline = time.monotonic() + 120  # diagnosis only: late or lost?
            while time.monotonic() < deadline and len(late) < len(missing):
                late.update({e: round(time.time() - self.marks["kill"], 1) for e in missing & self.delivered()
                             if e not in late})
                time.sleep(0.5)
            raise AssertionError(f"{error}\nacknowledged answers or decisions not stored: {lost}\n{report}\n"
                                 f"arrived later (s after the kill): {late}\n"
                                 f"the killed node's INFO persistence before the kill: {self.persistence}") from None
        self.marks["all delivered"] = time.time()
        assert not lost, (f"acknowledged answers or decisions not stored: {lost}; the killed node's INFO persistence "
                          f"just before the kill: {self.persistence}")
        return lost

    def gap_bound(self):
        """README (Hear the decisions): while events wait, the worker delivers one at least this often: a delivery
        (WEBHOOK_TIMEOUT), two Redis commands through a failover (4 tries of REDIS_TIMEOUT and 0.7 s of back-off
        each: the acknowledgement, then the next read), the pause after a Redis error (1 s) and the poll (0.5 s)."""
        return self.config["WEBHOOK_TIMEOUT"] + 2 * (4 * self.config["REDIS_TIMEOUT"] + 0.7) + 1.0 + 0.5

    def wait_delivered(self, what):
        """Until every acknowledged event reached the receiver; fails when nothing new arrives for longer than
        gap_bound() while some are missing. Returns the longest such wait (s)."""
        bound, longest = self.gap_bound(), 0.0
        count, since = len(self.delivered()), time.monotonic()
        while not self.expected_events() <= (delivered := self.delivered()):
            if len(delivered) > count:
                count, since = len(delivered), time.monotonic()
            longest = max(longest, time.monotonic() - since)
            if longest > bound:
                raise AssertionError(f"no webhook delivered for {bound:g} s while waiting for {what} "
                                     f"({len(self.expected_events() - delivered)} missing)")
            time.sleep(0.05)
        return round(longest, 2)

    def figures(self, lost):
        """Counts, and how late the events of the answers given under load arrived: the slowest few (lag, site, id,
        type, answered and delivered in s after the kill), the last delivery and the longest wait without one."""
        with self.receiver.lock:
            arrived = {(e["site"], e["data"]["comment_id"], e["type"]): self.receiver.accepted_at[e["id"]]
                       for e in self.receiver.accepted}
        zero = self.marks["kill"]
        lags = sorted(((arrived[e] - t, e, t) for e, t in self.acked_at.items() if t >= self.marks["load"]),
                      reverse=True)
        return {"acked": len(self.acked), "decided": len(self.decided), "events": len(self.expected_events()),
                "lost": len(lost), "all_delivered_after_kill_s": round(self.marks["all delivered"] - zero, 2),
                "longest_wait_without_delivery_s": self.longest_wait_s,
                "slowest_deliveries": [[round(lag, 2), *e, round(t - zero, 2), round(t + lag - zero, 2)]
                                       for lag, e, t in lags[:3]]}


def until_not_503(send, *args, tries=4, **kwargs):
    """send(*args, **kwargs)'s answer, sent again after a 503 as a site or the review page's moderator does. Before
    any kill a 503 is a write not acknowledged in time, e.g. a replica's acknowledgement later than WAIT's bound
    (half of REDIS_TIMEOUT, 500 ms here: one loaded Cluster run of four met it on a decision in session 17); the
    retry is safe (by id; a decision retried by its own moderator is answered with that decision, an undo as done)."""
    for _ in range(tries - 1):
        response = send(*args, **kwargs)
        if response.status_code != 503:
            return response
        time.sleep(0.5)
    return send(*args, **kwargs)


def full_path(service, monkeypatch, capsys):
    """Three sites through every feature that touches Redis, before anything is killed."""
    monkeypatch.setattr(sys, "stdin", io.StringIO(MODERATOR_PASSWORD + "\n"))
    cli_main(["moderator", "add", "hanako", "--password-stdin"])
    hanako = Moderator(service.app, "hanako")  # login: session and throttle keys
    api = service.app.test_client()
    for site in SITES:
        for n in range(6):
            answer = until_not_503(service.submit, api, site, f"{site}-base-{n}", NORMAL if n < 5 else SPAM,
                                   author=f"a{n}")
            assert answer.json["decision"] == ("review" if n < 5 else "reject")
        # rate limit per author, counted on this site's master, in one fixed hour (under load the six can take
        # seconds: one run of 7 at load ~20 straddled a minute and the sixth was allowed; a per-minute limit made
        # one site in three sleep up to 20 s here)
        fresh_window(3600, need=20.0)
        answers = [service.submit(api, site, f"{site}-flood-{n}", NORMAL, author="flood").status_code
                   for n in range(6)]
        assert answers == [200] * 5 + [429]
        cards = hanako.post("/review/api/claim", {"site": site, "n": 4}).json["cards"]
        assert len(cards) == 4
        for card, action in zip(cards, ["approve", "reject", "reject", "approve"], strict=True):
            body = {"site": site, "id": card["id"], "action": action, "reason": "spam" if action == "reject" else ""}
            response = until_not_503(hanako.post, "/review/api/decide", body)
            assert response.status_code == 200, response.text
            service.decided[(site, card["id"])] = response.json["outcome"]
        undo = until_not_503(hanako.post, "/review/api/undo", {"site": site, "id": cards[0]["id"]})
        assert undo.status_code == 200, undo.text
        service.decided.pop((site, cards[0]["id"]))
        service.undone.add((site, cards[0]["id"]))
        batch = api.post("/api/v1/comments:batch", headers={"Authorization": f"Bearer {KEYS[site]}"},
                         json={"comments": [{"id": f"{site}-batch-{n}", "article_id": "a-2", "text": NORMAL}
                                            for n in range(3)]})
        assert [r["decision"] for r in batch.json["results"]] == ["review"] * 3, batch.text
        service.acked.update({(site, f"{site}-batch-{n}"): "review" for n in range(3)})
        report = api.post(f"/api/v1/comments/{site}-base-5/reports", json={"reason": "spam", "reporter_id": "r1"},
                          headers={"Authorization": f"Bearer {KEYS[site]}"})
        assert report.status_code == 202
        stats = api.get("/api/v1/queue", headers={"Authorization": f"Bearer {KEYS[site]}"}).json
        assert stats["open"] == 10  # 5 + 5 + 3 queued, 3 decided (the undone one is open again)
    rows = []
    for site in SITES:  # one export per model: the sites do not share one
        capsys.readouterr()
        cli_main(["labels", "export", "--site", site])
        rows += [json.loads(line) for line in capsys.readouterr().out.splitlines()]
        assert {row["site"] for row in rows if row["source"] == "moderator"} >= {site}
    assert {row["site"] for row in rows if row["source"] == "moderator"} == set(SITES)
    assert sum(1 for row in rows if row.get("retract")) == 3
    version = service.config["MODEL_VERSION"]
    cli_main(["model", "shadow", version])
    cli_main(["model", "activate", version])
    capsys.readouterr()
    cli_main(["model", "list"])
    assert "active" in capsys.readouterr().out
    cli_main(["model", "shadow", "off"])
    capsys.readouterr()
    cli_main(["queue", "stats"])
    stats = json.loads(capsys.readouterr().out)
    assert all(stats[site]["redis"]["server"].startswith("valkey 9.") for site in SITES)
    return hanako


class Load:
    """Submitters on every site and a moderator deciding on the victim site, until stopped."""

    def __init__(self, service, hanako, victim):
        self.service, self.hanako, self.victim = service, hanako, victim
        self.stop = threading.Event()
        self.log = []  # (monotonic time, site, status) of every submit
        self.slowest = {}  # site -> longest answer time (s) after the kill
        self.errors = []
        self.ready_log = []  # (monotonic time, /readyz status)
        self.threads = [threading.Thread(target=self.submitter, args=(site,)) for site in SITES]
        self.threads += [threading.Thread(target=self.decider), threading.Thread(target=self.readiness)]

    def submitter(self, site):
        api = self.service.app.test_client()
        n = 0
        while not self.stop.is_set():
            n += 1
            text = SPAM if n % 2 else NORMAL + " 本当に？"
            started = time.monotonic()
            status = self.service.submit(api, site, f"{site}-load-{n}", text, author=f"load-{n}").status_code
            self.log.append((time.monotonic(), site, status))
            self.slowest[site] = max(self.slowest.get(site, 0.0), round(time.monotonic() - started, 2))
            if status >= 500 and status != 503:
                self.errors.append((site, status))
            time.sleep(0.01)

    def readiness(self):
        probe = self.service.app.test_client()
        while not self.stop.is_set():
            try:
                self.ready_log.append((time.monotonic(), probe.get("/readyz").status_code))
            except Exception as error:  # TESTING propagates exceptions: an unhandled one is a defect
                self.errors.append(("readyz", repr(error)))
            time.sleep(0.2)

    def readyz_figures(self, site, since):
        """Seconds /readyz said 503 after `since`, and how long after `site` wrote again it said 200 again."""
        down = [t for t, status in self.ready_log if t >= since and status == 503]
        if not down:
            return 0.0, 0.0
        back = next(t for t, status in self.ready_log if t > down[-1] and status == 200)
        wrote = since + self.outage(site, since)
        return round(down[-1] - down[0], 2), round(back - wrote, 2)

    def decider(self):
        while not self.stop.is_set():
            response = self.hanako.post("/review/api/claim", {"site": self.victim, "n": 2})
            if response.status_code != 200:
                self.errors.append(("claim", response.status_code)) if response.status_code != 503 else None
                time.sleep(0.05)
                continue
            for card in response.json["cards"]:
                body = {"site": self.victim, "id": card["id"], "action": "reject", "reason": "spam"}
                answer = self.hanako.post("/review/api/decide", body)
                if answer.status_code == 200:
                    with self.service.lock:
                        self.service.decided[(self.victim, card["id"])] = answer.json["outcome"]
                        self.service.acked_at[(self.victim, card["id"], f"comment.{answer.json['outcome']}")] = \
                            time.time()
                elif answer.status_code not in (503, 409):
                    self.errors.append(("decide", answer.status_code))
            time.sleep(0.02)

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        for thread in self.threads:
            thread.join(timeout=30)

    def outage(self, site, since):
        """Seconds from `since` to the first success after the first failure of `site` (0 if it never failed)."""
        entries = [(t, status) for t, s, status in list(self.log) if s == site and t >= since]
        failed = [t for t, status in entries if status != 200]
        if not failed:
            return 0.0
        ok = [t for t, status in entries if status == 200 and t > failed[0]]
        return round((ok[0] if ok else float("inf")) - since, 2)

    def recovered(self, site, since):
        """`site` answers 200 again after `since` (retries may have bridged a short outage without a failure)."""
        entries = [(t, status) for t, s, status in list(self.log) if s == site and t >= since]
        return bool(entries) and entries[-1][1] == 200 and entries[-1][0] > since + 0.5


def kill_master_under_load(service, hanako, victim, node, restart, failed_over):
    """SIGKILL the victim site's master (`node`) mid-load; restart it once a replica took over; measure the outage."""
    service.marks["load"] = time.time()
    with Load(service, hanako, victim) as load:
        time.sleep(1.5)
        persistence = node.client().info("persistence")
        service.persistence = {name: persistence.get(name) for name in WINDOW}
        killed_at = time.monotonic()
        service.marks["kill"] = time.time()
        node.kill()
        wait_until(failed_over, 30, "a replica to be promoted", step=0.1)
        promoted_at = time.monotonic()
        service.marks["promoted"] = time.time()
        restart(node)  # back as a replica of the new master (so MIN_REPLICAS=1 writes can be acknowledged)
        service.marks["restarted"] = time.time()
        wait_until(lambda: load.recovered(victim, killed_at), 30, "the victim site to answer 200 again", step=0.1)
        service.marks["writes back"] = time.time()
        time.sleep(1.0)
    service.marks["load stopped"] = time.time()
    ready = service.app.test_client().get("/readyz", headers={"Authorization": f"Bearer {KEYS[SITES[0]]}"})
    load.ready_log.append((time.monotonic(), ready.status_code))  # the poller's last answer may predate the recovery
    assert ready.status_code == 200, ready.json
    assert ready.json["redis_persistence"]["aof_enabled"] is True  # every node read, the restarted one too
    assert not load.errors, load.errors
    statuses = {status for _, _, status in load.log}
    assert statuses <= {200, 503}, statuses
    others = {site: load.outage(site, killed_at) for site in SITES if site != victim}
    readyz_503_s, readyz_lag_s = load.readyz_figures(victim, killed_at)
    assert readyz_lag_s < 10
    return {"outage_s": load.outage(victim, killed_at), "failover_s": round(promoted_at - killed_at, 2),
            "slowest_answer_s": load.slowest.get(victim),
            "readyz_503_s": readyz_503_s, "readyz_200_after_writes_back_s": readyz_lag_s,
            "other_sites_outage_s": others, "submits": len(load.log),
            "answered_503": sum(1 for _, _, s in load.log if s == 503)}


@pytest.fixture
def receiver():
    with Receiver() as server:
        yield server


def test_cluster_full_path_and_master_sigkill(tmp_path, tiny_model, prefix, receiver, monkeypatch, capsys):
    cluster = Cluster(tmp_path / "cluster").start()
    service = Service(cluster.url, tiny_model, prefix, tmp_path / "instance", receiver, monkeypatch)
    try:
        service.start_worker()
        hanako = full_path(service, monkeypatch, capsys)
        masters = {cluster.master_of("{" + site + "}").port for site in SITES}
        assert len(masters) == 3  # one site per master
        service.caught_up()
        victim = SITES[1]
        old = cluster.master_of("{" + victim + "}")

        def failed_over():
            return cluster.master_of("{" + victim + "}").port != old.port

        figures = kill_master_under_load(service, hanako, victim, old, lambda node: node.start(), failed_over)
        lost = service.check_nothing_lost(cluster.nodes)
        figures.update(service.figures(lost))
        print(f"\nCLUSTER failover figures: {json.dumps(figures)}")
        assert lost == [] and figures["readyz_503_s"] > 0
    finally:
        service.stop()
        cluster.stop()


def test_sentinel_full_path_and_master_sigkill(tmp_path, tiny_model, prefix, receiver, monkeypatch, capsys):
    sentinels = SentinelSet(tmp_path / "sentinel").start()
    service = Service(sentinels.url, tiny_model, prefix, tmp_path / "instance", receiver, monkeypatch)
    try:
        service.start_worker()
        hanako = full_path(service, monkeypatch, capsys)
        service.caught_up()
        old = sentinels.current_master()

        def failed_over():
            return sentinels.current_master() is not old

        figures = kill_master_under_load(service, hanako, SITES[0], old, lambda node: node.start(), failed_over)
        lost = service.check_nothing_lost([sentinels.master, sentinels.replica])
        figures.update(service.figures(lost))
        print(f"\nSENTINEL failover figures: {json.dumps(figures)}")
        assert lost == [] and figures["readyz_503_s"] > 0
        # the node the sentinels name is the master and the other its replica: usually the restarted old master
        # re-pointed; after a second failover back to it (3 of 28 loaded runs), the first promoted one
        master = sentinels.current_master()
        other = sentinels.replica if master is sentinels.master else sentinels.master
        roles = [redis.Redis(port=node.port).info("replication")["role"] for node in (master, other)]
        assert roles == ["master", "slave"], roles
    finally:
        service.stop()
        sentinels.stop()


def test_standalone_full_path_and_server_sigkill(tmp_path, tiny_model, prefix, receiver, monkeypatch, capsys):
    """The same workload on one server (no replica: MIN_REPLICAS=0); SIGKILL, restart from the append-only file."""
    server = RedisProcess(tmp_path / "standalone").start()
    service = Service(server.url, tiny_model, prefix, tmp_path / "instance", receiver, monkeypatch, min_replicas=0)
    try:
        service.start_worker()
        hanako = full_path(service, monkeypatch, capsys)
        service.caught_up()

        def restart(node):  # as a supervisor would, a second later
            time.sleep(1.0)
            node.start()

        figures = kill_master_under_load(service, hanako, SITES[2], server, restart, lambda: True)
        lost = service.check_nothing_lost([server])
        figures.update(service.figures(lost))
        print(f"\nSTANDALONE restart figures: {json.dumps(figures)}")
        assert lost == []
    finally:
        service.stop()
        server.stop()


def test_sentinel_with_passwords_serves_the_service(tmp_path, make_app, comment):
    """README: `redis+sentinel://:pass@s1,s2,s3/<master>/<db>?sentinel_password=...`: sentinels that require their
    own password and data nodes that require another; the service asks the sentinels for the master and stores
    and reads comments there. Without sentinel_password it cannot find the master (503, not 500)."""
    from tests.support.app import API_KEY, held_round_trip, refused_without_password
    from tests.support.thresholds import FLAG_ALL

    sentinels = SentinelSet(tmp_path / "sentinel", password="data pass@1", sentinel_password="sentinel:pass/2").start()
    auth = {"Authorization": f"Bearer {API_KEY}"}
    try:
        assert refused_without_password(sentinels.sentinels[0].port) and refused_without_password(sentinels.master.port)
        client = make_app(sentinels.url, THRESHOLDS=FLAG_ALL).test_client()
        held_round_trip(client, comment())
        ready = client.get("/readyz", headers=auth)
        assert ready.status_code == 200 and ready.json["redis_node"] == sentinels.master.address, ready.json

        blind = make_app(sentinels.url.split("?")[0], THRESHOLDS=FLAG_ALL).test_client()
        started = time.monotonic()
        refused = blind.post("/api/v1/comments", json=comment(), headers=auth)
        assert refused.status_code == 503 and "error" in refused.json, refused.text
        assert time.monotonic() - started < 30  # answered within gunicorn's worker timeout (it took ~100 s)
    finally:
        sentinels.stop()


def test_a_cluster_that_requires_a_password_serves_the_service(tmp_path, make_app, comment):
    """README: `redis+cluster://[:pass@]h1:7000,h2:7001,h3:7002/`. Every node requires the password (and replicas
    send it to their masters); the service sends the one in the URL (percent-encoded) to every node it finds and
    stores and reads comments on the Cluster. The Cluster client reads the slots as the app is made, so a wrong
    password stops start-up with Redis's refusal (a server of its own answers each comment 503 instead)."""
    from tests.support.app import API_KEY, held_round_trip, refused_without_password
    from tests.support.thresholds import FLAG_ALL

    cluster = Cluster(tmp_path / "locked", password="p@ss:w/rd 1").start()
    auth = {"Authorization": f"Bearer {API_KEY}"}
    try:
        assert all(refused_without_password(node.port) for node in cluster.nodes) and "%40" in cluster.url
        client = make_app(cluster.url, THRESHOLDS=FLAG_ALL).test_client()
        held_round_trip(client, comment())
        assert client.get("/readyz", headers=auth).status_code == 200
        with pytest.raises(redis.RedisClusterException, match="invalid username-password pair"):
            make_app(cluster.url.replace("%40", "%41"), THRESHOLDS=FLAG_ALL)
    finally:
        cluster.stop()


@pytest.mark.parametrize("topology", ["cluster", "sentinel"])
def test_a_moderator_token_is_issued_used_and_revoked_on_a_real_topology(tmp_path, make_app, topology):
    """A token is two keys in two slots (the token by its digest, the account's list), written pending, confirmed
    (MIN_REPLICAS=1: WAIT on each key's master) and made live; on a real Cluster and a real Sentinel setup the
    issued token works on the moderation API, is listed once, has no pending mark on its master, and once revoked
    is 401."""
    from moderation.store.moderator_tokens import digest, get_tokens
    from moderation.store.moderators import get_moderators

    nodes = (Cluster(tmp_path / "cluster") if topology == "cluster" else SentinelSet(tmp_path / "sentinel")).start()
    try:
        app = make_app(nodes.url, REDIS_MIN_REPLICAS=1)
        with app.app_context():
            get_moderators().add("hanako", MODERATOR_PASSWORD)
            tokens = get_tokens()
            token_id, token = tokens.issue("hanako", note="desk tool")
            assert [row["id"] for row in tokens.list("hanako")] == [token_id]
            held = tokens.redis.hgetall(tokens.keys.moderator_token(digest(token)))
            assert held["name"] == "hanako" and "pending" not in held and tokens.redis.ttl(
                tokens.keys.moderator_token(digest(token))) == -1
        api, bearer = app.test_client(), {"Authorization": f"Bearer {token}"}
        assert api.get("/api/v1/moderation/queue", headers=bearer).status_code == 200
        with app.app_context():
            assert get_tokens().revoke("hanako", token_id)
        assert api.get("/api/v1/moderation/queue", headers=bearer).status_code == 401
    finally:
        nodes.stop()
