"""The moderation API for newsroom tools: tokens from the real CLI, claims and decisions on the page's path."""

import hashlib
import json

import pytest

from moderation.store.moderator_tokens import ModeratorTokens
from moderation.store.review_queue import ReviewQueue
from moderation.store.training_labels import LabelStore
from tests.support.app import API_KEY, OTHER_KEY, cli_env
from tests.support.moderators import held_comments
from tests.support.receiver import SECRET, Receiver, wait_for

SPAM = "副業で月収100万円！今すぐLINE追加してね"
XSS = '<script>alert(1)</script><img src=x onerror=alert(2)>'


@pytest.fixture
def napp(make_app, thresholds):
    return make_app(THRESHOLDS=thresholds.flag_all, RATE_LIMITS="")


@pytest.fixture
def submit(napp, comment):
    api = napp.test_client()

    def post(text=SPAM, key=API_KEY, **fields):
        body = comment(text, **fields)
        response = api.post("/api/v1/comments", json=body, headers={"Authorization": f"Bearer {key}"})
        assert response.status_code == 200 and response.json["decision"] == "review", response.text
        return body["id"]

    return post


@pytest.fixture
def cli(redis_server, prefix, tmp_path, cli_forks):
    """`python -m moderation ...` in a real process against the test Redis, sites test and other."""

    def run(*args, check=True, **extra):
        env = cli_env(redis_server, prefix, tmp_path, API_KEYS=f"test:{API_KEY},other:{OTHER_KEY}", **extra)
        result = cli_forks.run(args, env=env)
        assert not check or result.returncode == 0, result.stderr
        return result

    return run


@pytest.fixture
def token(accounts, rdb, prefix):
    """A token for hanako, a moderator of site "test" only (the CLI's own tests issue theirs with the CLI)."""
    accounts.set_sites("hanako", ["test"])
    return ModeratorTokens(rdb, prefix).issue("hanako", note="desk tool")[1]


def bearer(token):
    return {"Authorization": f"Bearer {token}"}


@pytest.mark.slow
def test_cli_token_claims_decides_and_once_revoked_is_401(napp, submit, cli, accounts, login, rdb, prefix):
    accounts.set_sites("hanako", ["test"])
    token = cli("moderator", "token", "hanako", "--note", "desk tool").stdout.strip()
    first, second = submit(), submit(text=XSS, article_title=XSS)
    elsewhere = submit(key=OTHER_KEY)
    api = napp.test_client()
    answer = api.post("/api/v1/moderation/queue:claim", headers=bearer(token))
    assert answer.status_code == 200 and answer.json["moderator"] == "hanako"
    items = {item["comment_id"]: item for item in answer.json["items"]}
    assert set(items) == {first, second}  # only her site: the other site's comment is not offered
    assert {item["site"] for item in items.values()} == {"test"}
    assert items[second]["text"] == XSS and items[second]["article_title"] == XSS  # data, as JSON
    assert answer.headers["Content-Type"] == "application/json" and answer.headers["X-Content-Type-Options"]
    assert all(item["lease_until"] and item["labels"] for item in items.values())
    assert {(item["author_standing"], item["article_mode"]) for item in items.values()} == {("good", "open")}
    assert login(napp, "jiro").claim() == []  # leased to hanako, as the page's claim would

    decided = api.post("/api/v1/moderation/decisions", json={"comment_id": first, "outcome": "approve"},
                       headers=bearer(token))
    assert decided.status_code == 200, decided.text
    assert decided.json | {"decided_at": None} == {"site": "test", "comment_id": first, "outcome": "approved",
                                                   "reason": None, "moderator": "hanako", "decided_at": None}
    status = api.get(f"/api/v1/comments/{first}", headers=bearer(API_KEY)).json
    assert status["moderation"]["outcome"] == "approved" and status["moderation"]["moderator"] == "hanako"

    rejected = api.post("/api/v1/moderation/decisions", headers=bearer(token),
                        json={"comment_id": second, "outcome": "reject", "reason": "abuse"})
    assert rejected.json["outcome"] == "rejected" and rejected.json["reason"] == "abuse"
    # Exactly once: the same answer again for her own retry, a 409 naming her for anything else.
    again = api.post("/api/v1/moderation/decisions", json={"comment_id": first, "outcome": "approve"},
                     headers=bearer(token))
    assert again.status_code == 200 and again.json["outcome"] == "approved"
    other = api.post("/api/v1/moderation/decisions", headers=bearer(token),
                     json={"comment_id": first, "outcome": "reject", "reason": "spam"})
    assert other.status_code == 409
    assert other.json["error"] | {"message": ""} == {"code": "already_decided", "field": "comment_id", "by": "hanako",
                                                     "outcome": "approved", "message": ""}
    # Another site's comment does not exist for her.
    foreign = api.post("/api/v1/moderation/decisions", json={"comment_id": elsewhere, "outcome": "approve"},
                       headers=bearer(token))
    assert foreign.status_code == 404 and foreign.json["error"]["field"] == "comment_id"
    named = api.post("/api/v1/moderation/decisions", headers=bearer(token),
                     json={"comment_id": elsewhere, "outcome": "approve", "site": "other"})
    assert named.status_code == 404 and named.json["error"]["field"] == "site"
    assert api.get("/api/v1/moderation/queue?site=other", headers=bearer(token)).status_code == 404
    assert ReviewQueue(rdb, "other", prefix=prefix).get(elsewhere)["queue_state"] == "ready"

    [listed] = cli("moderator", "token", "list", "hanako").stdout.splitlines()
    token_id = listed.split("\t")[0]
    assert token.startswith(f"mt_{token_id}_") and "desk tool" in listed and "last used never" not in listed
    assert token not in listed
    assert "revoked" in cli("moderator", "token", "revoke", "hanako", token_id).stdout
    gone = api.get("/api/v1/moderation/queue", headers=bearer(token))
    assert gone.status_code == 401 and gone.json["error"]["field"] == "Authorization"
    assert gone.headers["WWW-Authenticate"].startswith("Bearer")
    assert cli("moderator", "token", "list", "hanako").stdout == ""
    assert "revoked" in cli("moderator", "token", "revoke", "hanako", token_id).stdout  # again (a retry): done


