"""A moderator logged in through the real /login page, with the page's CSRF token."""

import re

from moderation.store.review_queue import ReviewQueue

MODERATOR_PASSWORD = "correct-horse-1"


def csrf_of(html):
    """The CSRF token a page carries (a form field, or the meta tag the page's script reads)."""
    found = re.search(r'name="csrf_token" value="([^"]+)"', html) or re.search(
        r'name="csrf-token" content="([^"]+)"', html)
    return found.group(1)


class Moderator:
    """A test client logged in through /login, with the page's CSRF token."""

    def __init__(self, app, name, remote_addr="127.0.0.1"):
        self.client = app.test_client()
        self.name = name
        self.env = {"REMOTE_ADDR": remote_addr}
        page = self.client.get("/login", environ_base=self.env)
        response = self.client.post("/login", data={"username": name, "password": MODERATOR_PASSWORD,
                                                    "csrf_token": csrf_of(page.text)}, environ_base=self.env)
        assert response.status_code == 302, response.text
        self.csrf = csrf_of(self.client.get("/review").text)

    def get(self, path, **kwargs):
        return self.client.get(path, **kwargs)

    def post(self, path, body=None, **kwargs):
        """A JSON POST for site "test" with the CSRF header."""
        headers = {"X-CSRF-Token": self.csrf, **kwargs.pop("headers", {})}
        return self.client.post(path, json={"site": "test", **(body or {})}, headers=headers, **kwargs)

    def form(self, path, data=None, *, csrf=True, **kwargs):
        """A form POST, with the CSRF field unless csrf=False."""
        data = {**({"csrf_token": self.csrf} if csrf else {}), **(data or {})}
        return self.client.post(path, data=data, **kwargs)

    def claim(self, **body):
        response = self.post("/review/api/claim", body)
        assert response.status_code == 200, response.text
        return response.json["cards"]

    def decide(self, comment_id, action, reason=""):
        response = self.post("/review/api/decide", {"id": comment_id, "action": action, "reason": reason})
        assert response.status_code == 200, response.text


def held_comments(rdb, prefix, *ids):
    """Comments held for review on site test, ready to be claimed: the queue they are on."""
    queue = ReviewQueue(rdb, "test", prefix=prefix)
    for comment_id in ids:
        queue.submit({"id": comment_id, "article_id": "art-1", "text": "本文", "text_sha256": comment_id,
                      "author_id": "reader-1", "decision": "review", "status": "pending", "received_at": 1000,
                      "scores": {"spam": 0.1, "abuse": 0.8}, "labels": ["abuse"], "model_version": "t",
                      "risk": 0.8}, queued=True)
    return queue
