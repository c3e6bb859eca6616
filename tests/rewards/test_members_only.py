"""Members-only rewards: the paid plan's "exclusive rewards" benefit. Unlocked only while the
member's membership gives benefits (trialing, active, past due) on a plan with exclusive
rewards; everyone else sees them locked and is refused with MEMBERS_ONLY, nothing written.
The tier gate still applies on top."""
from __future__ import annotations

import pytest

from tests.memberships.conftest import join, make_plan, start, utc
from tests.rewards.conftest import available, give_tier, make_reward, redeem, snapshot
from tests.rewards.test_catalogue import _queries
from wallet.audit.models import AuditRecord
from wallet.jobs import run_jobs
from wallet.ledger.models import LedgerEntry
from wallet.rewards.models import Reward

CATALOGUE = """query($filter: RewardFilter) { rewards(first: 20, filter: $filter) {
  edges { node { name membersOnly minTierRank affordable unlocked } } } }"""

CREATE = """mutation($input: CreateRewardInput!) { createReward(input: $input) {
  __typename ... on CreateRewardSuccess { reward { id membersOnly } } ... on Error { code message } } }"""

UPDATE = """mutation($input: UpdateRewardInput!) { updateReward(input: $input) {
  __typename ... on UpdateRewardSuccess { reward { id membersOnly } }
  ... on InvalidInputError { field } ... on Error { code message } } }"""


@pytest.fixture
def gateways(app):
    return app.state.gateways


async def club_plan(**overrides):
    """Club: a plan with exclusive rewards (and, unlike Plus, nothing else matters here)."""
    return await make_plan(**{"name": "Club", "exclusive_rewards": True, **overrides})


async def catalogue(api, member, filter=None) -> dict[str, dict]:
    data = await api.ok(CATALOGUE, {"filter": filter}, member.token)
    return {e["node"]["name"]: e["node"] for e in data["rewards"]["edges"]}


async def redeemed_amounts(member) -> list[int]:
    return await LedgerEntry.filter(account__member_id=member.id, kind="redeem").order_by("id").values_list(
        "amount", flat=True
    )


# --- admin ----------------------------------------------------------------------------------


async def test_an_admin_marks_a_reward_members_only_and_it_is_audited(api, frozen_clock):
    admin = await api.staff("admin")
    # a reward is open to everyone unless marked
    plain = (await api.ok(CREATE, {"input": {"name": "Tote", "kind": "PRODUCT", "costPoints": 100}}, admin.token))
    assert plain["createReward"]["reward"]["membersOnly"] is False
    created = (
        await api.ok(
            CREATE,
            {"input": {"name": "Lounge", "kind": "PRODUCT", "costPoints": 100, "membersOnly": True}},
            admin.token,
        )
    )["createReward"]
    assert created["reward"]["membersOnly"] is True
    reward_id = created["reward"]["id"]
    assert (await Reward.get(id=reward_id)).members_only is True
    audit = await AuditRecord.get(action="reward.create", target_id=reward_id)
    assert audit.after["members_only"] is True
    # when the admin opens it to everyone, the change is audited before and after
    updated = (await api.ok(UPDATE, {"input": {"id": reward_id, "membersOnly": False}}, admin.token))["updateReward"]
    assert updated["reward"] == {"id": reward_id, "membersOnly": False}
    audit = await AuditRecord.get(action="reward.update", target_id=reward_id)
    assert (audit.before["members_only"], audit.after["members_only"]) == (True, False)
    # and null is not a value for a flag
    refused = (await api.ok(UPDATE, {"input": {"id": reward_id, "membersOnly": None}}, admin.token))["updateReward"]
    assert (refused["__typename"], refused["code"], refused["field"]) == (
        "InvalidInputError", "INVALID_INPUT", "membersOnly"
    )
    assert (await Reward.get(id=reward_id)).members_only is False


# --- who is refused ----------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["no membership", "a plan without exclusive rewards", "a pending club membership"])
async def test_without_the_benefit_it_is_locked_and_redeeming_writes_nothing(api, shopper, who):
    # given a members-only reward of 100 points, 5 in stock, and a member with 1,000 points
    member = await shopper(1000)
    if who == "a plan without exclusive rewards":
        await join(api, member, (await make_plan(name="Plus", exclusive_rewards=False)).id)
    elif who == "a pending club membership":
        await start(api, member, (await club_plan()).id)
    reward = await make_reward(name="Lounge", cost_points=100, stock=5, members_only=True)
    # then the catalogue shows it, members-only and locked (but affordable)
    assert (await catalogue(api, member))["Lounge"] == {
        "name": "Lounge", "membersOnly": True, "minTierRank": None, "affordable": True, "unlocked": False,
    }
    # when they redeem it, it is refused and nothing is written
    before = await snapshot()
    result = await redeem(api, member, reward.id)
    assert result == {
        "__typename": "MembersOnlyError",
        "code": "MEMBERS_ONLY",
        "message": "This reward is for members of a plan with exclusive rewards.",
    }
    assert await snapshot() == before
    assert (await Reward.get(id=reward.id)).stock == 5
    assert await redeemed_amounts(member) == []


# --- who may redeem ------------------------------------------------------------------------------


