// The cashier console. Talks to POST /graphql only; the staff token lives in
// sessionStorage, so closing the till's tab logs the cashier out.
import { ApiError, OfflineError, graphql, newKey } from "/web/shared/graphql.js";
import { cardNumber, date, dateTime, h, money, points } from "/web/shared/format.js";
import { liveSubscription } from "/web/shared/live.js";

const SESSION_KEY = "pos.session";
const STORE_KEY = "pos.store";
const $ = (id) => document.getElementById(id);

const LOG_IN = `mutation($input: LogInInput!) { logIn(input: $input) {
  __typename ... on LogInSuccess { accessToken expiresAt role }
  ... on Error { code message } } }`;

const WHO = `{ currentStaff { name role stores { id name isActive } } stores { id name } program { currency } }`;

const MEMBER_FIELDS = `id name cardNumber tier { name } points { available pending }
  credit { balance owed currency }
  membership { status cancelAtPeriodEnd currentPeriodEnd plan { name
    benefits { earnMultiplier bonusPoints freeShipping cashbackPercent exclusiveRewards } } }`;
const VOUCHER_FIELDS = `code status expiresAt reward { name }`;

const SCAN = `mutation($code: String!, $storeId: ID!) { scanMember(code: $code, storeId: $storeId) {
  __typename
  ... on ScanMemberSuccess { member { ${MEMBER_FIELDS} } vouchers { ${VOUCHER_FIELDS} } }
  ... on RateLimitedError { retryAfterSeconds }
  ... on Error { code message } } }`;

const RECORD = `mutation($input: RecordPurchaseInput!) { recordPurchase(input: $input) {
  __typename
  ... on RecordPurchaseSuccess { pointsEarned bonusPoints cashbackEarned pending replayed member { ${MEMBER_FIELDS} } }
  ... on Error { code message } } }`;

const USE_VOUCHER = `mutation($input: UseVoucherInput!) { useVoucher(input: $input) {
  __typename
  ... on UseVoucherSuccess { voucher { ${VOUCHER_FIELDS} usedAt member { ${MEMBER_FIELDS} } } }
  ... on AlreadyUsedError { usedAt }
  ... on Error { code message } } }`;

const APPLY_CREDIT = `mutation($input: ApplyCreditInput!) { applyCredit(input: $input) {
  __typename
  ... on ApplyCreditSuccess { amount balance replayed member { ${MEMBER_FIELDS} } }
  ... on InsufficientCreditError { available requested }
  ... on RateLimitedError { retryAfterSeconds }
  ... on Error { code message } } }`;

// Live: members scanned at this store, by any till (memberScanned over a WebSocket).
const MEMBER_SCANNED = `subscription($storeId: ID) { memberScanned(storeId: $storeId) {
  member { name cardNumber } scannedAt } }`;
const RECENT_SCANS = 5;

// A lost answer is retried with the same key, so the credit is spent once at most.
const CREDIT_RETRY_DELAYS_MS = [500, 1500];

const STATUS_WORDS = {
  PENDING: "awaiting payment", TRIALING: "free trial", ACTIVE: "active", PAST_DUE: "payment overdue",
  LAPSED: "lapsed", CANCELLED: "cancelled", FAILED: "payment failed",
};
// The plan's benefits apply in these states only.
const BENEFIT_STATUSES = ["TRIALING", "ACTIVE", "PAST_DUE"];

const state = {
  session: null,
  storeId: null,
  currency: "USD",
  member: null,
  purchaseKey: newKey(),
  creditAttempt: null, // { amount, reference, key } of the last apply that did not answer

  camera: null,
};

function loadSession() {
  try {
    const session = JSON.parse(sessionStorage.getItem(SESSION_KEY));
    if (session && Date.parse(session.expiresAt) > Date.now()) return session;
  } catch (error) { /* nothing stored */ }
  return null;
}

async function api(query, variables = {}) {
  try {
    return await graphql(query, variables, state.session?.token);
  } catch (error) {
    if (error instanceof ApiError && error.code === "UNAUTHENTICATED") logOut("Your session ended: please log in again.");
    throw error;
  }
}

function logOut(message = "") {
  state.session = null;
  sessionStorage.removeItem(SESSION_KEY);
  clearMember();
  stopCamera();
  watchScans(null);
  $("console").hidden = true;
  $("log-out").hidden = true;
  $("login").hidden = false;
  $("till-where").textContent = "";
  $("login-error").textContent = message;
  $("login-email").focus();
}

