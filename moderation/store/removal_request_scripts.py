"""The removal requests' Lua scripts: a request, its due-date index, its audit entry and its webhook event
change together in one step. Every key is in KEYS (all under the site's hash tag; the audit's time index and
the request's own trail are always the last two); times come in ARGV from the service's clock, so a test's fake
clock reaches the stored record and the audit alike.
"""

# Helpers: the request's audit entry (never trimmed), indexed by its time `at` in a ZSET so a report reads only
# its period's entries and appended to the request's trail (a LIST of its entry ids) so its page reads only its
# own entries, and the site's event, whose `data` field carries the webhook payload as JSON.
COMMON = """
local function audit(key, id, action, from, to, by, at, rec, outcome, late, days, detail)
  local f = redis.call('HMGET', rec, 'right', 'received_at', 'not_held')
  local not_held = ''  -- '1': the request names a comment the service does not hold (the report counts them)
  if f[3] and f[3] ~= '' and f[3] ~= '[]' then not_held = '1' end
  local entry = redis.call('XADD', key, '*', 'id', id, 'action', action, 'from', from, 'to', to, 'by', by,
    'at', at, 'right', f[1] or '', 'received_at', f[2] or '', 'outcome', outcome or '', 'late', late or '',
    'days', days or '', 'detail', detail or '', 'not_held', not_held)
  redis.call('ZADD', KEYS[#KEYS - 1], at, entry)
  redis.call('RPUSH', KEYS[#KEYS], entry)
end
local function event(key, id, kind, status, by, at, data)
  redis.call('XADD', key, 'MAXLEN', '~', 1000000, '*', 'type', kind, 'id', id, 'status', status, 'by', by,
    'reason', '', 'at', at, 'data', data)
end
"""

# KEYS: record, due index, audit, events, the site's idempotency key (a placeholder when none), the receipts to mail,
# audit by time, trail. ARGV: id, record fields (JSON object of strings), due ms, now ms, event data (JSON), the
# request's fingerprint ('' without an idempotency key), the key's ttl (s), '1' when the requester's receipt is to
# be mailed (by the worker, from the receipts ZSET: never in the filing's request). Returns 1, 0 when the id exists
# already, or "<id> <fingerprint>" of the request first filed under the same idempotency key (a retry: nothing new
# is stored).
CREATE = COMMON + """
local rec = KEYS[1]
if ARGV[6] ~= '' then
  local first = redis.call('GET', KEYS[5])
  if first then return first end
end
if redis.call('EXISTS', rec) == 1 then  -- this very call run again after its answer was lost: created
  return redis.call('HGET', rec, 'received_at') == ARGV[4] and 1 or 0
end
local flat = {}
for name, value in pairs(cjson.decode(ARGV[2])) do
  flat[#flat + 1] = name
  flat[#flat + 1] = value
end
redis.call('HSET', rec, unpack(flat))
redis.call('ZADD', KEYS[2], ARGV[3], ARGV[1])
audit(KEYS[3], ARGV[1], 'received', '', 'received', 'requester', ARGV[4], rec)
event(KEYS[4], ARGV[1], 'request.received', 'received', 'requester', ARGV[4], ARGV[5])
if ARGV[6] ~= '' then redis.call('SET', KEYS[5], ARGV[1] .. ' ' .. ARGV[6], 'EX', ARGV[7]) end
if ARGV[8] == '1' then redis.call('ZADD', KEYS[6], ARGV[4], ARGV[1]) end
return 1
"""

# An open request moves to investigating or poster_consulted (once; the deadline moves by the waiting time).
# KEYS: record, due index, audit, events, audit by time, trail. ARGV: id, step, moderator, now ms, new due ms or '',
# consult-until ms or '', event data (JSON) or '' for no event.
STEP = COMMON + """
local rec = KEYS[1]
local f = redis.call('HMGET', rec, 'status', 'consulted_at', 'handled_by')
if not f[1] then return 'not_found' end
local id, step, by, now = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
local from = f[1]
if from == step and f[3] == by then return 'ok' end  -- this step again (a retry after a lost answer or a 503)
if from == 'decided' then return 'decided' end
if step == 'investigating' and from ~= 'received' and from ~= 'appealed' then return 'bad_step' end
if step == 'poster_consulted' then
  if f[2] and f[2] ~= '' then return 'consulted_already' end
  redis.call('HSET', rec, 'consulted_at', now, 'consult_until', ARGV[6], 'due_at', ARGV[5])
  redis.call('ZADD', KEYS[2], ARGV[5], id)
end
redis.call('HSET', rec, 'status', step, 'updated_at', now, 'handled_by', by)
audit(KEYS[3], id, step, from, step, by, now, rec)
if ARGV[7] ~= '' then event(KEYS[4], id, 'request.' .. step, step, by, now, ARGV[7]) end
return 'ok'
"""

