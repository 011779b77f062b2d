"""Session limits: a session unused for SESSION_IDLE_MINUTES, or signed in more than
SESSION_COOKIE_AGE seconds ago, is signed out, and the sign-in page says why.

Reads only the session, which the request has loaded anyway: an ordinary request costs no query
(accounts/sessions.py writes its stamps back at most once a minute)."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import SESSION_KEY, logout
from django.contrib.messages.storage import default_storage
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext, ngettext

from . import sessions
from .receivers import SIGNED_OUT_BECAUSE

# What the audit log's LOGOUT row says of a session the limits ended.
AUDIT_DETAIL = {sessions.IDLE: "Idle for too long", sessions.TOO_OLD: "Signed in for too long"}


def _duration_in_words(seconds: int) -> str:
    if seconds % 3600 == 0:
        hours = seconds // 3600
        return ngettext("%(count)d hour", "%(count)d hours", hours) % {"count": hours}
    minutes = max(1, seconds // 60)
    return ngettext("%(count)d minute", "%(count)d minutes", minutes) % {"count": minutes}


def why_signed_out(reason: str) -> str:
    if reason == sessions.IDLE:
        return gettext(
            "You were signed out because you had not used the service for %(duration)s. Sign in again to carry on."
        ) % {"duration": _duration_in_words(settings.SESSION_IDLE_MINUTES * 60)}
    return gettext(
        "You were signed out because you signed in more than %(duration)s ago. Sign in again to carry on."
    ) % {"duration": _duration_in_words(settings.SESSION_COOKIE_AGE)}


class SessionLimitsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if SESSION_KEY in request.session:
            now = timezone.now()
            reason = sessions.expiry_reason(request.session, now=now)
            if reason is not None:
                return self._sign_out(request, reason)
            sessions.note_activity(request=request, now=now)
        response = self.get_response(request)
        if SESSION_KEY in request.session:
            sessions.follow_cycled_key(request=request)
        return response

    def _sign_out(self, request, reason: str):
        message = why_signed_out(reason)
        setattr(request, SIGNED_OUT_BECAUSE, AUDIT_DETAIL[reason])
        logout(request)
        if request.path.startswith("/api/"):
            # The API answers as it would anyone not signed in (401), not with a page.
            return self.get_response(request)
        login = reverse("login")
        target = login
        if request.method in ("GET", "HEAD") and request.path != login:
            target = f"{login}?{urlencode({'next': request.get_full_path()})}"
        response = redirect(target)
        # The message middleware comes after this one and does not see this answer: store it here.
        storage = default_storage(request)
        storage.add(messages.INFO, message)
        storage.update(response)
        return response
