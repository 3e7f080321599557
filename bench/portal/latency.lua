-- wrk script: each request carries one of the signed-in sessions' cookies (round robin), so 50 connections act as
-- 50 users; prints p50/p95/p99 (wrk's --latency has no p95), socket errors by kind and wrk's count of non-2xx/3xx
-- answers (status_errors).
local cookies = {}
for line in io.lines(os.getenv("BENCH_COOKIES")) do
  cookies[#cookies + 1] = line
end
local n = 0
-- BENCH_THINK_MS > 0: each connection (user) waits that long after an answer before its next request (open-ish
-- load, the second figure); 0 or unset: closed loop, the next request goes as soon as the answer is in (saturation).
local think = tonumber(os.getenv("BENCH_THINK_MS") or "0")
if think > 0 then
  delay = function()
    return think
  end
end
local non2xx = 0

request = function()
  n = n + 1
  return wrk.format("GET", wrk.path, { ["Cookie"] = cookies[(n % #cookies) + 1] })
end

response = function(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
  end
end

done = function(summary, latency, requests)
  -- socket errors by kind: timeout = no answer within wrk's --timeout (2 s by default)
  local e = summary.errors
  io.write(string.format("RESULT p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f requests=%d rps=%.0f socket_errors=%d " ..
    "(connect=%d read=%d write=%d timeout=%d) status_errors=%d\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests, summary.requests / (summary.duration / 1e6),
    e.connect + e.read + e.write + e.timeout, e.connect, e.read, e.write, e.timeout, e.status))
end
