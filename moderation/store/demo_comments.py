"""DemoComments: the demo article page's own comment store (make run), as a news site's backend keeps one."""

import json

from moderation.store import connection
from moderation.store.keys import KeySpace

SEEN_DAYS = 30

# Compare-and-set one comment: KEYS[1] the comments hash; ARGV: comment id, the value read ('' for none), the new one.
_SWAP = """
if (redis.call('HGET', KEYS[1], ARGV[1]) or '') ~= ARGV[2] then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
return 1
"""


class DemoComments:
    """Comment id -> JSON item in one hash, and the webhook event ids already applied."""

    def __init__(self, redis, site, prefix="mod:"):
        self.redis = redis
        keys = KeySpace(prefix)
        self.comments, self.seen = keys.demo(site, "comments"), keys.demo(site, "seen")
        self._swap = redis.register_script(_SWAP)

    def all(self):
        return [json.loads(value) for value in self.redis.hgetall(self.comments).values()]

    def get(self, comment_id):
        stored = self.redis.hget(self.comments, comment_id)
        return json.loads(stored) if stored else None

    def update(self, comment_id, change):
        """Store change(the stored item or None) unless it returns None; atomic, so the page's post and a webhook
        for the same comment, racing, never overwrite each other (the loser reads again)."""
        while True:
            stored = self.redis.hget(self.comments, comment_id) or ""
            item = change(json.loads(stored) if stored else None)
            if item is None:
                return None
            if self._swap(keys=[self.comments], args=[comment_id, stored, json.dumps(item, ensure_ascii=False)]):
                return item

    def first_sighting(self, event_id):
        """True the first time an event id is seen (receivers de-duplicate on it), then False."""
        if not self.redis.sadd(self.seen, event_id):
            return False
        self.redis.expire(self.seen, SEEN_DAYS * 86400)
        return True


def get_demo_comments(site):
    redis, prefix = connection()
    return DemoComments(redis, site, prefix)
