"""Errors outside /api, found trying the product as its users do (session 26): the operator's endpoints and the
Akismet protocol answered a wrong method or path with Werkzeug's English HTML and /metrics its refusals as plain
text, where every other error of a machine endpoint is the API's JSON naming the field; and a wrong method on a
page got Werkzeug's bare English page instead of the localised one a 404 gets (the readers' own on the public
pages, whose only other link is the moderators' queue)."""

import pytest

from tests.support.app import METRICS_TOKEN


def json_error(answer, status, code, field=None):
    assert answer.status_code == status, answer.text
    assert answer.mimetype == "application/json", answer.text
    error = answer.get_json()["error"]
    assert error["code"] == code and error["field"] == field and error["message"]
    return error


@pytest.mark.parametrize(("method", "path"), [
    ("POST", "/healthz"), ("DELETE", "/readyz"), ("POST", "/metrics"),
    ("GET", "/1.1/comment-check"), ("PUT", "/1.1/verify-key"),
])
def test_a_wrong_method_on_a_machine_endpoint_is_a_json_405(make_app, method, path):
    client = make_app(METRICS_TOKEN=METRICS_TOKEN).test_client()
    json_error(client.open(path, method=method), 405, "method_not_allowed")


def test_an_unknown_akismet_path_is_a_json_404(client):
    json_error(client.post("/1.1/comment-chek", data={"api_key": "x"}), 404, "not_found")


def test_metrics_refusals_are_json_naming_the_header(make_app):
    off = make_app().test_client().get("/metrics", headers={"Authorization": f"Bearer {METRICS_TOKEN}"})
    assert "MODERATION_METRICS_TOKEN" in json_error(off, 404, "not_found")["message"]
    client = make_app(METRICS_TOKEN=METRICS_TOKEN).test_client()
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": f"Basic {METRICS_TOKEN}"}):
        answer = client.get("/metrics", headers=headers)
        json_error(answer, 401, "unauthorized", "Authorization")
        assert answer.headers["WWW-Authenticate"] == 'Bearer realm="metrics"'
    served = client.get("/metrics", headers={"Authorization": f"Bearer {METRICS_TOKEN}"})
    assert served.status_code == 200 and "moderation_redis_up" in served.text


@pytest.mark.parametrize(("method", "path", "status", "code"), [
    ("PATCH", "/review/api/claim", 405, "method_not_allowed"), ("GET", "/review/api/decide", 405, "method_not_allowed"),
    ("GET", "/review/api/no-such-endpoint", 404, "not_found"),
    ("DELETE", "/review/admin/api/model", 405, "method_not_allowed"),
    ("GET", "/review/admin/api/no-such-endpoint", 404, "not_found"),
])
def test_a_wrong_method_or_path_under_the_pages_json_endpoints_is_a_json_error(client, method, path, status, code):
    """The review page's script and the admins' tools read these as JSON: a wrong method or path was the moderators'
    HTML page (the routing error never reached the blueprint's JSON handler)."""
    json_error(client.open(path, method=method), status, code)


@pytest.mark.parametrize("path", ["/transparency?site=test", "/policy", "/requests/new"])
def test_a_wrong_method_on_a_public_page_gets_the_readers_localised_page(client, path):
    for lang, words in (("ja", "リクエストが無効です"), ("en", "The request was not valid")):
        answer = client.delete(path + ("&" if "?" in path else "?") + f"lang={lang}")
        assert answer.status_code == 405 and answer.mimetype == "text/html"
        html = answer.text
        assert words in html and f'<html lang="{lang}">' in html and "Method Not Allowed" not in html
        assert 'id="public-error"' in html and 'href="/review' not in html


def test_a_wrong_method_on_a_moderators_page_gets_the_localised_page(client):
    answer = client.delete("/review/history")
    assert answer.status_code == 405 and answer.mimetype == "text/html"
    assert "リクエストが無効です" in answer.text and "Method Not Allowed" not in answer.text
    assert "エラー 405" in answer.text


@pytest.mark.parametrize("path", ["/review/api/decide-bulk", "/review/api/claim"])
def test_a_body_over_the_limit_on_the_review_pages_json_names_the_body_and_the_limit(make_app, login, path):
    """The review API's 413 said field null and werkzeug's 'exceeds the capacity limit', where the API's names the
    body and its limit in bytes."""
    hanako = login(make_app(RATE_LIMITS=""), "hanako")
    answer = hanako.client.post(path, data=b'{"ids": ["' + b"x" * 70_000 + b'"]}',
                                headers={"X-CSRF-Token": hanako.csrf, "Content-Type": "application/json"})
    assert "65536 bytes" in json_error(answer, 413, "request_entity_too_large", "body")["message"]
