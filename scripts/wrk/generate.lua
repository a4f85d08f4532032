-- POST /v1/ai/generate-feed with Korean and English prompts for the 15 demo users in turn.
local prompts = {
  "오늘 기분 좋은 패션 아이템 추천해줘",
  "주말 캠핑 여행에 필요한 준비물",
  "홈트레이닝 피트니스 용품 추천",
  "healthy snacks for a weekend trip",
  "a gift for my dog",
}
local n = 0
request = function()
  n = n + 1
  local body = string.format('{"user_id":"user_%03d","prompt":"%s","generate_image":true}',
    (n % 15) + 1, prompts[(n % #prompts) + 1])
  return wrk.format("POST", "/v1/ai/generate-feed", { ["Content-Type"] = "application/json" }, body)
end
