"""Articles: one site's article registry, each article's comment window and its circuit breaker's mode.

The window counts live in ring slots (SLOTS of them, each window_seconds / SLOTS wide), so an article's
counters take a fixed amount of memory however many comments it draws. The review queue's SUBMIT counts a
comment and runs the breaker in the same round trip as it stores the comment (its Lua is composed with BREAKER).
"""

import json
import math

from moderation.settings import json_object
from moderation.store.append_only import AppendOnly
from moderation.store.breaker_lua import CHECK, NEVER, SET_MODE, SLOTS
from moderation.store.keys import KeySpace
from moderation.store.master_pipeline import NO_REPLICAS

MODES = ("open", "premoderated", "closed")
DEFAULTS = {"window_seconds": 600, "min_comments": 20, "premoderate_share": 0.3, "close_share": 0.5,
            "cooldown_seconds": 1800, "release_ratio": 0.5, "enabled": True}
_INTEGERS = ("window_seconds", "min_comments", "cooldown_seconds")


def _config(entry, where):
    out = dict(DEFAULTS)
    for name, value in entry.items():
        if name not in DEFAULTS:
            raise ValueError(f"{where}: unknown field {name!r} ({', '.join(DEFAULTS)})")
        if name == "enabled":
            if not isinstance(value, bool):
                raise ValueError(f"{where}.enabled must be true or false")
            out[name] = value
            continue
        if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
            raise ValueError(f"{where}.{name} must be a number >= 0")
        out[name] = int(value) if name in _INTEGERS else float(value)
    if out["window_seconds"] < 1:
        raise ValueError(f"{where}.window_seconds must be at least 1")
    if not 0 < out["premoderate_share"] <= out["close_share"] <= 1 or not 0 < out["release_ratio"] <= 1:
        raise ValueError(f"{where}: needs 0 < premoderate_share <= close_share <= 1 and 0 < release_ratio <= 1")
    return out


class BreakerConfig:
    """MODERATION_ARTICLE_BREAKER: fields at the top, "categories": {name: fields}, "sites": {site: {fields,
    "categories": {...}}}. Layers, each over the one before: defaults, top, top category, site, site category."""

    def __init__(self, spec):
        top = dict(json_object(spec, "ARTICLE_BREAKER"))
        sites = _object(top.pop("sites", {}), "sites")
        top_cats = _object(top.pop("categories", {}), "categories")
        self.default = self._layer([top], top_cats, {}, "")
        self.sites = {}
        for site, entry in sites.items():
            entry = dict(_object(entry, f"sites.{site}"))
            cats = _object(entry.pop("categories", {}), f"sites.{site}.categories")
            self.sites[str(site)] = self._layer([top, entry], top_cats, cats, f"sites.{site}.")

    @staticmethod
    def _layer(layers, top_cats, site_cats, where):
        own = _config({k: v for layer in layers for k, v in layer.items()}, where or "top")
        categories = {}
        for name in {*top_cats, *site_cats}:
            merged = {**layers[0], **_object(top_cats.get(name, {}), f"categories.{name}")}
            for layer in layers[1:]:
                merged.update(layer)
            merged.update(_object(site_cats.get(name, {}), f"{where}categories.{name}"))
            categories[str(name)] = _config(merged, f"{where}categories.{name}")
        return own, categories

    def for_site(self, site, category=None):
        """The configuration of one site's articles of one category (the site's own when it has none)."""
        own, categories = self.sites.get(site, self.default)
        return categories.get(category, own) if category else own


def _object(value, where):
    if not isinstance(value, dict):
        raise ValueError(f"{where} must be a JSON object")
    return value


def lua_numbers(config):
    """The six numbers the Lua takes, in its order (times in ms)."""
    width = max(1, math.ceil(config["window_seconds"] * 1000 / SLOTS))
    least = config["min_comments"] if config["enabled"] else NEVER
    return [width, least, config["premoderate_share"], config["close_share"], int(config["cooldown_seconds"] * 1000),
            config["release_ratio"]]


def lua_number(value):
    """A number as Lua source that reads back as tonumber(str(value)) did (inf and nan have no literal)."""
    return str(value) if math.isfinite(value) else f"tonumber('{value}')"


def lua_table(numbers):
    return "{" + ", ".join(map(lua_number, numbers)) + "}"


def lua_string(text):
    """Any text as a Lua string literal: every byte but letters and digits as a decimal escape."""
    return '"' + "".join(chr(b) if chr(b).isascii() and chr(b).isalnum() else f"\\{b:03d}"
                         for b in str(text).encode()) + '"'


def parse_breaker(spec):
    return spec if isinstance(spec, BreakerConfig) else BreakerConfig(spec)


