"""Every route the app serves, read from its own url_map, refuses whoever it does not know: no credentials, a wrong
one, and another kind (a site key on a moderator's route, a moderator token on a site's, a moderator on an admin's).
A route this file does not classify fails, so a new route has to say who may call it."""

import json

import pytest

from tests.support.app import API_KEY, METRICS_TOKEN
from tests.support.moderators import Moderator
from tests.support.targets import SPAM, seed_targets

CORAL_SECRET = "coral-auth-secret-0123"

# endpoint: who may call it. public: anyone (what it shows is public by design); api: a site's API key;
# coral: the site's Coral secret (signature); token: a moderator's API token; session: a logged-in moderator;
# admin: a logged-in admin; metrics: MODERATION_METRICS_TOKEN; akismet: the site's API key in the form.
WHO = {
    "home.landing": "public", "health.healthz": "public", "health.readyz": "public", "static": "public",
    "sessions.login": "public", "public.policy_page": "public", "public.transparency_page": "public",
    "public.request_form": "public", "public.receipt": "public", "openapi.openapi_json": "public",
    "sessions.logout": "session", "metrics": "metrics",
    "akismet.comment_check": "akismet", "akismet.submit_ham": "akismet", "akismet.submit_spam": "akismet",
    "akismet.verify_key": "akismet", "coral.moderate": "coral",
    "api.submit_comment": "api", "api.submit_batch": "api", "api.get_comment": "api", "api.report_comment": "api",
    "api.queue_stats": "api", "checks.check_comment": "api", "articles_api.put_article": "api",
    "articles_api.get_article": "api", "authors_api.get_author": "api", "authors_api.put_author": "api",
    "requests_api.file_request": "api", "requests_api.get_request": "api", "requests_api.file_answer": "api",
    "requests_api.file_appeal": "api", "transparency_api.report": "api",
    "newsroom.decisions": "token", "newsroom.queue": "token", "newsroom.claim_queue": "token",
}
ADMIN_PREFIX = "/review/admin/"


def _who(rule):
    if rule.endpoint in WHO:
        return WHO[rule.endpoint]
    if rule.rule.startswith(ADMIN_PREFIX):
        return "admin"
    if rule.rule.startswith("/review"):
        return "session"
    raise AssertionError(f"{rule.rule} ({rule.endpoint}): not classified; say who may call it in WHO")


@pytest.fixture
def served(make_app, thresholds, accounts, rdb, prefix):
    """The app, a held comment, a removal request and a moderator token to aim the routes at."""
    app = make_app(THRESHOLDS=thresholds.flag_all, RATE_LIMITS="", CORAL_SECRETS=json.dumps({"test": CORAL_SECRET}),
                   METRICS_TOKEN=METRICS_TOKEN)
    _, _, request_id, token = seed_targets(app, rdb, prefix, "au")
    values = {"article_id": "au-art", "author_id": "au-author", "comment_id": "au-held",
              "request_id": request_id, "filename": "review.js"}
    return app, values, token


def _calls(app, values):
    """(rule, method, path) for every route and method the app serves (HEAD and OPTIONS are Flask's own)."""
    for rule in sorted(app.url_map.iter_rules(), key=lambda r: r.rule):
        path = rule.rule
        for name in rule.arguments:
            path = path.replace(f"<path:{name}>", values[name]).replace(f"<{name}>", values[name])
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            yield rule, method, path


def _refused(who, method, path, response):
    """What a caller without the right credential must get for a route of `who`."""
    if who in ("api", "token", "coral"):
        return response.status_code == 401
    if who == "metrics":
        return response.status_code == 401
    if who == "akismet":  # Akismet's protocol: 200 "invalid" for a key it does not know, never a verdict
        return response.status_code in (200, 401, 403) and response.get_data(as_text=True).strip() == "invalid"
    if path.startswith("/review/api/") or path.startswith(ADMIN_PREFIX + "api/"):
        return response.status_code == 401
    if path == "/logout":  # a form POST: its CSRF check comes first, and without a session there is none
        return response.status_code == 400
    return response.status_code == 302 and response.headers["Location"].startswith("/login?next=")


def test_every_route_without_credentials_is_refused(served, rdb, prefix):
    app, values, _ = served
    client = app.test_client()
    before = set(rdb.scan_iter(f"{prefix}*"))
    wrong = []
    for rule, method, path in _calls(app, values):
        who = _who(rule)
        if who == "public":
            continue
        response = client.open(path, method=method, data={} if method != "GET" else None)
        if not _refused(who, method, path, response):
            wrong.append((method, path, who, response.status_code, response.get_data(as_text=True)[:120]))
    assert wrong == []
    assert set(rdb.scan_iter(f"{prefix}*")) == before  # nothing written for them, not even a counter


