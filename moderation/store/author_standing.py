"""AuthorStanding: one site's authors' strikes and standing (good, warned, premoderated, suspended; trusted).

Strikes come from rejections, weighted by category (the model's rejections at submit, a moderator's reject
decisions); each one counts for decay_days. The review queue's SUBMIT and DECIDE apply them in the same round
trip as the comment (their Lua is composed with STANDING); a person's standing (PUT /api/v1/authors/<id>) is a
floor the strikes never take an author below.
"""

from moderation.labels import CATEGORIES, LABELS
from moderation.settings import json_object
from moderation.store.append_only import AppendOnly
from moderation.store.articles import lua_string, lua_table
from moderation.store.keys import KeySpace
from moderation.store.master_pipeline import NO_REPLICAS

LEVELS = ("good", "warned", "premoderated", "suspended", "trusted")
MAX_STRIKES = 200  # kept per author (the newest); older ones are dropped before they decay
DEFAULT_WEIGHTS = {"spam": 3, "threat": 3, "abuse": 1, "hate": 2, "harassment": 1, "sexual": 2, "self_harm": 1,
                   "personal_info": 2, "defamation": 2, "other": 1}
DEFAULTS = {"warned": 3, "premoderated": 6, "suspended": 10, "suspend_days": 7, "decay_days": 30, "enabled": True,
            "trusted_review_scale": 1.0}

