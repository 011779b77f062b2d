"""Members acknowledge their partnerships' codes before anything else (seed 001, seed 003)."""

from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy

from .selectors import documents_awaiting

# What a member may reach before acknowledging: the page itself, signing out, the two-factor
# pages (whose code comes first), static files, and calendar feeds (read by calendar servers,
# which never sign in). The API answers token clients, which are other systems; a signed-in
# browser using it is held back like a page.
EXEMPT_PREFIXES = ("/static/", "/accounts/logout/", "/accounts/two-factor/")
# Set once a sign-in has nothing left to acknowledge; a new code is asked for at the next sign-in.
ACKNOWLEDGED = "conduct_acknowledged"
FIRST = gettext_lazy("Acknowledge the partnership's code of conduct first")


class ConductAcknowledgementMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._must_acknowledge(request):
            page = reverse("governance:acknowledge")
            if request.path.startswith("/api/"):
                return JsonResponse(
                    {"detail": f"{FIRST}: {request.build_absolute_uri(page)}"},
                    status=403,
                )
            return redirect(f"{page}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)

    def _must_acknowledge(self, request) -> bool:
        user = request.user  # a session's user: token clients are authenticated later, by the API
        if not user.is_authenticated:
            return False
        path = request.path
        if path.startswith(EXEMPT_PREFIXES) or path.endswith(".ics") or path == reverse("governance:acknowledge"):
            return False
        if ACKNOWLEDGED in request.session:
            return False
        person = getattr(user, "person", None)
        if documents_awaiting(person, timezone.localdate()).exists():
            return True
        request.session[ACKNOWLEDGED] = True
        return False
