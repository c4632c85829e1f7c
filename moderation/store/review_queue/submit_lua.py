"""SUBMIT (SUBMIT_MANY): a comment's (a batch's) limits, breaker, standing, records and queue entries in one script."""

from moderation.store.append_only import PENDING
from moderation.store.author_standing import STANDING
from moderation.store.breaker_lua import BREAKER
from moderation.store.rate_limits import COUNT
from moderation.store.review_queue.recording_lua import RECORDING
from moderation.store.review_queue.staged_lua import STAGED

# KEYS: record, histogram of the day, then the comment's rate-limit counters (rate_limits.COUNT). The site's fixed
# keys are constants of its library (submissions.submit_constants, in the record's hash slot {site}: on a Cluster a
# script may use undeclared keys of its declared keys' slot): K_READY, K_OPEN, K_AUDIT, K_STATS, K_EVENTS, the
# site's recent comments K_RECENT (the window search scans) and article index K_INDEX. As arguments they were 7 of a
# comment's 18 keys (with three rate limits), each parsed and pushed into Lua at every call. So are the starts of
# the author's and the article's keys: the author's history K_AUTHOR and recent comments K_AUTHORED (review_queue),
# standing K_STANDING and strikes K_STRIKES (author_standing), the article's meta K_ART and window K_ARTW
# (articles), each completed here with the id the record carries (6 keys fewer a comment: ~1.1k of Valkey's
# instructions each as a key, a few hundred as a concatenation).
# ARGV: id, queued, rank, record fields (a JSON array of strings: name, value, name, value..., each name once;
# records.flat: its article_id, author_id, received_at, decision and labels (JSON array) are the ones this script
# uses, not five more arguments), the day
# histogram's field (its labels' buckets joined: "abuse:12|spam:3"; with HIST_APART a JSON array, a field each),
# now ms (the app's clock), the strike points of the model's rejection (0: none),
# the call's attempt token (random, one a submit() call), the record's `doc` field (records.DOC_FIELDS as one JSON
# object, stored as it comes: '' for none), then a code per counter ("cost|window ms|limit": rate_limits.COUNT).
# A record stored already: by this same call (its token in the record: its answer was lost and the call sent again,
# by redis-py's retry, run_on_master's after a failover or submit_many's) it is answered as it was then and nothing
# is charged again; else (the site's retry of its id) its counters are charged and it is answered {0, sha256}, over a
# limit or not: a retry of an acknowledged comment gets its stored answer, never 429.
# A queued or rejected comment's audit entry is its event's (the event carries article_id and author_id: one XADD, the
# audit trail reads both streams, audit_trail.py); AUDIT_APART (MODERATION_RECORD_DOC=0, while an earlier release
# serves) writes it into the audit stream as they read it, and the event without them.
# The site's settings are Lua constants of the site's own library (submit_library): the record ttls (TTL_PUBLISHED
# for a comment the policy allowed, TTL_RECORD otherwise), the breaker's six numbers (ART_CFG) and its categories'
# (art_category: the comment's article_category, else the registry's, picks one), the author standing's on/off and
# five numbers (STANDING_ON, STANDING_CFG). As arguments they were a third of the script's arguments, each parsed,
# copied into Lua and converted with tonumber() at every comment.
# One JSON argument for the record keeps the client's packing cheap (it was a third of a request's cost).
# The limits are counted first, in the same round trip: over one, nothing is stored ('-1|position|ms left').
# Then the article's window counts the comment (flagged: the model's decision is not allow) and its breaker may
# change the mode, which may override the decision: closed -> reject (article_closed), premoderated -> a clean
# comment is held (article_premoderated); then the author's standing: suspended -> reject (author_suspended),
# premoderated -> a clean comment is held (author_premoderated), trusted -> the record's trusted_decision (the
# policy's with relaxed review thresholds) replaces a hold (author_trusted); a model's rejection is a strike, which may
# change the standing the answer carries. submit_one (KEYS and ARGV its own: one comment's) answers '1||decision|
# reason|article mode|standing or empty', or '0|sha256' for one stored before, and whether it stored (or replayed) the
# comment; SUBMIT ends a stored comment's answer with '|' and the server's run_id while its append-only file write is
# postponed, else '' (append_only.PENDING), and SUBMIT_MANY ends its list of answers with it once. An answer is one
# string, its fields joined by '|' (none holds one: the decision, the rules' reasons, modes and standings are this
# code's words, the rest hex and numbers): Valkey turns a Lua table into a reply at ~6k instructions a table and ~0.9k
# an element (it looks up err, ok, double, map, set... in each), a string at ~1k (a 7-field table 10k more a
# SUBMIT, 2.6% of an allowed one's, session 58).
_PARTS = RECORDING + COUNT + BREAKER + STANDING