# Lua helpers. cfg: {warned points, premoderated points, suspended points, suspension ms, decay ms}. A strike is a
# ZSET member "<comment id>|<weight>" scored by its time. author_standing() decays old strikes, adds this one,
# suspends on a strike that reaches the suspension points, ends a suspension whose time has come, keeps a person's
# floor, and on a change writes the audit entry and the author.standing_changed event. Returns level, until ms,
# the previous level when it changed, and the standing's {level, until, floor, next_decay} as the call leaves them:
# a second call in the same script (SUBMIT's strike after its check) takes them as `s` instead of reading them again
# (an HMGET less a rejected comment with an author).
STANDING = f"local MAX_STRIKES = {MAX_STRIKES}\n" + """
local STANDING_RANK = {good = 0, trusted = 0, warned = 1, premoderated = 2, suspended = 3}
-- Decayed strikes go first, then all but the newest MAX_STRIKES (trimmed only when there are more: one call less
-- per strike); the points and the oldest kept strike's time. due: the standing's next_decay has come (a strike has
-- decayed): removed before reading; else the oldest strike read says whether one has (removed then, read again), so a
-- strike with none decayed (most) makes no ZREMRANGEBYSCORE that removes nothing (a command a strike, session 48).
local function author_points(zkey, now, decay, due)
  if due then redis.call('ZREMRANGEBYSCORE', zkey, '-inf', '(' .. (now - decay)) end
  local all = redis.call('ZRANGE', zkey, 0, -1, 'WITHSCORES')
  local oldest = all[2] and tonumber(all[2])
  if oldest and oldest < now - decay then
    redis.call('ZREMRANGEBYSCORE', zkey, '-inf', '(' .. (now - decay))
    all = redis.call('ZRANGE', zkey, 0, -1, 'WITHSCORES')
    oldest = all[2] and tonumber(all[2])
  end
  local first = 1
  if #all > 2 * MAX_STRIKES then
    redis.call('ZREMRANGEBYRANK', zkey, 0, -(MAX_STRIKES + 1))
    first = #all - 2 * MAX_STRIKES + 1
    oldest = tonumber(all[first + 1])
  end
  local points = 0
  for i = first, #all, 2 do
    points = points + tonumber(string.match(all[i], '|(%d+)$') or '1')
  end
  return points, oldest
end
local function author_standing(skey, zkey, akey, events, author, now, cfg, weight, member, by, why, s)
  s = s or redis.call('HMGET', skey, 'level', 'until', 'floor', 'next_decay')
  local level, untl, floor, next_decay = s[1] or 'good', tonumber(s[2]) or 0, s[3] or '', tonumber(s[4]) or 0
  local expired = level == 'suspended' and untl > 0 and now >= untl
  if weight == 0 and not expired and (next_decay == 0 or now < next_decay) then return level, untl, nil, s end
  if weight > 0 then redis.call('ZADD', zkey, now, member) end
  local points, oldest = author_points(zkey, now, cfg[5], next_decay ~= 0 and now >= next_decay)
  local new, new_until = 'good', 0
  if points >= cfg[2] then new = 'premoderated' elseif points >= cfg[1] then new = 'warned' end
  if level == 'suspended' and not expired then
    new, new_until = 'suspended', untl
  elseif weight > 0 and points >= cfg[3] then
    new, new_until = 'suspended', now + cfg[4]
    redis.call('HSET', skey, 'cause', member)  -- the strike that started it: undoing that one ends it (REOPEN)
  elseif expired and untl == 1 and points >= cfg[3] then
    -- REOPEN undid the strike that started it and those left still reach the mark: the suspension the newest of them
    -- would have started, if it has not run out
    local last = redis.call('ZRANGE', zkey, -1, -1, 'WITHSCORES')
    if now < tonumber(last[2]) + cfg[4] then
      new, new_until = 'suspended', tonumber(last[2]) + cfg[4]
      redis.call('HSET', skey, 'cause', last[1])
    end
  end
  if floor ~= '' and STANDING_RANK[floor] >= STANDING_RANK[new] and new ~= 'suspended' then new = floor end
  if oldest then next_decay = oldest + cfg[5] else next_decay = 0 end
  if new == level then
    redis.call('HSET', skey, 'level', new, 'until', new_until, 'points', points, 'next_decay', next_decay)
  else
    redis.call('HSET', skey, 'level', new, 'until', new_until, 'points', points, 'next_decay', next_decay,
      'set_by', by, 'at', now)
  end
  if oldest then redis.call('PEXPIRE', skey, math.max(cfg[5], new_until - now) + 86400000) end
  s = {new, new_until, floor, next_decay}
  if new == level then return new, new_until, nil, s end
  redis.call('XADD', akey, 'MAXLEN', '~', 1000000, '*', 'id', '', 'action', 'author_standing', 'from', level,
    'to', new, 'by', by, 'reason', why, 'at', now, 'article_id', '', 'author_id', author)
  redis.call('XADD', events, 'MAXLEN', '~', 1000000, '*', 'type', 'author.standing_changed', 'id', '',
    'status', new, 'by', by, 'reason', '', 'at', now, 'data', cjson.encode({author_id = author, standing = new,
      previous = level, ['until'] = new_until, strikes = points, set_by = by}))
  return new, new_until, level, s
end
"""

# A person's standing. KEYS: standing, strikes, audit, events. ARGV: author, level, until ms (0: none), by, note,
# now. good and trusted forgive the strikes; warned and premoderated become a floor; suspended lasts until `until`
# (0: until a person changes it). Returns the previous level.
SET = """
local prev = redis.call('HGET', KEYS[1], 'level') or 'good'
local level, untl = ARGV[2], tonumber(ARGV[3])
local floor = ''
if level == 'good' or level == 'trusted' then redis.call('DEL', KEYS[2]) end
if level ~= 'good' and level ~= 'suspended' then floor = level end
if level == 'suspended' then floor = redis.call('HGET', KEYS[1], 'floor') or '' end
local points = redis.call('ZCARD', KEYS[2]) > 0 and (redis.call('HGET', KEYS[1], 'points') or '0') or '0'
redis.call('PERSIST', KEYS[1])
redis.call('HSET', KEYS[1], 'level', level, 'until', untl, 'floor', floor, 'note', ARGV[5], 'set_by', 'person',
  'set_by_name', ARGV[4], 'at', ARGV[6], 'points', points, 'next_decay', 1)
redis.call('XADD', KEYS[3], 'MAXLEN', '~', 1000000, '*', 'id', '', 'action', 'author_standing', 'from', prev,
  'to', level, 'by', ARGV[4], 'reason', ARGV[5], 'at', ARGV[6], 'article_id', '', 'author_id', ARGV[1])
if prev ~= level then
  redis.call('XADD', KEYS[4], 'MAXLEN', '~', 1000000, '*', 'type', 'author.standing_changed', 'id', '',
    'status', level, 'by', ARGV[4], 'reason', ARGV[5], 'at', ARGV[6], 'data', cjson.encode({author_id = ARGV[1],
      standing = level, previous = prev, ['until'] = untl, set_by = 'person', note = ARGV[5]}))
end
return prev
"""

