-- wrk script of build.ps1 bench: counts responses that are not a success envelope ({"error":null,...} with HTTP 200)
-- and prints "Bad responses: N" and the first one; the bench fails when N is not 0.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  bad = 0
  sample = ""
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
  if total > 0 then
    io.write("First bad response: " .. first .. "\n")
  end
end