def test_token_is_stored_only_as_its_sha256(token, rdb, prefix):
    stored = {key: rdb.type(key) for key in rdb.scan_iter(f"{prefix}modtoken*")}
    assert stored, "the token is in Redis"
    everything = json.dumps({key: rdb.hgetall(key) for key in stored}, ensure_ascii=False)
    assert token not in everything and token.split("_", 2)[-1] not in everything  # the secret (it may hold "_")
    assert f"{prefix}modtoken:{hashlib.sha256(token.encode()).hexdigest()}" in stored


@pytest.mark.slow
def test_decision_is_audited_labelled_and_sent_to_the_site(make_app, thresholds, comment, accounts, cli, rdb,
                                                           prefix):
    with Receiver() as receiver:
        hooks = json.dumps({"test": {"url": receiver.url, "secret": SECRET}})
        app = make_app(THRESHOLDS=thresholds.flag_all, RATE_LIMITS="", WEBHOOKS=hooks, WEBHOOK_ALLOW_PRIVATE=True)
        api = app.test_client()
        body = comment(SPAM, author={"id": "u-7", "name": "読者"})
        assert api.post("/api/v1/comments", json=body, headers=bearer(API_KEY)).json["decision"] == "review"
        token = cli("moderator", "token", "hanako").stdout.strip()
        decided = api.post("/api/v1/moderation/decisions", headers=bearer(token),
                           json={"comment_id": body["id"], "outcome": "reject", "reason": "spam",
                                 "message": "宣伝の投稿はご遠慮ください。"})
        assert decided.status_code == 200, decided.text
        cli("worker", "--once", "--site", "test", WEBHOOKS=hooks, WEBHOOK_ALLOW_PRIVATE="1")
        assert wait_for(lambda: any(e["type"] == "comment.rejected" for e in receiver.accepted))
    event = next(e for e in receiver.accepted if e["type"] == "comment.rejected")
    assert event["data"]["comment_id"] == body["id"] and event["data"]["reason"] == "spam"
    assert receiver.bad_signatures == 0
    audit = ReviewQueue(rdb, "test", prefix=prefix).audit(10, comment_id=body["id"])
    assert [(e["action"], e["by"], e["reason"]) for e in audit if e["action"] == "rejected"] == [
        ("rejected", "hanako", "spam")]
    labels = [row for row in LabelStore(rdb, "test", prefix).export() if row["id"] == body["id"]]
    assert [(row["source"], row["by"], row["task"], row["value"]) for row in labels] == [
        ("moderator", "hanako", "spam", 1)]


