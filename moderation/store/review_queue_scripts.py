"""The review queue's Lua scripts: every multi-key change to a comment and its queue is one of these."""

from moderation.store.articles import BREAKER
from moderation.store.author_standing import STANDING
from moderation.store.rate_limits import COUNT
from moderation.store.training_labels import LABEL

# Lua helpers shared by the scripts: server time in ms, the audit entry and the webhook event (SUBMIT's part), and
# putting a claimed item back on the queue.
_RECORDING = """
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
-- them).
local function event(key, id, kind, status, by, reason, at, message, data, rec, known)
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
  redis.call(unpack(args))
end
"""
COMMON = LABEL + _RECORDING + """
local function to_ready(rec, id, ready, ready_age, claims, held)
  local f = redis.call('HMGET', rec, 'rank', 'received_at', 'claimed_by')
  redis.call('ZADD', ready, f[1], id)
  redis.call('ZADD', ready_age, f[2], id)
  redis.call('ZREM', claims, id)
  if f[3] and f[3] ~= '' then redis.call('ZREM', held, id) end
  redis.call('HSET', rec, 'queue_state', 'ready', 'claimed_by', '', 'lease_until', 0)
  return f[3] or ''
end
"""

RECENT_SLACK = 100  # the site's recent list holds 5000 to 5100 ids: one LTRIM per 100 comments

