"""Every moderators' page blueprint comes from page_blueprint: no-store, the localised 4xx page, `_` in templates."""

import re

import pytest
from flask import abort, render_template_string

from moderation.pages.setup import no_store, page_blueprint


def test_a_new_page_gets_no_store_the_localised_error_page_and_translations(make_app):
    app = make_app()
    bp = page_blueprint("probe", __name__, url_prefix="/probe")

    @bp.get("/missing")
    def missing():
        abort(404)

    @bp.get("/hello")
    def hello():
        return render_template_string("{{ _('error.back') }}")

    app.register_blueprint(bp)
    client = app.test_client()
    response = client.get("/probe/missing?lang=en")
    assert response.status_code == 404 and response.mimetype == "text/html"
    assert response.headers["Cache-Control"] == "no-store"
    assert "error.404" not in response.text and "<html" in response.text.lower()
    greeting = client.get("/probe/hello?lang=en")
    assert greeting.headers["Cache-Control"] == "no-store" and greeting.text and greeting.text != "error.back"


def test_the_moderators_pages_are_made_by_page_blueprint(make_app):
    app = make_app()
    for name in ("sessions", "review", "history", "leases", "thresholds", "models", "request_queue", "public"):
        assert no_store in app.after_request_funcs[name], name
    assert make_app().test_client().get("/login").headers["Cache-Control"] == "no-store"


@pytest.mark.parametrize("path", ["/\\evil.example/x", "/\\evil.example", "/login?next=/review&lang=ja&x=%3Cb%3E",
                                  "/requests/new?site=test", "/transparency?site=test"])
def test_the_language_link_stays_on_the_page_it_is_on(client, path):
    """The other language's link is the page's own query (relative): it named the request's path, and a 404 for
    /\\evil.example/x linked to /\\evil.example/x?lang=en, which a browser opens as //evil.example/x."""
    [link] = re.findall(r'class="lang-switch" href="([^"]*)"', client.get(path).text)
    assert link.startswith("?") and "lang=en" in link and "evil" not in link, link