def test_a_get_never_leases_it_shows_what_the_moderator_holds(napp, submit, token, login, rdb, prefix):
    """GET /api/v1/moderation/queue is safe: however often a tool, a prefetch or a crawler asks, nothing is
    leased; POST /api/v1/moderation/queue:claim leases, and GET then shows those claims (and only those)."""
    api, queue = napp.test_client(), ReviewQueue(rdb, "test", prefix=prefix)
    first, second = submit(), submit()
    for _ in range(3):
        answer = api.get("/api/v1/moderation/queue?n=1", headers=bearer(token))
        assert answer.status_code == 200 and answer.json["items"] == [] and answer.json["moderator"] == "hanako"
    assert {queue.get(i)["queue_state"] for i in (first, second)} == {"ready"} and queue.stats()["claimed"] == 0
    claimed = api.post("/api/v1/moderation/queue:claim", json={"n": 1, "order": "age"}, headers=bearer(token))
    assert [i["comment_id"] for i in claimed.json["items"]] == [first]
    held = api.get("/api/v1/moderation/queue", headers=bearer(token)).json["items"]
    assert [(i["comment_id"], i["lease_until"]) for i in held] == [
        (first, claimed.json["items"][0]["lease_until"])]
    assert [card["id"] for card in login(napp, "jiro").claim()] == [second]  # the other one was still free
    assert api.get("/api/v1/moderation/queue", headers=bearer(token)).json["items"] == held


def test_a_claim_with_no_body_leases_ten(napp, submit, token, rdb, prefix):
    """README: `n` (1-50, default 10); the other two stay free."""
    ids = [submit() for _ in range(12)]
    claimed = napp.test_client().post("/api/v1/moderation/queue:claim", headers=bearer(token)).json["items"]
    assert len(claimed) == 10 and {i["comment_id"] for i in claimed} < set(ids)
    assert ReviewQueue(rdb, "test", prefix=prefix).stats()["claimed"] == 10


def test_page_and_api_decide_a_comment_once_between_them(napp, submit, token, login):
    api = napp.test_client()
    jiro = login(napp, "jiro")
    by_page = submit()
    jiro.claim()
    held = api.post("/api/v1/moderation/decisions", json={"comment_id": by_page, "outcome": "approve"},
                    headers=bearer(token))
    assert held.status_code == 409 and held.json["error"]["code"] == "claimed_by_other"
    assert held.json["error"]["by"] == "jiro"
    jiro.decide(by_page, "reject", "spam")
    late = api.post("/api/v1/moderation/decisions", json={"comment_id": by_page, "outcome": "approve"},
                    headers=bearer(token))
    assert late.status_code == 409 and late.json["error"]["by"] == "jiro"
    by_api = submit()
    claimed = api.post("/api/v1/moderation/queue:claim", headers=bearer(token)).json["items"]
    assert [i["comment_id"] for i in claimed] == [by_api]
    assert api.post("/api/v1/moderation/decisions", json={"comment_id": by_api, "outcome": "approve"},
                    headers=bearer(token)).status_code == 200
    page = jiro.post("/review/api/decide", {"id": by_api, "action": "reject", "reason": "spam"})
    assert page.status_code == 409 and page.json["error"]["by"] == "hanako"


DECISIONS = [
    ({}, "comment_id"), ({"comment_id": 7, "outcome": "approve"}, "comment_id"),
    ({"comment_id": "x" * 129, "outcome": "approve"}, "comment_id"),
    ({"comment_id": "c-1", "outcome": "delete"}, "outcome"), ({"comment_id": "c-1"}, "outcome"),
    ({"comment_id": "c-1", "outcome": "spam"}, "outcome"),
    ({"comment_id": "c-1", "outcome": "reject"}, "reason"),
    ({"comment_id": "c-1", "outcome": "reject", "reason": "because"}, "reason"),
    ({"comment_id": "c-1", "outcome": "reject", "reason": ["spam"]}, "reason"),
    ({"comment_id": "c-1", "outcome": "approve", "message": 5}, "message"),
    ({"comment_id": "c-1", "outcome": "approve", "site": 3}, "site"),
    ([1, 2], "body"),
]
CLAIMS = [
    ({"n": 0}, "n"), ({"n": 51}, "n"), ({"n": "3"}, "n"), ({"n": True}, "n"), ({"n": 2.5}, "n"),
    ({"order": "new"}, "order"), ({"label": "nope"}, "label"), ({"label": 1}, "label"),
    ({"article": "a" * 129}, "article"), ({"site": "nowhere"}, "site"), ({"site": 3}, "site"), ([1], "body"),
]


