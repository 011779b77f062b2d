"""Writing to the security audit log: one function, called by every place that records."""

import ipaddress

from django.conf import settings
from django.utils import timezone

from .models_audit import AuditEvent, AuditKind


def client_ip(request) -> str | None:
    """The caller's address, for django-axes' lockouts and the audit log alike. Behind
    PROXY_COUNT proxies, each appending the address it saw to X-Forwarded-For, the client is the
    entry that many from the end: entries further left were written by the client and could say
    anything. Without proxies, or without the header, REMOTE_ADDR."""
    remote = request.META.get("REMOTE_ADDR") or None
    proxies = settings.PROXY_COUNT
    forwarded = [entry.strip() for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if entry.strip()]
    if proxies <= 0 or not forwarded:
        return remote
    candidate = forwarded[-min(proxies, len(forwarded))]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote


def record_audit_event(
    *,
    kind: AuditKind,
    request=None,
    user=None,
    username: str = "",
    status_code: int | None = None,
    detail: str = "",
    now=None,
) -> AuditEvent:
    """Adds one row to the audit log: who (user or the username typed), what (kind, request,
    answer), when, and from where (address and browser)."""
    request_user = getattr(request, "user", None)
    if user is None and request_user is not None and request_user.is_authenticated:
        user = request_user
    if user is not None and not username:
        username = user.get_username()
    meta = request.META if request is not None else {}
    return AuditEvent.objects.create(
        at=now or timezone.now(),
        kind=kind,
        user=user,
        username=username[:150],
        ip_address=client_ip(request) if request is not None else None,
        user_agent=meta.get("HTTP_USER_AGENT", "")[:300],
        method=(request.method or "")[:10] if request is not None else "",
        path=request.get_full_path()[:500] if request is not None else "",
        status_code=status_code,
        detail=detail[:300],
    )
