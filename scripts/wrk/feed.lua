-- GET /v1/feed for the 15 demo users in turn.
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", string.format("/v1/feed?user_id=user_%03d", (n % 15) + 1))
end
