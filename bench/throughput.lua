-- wrk script of the load benchmark (bench/load_bench.py).
-- Cycles through the requests listed in a file, one "path<TAB>cookie[<TAB>form body]" a
-- line (a line with a body is a POST), so that many people's pages are asked for, and
-- prints the results as one line of JSON.

local requests = {}
local next_index = 0

function init(args)
  for line in io.lines(args[1]) do
    local path, cookie, body = line:match("^([^\t]+)\t?([^\t]*)\t?(.*)$")
    local headers = {}
    if cookie ~= "" then
      headers["Cookie"] = cookie
    end
    if body ~= "" then
      headers["Content-Type"] = "application/x-www-form-urlencoded"
      requests[#requests + 1] = wrk.format("POST", path, headers, body)
    else
      requests[#requests + 1] = wrk.format("GET", path, headers)
    end
  end
  -- Each thread starts at its own place in the list.
  next_index = math.random(#requests) - 1
end

function request()
  next_index = next_index % #requests + 1
  return requests[next_index]
end

function done(summary, latency, _)
  local errors = summary.errors
  io.write(string.format(
    '{"requests": %d, "duration_us": %d, "p50_us": %d, "p95_us": %d, "p99_us": %d, ' ..
    '"max_us": %d, "errors": {"connect": %d, "read": %d, "write": %d, "status": %d, ' ..
    '"timeout": %d}}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), latency.max, errors.connect, errors.read, errors.write,
    errors.status, errors.timeout))
end