# KEYS: record, ready, ready_age, open, audit, stats, author (a never-written placeholder without an author id),
# events, histogram of the day, the author's recent comments (placeholder likewise), the site's recent comments
# (the window search scans), the article's meta, window and the site's article index (store/articles.py), the
# author's standing and strikes (placeholders without an author id), then the comment's rate-limit counters
# (rate_limits.COUNT).
# ARGV: id, queued, rank, received, decision, labels (JSON array), record fields (JSON object of strings), buckets
# (JSON), author known (1|0), now ms (the app's clock), the article id, the strike points of the model's rejection
# (0: none), then cost, window ms, limit per counter.
# The site's settings are Lua constants of the site's own script (submit_script): the record ttls (TTL_PUBLISHED
# for a comment the policy allowed, TTL_RECORD otherwise), the breaker's six numbers (ART_CFG) and its categories'
# (art_category: the comment's article_category, else the registry's, picks one), the author standing's on/off and
# five numbers (STANDING_ON, STANDING_CFG). As arguments they were a third of the script's arguments, each parsed,
# copied into Lua and converted with tonumber() at every comment.
# One JSON argument for the record keeps the client's packing cheap (it was a third of a request's cost).
# The limits are counted first, in the same round trip: over one, nothing is stored ({-1, position, ms left}).
# Then the article's window counts the comment (flagged: the model's decision is not allow) and its breaker may
# change the mode, which may override the decision: closed -> reject (article_closed), premoderated -> a clean
# comment is held (article_premoderated); then the author's standing: suspended -> reject (author_suspended),
# premoderated -> a clean comment is held (author_premoderated), trusted -> the record's trusted_decision (the
# policy's with relaxed review thresholds) replaces a hold (author_trusted); a model's rejection is a strike, which may
# change the standing the answer carries. Answers {1, '', decision, reason, article mode, standing or ''}.
_SUBMIT = _RECORDING + COUNT + BREAKER + STANDING + f"local RECENT_SLACK = {RECENT_SLACK}\n" + """
local over, left = over_limit(17, 13)
if over then return {-1, over, left} end
local rec = KEYS[1]
if redis.call('EXISTS', rec) == 1 then return {0, redis.call('HGET', rec, 'text_sha256')} end
local id, queued, rank, received = ARGV[1], ARGV[2] == '1', ARGV[3], ARGV[4]
local fields = cjson.decode(ARGV[7])
local decision, reason, labels = ARGV[5], '', cjson.decode(ARGV[6])
-- the record's ttl when it ends up not queued: the policy's decision (a trusted author's relaxed one counts)
local ttl = TTL_RECORD
if decision == 'allow' or fields['trusted_decision'] == 'allow' then ttl = TTL_PUBLISHED end
local now = tonumber(ARGV[10])
local cfg = ART_CFG
local meta = redis.call('HMGET', KEYS[12], 'mode', 'mode_at', 'floor', 'category')
local category = fields['article_category']
if category and not meta[4] then redis.call('HSETNX', KEYS[12], 'category', category) end  -- the registry learns it
category = category or meta[4]
local own = category and art_category(category)
if own then cfg = own end
local mode
if cfg[2] < ART_OFF then
  mode = art_breaker(KEYS[12], KEYS[13], KEYS[5], KEYS[8], ARGV[11], now, cfg, true, decision ~= 'allow', labels,
    meta)
  if redis.call('ZADD', KEYS[14], now, ARGV[11]) == 1 and redis.call('ZCARD', KEYS[14]) > 10000 then
    redis.call('ZREMRANGEBYRANK', KEYS[14], 0, -10001)
  end
else  -- the breaker is off: nothing counted, but a mode a person set still applies
  mode = meta[1] or 'open'
end
if mode == 'closed' then
  decision, reason = 'reject', 'article_closed'
elseif mode == 'premoderated' and decision == 'allow' then
  decision, reason = 'review', 'article_premoderated'
end
local standing = nil
if ARGV[9] == '1' and STANDING_ON then
  local scfg = STANDING_CFG
  local author, weight = fields['author_id'], tonumber(ARGV[12])
  standing = author_standing(KEYS[15], KEYS[16], KEYS[5], KEYS[8], author, now, scfg, 0, '', 'strikes', 'decay')
  if standing == 'suspended' and mode ~= 'closed' then
    decision, reason = 'reject', 'author_suspended'
  elseif standing == 'premoderated' and decision == 'allow' then
    decision, reason = 'review', 'author_premoderated'
  elseif standing == 'trusted' and reason == '' and fields['trusted_decision'] then
    decision, reason = fields['trusted_decision'], 'author_trusted'  -- the relaxed review threshold
  end
  if weight > 0 then
    local member = id .. '|' .. weight
    standing = author_standing(KEYS[15], KEYS[16], KEYS[5], KEYS[8], author, now, scfg, weight, member, 'strikes',
      'rejected:' .. id)
    fields['strike'] = member
  end
  fields['author_standing'] = standing
end
if reason ~= '' then
  queued = decision == 'review'
  if decision ~= 'allow' then ttl = TTL_RECORD end
  fields['decision'], fields['decision_reason'] = decision, reason
  fields['status'] = ({allow = 'published', review = 'pending', reject = 'rejected'})[decision]
end
if mode ~= 'open' then fields['article_mode'] = mode end
if queued then  -- the queue's fields go in the same write as the record
  fields['queue_state'], fields['claimed_by'], fields['lease_until'], fields['rank'] = 'ready', '', 0, rank
else
  fields['queue_state'] = ''
end
local flat, n = {}, 0
for name, value in pairs(fields) do
  flat[n + 1], flat[n + 2] = name, value
  n = n + 2
end
redis.call('HSET', rec, unpack(flat))
local new_bucket = false
for _, bucket in ipairs(cjson.decode(ARGV[8])) do
  if redis.call('HINCRBY', KEYS[9], bucket, 1) == 1 then new_bucket = true end
end
if new_bucket then redis.call('EXPIRE', KEYS[9], 40 * 86400) end  -- a new day's key has a new bucket
redis.call('HINCRBY', KEYS[6], 'submitted:' .. decision, 1)
local nudged = fields['nudged']  -- posted after a pre-post nudge: unchanged or revised
if nudged then redis.call('HINCRBY', KEYS[6], 'nudged:' .. nudged, 1) end
if ARGV[9] == '1' then
  redis.call('HINCRBY', KEYS[7], 'submitted', 1)
  if redis.call('LPUSH', KEYS[10], id) > 50 then redis.call('LTRIM', KEYS[10], 0, 49) end
end
-- the window search reads the latest 5000; trimmed once per RECENT_SLACK comments, not at every one
if redis.call('LPUSH', KEYS[11], id) > 5000 + RECENT_SLACK then redis.call('LTRIM', KEYS[11], 0, 4999) end
local data = nil
if reason ~= '' then data = cjson.encode({reason = reason}) end
local known, meta_known = {fields['article_id'], fields['author_id']}, {fields['categories'], fields['model_version']}
if queued then
  redis.call('ZADD', KEYS[2], rank, id)
  redis.call('ZADD', KEYS[3], received, id)
  redis.call('ZADD', KEYS[4], received, id)
  for _, label in ipairs(labels) do redis.call('HINCRBY', KEYS[6], 'open:' .. label, 1) end
  local at = now_ms()
  audit(KEYS[5], id, 'queued', '', 'ready', 'system', reason ~= '' and reason or ARGV[6], at, rec, known)
  event(KEYS[8], id, 'comment.queued', 'pending', 'system', ARGV[6], at, '', data, rec, meta_known)
else
  if decision == 'reject' then
    local at = now_ms()
    audit(KEYS[5], id, 'auto_rejected', '', 'rejected', 'system', reason ~= '' and reason or ARGV[6], at, rec, known)
    event(KEYS[8], id, 'comment.rejected_automatically', 'rejected', 'system', ARGV[6], at, '', data, rec,
      meta_known)
  end
  if ttl > 0 then redis.call('EXPIRE', rec, ttl) end
end
return {1, '', decision, reason, mode, standing or ''}
"""


