"""Where each person is signed in: one row per session, so they can see and end their sessions.

The session store holds the session itself; this table only says whose it is and where it came
from, since the store cannot be searched by user. A row is written at sign-in and removed at
sign-out; `last_seen_at` is refreshed at most every few minutes (accounts/sessions.py)."""

import re

from django.conf import settings
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

# Order matters: Edge and Opera say "Chrome" too, and Chrome says "Safari".
BROWSERS = [
    (re.compile(r"Edg(e|A|iOS)?/"), "Microsoft Edge"),
    (re.compile(r"OPR/|Opera"), "Opera"),
    (re.compile(r"Firefox/|FxiOS/"), "Firefox"),
    (re.compile(r"Chrom(e|ium)/|CriOS/"), "Chrome"),
    (re.compile(r"Safari/"), "Safari"),
]
SYSTEMS = [
    (re.compile(r"iPhone|iPad|iPod"), "iOS"),
    (re.compile(r"Android"), "Android"),
    (re.compile(r"Windows"), "Windows"),
    (re.compile(r"Mac OS X|Macintosh"), "macOS"),
    (re.compile(r"CrOS"), "ChromeOS"),
    (re.compile(r"Linux"), "Linux"),
]


def _first_match(patterns, text: str) -> str:
    return next((name for pattern, name in patterns if pattern.search(text)), "")


def browser_in_words(user_agent: str) -> str:
    """The browser and system in a person's words ("Firefox on Windows"), from a user agent; only
    names from the lists above, never the agent's own words, which whoever sent it chose."""
    browser, system = _first_match(BROWSERS, user_agent), _first_match(SYSTEMS, user_agent)
    if browser and system:
        return gettext("%(browser)s on %(system)s") % {"browser": browser, "system": system}
    return browser or system or gettext("Unknown browser")


class UserSession(models.Model):
    bookkeeping = True  # partnership/records_version.py: a sign-in changes no page
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="signed_in_sessions")
    session_key = models.CharField(max_length=40, unique=True)
    created_at = models.DateTimeField(_("signed in"))
    last_seen_at = models.DateTimeField(_("last active"))
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    user_agent = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-last_seen_at", "-pk"]
        indexes = [models.Index(fields=["user", "-last_seen_at"])]

    def __str__(self):
        return f"{self.user} {self.created_at:%Y-%m-%d %H:%M}"

    @property
    def browser(self) -> str:
        return browser_in_words(self.user_agent)