# A decision (the first one, or the one after an appeal, which must come from another moderator). Decided already:
# {'decided', by, outcome, late, days}, so that the same moderator's decision run again is answered as made.
# KEYS: record, due index, audit, events, audit by time, trail. ARGV: id, outcome, moderator, now ms, criterion,
# reason, removed comment ids (JSON), event data (JSON), removed references to comments not held (JSON), the
# references an appeal's decision no longer removes (JSON: the site puts them back; the receipt page says so), the
# criterion's detail (the moderator's words beside its code; '' clears an earlier decision's).
# A decision begins: its comments are removed (or, after an appeal, given back) before DECIDE records it, so two
# moderators deciding at once both changed comments and one decision was kept (comments rejected under a
# not_removed). The first to begin holds the request for ARGV[3] ms; another decision meanwhile is refused, this same
# one again (a retry, a second click) is not. KEYS: record. ARGV: the decision (JSON [moderator, outcome, removed]),
# now ms, hold ms.
BEGIN = """
local f = redis.call('HMGET', KEYS[1], 'status', 'deciding', 'deciding_until')
if not f[1] then return {'not_found'} end
if f[1] == 'decided' then return {'decided'} end
if f[2] and f[2] ~= ARGV[1] and tonumber(f[3] or '0') > tonumber(ARGV[2]) then return {'deciding', f[2]} end
redis.call('HSET', KEYS[1], 'deciding', ARGV[1], 'deciding_until', tonumber(ARGV[2]) + tonumber(ARGV[3]))
return {'ok'}
"""

DECIDE = COMMON + """
local rec = KEYS[1]
local f = redis.call('HMGET', rec, 'status', 'due_at', 'received_at', 'decided_by', 'appealed_at', 'outcome',
  'decided_late', 'decision_days')
if not f[1] then return {'not_found'} end
if f[1] == 'decided' then return {'decided', f[4] or '', f[6] or '', f[7] or '0', f[8] or '0'} end
local id, outcome, by, now = ARGV[1], ARGV[2], ARGV[3], tonumber(ARGV[4])
local appeal = f[1] == 'appealed' or ((f[5] or '') ~= '' and (f[4] or '') ~= '')
if appeal and f[4] == by then return {'same_moderator', by} end
local late = '0'
if now > tonumber(f[2]) then late = '1' end
local days = string.format('%.3f', (now - tonumber(f[3])) / 86400000)
local action = 'decided'
if appeal then
  action = 'appeal_decided'
  redis.call('HSET', rec, 'appeal_outcome', outcome, 'appeal_decided_by', by, 'appeal_decided_at', now)
else
  redis.call('HSET', rec, 'decided_late', late, 'decision_days', days)
end
redis.call('HSET', rec, 'status', 'decided', 'outcome', outcome, 'decided_by', by, 'decided_at', now,
  'criterion', ARGV[5], 'reason', ARGV[6], 'removed', ARGV[7], 'removed_not_held', ARGV[9] or '[]',
  'restored_not_held', ARGV[10] or '[]', 'criterion_detail', ARGV[11] or '', 'updated_at', now)
redis.call('HDEL', rec, 'deciding', 'deciding_until')
redis.call('ZREM', KEYS[2], id)
audit(KEYS[3], id, action, f[1], 'decided', by, now, rec, outcome, late, days, ARGV[5])
event(KEYS[4], id, 'request.decided', 'decided', by, now, ARGV[8])
return {'ok', late, days}
"""

# The poster objects to a decision: the request reopens (due again after the deadline) for another moderator.
# KEYS: record, due index, audit, events, audit by time, trail. ARGV: id, now ms, due ms, statement, event data (JSON).
APPEAL = COMMON + """
local rec = KEYS[1]
local f = redis.call('HMGET', rec, 'status', 'appealed_at', 'appeal_statement')
if not f[1] then return 'not_found' end
if (f[2] or '') ~= '' and f[3] == ARGV[4] then return 'ok' end  -- this appeal again (a retry)
if f[2] and f[2] ~= '' then return 'appealed_already' end
if f[1] ~= 'decided' then return 'not_decided' end
redis.call('HSET', rec, 'status', 'appealed', 'appealed_at', ARGV[2], 'appeal_statement', ARGV[4],
  'appeal_due_at', ARGV[3], 'due_at', ARGV[3], 'updated_at', ARGV[2])
redis.call('ZADD', KEYS[2], ARGV[3], ARGV[1])
audit(KEYS[3], ARGV[1], 'appealed', 'decided', 'appealed', 'poster', ARGV[2], rec, '', '', '', ARGV[4])
event(KEYS[4], ARGV[1], 'request.appealed', 'appealed', 'poster', ARGV[2], ARGV[5])
return 'ok'
"""

