"""Where a measured page spends its time: asks it N times in-process (Django's test client,
the benchmark's settings and database, as the volume last built left it) under pyinstrument,
and prints the profile. pyinstrument is not a dependency of the project: `pip install
pyinstrument` into the virtualenv first.

    .venv/bin/python scripts/bench/profiling.py "member agenda page" [requests] [--all] [--flat] [--fresh]

--flat lists the functions by the time spent in them, whoever called them. --fresh asks a new
address each time (`?fresh=n`), so a page kept for its reader is drawn afresh, as at a first
reading.

    .venv/bin/python scripts/bench/profiling.py --timings [requests]

prints each figure's wall, CPU and SQL milliseconds per request, without a profiler: the
member's page and the API list both kept and drawn afresh."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from scripts.bench import pages, volume  # noqa: E402


def probe_of_built_volume() -> volume.Probe:
    """What to measure, found again in the database the last build left."""
    from rest_framework.authtoken.models import Token

    from meetings.models import Meeting

    token = Token.objects.select_related("user").get(user__username="bench-0-member-5")
    meetings = Meeting.objects.filter(partnership__slug="bench-0")
    return volume.Probe(
        scale=0,
        slug="bench-0",
        member_username=token.user.username,
        password=volume.PASSWORD,
        token=token.key,
        member_meeting_id=meetings.filter(status="agenda_circulated").order_by("date").first().pk,
        public_meeting_id=meetings.filter(is_public=True, status="closed").order_by("date").last().pk,
        counts={},
    )


def main(figure: str, requests: int, *, show_all: bool = False, flat: bool = False, fresh: bool = False) -> None:
    volume.setup()
    from django.test import Client, override_settings
    from pyinstrument import Profiler

    from partnership.models import User
    from scripts.bench.queries import LOCAL_CACHE

    probe = probe_of_built_volume()
    path = probe.paths[figure]
    with override_settings(CACHES=LOCAL_CACHE, ALLOWED_HOSTS=["testserver"]):
        client = Client()
        headers = {}
        if figure == "member agenda page":
            client.force_login(User.objects.get(username=probe.member_username))
        elif figure == "API meeting list":
            headers = {"Authorization": f"Token {probe.token}"}
        assert client.get(path, headers=headers).status_code == 200  # noqa: S101 - warm up, and a sanity check
        profiler = Profiler(interval=0.0005)
        with profiler:
            for number in range(requests):
                client.get(f"{path}?fresh={number}" if fresh else path, headers=headers)
    print(profiler.output_text(unicode=True, color=False, show_all=show_all, flat=flat))


def timings(requests: int) -> None:
    """Per request of each figure, in this process: wall time, this process's CPU time, and the
    time the SQL took as Django saw it (round trips included). No profiler, so no overhead."""
    volume.setup()
    import time

    from django.db import connection
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext

    from partnership.models import User
    from scripts.bench.queries import LOCAL_CACHE

    probe = probe_of_built_volume()
    print(f"{'figure':<32} {'wall ms':>8} {'CPU ms':>8} {'SQL ms':>8} {'queries':>8}")
    with override_settings(CACHES=LOCAL_CACHE, ALLOWED_HOSTS=["testserver"]):
        measured = [(figure, path, False) for figure, path in probe.paths.items()]
        measured += [(f"{figure}, drawn", probe.paths[figure], True) for figure in pages.DRAWN_AFRESH]
        for figure, path, fresh in measured:
            client, headers = Client(), {}
            if figure.startswith("member agenda page"):
                client.force_login(User.objects.get(username=probe.member_username))
            elif figure.startswith("API meeting list"):
                headers = {"Authorization": f"Token {probe.token}"}
            if figure == "public meeting page":
                headers = {"Cookie": "sessionid=none"}  # not served from the cache: the render's cost
            client.get(path, headers=headers)
            wall, cpu, sql, count = 0.0, 0.0, 0.0, 0
            for number in range(requests):
                asked = f"{path}?fresh={number}" if fresh else path
                with CaptureQueriesContext(connection) as queries:
                    started, started_cpu = time.perf_counter(), time.process_time()
                    client.get(asked, headers=headers)
                    wall += time.perf_counter() - started
                    cpu += time.process_time() - started_cpu
                sql += sum(float(query["time"]) for query in queries.captured_queries)
                count = len(queries.captured_queries)
            n = requests / 1000
            print(f"{figure:<32} {wall / n:>8.1f} {cpu / n:>8.1f} {sql / n:>8.1f} {count:>8}")


if __name__ == "__main__":
    if sys.argv[1] == "--timings":
        timings(int(sys.argv[2]) if len(sys.argv) > 2 else 20)
        sys.exit()
    numbers = [int(arg) for arg in sys.argv[2:] if arg.isdigit()]
    main(
        sys.argv[1],
        numbers[0] if numbers else 20,
        show_all="--all" in sys.argv,
        flat="--flat" in sys.argv,
        fresh="--fresh" in sys.argv,
    )
