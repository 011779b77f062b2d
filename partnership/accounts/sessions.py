"""A person's sessions: started at sign-in, kept within their limits, listed, and ended.

The time stamps a request needs (signed in at, last active at) live in the session itself, which
the request has loaded anyway; the session is written back at most once a minute and the
UserSession row at most every five minutes, so an ordinary request costs no extra query."""

import datetime
from importlib import import_module

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from ..audit import client_ip, record_audit_event
from ..models_audit import AuditKind
from ..models_sessions import UserSession

SIGNED_IN_AT = "account_signed_in_at"
LAST_SEEN_AT = "account_last_seen_at"
RECORDED_AT = "account_recorded_at"
# The key the session had when its row was written: a key cycled since (a password change, a
# second sign-in) is followed to the row.
SESSION_KEY_STAMP = "account_session_key"

# How stale each time stamp may get: idle expiry is exact to the minute.
TOUCH_EVERY = 60
RECORD_EVERY = 5 * 60

IDLE = "idle"
TOO_OLD = "too_old"


def _stamp(now: datetime.datetime) -> float:
    return now.timestamp()


def _store():
    return import_module(settings.SESSION_ENGINE).SessionStore


def start_session(*, request, user, now: datetime.datetime | None = None) -> UserSession:
    """Called at sign-in: stamps the session and writes its row."""
    now = now or timezone.now()
    session = request.session
    if session.session_key is None:
        session.save()
    previous_key = session.get(SESSION_KEY_STAMP)
    if previous_key and previous_key != session.session_key:
        # Signing in again in the same browser cycled the key: the old row is this session's past.
        UserSession.objects.filter(session_key=previous_key).delete()
    session[SIGNED_IN_AT] = session[LAST_SEEN_AT] = session[RECORDED_AT] = _stamp(now)
    session[SESSION_KEY_STAMP] = session.session_key
    row, _ = UserSession.objects.update_or_create(
        session_key=session.session_key,
        defaults={
            "user": user,
            "created_at": now,
            "last_seen_at": now,
            "ip_address": client_ip(request),
            "user_agent": request.META.get("HTTP_USER_AGENT", "")[:300],
        },
    )
    return row


def forget_session(*, request) -> None:
    """Called at sign-out: the session's row goes with it."""
    key = request.session.get(SESSION_KEY_STAMP) or request.session.session_key
    if key:
        UserSession.objects.filter(session_key=key).delete()


def expiry_reason(session, *, now: datetime.datetime) -> str | None:
    """IDLE when the session has not been used for SESSION_IDLE_MINUTES, TOO_OLD when it was
    signed in more than SESSION_COOKIE_AGE seconds ago, None while it may go on."""
    now_stamp = _stamp(now)
    signed_in_at = session.get(SIGNED_IN_AT)
    if signed_in_at is not None and now_stamp - signed_in_at > settings.SESSION_COOKIE_AGE:
        return TOO_OLD
    last_seen_at = session.get(LAST_SEEN_AT)
    if last_seen_at is not None and now_stamp - last_seen_at > settings.SESSION_IDLE_MINUTES * 60:
        return IDLE
    return None


def note_activity(*, request, now: datetime.datetime) -> None:
    """Moves the session's "last active" on, writing only when a stamp has grown stale."""
    session = request.session
    now_stamp = _stamp(now)
    if SIGNED_IN_AT not in session:
        # A session signed in before these stamps existed: its limits count from now.
        session[SIGNED_IN_AT] = session[LAST_SEEN_AT] = now_stamp
    if now_stamp - session.get(LAST_SEEN_AT, 0) >= TOUCH_EVERY:
        session[LAST_SEEN_AT] = now_stamp
    if now_stamp - session.get(RECORDED_AT, 0) >= RECORD_EVERY:
        session[RECORDED_AT] = now_stamp
        UserSession.objects.filter(session_key=session.session_key).update(last_seen_at=now)


def follow_cycled_key(*, request) -> None:
    """After a request that cycled the session key (changing the password does), the row
    follows the session to its new key. Costs nothing when the key did not change."""
    session = request.session
    stamped = session.get(SESSION_KEY_STAMP)
    if stamped and session.session_key and stamped != session.session_key:
        UserSession.objects.filter(session_key=stamped).update(session_key=session.session_key)
        session[SESSION_KEY_STAMP] = session.session_key


def active_sessions(user, *, now: datetime.datetime | None = None):
    """The user's sessions that may still be in use, most recently active first. A session that
    expired without signing out (a closed browser) drops off once past either limit."""
    now = now or timezone.now()
    # last_seen_at may lag the session by RECORD_EVERY.
    idle_since = now - datetime.timedelta(minutes=settings.SESSION_IDLE_MINUTES, seconds=RECORD_EVERY)
    signed_in_since = now - datetime.timedelta(seconds=settings.SESSION_COOKIE_AGE)
    return UserSession.objects.filter(user=user, last_seen_at__gt=idle_since, created_at__gt=signed_in_since)


def current_session_key(request) -> str | None:
    return request.session.get(SESSION_KEY_STAMP) or request.session.session_key


def _end(rows) -> int:
    """Deletes each session from the store, so its cookie signs in no more, and then its row."""
    store = _store()
    keys = [row.session_key for row in rows]
    for key in keys:
        store().delete(key)
    UserSession.objects.filter(session_key__in=keys).delete()
    return len(keys)


@transaction.atomic
def end_other_sessions(*, request, user, detail: str = "") -> int:
    """Ends every session of `user` but the one making this request; returns how many."""
    others = list(UserSession.objects.filter(user=user).exclude(session_key=current_session_key(request)))
    ended = _end(others)
    if ended:
        record_audit_event(
            kind=AuditKind.SESSION_ENDED,
            request=request,
            user=user,
            detail=detail or f"Ended {ended} other session(s)",
        )
    return ended


@transaction.atomic
def end_session(*, request, user_session: UserSession) -> None:
    """Ends one of the person's other sessions (the view has checked it is theirs)."""
    _end([user_session])
    record_audit_event(
        kind=AuditKind.SESSION_ENDED,
        request=request,
        user=user_session.user,
        detail=f"Ended the session signed in at {user_session.created_at:%Y-%m-%d %H:%M} "
        f"from {user_session.ip_address or 'an unknown address'}",
    )


@transaction.atomic
def end_every_session(*, user) -> int:
    """Ends every session of `user` (a password reset by email: whoever had the old one is out)."""
    return _end(list(UserSession.objects.filter(user=user)))
