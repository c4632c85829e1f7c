-- wrk script for bench/load.py. Environment:
--   BENCH_MODE  ceiling (GET /healthz) | comment (POST /api/v1/comments) | batch (POST /api/v1/comments:batch)
--               | check (POST /api/v1/comments:check)
--   BENCH_DATA  file of request bodies, one a line, each with @ID@ placeholders for fresh comment ids
--   BENCH_KEY   API key;  BENCH_RUN  a tag that keeps ids unique across runs (no idempotent replays)
--   BENCH_READERS  how many reader ids @READER@ placeholders are drawn from (bench/mixes.py's news mix)
--   BENCH_DELAY_MS  optional pause before each request of a connection (bench/soak.py holds a rate with it)
--   BENCH_CLOSE  1: every POST asks for Connection: close, as nginx talks to gunicorn (deploy/nginx: no upstream
--               keep-alive; gunicorn's sync worker closes every connection anyway, its gthread worker keeps them)
-- done() prints one line: BENCH {json} with the request count, errors and latency percentiles (microseconds).

local mode = os.getenv("BENCH_MODE") or "ceiling"
local run = os.getenv("BENCH_RUN") or "r"
local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("tid", #threads)
end

local pause = tonumber(os.getenv("BENCH_DELAY_MS") or "")
if pause and pause > 0 then
  function delay()
    return pause
  end
end

local bodies = {}
local readers = tonumber(os.getenv("BENCH_READERS") or "")
local counter = 0
local headers = {}
local path = "/healthz"

function init(args)
  if mode == "ceiling" then return end
  headers["Authorization"] = "Bearer " .. os.getenv("BENCH_KEY")
  headers["Content-Type"] = "application/json"
  if os.getenv("BENCH_CLOSE") == "1" then headers["Connection"] = "close" end
  path = ({batch = "/api/v1/comments:batch", check = "/api/v1/comments:check"})[mode] or "/api/v1/comments"
  for line in io.lines(os.getenv("BENCH_DATA")) do
    table.insert(bodies, line)
  end
end

function request()
  if mode == "ceiling" then
    return wrk.format("GET", "/healthz")
  end
  counter = counter + 1
  local template = bodies[(counter * 7919 + tid * 104729) % #bodies + 1]
  local n = 0
  local body = template:gsub("@ID@", function()
    n = n + 1
    return run .. "-" .. tid .. "-" .. counter .. "-" .. n
  end)
  if readers then  -- a fresh reader for each comment of the news mix (bench/mixes.py READERS)
    body = body:gsub("@READER@", function() return "r-" .. math.random(1, readers) end)
  end
  return wrk.format("POST", path, headers, body)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH {"requests": %d, "duration_us": %d, "connect": %d, "read": %d, "write": %d, "status": %d, ' ..
    '"timeout": %d, "p50_us": %d, "p90_us": %d, "p99_us": %d, "max_us": %d}\n',
    summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
end
