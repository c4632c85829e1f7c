"""The removal requests' clock: wall time, or the one a test puts in app.extensions["moderation.clock"]."""

from moderation.times import app_now_ms as now_ms

__all__ = ["DAY_MS", "now_ms"]

DAY_MS = 86_400_000

