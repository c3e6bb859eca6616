"""Insight for admins: the program's figures, cohorts, and what the points owe. Read-only and
thin: the SQL and the definitions are in `wallet.analytics.service`."""
from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Annotated

import strawberry

from wallet.actors import Role
from wallet.analytics import service
from wallet.graphql.types import Info

From = Annotated[datetime, strawberry.argument(name="from", description="Start, inclusive, with its offset.")]
To = Annotated[datetime, strawberry.argument(description="End, exclusive, with its offset.")]


@strawberry.type(description="Members of the program in the window.")
class MemberFigures:
    total: int = strawberry.field(description="Members who had joined before the window's end.")
    new: int = strawberry.field(description="Members who joined in the window.")
    active: int = strawberry.field(
        description="Active members: those who recorded a purchase or redeemed a reward (a donation "
        "included) in the window."
    )


@strawberry.type(
    description="Sales in the window: members' purchases, and the sales the tills recorded without a "
    "member (recordNonMemberSale)."
)
class SalesFigures:
    member_purchases: int = strawberry.field(description="Purchases recorded for members in the window.")
    member_revenue: Decimal = strawberry.field(
        description="Their amounts added up (gross, before refunds), in the program's currency."
    )
    member_refunds: Decimal = strawberry.field(description="Refunds recorded in the window (amounts given back).")
    member_net_revenue: Decimal = strawberry.field(description="memberRevenue less memberRefunds.")
    member_average_ticket: Decimal | None = strawberry.field(
        description="memberRevenue ÷ memberPurchases, rounded half up to the cent; null without purchases."
    )
    non_member_purchases: int = strawberry.field(
        description="Sales recorded without a member in the window (recordNonMemberSale); only those "
        "the tills recorded."
    )
    non_member_revenue: Decimal = strawberry.field(description="Their amounts added up, in the program's currency.")
    non_member_average_ticket: Decimal | None = strawberry.field(
        description="nonMemberRevenue ÷ nonMemberPurchases, rounded half up to the cent; null without such sales."
    )
    member_revenue_share: Decimal | None = strawberry.field(
        description="memberRevenue ÷ (memberRevenue + nonMemberRevenue), four decimals, rounded half up; "
        "null when both are 0."
    )
    buying_members: int = strawberry.field(description="Members with at least one purchase in the window.")
    repeat_buyers: int = strawberry.field(description="Members with at least two purchases in the window.")
    repeat_purchase_rate: Decimal | None = strawberry.field(
        description="Repeat purchase rate: repeatBuyers ÷ buyingMembers (0 to 1, four decimals, rounded "
        "half up); null when nobody bought."
    )

    @classmethod
    def from_service(cls, sales: service.Sales) -> "SalesFigures":
        return cls(
            member_purchases=sales.member_purchases,
            member_revenue=sales.member_revenue,
            member_refunds=sales.member_refunds,
            member_net_revenue=sales.member_net_revenue,
            member_average_ticket=sales.member_average_ticket,
            non_member_purchases=sales.non_member_purchases,
            non_member_revenue=sales.non_member_revenue,
            non_member_average_ticket=sales.non_member_average_ticket,
            member_revenue_share=sales.member_revenue_share,
            buying_members=sales.buying_members,
            repeat_buyers=sales.repeat_buyers,
            repeat_purchase_rate=sales.repeat_purchase_rate,
        )


@strawberry.type(description="Points that moved in the window, from the ledger's entries.")
class PointsFigures:
    issued: int = strawberry.field(
        description="Points issued: earn and bonus entries (pending or available) and positive adjustments."
    )
    redeemed: int = strawberry.field(
        description="Points redeemed: redeem and donate entries, less cancelled redemptions (reverse entries)."
    )
    expired: int = strawberry.field(description="Points that lapsed (expire entries).")
    refunded: int = strawberry.field(
        description="Points refunds took back, the part carried as owed included."
    )
    adjusted_down: int = strawberry.field(description="Points removed by negative adjustments.")
    redemption_rate: Decimal | None = strawberry.field(
        description="Redemption rate: redeemed ÷ issued in the window (four decimals, rounded half up; "
        "may exceed 1 when older points are spent); null when nothing was issued."
    )


