"""Fetching conduct records for the user asking: 404 outside the partnership, 403 without the right."""

from django.core.exceptions import PermissionDenied

from partnership.access import get_partnership_for_user
from partnership.models import Partnership


def get_partnership_for_acknowledgements(request, slug: str) -> Partnership:
    partnership = get_partnership_for_user(request, slug)
    if not request.user.has_perm("governance.view_acknowledgements", partnership):
        raise PermissionDenied("Only the partnership's secretariat can see who has acknowledged its codes.")
    return partnership
