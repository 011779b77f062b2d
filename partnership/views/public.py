"""Pages anyone can read without logging in. They show what the partnership publishes about
itself: its aim and objectives, its chair and vice chair, and who represents each nominating
body. Never an email address: the public register names people, it does not list contacts."""

from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from .. import selectors
from ..models import OfficeRole, Partnership


def home(request):
    return render(request, "partnership/public/home.html", {"partnerships": Partnership.objects.all()})


def partnership_page(request, slug):
    partnership = get_object_or_404(Partnership, slug=slug)
    holders = selectors.current_office_holders(partnership, timezone.localdate())
    return render(
        request,
        "partnership/public/partnership.html",
        {
            "partnership": partnership,
            "chair": holders.get(OfficeRole.CHAIR),
            "vice_chair": holders.get(OfficeRole.VICE_CHAIR),
            "bodies": selectors.public_register_bodies(partnership),
        },
    )


def _not_yet(*args, **kwargs):  # Placeholder: being built (issue 7).
    from django.http import Http404

    raise Http404("Not built yet")


members = accessibility = _not_yet
