// The ai-agent web console: a user's feed (like / hide through POST /v1/events) and AI post
// generation (POST /v1/ai/generate-feed). Plain DOM, no build step; every text from the API goes
// in through textContent, never as HTML.
"use strict";

const DEMO_USERS = Array.from({ length: 15 }, (_, i) => "user_" + String(i + 1).padStart(3, "0"));
const PAGE_SIZE = 10;
const KEY_STORE = "ai-agent.apiKey";
const LANG_STORE = "ai-agent.lang";

const TEXT = {
  ko: {
    title: "ai-agent 콘솔",
    apiKey: "API 키",
    apiKeyHelp: "보안 모드(AUTH_MODE=api_keys)에서만 필요합니다. 이 탭에만 저장됩니다.",
    save: "저장",
    clear: "지우기",
    keySet: "키 저장됨",
    keyNone: "키 없음 (공개 모드)",
    user: "사용자",
    showFeed: "피드 보기",
    feed: "피드",
    feedEnd: "마지막 항목입니다.",
    more: "더 보기",
    generate: "AI 게시물 만들기",
    prompt: "프롬프트 (한국어 또는 English)",
    withImage: "이미지 생성",
    publish: "팔로워 피드에 공개",
    generateButton: "생성",
    writing: "게시물을 쓰는 중입니다…",
    content: "콘텐츠",
    by: "작성자",
    advertiser: "광고주",
    score: "점수",
    like: "좋아요",
    liked: "좋아요 취소",
    hide: "숨기기",
    hidden: "숨겼습니다",
    noImage: "이미지 없음",
    products: "인용된 상품",
    campaigns: "관련 캠페인",
    product: "상품",
    price: "가격",
    providers: "제공자",
    published: "팔로워 피드에 공개됨",
    notPublished: "공개하지 않음",
    needKey: "API 키가 필요합니다. 위의 ‘API 키’에 붙여 넣으세요.",
    rejected: "거부됨",
    network: "서버에 연결할 수 없습니다",
    reasons: {
      in_your_interests: "관심사",
      similar_to_your_interests: "관심사와 비슷함",
      followed_author: "팔로우한 작성자",
      liked_by_similar_users: "비슷한 사용자가 좋아함",
      liked_similar: "좋아한 글과 비슷함",
      fresh: "최신",
      new_for_you: "처음 보는 글",
      discover: "새로운 발견",
      sponsored: "광고",
      targets_your_interests: "관심사 타깃",
    },
  },
  en: {
    title: "ai-agent console",
    apiKey: "API key",
    apiKeyHelp: "Needed only in a secure mode (AUTH_MODE=api_keys). Kept in this tab only.",
    save: "Save",
    clear: "Clear",
    keySet: "key saved",
    keyNone: "no key (open mode)",
    user: "User",
    showFeed: "Show feed",
    feed: "Feed",
    feedEnd: "That is the last item.",
    more: "More",
    generate: "Write an AI post",
    prompt: "Prompt (Korean or English)",
    withImage: "Generate a picture",
    publish: "Publish to followers' feeds",
    generateButton: "Generate",
    writing: "Writing the post…",
    content: "Content",
    by: "by",
    advertiser: "advertiser",
    score: "score",
    like: "Like",
    liked: "Unlike",
    hide: "Hide",
    hidden: "Hidden",
    noImage: "no picture",
    products: "Cited products",
    campaigns: "Related campaigns",
    product: "Product",
    price: "Price",
    providers: "Providers",
    published: "published to followers' feeds",
    notPublished: "not published",
    needKey: "An API key is needed: paste it under 'API key' above.",
    rejected: "rejected",
    network: "The server cannot be reached",
    reasons: {
      in_your_interests: "your interests",
      similar_to_your_interests: "like your interests",
      followed_author: "followed author",
      liked_by_similar_users: "liked by similar users",
      liked_similar: "like what you liked",
      fresh: "fresh",
      new_for_you: "new for you",
      discover: "discover",
      sponsored: "sponsored",
      targets_your_interests: "targets your interests",
    },
  },
};

const state = {
  lang: localStorage.getItem(LANG_STORE) || (navigator.language.startsWith("ko") ? "ko" : "en"),
  user: null,
  cursor: null,
  loading: false,
  items: [],
  liked: new Set(),
  post: null,
};

const $ = (id) => document.getElementById(id);
const t = (key) => TEXT[state.lang][key];

/** Builds an element; strings become text nodes, so nothing from the API is parsed as HTML. */
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "class") node.className = value;
    else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

// ---- API ---------------------------------------------------------------------------------------

class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

async function api(path, options = {}) {
  const headers = { Accept: "application/json", ...(options.headers || {}) };
  const key = sessionStorage.getItem(KEY_STORE);
  if (key) headers.Authorization = "Bearer " + key;
  let response;
  try {
    response = await fetch(path, { ...options, headers });
  } catch (error) {
    throw new ApiError(0, "network", t("network"));
  }
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const failure = (body && body.error) || {};
    if (response.status === 401) $("key-panel").open = true;
    throw new ApiError(
      response.status,
      failure.code || "http_" + response.status,
      response.status === 401 ? t("needKey") + " (" + (failure.message || "") + ")" : failure.message || response.statusText);
  }
  return body;
}

