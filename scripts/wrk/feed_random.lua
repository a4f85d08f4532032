-- GET /v1/feed for uniformly random users of the scale data set (scale_user_0000001...), so no
-- per-user cache can help. USERS (environment) is how many there are (default 100000).
local users = tonumber(os.getenv("USERS") or "100000")
math.randomseed(42)
request = function()
  return wrk.format("GET", string.format("/v1/feed?user_id=scale_user_%07d", math.random(users)))
end