def submit_script(constants):
    """SUBMIT for one site: its settings as Lua constants (ReviewQueue.submit_constants), then the shared body."""
    return constants + _SUBMIT

# Claim, with every key declared (the caller reads the candidates first; the script re-checks each one):
# KEYS: ready, ready_age, claims, audit, held(moderator), then the records of the h held ids, the records of
# the e expired claims, the held keys of their e holders, the records of the c candidates.
# ARGV: moderator, n, lease ms, label filter, article filter, h, e, c, then the held ids, the expired ids, their
# holders, the candidate ids. Expired leases go back to the queue first; then the moderator's live claims are
# renewed; then candidates still ready and still matching are claimed, in the order given, up to n.
CLAIM = COMMON + """
local ready, ready_age, claims, audit_key, held = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5]
local mod, n, lease, label, article = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3]), ARGV[4], ARGV[5]
local nh, ne, nc = tonumber(ARGV[6]), tonumber(ARGV[7]), tonumber(ARGV[8])
local now = now_ms()
for i = 1, ne do
  local id, rec, holder = ARGV[8 + nh + i], KEYS[5 + nh + i], ARGV[8 + nh + ne + i]
  local lease_end = redis.call('ZSCORE', claims, id)
  if lease_end and tonumber(lease_end) <= now and redis.call('HGET', rec, 'claimed_by') == holder then
    to_ready(rec, id, ready, ready_age, claims, KEYS[5 + nh + ne + i])
    audit(audit_key, id, 'lease_expired', 'claimed', 'ready', holder, '', now, rec)
  end
end
local until_ms = now + lease
local out = {}
for i = 1, nh do
  local id, rec = ARGV[8 + i], KEYS[5 + i]
  if #out < n and redis.call('ZSCORE', held, id) then
    redis.call('ZADD', held, until_ms, id)
    redis.call('ZADD', claims, until_ms, id)
    redis.call('HSET', rec, 'lease_until', until_ms)
    table.insert(out, id)
  end
end
for i = 1, nc do
  if #out >= n then break end
  local id, rec = ARGV[8 + nh + 2 * ne + i], KEYS[5 + nh + 2 * ne + i]
  if redis.call('ZSCORE', ready, id) then
    local f = redis.call('HMGET', rec, 'labels', 'article_id', 'article_title')
    local ok = (label == '' or string.find(f[1] or '', '"' .. label .. '"', 1, true) ~= nil)
      and (article == '' or string.sub(f[2] or '', 1, #article) == article
           or string.find(string.lower(f[3] or ''), string.lower(article), 1, true) ~= nil)
    if ok then
      redis.call('HSET', rec, 'queue_state', 'claimed', 'claimed_by', mod, 'lease_until', until_ms)
      redis.call('ZREM', ready, id)
      redis.call('ZREM', ready_age, id)
      redis.call('ZADD', claims, until_ms, id)
      redis.call('ZADD', held, until_ms, id)
      audit(audit_key, id, 'claimed', 'ready', 'claimed', mod, '', now, rec)
      table.insert(out, id)
    end
  end
end
return out
"""