# Read with decay and an ended suspension applied (GET). KEYS: standing, strikes, audit, events. ARGV: author, now,
# then the five numbers. Returns {level, until}.
CHECK = STANDING + """
local cfg = {}
for i = 3, 7 do cfg[#cfg + 1] = tonumber(ARGV[i]) end
local level, untl = author_standing(KEYS[1], KEYS[2], KEYS[3], KEYS[4], ARGV[1], tonumber(ARGV[2]), cfg, 0, '',
  'strikes', 'decay')
return {level, tostring(untl)}
"""


class StandingConfig:
    """MODERATION_AUTHOR_STANDING: {"weights": {category: points}, "warned", "premoderated", "suspended" (points),
    "suspend_days", "decay_days", "sites": {site: {the same}}}; a site's fields override the top's."""

    def __init__(self, spec):
        top = dict(json_object(spec, "AUTHOR_STANDING"))
        sites = top.pop("sites", {}) or {}
        if not isinstance(sites, dict):
            raise ValueError("sites must be a JSON object")
        self.default = self._check(top, "top", {**DEFAULTS, "weights": dict(DEFAULT_WEIGHTS)})
        self.sites = {str(site): self._check(entry, f"sites.{site}", self.default) for site, entry in sites.items()}

    @staticmethod
    def _check(entry, where, base):
        if not isinstance(entry, dict):
            raise ValueError(f"{where} must be a JSON object")
        out = {**base, "weights": dict(base["weights"])}
        for name, value in entry.items():
            if name == "weights":
                if not isinstance(value, dict):
                    raise ValueError(f"{where}.weights must be a JSON object")
                for category, points in value.items():
                    if category not in (*LABELS, *CATEGORIES, "other"):
                        raise ValueError(f"{where}.weights: unknown category {category!r}")
                    if isinstance(points, bool) or not isinstance(points, int) or not 0 <= points <= 1000:
                        raise ValueError(f"{where}.weights.{category} must be a whole number 0-1000")
                    out["weights"][category] = points
            elif name == "enabled":
                if not isinstance(value, bool):
                    raise ValueError(f"{where}.enabled must be true or false")
                out[name] = value
            elif name in DEFAULTS:
                if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
                    raise ValueError(f"{where}.{name} must be a number > 0")
                out[name] = value
            else:
                raise ValueError(f"{where}: unknown field {name!r} (weights, {', '.join(DEFAULTS)})")
        if out["trusted_review_scale"] < 1:
            raise ValueError(f"{where}.trusted_review_scale must be at least 1 (1: trusted authors are reviewed as "
                             "anyone)")
        if not out["warned"] <= out["premoderated"] <= out["suspended"]:
            raise ValueError(f"{where}: needs warned <= premoderated <= suspended")
        return out

    def for_site(self, site):
        return self.sites.get(site, self.default)


def parse_standing(spec):
    return spec if isinstance(spec, StandingConfig) else StandingConfig(spec)


def lua_numbers(config):
    return [config["warned"], config["premoderated"], config["suspended"], int(config["suspend_days"] * 86_400_000),
            int(config["decay_days"] * 86_400_000)]


