"""Every refused access goes into the audit log: each 401 and 403, and each 404 a signed-in person
gets where the access helpers answer 404 to outsiders (they must not learn a record exists, but
staff reading the log should see someone looking).

Any other answer passes through without a query. Refusals to anonymous callers (an API client
without a token, a crawler) are kept once per address and minute, so nobody can fill the log
(and the disk) by asking again and again; a signed-in person's are all kept."""

from django.core.cache import cache

from .audit import client_ip, record_audit_event
from .models_audit import AuditKind

REFUSED = frozenset({401, 403})
ANONYMOUS_EVERY_SECONDS = 60
# Where a 404 to a signed-in person can mean "not yours" rather than "no such page".
GUARDED_PREFIXES = ("/partnerships/", "/api/", "/account/", "/accounts/")


class RefusedAccessAuditMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if self._is_refusal(request, response.status_code) and self._worth_keeping(request):
            record_audit_event(kind=AuditKind.ACCESS_REFUSED, request=request, status_code=response.status_code)
        return response

    @staticmethod
    def _worth_keeping(request) -> bool:
        if request.user.is_authenticated:
            return True
        return cache.add(f"audit-anonymous-refusal:{client_ip(request)}", True, ANONYMOUS_EVERY_SECONDS)

    @staticmethod
    def _is_refusal(request, status_code: int) -> bool:
        if status_code in REFUSED:
            return True
        # Path first: asking who the user is could cost a query, and only these paths need it.
        return status_code == 404 and request.path.startswith(GUARDED_PREFIXES) and request.user.is_authenticated
