"""Writing to the security audit log: one function, called by every place that records."""

from django.utils import timezone

from .models_audit import AuditEvent, AuditKind


def client_ip(request) -> str | None:
    """The caller's address, as django-axes reads it (the proxy's X-Forwarded-For where
    PROXY_COUNT says there is one), so the log and the lockouts agree."""
    from axes.helpers import get_client_ip_address

    return get_client_ip_address(request) or None


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
