"""The public meeting page, kept ready-made in the cache (issue 8: it is what the public reads
most, and read far more often than it changes).

A page is stored by meeting and language with the version of the meeting it was written from.
Every change the public may see of a meeting is announced by `meeting_published` or
`minutes_published` (meetings/signals.py); either gives the meeting a new version, so every web
process, sharing the cache, stops serving the old page at once. A render that began before the
change stores its page with the old version, which is never served. Changes no signal
announces (a partnership renamed) show within CACHE_SECONDS.

Only anonymous visitors get a stored page, and only a page that set no cookie and used no CSRF
token: a signed-in person's page carries their name, and a token is one visitor's."""

import uuid
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.utils import translation

from partnership.page_cache import may_store, response_from, stored_from, without_the_cache
from partnership.records_version import token_under

from .signals import meeting_published, minutes_published

CACHE_SECONDS = 10 * 60


def _version_key(meeting_id) -> str:
    return f"public-meeting-version:{meeting_id}"


# Changes whenever what a stored page holds changes, so a release never reads an older one's.
STORED_FORMAT = 2


def _page_key(meeting_id, language: str) -> str:
    return f"public-meeting-page:{STORED_FORMAT}:{meeting_id}:{language}"


def new_version(meeting_id) -> None:
    without_the_cache(None, cache.set, _version_key(meeting_id), uuid.uuid4().hex, None)


def _version_or_new(meeting_id) -> str:
    return without_the_cache(uuid.uuid4().hex, token_under, _version_key(meeting_id))


def remembered(meeting_id, name: str, make):
    """What `make()` returns for the meeting's current version (the public minutes as a PDF,
    seconds of work to draw, the same for everyone), made once per version and language."""
    key = f"public-meeting-{name}:{meeting_id}:{_version_or_new(meeting_id)}:{translation.get_language()}"
    made = without_the_cache(None, cache.get, key)
    if made is None:
        made = make()
        without_the_cache(None, cache.set, key, made, CACHE_SECONDS)
    return made


def _anonymous_without_cookies(request) -> bool:
    """A visitor with no session and no messages waiting (both would be in cookies)."""
    return settings.SESSION_COOKIE_NAME not in request.COOKIES and "messages" not in request.COOKIES


def cached_public_meeting_page(view):
    """Serves the view's page from the cache for anonymous visitors, storing what it renders."""

    @wraps(view)
    def serve(request, slug, pk):
        if not _anonymous_without_cookies(request):
            return view(request, slug, pk)
        page_key = _page_key(pk, translation.get_language())
        # One round trip: the meeting's version and the stored page, which says its version.
        found = without_the_cache({}, cache.get_many, [_version_key(pk), page_key])
        version = found.get(_version_key(pk)) or _version_or_new(pk)
        stored = found.get(page_key)
        if stored is not None and stored["version"] == version and stored["slug"] == slug:
            return response_from(stored)
        response = view(request, slug, pk)
        if may_store(request, response):
            stored = stored_from(response, slug=slug, version=version)
            without_the_cache(None, cache.set, page_key, stored, CACHE_SECONDS)
        return response

    return serve


def _meeting_changed(sender, *, meeting_id, **kwargs) -> None:
    new_version(meeting_id)


def connect() -> None:
    meeting_published.connect(_meeting_changed, dispatch_uid="meetings.public_cache.meeting_published")
    minutes_published.connect(_meeting_changed, dispatch_uid="meetings.public_cache.minutes_published")