@strawberry.type(description="How many members hold a tier now.")
class TierCountFigure:
    tier_id: strawberry.ID | None = strawberry.field(description="The tier; null when no tier exists.")
    name: str | None = strawberry.field(description="Its name.")
    rank: int | None = strawberry.field(description="Its rank.")
    members: int = strawberry.field(
        description="Members holding it now, as stored (members without a stored tier hold the entry tier)."
    )


@strawberry.type(description="Members who moved between two tiers in the window.")
class TierMoveFigure:
    from_tier_id: strawberry.ID | None = strawberry.field(description="The tier they left; null for none.")
    from_name: str | None = strawberry.field(description="Its name.")
    to_tier_id: strawberry.ID | None = strawberry.field(description="The tier they reached.")
    to_name: str | None = strawberry.field(description="Its name.")
    members: int = strawberry.field(description="Recorded moves between the two in the window.")
    upward: bool = strawberry.field(description="True when the new tier ranks higher.")


@strawberry.type(description="Paid memberships in the window, from their recorded events.")
class MembershipFigures:
    at_start: int = strawberry.field(
        description="Memberships giving benefits (trialing, active or past due) at the window's start."
    )
    signups: int = strawberry.field(
        description="Membership signups: memberships whose checkout completed in the window (pending to "
        "trialing or active)."
    )
    churned: int = strawberry.field(
        description="Churn: memberships that ended in the window after their benefits had started "
        "(lapsed, or cancelled while trialing, active or past due)."
    )
    churn_rate: Decimal | None = strawberry.field(
        description="churned ÷ (atStart + signups), four decimals, rounded half up; null when both are 0."
    )
    live_at_end: int = strawberry.field(description="Memberships giving benefits at the window's end.")
    payments: int = strawberry.field(
        description="Membership charges that went through in the window: checkouts paid and renewals paid "
        "(failed charges and payments refunded after the membership ended are not counted)."
    )
    revenue: Decimal = strawberry.field(
        description="Membership revenue: those charges' amounts in the program's currency (revenueCurrency). "
        "Counts charges recorded since amounts were kept (this version on)."
    )
    revenue_currency: str = strawberry.field(description="The currency of revenue: the program's.")
    other_revenue: list["MoneyFigure"] = strawberry.field(
        description="Charges of plans priced in another currency, by currency (usually empty)."
    )


@strawberry.type(description="An amount of money in a currency.")
class MoneyFigure:
    amount: Decimal = strawberry.field(description="The amount.")
    currency: str = strawberry.field(description="Its currency.")


@strawberry.type(description="A reward and how often it was redeemed in the window.")
class RewardFigure:
    reward_id: strawberry.ID = strawberry.field(description="The reward.")
    name: str = strawberry.field(description="Its name.")
    kind: str = strawberry.field(description="Its kind, e.g. product, donation.")
    redemptions: int = strawberry.field(description="Redemptions not cancelled.")
    quantity: int = strawberry.field(description="Units redeemed in them.")
    points: int = strawberry.field(description="Points spent on them.")


