"""CLAIM, RELEASE and RELEASE_HELD: a moderator's leases on queued comments."""

from moderation.store.review_queue.recording_lua import COMMON

# Claim, with every key declared (the caller reads the candidates first; the script re-checks each one):
# KEYS: ready, open, claims, audit, held(moderator), then the records of the h held ids, the records of
# the e expired claims, the held keys of their e holders, the records of the c candidates.
# ARGV: moderator, n, lease ms, label filter, article filter, h, e, c, then the held ids, the expired ids, their
# holders, the candidate ids, and last the id of the API token claiming ('' for the review page) and when it runs out
# (ms; 0: never). Expired leases go back to the queue first; then the moderator's live claims are renewed (whoever
# took them keeps them); then candidates still ready and still matching are claimed, in the order given, up to n,
# marked with the token that took them (claimed_via), so that revoking it gives them back. A token's card is leased
# at most until the token runs out (via_until), however a token renews it, so that it comes back when nobody can
# decide it; the review page renewing it adopts it (the mark goes): the page shows it and can decide it, and the
# moderator reviewing it there keeps it when the token ends or is revoked.
CLAIM = COMMON + """
local ready, open, claims, audit_key, held = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5]
local mod, n, lease, label, article = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3]), ARGV[4], ARGV[5]
local nh, ne, nc = tonumber(ARGV[6]), tonumber(ARGV[7]), tonumber(ARGV[8])
local via, via_until = ARGV[#ARGV - 1], tonumber(ARGV[#ARGV])
local now = now_ms()
local function capped(until_ms, cap)
  if cap > 0 and cap < until_ms then return cap end
  return until_ms
end
for i = 1, ne do
  local id, rec, holder = ARGV[8 + nh + i], KEYS[5 + nh + i], ARGV[8 + nh + ne + i]
  local lease_end = redis.call('ZSCORE', claims, id)
  if lease_end and tonumber(lease_end) <= now and redis.call('HGET', rec, 'claimed_by') == holder then
    to_ready(rec, id, ready, open, claims, KEYS[5 + nh + ne + i])
    audit(audit_key, id, 'lease_expired', 'claimed', 'ready', holder, '', now, rec)
  end
end
local until_ms = now + lease
local out = {}
for i = 1, nh do
  local id, rec = ARGV[8 + i], KEYS[5 + i]
  local lease_end = until_ms
  if via ~= '' then lease_end = capped(until_ms, tonumber(redis.call('HGET', rec, 'via_until') or 0)) end
  if #out < n and lease_end > now and redis.call('ZSCORE', held, id) then
    if via == '' then redis.call('HDEL', rec, 'claimed_via', 'via_until') end  -- the page adopts what it renews
    redis.call('ZADD', held, lease_end, id)
    redis.call('ZADD', claims, lease_end, id)
    redis.call('HSET', rec, 'lease_until', lease_end)
    table.insert(out, id)
  end
end
local lease_end = capped(until_ms, via_until)
for i = 1, nc do
  if #out >= n or lease_end <= now then break end
  local id, rec = ARGV[8 + nh + 2 * ne + i], KEYS[5 + nh + 2 * ne + i]
  if redis.call('ZSCORE', ready, id) then
    local f = redis.call('HMGET', rec, 'labels', 'article_id', 'article_title', 'received_at')
    local ok = (label == '' or string.find(f[1] or '', '"' .. label .. '"', 1, true) ~= nil)
      and (article == '' or string.sub(f[2] or '', 1, #article) == article
           or string.find(string.lower(f[3] or ''), string.lower(article), 1, true) ~= nil)
    if ok then
      redis.call('HSET', rec, 'queue_state', 'claimed', 'claimed_by', mod, 'lease_until', lease_end)
      if via == '' then redis.call('HDEL', rec, 'claimed_via', 'via_until')
      else redis.call('HSET', rec, 'claimed_via', via, 'via_until', via_until) end
      redis.call('ZREM', ready, id)
      redis.call('ZADD', open, tonumber(f[4] or 0) + CLAIMED, id)
      redis.call('ZADD', claims, lease_end, id)
      redis.call('ZADD', held, lease_end, id)
      audit(audit_key, id, 'claimed', 'ready', 'claimed', mod, '', now, rec)
      table.insert(out, id)
    end
  else  -- claimed: by an earlier release's CLAIM, it may still be at its arrival in `open` (the age order's head)
    local at = redis.call('ZSCORE', open, id)
    if at and tonumber(at) < CLAIMED then redis.call('ZADD', open, tonumber(at) + CLAIMED, id) end
  end
end
return out
"""

# Skip, or an admin's release of someone else's claim (ARGV force = '1'). KEYS: record, ready, open,
# claims, audit, held(the holder read before the call). ARGV: id, moderator, force, reason, that holder.
# A holder that changed since the read answers 'retry'.
RELEASE = COMMON + """
local rec = KEYS[1]
local f = redis.call('HMGET', rec, 'queue_state', 'claimed_by', 'status')
if not f[3] then return 'not_found' end  -- status: every record has one (a never-queued one no queue_state)
if f[1] ~= 'claimed' or (f[2] ~= ARGV[2] and ARGV[3] ~= '1') then return 'not_held' end
if f[2] ~= ARGV[5] then return 'retry' end
to_ready(rec, ARGV[1], KEYS[2], KEYS[3], KEYS[4], KEYS[6])
audit(KEYS[5], ARGV[1], 'released', 'claimed', 'ready', ARGV[2], ARGV[4], now_ms(), rec)
return 'ok'
"""

# A moderator who leaves (tab closed, idle, logged out): every claim they hold goes back to the queue; or, with a
# token id, only those that token took (it was revoked; '*': any token's), so their page keeps its cards.
# KEYS: held(moderator), ready, open, claims, audit, then the records of the held ids.
# ARGV: moderator, reason, token id ('' for every claim), then the held ids (read before the call; one no longer
# theirs is only dropped).
RELEASE_HELD = COMMON + """
local now = now_ms()
local n = 0
local via = ARGV[3]
for i = 4, #ARGV do
  local id, rec = ARGV[i], KEYS[i + 2]
  local f = redis.call('HMGET', rec, 'queue_state', 'claimed_by', 'claimed_via')
  if f[1] == 'claimed' and f[2] == ARGV[1] then
    if via == '' or (f[3] and (f[3] == via or via == '*')) then
      to_ready(rec, id, KEYS[2], KEYS[3], KEYS[4], KEYS[1])
      audit(KEYS[5], id, 'released', 'claimed', 'ready', ARGV[1], ARGV[2], now, rec)
      n = n + 1
    end
  else
    redis.call('ZREM', KEYS[1], id)
  end
end
return n
"""