def test_invalid_input_is_4xx_naming_the_field_and_changes_nothing(napp, submit, token, rdb, prefix):
    api, comment_id = napp.test_client(), submit()
    for body, field in DECISIONS:
        if isinstance(body, dict) and body.get("comment_id") == "c-1":
            body = {**body, "comment_id": comment_id}
        answer = api.post("/api/v1/moderation/decisions", json=body, headers=bearer(token))
        assert answer.status_code == (404 if field == "site" else 400), (body, answer.text)
        assert answer.json["error"]["field"] == field, (body, answer.text)
    text = api.post("/api/v1/moderation/decisions", data="comment_id=x", headers=bearer(token))
    assert text.status_code == 415 and text.json["error"]["field"] == "Content-Type"
    for body, field in CLAIMS:
        answer = api.post("/api/v1/moderation/queue:claim", json=body, headers=bearer(token))
        assert answer.status_code in (400, 404) and answer.json["error"]["field"] == field, (body, answer.text)
    form = api.post("/api/v1/moderation/queue:claim", data="n=1", headers=bearer(token))
    assert form.status_code == 415 and form.json["error"]["field"] == "Content-Type"
    assert api.get("/api/v1/moderation/queue?site=nowhere", headers=bearer(token)).json["error"]["field"] == "site"
    assert ReviewQueue(rdb, "test", prefix=prefix).get(comment_id)["queue_state"] == "ready"


def test_a_published_comment_readers_reported_is_pending_for_the_site_and_filterable_as_reported(
        make_app, thresholds, comment, token):
    """A reader's report ('other') sends a published comment to review: the site sees `moderation` pending (it
    was null), and the moderation API's label filter takes `reported`, the label GET /api/v1/queue counts."""
    app = make_app(THRESHOLDS=thresholds.flag_none, RATE_LIMITS="")
    api, site = app.test_client(), {"Authorization": f"Bearer {API_KEY}"}
    body = comment("記事と関係のない話ですね")
    assert api.post("/api/v1/comments", json=body, headers=site).json["status"] == "published"
    assert api.get(f"/api/v1/comments/{body['id']}", headers=site).json["moderation"] is None
    reported = api.post(f"/api/v1/comments/{body['id']}/reports", json={"reason": "other", "reporter_id": "r-1"},
                        headers=site)
    assert reported.status_code == 202, reported.text
    assert api.get("/api/v1/queue", headers=site).json["by_label"] == {"reported": 1}
    seen = api.get(f"/api/v1/comments/{body['id']}", headers=site).json
    assert seen["status"] == "published" and seen["moderation"] == {"outcome": "pending", "claimed": False}
    answer = api.post("/api/v1/moderation/queue:claim", json={"label": "reported"}, headers=bearer(token))
    assert answer.status_code == 200, answer.text
    assert [item["comment_id"] for item in answer.json["items"]] == [body["id"]]
    claimed = api.get(f"/api/v1/comments/{body['id']}", headers=site).json["moderation"]
    assert claimed == {"outcome": "pending", "claimed": True}
    wrong = api.post("/api/v1/moderation/queue:claim", json={"label": "nope"}, headers=bearer(token)).json["error"]
    assert wrong["field"] == "label" and "one of spam," in wrong["message"] and "reported" in wrong["message"]


