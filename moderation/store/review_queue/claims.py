"""Claims: a moderator's leases on queued comments (claim, skip, release on leaving)."""

import time

from moderation.errors import Conflict, NotFound
from moderation.store.review_queue.recording_lua import CLAIMED


def _ascii_lower(text):
    """Lower-case ASCII letters only, as Lua's string.lower does, so the page's filter and the script's agree."""
    return text.translate(_ASCII_LOWER)


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


class Claims:
    """ReviewQueue's leases: claim with filters, expired leases first; release one or all."""

    def claim(self, moderator, n=10, *, order="risk", label="", article_id="", scan=2000, skip=frozenset(),
              via="", via_until=0):
        """Lease up to n items to a moderator (their live claims first); expired leases return first. `via`: the id
        of the API token claiming (none for the review page), so that revoking it gives back what it took; what it
        takes is leased at most until `via_until` (ms; 0: never), when the token runs out.

        Ids in `skip` (what this moderator just skipped) are never candidates, so they are not leased even for a
        moment and another moderator can take them meanwhile.

        Reads what to claim first (expired leases and their holders, the moderator's claims, candidates that
        match the filters within `scan` of the index), then one script re-checks and claims them with every key
        declared; another moderator taking the same candidates meanwhile costs one more round.
        """
        for _ in range(4):
            pipe = self.redis.pipeline(transaction=False)
            pipe.zrangebyscore(self.key("claims"), "-inf", int(time.time() * 1000), start=0, num=100)
            pipe.zrange(self.held_key(moderator), 0, n - 1)
            expired, held = pipe.execute()
            holders = [holder or "" for holder in self._field(expired, "claimed_by")]
            candidates = self._candidates(order != "risk", 2 * (n - len(held)), label, article_id, scan, skip) \
                if len(held) < n else []
            ids = self._claim(
                keys=[self.key("ready"), self.key("open"), self.key("claims"), self.key("audit"),
                      self.held_key(moderator), *map(self.record_key, held), *map(self.record_key, expired),
                      *map(self.held_key, holders), *map(self.record_key, candidates)],
                args=[moderator, n, self.lease_ms, label or "", article_id or "", len(held), len(expired),
                      len(candidates), *held, *expired, *holders, *candidates, via, via_until],
            )
            if len(ids) >= n or (not expired and len(ids) >= len(held) + len(candidates)):
                break  # enough, or nothing came back to the queue and no one raced us for the candidates
        return [c for c in (self.get(i) for i in ids) if c is not None]

    def _field(self, ids, name):
        pipe = self.redis.pipeline(transaction=False)
        for comment_id in ids:
            pipe.hget(self.record_key(comment_id), name)
        return pipe.execute() if ids else []

    def _head(self, age, start, stop):
        """The ids start..stop-1 of the claim's order: `ready` by risk, or by arrival the ready part of `open` (below
        CLAIMED: recording_lua), so that claimed comments at the head of the queue are never read past."""
        if stop <= start:
            return []
        if not age:
            return self.redis.zrange(self.key("ready"), start, stop - 1)
        return self.redis.zrangebyscore(self.key("open"), "-inf", f"({CLAIMED}", start=start, num=stop - start)

    def _candidates(self, age, want, label, article_id, scan, skip, page=200):
        """Up to `want` ids from the head of the claim's order (age: oldest first, else by risk), not in `skip`,
        whose labels and article match, looking at most `scan`.

        The article filter is an article id prefix or part of the title (case-insensitive for ASCII, as the
        claim script checks it again)."""
        if not label and not article_id:
            head = self._head(age, 0, min(want + len(skip), scan))
            return [i for i in head if i not in skip][:want]
        out = []
        for start in range(0, scan, page):
            ids = self._head(age, start, min(start + page, scan))
            pipe = self.redis.pipeline(transaction=False)
            for comment_id in ids:
                pipe.hmget(self.record_key(comment_id), "labels", "article_id", "article_title")
            for comment_id, (labels, article, title) in zip(ids, pipe.execute() if ids else [], strict=True):
                if comment_id not in skip and (not label or f'"{label}"' in (labels or "")) and (
                        not article_id or (article or "").startswith(article_id)
                        or _ascii_lower(article_id) in _ascii_lower(title or "")):
                    out.append(comment_id)
                    if len(out) >= want:
                        return out
            if len(ids) < page:
                break
        return out

    def release(self, comment_id, moderator, *, force=False, reason=""):
        """Skip: give a claimed item back to the queue (force: an admin releasing someone else's claim)."""
        for _ in range(5):  # the claim changed hands between our read and the script: read again
            holder = (self.redis.hget(self.record_key(comment_id), "claimed_by") or "") if force else moderator
            result = self._release(
                keys=[self.record_key(comment_id), self.key("ready"), self.key("open"), self.key("claims"),
                      self.key("audit"), self.held_key(holder)],
                args=[comment_id, moderator, "1" if force else "0", reason, holder],
            )
            if result != "retry":
                break
        if result == "not_found":
            raise NotFound("no such comment", "id")
        if result == "not_held":
            raise Conflict("this comment is not claimed by you", "id", code="not_claimed")

    def release_held(self, moderator, reason="away", *, via=""):
        """Every claim a moderator holds goes back to the queue (tab closed, idle, logged out), or with `via` only
        those that API token took ("*": any token's; it was revoked); returns how many."""
        ids = self.redis.zrange(self.held_key(moderator), 0, -1)
        if not ids:
            return 0
        return int(self._release_held(
            keys=[self.held_key(moderator), self.key("ready"), self.key("open"), self.key("claims"),
                  self.key("audit"), *map(self.record_key, ids)],
            args=[moderator, reason, via, *ids],
        ))
