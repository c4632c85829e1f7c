"""DECIDE and REOPEN: a moderator's decision on a queued comment, and taking it back."""

from moderation.store.author_standing import STANDING
from moderation.store.review_queue.recording_lua import COMMON

# KEYS: record, ready, ready:age (only emptied: an earlier release's set of the ready ones by arrival), claims, open,
# audit, stats, author (or placeholder), events, labels,
# held(the claim holder read before the call, or placeholder), label texts, label texts' last use, the author's
# standing and strikes (placeholders).
# ARGV: id, outcome (approved|rejected), moderator, reason, ttl, that holder, author known (1|0), reason is a
# harm category (1|0), message to the commenter ('' for none: it travels with the decision's event to the
# site's webhook), labels retention, standing on (1|0), the rejection's strike points, the standing's five
# numbers, now ms (app clock). A rejection of a comment with an author is a strike (store/author_standing.py).
# A holder that changed since the read
# answers 'retry'. A reject reason other than `other` becomes a label of that name (a harm category also
# labels `abuse`, the combination of the categories); an approval labels each of the record's labels 0.
DECIDE = COMMON + STANDING + """
local rec = KEYS[1]
local f = redis.call('HMGET', rec, 'queue_state', 'claimed_by', 'lease_until', 'labels', 'decided_by', 'outcome',
  'status')
if not f[7] then return {'not_found'} end  -- status: every record has one (a never-queued one no queue_state)
if f[1] == 'decided' then return {'already_decided', f[5] or '', f[6] or ''} end
if f[1] ~= 'ready' and f[1] ~= 'claimed' then return {'not_queued'} end
if (f[2] or '') ~= ARGV[6] then return {'retry'} end
local now = now_ms()
if f[1] == 'claimed' and f[2] ~= ARGV[3] and tonumber(f[3]) > now then return {'claimed_by_other', f[2]} end
local id, outcome = ARGV[1], ARGV[2]
redis.call('ZREM', KEYS[2], id)
redis.call('ZREM', KEYS[3], id)
redis.call('ZREM', KEYS[4], id)
redis.call('ZREM', KEYS[5], id)
if f[2] and f[2] ~= '' then redis.call('ZREM', KEYS[11], id) end
local status = 'published'
if outcome == 'rejected' then status = 'rejected' end
redis.call('HSET', rec, 'queue_state', 'decided', 'status', status, 'outcome', outcome, 'decided_by', ARGV[3],
  'decided_at', now, 'reason', ARGV[4], 'claimed_by', '', 'lease_until', 0, 'message', ARGV[9])
for _, label in ipairs(cjson.decode(f[4])) do redis.call('HINCRBY', KEYS[7], 'open:' .. label, -1) end
redis.call('HINCRBY', KEYS[7], 'decided:' .. outcome, 1)
if ARGV[7] == '1' then redis.call('HINCRBY', KEYS[8], outcome, 1) end
audit(KEYS[6], id, outcome, f[1], status, ARGV[3], ARGV[4], now, rec)
event(KEYS[9], id, 'comment.' .. outcome, status, ARGV[3], ARGV[4], now, ARGV[9], nil, rec)
local g = redis.call('HMGET', rec, 'text', 'scores', 'categories', 'doc')
local text, scores = g[1] or '', {}
if g[2] then scores = cjson.decode(g[2]) elseif g[4] then scores = cjson.decode(g[4])['scores'] or {} end  -- doc's
local cats = cjson.decode(g[3] or '{}')
local function score_of(task) return scores[task] or cats[task] end
if outcome == 'approved' then
  for _, task in ipairs(cjson.decode(f[4])) do
    label(KEYS[10], KEYS[12], KEYS[13], ARGV[10], id, task, 0, 'moderator', ARGV[3], now, text, score_of(task))
  end
elseif ARGV[4] ~= '' and ARGV[4] ~= 'other' then
  label(KEYS[10], KEYS[12], KEYS[13], ARGV[10], id, ARGV[4], 1, 'moderator', ARGV[3], now, text, score_of(ARGV[4]))
  if ARGV[8] == '1' then
    label(KEYS[10], KEYS[12], KEYS[13], ARGV[10], id, 'abuse', 1, 'moderator', ARGV[3], now, text, scores['abuse'])
  end
end
if outcome == 'rejected' and ARGV[7] == '1' and ARGV[11] == '1' and tonumber(ARGV[12]) > 0 then
  local cfg = {}
  for i = 13, 17 do cfg[#cfg + 1] = tonumber(ARGV[i]) end
  local member = id .. '|' .. ARGV[12]
  author_standing(KEYS[14], KEYS[15], KEYS[6], KEYS[9], redis.call('HGET', rec, 'author_id'), tonumber(ARGV[18]),
    cfg, tonumber(ARGV[12]), member, 'strikes', 'rejected:' .. id .. ' by ' .. ARGV[3])
  redis.call('HSET', rec, 'strike', member)
end
if tonumber(ARGV[5]) > 0 then redis.call('EXPIRE', rec, ARGV[5]) end
return {'ok', tostring(now)}
"""