@strawberry.type(description="The program's figures over a window [from, to).")
class ProgramStats:
    from_: datetime = strawberry.field(name="from", description="The window's start (inclusive, UTC).")
    to: datetime = strawberry.field(description="The window's end (exclusive, UTC).")
    timezone: str = strawberry.field(
        description="The program's time zone (IANA): days and months of the reports are its days and months."
    )
    store_id: strawberry.ID | None = strawberry.field(
        description="The store the sales figures are narrowed to; the other figures are program-wide."
    )
    members: MemberFigures = strawberry.field(description="Members: total, new, active.")
    sales: SalesFigures = strawberry.field(description="Purchases and revenue (narrowed by storeId).")
    points: PointsFigures = strawberry.field(description="Points issued, redeemed, expired.")
    tier_distribution: list[TierCountFigure] = strawberry.field(
        description="Members by the tier they hold now, lowest rank first."
    )
    tier_moves: list[TierMoveFigure] = strawberry.field(
        description="Tier changes in the window, upward moves first."
    )
    memberships: MembershipFigures = strawberry.field(description="Paid memberships: signups and churn.")
    top_rewards: list[RewardFigure] = strawberry.field(
        description="The most redeemed rewards in the window (by units, then points, then name)."
    )

    @classmethod
    def from_service(cls, stats: service.ProgramStats) -> "ProgramStats":
        return cls(
            from_=stats.since,
            to=stats.until,
            timezone=stats.timezone,
            store_id=strawberry.ID(stats.store_id) if stats.store_id else None,
            members=MemberFigures(
                total=stats.members.total, new=stats.members.new, active=stats.members.active
            ),
            sales=SalesFigures.from_service(stats.sales),
            points=PointsFigures(
                issued=stats.points.issued,
                redeemed=stats.points.redeemed,
                expired=stats.points.expired,
                refunded=stats.points.refunded,
                adjusted_down=stats.points.adjusted_down,
                redemption_rate=stats.points.redemption_rate,
            ),
            tier_distribution=[
                TierCountFigure(
                    tier_id=strawberry.ID(t.tier_id) if t.tier_id else None, name=t.name, rank=t.rank, members=t.members
                )
                for t in stats.tier_distribution
            ],
            tier_moves=[
                TierMoveFigure(
                    from_tier_id=strawberry.ID(m.from_tier_id) if m.from_tier_id else None,
                    from_name=m.from_name,
                    to_tier_id=strawberry.ID(m.to_tier_id) if m.to_tier_id else None,
                    to_name=m.to_name,
                    members=m.members,
                    upward=m.upward,
                )
                for m in stats.tier_moves
            ],
            memberships=MembershipFigures(
                at_start=stats.memberships.at_start,
                signups=stats.memberships.signups,
                churned=stats.memberships.churned,
                churn_rate=stats.memberships.churn_rate,
                live_at_end=stats.memberships.live_at_end,
                payments=stats.memberships.payments,
                revenue=stats.memberships.revenue,
                revenue_currency=stats.memberships.revenue_currency,
                other_revenue=[MoneyFigure(amount=m.amount, currency=m.currency) for m in stats.memberships.other_revenue],
            ),
            top_rewards=[
                RewardFigure(
                    reward_id=strawberry.ID(r.reward_id), name=r.name, kind=r.kind,
                    redemptions=r.redemptions, quantity=r.quantity, points=r.points,
                )
                for r in stats.top_rewards
            ],
        )


@strawberry.type(description="One month in a cohort's life.")
class CohortMonthFigure:
    month: str = strawberry.field(description="The calendar month (the program's time zone), YYYY-MM.")
    active: int = strawberry.field(
        description="Members of the cohort active that month (a purchase or a redemption)."
    )
    share: Decimal | None = strawberry.field(
        description="active ÷ the cohort's members (four decimals, rounded half up); null for an empty cohort."
    )


@strawberry.type(description="Members who joined in one month, and how many stayed active.")
class CohortFigure:
    month: str = strawberry.field(description="The calendar month they joined (the program's time zone), YYYY-MM.")
    members: int = strawberry.field(description="Members who joined that month.")
    months: list[CohortMonthFigure] = strawberry.field(
        description="The joining month and each later month of the window, in order."
    )


ReportInterval = strawberry.enum(
    service.Interval, name="ReportInterval",
    description="A report's period: days or calendar months, in the program's time zone.",
)


@strawberry.type(description="What the outstanding points are worth at the end of one day or month.")
class LiabilityPeriodFigure:
    label: str = strawberry.field(description="The day (YYYY-MM-DD) or month (YYYY-MM), in the program's time zone.")
    start: datetime = strawberry.field(description="The period's start, clipped to the window (UTC).")
    end: datetime = strawberry.field(description="The period's end, clipped to the window: balances are taken here.")
    available: int = strawberry.field(description="Available points of all members at the end.")
    pending: int = strawberry.field(description="Pending points (inside a return window) at the end.")
    outstanding: int = strawberry.field(description="Outstanding points: available + pending.")
    gross_value: Decimal = strawberry.field(
        description="outstanding × the point value, rounded half up to the cent."
    )
    breakage_value: Decimal = strawberry.field(description="grossValue − liability: what breakage is expected to take.")
    liability: Decimal = strawberry.field(
        description="outstanding × point value × (1 − breakageRate), rounded half up to the cent."
    )


