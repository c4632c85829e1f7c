"""Every write the service acknowledges, on its own stores, and whether a server holds it afterwards: what the
durability tests answer a write and then kill (tests/test_durability.py, tests/test_replica_waits.py)."""

import pyotp
import redis

from tests.support.moderators import MODERATOR_PASSWORD

REQUEST = {"id": "R-20261202-DURABLE1", "site": "test", "status": "received", "right": "deletion",
           "comments": ["d0"], "received_at": 1000, "due_at": 2000}
# Requests filed before the write, one at each step a later step starts from: received (-> investigating,
# poster_consulted, decided), decided (-> appealed) and poster_consulted (-> the poster's answer).
FILED, DECIDED, CONSULTED = "R-20261202-DURABLE2", "R-20261202-DURABLE3", "R-20261202-DURABLE4"
NEW_PASSWORD = "another-horse-battery-7"


def _record(comment_id, decision, article="a", received_at=1000):
    return {"id": comment_id, "article_id": article, "text": "t", "text_sha256": "s", "received_at": received_at,
            "decision": decision, "status": "pending" if decision == "review" else "published",
            "scores": {"spam": 0.9 if decision == "review" else 0.0, "abuse": 0.0},
            "labels": ["spam"] if decision == "review" else [], "explanation": [], "model_version": "v",
            "risk": 0.9 if decision == "review" else 0.0}


TOTP_AT = 1_800_000_000  # the login's time: its TOTP step (60,000,000) is the one used once


def _use_totp_step(s):
    """A login's second factor: the app's code for TOTP_AT, accepted once (its step recorded as used)."""
    secret = s.moderators.redis.hget(s.moderators.key("hanako"), "totp")
    return s.moderators.verify_totp("hanako", pyotp.TOTP(secret).at(TOTP_AT), now=TOTP_AT)


def _unclaimed(s, comment_id):
    return s.queue.get(comment_id)["queue_state"] == "ready"


def _back_in_queue(s, comment_id):
    record = s.queue.get(comment_id)
    return record["queue_state"] != "decided" and record["status"] == "pending" and not record.get("outcome")


def _request(s, request_id):
    return s.requests.get(request_id) or {}


def _decide_request(s, request_id, moderator="hanako"):
    return s.requests.decide(request_id, "removed", moderator, now_ms=3000, criterion="privacy", reason="r",
                             removed=["d0"], event={})


def _remove_account(s):
    """The operator's `moderator remove hanako`; its retry after a 503 finds the account gone (said, not an error)."""
    from moderation.store.moderators import NoSuchAccount

    try:
        s.moderators.remove("hanako")
    except NoSuchAccount:
        pass