def test_unknown_disabled_removed_or_expired_tokens_are_401(napp, token, accounts, rdb, prefix):
    api = napp.test_client()
    for headers in ({}, bearer(""), bearer(API_KEY), bearer(token + "x"), {"Authorization": f"Basic {token}"},
                    bearer("mt_" + "\udcff")):
        answer = api.get("/api/v1/moderation/queue", headers={k: v.encode("utf-8", "surrogateescape").decode(
            "latin-1") for k, v in headers.items()})
        assert answer.status_code == 401 and answer.json["error"]["field"] == "Authorization", headers
    assert api.post("/api/v1/moderation/decisions", json={"comment_id": "c", "outcome": "approve"}).status_code == 401
    assert api.get("/api/v1/moderation/queue", headers=bearer(token)).status_code == 200
    accounts.set_disabled("hanako", True)
    assert api.get("/api/v1/moderation/queue", headers=bearer(token)).status_code == 401
    accounts.set_disabled("hanako", False)
    assert api.get("/api/v1/moderation/queue", headers=bearer(token)).status_code == 200
    accounts.remove("hanako")
    accounts.add("hanako", "correct-horse-1")  # the same name again starts without the old tokens
    assert api.get("/api/v1/moderation/queue", headers=bearer(token)).status_code == 401
    tokens = ModeratorTokens(rdb, prefix)
    assert tokens.list("hanako") == []
    # a token whose time ran out a second ago: Redis ends its key at the expiry written (EXPIREAT), past or to come,
    # so no test waits (the store counts in whole seconds: a one-second token took a 1.2 s sleep)
    _, short = tokens.issue("hanako", ttl_days=-1 / 86400)
    assert api.get("/api/v1/moderation/queue", headers=bearer(short)).status_code == 401
    assert tokens.list("hanako") == []


@pytest.mark.slow  # the real CLI in a process: a second
def test_revoke_all_ends_every_token_of_the_account_at_once(napp, token, cli, accounts, rdb, prefix):
    """README: `moderator token revoke NAME ID` (or `--all`) ends it at once, and the cards its tools claimed go back
    to the queue at once (they stayed leased to hanako for 300 s)."""
    second = ModeratorTokens(rdb, prefix).issue("hanako", note="second tool")[1]
    jiros = ModeratorTokens(rdb, prefix).issue("jiro")[1]
    api = napp.test_client()
    assert all(api.get("/api/v1/moderation/queue", headers=bearer(t)).status_code == 200 for t in (token, second))
    queue = held_comments(rdb, prefix, "c-1", "c-2")
    for n, tool in enumerate((token, second), 1):  # the second tool's answer lists the first one's card too
        claimed = api.post("/api/v1/moderation/queue:claim", json={"n": n}, headers=bearer(tool))
        assert sorted(i["comment_id"] for i in claimed.json["items"]) == ["c-1", "c-2"][:n]
    assert cli("moderator", "token", "revoke", "hanako", "--all").returncode == 0
    assert rdb.zcard(queue.held_key("hanako")) == 0 and len(queue.claim("jiro", 5)) == 2
    assert [api.get("/api/v1/moderation/queue", headers=bearer(t)).status_code for t in (token, second)] == [401, 401]
    assert ModeratorTokens(rdb, prefix).list("hanako") == []
    assert api.get("/api/v1/moderation/queue", headers=bearer(jiros)).status_code == 200  # another account's stays


@pytest.mark.slow
def test_cli_refuses_unknown_accounts_and_bad_arguments(cli, accounts):
    assert "no enabled account" in cli("moderator", "token", "nobody", check=False).stderr
    assert "--days" in cli("moderator", "token", "hanako", "--days", "0", check=False).stderr
    assert cli("moderator", "token", "revoke", "hanako", check=False).returncode != 0


@pytest.mark.slow  # the real CLI in a process: a second or two
def test_a_token_the_cli_could_not_confirm_is_not_issued_and_its_retry_is_the_one_token(napp, cli, accounts, rdb,
                                                                                        prefix):
    """MIN_REPLICAS=1 and no replica: the CLI prints no token, says it was not issued and leaves no token behind;
    run again (the replica back: here, no wait) it prints the account's one token (before: a traceback, and the
    refused token stayed live beside the retry's, a credential nobody was shown)."""
    refused = cli("moderator", "token", "hanako", "--note", "desk tool", check=False, REDIS_MIN_REPLICAS="1")
    assert refused.returncode == 1 and refused.stdout == "" and "not issued" in refused.stderr, refused.stderr
    assert ModeratorTokens(rdb, prefix).list("hanako") == [] and not list(rdb.scan_iter(f"{prefix}modtoken:*"))
    token = cli("moderator", "token", "hanako", "--note", "desk tool").stdout.strip()
    assert [row["note"] for row in ModeratorTokens(rdb, prefix).list("hanako")] == ["desk tool"]
    assert napp.test_client().get("/api/v1/moderation/queue", headers=bearer(token)).status_code == 200


