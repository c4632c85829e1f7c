"""The article breaker's Lua: the window's ring slots, the mode's moves (BREAKER, composed into SUBMIT), a
person's mode (SET_MODE) and the breaker without a comment (CHECK)."""

SLOTS = 12
NEVER = 2**31  # min_comments of a breaker that is off: nothing is counted, only a person's mode applies

# Lua helpers: count one comment in an article's window and move its mode. A mode a person set is a floor the
# breaker never goes below; above it the breaker closes at close_share, holds at premoderate_share (with at least
# min_comments in the window), and steps down only once cooldown_seconds passed since the last change and the
# share fell under release_ratio times the threshold (hysteresis). Fewer than min_comments count as no evidence.
BREAKER = f"local ART_SLOTS, ART_OFF = {SLOTS}, {NEVER}\n" + """
local ART_LEVEL = {open = 0, premoderated = 1, closed = 2}
-- the slots' field names, made once (a number's concatenation formats it with sprintf: ~1k instructions each)
local ART_N, ART_F, ART_H = {}, {}, {}
for s = 0, ART_SLOTS - 1 do ART_N[s], ART_F[s], ART_H[s] = 'n' .. s, 'f' .. s, 'h' .. s end
local ART_MODE = {[0] = 'open', [1] = 'premoderated', [2] = 'closed'}
local ART_CUR = {}
-- The window: ring slots n<i>, f<i> and h<i> (harm counts, JSON) of the buckets (cur - slots, cur], and their
-- totals tn, tf. One HMGET reads the bucket, the totals and this bucket's slot; a comment is then one HSET of the
-- slot and the totals (read, add, write: the script is atomic), flagged or not. Moving on to a later bucket first
-- takes the slots that left the window out of the totals (a few more commands, once a bucket). The script's own
-- arguments cost about as much as its commands, so the HMGET reads only what it needs. ix: the bucket the site's
-- article index last had this article put at (a comment's time): the third answer says this comment is the
-- bucket's first counted, so the index is written once a bucket, not at every comment (3% of an allowed SUBMIT's
-- instructions, session 38); a CHECK's move to a later bucket (count false) leaves ix alone.
local function art_window(wkey, now, width, slots, count, flagged, labels)
  local cur = math.floor(now / width)
  local slot = cur % slots
  local v = redis.call('HMGET', wkey, 'cur', 'tn', 'tf', ART_N[slot], ART_F[slot], ART_H[slot], 'ix')
  -- cur's text, made once a bucket (a width): the window's cur and ix read as this text are cur without a tonumber
  -- (strtod: ~0.9k instructions each, two a comment)
  local text = ART_CUR[width]
  if not text or text[1] ~= cur then
    text = {cur, tostring(cur)}
    ART_CUR[width] = text
  end
  text = text[2]
  local last = cur
  if v[1] ~= text then last = tonumber(v[1]) end
  local n, f = tonumber(v[2]) or 0, tonumber(v[3]) or 0
  local sn, sf, sh = tonumber(v[4]) or 0, tonumber(v[5]) or 0, v[6]
  local set, expire = {}, false
  if last and cur > last then
    if cur - last >= slots then
      redis.call('DEL', wkey)
      n, f = 0, 0
    else
      for b = last + 1, cur do
        local s = b % slots
        local old = redis.call('HMGET', wkey, ART_N[s], ART_F[s])
        n, f = n - (tonumber(old[1]) or 0), f - (tonumber(old[2]) or 0)
        redis.call('HDEL', wkey, ART_N[s], ART_F[s], ART_H[s])
      end
    end
    sn, sf, sh = 0, 0, nil  -- this bucket's slot was just cleared
    set, expire = {'cur', cur, 'tn', n, 'tf', f}, true
  elseif last and cur < last then
    -- a worker whose clock is behind counts in the newest bucket
    -- (text: the newest bucket's as the window holds it, for ix's test below; v[7] stays the window's ix)
    cur, slot, text = last, last % slots, v[1]
    local s = redis.call('HMGET', wkey, ART_N[slot], ART_F[slot], ART_H[slot])
    sn, sf, sh = tonumber(s[1]) or 0, tonumber(s[2]) or 0, s[3]
  elseif not last and count then
    set, expire = {'cur', cur}, true
  end
  local first = count and v[7] ~= text and tonumber(v[7]) ~= cur
  if first then set[#set + 1], set[#set + 2] = 'ix', cur end
  if count then
    n = n + 1
    set[#set + 1], set[#set + 2], set[#set + 3], set[#set + 4] = ART_N[slot], sn + 1, 'tn', n
    if flagged then
      f = f + 1
      local h = cjson.decode(sh or '{}')
      for _, l in ipairs(labels) do h[l] = (h[l] or 0) + 1 end
      set[#set + 1], set[#set + 2], set[#set + 3], set[#set + 4] = ART_F[slot], sf + 1, 'tf', f
      set[#set + 1], set[#set + 2] = ART_H[slot], cjson.encode(h)
    end
  end
  if #set > 0 then redis.call('HSET', wkey, unpack(set)) end
  if expire then redis.call('PEXPIRE', wkey, width * slots * 2) end
  return n, f, first
end
local function art_level(n, f, min, pre, close, ratio)
  if n < min or n == 0 then return 0 end
  local share = f / n
  if share >= close * ratio then return 2 end
  if share >= pre * ratio then return 1 end
  return 0
end
-- cfg: {width ms, min comments, premoderate share, close share, cooldown ms, release ratio}; returns the mode,
-- the previous mode when it changed (after the audit entry and the article.mode_changed event), and whether the
-- comment is its bucket's first (art_window: SUBMIT then puts the article in the site's index). m: the meta's
-- mode, mode_at, floor (and more) when the caller read them already (SUBMIT reads them with the category).
local function art_breaker(mkey, wkey, akey, events, article, now, cfg, count, flagged, labels, m)
  m = m or redis.call('HMGET', mkey, 'mode', 'mode_at', 'floor')
  local n, f, first = art_window(wkey, now, cfg[1], ART_SLOTS, count, flagged, labels)
  local level, floor = ART_LEVEL[m[1] or 'open'] or 0, ART_LEVEL[m[3] or 'open'] or 0
  local target = level
  local want = art_level(n, f, cfg[2], cfg[3], cfg[4], 1)
  if want > level then
    target = want
  elseif level > 0 and now - tonumber(m[2] or '0') >= cfg[5] then
    local hold = art_level(n, f, cfg[2], cfg[3], cfg[4], cfg[6])
    if hold < level then target = hold end
  end
  if target < floor then target = floor end
  if target == level then return ART_MODE[level], nil, first end
  local from, to = ART_MODE[level], ART_MODE[target]
  redis.call('HSET', mkey, 'mode', to, 'mode_at', now, 'set_by', 'breaker')
  local share = 0
  if n > 0 then share = math.floor(f * 1000 / n) / 1000 end
  local why = 'comments=' .. n .. ' flagged=' .. f
  redis.call('XADD', akey, 'MAXLEN', '~', 1000000, '*', 'id', '', 'action', 'article_mode', 'from', from, 'to', to,
    'by', 'breaker', 'reason', why, 'at', now, 'article_id', article, 'author_id', '')
  redis.call('XADD', events, 'MAXLEN', '~', 1000000, '*', 'type', 'article.mode_changed', 'id', '', 'status', to,
    'by', 'breaker', 'reason', '', 'at', now, 'data', cjson.encode({article_id = article, mode = to, previous = from,
      set_by = 'breaker', comments = n, flagged = f, flagged_share = share}))
  return to, from, first
end
"""

