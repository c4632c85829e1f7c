"""The site's article registry: register an article, set its comment section's mode, read its breaker's state."""

import time

from flask import Blueprint, g, jsonify, request

from moderation.api.api_keys import require_api_key
from moderation.api.validation import (
    CONTROL_RE,
    SLUG_RE,
    check_date_time,
    check_http_url,
    parse_json_body,
    string_field,
)
from moderation.errors import NotFound, ValidationError
from moderation.store.articles import MODES
from moderation.store.rate_limits import get_limiter
from moderation.store.review_queue import get_queue
from moderation.times import app_now_ms, iso

bp = Blueprint("articles_api", __name__, url_prefix="/api/v1/articles")


def _article_id(article_id):
    if not 1 <= len(article_id) <= 256 or CONTROL_RE.search(article_id):
        raise ValidationError("article id must be 1-256 characters without control characters", "article_id")
    return article_id


def parse_article(body):
    """The checked fields of PUT /api/v1/articles/<id>; every field optional."""
    fields = {
        "title": string_field(body, "title", max_len=300),
        "url": string_field(body, "url", max_len=2048),
        "category": string_field(body, "category", max_len=64),
        "published_at": string_field(body, "published_at", max_len=64),
    }
    if fields["title"] is not None and CONTROL_RE.search(fields["title"]):
        raise ValidationError("title contains control characters", "title", code="invalid_text")
    if fields["category"] is not None and not SLUG_RE.match(fields["category"]):
        raise ValidationError("category must be a slug: a-z, 0-9, '_' or '-', 1-64 characters", "category",
                              code="invalid_format")
    check_http_url(fields["url"], "url")
    check_date_time(fields["published_at"], "published_at")
    mode = body.get("mode")
    if mode is not None and mode not in MODES:
        raise ValidationError(f"mode must be one of {', '.join(MODES)}", "mode")
    by = string_field(body, "by", max_len=128)
    note = string_field(body, "note", max_len=500)
    return fields, mode, by, note


def article_view(article):
    """What the site sees of an article: fields, mode, who set it and the breaker's window."""
    changed = article["mode_changed_at"]
    return {**article, "mode_changed_at": iso(changed) if changed else None}


@bp.put("/<path:article_id>")
@require_api_key
def put_article(article_id):
    """Register or update an article; with `mode`, a person's mode the breaker never goes below."""
    article_id = _article_id(article_id)
    fields, mode, by, note = parse_article(parse_json_body(request))
    get_limiter().check(g.site, [("key", "all", 1)], now=time.time())
    articles, now = get_queue(g.site).articles, app_now_ms()
    articles.put(article_id, fields, now_ms=now)
    if mode is not None:
        articles.set_mode(article_id, mode, by or f"api:{g.site}", now_ms=now, reason=note or "")
    return jsonify(article_view(articles.get(article_id, now_ms=now)))


@bp.get("/<path:article_id>")
@require_api_key
def get_article(article_id):
    article_id = _article_id(article_id)
    articles, now = get_queue(g.site).articles, app_now_ms()
    articles.check(article_id, now_ms=now)  # a cool-down that ended steps the mode down now, not at the next comment
    article = articles.get(article_id, now_ms=now)
    if article is None:
        raise NotFound(f"no article with id {article_id!r} for this site", "article_id")
    return jsonify(article_view(article))
