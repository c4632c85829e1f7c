"""The articles page: the site's recent articles by heat in the breaker's window, their comment mode and who
set it, buttons that set it (CSRF, audited, the site hears it by webhook) and a link to the queue of one."""

import hashlib

from flask import abort, flash, redirect, render_template, request, url_for

from moderation.pages import i18n
from moderation.pages.cards import format_time, inert
from moderation.pages.charts import heat_bar
from moderation.pages.desk import site_of, visible_sites
from moderation.pages.login import csrf_token, current_moderator, page_login_required, require_csrf
from moderation.pages.setup import page_blueprint
from moderation.store.articles import MODES
from moderation.store.review_queue import get_queue
from moderation.times import app_now_ms

bp = page_blueprint("articles", __name__, url_prefix="/review")

RECENT = 200  # articles with the latest comments looked at; the page lists the hottest SHOWN of them
SHOWN = 100


def heat(article):
    """Hotter first: more flagged comments in the window, then a larger flagged share, then more comments."""
    window = article["window"]
    return (window["flagged"], window["flagged_share"], window["comments"])


def _row(site, article):
    """What one table row shows; every text from the site (title, id, names) stays data, never markup."""
    window, breaker = article["window"], article["breaker"]
    changed = format_time(article["mode_changed_at"]) if article.get("mode_changed_at") else ("", "")
    return {
        "id": article["id"], "title": inert(article.get("title") or ""),
        "category": inert(article.get("category") or ""), "mode": article["mode"], "set_by": article.get("set_by"),
        "set_by_name": inert(article.get("set_by_name") or ""), "changed_iso": changed[0], "changed": changed[1],
        "comments": window["comments"], "flagged": window["flagged"], "share": window["flagged_share"],
        "window_minutes": round(window["seconds"] / 60), "min_comments": breaker.get("min_comments"),
        "chart": heat_bar(window["flagged_share"], breaker.get("premoderate_share"), breaker.get("close_share"),
                          i18n.translate("articles.chart_label", flagged=window["flagged"],
                                         comments=window["comments"])),
        "anchor": f"a-{_anchor(article['id'])}",
        "queue_url": url_for("review.queue_page", site=site, article=article["id"]),
    }


@bp.get("/articles")
@page_login_required
def articles_page():
    site = site_of(request.args.get("site"), json_errors=False)
    articles = get_queue(site).articles
    now = app_now_ms()
    found = []
    for article_id in articles.recent(RECENT):
        article = articles.get(article_id, now_ms=now)
        if article is not None and article["mode"] != "open":  # an ended cool-down steps down before it is shown
            articles.check(article_id, now_ms=now)
            article = articles.get(article_id, now_ms=now)
        if article is not None:
            found.append(article)
    rows = [_row(site, a) for a in sorted(found, key=heat, reverse=True)[:SHOWN]]
    breaker_on = bool(articles.config.for_site(site, None).get("enabled"))
    return render_template("review/articles.html", moderator=current_moderator(), site=site, sites=visible_sites(),
                           rows=rows, modes=MODES, csrf=csrf_token(), inert=inert, breaker_on=breaker_on)


@bp.post("/articles/mode")
@page_login_required
def set_mode():
    """A person sets an article's mode: the breaker's floor from now on; audited, and the site's webhook hears it."""
    require_csrf(json_errors=False)
    site = site_of(request.form.get("site"), json_errors=False)
    article_id, mode = request.form.get("article") or "", request.form.get("mode")
    if mode not in MODES or not 1 <= len(article_id) <= 256:
        abort(400)
    articles = get_queue(site).articles
    now = app_now_ms()
    if articles.get(article_id, now_ms=now) is None:
        abort(404)
    articles.set_mode(article_id, mode, current_moderator()["name"], now_ms=now,
                      reason=(request.form.get("reason") or "").strip()[:200])
    flash(i18n.translate("articles.changed", mode=i18n.translate(f"articles.mode.{mode}")), "ok")
    return redirect(url_for("articles.articles_page", site=site, _anchor=f"a-{_anchor(article_id)}"))


def _anchor(article_id):
    """A row's fragment id from a digest of the article id, so any id (markup, spaces, bidi) gives a safe one."""
    return hashlib.sha256(article_id.encode("utf-8", "surrogatepass")).hexdigest()[:16]