# Skip, or an admin's release of someone else's claim (ARGV force = '1'). KEYS: record, ready, ready_age,
# claims, audit, held(the holder read before the call). ARGV: id, moderator, force, reason, that holder.
# A holder that changed since the read answers 'retry'.
RELEASE = COMMON + """
local rec = KEYS[1]
local f = redis.call('HMGET', rec, 'queue_state', 'claimed_by')
if not f[1] then return 'not_found' end
if f[1] ~= 'claimed' or (f[2] ~= ARGV[2] and ARGV[3] ~= '1') then return 'not_held' end
if f[2] ~= ARGV[5] then return 'retry' end
to_ready(rec, ARGV[1], KEYS[2], KEYS[3], KEYS[4], KEYS[6])
audit(KEYS[5], ARGV[1], 'released', 'claimed', 'ready', ARGV[2], ARGV[4], now_ms(), rec)
return 'ok'
"""

# A moderator who leaves (tab closed, idle, logged out): every claim they hold goes back to the queue.
# KEYS: held(moderator), ready, ready_age, claims, audit, then the records of the held ids.
# ARGV: moderator, reason, then the held ids (read before the call; one no longer theirs is only dropped).
RELEASE_HELD = COMMON + """
local now = now_ms()
local n = 0
for i = 3, #ARGV do
  local id, rec = ARGV[i], KEYS[i + 3]
  local f = redis.call('HMGET', rec, 'queue_state', 'claimed_by')
  if f[1] == 'claimed' and f[2] == ARGV[1] then
    to_ready(rec, id, KEYS[2], KEYS[3], KEYS[4], KEYS[1])
    audit(KEYS[5], id, 'released', 'claimed', 'ready', ARGV[1], ARGV[2], now, rec)
    n = n + 1
  else
    redis.call('ZREM', KEYS[1], id)
  end
end
return n
"""

# KEYS: record, ready, ready_age, claims, open, audit, stats, author (or placeholder), events, labels,
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
local f = redis.call('HMGET', rec, 'queue_state', 'claimed_by', 'lease_until', 'labels', 'decided_by', 'outcome')
if not f[1] then return {'not_found'} end
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
local g = redis.call('HMGET', rec, 'text', 'scores', 'categories')
local text, scores = g[1] or '', cjson.decode(g[2] or '{}')
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
# KEYS: record, ready, ready_age, claims, open, audit, stats, author (or placeholder), held(moderator), events,
# labels, the author's strikes and standing (or placeholders). ARGV: id, moderator, mode (undo|reopen), window
# ms, lease ms, reason, author known (1|0), labels retention. A rejection's strike is taken back (the standing is
# worked out again at its next read or comment).
REOPEN = COMMON + """
local rec = KEYS[1]
local f = redis.call('HMGET', rec, 'queue_state', 'decided_by', 'decided_at', 'labels', 'outcome',
  'rank', 'received_at')
if not f[1] then return 'not_found' end
if f[1] ~= 'decided' then return 'not_decided' end
local now = now_ms()
local id, mod, mode = ARGV[1], ARGV[2], ARGV[3]
if mode == 'undo' and (f[2] ~= mod or now - tonumber(f[3]) > tonumber(ARGV[4])) then return 'too_late' end
redis.call('PERSIST', rec)
redis.call('HSET', rec, 'status', 'pending', 'outcome', '', 'decided_by', '', 'decided_at', '', 'reason', '')
redis.call('ZADD', KEYS[5], f[7], id)
if mode == 'undo' then
  local until_ms = now + tonumber(ARGV[5])
  redis.call('HSET', rec, 'queue_state', 'claimed', 'claimed_by', mod, 'lease_until', until_ms)
  redis.call('ZADD', KEYS[4], until_ms, id)
  redis.call('ZADD', KEYS[9], until_ms, id)
else
  redis.call('HSET', rec, 'queue_state', 'ready', 'claimed_by', '', 'lease_until', 0)
  redis.call('ZADD', KEYS[2], f[6], id)
  redis.call('ZADD', KEYS[3], f[7], id)
end
for _, label in ipairs(cjson.decode(f[4])) do redis.call('HINCRBY', KEYS[7], 'open:' .. label, 1) end
redis.call('HINCRBY', KEYS[7], 'decided:' .. f[5], -1)
if ARGV[7] == '1' then redis.call('HINCRBY', KEYS[8], f[5], -1) end
audit(KEYS[6], id, mode == 'undo' and 'undone' or 'reopened', f[5], 'pending', mod, ARGV[6], now, rec)
event(KEYS[10], id, 'comment.reopened', 'pending', mod, ARGV[6], now, '', nil, rec)
redis.call('XADD', KEYS[11], 'MAXLEN', '~', ARGV[8], '*', 'id', id, 'retract', 1, 'source', 'moderator', 'by', mod,
  'at', now)
local strike = redis.call('HGET', rec, 'strike')
if strike and ARGV[7] == '1' then
  redis.call('ZREM', KEYS[12], strike)
  redis.call('HDEL', rec, 'strike')
  if redis.call('EXISTS', KEYS[13]) == 1 then redis.call('HSET', KEYS[13], 'next_decay', 1) end
end
return 'ok'
"""