# A person sets the mode (PUT /api/v1/articles/<id>): it becomes the breaker's floor, and the window starts afresh
# so the breaker judges only what comes after. KEYS: meta, window, audit, events. ARGV: article, mode, by, now,
# reason. Returns the previous mode.
SET_MODE = """
local prev = redis.call('HGET', KEYS[1], 'mode') or 'open'
redis.call('HSET', KEYS[1], 'mode', ARGV[2], 'mode_at', ARGV[4], 'floor', ARGV[2], 'set_by', 'person',
  'set_by_name', ARGV[3])
redis.call('DEL', KEYS[2])
redis.call('XADD', KEYS[3], 'MAXLEN', '~', 1000000, '*', 'id', '', 'action', 'article_mode', 'from', prev,
  'to', ARGV[2], 'by', ARGV[3], 'reason', ARGV[5], 'at', ARGV[4], 'article_id', ARGV[1], 'author_id', '')
if prev ~= ARGV[2] then
  redis.call('XADD', KEYS[4], 'MAXLEN', '~', 1000000, '*', 'type', 'article.mode_changed', 'id', '',
    'status', ARGV[2], 'by', ARGV[3], 'reason', ARGV[5], 'at', ARGV[4], 'data',
    cjson.encode({article_id = ARGV[1], mode = ARGV[2], previous = prev, set_by = 'person', note = ARGV[5]}))
end
return prev
"""

# The breaker without a comment (a GET, the articles page): a cool-down that ended moves the mode down.
# KEYS: meta, window, audit, events. ARGV: article, now, then the six numbers of the configuration.
CHECK = BREAKER + """
local cfg = {}
for i = 3, 8 do cfg[#cfg + 1] = tonumber(ARGV[i]) end
local mode, prev = art_breaker(KEYS[1], KEYS[2], KEYS[3], KEYS[4], ARGV[1], tonumber(ARGV[2]), cfg, false, false, {})
return {mode, prev or ''}
"""
