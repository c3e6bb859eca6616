// Insight: the program's figures for admins. Talks to POST /graphql only; the admin's
// token lives in sessionStorage, gone with the tab. Cashiers and members are refused by
// the API (FORBIDDEN); the page says so instead of showing empty figures.
import { ApiError, graphql } from "/web/shared/graphql.js";
import { h, money, points } from "/web/shared/format.js";
import { barList, columnChart } from "/web/admin/charts.js";

const SESSION_KEY = "admin.session";
const $ = (id) => document.getElementById(id);

const LOG_IN = `mutation($input: LogInInput!) { logIn(input: $input) {
  __typename ... on LogInSuccess { accessToken expiresAt role }
  ... on Error { code message } } }`;

const WHO = `{ currentStaff { name role } }`;
const SETUP = `{ program { name currency timezone } stores { id name } }`;

const REPORT = `query($from: DateTime!, $to: DateTime!, $store: ID, $interval: ReportInterval!) {
  stats: programStats(from: $from, to: $to, storeId: $store, topRewards: 5) {
    timezone
    members { total new active }
    sales { memberPurchases memberRevenue memberAverageTicket memberRefunds
            nonMemberPurchases nonMemberRevenue nonMemberAverageTicket memberRevenueShare
            buyingMembers repeatBuyers repeatPurchaseRate }
    points { issued redeemed expired redemptionRate }
    tierDistribution { name rank members }
    tierMoves { fromName toName members upward }
    memberships { atStart signups churned churnRate liveAtEnd payments revenue revenueCurrency
                  otherRevenue { amount currency } }
    topRewards { name kind redemptions quantity points }
  }
  timeline: pointsTimeline(from: $from, to: $to, interval: $interval) { periods { label issued redeemed expired } }
  cohorts: cohortRetention(from: $from, to: $to) { month members months { month active share } }
  liability: pointsLiability(from: $from, to: $to, interval: $interval) {
    currency pointValue breakageRate breakageConfigured breakageMonths
    periods { label outstanding grossValue breakageValue liability } }
  donations: donationsReport(from: $from, to: $to) { charityName donations points amount currency }
  partners: partnerSettlements(from: $from, to: $to) { partnerName pointsIssued pointsRedeemed net }
}`;

const state = { session: null, program: null };

const percent = (rate) => (rate === null || rate === undefined ? "–" : `${(Number(rate) * 100).toFixed(1)} %`);
const plural = (n, word) => `${points(n)} ${n === 1 ? word : `${word}s`}`;
const orDash = (value, show) => (value === null || value === undefined ? "–" : show(value));

// --- dates in the program's time zone -----------------------------------------------------

function offsetMinutes(utcMillis, timeZone) {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit",
    hour: "2-digit", minute: "2-digit", second: "2-digit",
  }).formatToParts(new Date(utcMillis));
  const part = (type) => Number(parts.find((p) => p.type === type).value);
  const wall = Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"), part("second"));
  return (wall - utcMillis) / 60000;
}

// The instant a day ("2026-02-01") starts in the zone, as ISO 8601 in UTC.
export function midnightIn(day, timeZone) {
  const [year, month, date] = day.split("-").map(Number);
  const wall = Date.UTC(year, month - 1, date);
  let instant = wall - offsetMinutes(wall, timeZone) * 60000;
  instant = wall - offsetMinutes(instant, timeZone) * 60000;
  return new Date(instant).toISOString();
}

function todayIn(timeZone) {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" })
    .format(new Date());
}

function addDays(day, days) {
  const [year, month, date] = day.split("-").map(Number);
  return new Date(Date.UTC(year, month - 1, date + days)).toISOString().slice(0, 10);
}

function monthsBefore(day, months) {
  const [year, month] = day.split("-").map(Number);
  return new Date(Date.UTC(year, month - 1 - months, 1)).toISOString().slice(0, 10);
}

// --- session ---------------------------------------------------------------------------------

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
    if (error instanceof ApiError && error.code === "FORBIDDEN") refuse();
    throw error;
  }
}

function show(section) {
  for (const id of ["login", "refused", "dashboard"]) $(id).hidden = id !== section;
  $("log-out").hidden = section === "login";
}

function logOut(message = "") {
  state.session = null;
  sessionStorage.removeItem(SESSION_KEY);
  $("who").textContent = "";
  $("report").hidden = true;
  show("login");
  $("login-error").textContent = message;
  $("login-email").focus();
}

function refuse(role = null) {
  const who = role ? `You are logged in as a ${role.toLowerCase()}.` : "Your account may not see them.";
  $("refused-message").textContent = `Only admins can see the program's figures. ${who}`;
  show("refused");
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
    await open();
  } catch (error) {
    $("login-error").textContent = error.message;
  }
}