class Articles:
    """One site's articles: metadata and mode (HASH), the comment window (HASH of ring slots) and an index of
    articles by their first comment in the breaker's latest bucket (ZSET, the latest MAX_INDEXED)."""

    MAX_INDEXED = 10_000
    FIELDS = ("title", "url", "category", "published_at")

    def __init__(self, redis, site, prefix="mod:", config=None, replicas=NO_REPLICAS):
        self.redis, self.site = redis, site
        self.keys = KeySpace(prefix)
        self.config = config or BreakerConfig({"enabled": False})
        self._meta, self._window = self.keys.site(site, "art", ""), self.keys.site(site, "artw", "")
        self.written = AppendOnly(redis, replicas)  # an article's fields and a person's mode: once in the file
        self._set_mode = self.written.script(SET_MODE)
        self._check = redis.register_script(CHECK)

    def meta_key(self, article_id):
        return self.keys.site(self.site, "art", article_id)

    def window_key(self, article_id):
        return self.keys.site(self.site, "artw", article_id)

    def index_key(self):
        return self.keys.site(self.site, "articles")

    def submit_constants(self):
        """The site's breaker as Lua for its SUBMIT script: the article's meta and window keys less the article id
        (K_ART, K_ARTW: SUBMIT adds the id its record carries), ART_CFG (the six numbers) and art_category(name), a
        category's own six numbers or nil (built only for the comment's category, not per call for them all)."""
        own, categories = self.config.sites.get(self.site, self.config.default)
        lines = [f"local K_ART, K_ARTW = {lua_string(self._meta)}, {lua_string(self._window)}",
                 f"local ART_CFG = {lua_table(lua_numbers(own))}", "local function art_category(name)"]
        lines += [f"  if name == {lua_string(name)} then return {lua_table(lua_numbers(fields))} end"
                  for name, fields in categories.items()]
        return "\n".join([*lines, "  return nil", "end", ""])

    def put(self, article_id, fields, *, now_ms):
        """Register or update an article's title, url, category and published_at (None leaves one as it is)."""
        values = {name: value for name, value in fields.items() if name in self.FIELDS and value is not None}
        pipe = self.redis.pipeline(transaction=True)
        pipe.hsetnx(self.meta_key(article_id), "created_at", now_ms)
        pipe.hset(self.meta_key(article_id), mapping={**values, "updated_at": now_ms})
        pipe.zadd(self.index_key(), {article_id: now_ms}, nx=True)
        pipe.execute()
        self.written.after(self.meta_key(article_id))

    def set_mode(self, article_id, mode, by, *, now_ms, reason=""):
        """A person's mode: the breaker's floor from now on; returns the previous mode."""
        if mode not in MODES:
            raise ValueError(f"unknown mode {mode!r}")
        return self._set_mode(keys=[self.meta_key(article_id), self.window_key(article_id),
                                    self.keys.site(self.site, "audit"), self.keys.events(self.site)],
                              args=[article_id, mode, by, now_ms, reason or ""])

    def check(self, article_id, *, now_ms):
        """Run the breaker without a comment (an ended cool-down steps the mode down); returns (mode, previous)."""
        category = self.redis.hget(self.meta_key(article_id), "category")
        mode, prev = self._check(keys=[self.meta_key(article_id), self.window_key(article_id),
                                       self.keys.site(self.site, "audit"), self.keys.events(self.site)],
                                 args=[article_id, now_ms, *lua_numbers(self.config.for_site(self.site, category))])
        return mode, prev or None

    def get(self, article_id, *, now_ms):
        """The article's fields, mode, who set it, and its window's counts; None when never seen."""
        pipe = self.redis.pipeline(transaction=False)
        pipe.hgetall(self.meta_key(article_id))
        pipe.hgetall(self.window_key(article_id))
        meta, window = pipe.execute()
        if not meta and not window:
            return None
        config = self.config.for_site(self.site, meta.get("category"))
        return {
            "id": article_id, **{name: meta.get(name) for name in self.FIELDS},
            "mode": meta.get("mode") or "open", "set_by": meta.get("set_by") or None,
            "set_by_name": meta.get("set_by_name") or None, "floor": meta.get("floor") or "open",
            "mode_changed_at": int(meta["mode_at"]) if meta.get("mode_at") else None,
            "window": window_counts(window, now_ms, config), "breaker": config,
        }

    def title_and_url(self, article_id):
        """(title, url) the site registered for the article, each None when not given: one HMGET."""
        return tuple(self.redis.hmget(self.meta_key(article_id), "title", "url"))

    def category(self, article_id):
        """The registered category (None without one): one HGET, cached per worker by scoring/article_categories."""
        return self.redis.hget(self.meta_key(article_id), "category")

    def recent(self, count=100):
        """Article ids by their first comment in the latest bucket, newest first (the articles page)."""
        return self.redis.zrevrange(self.index_key(), 0, count - 1)


def window_counts(window, now_ms, config):
    """Comments, flagged comments, flagged share and harm counts in the window, from the ring slots' hash (slots
    whose bucket has left the window by now are left out, as the Lua would drop them at the next comment)."""
    width = lua_numbers(config)[0]
    current, last = now_ms // width, int(window.get("cur", -1))
    comments = flagged = 0
    harms = {}
    for slot in range(SLOTS):
        bucket = last - (last - slot) % SLOTS  # the bucket this slot holds: in (last - SLOTS, last]
        if last < 0 or bucket <= current - SLOTS or f"n{slot}" not in window:
            continue
        comments += int(window[f"n{slot}"])
        flagged += int(window.get(f"f{slot}", 0))
        for name, n in json.loads(window.get(f"h{slot}") or "{}").items():
            harms[name] = harms.get(name, 0) + int(n)
    return {"seconds": config["window_seconds"], "comments": comments, "flagged": flagged,
            "flagged_share": round(flagged / comments, 3) if comments else 0.0, "harms": harms}
