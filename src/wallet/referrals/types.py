"""The GraphQL face of a member's referrals."""
from __future__ import annotations

import strawberry

from wallet.graphql.types import Info
from wallet.referrals import service


@strawberry.type(name="Referral", description="The member's referral code and how their invitations went.")
class Referral:
    code: str = strawberry.field(description="The member's referral code (8 characters; case does not matter).")
    link: str = strawberry.field(description="The invitation link: the wallet's sign-up with the code filled in.")
    invited_count: int = strawberry.field(description="Members who signed up with the code.")
    rewarded_count: int = strawberry.field(
        description="Invited members whose first qualifying purchase rewarded the referral (not taken back)."
    )
    points_earned: int = strawberry.field(description="Points the member earned from those referrals.")


async def member_referral(info: Info, member_id: str, code: str | None) -> Referral:
    found = await service.summary(member_id, code)
    public_url = info.context.settings.public_url
    return Referral(
        code=found.code,
        link=f"{public_url}/?ref={found.code}",
        invited_count=found.invited_count,
        rewarded_count=found.rewarded_count,
        points_earned=found.points_earned,
    )
