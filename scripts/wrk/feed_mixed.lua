-- The mixed run of scripts/feed_bench.sh: 90% GET /v1/feed for uniformly random users of the scale
-- data set, 10% POST /v1/events with a batch of BATCH events (impressions, clicks, likes, hides of
-- random contents and campaigns) for a random user. Event ids are RUN-thread-n, unique per run, so
-- the script can count in the database afterwards that every accepted event landed. done() prints
-- "EVENTS sent=... accepted=... duplicate=... rejected=... failed_batches=...".
-- Environment: USERS, CONTENTS, CAMPAIGNS (100000 each), BATCH (10), RUN (a run id).
local users = tonumber(os.getenv("USERS") or "100000")
local contents = tonumber(os.getenv("CONTENTS") or "100000")
local campaigns = tonumber(os.getenv("CAMPAIGNS") or "100000")
local batch = tonumber(os.getenv("BATCH") or "10")
local run = os.getenv("RUN") or tostring(os.time())
local types = { "impression", "impression", "impression", "impression", "impression", "impression",
  "click", "click", "like", "hide" }

local threads = {}
local counter = 1
function setup(thread)
  thread:set("id", counter)
  table.insert(threads, thread)
  counter = counter + 1
end

function init(args)
  math.randomseed(1000 + id)
  n, sent, accepted, duplicate, rejected, failed = 0, 0, 0, 0, 0, 0
end

local function events()
  local user = string.format("scale_user_%07d", math.random(users))
  local ts = os.date("!%Y-%m-%dT%H:%M:%SZ")
  local parts = {}
  for i = 1, batch do
    n = n + 1
    local type = types[math.random(#types)]
    local item
    -- A like takes a content; impressions, clicks and hides go to campaigns one time in four.
    if type ~= "like" and math.random(4) == 1 then
      item = string.format("scale_camp_%07d", math.random(campaigns))
    else
      item = string.format("scale_content_%07d", math.random(contents))
    end
    parts[i] = string.format(
      '{"event_id":"%s-%d-%d","user_id":"%s","type":"%s","item_id":"%s","ts":"%s"}',
      run, id, n, user, type, item, ts)
  end
  sent = sent + batch
  return '{"events":[' .. table.concat(parts, ",") .. ']}'
end

function request()
  if math.random(10) == 1 then
    return wrk.format("POST", "/v1/events", { ["Content-Type"] = "application/json" }, events())
  end
  return wrk.format("GET", string.format("/v1/feed?user_id=scale_user_%07d", math.random(users)))
end

function response(status, headers, body)
  local a = body:match('"accepted"%s*:%s*(%d+)')
  if a then
    accepted = accepted + tonumber(a)
    duplicate = duplicate + tonumber(body:match('"duplicate"%s*:%s*(%d+)') or "0")
    rejected = rejected + tonumber(body:match('"rejected"%s*:%s*(%d+)') or "0")
  elseif status ~= 200 then
    failed = failed + 1
  end
end

function done(summary, latency, requests)
  local s, a, d, r, f = 0, 0, 0, 0, 0
  for _, t in ipairs(threads) do
    s = s + t:get("sent"); a = a + t:get("accepted"); d = d + t:get("duplicate")
    r = r + t:get("rejected"); f = f + t:get("failed")
  end
  io.write(string.format("EVENTS sent=%d accepted=%d duplicate=%d rejected=%d failed_batches=%d\n",
    s, a, d, r, f))
end
