-- wrk script: each request takes the next line of a file, so that requests rotate over many
-- signed-in people (one session cookie each). The file is named by the environment variable
-- BENCH_LINES; its lines are tab-separated:
--   GET  <path> <session cookie, or - for none>
--   POST <path> <session cookie> <form body>            (the body carries _csrf)
-- Each wrk thread starts at its own offset and steps by the number of threads, so with POSTs
-- that must not repeat (a mark into an empty cell) no two requests use the same line until the
-- file wraps round. Responses are counted as ok (2xx, or 3xx to anywhere but /login) or bad.

local threads = {}
local counter = 1

function setup(thread)
  thread:set("id", counter)
  table.insert(threads, thread)
  counter = counter + 1
end

local lines = {}

function init(args)
  local file = assert(io.open(os.getenv("BENCH_LINES"), "r"))
  for line in file:lines() do
    local f = {}
    for field in string.gmatch(line, "[^\t]+") do
      table.insert(f, field)
    end
    table.insert(lines, f)
  end
  file:close()
  step = tonumber(os.getenv("BENCH_THREADS") or "2")
  index = id - 1
  ok = 0
  bad = 0
end

function request()
  local f = lines[(index % #lines) + 1]
  index = index + step
  local headers = { ["Accept-Encoding"] = "gzip" }
  if f[3] ~= "-" then
    headers["Cookie"] = "SESSION=" .. f[3]
  end
  if f[1] == "POST" then
    headers["Content-Type"] = "application/x-www-form-urlencoded"
    headers["HX-Request"] = "true"
    return wrk.format("POST", f[2], headers, f[4])
  end
  return wrk.format("GET", f[2], headers, nil)
end

function response(status, headers, body)
  local location = headers["Location"] or ""
  if status < 300 or (status < 400 and not string.find(location, "/login")) then
    ok = ok + 1
  else
    bad = bad + 1
  end
end

function done(summary, latency, requests)
  local good, wrong = 0, 0
  for _, t in ipairs(threads) do
    good = good + t:get("ok")
    wrong = wrong + t:get("bad")
  end
  io.write(string.format("BENCH ok=%d bad=%d p50=%.2f p99=%.2f rps=%.1f bytes=%.0f\n", good, wrong,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    good / (summary.duration / 1e6),
    summary.bytes / math.max(1, summary.requests)))
end
