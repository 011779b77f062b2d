"""Members acknowledge their partnerships' codes before anything else (seed 001, seed 003)."""

from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode

from .selectors import documents_awaiting

# Pages a member may reach before acknowledging: the page itself, logging out, and files.
# The API and calendar feeds serve other systems, not people signing in for the first time.
EXEMPT_PREFIXES = ("/static/", "/accounts/logout/", "/api/")
# Set once a sign-in has nothing left to acknowledge; a new code is asked for at the next sign-in.
ACKNOWLEDGED = "conduct_acknowledged"


class ConductAcknowledgementMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._must_acknowledge(request):
            return redirect(f"{reverse('governance:acknowledge')}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)

    def _must_acknowledge(self, request) -> bool:
        user = request.user
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