# A write the service answers, and whether the store holds it: a moderator's decision, a reader's report, a rights
# request's removal of the comment, the rights request itself (its receipt number is the requester's answer), a
# person's article mode and author standing, a site's feedback label, a moderator's claim, skip and leaving (their
# claims released), a TOTP step used at login, and the plain commands' writes: an account disabled, a token
# issued or revoked, a model pinned, an article registered; then a decision undone or reopened, a rights request's
# later steps (investigating, poster consulted, decided, appealed, the poster's answer), an account added, its
# password reset, its sites changed, the account removed, and a login session started and ended (logout).
WRITES = {
    "decision": (lambda s: s.queue.decide("d0", "reject", "hanako", "spam"),
                 lambda s: s.queue.get("d0")["status"] == "rejected"),
    "report": (lambda s: s.queue.report("d0", "spam", "r1"), lambda s: int(s.queue.get("d0").get("reports") or 0) >= 1),
    "removal": (lambda s: s.queue.remove("d0", "hanako", "rights_request", now_ms=2000),
                lambda s: s.queue.get("d0")["status"] == "rejected"),
    "request": (lambda s: s.requests.create(REQUEST, {"request_id": REQUEST["id"]}),
                lambda s: s.requests.get(REQUEST["id"]) is not None),
    "article mode": (lambda s: s.queue.articles.set_mode("a", "closed", "hanako", now_ms=2000),
                     lambda s: (s.queue.articles.get("a", now_ms=2000) or {}).get("mode") == "closed"),
    "author standing": (lambda s: s.queue.standing.set("u1", "premoderated", "hanako", now_ms=2000),
                        lambda s: s.queue.standing.get("u1", now_ms=2000)["standing"] == "premoderated"),
    "account disabled": (lambda s: s.moderators.set_disabled("hanako", True),
                         lambda s: s.moderators.get("hanako")["disabled"]),
    "token issued": (lambda s: s.tokens.issue("hanako", note="new tool"),
                     lambda s: [token["note"] for token in s.tokens.list("hanako")].count("new tool") == 1),
    "token revoked": (lambda s: [s.tokens.revoke("hanako", token["id"]) for token in s.tokens.list("hanako")],
                      lambda s: s.tokens.list("hanako") == []),
    "model pin": (lambda s: s.pins.change({"active": "v2"}, "activate", "admin"),
                  lambda s: s.pins.get().get("active") == "v2"),
    "article registered": (lambda s: s.queue.articles.put("a2", {"title": "t"}, now_ms=2000),
                           lambda s: s.queue.articles.get("a2", now_ms=2000) is not None),
    "feedback label": (lambda s: s.labels.add("f1", "text", "spam", True, "akismet"),
                       lambda s: s.labels.size()["entries"] >= 1),
    "claim": (lambda s: s.queue.claim("hanako", 1), lambda s: s.queue.get("d0")["claimed_by"] == "hanako"),
    "release": (lambda s: s.queue.release("d1", "taro"), lambda s: _unclaimed(s, "d1")),
    "claims released on leaving": (lambda s: s.queue.release_held("taro"), lambda s: _unclaimed(s, "d1")),
    "totp step": (_use_totp_step, lambda s: s.moderators.redis.hget(s.moderators.key("hanako"), "totp_last")
                  == str(TOTP_AT // 30)),
    # the writes the audit of session 24 found missing (README, Durability and Scaling out name them)
    "undo": (lambda s: s.queue.undo("u0", "hanako", window_seconds=3600), lambda s: _back_in_queue(s, "u0")),
    "reopen": (lambda s: s.queue.reopen("o0", "taro", "a second look"), lambda s: _back_in_queue(s, "o0")),
    "request investigating": (lambda s: s.requests.step(FILED, "investigating", "hanako", now_ms=3000),
                              lambda s: _request(s, FILED).get("status") == "investigating"),
    "request poster consulted": (lambda s: s.requests.step(FILED, "poster_consulted", "hanako", now_ms=3000,
                                                           due_at=9000, consult_until=8000),
                                 lambda s: _request(s, FILED).get("status") == "poster_consulted"),
    "request decided": (lambda s: _decide_request(s, FILED),
                        lambda s: _request(s, FILED).get("outcome") == "removed"),
    "request appealed": (lambda s: s.requests.appeal(DECIDED, "my comment was lawful", now_ms=3000, due_at=9000,
                                                     event={}),
                         lambda s: _request(s, DECIDED).get("status") == "appealed"),
    "poster's answer": (lambda s: s.requests.answer(CONSULTED, "it was fair comment", now_ms=3000),
                        lambda s: _request(s, CONSULTED).get("poster_answer") == "it was fair comment"),
    "account added": (lambda s: s.moderators.add("ren", MODERATOR_PASSWORD, "moderator", sites=["test"]),
                      lambda s: s.moderators.authenticate("ren", MODERATOR_PASSWORD) is not None
                      and "ren" in [account["name"] for account in s.moderators.list()]),
    "password reset": (lambda s: s.moderators.reset_password("hanako", NEW_PASSWORD),
                       lambda s: s.moderators.authenticate("hanako", NEW_PASSWORD) is not None),
    "account sites": (lambda s: s.moderators.set_sites("hanako", ["test"]),
                      lambda s: s.moderators.get("hanako")["sites"] == ["test"]),
    "account removed": (_remove_account, lambda s: s.moderators.get("hanako") is None
                        and "hanako" not in [account["name"] for account in s.moderators.list()]),
    "session started": (lambda s: s.sessions.start("sid-new", "hanako", "127.0.0.1", 3600, "stamp"),
                        lambda s: s.sessions.name("sid-new") == "hanako"),
    "session ended": (lambda s: s.sessions.end("sid-old"), lambda s: s.sessions.name("sid-old") is None),
}

# A clean comment that the article's rule holds for review (a person set it premoderated): its SUBMIT decides so
# itself, so the flagged-comment path's wait (WAIT after SUBMIT on one connection) is not the one it takes.
HELD = (lambda s: s.queue.submit(_record("h0", "allow", article="pm"), queued=False),
        lambda s: (s.queue.get("h0") or {}).get("status") == "pending")


class Stores:
    """Every store a write above goes through, on a new client (as the next request's); with `replicas`
    (master_pipeline.Replicas) their writes wait for that many replicas, as MODERATION_REDIS_MIN_REPLICAS does."""

    def __init__(self, url, replicas=None):
        from moderation.store.master_pipeline import NO_REPLICAS
        from moderation.store.model_pins import ModelPins
        from moderation.store.moderator_tokens import ModeratorTokens
        from moderation.store.moderators import Moderators
        from moderation.store.removal_requests import RemovalRequests
        from moderation.store.review_queue import ReviewQueue
        from moderation.store.sessions import Sessions
        from moderation.store.training_labels import LabelStore

        replicas = replicas or NO_REPLICAS
        client = redis.Redis.from_url(url, decode_responses=True)
        self.queue = ReviewQueue(client, "test", min_replicas=replicas.count, wait_ms=replicas.wait_ms)
        self.requests = RemovalRequests(client, "test", replicas=replicas)
        self.moderators, self.tokens = Moderators(client, replicas=replicas), ModeratorTokens(client, replicas=replicas)
        self.pins, self.labels = ModelPins(client, replicas=replicas), LabelStore(client, "test", replicas=replicas)
        self.sessions = Sessions(client, replicas=replicas)

    def set_up(self):
        """What the writes act on: a queued comment d0, d1 claimed by taro, u0 rejected by hanako and o0 by taro, a
        premoderated article pm, an admin hanako with a token, TOTP and a session, and three rights requests (FILED,
        DECIDED, CONSULTED)."""
        self.queue.submit(_record("d0", "review"), queued=True)
        self.queue.submit(_record("d1", "review", received_at=999), queued=True)  # older: taro's claim takes it
        assert [c["id"] for c in self.queue.claim("taro", 1)] == ["d1"]
        self.queue.articles.set_mode("pm", "premoderated", "hanako", now_ms=1000)
        self.moderators.add("hanako", MODERATOR_PASSWORD, "admin")
        self.moderators.add("kumi", MODERATOR_PASSWORD, "admin")  # hanako is not the last admin: she may be removed
        self.moderators.enable_totp("hanako")
        self.tokens.issue("hanako")
        for comment_id, moderator in (("u0", "hanako"), ("o0", "taro")):
            self.queue.submit(_record(comment_id, "review"), queued=True)
            self.queue.decide(comment_id, "reject", moderator, "spam")
        self.sessions.start("sid-old", "hanako", "127.0.0.1", 3600, "stamp")
        for request_id in (FILED, DECIDED, CONSULTED):
            self.requests.create({**REQUEST, "id": request_id, "due_at": 9000}, {"request_id": request_id})
        _decide_request(self, DECIDED, "jiro")
        self.requests.step(CONSULTED, "poster_consulted", "jiro", now_ms=2000, due_at=9000, consult_until=8000)
