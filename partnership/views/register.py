"""The partnerships a login belongs to, and a partnership's register (read by its members)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import selectors
from ..access import get_partnership_for_user
from ..models import OfficeRole, Partnership
from ..roles import member_partnership_ids, secretariat_partnership_ids, visible_partnership_filter


def _role(partnership, secretariat_ids, member_ids) -> str:
    in_secretariat, is_member = partnership.pk in secretariat_ids, partnership.pk in member_ids
    if in_secretariat and is_member:
        return _("Secretariat and Member")
    if in_secretariat:
        return _("Secretariat")
    if is_member:
        return _("Member")
    return _("Site administrator")


@login_required
def my_partnerships(request):
    secretariat_ids = secretariat_partnership_ids(request.user)
    member_ids = member_partnership_ids(request.user)
    partnerships = Partnership.objects.filter(visible_partnership_filter(request.user))
    rows = [(partnership, _role(partnership, secretariat_ids, member_ids)) for partnership in partnerships]
    return render(request, "partnership/mine.html", {"rows": rows})


@login_required
def register(request, slug):
    partnership = get_partnership_for_user(request, slug)
    today = timezone.localdate()
    holders = selectors.current_office_holders(partnership, today)
    context = {
        "partnership": partnership,
        "today": today,
        "office_holders": [(role.label, holders.get(role.value)) for role in OfficeRole],
        "terms": partnership.terms_of_reference.all(),
        "bodies": selectors.register_bodies(partnership),
        "inactive_members": selectors.inactive_members(partnership),
        "offices": selectors.offices_of(partnership),
    }
    return render(request, "partnership/register.html", context)
