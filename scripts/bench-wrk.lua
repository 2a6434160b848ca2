-- wrk script of scripts/bench: the delegated-access headers from the environment, a fresh Idempotency-Key per write, a one-line summary.
local session = os.getenv("GUICHET_SESSION")
local method = os.getenv("GUICHET_METHOD") or "GET"
local run = os.getenv("GUICHET_RUN") or tostring(os.time())

if session then
  wrk.headers["Authorization"] = "Bearer " .. session
  wrk.headers["Guichet-Delegation"] = os.getenv("GUICHET_DELEGATION")
end

local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("thread_id", threads)
end

if method == "POST" then
  wrk.method = "POST"
  wrk.body = "{}"
  wrk.headers["Content-Type"] = "application/json"
  local counter = 0
  function request()
    counter = counter + 1
    wrk.headers["Idempotency-Key"] = string.format("bench-%s-%d-%d", run, thread_id, counter)
    return wrk.format()
  end
end

-- WRK <requests> <requests/s> <p50 ms> <p99 ms> <errors: socket errors and non-2xx/3xx answers>
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("WRK\t%d\t%.0f\t%.2f\t%.2f\t%d\n", summary.requests,
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    e.connect + e.read + e.write + e.timeout + e.status))
end
