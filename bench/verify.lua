-- POST /api/keys/verify {"key": ...} with the key in API_KEY (it needs keys:verify), verifying the first token of
-- the file in TOKENS: a tenant's own service checking the key its client presented.
local file = io.open(os.getenv("TOKENS"), "r")
local token = file:read("*l")
file:close()
wrk.method = "POST"
wrk.body = '{"key": "' .. token .. '"}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["x-api-key"] = os.getenv("API_KEY")
