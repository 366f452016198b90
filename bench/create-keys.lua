-- POST /api/credentials/keys with the key in API_KEY until this thread has created PER_THREAD keys, appending
-- each new token to OUT.<thread>. Run with as many connections as threads: one request in flight per thread, so
-- no thread creates more than its share.
local counter = 1

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end

local created = 0
local target
local out

function init(args)
  target = tonumber(os.getenv("PER_THREAD"))
  out = io.open(os.getenv("OUT") .. "." .. id, "w")
  wrk.method = "POST"
  wrk.headers["x-api-key"] = os.getenv("API_KEY")
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  created_name = (created_name or 0) + 1
  return wrk.format(nil, nil, nil, '{"name": "bench ' .. id .. '-' .. created_name .. '"}')
end

function response(status, headers, body)
  if status == 201 then
    out:write(body:match('"token"%s*:%s*"(key_[0-9a-f]+)"'), "\n")
    out:flush()
    created = created + 1
  end
  if created >= target then
    wrk.thread:stop()
  end
end
