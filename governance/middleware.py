"""Members acknowledge their partnerships' codes before anything else (seed 001, seed 003)."""

from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode

from .selectors import documents_awaiting

# Pages a member may reach before acknowledging: the page itself, logging out, and files.
EXEMPT_PREFIXES = ("/static/", "/accounts/logout/", "/api/")


class ConductAcknowledgementMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._must_acknowledge(request):
            return redirect(f"{reverse('governance:acknowledge')}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)

    def _must_acknowledge(self, request) -> bool:
        user = request.user
        if not user.is_authenticated or request.method != "GET":
            return False
        path = request.path
        if path.startswith(EXEMPT_PREFIXES) or path == reverse("governance:acknowledge"):
            return False
        if "conduct_acknowledged" in request.session:
            return False
        person = getattr(user, "person", None)
        if documents_awaiting(person, timezone.localdate()).exists():
            return True
        request.session["conduct_acknowledged"] = True
        return False
