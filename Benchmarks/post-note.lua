-- wrk script for Benchmarks/serve-load.sh: POST the note named by $NOTE to /v1/code as text/plain,
-- and count answers that are not 200.
wrk.method = "POST"
wrk.headers["Content-Type"] = "text/plain"
local file = assert(io.open(os.getenv("NOTE"), "rb"))
wrk.body = file:read("*a")
file:close()

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("requests: %d  non-2xx: %d  socket errors: connect %d, read %d, write %d, timeout %d\n",
    summary.requests, e.status, e.connect, e.read, e.write, e.timeout))
  io.write(string.format("latency: mean %.1f ms, p99 %.1f ms\n", latency.mean / 1000, latency:percentile(99) / 1000))
end