@pytest.mark.parametrize("status", ["TRIALING", "ACTIVE", "PAST_DUE"])
async def test_a_club_member_redeems_while_the_benefits_apply(api, shopper, gateways, frozen_clock, status):
    # given a member of the Club plan (with a trial for TRIALING; a failed renewal for PAST_DUE)
    member = await shopper(1000)
    await join(api, member, (await club_plan(trial_days=14 if status == "TRIALING" else 0)).id)
    if status == "PAST_DUE":
        frozen_clock.set(utc(2026, 4, 15, 12))
        gateways.get("manual").will_decline("card_declined")
        assert (await run_jobs(gateways=gateways, grace_days=7))["memberships_past_due"] == 1
    me = await api.ok("{ me { membership { status } } }", token=member.token)
    assert me["me"]["membership"]["status"] == status
    reward = await make_reward(name="Lounge", cost_points=100, stock=5, members_only=True)
    points = await available(member)
    # then it is unlocked, and redeeming it spends 100 points and one unit of stock
    assert (await catalogue(api, member))["Lounge"]["unlocked"] is True
    result = await redeem(api, member, reward.id)
    assert result["__typename"] == "RedeemRewardSuccess", result
    assert (result["pointsSpent"], result["voucher"]["status"]) == (100, "ISSUED")
    assert result["member"]["points"]["available"] == points - 100
    assert await redeemed_amounts(member) == [-100]
    assert (await Reward.get(id=reward.id)).stock == 4


async def test_when_the_membership_lapses_the_reward_is_locked_again(api, shopper, gateways, frozen_clock):
    # given a Club member who redeemed the members-only reward once
    member = await shopper(1000)
    await join(api, member, (await club_plan()).id)
    reward = await make_reward(name="Lounge", cost_points=100, stock=5, members_only=True)
    assert (await redeem(api, member, reward.id))["__typename"] == "RedeemRewardSuccess"
    # when the renewal fails and the seven days of grace end unpaid
    frozen_clock.set(utc(2026, 4, 15, 12))
    gateways.get("manual").will_decline("card_declined")
    await run_jobs(gateways=gateways, grace_days=7)
    frozen_clock.set(utc(2026, 4, 22, 12))
    assert (await run_jobs(gateways=gateways, grace_days=7))["memberships_lapsed"] == 1
    # then the reward is locked and a second redemption is refused, writing nothing
    assert (await catalogue(api, member))["Lounge"]["unlocked"] is False
    before = await snapshot()
    assert (await redeem(api, member, reward.id))["code"] == "MEMBERS_ONLY"
    assert await snapshot() == before
    assert await redeemed_amounts(member) == [-100]
    assert (await Reward.get(id=reward.id)).stock == 4


async def test_the_tier_lock_applies_on_top(api, shopper, frozen_clock):
    # given a members-only reward that also needs tier rank 2
    reward = await make_reward(name="Gold lounge", cost_points=100, members_only=True, min_tier_rank=2)
    club_member, ranked_outsider = await shopper(1000), await shopper(1000)
    await join(api, club_member, (await club_plan()).id)
    await give_tier(ranked_outsider.id, 2)
    # a Club member without the tier is tier locked
    assert (await catalogue(api, club_member))["Gold lounge"]["unlocked"] is False
    result = await redeem(api, club_member, reward.id)
    assert (result["__typename"], result["requiredRank"], result["memberRank"]) == ("TierLockedError", 2, None)
    # a member of the tier without the plan is refused as members-only
    assert (await catalogue(api, ranked_outsider))["Gold lounge"]["unlocked"] is False
    assert (await redeem(api, ranked_outsider, reward.id))["code"] == "MEMBERS_ONLY"
    assert await redeemed_amounts(club_member) == [] and await redeemed_amounts(ranked_outsider) == []
    # once the Club member reaches the tier, both gates pass
    await give_tier(club_member.id, 2)
    assert (await catalogue(api, club_member))["Gold lounge"]["unlocked"] is True
    assert (await redeem(api, club_member, reward.id))["__typename"] == "RedeemRewardSuccess"
    assert await redeemed_amounts(club_member) == [-100]


async def test_the_unlocked_filter_counts_the_membership(api, shopper, frozen_clock):
    # given an open reward, a members-only one and a members-only one for tier 1
    await make_reward(name="open", cost_points=100)
    await make_reward(name="club", cost_points=200, members_only=True)
    await make_reward(name="club tier 1", cost_points=300, members_only=True, min_tier_rank=1)
    outsider, club_member = await shopper(1000), await shopper(1000)
    await join(api, club_member, (await club_plan()).id)

    async def unlocked(member, value):
        return sorted(await catalogue(api, member, {"unlocked": value}))

    assert await unlocked(outsider, True) == ["open"]
    assert await unlocked(outsider, False) == ["club", "club tier 1"]
    assert await unlocked(club_member, True) == ["club", "open"]
    assert await unlocked(club_member, False) == ["club tier 1"]


async def test_a_members_only_catalogue_costs_the_same_queries_whatever_its_size(api, shopper, frozen_clock):
    club_member = await shopper(1000)
    await join(api, club_member, (await club_plan()).id)
    for n in range(3):
        await make_reward(name=f"small {n}", cost_points=100 + n, members_only=True)
    small = await _queries(api, CATALOGUE, {}, club_member.token)
    for n in range(20):
        await make_reward(name=f"more {n}", cost_points=10 + n, members_only=n % 2 == 0, min_tier_rank=n % 3)
    large = await _queries(api, CATALOGUE, {}, club_member.token)
    # the viewer, the page, the points account, the tier rank and the membership benefit
    assert small == large == 5
    page = await catalogue(api, club_member)
    assert [(page[n]["membersOnly"], page[n]["unlocked"]) for n in ("more 0", "more 1")] == [(True, True), (False, False)]
