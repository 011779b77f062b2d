"""Pages anyone can read without logging in. They show what the partnership publishes about
itself: its aim and objectives, how to come to a meeting held in public, its chair and vice
chair, and who represents each nominating body; and the site's accessibility statement. Never
an email address: the public register names people, it does not list contacts."""

import datetime

from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from .. import selectors
from ..access import public_partnership_or_404
from ..models import OfficeRole

# The day the accessibility statement was prepared and last reviewed against the site.
STATEMENT_PREPARED_ON = datetime.date(2026, 11, 25)
STATEMENT_REVIEWED_ON = datetime.date(2026, 11, 25)


@require_safe
def home(request):
    return render(request, "partnership/public/home.html", {"partnerships": selectors.public_partnerships()})


@require_safe
def partnership_page(request, slug):
    partnership = public_partnership_or_404(slug)
    holders = selectors.current_office_holders(partnership, timezone.localdate())
    return render(
        request,
        "partnership/public/partnership.html",
        {
            "partnership": partnership,
            "chair": holders.get(OfficeRole.CHAIR),
            "vice_chair": holders.get(OfficeRole.VICE_CHAIR),
        },
    )


@require_safe
def members(request, slug):
    partnership = public_partnership_or_404(slug)
    return render(
        request,
        "partnership/public/members.html",
        {"partnership": partnership, "bodies": selectors.public_register_bodies(partnership)},
    )


@require_safe
def accessibility(request):
    return render(
        request,
        "public/accessibility.html",
        {
            "partnerships": selectors.public_partnerships(),
            "prepared_on": STATEMENT_PREPARED_ON,
            "reviewed_on": STATEMENT_REVIEWED_ON,
        },
    )