# The poster's answer to a consultation (once, while the request waits for it).
# KEYS: record, audit, audit by time, trail. ARGV: id, now ms, statement.
ANSWER = COMMON + """
local rec = KEYS[1]
local f = redis.call('HMGET', rec, 'status', 'poster_answered_at', 'poster_answer')
if not f[1] then return 'not_found' end
if (f[2] or '') ~= '' and f[3] == ARGV[3] then return 'ok' end  -- this answer again (a retry)
if f[1] ~= 'poster_consulted' then return 'not_consulted' end
if f[2] and f[2] ~= '' then return 'answered_already' end
redis.call('HSET', rec, 'poster_answer', ARGV[3], 'poster_answered_at', ARGV[2], 'updated_at', ARGV[2])
audit(KEYS[2], ARGV[1], 'poster_answered', f[1], f[1], 'poster', ARGV[2], rec)
return 'ok'
"""

# A deadline alert (due_soon or overdue), raised once per request and kind while the request is open.
# KEYS: record, audit, events, audit by time, trail. ARGV: id, kind, now ms, event data (JSON). Returns 1 when raised
# now.
ALERT = COMMON + """
local rec = KEYS[1]
local f = redis.call('HMGET', rec, 'status')
if not f[1] or f[1] == 'decided' then return 0 end
if redis.call('HSETNX', rec, 'alert_' .. ARGV[2], ARGV[3]) == 0 then return 0 end
audit(KEYS[2], ARGV[1], ARGV[2], f[1], f[1], 'system', ARGV[3], rec)
event(KEYS[3], ARGV[1], 'request.' .. ARGV[2], f[1], 'system', ARGV[3], ARGV[4])
return 1
"""

# A notice to the requester was sent (or failed): recorded on the request and in its audit.
# KEYS: record, audit, audit by time, trail. ARGV: id, action (requester_notified|notice_failed), channel, now ms,
# detail.
NOTICE = COMMON + """
local rec = KEYS[1]
local f = redis.call('HMGET', rec, 'status')
if not f[1] then return 0 end
redis.call('HSET', rec, 'notice', ARGV[2], 'notice_channel', ARGV[3], 'notice_at', ARGV[4])
audit(KEYS[2], ARGV[1], ARGV[2], f[1], f[1], ARGV[3], ARGV[4], rec, '', '', '', ARGV[5])
return 1
"""

# A request filed before trails existed: its older entry ids (found once by scanning the audit) go in front of
# its trail, unless the trail's head moved since it was read (another reader did it, or the first new entry
# arrived: the caller's scan may hold that entry, and the next reader does it).
# KEYS: trail. ARGV: the head read ('' for an empty trail), then the older entry ids, oldest first.
# Returns 1 when prepended.
PREPEND = """
local head = redis.call('LINDEX', KEYS[1], 0) or ''
if head ~= ARGV[1] then return 0 end
for i = #ARGV, 2, -1 do redis.call('LPUSH', KEYS[1], ARGV[i]) end
return 1
"""

# The receipts the worker mails: due ones are leased (their time moves by the lease) so two workers never mail the
# same one; a worker that dies mid-send leaves it to be mailed again once the lease ends (at least once).
# KEYS: receipts. ARGV: now ms, lease ms, limit. Returns the leased request ids.
RECEIPTS_TAKE = """
local now = tonumber(ARGV[1])
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now, 'LIMIT', 0, tonumber(ARGV[3]))
for _, id in ipairs(due) do redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), id) end
return due
"""

# A receipt mailed (receipt_sent) or given up (receipt_failed): off the receipts, on the record and in its audit.
# A failed try that will be retried: its next time and the error, no audit entry (one for the outcome).
# KEYS: record, receipts, audit, audit by time, trail. ARGV: id, action ('' for a retry), now ms, detail, retry ms.
RECEIPTS_DONE = COMMON + """
local rec = KEYS[1]
local f = redis.call('HMGET', rec, 'status')
if not f[1] then redis.call('ZREM', KEYS[2], ARGV[1]) return 0 end
if ARGV[2] == '' then
  redis.call('ZADD', KEYS[2], 'XX', ARGV[5], ARGV[1])
  redis.call('HINCRBY', rec, 'receipt_tries', 1)
  redis.call('HSET', rec, 'receipt_error', ARGV[4])
  return 1
end
if redis.call('ZREM', KEYS[2], ARGV[1]) == 0 then return 0 end  -- recorded already (a retry of this call)
redis.call('HSET', rec, 'receipt', ARGV[2], 'receipt_at', ARGV[3])
audit(KEYS[3], ARGV[1], ARGV[2], f[1], f[1], 'system', ARGV[3], rec, '', '', '', ARGV[4])
return 1
"""