# A reader's report: counted on the record, kept as a label, and a published comment that reaches the
# report threshold goes to the review queue (it stays visible until a moderator rejects it).
# KEYS: record, ready, ready_age, open, audit, stats, labels, reported (the 通報 view, latest 1000), label texts,
# label texts' last use. ARGV: id, reason, reporter, min reports, rank, labels retention. A reason already
# reported on the same text adds no label (training_labels.LABEL de-duplicates feedback by text hash).
REPORT = COMMON + """
local rec = KEYS[1]
local f = redis.call('HMGET', rec, 'queue_state', 'status', 'labels', 'text', 'received_at')
if not f[1] then return 'not_found' end
local id, reason, reporter = ARGV[1], ARGV[2], ARGV[3]
local now = now_ms()
local n = redis.call('HINCRBY', rec, 'reports', 1)
redis.call('HSET', rec, 'last_report', reason)
redis.call('ZADD', KEYS[8], now, id)
redis.call('ZREMRANGEBYRANK', KEYS[8], 0, -1001)
if reason == 'spam' or reason == 'abuse' then
  label(KEYS[7], KEYS[9], KEYS[10], ARGV[6], id, reason, 1, 'report', reporter, now, f[4] or '')
end
if f[1] ~= '' or f[2] ~= 'published' or n < tonumber(ARGV[4]) then return 'recorded' end
local labels = cjson.decode(f[3])
local tag = reason
if reason ~= 'spam' and reason ~= 'abuse' then tag = 'reported' end
local seen = false
for _, l in ipairs(labels) do if l == tag then seen = true end end
if not seen then table.insert(labels, tag) end
redis.call('PERSIST', rec)
redis.call('HSET', rec, 'labels', cjson.encode(labels), 'queue_state', 'ready', 'claimed_by', '', 'lease_until', 0,
  'rank', ARGV[5])
redis.call('ZADD', KEYS[2], ARGV[5], id)
redis.call('ZADD', KEYS[3], f[5], id)
redis.call('ZADD', KEYS[4], f[5], id)
for _, l in ipairs(labels) do redis.call('HINCRBY', KEYS[6], 'open:' .. l, 1) end
audit(KEYS[5], id, 'reported', '', 'ready', reporter, reason, now, rec)
return 'queued'
"""

# A rights request's removal: a PUBLISHED or pending comment is rejected at once (reason given by the caller,
# `rights_request`), leaving the queue if it was on it; the site hears comment.rejected with the request in
# `data`. Time comes from the caller's clock. The caller reads claimed_by first and passes that moderator's held
# key (a placeholder key of the site when unclaimed); if the claim changed meanwhile the script answers
# claim_changed and the caller reads again.
# KEYS: record, ready, ready_age, claims, open, audit, stats, author (placeholder when none), events, held.
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
