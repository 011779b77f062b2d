"""The notice a member withdrawn from partnership business sees on the partnership's meeting
pages: since when, and why (the Code of Conduct's Compliance section, seed 001)."""

from django import template

from ..models import Partnership
from ..roles import secretariat_partnership_ids, withdrawal_from_business

register = template.Library()


@register.inclusion_tag("partnership/_withdrawal_notice.html", takes_context=True)
def withdrawal_notice(context, partnership: Partnership | None):
    """Read from the roles the permission rules already looked up for this request, so the
    notice costs no query of its own."""
    request = context.get("request")
    if request is None or partnership is None or not request.user.is_authenticated:
        return {"withdrawal": None}
    user = request.user
    # The rules ask staff and secretariat nothing of their seats (they are let through first),
    # and the notice is for members: asking would cost those pages a query.
    if user.is_superuser or partnership.pk in secretariat_partnership_ids(user):
        return {"withdrawal": None}
    withdrawal = withdrawal_from_business(user, partnership.pk)
    return {"withdrawal": None if withdrawal is None else {"since": withdrawal[0], "reason": withdrawal[1]}}