_BODY = """
local function submit_one(KEYS, ARGV)
local rec = KEYS[1]
local prior = redis.call('HMGET', rec, 'decision', 'attempt')  -- a new comment's: two nils, not seven
if prior[1] then
  prior = redis.call('HMGET', rec, 'decision', 'attempt', 'decision_reason', 'article_mode', 'author_standing',
    'text_sha256', 'doc')
end
if prior[1] and prior[2] == ARGV[8] then  -- this call sent again (its answer lost): answered as its first run was
  return '1||' .. prior[1] .. '|' .. (prior[3] or '') .. '|' .. (prior[4] or 'open') .. '|' .. (prior[5] or ''), true
end
local over, left = over_limit(KEYS, ARGV, 3, 10)
if prior[1] then  -- stored before: charged, but its retry is answered, never refused (text_sha256: in its doc now)
  return '0|' .. (prior[6] or cjson.decode(prior[7] or '{}')['text_sha256'] or ''), true
end
if over then return '-1|' .. over .. '|' .. left, false end
local id, queued, rank = ARGV[1], ARGV[2] == '1', ARGV[3]
-- the record's fields, name, value, name, value...: HSET's own arguments, read once for the values used here and
-- where decision and status stand (a JSON object was decoded to a table, then flattened again by pairs(): 3% of a
-- SUBMIT's instructions, session 42). A name comes once (records.flat, documents); what this script adds goes after.
local flat = cjson.decode(ARGV[4])
local n = #flat
local article_id, author_id, received, category, title, trusted, nudged, categories, model, at_decision, at_status
local labels_json
for i = 1, n, 2 do
  local name = flat[i]
  if name == 'article_id' then article_id = flat[i + 1]
  elseif name == 'author_id' then author_id = flat[i + 1]
  elseif name == 'decision' then at_decision = i + 1
  elseif name == 'status' then at_status = i + 1
  elseif name == 'labels' then labels_json = flat[i + 1]
  elseif name == 'received_at' then received = flat[i + 1]
  elseif name == 'categories' then categories = flat[i + 1]
  elseif name == 'model_version' then model = flat[i + 1]
  elseif name == 'article_category' then category = flat[i + 1]
  elseif name == 'article_title' then title = flat[i + 1]
  elseif name == 'trusted_decision' then trusted = flat[i + 1]
  elseif name == 'nudged' then nudged = flat[i + 1]
  end
end
local by_author = author_id ~= nil and author_id ~= ''  -- its author's keys are written (else none)
if not (at_decision and labels_json) then error('the record has no decision or no labels') end
local decision, reason, labels = flat[at_decision], '', {}
if labels_json ~= '[]' then labels = cjson.decode(labels_json) end  -- an allowed comment's none: nothing to decode
-- the record's ttl when it ends up not queued: the policy's decision (a trusted author's relaxed one counts)
local ttl = TTL_RECORD
if decision == 'allow' or trusted == 'allow' then ttl = TTL_PUBLISHED end
local now = tonumber(ARGV[6])
local cfg = ART_CFG
local art, artw = K_ART .. article_id, K_ARTW .. article_id
local meta = redis.call('HMGET', art, 'mode', 'mode_at', 'floor', 'category', 'title')
if category and not meta[4] then redis.call('HSETNX', art, 'category', category) end  -- the registry learns it
if title and not meta[5] then redis.call('HSETNX', art, 'title', title) end
category = category or meta[4]
local own = category and art_category(category)
if own then cfg = own end
local mode, _, first
if cfg[2] < ART_OFF then
  mode, _, first = art_breaker(art, artw, K_AUDIT, K_EVENTS, article_id, now, cfg, true, decision ~= 'allow',
    labels, meta)
  if first then zadd_later(K_INDEX, now, article_id, true) end  -- the article's first comment in its window's bucket
else  -- the breaker is off: nothing counted, but a mode a person set still applies
  mode = meta[1] or 'open'
end
if mode == 'closed' then
  decision, reason = 'reject', 'article_closed'
elseif mode == 'premoderated' and decision == 'allow' then
  decision, reason = 'review', 'article_premoderated'
end
local standing = nil
if by_author and STANDING_ON then
  local scfg = STANDING_CFG
  local author, weight = author_id, ARGV[7] == '0' and 0 or tonumber(ARGV[7])
  local skey, zkey = K_STANDING .. author, K_STRIKES .. author
  local s
  standing, _, _, s = author_standing(skey, zkey, K_AUDIT, K_EVENTS, author, now, scfg, 0, '', 'strikes', 'decay')
  if standing == 'suspended' and mode ~= 'closed' then
    decision, reason = 'reject', 'author_suspended'
  elseif standing == 'premoderated' and decision == 'allow' then
    decision, reason = 'review', 'author_premoderated'
  elseif standing == 'trusted' and reason == '' and trusted then
    decision, reason = trusted, 'author_trusted'  -- the relaxed review threshold
  end
  if weight > 0 then
    local member = id .. '|' .. ARGV[7]  -- the points as sent (a number's concatenation costs a sprintf)
    standing = author_standing(skey, zkey, K_AUDIT, K_EVENTS, author, now, scfg, weight, member, 'strikes',
      'rejected:' .. id, s)  -- the standing as the check left it: not read again
    flat[n + 1], flat[n + 2], n = 'strike', member, n + 2
  end
  flat[n + 1], flat[n + 2], n = 'author_standing', standing, n + 2
end
if reason ~= '' then
  queued = decision == 'review'
  if decision ~= 'allow' then ttl = TTL_RECORD end
  local status = ({allow = 'published', review = 'pending', reject = 'rejected'})[decision]
  -- in place where the record has them (a later same name in one HSET would be written twice, in the file too)
  if at_decision then flat[at_decision] = decision else flat[n + 1], flat[n + 2], n = 'decision', decision, n + 2 end
  if at_status then flat[at_status] = status else flat[n + 1], flat[n + 2], n = 'status', status, n + 2 end
  flat[n + 1], flat[n + 2], n = 'decision_reason', reason, n + 2
end
if mode ~= 'open' then flat[n + 1], flat[n + 2], n = 'article_mode', mode, n + 2 end
flat[n + 1], flat[n + 2], n = 'attempt', ARGV[8], n + 2
if queued then  -- the queue's fields go in the same write as the record (unclaimed: no claimed_by, lease_until)
  flat[n + 1], flat[n + 2], flat[n + 3], flat[n + 4], n = 'queue_state', 'ready', 'rank', rank, n + 4
elseif STATE_EMPTY then  -- never queued: no queue_state (its 2 arguments and their propagation), but for earlier
  flat[n + 1], flat[n + 2], n = 'queue_state', '', n + 2  -- releases, which test a record's being there by it
end
if ARGV[9] ~= '' then flat[n + 1], flat[n + 2], n = 'doc', ARGV[9], n + 2 end
redis.call('HSET', rec, unpack(flat))
if HIST_APART then  -- one field a label, as earlier releases read them (MODERATION_RECORD_DOC=0)
  for _, bucket in ipairs(cjson.decode(ARGV[5])) do tally(KEYS[2], bucket, HIST_TTL) end
else  -- one field a comment: its labels' buckets joined
  tally(KEYS[2], ARGV[5], HIST_TTL)
end
tally(K_STATS, 'submitted:' .. decision)
if nudged then tally(K_STATS, 'nudged:' .. nudged) end  -- posted after a pre-post nudge: unchanged or revised
if by_author then
  tally(K_AUTHOR .. author_id, 'submitted')
  local authored = K_AUTHORED .. author_id
  if redis.call('LPUSH', authored, id) > 50 then redis.call('LTRIM', authored, 0, 49) end
end
push_later(K_RECENT, id)
if queued or decision == 'reject' then  -- its event (and audit entry): what a published comment makes none of
  local data = nil
  if reason ~= '' then data = cjson.encode({reason = reason}) end
  local known, meta_known, at = {article_id, author_id}, {categories, model}, call_ms()
  if queued then
    zadd_later(K_READY, rank, id)
    zadd_later(K_OPEN, received, id)
    for _, label in ipairs(labels) do tally(K_STATS, 'open:' .. label) end
    if AUDIT_APART then
      audit(K_AUDIT, id, 'queued', '', 'ready', 'system', reason ~= '' and reason or labels_json, at, rec, known)
    end
    event(K_EVENTS, id, 'comment.queued', 'pending', 'system', labels_json, at, '', data, rec, meta_known,
      not AUDIT_APART and known)
  else
    if AUDIT_APART then
      audit(K_AUDIT, id, 'auto_rejected', '', 'rejected', 'system', reason ~= '' and reason or labels_json, at, rec,
        known)
    end
    event(K_EVENTS, id, 'comment.rejected_automatically', 'rejected', 'system', labels_json, at, '', data, rec,
      meta_known, not AUDIT_APART and known)
  end
end
if not queued and ttl > 0 then redis.call('EXPIRE', rec, ttl) end
return '1||' .. decision .. '|' .. reason .. '|' .. mode .. '|' .. (standing or ''), true
end
"""