async function logIn(event) {
  event.preventDefault();
  const form = event.target;
  $("login-error").textContent = "";
  try {
    const result = (await graphql(LOG_IN, {
      input: { email: form.email.value.trim(), password: form.password.value, account: "STAFF" },
    })).logIn;
    if (result.code) {
      $("login-error").textContent = result.message;
      return;
    }
    state.session = { token: result.accessToken, expiresAt: result.expiresAt };
    sessionStorage.setItem(SESSION_KEY, JSON.stringify(state.session));
    form.reset();
    await openConsole();
  } catch (error) {
    $("login-error").textContent = error.message;
  }
}

async function openConsole() {
  const data = await api(WHO);
  state.currency = data.program.currency;
  $("currency").textContent = state.currency;
  // Admins act at every store; a cashier at the stores assigned to them.
  const stores = data.currentStaff.role === "ADMIN" ? data.stores : data.currentStaff.stores.filter((s) => s.isActive);
  $("store").replaceChildren(...stores.map((store) => h("option", { value: store.id }, store.name)));
  const saved = sessionStorage.getItem(STORE_KEY);
  state.storeId = stores.some((s) => s.id === saved) ? saved : stores[0]?.id ?? null;
  $("store").value = state.storeId ?? "";
  $("store-form").hidden = stores.length < 2;
  $("till-where").textContent = `· ${data.currentStaff.name || "cashier"}${stores.length ? ` at ${$("store").selectedOptions[0].textContent}` : ""}`;
  $("login").hidden = true;
  $("console").hidden = false;
  $("log-out").hidden = false;
  $("camera-start").hidden = !("BarcodeDetector" in window && navigator.mediaDevices?.getUserMedia);
  if (!state.storeId) $("scan-error").textContent = "You are not assigned to a store: ask an admin.";
  watchScans(state.storeId);
  $("scan-input").focus();
}

// The store's scans as they happen: a second till at the same store sees who was served.
function watchScans(storeId) {
  state.scans?.close();
  state.scans = null;
  $("recent-scan-list").replaceChildren();
  $("recent-scans").hidden = true;
  if (!storeId || !("WebSocket" in window)) return;
  state.scans = liveSubscription({
    query: MEMBER_SCANNED,
    variables: { storeId },
    token: () => state.session?.token,
    onData: ({ memberScanned: scan }) => {
      const list = $("recent-scan-list");
      list.prepend(h("li", {}, h("div", { className: "row" },
        h("strong", {}, scan.member.name || cardNumber(scan.member.cardNumber)),
        h("span", { className: "hint" }, dateTime(scan.scannedAt)))));
      while (list.childElementCount > RECENT_SCANS) list.lastElementChild.remove();
      $("recent-scans").hidden = false;
    },
    onState: (status) => { document.body.dataset.live = status; },
  });
}

function showError(id, error) {
  $(id).textContent = error.retryAfterSeconds
    ? `${error.message} Try again in ${error.retryAfterSeconds} s.` : error.message;
}

async function findMember(event) {
  event?.preventDefault();
  const code = $("scan-input").value.trim();
  $("scan-error").textContent = "";
  if (!code) {
    $("scan-error").textContent = "Scan a code or type the card number.";
    return;
  }
  try {
    const result = (await api(SCAN, { code, storeId: state.storeId })).scanMember;
    if (result.code) {
      showError("scan-error", result);
      $("scan-input").select();
      return;
    }
    showMember(result.member, result.vouchers);
    $("scan-input").value = "";
    $("purchase-amount").focus();
  } catch (error) {
    $("scan-error").textContent = error.message;
  }
}

function showMember(member, vouchers) {
  state.member = member;
  state.purchaseKey = newKey();
  state.creditAttempt = null;
  for (const id of ["member", "purchase", "vouchers", "credit"]) $(id).hidden = false;
  $("member").dataset.memberId = member.id;
  $("member-name").textContent = member.name;
  $("member-card").textContent = cardNumber(member.cardNumber);
  $("member-tier").textContent = member.tier?.name ?? "no tier";
  renderPoints(member);
  $("purchase-result").textContent = "";
  $("purchase-error").textContent = "";
  $("credit-result").textContent = "";
  $("credit-error").textContent = "";
  if (vouchers) renderVouchers(vouchers);
}

function renderPoints(member) {
  $("member-available").textContent = points(member.points.available);
  $("member-pending").textContent = points(member.points.pending);
  $("member-tier").textContent = member.tier?.name ?? "no tier";
  renderCredit(member.credit);
  renderMembership(member.membership);
}

function renderCredit(credit) {
  $("member-credit").textContent = money(credit.balance, credit.currency);
  $("credit-available").textContent = `${money(credit.balance, credit.currency)} available.`;
  $("credit-currency").textContent = credit.currency;
  const owed = Number(credit.owed) > 0;
  $("member-credit-owed").hidden = !owed;
  $("member-credit-owed").textContent = owed ? `${money(credit.owed, credit.currency)} credit owed after a refund.` : "";
}

