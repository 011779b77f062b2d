"""Pages kept ready-made in the shared cache, and what every kind of kept page shares.

`kept_for_the_session` keeps a signed-in person's page (the agenda a member reads before a
meeting, again and again) for their session, until any record changes (the records' version,
partnership/records_version.py) or the day turns (deadlines and what may be done are decided
by the day). It is keyed by the session, the page's address (host and scheme included) and language, so:

- nobody is served a page drawn for anyone else, and the CSRF token in its forms is their own;
- the permission checks the view made when it drew the page still hold: who may see what
  is itself a record (seats, offices, memberships, accounts), and changing it changes the
  version. A session that ends (sign-out, expiry, a password reset) reaches the view no more.

A page is not kept, nor served from the cache, while a message is waiting to be shown (it is
shown once); nor kept when its drawing set a cookie, renewed the CSRF token or queued a
message. An unreachable cache means the page is drawn afresh, never a 500."""

import hashlib
import logging
from functools import wraps

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone, translation

from . import records_version

logger = logging.getLogger(__name__)

CACHE_SECONDS = 10 * 60
# Changes whenever what a stored page holds changes, so a release never reads an older one's.
STORED_FORMAT = 1


def without_the_cache(default, call, *args, **kwargs):
    """The cache's answer, or `default` when the cache cannot be reached: the page is then
    drawn as if nothing were stored, rather than failing because Redis restarted."""
    try:
        return call(*args, **kwargs)
    except Exception:  # each cache backend raises its own connection errors
        logger.warning("The cache could not be reached: the page is drawn afresh", exc_info=True)
        return default


def may_store(request, response, *, for_one_reader: bool = False) -> bool:
    """A whole page, the same on every reading, setting no cookie. A page for anyone uses no
    CSRF token; a page for one reader may hold theirs, but not a new one (Django marks a token
    used in a page as needing its cookie sent again, new or not)."""
    if for_one_reader:
        token_is_the_readers = request.META.get("CSRF_COOKIE") == request.COOKIES.get(settings.CSRF_COOKIE_NAME)
    else:
        token_is_the_readers = not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
    return (
        response.status_code == 200
        and not response.cookies
        and token_is_the_readers
        and not getattr(response, "streaming", False)
    )


def stored_from(response, **about) -> dict:
    # The view sets only the content type; the middleware adds every other header on the way
    # out, to a stored page as to a fresh one.
    return {**about, "content": response.content, "content_type": response["Content-Type"]}


def response_from(stored: dict) -> HttpResponse:
    return HttpResponse(stored["content"], content_type=stored["content_type"])


def _messages_waiting(request) -> bool:
    """Messages are kept in a cookie, or in the session when too long for one."""
    return "messages" in request.COOKIES or "_messages" in request.session


def _messages_used(request) -> bool:
    storage = getattr(request, "_messages", None)
    return bool(storage is not None and (storage.used or storage._queued_messages))


def reader_key(kind: str, request, *parts: str) -> str:
    """A key for one reader's page: whose, which, in which language, on which day."""
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()
    day = timezone.localdate().isoformat()
    return f"{kind}:{STORED_FORMAT}:{request.user.pk}:{digest}:{translation.get_language()}:{day}"


def look_up(page_key: str) -> tuple[str | None, dict | None]:
    """The records' version now and the page stored under `page_key` if it was drawn from it:
    one round trip. The version is None when the cache cannot be reached."""
    found = without_the_cache({}, cache.get_many, [records_version.KEY, page_key])
    version = records_version.read(found.get(records_version.KEY)) or without_the_cache(None, records_version.current)
    stored = found.get(page_key)
    if version is None or stored is None or stored["version"] != version:
        return version, None
    return version, stored


def account_as_loaded(user) -> bool:
    """Whether the reader's account still gives the rights it had when this request loaded it
    (before the version was read): a change committed in between, rights taken away, would
    otherwise be kept under the new version. One query, when a page is drawn."""
    return (
        get_user_model()
        ._default_manager.filter(
            pk=user.pk, is_active=user.is_active, is_staff=user.is_staff, is_superuser=user.is_superuser
        )
        .exists()
    )


def keep(page_key: str, version: str, response, user) -> None:
    if account_as_loaded(user):
        without_the_cache(None, cache.set, page_key, stored_from(response, version=version), CACHE_SECONDS)


def kept_for_the_session(view):
    """Serves a signed-in person's page from the cache while nothing has changed, storing what
    the view draws. Put it inside `login_required`: an anonymous visitor passes straight on."""

    @wraps(view)
    def serve(request, *args, **kwargs):
        if request.method != "GET" or not request.user.is_authenticated or _messages_waiting(request):
            return view(request, *args, **kwargs)
        page_key = reader_key(
            "session-page",
            request,
            request.session.session_key or "",
            request.COOKIES.get(settings.CSRF_COOKIE_NAME, ""),
            request.build_absolute_uri(),
        )
        version, stored = look_up(page_key)
        if stored is not None:
            return response_from(stored)
        response = view(request, *args, **kwargs)
        if version is not None and may_store(request, response, for_one_reader=True) and not _messages_used(request):
            keep(page_key, version, response, request.user)
        return response

    return serve
