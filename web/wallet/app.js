// The member wallet. Talks to POST /graphql and GET /qr/* only, with the token from
// signUp / logIn kept in localStorage until it expires or the member logs out.
import { ApiError, OfflineError, authorizedImage, graphql, newKey } from "/web/shared/graphql.js";
import { cardNumber, date, dateTime, h, money, points } from "/web/shared/format.js";
import { loadCare, setUpCare } from "/web/wallet/care.js";
import { liveSubscription } from "/web/shared/live.js";

const SESSION_KEY = "wallet.session";     // { token, expiresAt }
const LAST_CARD_KEY = "wallet.lastCard";  // the last `me` seen, for the offline card
const CHECKOUT_KEY = "wallet.checkout";   // { membershipId, checkoutId } of a manual test checkout
const REFRESH_MARGIN_MS = 10_000;         // fetch a new scan code this long before it lapses
const PAGE_SIZE = 20;
const POLL_MS = 30_000;                   // while live updates are down: refresh this often

const $ = (id) => document.getElementById(id);

const ME = `{
  program { name currency qualifyingMeasure referralReferrerPoints referralInvitedPoints referralMinAmount }
  me {
    id name cardNumber unreadNotificationCount
    referral { code link invitedCount rewardedCount pointsEarned }
    points { available pending owed expiringSoon { amount on } }
    tier { name rank }
    credit { balance owed currency }
    tierProgress {
      current { name rank } next { name rank threshold }
      qualifying needed percent periodEnd keepsTierUntil
    }
  }
  tiers { id name rank threshold benefits { earnMultiplier perks } }
}`;

const ACTIVITY = `query($after: String) { me { activity(first: ${PAGE_SIZE}, after: $after) {
  edges { node { id kind bucket amount reason reference createdAt } }
  pageInfo { hasNextPage endCursor } } } }`;

const NOTIFICATIONS = `query($after: String) { me { unreadNotificationCount
  notifications(first: ${PAGE_SIZE}, after: $after) {
    edges { node { id kind title body createdAt readAt } }
    pageInfo { hasNextPage endCursor } } } }`;

const MARK_READ = `mutation($input: MarkNotificationsReadInput!) { markNotificationsRead(input: $input) {
  __typename ... on MarkNotificationsReadSuccess { unreadCount } ... on Error { code message } } }`;
// Live: the balance the moment the till records a sale (see /web/shared/live.js).
const POINTS_CHANGED = `subscription { pointsChanged {
  points { available pending owed expiringSoon { amount on } }
  entries { id kind bucket amount reason reference createdAt } } }`;

const REWARDS = `query($after: String) { rewards(first: ${PAGE_SIZE}, after: $after) {
  edges { node { id name description kind costPoints minTierRank membersOnly stock affordable unlocked
                 discountAmount discountPercent charityName experienceAt } }
  pageInfo { hasNextPage endCursor } } }`;

const VOUCHERS = `{ me { vouchers(first: 50) {
  id code status quantity pointsSpent expiresAt usedAt createdAt reward { name kind } } } }`;

const REDEEM = `mutation($input: RedeemRewardInput!) { redeemReward(input: $input) {
  __typename
  ... on RedeemRewardSuccess { pointsSpent voucher { code status expiresAt reward { name } } }
  ... on InsufficientPointsError { available requested }
  ... on Error { code message } } }`;

const OFFERS = `{ me { offers { id title description rewardPoints goal goalCategory goalSku
  target progress percent activated completed completions maxCompletions endsAt } } }`;

const ACTIVATE_OFFER = `mutation($input: ActivateOfferInput!) { activateOffer(input: $input) {
  __typename ... on ActivateOfferSuccess { offer { id title } } ... on Error { code message } } }`;

const CREDIT_HISTORY = `{ me { credit { currency history(first: 20) {
  id kind bucket amount balanceAfter reason reference createdAt } } } }`;

const MEMBERSHIP_FIELDS = `id status currentPeriodStart currentPeriodEnd cancelAtPeriodEnd
  failureReason checkoutUrl plan { id name } nextPlan { id name }`;

const MEMBERSHIP = `{
  me { membership { ${MEMBERSHIP_FIELDS} } }
  membershipPlans { id name price currency interval trialDays
    benefits { earnMultiplier bonusPoints freeShipping cashbackPercent exclusiveRewards } } }`;

const MEMBERSHIP_RESULT = `__typename
  ... on MembershipSuccess { membership { ${MEMBERSHIP_FIELDS} } }
  ... on Error { code message }`;

const START_MEMBERSHIP = `mutation($input: StartMembershipInput!) { startMembership(input: $input) {
  __typename
  ... on StartMembershipSuccess { checkout { id url } membership { ${MEMBERSHIP_FIELDS} } }
  ... on Error { code message } } }`;

const CONFIRM_CHECKOUT = `mutation($input: ConfirmManualCheckoutInput!) {
  confirmManualCheckout(input: $input) { ${MEMBERSHIP_RESULT} } }`;

const CANCEL_MEMBERSHIP = `mutation { cancelMembership(input: { atPeriodEnd: true }) { ${MEMBERSHIP_RESULT} } }`;

const RESUME_MEMBERSHIP = `mutation { resumeMembership { ${MEMBERSHIP_RESULT} } }`;