function renderMembership(membership) {
  const applies = Boolean(membership && BENEFIT_STATUSES.includes(membership.status));
  $("member-membership").dataset.status = membership?.status ?? "NONE";
  $("member-plan").textContent = !membership ? "none"
    : `${membership.plan.name} · ${STATUS_WORDS[membership.status] ?? membership.status.toLowerCase()}`
      + (applies && membership.cancelAtPeriodEnd ? `, ends ${date(membership.currentPeriodEnd)}` : "");
  const benefits = applies ? membership.plan.benefits : null;
  $("member-benefits").replaceChildren(...(benefits ? [
    benefits.freeShipping ? "Free shipping" : null,
    Number(benefits.earnMultiplier) > 1 ? `${Number(benefits.earnMultiplier)}× points` : null,
    Number(benefits.cashbackPercent) > 0 ? `${Number(benefits.cashbackPercent)}% cashback` : null,
    benefits.exclusiveRewards ? "Members-only rewards" : null,
  ] : []).filter(Boolean).map((benefit) => h("li", {}, benefit)));
}

function renderVouchers(vouchers) {
  $("vouchers-empty").hidden = vouchers.length > 0;
  $("voucher-list").replaceChildren(...vouchers.map((voucher) =>
    h("li", { "data-voucher": voucher.code },
      h("div", { className: "row" },
        h("span", {}, h("strong", {}, voucher.reward.name), h("br"),
          h("span", { className: "voucher-code" }, voucher.code)),
        h("button", { type: "button", className: "secondary", onclick: () => useVoucher(voucher.code),
          "aria-label": `Use ${voucher.reward.name} (${voucher.code})` }, "Use")),
      voucher.expiresAt ? h("span", { className: "hint" }, `valid until ${date(voucher.expiresAt)}`) : null)));
}

function clearMember() {
  state.member = null;
  for (const id of ["member", "purchase", "vouchers", "credit"]) $(id).hidden = true;
  $("purchase-form").reset();
  $("credit-form").reset();
  state.creditAttempt = null;
  $("voucher-list").replaceChildren();
}

async function recordPurchase(event) {
  event.preventDefault();
  const form = event.target;
  $("purchase-error").textContent = "";
  $("purchase-result").textContent = "";
  const amount = form.amount.value.trim().replace(",", ".");
  if (!/^\d+(\.\d{1,2})?$/.test(amount) || Number(amount) <= 0) {
    $("purchase-error").textContent = "Enter the amount paid, e.g. 19.99.";
    form.amount.focus();
    return;
  }
  if (!form.reference.value.trim()) {
    $("purchase-error").textContent = "Enter the receipt number.";
    form.reference.focus();
    return;
  }
  const button = form.querySelector("button[type=submit]");
  button.disabled = true;
  try {
    // The member was identified by scanMember: their id stays valid after the scan code lapses.
    const result = (await api(RECORD, { input: {
      memberId: state.member.id, amount, currency: state.currency, reference: form.reference.value.trim(),
      storeId: state.storeId, idempotencyKey: state.purchaseKey,
    } })).recordPurchase;
    if (result.code) {
      showError("purchase-error", result);
      return;
    }
    state.purchaseKey = newKey(); // the next sale is a new request; a retry of this one reused the key
    renderPoints(result.member);
    const bonus = result.bonusPoints ? ` (${points(result.bonusPoints)} bonus)` : "";
    const cashback = Number(result.cashbackEarned) > 0
      ? `, +${money(result.cashbackEarned, result.member.credit.currency)} credit` : "";
    $("purchase-result").textContent = `Recorded: +${points(result.pointsEarned)} points${bonus}`
      + `${result.pending ? ", pending until the return window ends" : ""}${cashback}.`;
    form.reset();
  } catch (error) {
    $("purchase-error").textContent = error.message;
  } finally {
    button.disabled = false;
  }
}

async function applyCredit(event) {
  event.preventDefault();
  const form = event.target;
  $("credit-error").textContent = "";
  $("credit-result").textContent = "";
  const amount = form.amount.value.trim().replace(",", ".");
  const reference = form.reference.value.trim();
  if (!/^\d+(\.\d{1,2})?$/.test(amount) || Number(amount) <= 0) {
    $("credit-error").textContent = "Enter the credit to apply, e.g. 5.00.";
    form.amount.focus();
    return;
  }
  if (!reference) {
    $("credit-error").textContent = "Enter the sale's receipt number as the reference.";
    form.reference.focus();
    return;
  }
  // The same amount and receipt after a lost answer is the same attempt: same key.
  const last = state.creditAttempt;
  const attempt = last && last.amount === amount && last.reference === reference
    ? last : { amount, reference, key: newKey() };
  state.creditAttempt = attempt;
  const button = form.querySelector("button[type=submit]");
  button.disabled = true;
  try {
    const result = await sendCredit(attempt);
    state.creditAttempt = null; // answered: the next apply is a new request
    if (result.code) {
      $("credit-error").textContent = creditErrorWords(result);
      form.amount.focus();
      return;
    }
    renderPoints(result.member);
    $("credit-result").textContent = `Applied ${money(result.amount, result.member.credit.currency)} of credit; `
      + `${money(result.balance, result.member.credit.currency)} left.`;
    form.reset();
  } catch (error) {
    $("credit-error").textContent = error instanceof OfflineError
      ? "No answer from the server: press Apply credit again to retry; it will not be applied twice."
      : error.message;
  } finally {
    button.disabled = false;
  }
}

