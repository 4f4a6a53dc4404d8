-- wrk script for scripts/bench.d/50-web.sh: counts answers by status and
-- prints one RESULT line. With arguments "post CSRF PREFIX" every request
-- is an intake form sent with a new idempotency key PREFIX-THREAD-N, the
-- CSRF token read from a form page the signed-in session fetched.
--   wrk … -s bench-web.lua URL -- get
--   wrk … -s bench-web.lua URL -- post CSRF PREFIX
local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  mode = args[1] or "get"
  ok, other, sent = 0, 0, 0
  if mode == "post" then
    csrf, prefix = args[2], args[3]
    wrk.method = "POST"
    wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
  end
end

function request()
  if mode ~= "post" then return wrk.request() end
  sent = sent + 1
  local body = "csrf=" .. csrf .. "&key=" .. prefix .. "-" .. id .. "-" .. sent
    .. "&category=shoes&quantity=1"
  return wrk.format(nil, nil, nil, body)
end

function response(status, headers, body)
  if status >= 200 and status < 300 then ok = ok + 1 else other = other + 1 end
end

function done(summary, latency, requests)
  local good, bad = 0, 0
  for _, t in ipairs(threads) do
    good = good + t:get("ok")
    bad = bad + t:get("other")
  end
  local e = summary.errors
  io.write(string.format("RESULT rps=%.1f p50=%.2f p99=%.2f requests=%d ok=%d other=%d socket_errors=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests, good, bad, e.connect + e.read + e.write + e.timeout))
end
