-- wrk script of scripts/bench: the delegated-access headers from the environment (or several sittings in turn), a fresh Idempotency-Key per write, a one-line summary.
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

-- GUICHET_SITTINGS ("session delegation person;..."): each request for the next person in turn.
local sittings = {}
for session_token, delegation, person in string.gmatch(os.getenv("GUICHET_SITTINGS") or "", "([^; ]+) ([^; ]+) ([^;]+)") do
  table.insert(sittings, {session = session_token, delegation = delegation, person = person})
end

if method == "POST" then
  wrk.method = "POST"
  wrk.body = "{}"
  wrk.headers["Content-Type"] = "application/json"
  local counter = 0
  function request()
    counter = counter + 1
    wrk.headers["Idempotency-Key"] = string.format("bench-%s-%d-%d", run, thread_id, counter)
    if #sittings > 0 then
      local s = sittings[counter % #sittings + 1]
      wrk.headers["Authorization"] = "Bearer " .. s.session
      wrk.headers["Guichet-Delegation"] = s.delegation
      return wrk.format(nil, "/v1/persons/" .. s.person .. "/status-statements")
    end
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
