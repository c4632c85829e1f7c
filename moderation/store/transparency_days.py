"""Per-UTC-day counts of a site's comment audit for the transparency report, summarised once a day is over.

A report of a year read up to a million audit entries per request (35 s, past gunicorn's timeout) and
counted too few once the stream was trimmed; a finished day's counts never change, so they are kept here,
one JSON value per day (a few hundred bytes), and a report reads only the days not summarised yet.
"""

import json

from moderation.store.keys import KeySpace


class TransparencyDays:
    """The HASH P{S}:tr:days: YYYYMMDD -> the day's counts as JSON (written by rights/transparency.py)."""

    def __init__(self, redis, site, prefix="mod:"):
        self.redis = redis
        self.key = KeySpace(prefix).site(site, "tr", "days")

    def get(self, days):
        """{day: counts} of the given YYYYMMDD days that are summarised."""
        if not days:
            return {}
        values = self.redis.hmget(self.key, days)
        return {day: json.loads(value) for day, value in zip(days, values, strict=True) if value is not None}

    def put(self, counts_by_day):
        """Keep finished days' counts (the same counts again if two reports summarise a day at once)."""
        if counts_by_day:
            self.redis.hset(self.key, mapping={day: json.dumps(counts, ensure_ascii=False, separators=(",", ":"))
                                               for day, counts in counts_by_day.items()})


def get_transparency_days(site):
    """The TransparencyDays of a site on the app's Redis."""
    from moderation import settings
    from moderation.store.client import get_redis

    return TransparencyDays(get_redis(), site, prefix=settings.get().redis_prefix)
