// Member care in the wallet: the assigned associate, missing-points claims (list and a
// form to file one) and points gifts. Loaded by app.js when the Care view opens.
import { OfflineError, graphql, newKey } from "/web/shared/graphql.js";
import { date, h, money, points } from "/web/shared/format.js";

const $ = (id) => document.getElementById(id);

const CARE = `{
  memberCareSettings { giftsEnabled giftPointsPerMonth claimMaxAgeDays }
  claimStores { id name }
  me { associate { name email phone }
       claims(first: 20) { edges { node { id status receiptReference amount currency purchasedAt
                                          reason pointsEarned store { name } } } } } }`;

const FILE_CLAIM = `mutation($input: FileMissingPointsClaimInput!) { fileMissingPointsClaim(input: $input) {
  __typename ... on MissingPointsClaimSuccess { claim { id status } }
  ... on Error { code message } } }`;

const GIFT = `mutation($input: GiftPointsInput!) { giftPoints(input: $input) {
  __typename ... on GiftPointsSuccess { points recipientName member { points { available } } }
  ... on InsufficientPointsError { available }
  ... on GiftLimitExceededError { remaining }
  ... on Error { code message } } }`;

const CLAIM_WORDS = { OPEN: "waiting for review", APPROVED: "approved", REJECTED: "rejected" };

let token = () => null;
// One key per attempt: a retry of the same form (a lost answer) replays instead of doubling.
let claimKey = null;
let giftKey = null;

export function setUpCare(getToken) {
  token = getToken;
  $("claim-form").addEventListener("submit", fileClaim);
  $("gift-form").addEventListener("submit", sendGift);
  for (const id of ["claim-store", "claim-date", "claim-amount", "claim-reference"]) {
    $(id).addEventListener("input", () => { claimKey = null; });
  }
  for (const id of ["gift-to", "gift-points", "gift-message"]) {
    $(id).addEventListener("input", () => { giftKey = null; });
  }
}

export async function loadCare() {
  let data;
  try {
    data = await graphql(CARE, {}, token());
  } catch (error) {
    $("claims-error").textContent = error instanceof OfflineError ? "Offline: your claims show when you are back online." : error.message;
    return;
  }
  $("claims-error").textContent = "";
  showAssociate(data.me.associate);
  const select = $("claim-store");
  const chosen = select.value;
  select.replaceChildren(...data.claimStores.map((s) => h("option", { value: s.id }, s.name)));
  if (chosen) select.value = chosen;
  $("claim-date").max = new Date().toISOString().slice(0, 10);
  $("claim-hint").textContent = `Purchases of the last ${data.memberCareSettings.claimMaxAgeDays} days can be claimed.`;
  showClaims(data.me.claims.edges.map((e) => e.node));
  const settings = data.memberCareSettings;
  $("gift-panel").hidden = !settings.giftsEnabled;
  $("gift-hint").textContent = `You may give up to ${points(settings.giftPointsPerMonth)} points a month.`;
}

function showAssociate(associate) {
  $("associate-panel").hidden = !associate;
  if (!associate) return;
  $("associate-name").textContent = associate.name || associate.email;
  const email = $("associate-email");
  email.textContent = associate.email;
  email.href = `mailto:${associate.email}`;
  const phone = $("associate-phone");
  phone.hidden = !associate.phone;
  phone.textContent = associate.phone || "";
  phone.href = associate.phone ? `tel:${associate.phone.replace(/[^+\d]/g, "")}` : "";
}

function showClaims(claims) {
  $("claims-empty").hidden = claims.length > 0;
  $("claim-list").replaceChildren(...claims.map((claim) => h("li", { "data-status": claim.status },
    h("div", { className: "row" },
      h("strong", {}, `Receipt ${claim.receiptReference}`),
      h("span", { className: "badge" },
        claim.status === "APPROVED" ? `approved: +${points(claim.pointsEarned)}` : CLAIM_WORDS[claim.status])),
    h("div", { className: "row hint" },
      h("span", {}, `${claim.store?.name ?? ""} · ${money(claim.amount, claim.currency)}`),
      h("span", {}, date(claim.purchasedAt))),
    claim.reason ? h("p", { className: "hint" }, `Reason: ${claim.reason}`) : null,
  )));
}

async function fileClaim(event) {
  event.preventDefault();
  const form = event.target;
  $("claim-error").textContent = "";
  $("claim-message").textContent = "";
  if (!form.reportValidity()) return;
  // The purchase's day, at noon where the member is: a day is what a receipt shows.
  const day = $("claim-date").value;
  const purchasedAt = new Date(`${day}T12:00:00`);
  if (purchasedAt > new Date()) purchasedAt.setTime(Date.now() - 60_000);
  claimKey = claimKey ?? newKey();
  const input = {
    storeId: $("claim-store").value,
    purchasedAt: purchasedAt.toISOString(),
    amount: $("claim-amount").value.trim(),
    receiptReference: $("claim-reference").value.trim(),
    idempotencyKey: claimKey,
  };
  const button = form.querySelector("button[type=submit]");
  button.disabled = true;
  try {
    const result = (await graphql(FILE_CLAIM, { input }, token())).fileMissingPointsClaim;
    if (result.__typename !== "MissingPointsClaimSuccess") {
      $("claim-error").textContent = result.message;
      claimKey = null;
      return;
    }
    claimKey = null;
    form.reset();
    $("claim-message").textContent = "Claim filed: we will review it and tell you here.";
    await loadCare();
  } catch (error) {
    $("claim-error").textContent = error instanceof OfflineError ? "Offline: try again when you are back online." : error.message;
  } finally {
    button.disabled = false;
  }
}

async function sendGift(event) {
  event.preventDefault();
  const form = event.target;
  $("gift-error").textContent = "";
  $("gift-message-sent").textContent = "";
  if (!form.reportValidity()) return;
  const to = $("gift-to").value.trim();
  giftKey = giftKey ?? newKey();
  const input = {
    points: Number($("gift-points").value),
    message: $("gift-message").value.trim() || null,
    idempotencyKey: giftKey,
    ...(to.includes("@") ? { toEmail: to } : { toCardNumber: to.replace(/\s/g, "") }),
  };
  const button = form.querySelector("button[type=submit]");
  button.disabled = true;
  try {
    const result = (await graphql(GIFT, { input }, token())).giftPoints;
    if (result.__typename !== "GiftPointsSuccess") {
      $("gift-error").textContent = result.message;
      giftKey = null;
      return;
    }
    giftKey = null;
    form.reset();
    $("gift-message-sent").textContent =
      `${points(result.points)} points sent to ${result.recipientName}. You have ${points(result.member.points.available)} left.`;
    document.dispatchEvent(new CustomEvent("wallet:points-changed"));
  } catch (error) {
    $("gift-error").textContent = error instanceof OfflineError ? "Offline: try again when you are back online." : error.message;
  } finally {
    button.disabled = false;
  }
}