async function open() {
  const { currentStaff } = await api(WHO);
  $("who").textContent = `· ${currentStaff.name || "staff"}`;
  if (currentStaff.role !== "ADMIN") {
    refuse(currentStaff.role);
    return;
  }
  const setup = await api(SETUP);
  state.program = setup.program;
  $("window-store").replaceChildren(
    h("option", { value: "" }, "All stores"),
    ...setup.stores.map((store) => h("option", { value: store.id }, store.name)),
  );
  const today = todayIn(state.program.timezone);
  $("window-to").value = today;
  $("window-from").value = monthsBefore(today, 11);
  show("dashboard");
  await report();
}

// --- the report ----------------------------------------------------------------------------

async function report(event) {
  event?.preventDefault();
  $("report-error").textContent = "";
  const fromDay = $("window-from").value;
  const toDay = $("window-to").value;
  if (!fromDay || !toDay || toDay < fromDay) {
    $("report-error").textContent = "Choose a start date and an end date on or after it.";
    return;
  }
  const zone = state.program.timezone;
  const variables = {
    from: midnightIn(fromDay, zone),
    to: midnightIn(addDays(toDay, 1), zone),
    store: $("window-store").value || null,
    interval: $("window-interval").value,
  };
  const root = $("report");
  root.setAttribute("aria-busy", "true");
  let data;
  try {
    data = await api(REPORT, variables);
  } catch (error) {
    root.removeAttribute("aria-busy");
    if (!(error instanceof ApiError && ["FORBIDDEN", "UNAUTHENTICATED"].includes(error.code))) {
      $("report-error").textContent = error.message;
    }
    return;
  }
  root.dataset.from = variables.from;
  root.dataset.to = variables.to;
  root.dataset.store = variables.store ?? "";
  root.dataset.interval = variables.interval;
  const store = $("window-store").selectedOptions[0].textContent;
  $("report-window").textContent =
    `${fromDay} to ${toDay} (${zone}) · sales at ${variables.store ? store : "all stores"}`;
  root.hidden = false; // first, so the charts can be drawn at the width they get
  render(data);
  root.removeAttribute("aria-busy");
}

function render({ stats, timeline, cohorts, liability, donations, partners }) {
  const currency = state.program.currency;
  const cash = (amount) => money(amount, currency);

  $("members-total").textContent = points(stats.members.total);
  $("members-new").textContent = points(stats.members.new);
  $("members-active").textContent = points(stats.members.active);

  const sales = stats.sales;
  $("repeat-rate").textContent = percent(sales.repeatPurchaseRate);
  $("repeat-detail").textContent =
    `${points(sales.repeatBuyers)} of ${points(sales.buyingMembers)} buying members bought twice or more.`;
  $("sales-table").tBodies[0].replaceChildren(
    h("tr", { id: "sales-members" }, h("th", { scope: "row" }, "Members"), h("td", {}, points(sales.memberPurchases)),
      h("td", {}, cash(sales.memberRevenue)), h("td", {}, orDash(sales.memberAverageTicket, cash))),
    h("tr", { id: "sales-non-members" }, h("th", { scope: "row" }, "Non-members"),
      h("td", {}, points(sales.nonMemberPurchases)), h("td", {}, cash(sales.nonMemberRevenue)),
      h("td", {}, orDash(sales.nonMemberAverageTicket, cash))),
  );
  $("sales-detail").textContent =
    `Members' share of revenue: ${percent(sales.memberRevenueShare)}. Refunds to members: ${cash(sales.memberRefunds)}. `
    + "Non-member sales are those the tills recorded without a member.";
  $("sales-chart").replaceChildren(barList({
    width: $("sales-chart").clientWidth,
    id: "revenue-chart", title: "Revenue of members and non-members", key: "revenue", format: cash,
    items: [
      { label: "Members", value: Number(sales.memberRevenue) },
      { label: "Non-members", value: Number(sales.nonMemberRevenue) },
    ],
  }));

  $("points-issued").textContent = points(stats.points.issued);
  $("points-redeemed").textContent = points(stats.points.redeemed);
  $("points-expired").textContent = points(stats.points.expired);
  $("points-rate").textContent = percent(stats.points.redemptionRate);
  const periods = timeline.periods;
  $("points-chart").replaceChildren(columnChart({
    width: $("points-chart").clientWidth,
    id: "points-svg", title: "Points issued, redeemed and expired", labels: periods.map((p) => p.label),
    series: [
      { key: "issued", name: "Issued", values: periods.map((p) => p.issued) },
      { key: "redeemed", name: "Redeemed", values: periods.map((p) => p.redeemed) },
      { key: "expired", name: "Expired", values: periods.map((p) => p.expired) },
    ],
  }));

  $("tier-chart").replaceChildren(barList({
    width: $("tier-chart").clientWidth,
    id: "tier-svg", title: "Members by tier", key: "tier",
    items: stats.tierDistribution.map((t) => ({ label: t.name ?? "No tier", value: t.members })),
  }));
  $("tier-moves").replaceChildren(...stats.tierMoves.map((m) => h("li", {},
    `${m.fromName ?? "none"} → ${m.toName ?? "none"}: ${points(m.members)} moved ${m.upward ? "up" : "down"}`)));

  const ms = stats.memberships;
  $("memberships-signups").textContent = points(ms.signups);
  $("memberships-churned").textContent = points(ms.churned);
  $("memberships-churn-rate").textContent = percent(ms.churnRate);
  $("memberships-revenue").textContent = money(ms.revenue, ms.revenueCurrency);
  const other = ms.otherRevenue.map((m) => money(m.amount, m.currency)).join(", ");
  $("memberships-detail").textContent =
    `${plural(ms.payments, "payment")}; ${plural(ms.liveAtEnd, "membership")} giving benefits at the end`
    + ` (${points(ms.atStart)} at the start).${other ? ` Also ${other}.` : ""}`;

  $("rewards-table").tBodies[0].replaceChildren(...stats.topRewards.map((r) => h("tr", {},
    h("th", { scope: "row" }, r.name), h("td", {}, points(r.quantity)), h("td", {}, points(r.points)))));
  $("rewards-empty").hidden = stats.topRewards.length > 0;

  $("donations-table").tBodies[0].replaceChildren(...donations.map((d) => h("tr", {},
    h("th", { scope: "row" }, d.charityName), h("td", {}, points(d.donations)), h("td", {}, points(d.points)),
    h("td", {}, money(d.amount, d.currency)))));
  $("donations-empty").hidden = donations.length > 0;

  $("partners-table").tBodies[0].replaceChildren(...partners.map((p) => h("tr", {},
    h("th", { scope: "row" }, p.partnerName), h("td", {}, points(p.pointsIssued)), h("td", {}, points(p.pointsRedeemed)),
    h("td", {}, cash(p.net)))));
  $("partners-empty").hidden = partners.length > 0;

  renderLiability(liability);
  renderCohorts(cohorts);
}

