"""REPORT, REMOVE and KEEP: a reader's report, a rights request's removal, and its comments kept until decided."""

from moderation.store.review_queue.recording_lua import COMMON

# A reader's report: counted on the record, kept as a label, and a published comment that reaches the
# report threshold goes to the review queue (it stays visible until a moderator rejects it), labelled `reported`
# (the filter for such comments) and, for a spam or abuse report, that reason too.
# A reporter counts once per comment (and an anonymous report sent again under its idempotency key): their report
# retried (its answer lost, a 503 whose write survived) or repeated is answered as the first was and changes
# nothing, else one reader could send a comment to review alone.
# KEYS: record, ready, open, audit, stats, labels, reported (the 通報 view, latest 1000), label texts,
# label texts' last use, the comment's reporters. ARGV: id, reason, reporter, min reports, rank, labels retention,
# reporters' ttl (s), who reports once ("r:<reporter id>", "k:<idempotency key>" or ''). A reason already
# reported on the same text adds no label (training_labels.LABEL de-duplicates feedback by text hash).
REPORT = COMMON + """
local rec = KEYS[1]
local f = redis.call('HMGET', rec, 'queue_state', 'status', 'labels', 'text', 'received_at')
if not f[2] then return 'not_found' end  -- status: every record has one (a never-queued one no queue_state)
local id, reason, reporter = ARGV[1], ARGV[2], ARGV[3]
local once = ARGV[8]
if once ~= '' then
  local first = redis.call('HGET', KEYS[10], once)
  if first then return first end
end
local function answer(result)
  if once ~= '' then
    redis.call('HSET', KEYS[10], once, result)
    if tonumber(ARGV[7]) > 0 then redis.call('EXPIRE', KEYS[10], ARGV[7]) end
  end
  return result
end
local now = now_ms()
local n = redis.call('HINCRBY', rec, 'reports', 1)
redis.call('HSET', rec, 'last_report', reason)
redis.call('ZADD', KEYS[7], now, id)
redis.call('ZREMRANGEBYRANK', KEYS[7], 0, -1001)
if reason == 'spam' or reason == 'abuse' then
  label(KEYS[6], KEYS[8], KEYS[9], ARGV[6], id, reason, 1, 'report', reporter, now, f[4] or '')
end
if (f[1] or '') ~= '' or f[2] ~= 'published' or n < tonumber(ARGV[4]) then return answer('recorded') end
local labels = cjson.decode(f[3])
local tags = {'reported'}
if reason == 'spam' or reason == 'abuse' then tags = {reason, 'reported'} end
for _, tag in ipairs(tags) do
  local seen = false
  for _, l in ipairs(labels) do if l == tag then seen = true end end
  if not seen then table.insert(labels, tag) end
end
redis.call('PERSIST', rec)
redis.call('HSET', rec, 'labels', cjson.encode(labels), 'queue_state', 'ready', 'claimed_by', '', 'lease_until', 0,
  'rank', ARGV[5])
redis.call('ZADD', KEYS[2], ARGV[5], id)
redis.call('ZADD', KEYS[3], f[5], id)
for _, l in ipairs(labels) do redis.call('HINCRBY', KEYS[5], 'open:' .. l, 1) end
audit(KEYS[4], id, 'reported', '', 'ready', reporter, reason, now, rec)
return answer('queued')
"""

# A rights request's removal: a PUBLISHED or pending comment is rejected at once (reason given by the caller,
# `rights_request`), leaving the queue if it was on it; the site hears comment.rejected with the request in
# `data`. Time comes from the caller's clock. The caller reads claimed_by first and passes that moderator's held
# key (a placeholder key of the site when unclaimed); if the claim changed meanwhile the script answers
# claim_changed and the caller reads again.
# KEYS: record, ready, ready:age (only emptied: an earlier release's), claims, open, audit, stats, author (placeholder
# when none), events, held.
# ARGV: id, moderator, reason, now ms, ttl, claimed_by expected, has author (1|0), event data (JSON), queue rank
# (kept for a comment that never was queued, so an admin's reopen can queue it).
REMOVE = COMMON + """
local rec = KEYS[1]
local f = redis.call('HMGET', rec, 'status', 'queue_state', 'claimed_by', 'labels', 'outcome')
if not f[1] then return {'not_found'} end
if f[1] == 'rejected' then return {'already_rejected'} end
if (f[3] or '') ~= ARGV[6] then return {'claim_changed'} end
local id, by, reason, now = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
if f[2] == 'ready' or f[2] == 'claimed' then
  redis.call('ZREM', KEYS[2], id)
  redis.call('ZREM', KEYS[3], id)
  redis.call('ZREM', KEYS[4], id)
  redis.call('ZREM', KEYS[5], id)
  redis.call('ZREM', KEYS[10], id)
  for _, l in ipairs(cjson.decode(f[4] or '[]')) do redis.call('HINCRBY', KEYS[7], 'open:' .. l, -1) end
end
if f[5] == 'approved' then
  redis.call('HINCRBY', KEYS[7], 'decided:approved', -1)
  if ARGV[7] == '1' then redis.call('HINCRBY', KEYS[8], 'approved', -1) end
end
redis.call('HSET', rec, 'queue_state', 'decided', 'status', 'rejected', 'outcome', 'rejected', 'decided_by', by,
  'decided_at', now, 'reason', reason, 'claimed_by', '', 'lease_until', 0)
redis.call('HSETNX', rec, 'rank', ARGV[9])
redis.call('HINCRBY', KEYS[7], 'decided:rejected', 1)
if ARGV[7] == '1' then redis.call('HINCRBY', KEYS[8], 'rejected', 1) end
audit(KEYS[6], id, 'rejected', f[1], 'rejected', by, reason, now, rec)
event(KEYS[9], id, 'comment.rejected', 'rejected', by, reason, now, '', ARGV[8], rec)
redis.call('PERSIST', rec)
if tonumber(ARGV[5]) > 0 then redis.call('EXPIRE', rec, ARGV[5]) end
return {'ok'}
"""

# The comments a removal request names outlive it: a record due to expire sooner (a published comment's, 30 days
# from arrival) is kept ARGV[1] ms from now, as a decided one is; a record without an expiry (pending) keeps none.
# KEYS: the records. ARGV: ms.
KEEP = """
local ms = tonumber(ARGV[1])
for _, rec in ipairs(KEYS) do
  local left = redis.call('PTTL', rec)
  if left > 0 and left < ms then redis.call('PEXPIRE', rec, ms) end
end
"""