@strawberry.type(description="The points liability: what the program owes its members, per period.")
class PointsLiability:
    point_value: Decimal = strawberry.field(description="The value of one point (the program's current setting).")
    currency: str = strawberry.field(description="The currency of the values.")
    breakage_rate: Decimal = strawberry.field(
        description="Breakage: the share of issued points expected never to be redeemed (0 to 1, four "
        "decimals): the rate given, or expired ÷ issued over the breakageMonths months before `to` "
        "(0 when nothing was issued then)."
    )
    breakage_configured: bool = strawberry.field(description="True when the rate was given rather than measured.")
    breakage_months: int | None = strawberry.field(description="The months of history measured; null when given.")
    history_issued: int | None = strawberry.field(
        description="Points issued (earn, bonus, positive adjustments) in those months; null when given."
    )
    history_expired: int | None = strawberry.field(description="Points expired in those months; null when given.")
    periods: list[LiabilityPeriodFigure] = strawberry.field(description="Each day or month of the window, in order.")


@strawberry.type(description="Points that moved in one day or month.")
class PointsPeriodFigure:
    label: str = strawberry.field(description="The day (YYYY-MM-DD) or month (YYYY-MM), in the program's time zone.")
    start: datetime = strawberry.field(description="The period's start, clipped to the window (UTC).")
    end: datetime = strawberry.field(description="The period's end, clipped to the window (UTC).")
    issued: int = strawberry.field(description="Points issued in it (as PointsFigures.issued).")
    redeemed: int = strawberry.field(description="Points redeemed in it (as PointsFigures.redeemed).")
    expired: int = strawberry.field(description="Points expired in it.")


@strawberry.type(description="Points issued, redeemed and expired over time.")
class PointsTimeline:
    timezone: str = strawberry.field(description="The time zone of the days and months (the program's).")
    interval: ReportInterval = strawberry.field(description="Days or months.")
    periods: list[PointsPeriodFigure] = strawberry.field(description="Each day or month of the window, in order.")


@strawberry.type(description="Donations to one charity in the window.")
class CharityDonationsFigure:
    charity_name: str = strawberry.field(description="The charity.")
    donations: int = strawberry.field(description="Donations made.")
    points: int = strawberry.field(description="Points given.")
    amount: Decimal = strawberry.field(description="Their value (points × point value at the time), to pay the charity.")
    currency: str = strawberry.field(description="The currency of the amount.")


@strawberry.type(description="What one partner and the program owe each other over the window.")
class PartnerSettlementFigure:
    partner_id: strawberry.ID = strawberry.field(description="The partner.")
    partner_name: str = strawberry.field(description="Its name.")
    points_issued: int = strawberry.field(description="Base points issued at its stores, less refunds.")
    issued_value: Decimal = strawberry.field(description="Their value at each movement's point value: the partner owes it.")
    points_redeemed: int = strawberry.field(description="Points spent on its rewards, less cancellations.")
    redeemed_value: Decimal = strawberry.field(description="Their value at each movement's point value: the program owes it.")
    net: Decimal = strawberry.field(description="issuedValue − redeemedValue: positive, the partner pays; negative, the program pays.")