def test_every_credential_only_opens_its_own_routes(served, accounts):
    """A wrong key, a moderator token on a site's route, a site key on a moderator's, a moderator on an admin's."""
    app, values, token = served
    hanako = Moderator(app, "hanako")
    wrong = []
    for rule, method, path in _calls(app, values):
        who = _who(rule)
        tries = {"api": [f"Bearer {API_KEY}x", f"Bearer {token}"], "token": [f"Bearer {API_KEY}", f"Bearer {token}x"],
                 "coral": [f"Bearer {API_KEY}", f"Bearer {token}"], "metrics": [f"Bearer {API_KEY}", f"Bearer {token}"],
                 }.get(who, [])
        for header in tries:
            response = app.test_client().open(path, method=method, headers={"Authorization": header},
                                              json={} if method != "GET" else None)
            if not _refused(who, method, path, response):
                wrong.append((method, path, who, header[:12], response.status_code))
        if who == "admin":
            response = hanako.client.open(path, method=method, headers={"X-CSRF-Token": hanako.csrf},
                                          data={"csrf_token": hanako.csrf} if method != "GET" else None)
            if response.status_code != 403:
                wrong.append((method, path, who, "hanako", response.status_code))
    assert wrong == []


def test_every_post_of_the_pages_needs_the_sessions_csrf_token(served, accounts):
    """A logged-in moderator's browser sending a POST without the session's CSRF token (a cross-site form) is 400,
    on every page route and JSON route behind the pages, the admin's included."""
    app, values, _ = served
    taro = Moderator(app, "taro")  # an admin: every route is his to call
    wrong = []
    for rule, method, path in _calls(app, values):
        if method != "POST" or _who(rule) not in ("session", "admin"):
            continue
        response = taro.client.post(path, data={"site": "test"})
        if response.status_code != 400:
            wrong.append((path, response.status_code))
        response = taro.client.post(path, json={"site": "test"}, headers={"X-CSRF-Token": "not-the-token"})
        if response.status_code != 400:
            wrong.append((path, "wrong token", response.status_code))
    assert wrong == []


def test_another_sites_key_and_moderator_reach_nothing_of_this_site(served, accounts, rdb, prefix):
    """Sites share one deployment: site "other"'s key finds none of site "test"'s comments or requests (404), and no
    API answer to it carries test's ids or text or changes test's records (an author or article id is its own
    namespace per site); hanako, a moderator of "test" only, gets 403 on every page and page API asked for site
    "other"."""
    from tests.support.app import OTHER_KEY

    app, values, _ = served
    accounts.set_sites("hanako", ["test"])
    hanako, api = Moderator(app, "hanako"), app.test_client()
    mine = {"Authorization": f"Bearer {API_KEY}"}
    before = [api.get(f"/api/v1/{what}", headers=mine).json for what in
              (f"comments/{values['comment_id']}", f"requests/{values['request_id']}", f"authors/{values['author_id']}",
               f"articles/{values['article_id']}")]
    leaked = []
    for rule, method, path in _calls(app, values):
        who = _who(rule)
        if who == "api":
            body = {"reason": "spam", "statement": "x", "standing": "suspended", "mode": "closed", "reporter_id": "o"}
            response = api.open(path, method=method, headers={"Authorization": f"Bearer {OTHER_KEY}"},
                                json=body if method != "GET" else None)
            named = rule.endpoint in ("api.get_comment", "api.report_comment", "requests_api.get_request",
                                      "requests_api.file_answer", "requests_api.file_appeal")
            secret = [v for v in (values["comment_id"], values["request_id"], values["article_id"], SPAM[:6])
                      if v not in path]  # an id the caller sent may be echoed in its 404
            if (response.status_code != 404 if named else response.status_code >= 500) \
                    or any(value in response.get_data(as_text=True) for value in secret):
                leaked.append((method, path, response.status_code))
        elif who == "session" and path != "/logout":
            if method == "GET":
                response = hanako.client.get(path, query_string={"site": "other"})
            else:
                response = hanako.client.post(path, json={"site": "other"}, headers={"X-CSRF-Token": hanako.csrf}) \
                    if path.startswith("/review/api/") else hanako.form(path, {"site": "other"})
            if response.status_code != 403:
                leaked.append((method, path, "hanako", response.status_code))
    assert leaked == []
    assert [api.get(f"/api/v1/{what}", headers=mine).json for what in
            (f"comments/{values['comment_id']}", f"requests/{values['request_id']}", f"authors/{values['author_id']}",
             f"articles/{values['article_id']}")] == before
