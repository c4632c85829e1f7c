"""The article registry's category for a comment that names none, remembered per worker for a short while.

A category policy (MODERATION_CATEGORY_POLICIES) is chosen before the comment is stored, so the registry's
category (PUT /api/v1/articles/<id>, or learned from an earlier comment's article_category) is read ahead of
the submit's round trip: once per article and worker every TTL_SECONDS (30 s), not once per comment. A category
changed in the registry applies within that time. Nothing is read when no category has a rule.
"""

import threading
import time

from flask import current_app

from moderation.store import RedisError

TTL_SECONDS = 30.0
MAX_ARTICLES = 10_000  # a worker remembers at most this many articles (then starts afresh)


class ArticleCategories:
    """(site, article id) -> registered category, each for TTL_SECONDS; a Redis error reads as no category."""

    def __init__(self, lookup, ttl=TTL_SECONDS, clock=time.monotonic):
        self.lookup = lookup  # (site, article_id) -> category or None
        self.ttl = ttl
        self.clock = clock
        self._known = {}
        self._lock = threading.Lock()

    def of(self, site, article_id):
        now = self.clock()
        known = self._known.get((site, article_id))
        if known is not None and known[1] > now:
            return known[0]
        try:
            category = self.lookup(site, article_id) or None
        except RedisError:
            return None  # fail open: the site's thresholds, and asked again next time
        with self._lock:
            if len(self._known) >= MAX_ARTICLES:
                self._known.clear()
            self._known[(site, article_id)] = (category, now + self.ttl)
        return category


def _registered(site, article_id):
    from moderation.store.review_queue import get_queue

    return get_queue(site).articles.category(article_id)


def article_category(site, comment, rules):
    """The comment's own article_category, else (only when some category has a rule) the registry's."""
    if comment.get("article_category") or not rules:
        return comment.get("article_category")
    categories = current_app.extensions.get("moderation.article_categories")
    if categories is None:
        categories = current_app.extensions.setdefault("moderation.article_categories",
                                                       ArticleCategories(_registered))
    return categories.of(site, comment["article_id"])
