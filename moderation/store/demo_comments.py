"""DemoComments: the demo article page's own comment store (make run), as a news site's backend keeps one."""

import json

from moderation.store import connection
from moderation.store.keys import KeySpace

SEEN_DAYS = 30


class DemoComments:
    """Comment id -> JSON item in one hash, and the webhook event ids already applied."""

    def __init__(self, redis, site, prefix="mod:"):
        self.redis = redis
        keys = KeySpace(prefix)
        self.comments, self.seen = keys.demo(site, "comments"), keys.demo(site, "seen")

    def all(self):
        return [json.loads(value) for value in self.redis.hgetall(self.comments).values()]

    def get(self, comment_id):
        stored = self.redis.hget(self.comments, comment_id)
        return json.loads(stored) if stored else None

    def put(self, item):
        self.redis.hset(self.comments, item["id"], json.dumps(item, ensure_ascii=False))

    def first_sighting(self, event_id):
        """True the first time an event id is seen (receivers de-duplicate on it), then False."""
        if not self.redis.sadd(self.seen, event_id):
            return False
        self.redis.expire(self.seen, SEEN_DAYS * 86400)
        return True


def get_demo_comments(site):
    redis, prefix = connection()
    return DemoComments(redis, site, prefix)
