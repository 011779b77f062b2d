"""The history of every change to a partnership's register (secretariat and site administrators)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from ..access import get_partnership_for_history
from ..selectors.history import history_page


@login_required
def history(request, slug):
    partnership = get_partnership_for_history(request, slug)
    page, entries = history_page(partnership, request.GET.get("page"))
    return render(request, "partnership/history.html", {"partnership": partnership, "page": page, "entries": entries})