function renderLiability(liability) {
  const cash = (amount) => money(amount, liability.currency);
  const last = liability.periods[liability.periods.length - 1];
  $("liability-outstanding").textContent = last ? points(last.outstanding) : "–";
  $("liability-gross").textContent = last ? cash(last.grossValue) : "–";
  $("liability-breakage").textContent = percent(liability.breakageRate);
  $("liability-value").textContent = last ? cash(last.liability) : "–";
  $("liability-detail").textContent = `One point is worth ${cash(liability.pointValue)}. Breakage ${
    liability.breakageConfigured ? "as given" : `measured as expired ÷ issued over the last ${liability.breakageMonths} months`
  }; liability = outstanding points × point value × (1 − breakage).`;
  $("liability-chart").replaceChildren(columnChart({
    width: $("liability-chart").clientWidth,
    id: "liability-svg", title: "Liability at the end of each period", format: cash,
    labels: liability.periods.map((p) => p.label),
    series: [{ key: "liability", name: "Liability", values: liability.periods.map((p) => Number(p.liability)) }],
  }));
}

function renderCohorts(cohorts) {
  const months = cohorts.map((c) => c.month);
  const head = h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Joined"), h("th", { scope: "col" }, "Members"),
    ...months.map((m) => h("th", { scope: "col" }, m))));
  const body = h("tbody", {}, ...cohorts.map((cohort) => {
    const byMonth = new Map(cohort.months.map((m) => [m.month, m]));
    return h("tr", {}, h("th", { scope: "row" }, cohort.month), h("td", {}, points(cohort.members)),
      ...months.map((month) => {
        const cell = byMonth.get(month);
        if (!cell) return h("td", { className: "heat-none" }, "");
        const share = cell.share === null ? null : Number(cell.share);
        const level = share === null ? "none" : Math.min(10, Math.floor(share * 10));
        return h("td", { className: `heat-${level}`, title: `${cell.active} of ${cohort.members} active` },
          share === null ? "–" : `${Math.round(share * 100)} %`);
      }));
  }));
  $("cohort-table").replaceChildren(head, body);
}

// --- start -----------------------------------------------------------------------------------

$("login-form").addEventListener("submit", logIn);
$("log-out").addEventListener("click", () => logOut());
$("refused-log-out").addEventListener("click", () => logOut());
$("window-form").addEventListener("submit", report);

state.session = loadSession();
if (state.session) {
  open().catch((error) => {
    if (!(error instanceof ApiError)) $("login-error").textContent = error.message;
  });
} else {
  logOut();
}
