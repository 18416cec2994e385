-- wrk script of build.ps1 bench: counts responses that are not a success envelope ({"error":null,...} with HTTP 200)
-- and prints "Bad responses: N", the first bad one and the slowest answer; the bench fails when N is not 0.
-- Paths given after "--" are requested in turn instead of the URL's path (bench outage: several pages).
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  bad = 0
  sample = ""
  paths = args
  n = 0
end

function request()
  if #paths == 0 then
    return wrk.request()
  end
  n = n + 1
  return wrk.format("GET", paths[(n % #paths) + 1])
end

function response(status, headers, body)
  if status ~= 200 or string.sub(body, 1, 14) ~= '{"error":null,' then
    bad = bad + 1
    if sample == "" then
      sample = status .. " " .. string.sub(body, 1, 200)
    end
  end
end

function done(summary, latency, requests)
  local total, first = 0, ""
  for _, thread in ipairs(threads) do
    total = total + thread:get("bad")
    if first == "" then
      first = thread:get("sample")
    end
  end
  io.write(string.format("Bad responses: %d\n", total))
  io.write(string.format("Max latency ms: %.1f\n", latency.max / 1000))
  if total > 0 then
    io.write("First bad response: " .. first .. "\n")
  end
end