const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) {
  __typename ... on SignUpSuccess { accessToken expiresAt }
  ... on Error { code message } } }`;

const LOG_IN = `mutation($input: LogInInput!) { logIn(input: $input) {
  __typename ... on LogInSuccess { accessToken expiresAt role }
  ... on Error { code message } } }`;

const KIND_WORDS = {
  EARN: "Points earned", BONUS: "Bonus points", REDEEM: "Reward redeemed", REFUND: "Refund",
  ADJUST: "Adjustment", EXPIRE: "Points expired", REVERSE: "Points returned",
  DONATE: "Donation", RELEASE: "Points now available", RECOVER: "Owed points repaid",
  GIFT_SENT: "Points given", GIFT_RECEIVED: "Points received",
};

const CREDIT_WORDS = {
  cashback: "Cashback", refund: "Taken back by a refund", spend: "Spent at the till", recover: "Owed credit repaid",
};

const STATUS_WORDS = {
  PENDING: "awaiting payment", TRIALING: "free trial", ACTIVE: "active", PAST_DUE: "payment overdue",
  LAPSED: "lapsed", CANCELLED: "cancelled", FAILED: "payment failed",
};
// A member with one of these cannot start another; the others may choose a plan again.
const LIVE_STATUSES = ["PENDING", "TRIALING", "ACTIVE", "PAST_DUE"];

const state = {
  session: null,
  me: null,
  program: null,
  tiers: [],
  view: "card",
  qrUrl: null,
  qrTimer: null,
  countdownTimer: null,
  qrExpiresAt: 0,
  activityCursor: null,
  notificationsCursor: null,
  activityLoading: false,
  rewardsCursor: null,
  wakeLock: null,
  membership: null,
  membershipBusy: false,
  live: null,
  liveMessages: 0,
  pollTimer: null,
  refreshTimer: null,
};

// --- session ---------------------------------------------------------------------------

function loadSession() {
  try {
    const session = JSON.parse(localStorage.getItem(SESSION_KEY));
    // Even expired, the session is kept until the server says so: offline (or with the
    // server out of reach) it still opens the last known card, whose card number is what
    // the till needs; online, the first request is refused and logs the member out.
    // navigator.onLine cannot decide it: it says "online" whenever a network is up.
    if (session) return session;
  } catch (error) { /* nothing stored */ }
  return null;
}

function saveSession(token, expiresAt) {
  state.session = { token, expiresAt };
  localStorage.setItem(SESSION_KEY, JSON.stringify(state.session));
}

function logOut(message = "") {
  state.session = null;
  state.me = null;
  localStorage.removeItem(SESSION_KEY);
  localStorage.removeItem(LAST_CARD_KEY);
  localStorage.removeItem(CHECKOUT_KEY);
  stopScanCode();
  stopLive();
  // Nothing of this member stays on the page for the next one.
  for (const id of ["notification-list", "activity-list", "reward-list", "voucher-list", "tier-list", "credit-history", "plan-list"]) {
    $(id).replaceChildren();
  }
  state.membership = null;
  $("scan-qr").removeAttribute("src");
  showSignedOut(message);
}

async function api(query, variables = {}) {
  try {
    return await graphql(query, variables, state.session?.token);
  } catch (error) {
    if (error instanceof ApiError && error.code === "UNAUTHENTICATED") {
      logOut("Your session ended: please log in again.");
    }
    throw error;
  }
}

// --- signed out ------------------------------------------------------------------------

function showSignedOut(message = "") {
  $("signed-in").hidden = true;
  $("tabbar").hidden = true;
  $("log-out").hidden = true;
  $("bell").hidden = true;
  $("auth").hidden = false;
  $("login-error").textContent = message;
}

function selectTab(which) {
  const login = which === "login";
  for (const [tab, panel, selected] of [["tab-login", "login-form", login], ["tab-signup", "signup-form", !login]]) {
    $(tab).setAttribute("aria-selected", String(selected));
    $(tab).tabIndex = selected ? 0 : -1;
    $(panel).hidden = !selected;
  }
}

function setUpAuthForms() {
  $("tab-login").addEventListener("click", () => selectTab("login"));
  $("tab-signup").addEventListener("click", () => selectTab("signup"));
  for (const id of ["tab-login", "tab-signup"]) {
    $(id).addEventListener("keydown", (event) => {
      if (event.key !== "ArrowLeft" && event.key !== "ArrowRight") return;
      const next = id === "tab-login" ? "signup" : "login";
      selectTab(next);
      $(`tab-${next}`).focus();
    });
  }
  $("login-form").addEventListener("submit", (event) =>
    submitAuth(event, LOG_IN, "logIn", "login-error", (form) => ({
      email: form.email.value.trim(), password: form.password.value, account: "MEMBER",
    })));
  $("signup-form").addEventListener("submit", (event) =>
    submitAuth(event, SIGN_UP, "signUp", "signup-error", (form) => ({
      name: form.name.value.trim(), email: form.email.value.trim(), password: form.password.value,
      referralCode: form.referralCode.value.trim() || null,
    })));
}

async function submitAuth(event, mutation, field, errorId, input) {
  event.preventDefault();
  const form = event.target;
  const button = form.querySelector("button[type=submit]");
  $(errorId).textContent = "";
  button.disabled = true;
  try {
    const result = (await graphql(mutation, { input: input(form) }))[field];
    if (result.code) {
      $(errorId).textContent = result.message;
      return;
    }
    saveSession(result.accessToken, result.expiresAt);
    form.reset();
    // The invitation is used: a reload must not offer it again.
    if (new URLSearchParams(location.search).has("ref")) history.replaceState(null, "", location.pathname + location.hash);
    await showSignedIn();
  } catch (error) {
    $(errorId).textContent = error instanceof OfflineError
      ? "You are offline: logging in needs a connection." : error.message;
  } finally {
    button.disabled = false;
  }
}

// --- signed in -------------------------------------------------------------------------

async function showSignedIn() {
  $("auth").hidden = true;
  $("signed-in").hidden = false;
  $("tabbar").hidden = false;
  $("log-out").hidden = false;
  $("bell").hidden = false;
  await refreshMe();
  showView(viewFromHash(), { focus: false });
  startLive();
}

// --- live updates ----------------------------------------------------------------------

function startLive() {
  stopLive();
  if (!("WebSocket" in window)) {
    startPolling();
    return;
  }
  state.liveMessages = 0;
  state.live = liveSubscription({
    query: POINTS_CHANGED,
    token: () => state.session?.token,
    onData: (data) => pointsChanged(data.pointsChanged),
    onState: (status) => {
      document.body.dataset.live = status;
      if (status === "live") stopPolling();
      else if (status === "down") startPolling();
      else if (status === "refused") refreshMe().catch(() => {}); // the session check logs out
    },
  });
}

function stopLive() {
  state.live?.close();
  state.live = null;
  stopPolling();
  clearTimeout(state.refreshTimer);
  delete document.body.dataset.live;
}

// Polling is the fallback only: while the socket is down, refresh now and then.
function startPolling() {
  if (state.pollTimer) return;
  state.pollTimer = setInterval(() => {
    if (!document.hidden && state.session) refreshMe().catch(() => {});
  }, POLL_MS);
}

function stopPolling() {
  clearInterval(state.pollTimer);
  state.pollTimer = null;
}

function pointsChanged(change) {
  state.liveMessages += 1;
  if (!state.me) return;
  state.me.points = change.points;
  renderMe();
  const activity = $("activity-list");
  if (change.entries.length) {
    // Newest first, as the list shows them.
    for (const entry of change.entries) activity.prepend(activityItem(entry));
    $("activity-empty").hidden = true;
  } else if (state.liveMessages > 1 && state.view === "activity") {
    loadActivity(true); // after a reconnection: what was missed
  }
  // The tier, its progress and the wallet credit move with a sale too: read them once.
  clearTimeout(state.refreshTimer);
  if (state.liveMessages > 1) state.refreshTimer = setTimeout(() => refreshMe().catch(() => {}), 300);
}

async function refreshMe() {
  try {
    const data = await api(ME);
    state.me = data.me;
    state.program = data.program;
    state.tiers = data.tiers;
    localStorage.setItem(LAST_CARD_KEY, JSON.stringify({ ...data, savedAt: new Date().toISOString() }));
    setOffline(false);
  } catch (error) {
    if (!(error instanceof OfflineError)) throw error;
    const last = JSON.parse(localStorage.getItem(LAST_CARD_KEY) || "null");
    if (last) {
      state.me = last.me;
      state.program = last.program;
      state.tiers = last.tiers;
    }
    setOffline(true, last?.savedAt);
  }
  renderMe();
}

function setOffline(offline, savedAt) {
  document.body.classList.toggle("is-offline", offline);
  $("offline").hidden = !offline;
  $("offline").textContent = offline
    ? `You are offline. This is your card as last seen${savedAt ? ` (${dateTime(savedAt)})` : ""}; `
      + "the scan code needs a connection, so give your card number at the till."
    : "";
}

function renderMe() {
  const { me, program } = state;
  if (!me) return;
  $("program-name").textContent = program?.name ?? "Wallet";
  $("member-name").textContent = me.name;
  $("card-number").textContent = cardNumber(me.cardNumber);
  $("scan-overlay-number").textContent = cardNumber(me.cardNumber);
  $("points-available").textContent = points(me.points.available);
  $("points-pending").textContent = points(me.points.pending);
  $("card").dataset.cardNumber = me.cardNumber;
  const soon = me.points.expiringSoon[0];
  $("expiring").hidden = !soon;
  if (soon) {
    const total = me.points.expiringSoon.reduce((sum, lot) => sum + lot.amount, 0);
    $("expiring").textContent = me.points.expiringSoon.length > 1
      ? `${points(total)} points expire in the next 90 days, the first ${points(soon.amount)} on ${date(soon.on)}.`
      : `${points(soon.amount)} points expire on ${date(soon.on)}.`;
  }
  $("owed").hidden = !me.points.owed;
  $("owed").textContent = me.points.owed
    ? `${points(me.points.owed)} points are owed after a refund; your next purchases repay them first.` : "";
  renderBell(me.unreadNotificationCount ?? 0);
  renderCredit();
  renderReferral();
  renderTier();
  $("rewards-balance").textContent = `You have ${points(me.points.available)} points to spend.`;
}

function renderCredit() {
  const credit = state.me.credit;
  if (!credit) return; // a card saved offline before credit existed
  $("credit-balance").textContent = money(credit.balance, credit.currency);
  const owed = Number(credit.owed) > 0;
  $("credit-owed").hidden = !owed;
  $("credit-owed").textContent = owed
    ? `${money(credit.owed, credit.currency)} is owed after a refund; your next cashback repays it first.` : "";
}

function renderReferral() {
  const { referral } = state.me;
  $("referral").hidden = !referral; // a card saved offline before referrals existed
  if (!referral) return;
  const program = state.program ?? {};
  $("referral-code").textContent = referral.code;
  $("referral-link").value = referral.link;
  $("referral-offer").textContent = program.referralReferrerPoints || program.referralInvitedPoints
    ? `When a friend who joins with your code first spends at least ${money(program.referralMinAmount, program.currency)}, `
      + `you get ${points(program.referralReferrerPoints)} points and they get ${points(program.referralInvitedPoints)}.`
    : "Share your code with friends who would like to join.";
  $("referral-stats").textContent = referral.invitedCount
    ? `${points(referral.invitedCount)} joined with your code, ${points(referral.rewardedCount)} rewarded: `
      + `${points(referral.pointsEarned)} points earned.`
    : "No one has joined with your code yet.";
  $("referral-share").hidden = typeof navigator.share !== "function";
}

async function copyReferralLink() {
  try {
    await navigator.clipboard.writeText($("referral-link").value);
    $("referral-message").textContent = "Link copied: paste it in a message to a friend.";
  } catch (error) {
    $("referral-link").select();
    $("referral-message").textContent = "Copy the selected link to share it.";
  }
}

async function shareReferral() {
  const { code, link } = state.me.referral;
  try {
    await navigator.share({ title: state.program?.name ?? "Wallet", text: `Join with my code ${code}`, url: link });
  } catch (error) {
    if (error.name !== "AbortError") await copyReferralLink();
  }
}

function measureWords(amount) {
  if (state.program?.qualifyingMeasure === "SPEND") return money(amount, state.program.currency);
  return `${points(Math.ceil(Number(amount)))} points`;
}

function renderTier() {
  const progress = state.me.tierProgress;
  $("tier-current").textContent = progress.current?.name ?? "not in a tier yet";
  const percent = Math.max(0, Math.min(100, progress.percent));
  $("tier-fill").style.width = `${percent}%`;
  $("tier-bar").setAttribute("aria-valuenow", String(percent));
  $("tier-bar").setAttribute("aria-valuetext", `${percent}%`);
  $("tier-next-label").textContent = progress.next
    ? `${measureWords(progress.needed)} more to reach ${progress.next.name} (${percent}%).`
    : "You are in the top tier.";
  $("tier-period").textContent =
    `This period ends ${date(progress.periodEnd)}; you keep ${progress.current?.name ?? "your tier"} at least until ${date(progress.keepsTierUntil)}.`;
  const currentRank = progress.current?.rank;
  $("tier-list").replaceChildren(...state.tiers.map((tier) =>
    h("li", { className: tier.rank === currentRank ? "current" : "", "aria-current": tier.rank === currentRank ? "true" : null },
      h("div", { className: "row" },
        h("span", {}, tier.name, tier.rank === currentRank ? " (your tier)" : ""),
        h("span", { className: "hint" }, tier.rank === 0 ? "from the start" : `from ${measureWords(tier.threshold)}`)),
      h("ul", { className: "perks" },
        Number(tier.benefits.earnMultiplier) > 1 ? h("li", {}, `${tier.benefits.earnMultiplier}× points on purchases`) : null,
        tier.benefits.perks.map((perk) => h("li", {}, perk))))));
}

// --- views -----------------------------------------------------------------------------

const VIEWS = ["card", "tier", "activity", "rewards", "membership", "care"];

function viewFromHash() {
  const name = location.hash.replace("#", "");
  return VIEWS.includes(name) ? name : "card";
}

function showView(name, { focus = true } = {}) {
  state.view = name;
  for (const view of VIEWS) $(`view-${view}`).hidden = view !== name;
  for (const link of document.querySelectorAll("#tabbar a")) {
    if (link.dataset.view === name) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
  // Balances change at the till while the phone is open: each view shows them fresh.
  if (focus && (name === "card" || name === "tier")) refreshMe().catch(() => {});
  if (name === "card") startScanCode(); else stopScanCode();
  if (name === "activity") { loadActivity(true); loadCreditHistory(); }
  if (name === "membership") loadMembership();
  if (name === "rewards") loadRewards(true);
  if (name === "care") loadCare();
  if (focus) $(`view-${name}`).querySelector("h2")?.setAttribute("tabindex", "-1");
  if (focus) $(`view-${name}`).querySelector("h2")?.focus();
}

// --- the scan code ---------------------------------------------------------------------

async function startScanCode() {
  if (!state.session || state.view !== "card" || document.hidden) return;
  clearTimeout(state.qrTimer);
  try {
    const image = await authorizedImage("/qr/scan.svg", state.session.token);
    // Time left by the server's own clock, so a phone with a wrong clock still refreshes in time.
    const serverNow = Date.parse(image.headers.get("date")) || Date.now();
    const lifetime = Date.parse(image.headers.get("x-expires-at")) - serverNow;
    state.qrExpiresAt = Date.now() + lifetime;
    const img = $("scan-qr");
    img.src = image.url;
    img.dataset.expiresAt = image.headers.get("x-expires-at");
    $("scan-overlay-qr").src = image.url;
    if (state.qrUrl) URL.revokeObjectURL(state.qrUrl);
    state.qrUrl = image.url;
    img.hidden = false;
    $("scan-qr-unavailable").hidden = true;
    setOffline(false);
    state.qrTimer = setTimeout(startScanCode, Math.max(lifetime - REFRESH_MARGIN_MS, 5_000));
    tickCountdown();
  } catch (error) {
    if (error instanceof ApiError && error.code === "UNAUTHENTICATED") {
      logOut("Your session ended: please log in again.");
      return;
    }
    $("scan-qr").hidden = true;
    $("scan-qr-unavailable").hidden = false;
    $("scan-refresh").textContent = "";
    if (error instanceof OfflineError) setOffline(true, JSON.parse(localStorage.getItem(LAST_CARD_KEY) || "{}").savedAt);
    state.qrTimer = setTimeout(startScanCode, 15_000);
  }
}

function tickCountdown() {
  clearInterval(state.countdownTimer);
  const tick = () => {
    const seconds = Math.max(0, Math.floor((state.qrExpiresAt - Date.now()) / 1000));
    $("scan-refresh").textContent = `This code is valid for ${seconds} s; a new one follows by itself.`;
  };
  tick();
  state.countdownTimer = setInterval(tick, 1000);
}

function stopScanCode() {
  clearTimeout(state.qrTimer);
  clearInterval(state.countdownTimer);
}

async function showForScanning() {
  $("scan-overlay").showModal();
  $("scan-overlay-close").focus();
  // Keep the screen on while the cashier scans; brightness itself is not the web's to set.
  try { state.wakeLock = await navigator.wakeLock?.request("screen"); } catch (error) { /* not allowed */ }
}

function closeScanning() {
  if ($("scan-overlay").open) $("scan-overlay").close();
}

function releaseScreen() {
  state.wakeLock?.release().catch(() => {});
  state.wakeLock = null;
  $("bright").focus();
}

// --- activity --------------------------------------------------------------------------

async function loadActivity(reset = false) {
  if (state.activityLoading) return;
  if (reset) {
    state.activityCursor = null;
    $("activity-list").replaceChildren();
  }
  state.activityLoading = true;
  try {
    const page = (await api(ACTIVITY, { after: state.activityCursor })).me.activity;
    $("activity-list").append(...page.edges.map(({ node }) => activityItem(node)));
    state.activityCursor = page.pageInfo.endCursor;
    $("activity-more").hidden = !page.pageInfo.hasNextPage;
    $("activity-empty").hidden = $("activity-list").childElementCount > 0;
  } catch (error) {
    if (error instanceof OfflineError) $("activity-empty").textContent = "Activity needs a connection.";
    $("activity-empty").hidden = $("activity-list").childElementCount > 0;
  } finally {
    state.activityLoading = false;
  }
}

function activityItem(entry) {
  const sign = entry.amount > 0 ? "+" : "";
  const bucket = entry.bucket === "AVAILABLE" ? "" : ` ${entry.bucket.toLowerCase()}`;
  return h("li", { "data-kind": entry.kind },
    h("div", { className: "row" },
      h("strong", {}, KIND_WORDS[entry.kind] ?? entry.kind),
      h("span", { className: entry.amount >= 0 ? "plus" : "minus" }, `${sign}${points(entry.amount)}${bucket}`)),
    h("div", { className: "row hint" },
      h("span", {}, [entry.reason, entry.reference].filter(Boolean).join(" · ")),
      h("span", {}, dateTime(entry.createdAt))));
}

async function loadCreditHistory() {
  try {
    const credit = (await api(CREDIT_HISTORY)).me.credit;
    $("credit-history").replaceChildren(...credit.history.map((movement) => creditItem(movement, credit.currency)));
    $("credit-history-empty").hidden = credit.history.length > 0;
  } catch (error) {
    $("credit-history-empty").hidden = $("credit-history").childElementCount > 0;
  }
}

function creditItem(movement, currency) {
  const amount = Number(movement.amount);
  const owed = movement.bucket === "owed" ? " owed" : "";
  return h("li", { "data-kind": movement.kind },
    h("div", { className: "row" },
      h("strong", {}, CREDIT_WORDS[movement.kind] ?? movement.kind),
      h("span", { className: amount >= 0 ? "plus" : "minus" },
        `${amount > 0 ? "+" : amount < 0 ? "−" : ""}${money(Math.abs(amount), currency)}${owed}`)),
    h("div", { className: "row hint" },
      h("span", {}, [movement.reason, movement.reference].filter(Boolean).join(" · ")),
      h("span", {}, dateTime(movement.createdAt))));
}

// --- membership ------------------------------------------------------------------------

function savedCheckout(membershipId) {
  try {
    const saved = JSON.parse(localStorage.getItem(CHECKOUT_KEY));
    return saved?.membershipId === membershipId ? saved.checkoutId : null;
  } catch (error) {
    return null;
  }
}

async function loadMembership() {
  try {
    const data = await api(MEMBERSHIP);
    renderMembership(data.me.membership);
    renderPlans(data.membershipPlans);
  } catch (error) {
    if (error instanceof OfflineError) $("membership-error").textContent = "Your membership needs a connection.";
  }
}

function periodWords(membership) {
  const end = date(membership.currentPeriodEnd);
  if (!membership.currentPeriodEnd) return "";
  if (membership.status === "TRIALING") {
    return membership.cancelAtPeriodEnd ? `Free trial until ${end}; it then ends, with nothing charged.`
      : `Free trial until ${end}; the first payment is taken then.`;
  }
  if (["ACTIVE", "PAST_DUE"].includes(membership.status)) {
    const period = `Current period: ${date(membership.currentPeriodStart)} – ${end}.`;
    return membership.cancelAtPeriodEnd ? `${period} It ends then, without renewing; its benefits last until then.`
      : `${period} It renews at its end.`;
  }
  return membership.status === "PENDING" ? "" : `Ended ${end}.`;
}

function renderMembership(membership) {
  state.membership = membership;
  const live = Boolean(membership && LIVE_STATUSES.includes(membership.status));
  $("membership-none").hidden = Boolean(membership);
  $("membership-current").hidden = !membership;
  $("plans-panel").hidden = live;
  const pending = membership?.status === "PENDING";
  const checkoutId = pending ? savedCheckout(membership.id) : null;
  $("test-checkout").hidden = !checkoutId;
  $("checkout-waiting").hidden = !pending || Boolean(checkoutId);
  $("checkout-link").hidden = !membership?.checkoutUrl;
  // Nothing is paid yet: the member may drop this checkout (from another phone too) and choose again.
  $("checkout-abandon").hidden = !pending;
  if (membership?.checkoutUrl) $("checkout-link").href = membership.checkoutUrl;
  const running = ["TRIALING", "ACTIVE", "PAST_DUE"].includes(membership?.status);
  $("membership-cancel").hidden = !running || membership.cancelAtPeriodEnd;
  $("membership-resume").hidden = !running || !membership.cancelAtPeriodEnd;
  if (!membership) return;
  $("membership-panel").dataset.status = membership.status;
  $("membership-plan").textContent = membership.plan.name;
  $("membership-status").textContent = membership.cancelAtPeriodEnd && running
    ? `${STATUS_WORDS[membership.status]}, ends ${date(membership.currentPeriodEnd)}` : STATUS_WORDS[membership.status];
  $("membership-period").textContent = periodWords(membership);
  const switching = membership.nextPlan && membership.nextPlan.id !== membership.plan.id;
  $("membership-next").hidden = !switching;
  $("membership-next").textContent = switching ? `From the next renewal: ${membership.nextPlan.name}.` : "";
  $("membership-failure").hidden = !membership.failureReason;
  $("membership-failure").textContent = membership.failureReason ? `Payment failed: ${membership.failureReason}` : "";
}

const INTERVAL_WORDS = { MONTH: "month", YEAR: "year" };

function planBenefits(plan) {
  const benefits = plan.benefits;
  return [
    Number(benefits.earnMultiplier) > 1 ? `${Number(benefits.earnMultiplier)}× points on purchases` : null,
    benefits.bonusPoints ? `${points(benefits.bonusPoints)} bonus points each paid ${INTERVAL_WORDS[plan.interval] ?? "period"}` : null,
    Number(benefits.cashbackPercent) > 0 ? `${Number(benefits.cashbackPercent)}% cashback as wallet credit` : null,
    benefits.freeShipping ? "Free shipping" : null,
    benefits.exclusiveRewards ? "Members-only rewards" : null,
  ].filter(Boolean);
}

function renderPlans(plans) {
  $("plans-empty").hidden = plans.length > 0;
  $("plan-list").replaceChildren(...plans.map((plan) => {
    const titleId = `plan-${plan.id}`;
    return h("li", { className: "plan", "data-plan": plan.name },
      h("div", { className: "row" },
        h("strong", { id: titleId }, plan.name),
        h("span", {}, `${money(plan.price, plan.currency)} a ${INTERVAL_WORDS[plan.interval] ?? plan.interval.toLowerCase()}`)),
      plan.trialDays ? h("p", { className: "meta" }, `${plan.trialDays} days free, then charged each ${INTERVAL_WORDS[plan.interval]}.`) : null,
      h("ul", { className: "perks" }, planBenefits(plan).map((benefit) => h("li", {}, benefit))),
      h("div", { className: "actions" },
        h("button", { type: "button", "aria-describedby": titleId, onclick: (event) => startMembership(plan, event.target) },
          `Join ${plan.name}`)));
  }));
}

function membershipMessage(text, error = "") {
  $("membership-message").textContent = text;
  $("membership-error").textContent = error;
}

async function membershipAction(button, run) {
  if (state.membershipBusy) return;
  state.membershipBusy = true;
  button.disabled = true;
  membershipMessage("");
  try {
    await run();
  } catch (error) {
    membershipMessage("", error instanceof OfflineError ? "You are offline: try again with a connection." : error.message);
  } finally {
    state.membershipBusy = false;
    button.disabled = false;
  }
}

async function startMembership(plan, button) {
  // One key per press: a retry after a lost answer replays the same checkout.
  const key = newKey();
  await membershipAction(button, async () => {
    const result = (await api(START_MEMBERSHIP, { input: { planId: plan.id, idempotencyKey: key } })).startMembership;
    if (result.code) {
      membershipMessage("", result.message);
      return;
    }
    if (result.checkout.url) {
      // A hosted checkout (Stripe): pay there; the gateway's webhook activates the membership.
      location.assign(result.checkout.url);
      return;
    }
    localStorage.setItem(CHECKOUT_KEY, JSON.stringify({ membershipId: result.membership.id, checkoutId: result.checkout.id }));
    renderMembership(result.membership);
    $("checkout-confirm").focus();
  });
}

async function settleTestCheckout(paid, button) {
  const checkoutId = state.membership && savedCheckout(state.membership.id);
  if (!checkoutId) return;
  await membershipAction(button, async () => {
    const input = paid ? { checkoutId, paid: true } : { checkoutId, paid: false, reason: "Declined in the test checkout." };
    const result = (await api(CONFIRM_CHECKOUT, { input })).confirmManualCheckout;
    if (result.code) {
      membershipMessage("", result.message);
      return;
    }
    localStorage.removeItem(CHECKOUT_KEY);
    await loadMembership();
    membershipMessage(paid ? `Welcome to ${result.membership.plan.name}.` : "",
      paid ? "" : "The payment was declined: choose a plan to try again.");
    $("membership-title").focus();
    refreshMe().catch(() => {});
  });
}

async function abandonCheckout(button) {
  await membershipAction(button, async () => {
    const result = (await api(CANCEL_MEMBERSHIP)).cancelMembership;
    if (result.code) {
      membershipMessage("", result.message);
      return;
    }
    localStorage.removeItem(CHECKOUT_KEY);
    await loadMembership();
    membershipMessage("Checkout cancelled: nothing was charged.");
    $("membership-title").focus();
  });
}

function confirmCancel() {
  const membership = state.membership;
  const dialog = $("confirm-cancel");
  $("cancel-text").textContent = `${membership.plan.name} stays until ${date(membership.currentPeriodEnd)}, `
    + "then ends without renewing. Nothing is refunded; you can resume it until then.";
  $("cancel-error").textContent = "";
  dialog.showModal();
  $("cancel-no").focus();
  dialog.querySelector("form").onsubmit = async (event) => {
    if (event.submitter?.value !== "confirm") return;
    event.preventDefault();
    $("cancel-yes").disabled = true;
    try {
      const result = (await api(CANCEL_MEMBERSHIP)).cancelMembership;
      if (result.code) {
        $("cancel-error").textContent = result.message;
        return;
      }
      dialog.close();
      renderMembership(result.membership);
      membershipMessage(`Cancelled: ${result.membership.plan.name} ends on ${date(result.membership.currentPeriodEnd)}.`);
      $("membership-resume").focus();
    } catch (error) {
      $("cancel-error").textContent = error.message;
    } finally {
      $("cancel-yes").disabled = false;
    }
  };
}

async function resumeMembership(button) {
  await membershipAction(button, async () => {
    const result = (await api(RESUME_MEMBERSHIP)).resumeMembership;
    if (result.code) {
      membershipMessage("", result.message);
      return;
    }
    renderMembership(result.membership);
    membershipMessage(`Resumed: ${result.membership.plan.name} renews on ${date(result.membership.currentPeriodEnd)}.`);
    $("membership-cancel").focus();
  });
}

// --- rewards and vouchers --------------------------------------------------------------

function tierName(rank) {
  return state.tiers.find((tier) => tier.rank === rank)?.name ?? `tier ${rank}`;
}

async function loadRewards(reset = false) {
  if (reset) {
    state.rewardsCursor = null;
    $("reward-list").replaceChildren();
    loadOffers();
    loadVouchers();
  }
  try {
    const page = (await api(REWARDS, { after: state.rewardsCursor })).rewards;
    $("reward-list").append(...page.edges.map(({ node }) => rewardItem(node)));
    state.rewardsCursor = page.pageInfo.endCursor;
    $("rewards-more").hidden = !page.pageInfo.hasNextPage;
  } catch (error) {
    $("rewards-message").textContent = "";
    if (error instanceof OfflineError) $("rewards-balance").textContent = "Rewards need a connection.";
  }
}

function lockedBecause(reward) {
  // States what unlocks it: a tier, a membership with members-only rewards, or both.
  if (!reward.membersOnly) return `Unlocks at ${tierName(reward.minTierRank)}`;
  if (reward.minTierRank === null || reward.minTierRank === undefined) return "Members only";
  return `Members only, at ${tierName(reward.minTierRank)}`;
}

function rewardItem(reward) {
  const why = !reward.unlocked ? lockedBecause(reward)
    : !reward.affordable ? `${points(reward.costPoints - state.me.points.available)} more points needed` : null;
  const titleId = `reward-${reward.id}`;
  return h("li", { className: "reward", "data-reward": reward.name },
    h("div", { className: "row" },
      h("strong", { id: titleId }, reward.name),
      h("span", {}, `${points(reward.costPoints)} pts`)),
    h("p", { className: "meta" }, reward.description),
    reward.experienceAt ? h("p", { className: "meta" }, `On ${dateTime(reward.experienceAt)}`) : null,
    reward.stock !== null && reward.stock <= 10 ? h("p", { className: "meta" }, `${reward.stock} left`) : null,
    why ? h("p", { className: "meta" }, h("span", { className: "badge" }, why)) : null,
    h("div", { className: "actions" },
      h("button", {
        type: "button",
        disabled: !(reward.affordable && reward.unlocked),
        "aria-describedby": titleId,
        onclick: () => confirmRedeem(reward),
      }, reward.kind === "DONATION" ? "Donate" : "Redeem")));
}

function confirmRedeem(reward) {
  const dialog = $("confirm-redeem");
  const key = newKey(); // one key per confirmation: a retried request is not a second redemption
  $("confirm-text").textContent = `${reward.name} for ${points(reward.costPoints)} points. `
    + `You will have ${points(state.me.points.available - reward.costPoints)} left.`;
  $("confirm-error").textContent = "";
  dialog.onclose = null;
  dialog.showModal();
  $("confirm-no").focus();
  dialog.querySelector("form").onsubmit = async (event) => {
    if (event.submitter?.value !== "confirm") return;
    event.preventDefault();
    $("confirm-yes").disabled = true;
    try {
      const result = (await api(REDEEM, { input: { rewardId: reward.id, quantity: 1, idempotencyKey: key } })).redeemReward;
      if (result.code) {
        $("confirm-error").textContent = result.message;
        return;
      }
      dialog.close();
      $("rewards-message").textContent = result.voucher.status === "USED"
        ? `Thank you: ${points(result.pointsSpent)} points given.`
        : `Redeemed ${result.voucher.reward.name}: voucher ${result.voucher.code}.`;
      await refreshMe();
      await loadRewards(true);
    } catch (error) {
      $("confirm-error").textContent = error.message;
    } finally {
      $("confirm-yes").disabled = false;
    }
  };
}

// --- offers ----------------------------------------------------------------------------

async function loadOffers() {
  try {
    const offers = (await api(OFFERS)).me.offers;
    $("offers-empty").hidden = offers.length > 0;
    $("offer-list").replaceChildren(...offers.map(offerItem));
  } catch (error) {
    $("offers-empty").hidden = false;
  }
}

function offerProgressWords(offer) {
  if (offer.goal === "SPEND") {
    const currency = state.program?.currency ?? "USD";
    return `${money(offer.progress, currency)} of ${money(offer.target, currency)} spent`;
  }
  return `${offer.progress} of ${offer.target} purchases`;
}

function offerItem(offer) {
  const titleId = `offer-${offer.id}`;
  const labelId = `offer-progress-${offer.id}`;
  const status = offer.completed ? "Completed" : offer.activated ? "Activated" : null;
  const fill = h("div", { className: "bar-fill" });
  fill.style.width = `${offer.percent}%`; // through the CSSOM: the CSP refuses style attributes
  return h("li", { className: "offer", "data-offer": offer.title },
    h("div", { className: "row" },
      h("strong", { id: titleId }, offer.title),
      h("span", {}, `+${points(offer.rewardPoints)} pts`)),
    offer.description ? h("p", { className: "meta" }, offer.description) : null,
    h("div", {
      className: "bar-track", role: "progressbar", "aria-labelledby": labelId,
      "aria-valuemin": "0", "aria-valuemax": "100", "aria-valuenow": String(offer.percent),
    }, fill),
    h("div", { className: "row hint" },
      h("span", { id: labelId }, offer.completed ? "Done: points added" : offerProgressWords(offer)),
      h("span", {}, `until ${date(offer.endsAt)}`)),
    status ? h("p", { className: "meta" }, h("span", { className: "badge" }, status)) : null,
    offer.activated ? null : h("div", { className: "actions" },
      h("button", { type: "button", "aria-describedby": titleId, onclick: (event) => activateOffer(offer, event.target) },
        "Activate")));
}

async function activateOffer(offer, button) {
  button.disabled = true;
  try {
    const result = (await api(ACTIVATE_OFFER, { input: { offerId: offer.id, idempotencyKey: newKey() } })).activateOffer;
    $("offers-message").textContent = result.code ? result.message : `${offer.title} is on: your purchases now count.`;
    await loadOffers();
  } catch (error) {
    $("offers-message").textContent = error.message;
    button.disabled = false;
  }
}

async function loadVouchers() {
  try {
    const vouchers = (await api(VOUCHERS)).me.vouchers.filter((v) => v.reward.kind !== "DONATION");
    $("vouchers-empty").hidden = vouchers.length > 0;
    $("voucher-list").replaceChildren(...vouchers.map((voucher) =>
      h("li", { "data-voucher": voucher.code, "data-status": voucher.status },
        h("div", { className: "row" },
          h("strong", {}, voucher.reward.name),
          h("span", { className: "badge" }, voucher.status.toLowerCase())),
        h("div", { className: "row hint" },
          h("span", { className: "voucher-code" }, voucher.code),
          h("span", {}, voucher.status === "USED" ? `used ${date(voucher.usedAt)}`
            : voucher.expiresAt ? `until ${date(voucher.expiresAt)}` : "")),
        voucher.status === "ISSUED"
          ? h("div", { className: "actions" },
            h("button", { type: "button", className: "secondary", onclick: () => showVoucher(voucher) },
              `Show QR for ${voucher.reward.name}`))
          : null)));
  } catch (error) {
    $("vouchers-empty").hidden = false;
  }
}

async function showVoucher(voucher) {
  $("voucher-reward").textContent = voucher.reward.name;
  $("voucher-code").textContent = voucher.code;
  $("voucher-expiry").textContent = voucher.expiresAt ? `Use it by ${date(voucher.expiresAt)}.` : "";
  $("voucher-qr").alt = `QR code of voucher ${voucher.code}`;
  $("voucher-qr").removeAttribute("src");
  $("voucher-dialog").showModal();
  try {
    const image = await authorizedImage(`/qr/voucher/${encodeURIComponent(voucher.code)}.svg`, state.session.token);
    $("voucher-qr").src = image.url;
    $("voucher-dialog").addEventListener("close", () => URL.revokeObjectURL(image.url), { once: true });
  } catch (error) {
    $("voucher-expiry").textContent = "The QR code needs a connection: show the code above.";
  }
}

// --- notifications ---------------------------------------------------------------------

function renderBell(unread) {
  $("bell-count").hidden = unread === 0;
  $("bell-count").textContent = unread > 99 ? "99+" : String(unread);
  $("bell-label").textContent = unread ? `Notifications, ${unread} unread` : "Notifications";
}

async function openNotifications() {
  state.notificationsCursor = null;
  $("notification-list").replaceChildren();
  $("notifications").showModal();
  await loadNotifications();
}

// Shows the next page; the unread ones on it are marked read (they stay marked as new
// until the list is opened again).
async function loadNotifications() {
  try {
    const data = (await api(NOTIFICATIONS, { after: state.notificationsCursor })).me;
    const page = data.notifications;
    $("notification-list").append(...page.edges.map(({ node }) => notificationItem(node)));
    state.notificationsCursor = page.pageInfo.endCursor;
    $("notifications-more").hidden = !page.pageInfo.hasNextPage;
    $("notifications-empty").hidden = $("notification-list").childElementCount > 0;
    renderBell(data.unreadNotificationCount);
    const unread = page.edges.filter(({ node }) => !node.readAt).map(({ node }) => node.id);
    if (unread.length) {
      const result = (await api(MARK_READ, { input: { ids: unread } })).markNotificationsRead;
      if (result.__typename === "MarkNotificationsReadSuccess") renderBell(result.unreadCount);
    }
  } catch (error) {
    if (!(error instanceof OfflineError)) throw error;
    $("notifications-empty").textContent = "Notifications need a connection.";
    $("notifications-empty").hidden = false;
  }
}

function notificationItem(notification) {
  return h("li", { className: notification.readAt ? "" : "unread", "data-kind": notification.kind },
    h("strong", {}, notification.title, notification.readAt ? null : h("span", { className: "visually-hidden" }, " (new)")),
    notification.body ? h("p", {}, notification.body) : null,
    h("div", { className: "row hint" }, h("span", {}, dateTime(notification.createdAt))));
}

// --- start -----------------------------------------------------------------------------

function start() {
  setUpAuthForms();
  $("log-out").addEventListener("click", () => logOut());
  setUpCare(() => state.session?.token);
  document.addEventListener("wallet:points-changed", () => refreshMe().catch(() => {}));
  $("bell").addEventListener("click", () => openNotifications().catch(() => {}));
  $("notifications-more").addEventListener("click", () => loadNotifications().catch(() => {}));
  $("notifications-close").addEventListener("click", () => $("notifications").close());
  $("notifications").addEventListener("close", () => $("bell").focus());
  $("bright").addEventListener("click", showForScanning);
  $("referral-copy").addEventListener("click", copyReferralLink);
  $("referral-share").addEventListener("click", shareReferral);
  $("scan-overlay-close").addEventListener("click", closeScanning);
  $("scan-overlay").addEventListener("close", releaseScreen); // Done, or Escape
  $("activity-more").addEventListener("click", () => loadActivity());
  $("rewards-more").addEventListener("click", () => loadRewards());
  $("checkout-confirm").addEventListener("click", (event) => settleTestCheckout(true, event.target));
  $("checkout-decline").addEventListener("click", (event) => settleTestCheckout(false, event.target));
  $("membership-cancel").addEventListener("click", confirmCancel);
  $("confirm-cancel").addEventListener("close", () => {
    if (!$("membership-cancel").hidden) $("membership-cancel").focus();
  });
  $("membership-resume").addEventListener("click", (event) => resumeMembership(event.target));
  $("checkout-abandon").addEventListener("click", (event) => abandonCheckout(event.target));
  // Page the activity as the member scrolls to its end.
  new IntersectionObserver((entries) => {
    if (entries.some((entry) => entry.isIntersecting) && !$("activity-more").hidden) loadActivity();
  }).observe($("activity-more"));
  window.addEventListener("hashchange", () => showView(viewFromHash()));
  document.addEventListener("visibilitychange", () => {
    if (document.hidden) stopScanCode();
    else if (state.session && state.view === "card") startScanCode();
  });
  window.addEventListener("online", () => state.session && refreshMe().then(startScanCode));
  window.addEventListener("offline", () => setOffline(true, JSON.parse(localStorage.getItem(LAST_CARD_KEY) || "{}").savedAt));

  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(() => {});
  }

  // The program's name, for the header of the log-in page too.
  graphql("{ program { name } }").then((data) => { $("program-name").textContent = data.program.name; }, () => {});

  // An invitation link (`/?ref=CODE`): the sign-up form, with the code filled in.
  const invitation = new URLSearchParams(location.search).get("ref");
  if (invitation) $("signup-referral").value = invitation;

  state.session = loadSession();
  if (state.session) showSignedIn().catch((error) => showSignedOut(error.message));
  else {
    showSignedOut();
    if (invitation) selectTab("signup");
  }
  document.body.dataset.ready = "true";
}

start();
