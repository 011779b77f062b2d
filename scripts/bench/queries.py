"""SQL queries of each measured page and API list, in-process with Django's test client, at
volume V and 2V: a page that reads one more query per member, item, meeting or milestone
shows a different count at 2V (issue 8: fixed, whatever the volume).

Each page is asked once before counting: the first request of a session does one-off work
(the code-of-conduct check is remembered in the session, the CSRF cookie set). The public
meeting page is counted uncached (its first request, rendering) and cached (the next); the
member's page and the API list drawn (the first request for an address no request asked
before) and kept for their reader (the next)."""

from django.core.cache import cache
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from .volume import Probe

# An in-memory cache of this process only, so counting never reads or clears a cache another
# process uses.
FRESH = "?fresh=counted"  # an address nothing was kept for: the views ignore the parameter
LOCAL_CACHE = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "bench-queries"}}


def _count(client: Client, path: str, **headers) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, headers=headers)
    return len(queries.captured_queries), response.status_code


def count_queries(probe: Probe) -> dict[str, tuple[int, int]]:
    """figure -> (queries, HTTP status)."""
    from partnership.models import User

    paths = probe.paths
    counted = {}
    with override_settings(CACHES=LOCAL_CACHE, ALLOWED_HOSTS=["testserver"]):
        cache.clear()
        anonymous = Client()
        counted["public meeting page (uncached)"] = _count(anonymous, paths["public meeting page"])
        counted["public meeting page (cached)"] = _count(anonymous, paths["public meeting page"])

        member = Client()
        member.force_login(User.objects.get(username=probe.member_username))
        member.get(paths["member agenda page"])
        fresh = paths["member agenda page"] + FRESH
        counted["member agenda page, drawn"] = _count(member, fresh)
        counted["member agenda page, kept"] = _count(member, fresh)

        api, token = Client(), f"Token {probe.token}"
        api.get(paths["API meeting list"], headers={"Authorization": token})
        fresh = paths["API meeting list"] + FRESH
        counted["API meeting list, drawn"] = _count(api, fresh, Authorization=token)
        counted["API meeting list, kept"] = _count(api, fresh, Authorization=token)
        cache.clear()
    return counted


def compare(at_v: dict, at_2v: dict) -> list[tuple[str, int, int, bool]]:
    """(figure, queries at V, at 2V, pass): equal counts, and every answer a 200."""
    return [
        (figure, at_v[figure][0], at_2v[figure][0], at_v[figure] == at_2v[figure] and at_v[figure][1] == 200)
        for figure in at_v
    ]


def table(rows: list[tuple[str, int, int, bool]]) -> str:
    lines = ["| figure | queries at V | queries at 2V | target | result |", "| --- | ---: | ---: | --- | --- |"]
    for figure, at_v, at_2v, passed in rows:
        lines.append(f"| {figure} | {at_v} | {at_2v} | equal | {'pass' if passed else 'FAIL'} |")
    return "\n".join(lines)
