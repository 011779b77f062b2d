"""Fetching conduct records for the user asking: 404 outside the partnership, 403 without the right."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from partnership.access import get_partnership_for_user
from partnership.models import Notification, Partnership
from partnership.notifications.selectors import own_notifications

from .models_registers import ConductBreach, RegisteredInterest


def get_partnership_for_acknowledgements(request, slug: str) -> Partnership:
    partnership = get_partnership_for_user(request, slug)
    if not request.user.has_perm("governance.view_acknowledgements", partnership):
        raise PermissionDenied(_("Only the partnership's secretariat can see who has acknowledged its codes."))
    return partnership


def get_partnership_for_registers(request, slug: str) -> Partnership:
    """The registers of interests and of gifts and hospitality: the secretariat and the chair."""
    partnership = get_partnership_for_user(request, slug)
    if not request.user.has_perm("governance.view_registers", partnership):
        raise PermissionDenied(_("Only the partnership's secretariat and chair can see its registers."))
    return partnership


BREACHES_CONFIDENTIAL = gettext_lazy(
    "Breaches of the Code of Conduct are confidential to the partnership's secretariat and chair."
)


def get_partnership_for_breaches(request, slug: str, perm: str = "governance.view_breaches") -> Partnership:
    partnership = get_partnership_for_user(request, slug)
    if not request.user.has_perm(perm, partnership):
        raise PermissionDenied(BREACHES_CONFIDENTIAL)
    return partnership


def get_breach_for(request, slug: str, pk: int, perm: str = "governance.view_breaches") -> ConductBreach:
    """A breach of the partnership's: 404 outside it (or for another partnership's breach), 403
    to a member who is not its secretariat or chair. The vice chair reaches only a breach by the
    chair, on which they decide."""
    partnership = get_partnership_for_user(request, slug)
    sees_all = request.user.has_perm("governance.view_breaches", partnership)
    if not sees_all and not request.user.has_perm("governance.decide_on_breach", partnership):
        raise PermissionDenied(BREACHES_CONFIDENTIAL)
    breach = get_object_or_404(
        ConductBreach.objects.select_related(
            "partnership", "member__person", "member__nominating_body", "reported_by", "withdrawal_required_by"
        ),
        pk=pk,
        partnership=partnership,
    )
    if not sees_all and not request.user.has_perm("governance.decide_on_this_breach", breach):
        raise PermissionDenied(BREACHES_CONFIDENTIAL)
    if perm != "governance.view_breaches" and not request.user.has_perm(perm, partnership):
        raise PermissionDenied(
            _("Only the chair of the partnership decides on a suspected breach of the Code of Conduct.")
        )
    return breach


def get_own_interest(request, pk: int) -> RegisteredInterest:
    """A line of the user's own register of interests: anyone else's is 404."""
    person = getattr(request.user, "person", None)
    if person is None:
        raise Http404("No such interest")
    return get_object_or_404(RegisteredInterest.objects.select_related("person"), pk=pk, person=person)


def get_partnership_for_compliance(request, slug: str) -> Partnership:
    partnership = get_partnership_for_user(request, slug)
    if not request.user.has_perm("governance.view_compliance", partnership):
        raise PermissionDenied(_("Only the partnership's secretariat and chair can see how it keeps its rules."))
    return partnership


def get_partnership_for_notifications(request, slug: str) -> Partnership:
    """Every notification the partnership sent: its secretariat and site administrators."""
    partnership = get_partnership_for_user(request, slug)
    if not request.user.has_perm("governance.view_partnership_notifications", partnership):
        raise PermissionDenied(_("Only the partnership's secretariat can see the notifications it sent."))
    return partnership


def get_own_notification(request, pk: int) -> Notification:
    """One of the user's own notifications: anyone else's is 404, so none is known to exist."""
    return get_object_or_404(own_notifications(request.user), pk=pk)