# One comment: '-1|position|ms left' when over a limit, else submit_one's answer ending with aof_pending(); its
# Lua's error as the script's, after the writes made before it (LATER false: a record written before a later write
# failed is in the queue, a retry is a replay, as in _MANY; session 31's second read). It stages nothing to flush.
_ONE = """
local ok, answer, stored = pcall(submit_one, KEYS, ARGV)
if not ok then return redis.error_reply(type(answer) == 'table' and answer.err or tostring(answer)) end
if not stored then return answer end
return answer .. '|' .. aof_pending(CALL_MS)
"""

# A batch in one script: ARGV[1] the number of comments n, ARGV[2i], ARGV[2i + 1] the i-th comment's numbers of
# keys and of arguments, then each comment's SUBMIT keys (KEYS) and arguments (ARGV) in turn. Answers each comment's
# submit_one answer (an error in its place when its Lua failed: the others go on, as separate calls did), then
# aof_pending() once for all. One EVALSHA instead of n: the counters and sets are written once (flush), the
# append-only file gets one MULTI/EXEC, and the site key's cost-0 limit is read once (LIMIT_SEEN).
_MANY = """
local n = tonumber(ARGV[1])
local ko, ao, answers = 0, 1 + 2 * n, {}
for i = 1, n do
  local nk, na = tonumber(ARGV[2 * i]), tonumber(ARGV[2 * i + 1])
  local keys, argv = {unpack(KEYS, ko + 1, ko + nk)}, {unpack(ARGV, ao + 1, ao + na)}  -- each made at its size
  ko, ao = ko + nk, ao + na
  local ok, answer = pcall(submit_one, keys, argv)
  if not ok then
    if type(answer) ~= 'table' then answer = {err = tostring(answer)} end
  end
  answers[i] = answer
end
flush(K_INDEX)
answers[n + 1] = aof_pending(CALL_MS)
return answers
"""

# The library's chunk (every helper, and submit_one): run once when a server loads the site's library, not at each
# comment (function_library). Read at each submit_library() call, so a bench may swap a part (bench/fsync.py).
CHUNK = _PARTS + PENDING + STAGED + _BODY

# The tables a call fills (LIMIT_SEEN: rate_limits.COUNT; staged_lua's), made afresh at each call: a library's
# locals outlive its calls, and a call that failed before its flush must not leave its writes to the next.
_FRESH_ONE = """
LIMIT_SEEN, LATER, CALL_MS = {}, false, nil
"""
_FRESH = """
LIMIT_SEEN, LATER, CALL_MS = {}, true, nil
TALLY, TALLY_TTL, ZADDS, PUSHES = {}, {}, {}, {}
"""


def submit_library(constants):
    """SUBMIT (one comment: `submit`) and SUBMIT_MANY (a batch, _MANY: `many`) for one site, its settings as Lua
    constants: (chunk, bodies) for function_library.Library."""
    return constants + CHUNK, {"submit": _FRESH_ONE + _ONE, "many": _FRESH + _MANY}
