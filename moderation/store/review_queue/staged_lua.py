"""SUBMIT's (SUBMIT_MANY's) writes staged over a script's comments and made once at its end, and the call's clock."""

# The site's recent list (the window search scans its newest RECENT_KEEP ids) holds up to RECENT_KEEP + RECENT_SLACK:
# one LTRIM per RECENT_SLACK comments, not one each. The trim keeps RECENT_KEEP + 1 + (length - RECENT_KEEP - 1) mod
# RECENT_SLACK, so the list left is the same whether its ids came one a script (SUBMIT) or 25 (SUBMIT_MANY): trimming
# to RECENT_KEEP left 5000 after a batch's 25 where 25 SUBMITs, trimmed at their 11th, left 5014.
RECENT_KEEP, RECENT_SLACK = 5000, 100

# Writes that add up over a script's comments, made once at its end (flush): the counters (stats, the day's
# histogram, an author's count), the queue's and the article index's sorted sets and the site's recent list. A
# batch's SUBMIT_MANY makes each once per key instead of once per comment; nothing in the script reads them back.
# SUBMIT (one comment: LATER false) writes each where it is asked for: staging them cost 6% of its redis-server
# instructions (allowed 554k -> 518k, held 755k -> 710k, session 37), the same writes (tests/test_submit_many.py).
STAGED = f"local RECENT_KEEP, RECENT_SLACK, HIST_TTL = {RECENT_KEEP}, {RECENT_SLACK}, {40 * 86400}\n" + """
local TALLY, TALLY_TTL, ZADDS, PUSHES, LATER = {}, {}, {}, {}, true
-- The call's TIME in ms, read once: TIME is the server's clock as the call began, frozen for it (append_only.PENDING,
-- tests/test_fsync_skip.py), so a held comment's event and aof_pending() share one (0.9% of a held SUBMIT's
-- instructions, session 39); CALL_MS is made afresh (nil) at each call (_FRESH_ONE, _FRESH).
local CALL_MS = nil
local function call_ms()
  if not CALL_MS then CALL_MS = now_ms() end
  return CALL_MS
end
local function trim_recent(key, n)  -- n: the list's length after a push
  if n > RECENT_KEEP + RECENT_SLACK then
    redis.call('LTRIM', key, 0, RECENT_KEEP + (n - RECENT_KEEP - 1) % RECENT_SLACK)
  end
end
local function tally(key, field, ttl)  -- ttl: the key's expiry when this write creates a field (a new day's key)
  if not LATER then
    if redis.call('HINCRBY', key, field, 1) == 1 and ttl then redis.call('EXPIRE', key, ttl) end
    return
  end
  local t = TALLY[key]
  if not t then
    t = {}
    TALLY[key], TALLY_TTL[key] = t, ttl
  end
  t[field] = (t[field] or 0) + 1
end
-- capped: the key is the site's article index (at most 10000 articles)
local function zadd_later(key, score, member, capped)
  if not LATER then
    if redis.call('ZADD', key, score, member) > 0 and capped and redis.call('ZCARD', key) > 10000 then
      redis.call('ZREMRANGEBYRANK', key, 0, -10001)
    end
    return
  end
  local z = ZADDS[key]
  if not z then
    z = {}
    ZADDS[key] = z
  end
  z[#z + 1], z[#z + 2] = score, member
end
local function push_later(key, id)
  if not LATER then
    trim_recent(key, redis.call('LPUSH', key, id))
    return
  end
  local l = PUSHES[key]
  if not l then
    l = {}
    PUSHES[key] = l
  end
  l[#l + 1] = id
end
-- index: the site's article index (at most 10000 articles); the other lists are the site's recent ids (the window
-- search reads the latest RECENT_KEEP; trimmed once per RECENT_SLACK comments, to a length the ids' grouping into
-- scripts does not change)
local function flush(index)
  for key, fields in pairs(TALLY) do
    local created = false
    for field, n in pairs(fields) do
      if redis.call('HINCRBY', key, field, n) == n then created = true end
    end
    if created and TALLY_TTL[key] then redis.call('EXPIRE', key, TALLY_TTL[key]) end
  end
  for key, pairs_ in pairs(ZADDS) do
    if redis.call('ZADD', key, unpack(pairs_)) > 0 and key == index and redis.call('ZCARD', key) > 10000 then
      redis.call('ZREMRANGEBYRANK', key, 0, -10001)
    end
  end
  for key, ids in pairs(PUSHES) do
    trim_recent(key, redis.call('LPUSH', key, unpack(ids)))
  end
end
"""
