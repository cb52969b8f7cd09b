-- wrk script for bench/gateway/run.sh: POST /v1/chat/completions with a prompt whose text
-- differs on every request (a per-thread counter plus randomly chosen chunks of generated prose),
-- so no cache of verdicts or scans can stand in for inspection.
--
-- Environment (read by every wrk thread):
--   BENCH_PROMPT_BYTES  size of the user message text, default 1024
--   BENCH_STREAM        1: "stream": true and the header X-Bench-Stream: 1 (the stub upstream
--                       answers a fixed SSE stream instead of a JSON completion)
--   BENCH_KEY           bearer key sent as Authorization (Rampart's API key), default demo-key
--   BENCH_RATE          total requests per second over all threads; 0 or unset: as fast as the
--                       connections allow (throughput runs)
--   BENCH_THREADS       the -t given to wrk (to split BENCH_RATE), default 2
--   BENCH_LABEL         printed with the result line
--
-- Pacing: each request claims the next slot of a per-thread schedule (1000 / rate-per-thread ms
-- apart, monotonic clock via LuaJIT FFI) and waits until then; a connection that frees up late
-- sends at once, so the offered rate holds as long as enough connections are idle. Latency is
-- wrk's, measured from the moment a request is written (no coordinated-omission correction).
--
-- done() prints one machine-readable line: BENCH label=... rps=... p50_us=... p99_us=... ...

local ffi = require("ffi")
pcall(ffi.cdef, [[
  typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
  int clock_gettime(int clk_id, bench_timespec *tp);
]])
local ts = ffi.new("bench_timespec")
local function now_ms()
  ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
  return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
end

local prompt_bytes = tonumber(os.getenv("BENCH_PROMPT_BYTES") or "1024")
local stream = os.getenv("BENCH_STREAM") == "1"
local key = os.getenv("BENCH_KEY") or "demo-key"
local rate = tonumber(os.getenv("BENCH_RATE") or "0")
local threads = tonumber(os.getenv("BENCH_THREADS") or "2")
local label = os.getenv("BENCH_LABEL") or "run"

-- Ordinary business English, made of sentence templates with slots: nothing the guard should call
-- an injection (its model tier rightly finds a salad of random words odd), nothing DLP should
-- call personal data or a credential.
local nouns = {
  "report", "summary", "customer", "product", "roadmap", "meeting", "schedule", "budget",
  "forecast", "market", "analysis", "team", "project", "milestone", "deadline", "review",
  "design", "document", "draft", "proposal", "service", "ticket", "release", "version",
  "feature", "request", "priority", "sprint", "estimate", "cluster", "region", "network",
  "dashboard", "metric", "incident", "timeline", "owner", "stakeholder", "contract", "vendor",
  "invoice", "shipment", "warehouse", "supplier", "delivery", "route", "fleet", "library",
  "museum", "concert", "recipe", "kitchen", "station", "hotel", "booking", "painting",
  "chapter", "lesson", "course", "student", "teacher", "garden", "river", "village", "bridge",
  "harbour", "factory", "machine", "engine", "sensor", "printer", "laptop", "office", "campus",
  "partner", "agency", "council", "committee", "policy", "guideline", "checklist", "survey",
  "interview", "workshop", "webinar", "newsletter", "article", "headline", "paragraph",
  "sentence", "figure", "table", "chart", "diagram", "spreadsheet", "template", "folder",
  "archive", "backup", "server", "database", "pipeline", "module", "component", "interface",
  "migration", "upgrade", "rollout", "launch", "campaign", "audience", "channel", "segment",
  "discount", "subscription", "renewal", "invoice", "payment", "receipt", "refund", "order",
  "catalogue", "category", "brand", "label", "package", "container", "pallet", "truck",
}
local adjectives = {
  "quarterly", "annual", "monthly", "weekly", "regional", "global", "internal", "external",
  "detailed", "short", "clear", "simple", "useful", "careful", "quick", "steady", "gentle",
  "bright", "recent", "previous", "upcoming", "current", "final", "initial", "revised",
  "shared", "central", "local", "remote", "digital", "physical", "seasonal", "historical",
  "technical", "financial", "operational", "strategic", "practical", "reliable", "flexible",
  "modern", "classic", "northern", "southern", "eastern", "western", "coastal", "urban", "rural",
}
local verbs = {
  "summarise", "explain", "compare", "describe", "translate", "outline", "improve", "clarify",
  "review", "update", "prepare", "organise", "schedule", "estimate", "measure", "check",
  "plan", "draft", "rewrite", "shorten", "extend", "list", "rank", "group", "sort", "merge",
  "split", "publish", "archive", "share", "discuss", "present", "analyse", "forecast",
}
local days = { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "next week",
  "the end of the month", "the next quarter", "tomorrow morning", "this afternoon" }
local templates = {
  "Please {v} the {a} {n} for the {n} team before {d}.",
  "Could you {v} how the {n} affects our {a} {n}?",
  "The {a} {n} showed that the {n} {n}s grew faster than the {a} {n}.",
  "We need to {v} the {n} and {v} the {a} {n}s by {d}.",
  "Our {n} {n} is behind schedule because the {a} {n} arrived late.",
  "In the {a} {n}, the {n} {n} was moved to the {a} {n}.",
  "Which {n}s should we {v} first, the {a} ones or the {a} {n}s?",
  "After the {n} on {d}, the {n} owner will {v} the {a} {n}.",
  "The {n} from the {a} {n} needs a {a} {n} and a revised {n}.",
  "Last {n}, the {a} {n} and the {n} {n} were both {a}.",
  "Can you {v} this {n} and then {v} the {n} in a {a} {n}?",
}
local prefixes = { "sub", "co", "pre", "re", "multi", "inter", "over", "under", "mini", "mid" }
local lists = { n = nouns, a = adjectives, v = verbs, d = days }

local function pick(t)
  return t[math.random(#t)]
end

-- One sentence: a template with its slots filled. Nouns take a prefix or a plural now and then,
-- so that a 16 KB prompt has about the share of distinct words of real prose of that length
-- (1 - distinct/words about 0.75 for 16 KB of English; the guard counts above 0.85 as a flood).
local function sentence()
  return (pick(templates):gsub("{(%a)}", function(k)
    local w = pick(lists[k])
    if k == "n" and math.random(3) == 1 then
      w = pick(prefixes) .. w
    end
    if k == "n" and math.random(4) == 1 then
      w = w .. "s"
    end
    return w
  end))
end

local CHUNK = 256
local chunks = {}
local counter = 0

local function random_chunk()
  local parts, n = {}, 0
  while n < CHUNK do
    local s = sentence()
    parts[#parts + 1] = s
    n = n + #s + 1
  end
  return table.concat(parts, " ")
end

local function json_escape(s)
  return (s:gsub('[%c"\\]', function(c)
    return string.format("\\u%04x", c:byte())
  end))
end

function setup(thread)
  thread:set("id", (__bench_threads or 0) + 1)
  __bench_threads = (__bench_threads or 0) + 1
end

function init(args)
  math.randomseed(os.time() * 1000 + (id or 0) * 7919 + math.floor(now_ms() % 100000))
  for i = 1, 256 do
    chunks[i] = random_chunk()
  end
  wrk.method = "POST"
  wrk.path = "/v1/chat/completions"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. key
  if stream then
    wrk.headers["X-Bench-Stream"] = "1"
  end
end

local head = '{"model":"gpt-4o-mini","messages":[{"role":"system","content":"You are a '
  .. 'helpful assistant for an operations team."},{"role":"user","content":"'
local tail = stream and '"}],"stream":true}' or '"}]}'

function request()
  counter = counter + 1
  local parts = { "Request ", tostring(id or 0), "-", tostring(counter), ": " }
  local n = 0
  local want = prompt_bytes - 24
  while n < want do
    local c = chunks[math.random(#chunks)]
    parts[#parts + 1] = c
    parts[#parts + 1] = " "
    n = n + #c + 1
  end
  local text = json_escape(table.concat(parts))
  return wrk.format(nil, nil, nil, head .. text .. tail)
end

if rate > 0 then
  local interval = 1000.0 * threads / rate
  local next_slot = nil
  function delay()
    local t = now_ms()
    if next_slot == nil or next_slot < t - 1000 then
      next_slot = t -- first request, or more than a second behind: do not burst to catch up
    end
    next_slot = next_slot + interval
    local d = next_slot - t
    if d < 0 then
      return 0
    end
    return d
  end
end

function done(summary, latency, requests)
  local secs = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    "BENCH label=%s requests=%d rps=%.1f p50_us=%d p99_us=%d max_us=%d mean_us=%.1f "
      .. "non2xx=%d connect_err=%d read_err=%d write_err=%d timeouts=%d bytes=%d\n",
    label, summary.requests, summary.requests / secs, latency:percentile(50),
    latency:percentile(99), latency.max, latency.mean, e.status, e.connect, e.read, e.write,
    e.timeout, summary.bytes))
end