class AuthorStanding:
    """One site's authors: standing (HASH) and strikes (ZSET of "<comment id>|<weight>" by time, the newest 200)."""

    def __init__(self, redis, site, prefix="mod:", config=None, replicas=NO_REPLICAS):
        self.redis, self.site = redis, site
        self.keys = KeySpace(prefix)
        self.config = (config or StandingConfig({"enabled": False})).for_site(site)
        self.numbers = lua_numbers(self.config)
        self._on = "1" if self.config["enabled"] else "0"
        self._texts = [str(n) for n in self.numbers]  # the scripts' arguments, converted once
        self._standing, self._strikes = self.keys.site(site, "standing", ""), self.keys.site(site, "strikes", "")
        self._set = AppendOnly(redis, replicas).script(SET)  # a person's standing is answered once in the file
        self._check = redis.register_script(CHECK)

    def standing_key(self, author_id):
        """Without an author id a placeholder of the site's slot that is never written."""
        return self.keys.site(self.site, "standing", author_id or "")

    def strikes_key(self, author_id):
        return self.keys.site(self.site, "strikes", author_id or "")

    def submit_keys(self, author_id):
        return [self._standing + (author_id or ""), self._strikes + (author_id or "")]

    def submit_constants(self):
        """The standing's on/off and five numbers as Lua constants for the site's SUBMIT script, and its keys less
        the author id (K_STANDING, K_STRIKES: SUBMIT adds the id its record carries)."""
        on = "true" if self.config["enabled"] else "false"
        return (f"local STANDING_ON, STANDING_CFG = {on}, {lua_table(self.numbers)}\n"
                f"local K_STANDING, K_STRIKES = {lua_string(self._standing)}, {lua_string(self._strikes)}\n")

    def strike_points(self, decision, reasons):
        """SUBMIT's strike argument: the points of the model's rejection (0 when it is not one, or standing is off)."""
        return str(self.weight(reasons)) if decision == "reject" and self.config["enabled"] else "0"

    def submit_args(self, weight):
        """What SUBMIT and DECIDE take: on (1|0), this rejection's strike points (0: none), the five numbers, all
        as text (the bytes redis-py would send for the numbers; hiredis packs a str faster)."""
        return [self._on, str(weight if self.config["enabled"] else 0), *self._texts]

    def weight(self, reasons):
        """A strike's points: the heaviest of the rejection's categories (other when none is known)."""
        weights = self.config["weights"]
        return max((weights.get(reason, weights["other"]) for reason in reasons or ("other",)), default=0)

    def _script_keys(self, author_id):
        return [*self.submit_keys(author_id), self.keys.site(self.site, "audit"), self.keys.events(self.site)]

    def set(self, author_id, level, by, *, now_ms, until_ms=0, note=""):
        """A person's standing; returns the previous level."""
        if level not in LEVELS:
            raise ValueError(f"unknown standing {level!r}")
        return self._set(keys=self._script_keys(author_id), args=[author_id, level, int(until_ms or 0), by,
                                                                   note or "", now_ms])

    def get(self, author_id, *, now_ms):
        """Standing (decay and an ended suspension applied), until, strikes (points and the list), who set it."""
        level, until = self._check(keys=self._script_keys(author_id), args=[author_id, now_ms, *self.numbers])
        pipe = self.redis.pipeline(transaction=False)
        pipe.hgetall(self.standing_key(author_id))
        pipe.zrevrange(self.strikes_key(author_id), 0, -1, withscores=True)
        raw, strikes = pipe.execute()
        listed = [{"comment_id": member.rpartition("|")[0], "points": int(member.rpartition("|")[2] or 1),
                   "at": int(at)} for member, at in strikes]
        return {"standing": level, "until": int(until) or None, "points": sum(s["points"] for s in listed),
                "strikes": listed, "set_by": raw.get("set_by") or None, "set_by_name": raw.get("set_by_name") or None,
                "note": raw.get("note") or None, "floor": raw.get("floor") or None}
