-- GET wrk's path with a well-formed token nobody holds, new on every request: each one misses every cache,
-- the worst case an attacker can produce without a valid key.
local hex = "0123456789abcdef"
local counter = 1

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end

function init(args)
  math.randomseed(os.time() * 1000 + (id or 0))
end

function request()
  local chars = {}
  for i = 1, 48 do
    local n = math.random(1, 16)
    chars[i] = hex:sub(n, n)
  end
  return wrk.format("GET", wrk.path, { ["x-api-key"] = "key_" .. table.concat(chars) })
end
