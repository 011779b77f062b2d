"""Whoever must use two-factor authentication (two_factor.py) does nothing else until this
session has their code: pages send them to set it up or to enter it, and the API answers 403.

Cheap on purpose: with TWO_FACTOR_REQUIRED off, or nobody signed in, or a session already
verified, it asks the database nothing; otherwise only the role queries roles.py caches for
the request anyway. Token clients of the API are other systems: their user is not known yet
here (DRF authenticates later), so they pass."""

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy

from .two_factor import confirmed_device, two_factor_required_for
from .views_login import with_next

# The two-factor pages themselves, signing in and out, static files and the language switch.
EXEMPT_PREFIXES = ("/accounts/two-factor/", "/accounts/login/", "/accounts/logout/", "/static/", "/i18n/")
API_PREFIX = "/api/"
FIRST = gettext_lazy("Two-factor authentication is required: enter the code from your authenticator app first")


class TwoFactorRequiredMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self._held_back(request) or self.get_response(request)

    def _held_back(self, request):
        if not settings.TWO_FACTOR_REQUIRED or request.path.startswith(EXEMPT_PREFIXES):
            return None
        user = request.user  # a session's user, verified or not by django-otp's middleware
        if not user.is_authenticated or user.is_verified():
            return None
        if not two_factor_required_for(user, timezone.localdate()):
            return None
        page = reverse("two-factor-verify" if confirmed_device(user) else "two-factor-setup")
        if request.path.startswith(API_PREFIX):
            return JsonResponse({"detail": f"{FIRST}: {request.build_absolute_uri(page)}"}, status=403)
        return redirect(with_next(page, request.get_full_path()))
