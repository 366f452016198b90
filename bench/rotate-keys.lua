-- GET wrk's path with a different x-api-key on each request, taken in turn from the file named by TOKENS
-- (one token per line). Each thread starts at its own offset so that all keys are in use at once. HEADER names
-- another header instead: the unauthenticated baseline sends the same requests at the same client cost (a Lua
-- call per request costs wrk, which shares the cores, more than its built-in fixed request).
local counter = 1

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end

local requests = {}
local next_index = 1

function init(args)
  for token in io.lines(os.getenv("TOKENS")) do
    requests[#requests + 1] = wrk.format("GET", wrk.path, { [os.getenv("HEADER") or "x-api-key"] = token })
  end
  if #requests == 0 then
    error("no tokens in " .. os.getenv("TOKENS"))
  end
  next_index = ((id or 1) * 7919) % #requests + 1
end

function request()
  local r = requests[next_index]
  next_index = next_index % #requests + 1
  return r
end