def test_a_pending_token_is_never_accepted(napp, accounts, rdb, prefix):
    """A token is written pending and made live only once confirmed: until then the API refuses it and the list
    leaves it out (what a failover keeps of an unconfirmed issue)."""
    tokens = ModeratorTokens(rdb, prefix)
    _, token = tokens.issue("hanako")
    key = f"{prefix}modtoken:{hashlib.sha256(token.encode()).hexdigest()}"
    rdb.hset(key, "pending", "1")  # as the issue writes it before its confirmation
    api = napp.test_client()
    assert api.get("/api/v1/moderation/queue", headers=bearer(token)).status_code == 401
    assert tokens.name_for(token) is None and tokens.list("hanako") == []
    rdb.hdel(key, "pending")
    assert api.get("/api/v1/moderation/queue", headers=bearer(token)).status_code == 200


def test_openapi_documents_the_moderation_api(client):
    spec = client.get("/api/v1/openapi.json").json
    queue, decide = spec["paths"]["/api/v1/moderation/queue"]["get"], spec["paths"]["/api/v1/moderation/decisions"]
    claim = spec["paths"]["/api/v1/moderation/queue:claim"]["post"]
    assert queue["security"] == [{"moderatorToken": []}] and decide["post"]["security"] == [{"moderatorToken": []}]
    assert claim["security"] == [{"moderatorToken": []}] and "requestBody" in claim
    assert {"200", "400", "401", "404"} <= set(queue["responses"]) and "parameters" in queue
    assert {"200", "400", "401", "404", "415"} <= set(claim["responses"])
    assert {"200", "400", "401", "404", "409"} <= set(decide["post"]["responses"])
    assert spec["components"]["securitySchemes"]["moderatorToken"]["scheme"] == "bearer"


@pytest.mark.slow  # the real CLI in a process, three times
def test_a_token_revoke_retried_after_its_own_503_is_answered_as_revoked(napp, token, cli, rdb, prefix):
    """MIN_REPLICAS=1 and no replica: the revoke is made on the master but not confirmed, so the CLI says so and
    exits 1; the same command again is answered "revoked" (before: a traceback, then "hanako has no token ...",
    about a token the operator had just revoked). An id never issued is still refused."""
    token_id = ModeratorTokens(rdb, prefix).list("hanako")[0]["id"]
    refused = cli("moderator", "token", "revoke", "hanako", token_id, check=False, REDIS_MIN_REPLICAS="1")
    assert refused.returncode == 1 and "not confirmed" in refused.stderr, refused.stderr
    assert napp.test_client().get("/api/v1/moderation/queue", headers=bearer(token)).status_code == 401
    assert f"revoked {token_id}" in cli("moderator", "token", "revoke", "hanako", token_id).stdout
    assert ModeratorTokens(rdb, prefix).list("hanako") == []
    assert "has no token" in cli("moderator", "token", "revoke", "hanako", "0000beef", check=False).stderr


def _chunked_post(base, path, headers, body):
    """POST `body` with Transfer-Encoding: chunked and no Content-Length, as a client streaming its JSON sends it."""
    import http.client
    from urllib.parse import urlsplit

    connection = http.client.HTTPConnection(urlsplit(base).netloc, timeout=10)
    try:
        connection.request("POST", path, body=iter([body[:5], body[5:]]), encode_chunked=True,
                           headers={**headers, "Content-Type": "application/json"})
        answer = connection.getresponse()
        return answer.status, json.loads(answer.read())
    finally:
        connection.close()


@pytest.mark.slow
def test_a_claim_sent_chunked_is_read_not_taken_as_an_empty_body(live_server, token, thresholds, comment):
    """A chunked body has no Content-Length: the claim read its body only when one was declared, so a tool streaming
    {"n": 1} leased 10 comments (the default) and {"site": "<not hers>"} leased her every site's."""
    base, app = live_server(THRESHOLDS=thresholds.flag_all, RATE_LIMITS="")
    api = app.test_client()
    for _ in range(3):
        assert api.post("/api/v1/comments", json=comment(SPAM), headers=bearer(API_KEY)).json["decision"] == "review"
    status, answer = _chunked_post(base, "/api/v1/moderation/queue:claim", bearer(token), b'{"site": "other"}')
    assert (status, answer["error"]["field"]) == (404, "site"), answer
    status, answer = _chunked_post(base, "/api/v1/moderation/queue:claim", bearer(token), b'{"n": 1}')
    assert status == 200 and len(answer["items"]) == 1, answer