function postJson(path, body) {
  return api(path, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
}

function showError(node, error) {
  node.textContent = error.status ? error.status + " " + error.code + ": " + error.message : error.message;
  node.hidden = false;
}

// crypto.randomUUID needs a secure context; an event id only has to be unique per user.
function eventId(type) {
  const random = Math.random().toString(36).slice(2, 10);
  return "console-" + type + "-" + Date.now().toString(36) + "-" + random;
}

async function recordEvent(type, itemId) {
  const answer = await postJson("v1/events", {
    events: [{ event_id: eventId(type), user_id: state.user, type, item_id: itemId }],
  });
  if (answer.rejected > 0) {
    const reason = (answer.rejections[0] && answer.rejections[0].reason) || "";
    throw new ApiError(422, t("rejected"), reason);
  }
  return answer;
}

// ---- Feed --------------------------------------------------------------------------------------

function pick(item, field) {
  return state.lang === "en" && item[field + "_en"] ? item[field + "_en"] : item[field];
}

function reasonList(reasons) {
  const names = TEXT[state.lang].reasons;
  return el("ul", { class: "reasons" }, (reasons || []).map((r) => el("li", { title: r }, names[r] || r)));
}

function feedCard(item) {
  const kind = item.type;
  const badge = kind === "content" ? t("content") : item.label || kind;
  const byline =
    kind === "ad"
      ? t("advertiser") + " " + item.advertiser
      : item.author_id
        ? t("by") + " " + item.author_id
        : null;
  const actions = el("div", { class: "actions" });
  if (kind === "content") {
    const liked = state.liked.has(item.id);
    actions.append(
      el("button", { type: "button", class: "like", "aria-pressed": String(liked), onclick: () => toggleLike(item) },
        liked ? "♥ " + t("liked") : "♡ " + t("like")));
  }
  actions.append(el("button", { type: "button", class: "hide", onclick: () => hideItem(item) }, t("hide")));
  return el(
    "li",
    { class: "card " + kind, "data-id": item.id, "data-type": kind },
    el("div", null, el("span", { class: "badge " + kind }, badge), el("span", { class: "muted" }, item.category)),
    el("h3", null, pick(item, "title")),
    el("p", { class: "sub" }, [byline, t("score") + " " + item.score, item.created_at && item.created_at.slice(0, 10)]
      .filter(Boolean).join(" · ")),
    kind === "ai_post" && item.image_url
      ? el("img", { src: item.image_url, alt: item.title, loading: "lazy", width: 512, height: 512 })
      : null,
    el("p", { class: "body" }, pick(item, "body")),
    item.hashtags ? el("p", { class: "hashtags" }, item.hashtags.join(" ")) : null,
    reasonList(item.reasons),
    actions,
    el("p", { class: "error item-error", hidden: true }),
  );
}

function renderFeed() {
  $("feed").replaceChildren(...state.items.map(feedCard));
  $("feed-user").textContent = state.user || "";
  $("feed-more").hidden = !state.cursor;
  $("feed-end").hidden = !state.user || !!state.cursor || state.loading;
}

async function loadFeed(reset) {
  if (state.loading) return;
  state.loading = true;
  $("feed-error").hidden = true;
  try {
    let path = "v1/feed?user_id=" + encodeURIComponent(state.user) + "&limit=" + PAGE_SIZE;
    if (!reset && state.cursor) path += "&cursor=" + encodeURIComponent(state.cursor);
    const page = await api(path);
    state.items = reset ? page.items : state.items.concat(page.items);
    state.cursor = page.next_cursor || null;
  } catch (error) {
    if (reset) {
      state.items = [];
      state.cursor = null;
    }
    showError($("feed-error"), error);
  } finally {
    state.loading = false;
    renderFeed();
  }
}

function cardError(item, error) {
  const node = document.querySelector('.card[data-id="' + CSS.escape(item.id) + '"] .item-error');
  if (node) showError(node, error);
}

async function toggleLike(item) {
  const liked = state.liked.has(item.id);
  try {
    await recordEvent(liked ? "unlike" : "like", item.id);
    if (liked) state.liked.delete(item.id);
    else state.liked.add(item.id);
    renderFeed();
  } catch (error) {
    cardError(item, error);
  }
}

async function hideItem(item) {
  try {
    await recordEvent("hide", item.id);
    state.items = state.items.filter((other) => other.id !== item.id);
    renderFeed();
  } catch (error) {
    cardError(item, error);
  }
}

// ---- Generation --------------------------------------------------------------------------------

function money(price, currency) {
  try {
    return new Intl.NumberFormat(state.lang === "ko" ? "ko-KR" : "en-US", { style: "currency", currency }).format(price);
  } catch (error) {
    return price + " " + currency;
  }
}

function postCard(post) {
  const products = el(
    "table",
    { class: "products" },
    el("thead", null, el("tr", null, el("th", null, t("product")), el("th", null, "EN"), el("th", null, t("price")))),
    el("tbody", null, post.products.map((p) =>
      el("tr", { "data-product": p.id }, el("td", null, p.name), el("td", null, p.name_en),
        el("td", { class: "price" }, money(p.price, p.currency))))),
  );
  const campaigns = post.campaigns.map((c) =>
    el("li", { "data-campaign": c.id }, pick(c, "title") + " · " + c.advertiser));
  const providers = Object.entries(post.providers || {}).map(([k, v]) => k + ": " + v).join(", ");
  return el(
    "article",
    { class: "card post", "data-id": post.id },
    el("div", null, el("span", { class: "badge post" }, post.label), el("span", { class: "muted" }, post.language)),
    el("h3", null, post.title),
    post.generated_image_url
      ? el("img", { id: "post-image", src: post.generated_image_url, alt: post.title, width: 512, height: 512 })
      : el("p", { class: "muted" }, t("noImage") + " (" + post.image_status + ")"),
    el("p", { class: "body" }, post.content),
    el("p", { class: "hashtags" }, post.hashtags.join(" ")),
    el("p", null, el("strong", null, post.call_to_action)),
    el("h4", null, t("products")),
    products,
    campaigns.length ? el("h4", null, t("campaigns")) : null,
    campaigns.length ? el("ul", null, campaigns) : null,
    el("p", { class: "muted" }, t("providers") + ": " + providers + " · " + (post.published ? t("published") : t("notPublished"))),
  );
}

function renderPost() {
  $("post").replaceChildren(...(state.post ? [postCard(state.post)] : []));
}

async function generate(event) {
  event.preventDefault();
  const prompt = $("prompt").value.trim();
  if (!prompt || !state.user) return;
  const button = $("generate-button");
  const started = performance.now();
  const tick = setInterval(() => {
    $("elapsed").textContent = ((performance.now() - started) / 1000).toFixed(0) + " s";
  }, 500);
  button.disabled = true;
  $("elapsed").textContent = "";
  $("progress").hidden = false;
  $("post").setAttribute("aria-busy", "true");
  $("generate-error").hidden = true;
  try {
    state.post = await postJson("v1/ai/generate-feed", {
      user_id: state.user,
      prompt,
      generate_image: $("with-image").checked,
      publish: $("publish").checked,
    });
    renderPost();
  } catch (error) {
    showError($("generate-error"), error);
  } finally {
    clearInterval(tick);
    button.disabled = false;
    $("progress").hidden = true;
    $("post").removeAttribute("aria-busy");
  }
}

// ---- Page --------------------------------------------------------------------------------------

function applyLanguage() {
  document.documentElement.lang = state.lang;
  document.title = t("title") + " · ai-agent";
  for (const node of document.querySelectorAll("[data-i18n]")) node.textContent = t(node.dataset.i18n);
  for (const button of document.querySelectorAll(".lang button")) {
    button.setAttribute("aria-pressed", String(button.dataset.lang === state.lang));
  }
  $("prompt").placeholder = state.lang === "ko" ? "예: 오늘 기분 좋은 패션 아이템 추천해줘" : "e.g. Recommend running shoes for the weekend";
  $("key-state").textContent = sessionStorage.getItem(KEY_STORE) ? t("keySet") : t("keyNone");
  renderFeed();
  renderPost();
}

function init() {
  $("demo-users").replaceChildren(...DEMO_USERS.map((id) => el("option", { value: id })));
  for (const button of document.querySelectorAll(".lang button")) {
    button.addEventListener("click", () => {
      state.lang = button.dataset.lang;
      localStorage.setItem(LANG_STORE, state.lang);
      applyLanguage();
    });
  }
  $("key-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const key = $("api-key").value.trim();
    if (key) sessionStorage.setItem(KEY_STORE, key);
    $("api-key").value = "";
    applyLanguage();
    if (state.user) loadFeed(true);
  });
  $("key-clear").addEventListener("click", () => {
    sessionStorage.removeItem(KEY_STORE);
    applyLanguage();
  });
  $("user-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const user = $("user-id").value.trim();
    if (!user) return;
    state.user = user;
    state.cursor = null;
    state.liked.clear();
    loadFeed(true);
  });
  $("feed-more").addEventListener("click", () => loadFeed(false));
  // Scrolling to the end of the list loads the next page.
  new IntersectionObserver((entries) => {
    if (entries.some((entry) => entry.isIntersecting) && state.cursor && !state.loading) loadFeed(false);
  }).observe($("feed-more"));
  $("generate-form").addEventListener("submit", generate);
  applyLanguage();
  state.user = $("user-id").value.trim();
  loadFeed(true);
}

init();