async function sendCredit(attempt) {
  const input = {
    memberId: state.member.id, amount: attempt.amount, reference: attempt.reference,
    storeId: state.storeId, idempotencyKey: attempt.key,
  };
  for (let retry = 0; ; retry += 1) {
    try {
      return (await api(APPLY_CREDIT, { input })).applyCredit;
    } catch (error) {
      if (!(error instanceof OfflineError) || retry >= CREDIT_RETRY_DELAYS_MS.length) throw error;
      await new Promise((resolve) => setTimeout(resolve, CREDIT_RETRY_DELAYS_MS[retry]));
    }
  }
}

function creditErrorWords(error) {
  const currency = state.member?.credit?.currency ?? state.currency;
  if (error.code === "INSUFFICIENT_CREDIT") {
    return `Not enough credit: ${money(error.available, currency)} available, ${money(error.requested, currency)} asked.`;
  }
  if (error.retryAfterSeconds) return `${error.message} Try again in ${error.retryAfterSeconds} s.`;
  return error.message;
}

async function useVoucher(code) {
  $("voucher-error").textContent = "";
  $("voucher-result").textContent = "";
  try {
    const result = (await api(USE_VOUCHER, { input: { code, storeId: state.storeId } })).useVoucher;
    if (result.code) {
      $("voucher-error").textContent = result.message;
      return;
    }
    $("voucher-result").textContent = `Used: ${result.voucher.reward.name} (${result.voucher.code}) for ${result.voucher.member.name}.`;
    $("voucher-code").value = "";
    document.querySelector(`#voucher-list [data-voucher="${CSS.escape(result.voucher.code)}"]`)?.remove();
    $("vouchers-empty").hidden = $("voucher-list").childElementCount > 0;
  } catch (error) {
    $("voucher-error").textContent = error.message;
  }
}

// --- camera scanning (where the browser has BarcodeDetector) ----------------------------

async function startCamera() {
  $("scan-error").textContent = "";
  try {
    const detector = new BarcodeDetector({ formats: ["qr_code"] });
    const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } });
    state.camera = { stream, timer: null };
    const video = $("camera-video");
    video.srcObject = stream;
    $("camera").hidden = false;
    await video.play();
    const look = async () => {
      if (!state.camera) return;
      try {
        const [found] = await detector.detect(video);
        if (found?.rawValue) {
          $("scan-input").value = found.rawValue;
          stopCamera();
          await findMember();
          return;
        }
      } catch (error) { /* a frame that could not be read: try the next */ }
      state.camera.timer = setTimeout(look, 250);
    };
    look();
  } catch (error) {
    stopCamera();
    $("scan-error").textContent = "The camera is not available: type the card number instead.";
  }
}

function stopCamera() {
  if (!state.camera) return;
  clearTimeout(state.camera.timer);
  state.camera.stream.getTracks().forEach((track) => track.stop());
  $("camera-video").srcObject = null;
  state.camera = null;
  $("camera").hidden = true;
}

function start() {
  $("login-form").addEventListener("submit", logIn);
  $("log-out").addEventListener("click", () => logOut());
  $("scan-form").addEventListener("submit", findMember);
  $("purchase-form").addEventListener("submit", recordPurchase);
  $("credit-form").addEventListener("submit", applyCredit);
  $("voucher-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const code = $("voucher-code").value.trim();
    if (code) useVoucher(code);
    else $("voucher-error").textContent = "Type or scan the voucher code.";
  });
  $("member-clear").addEventListener("click", () => { clearMember(); $("scan-input").focus(); });
  $("store").addEventListener("change", () => {
    state.storeId = $("store").value;
    sessionStorage.setItem(STORE_KEY, state.storeId);
    watchScans(state.storeId);
  });
  $("camera-start").addEventListener("click", startCamera);
  $("camera-stop").addEventListener("click", stopCamera);

  state.session = loadSession();
  if (state.session) openConsole().catch((error) => logOut(error.message));
  else logOut();
  document.body.dataset.ready = "true";
}

start();