@strawberry.type
class AnalyticsQueries:
    @strawberry.field(
        description="The program's figures over [from, to): members, sales, points, tiers, memberships "
        "and top rewards (admin only)."
    )
    async def program_stats(
        self,
        info: Info,
        from_: From,
        to: To,
        store_id: Annotated[
            strawberry.ID | None, strawberry.argument(description="Narrow the sales figures to one store.")
        ] = None,
        top_rewards: Annotated[int, strawberry.argument(description="How many top rewards, 0 to 50.")] = 5,
    ) -> ProgramStats:
        await info.context.staff(Role.ADMIN)
        stats = await service.program_stats(
            from_, to, str(store_id) if store_id is not None else None, top_rewards
        )
        return ProgramStats.from_service(stats)

    @strawberry.field(
        description="Cohort retention: for members who joined in each month of [from, to) (the program's "
        "time zone), the share active in that month and each later month of the window (admin only; at most "
        "120 months)."
    )
    async def cohort_retention(
        self,
        info: Info,
        from_: From,
        to: To,
    ) -> list[CohortFigure]:
        await info.context.staff(Role.ADMIN)
        return [
            CohortFigure(
                month=c.month,
                members=c.members,
                months=[CohortMonthFigure(month=m.month, active=m.active, share=m.share) for m in c.months],
            )
            for c in await service.cohort_retention(from_, to)
        ]

    @strawberry.field(
        description="The points liability at the end of each day or month of [from, to) (the program's time "
        "zone), after breakage (admin only; at most 400 days or 120 months)."
    )
    async def points_liability(
        self,
        info: Info,
        from_: From,
        to: To,
        interval: Annotated[ReportInterval, strawberry.argument(description="Days or months.")] = service.Interval.MONTH,
        breakage_rate: Annotated[
            Decimal | None,
            strawberry.argument(description="A breakage rate from 0 to 1; without it, the program's own history."),
        ] = None,
        breakage_months: Annotated[
            int, strawberry.argument(description="Months of history the breakage rate is measured over, 1 to 120.")
        ] = 12,
    ) -> PointsLiability:
        await info.context.staff(Role.ADMIN)
        report = await service.liability_report(from_, to, interval, breakage_rate, breakage_months)
        return PointsLiability(
            point_value=report.point_value,
            currency=report.currency,
            breakage_rate=report.breakage_rate,
            breakage_configured=report.breakage_configured,
            breakage_months=report.breakage_months,
            history_issued=report.history_issued,
            history_expired=report.history_expired,
            periods=[
                LiabilityPeriodFigure(
                    label=p.label, start=p.start, end=p.end, available=p.available, pending=p.pending,
                    outstanding=p.outstanding, gross_value=p.gross_value, breakage_value=p.breakage_value,
                    liability=p.liability,
                )
                for p in report.periods
            ],
        )

    @strawberry.field(
        description="Points issued, redeemed and expired in each day or month of [from, to) (the program's "
        "time zone), for charts (admin only; at most 400 days or 120 months)."
    )
    async def points_timeline(
        self,
        info: Info,
        from_: From,
        to: To,
        interval: Annotated[ReportInterval, strawberry.argument(description="Days or months.")] = service.Interval.MONTH,
    ) -> PointsTimeline:
        await info.context.staff(Role.ADMIN)
        timeline = await service.points_timeline(from_, to, interval)
        return PointsTimeline(
            timezone=timeline.timezone,
            interval=timeline.interval,
            periods=[
                PointsPeriodFigure(
                    label=p.label, start=p.start, end=p.end, issued=p.issued, redeemed=p.redeemed, expired=p.expired
                )
                for p in timeline.periods
            ],
        )

    @strawberry.field(
        description="Donations made in [from, to) by charity, the largest amount first (admin only). "
        "Partner settlements are in `partnerSettlements`."
    )
    async def donations_report(self, info: Info, from_: From, to: To) -> list[CharityDonationsFigure]:
        await info.context.staff(Role.ADMIN)
        return [
            CharityDonationsFigure(
                charity_name=d.charity_name, donations=d.donations, points=d.points, amount=d.amount,
                currency=d.currency,
            )
            for d in await service.donations_report(from_, to)
        ]

    @strawberry.field(
        description="Each partner's settlement totals over [from, to), by name (admin only): the sums of "
        "`partnerStatement`; partners without movements are left out."
    )
    async def partner_settlements(self, info: Info, from_: From, to: To) -> list[PartnerSettlementFigure]:
        await info.context.staff(Role.ADMIN)
        return [
            PartnerSettlementFigure(
                partner_id=strawberry.ID(p.partner_id), partner_name=p.partner_name, points_issued=p.points_issued,
                issued_value=p.issued_value, points_redeemed=p.points_redeemed, redeemed_value=p.redeemed_value,
                net=p.net,
            )
            for p in await service.partner_settlements(from_, to)
        ]