# Undo (by the decider, within a window) or reopen (by an admin): a decided item goes back to the queue.
# KEYS: record, ready, claims, open, audit, stats, author (or placeholder), held(moderator), events,
# labels, the author's strikes and standing (or placeholders). ARGV: id, moderator, mode (undo|reopen), window
# ms, lease ms, reason, author known (1|0), labels retention. A rejection's strike is taken back (the standing is
# worked out again at its next read or comment, and a suspension that strike started ends). The record keeps who
# took it back and how ('taken_back'), so the same take-back again while it is undecided (a retry after a lost
# answer or a 503) is answered 'ok', not 'not_decided'; every decision marks the record decided, so the mark
# answers only for the latest take-back.
REOPEN = COMMON + """
local rec = KEYS[1]
local f = redis.call('HMGET', rec, 'queue_state', 'decided_by', 'decided_at', 'labels', 'outcome',
  'rank', 'received_at', 'taken_back', 'status')
if not f[9] then return 'not_found' end  -- status: every record has one (a never-queued one no queue_state)
local id, mod, mode = ARGV[1], ARGV[2], ARGV[3]
if f[1] ~= 'decided' then
  if f[8] == mode .. ' ' .. mod then return 'ok' end
  return 'not_decided'
end
local now = now_ms()
if mode == 'undo' and (f[2] ~= mod or now - tonumber(f[3]) > tonumber(ARGV[4])) then return 'too_late' end
redis.call('PERSIST', rec)
redis.call('HSET', rec, 'status', 'pending', 'outcome', '', 'decided_by', '', 'decided_at', '', 'reason', '',
  'taken_back', mode .. ' ' .. mod)
if mode == 'undo' then
  local until_ms = now + tonumber(ARGV[5])
  redis.call('HSET', rec, 'queue_state', 'claimed', 'claimed_by', mod, 'lease_until', until_ms)
  redis.call('HDEL', rec, 'claimed_via', 'via_until')  -- the undoer's own claim now, not a token's
  redis.call('ZADD', KEYS[3], until_ms, id)
  redis.call('ZADD', KEYS[8], until_ms, id)
  redis.call('ZADD', KEYS[4], tonumber(f[7]) + CLAIMED, id)
else
  redis.call('HSET', rec, 'queue_state', 'ready', 'claimed_by', '', 'lease_until', 0)
  redis.call('ZADD', KEYS[2], f[6], id)
  redis.call('ZADD', KEYS[4], f[7], id)
end
for _, label in ipairs(cjson.decode(f[4])) do redis.call('HINCRBY', KEYS[6], 'open:' .. label, 1) end
redis.call('HINCRBY', KEYS[6], 'decided:' .. f[5], -1)
if ARGV[7] == '1' then redis.call('HINCRBY', KEYS[7], f[5], -1) end
audit(KEYS[5], id, mode == 'undo' and 'undone' or 'reopened', f[5], 'pending', mod, ARGV[6], now, rec)
event(KEYS[9], id, 'comment.reopened', 'pending', mod, ARGV[6], now, '', nil, rec)
redis.call('XADD', KEYS[10], 'MAXLEN', '~', ARGV[8], '*', 'id', id, 'retract', 1, 'source', 'moderator', 'by', mod,
  'at', now)
local strike = redis.call('HGET', rec, 'strike')
if strike and ARGV[7] == '1' then
  redis.call('ZREM', KEYS[11], strike)
  redis.call('HDEL', rec, 'strike')
  if redis.call('EXISTS', KEYS[12]) == 1 then
    -- a suspension this very strike started ends with it (until 1: past), so the next read works the standing out
    -- from the strikes left; one an earlier strike or a person started stays
    local s = redis.call('HMGET', KEYS[12], 'level', 'set_by', 'cause')
    if s[1] == 'suspended' and s[2] == 'strikes' and s[3] == strike then redis.call('HSET', KEYS[12], 'until', 1) end
    redis.call('HSET', KEYS[12], 'next_decay', 1)
  end
end
return 'ok'
"""
