"""The review queue scripts' shared Lua: server time, the audit entry, the webhook event, back to the queue."""

from moderation.store.training_labels import LABEL

# Lua helpers shared by the scripts: server time in ms, the audit entry and the webhook event (SUBMIT's part), and
# putting a claimed item back on the queue.
RECORDING = """
local function now_ms()
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
-- known: the record's article_id and author_id when the caller has them (SUBMIT has just written them)
local function audit(key, id, action, from, to, by, reason, at, rec, known)
  local f = known or redis.call('HMGET', rec, 'article_id', 'author_id')
  redis.call('XADD', key, 'MAXLEN', '~', 1000000, '*', 'id', id, 'action', action, 'from', from,
    'to', to, 'by', by, 'reason', reason, 'at', at, 'article_id', f[1] or '', 'author_id', f[2] or '')
end
-- A comment's event for the site's webhook; with the record, its category probabilities (JSON as stored) and
-- model version travel with it (issue 12), so the site need not ask for them (known: those two when the caller has
-- them). audited: the record's article_id and author_id when the event is its audit entry too (SUBMIT's: the audit
-- trail reads it from the events stream, audit_trail.py), the mark of such an event being its article_id field.
local function event(key, id, kind, status, by, reason, at, message, data, rec, known, audited)
  local args = {'XADD', key, 'MAXLEN', '~', 1000000, '*', 'type', kind, 'id', id, 'status', status, 'by', by,
    'reason', reason, 'at', at, 'message', message or ''}
  if data then
    args[#args + 1], args[#args + 2] = 'data', data
  end
  if rec then
    local m = known or redis.call('HMGET', rec, 'categories', 'model_version')
    if m[1] then args[#args + 1], args[#args + 2] = 'categories', m[1] end
    if m[2] then args[#args + 1], args[#args + 2] = 'model_version', m[2] end
  end
  if audited then
    args[#args + 1], args[#args + 2] = 'article_id', audited[1] or ''
    if audited[2] then args[#args + 1], args[#args + 2] = 'author_id', audited[2] end
  end
  redis.call(unpack(args))
end
"""
# `open` holds every queued comment by arrival (ms): a ready one at its arrival, a claimed one at its arrival +
# CLAIMED (2^50 ms: past any arrival, exact in a double), so the ready ones oldest first are the head of `open` below
# CLAIMED (the claim's age order) without a set of their own. Before session 36 a claimed one stayed at its arrival
# and a second set, `ready:age`, held the ready ones: CLAIM moves such an entry above CLAIMED when it meets one.
CLAIMED = 2 ** 50
COMMON = LABEL + RECORDING + f"local CLAIMED = {CLAIMED}\n" + """
local function to_ready(rec, id, ready, open, claims, held)
  local f = redis.call('HMGET', rec, 'rank', 'received_at', 'claimed_by')
  redis.call('ZADD', ready, f[1], id)
  redis.call('ZADD', open, f[2], id)
  redis.call('ZREM', claims, id)
  if f[3] and f[3] ~= '' then redis.call('ZREM', held, id) end
  redis.call('HSET', rec, 'queue_state', 'ready', 'claimed_by', '', 'lease_until', 0)
  return f[3] or ''
end
"""
