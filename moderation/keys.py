"""The one place Redis key names are built, so the layout is documented and tested in one spot.

Layout (prefix P, default ``mod:``; S is a site name from MODERATION_API_KEYS):

  P{S}:c:<comment id>      HASH   one comment's record (text, scores, status, claim, decision)
  P{S}:ready               ZSET   queued, unclaimed comments by risk rank (highest risk, then oldest first)
  P{S}:ready:age           ZSET   the same comments by arrival time (oldest first)
  P{S}:open                ZSET   queued comments not yet decided (ready or claimed), by arrival time
  P{S}:claims              ZSET   claimed comments by lease expiry (ms)
  P{S}:held:<moderator>    ZSET   one moderator's claims by lease expiry (ms)
  P{S}:author:<author id>  HASH   an author's history: submitted, approved, rejected
  P{S}:stats               HASH   counters: open:<label>, submitted:<decision>, decided:<outcome>
  P{S}:audit               STREAM every queue transition: who, when, from, to, reason
  P{S}:events              STREAM status changes the site hears about (queued, approved, rejected, ...)
  Pmoderator:<name>        HASH   a moderator account (name, role, scrypt password hash)

Every key of one site carries the hash tag {S}, so the multi-key Lua scripts run on Redis Cluster too.
"""

import re

SITE_RE = re.compile(r"^[A-Za-z0-9_.-]{1,64}$")


class KeySpace:
    """Builds every key under one prefix; site names are checked so a hash tag can never be broken."""

    def __init__(self, prefix="mod:"):
        self.prefix = prefix

    def site(self, site, *parts):
        if not SITE_RE.match(site):
            raise ValueError(f"invalid site name {site!r}: letters, digits, '_', '-', '.' only")
        return ":".join([f"{self.prefix}{{{site}}}", *parts])

    def plain(self, *parts):
        return self.prefix + ":".join(parts)
