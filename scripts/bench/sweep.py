"""`make bench`, the deadline sweep's part (issues 6 and 8): how the sweep grows with the data.
Builds N busy partnerships (something due under every rule: late agendas, minutes awaiting the
chair, milestones due and overdue...), then 2N, in a throwaway database, and at each volume
counts the sweep's queries and times it (median of the runs).

Targets: the same number of queries at N and 2N; the time at 2N at most 2.2 times the time at N
(linear growth is 2).

    .venv/bin/python scripts/bench/sweep.py [N] [--runs 5] [--postgres] [--json out.json]

By default a SQLite database in a temporary folder; --postgres uses the `bench_docs` database
on the local PostgreSQL (BENCH_DOCS_DATABASE_URL to change it), dropped and made afresh.
A benchmark, not a test: the machine's CPUs are shared, so the times are noisy."""

import argparse
import datetime
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # run as a script

from scripts.bench.figures import Figure, table  # noqa: E402, F401 - run.py reads table from here

DEFAULT_PARTNERSHIPS = 20
TIME_RATIO_TARGET = 2.2
POSTGRES_URL = os.environ.get("BENCH_DOCS_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/bench_docs")


@dataclass
class AtVolume:
    partnerships: int
    queries: int
    notices: int
    seconds: list[float]
    cpu_seconds: list[float]

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def cpu_median(self) -> float:
        return statistics.median(self.cpu_seconds)


def _setup(database_url: str) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "partnership.settings"
    os.environ["DATABASE_URL"] = database_url
    os.environ["LOG_LEVEL"] = "WARNING"
    # Nothing of the caller's: no shared cache or broker is written to by the rows built here.
    os.environ.update({"REDIS_URL": "", "REDIS_CACHE_URL": "", "CELERY_BROKER_URL": "memory://"})
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def _fresh_postgres(url: str) -> None:
    """Drop and create the benchmark's database: only one whose name says it is a benchmark's."""
    from urllib.parse import urlsplit

    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    if "bench" not in name:
        raise SystemExit(f"Refusing to drop {name!r}: the benchmark's database has 'bench' in its name.")
    server = {"host": parts.hostname, "port": parts.port or 5432, "user": parts.username, "password": parts.password}
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')


def measure(partnerships: int, runs: int, now: datetime.datetime) -> AtVolume:
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    from governance.deadlines.sweep import find_notices

    find_notices(now=now)  # a first run, uncounted
    seconds, cpu_seconds, counts, notices = [], [], set(), 0
    for _ in range(runs):
        # Building the volume logged far more than the 9,000 queries Django keeps, and a full log
        # miscounts what CaptureQueriesContext sees: emptied first, it counts true.
        reset_queries()
        with CaptureQueriesContext(connection) as queries:
            started, cpu = time.perf_counter(), time.process_time()
            notices = len(find_notices(now=now))
            seconds.append(time.perf_counter() - started)
            cpu_seconds.append(time.process_time() - cpu)
        counts.add(len(queries.captured_queries))
    if len(counts) != 1:  # the same volume read twice in a different number of queries: say so
        raise SystemExit(f"The sweep read {sorted(counts)} queries over runs at the same volume.")
    return AtVolume(partnerships, counts.pop(), notices, seconds, cpu_seconds)


def build_and_measure(n: int, runs: int) -> list[AtVolume]:
    from django.core.management import call_command
    from django.utils import timezone

    # The partnerships are built with the suite's day in mind (what is late on 25 November 2026).
    from tests.governance.test_sweep import TODAY, a_busy_partnership

    call_command("migrate", verbosity=0)
    now = timezone.make_aware(datetime.datetime.combine(TODAY, datetime.time(6)))
    built, volumes = 0, []
    for volume in (n, 2 * n):
        for i in range(built, volume):
            a_busy_partnership(i, meetings=10, milestones=40)
        built = volume
        volumes.append(measure(volume, runs, now))
    return volumes


def figures(volumes: list[AtVolume]) -> list[Figure]:
    at_n, at_2n = volumes
    ratio = at_2n.median / at_n.median
    return [
        Figure(
            f"deadline sweep: queries at {at_n.partnerships} and {at_2n.partnerships} partnerships",
            f"{at_n.queries} and {at_2n.queries} ({at_n.notices:,} and {at_2n.notices:,} notices)",
            "equal",
            at_n.queries == at_2n.queries,
        ),
        Figure(
            f"deadline sweep: time at {at_2n.partnerships} / time at {at_n.partnerships} partnerships",
            f"{at_2n.median:.3f}s / {at_n.median:.3f}s = {ratio:.2f} "
            f"(CPU {at_2n.cpu_median:.3f}s / {at_n.cpu_median:.3f}s = {at_2n.cpu_median / at_n.cpu_median:.2f})",
            f"at most {TIME_RATIO_TARGET}",
            ratio <= TIME_RATIO_TARGET,
        ),
    ]


def details(volumes: list[dict]) -> str:
    return "\n".join(
        f"- {volume['partnerships']} partnerships: {', '.join(f'{s:.3f}' for s in volume['seconds'])}s "
        f"(CPU {', '.join(f'{s:.3f}' for s in volume['cpu_seconds'])}s)"
        for volume in volumes
    )


def run(n: int = DEFAULT_PARTNERSHIPS, runs: int = 5, postgres: bool = False) -> tuple[list[Figure], list[dict], str]:
    """For run.py: the whole measurement in a process of its own (its own settings and database).
    Answers the figures, each volume's runs, and the database it ran on."""
    with tempfile.TemporaryDirectory(prefix="bench-sweep-") as folder:
        out = Path(folder) / "figures.json"
        command = [sys.executable, __file__, str(n), "--runs", str(runs), "--json", str(out)]
        subprocess.run(command + (["--postgres"] if postgres else []), check=True)  # noqa: S603 - this script
        data = json.loads(out.read_text())
    return [Figure(**row) for row in data["figures"]], data["volumes"], data["database"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("partnerships", nargs="?", type=int, default=DEFAULT_PARTNERSHIPS, help="N (default 20)")
    parser.add_argument("--runs", type=int, default=5, help="timed sweeps at each volume (default 5)")
    parser.add_argument("--postgres", action="store_true", help=f"use {POSTGRES_URL} (dropped first)")
    parser.add_argument("--json", type=Path, help="also write the figures here, as JSON")
    options = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="bench-sweep-") as folder:
        if options.postgres:
            _fresh_postgres(POSTGRES_URL)
            url = POSTGRES_URL
        else:
            url = f"sqlite:///{folder}/bench-sweep.sqlite3"
        _setup(url)
        from django.db import connection

        database = f"{connection.vendor} `{connection.settings_dict['NAME']}`"
        volumes = build_and_measure(options.partnerships, options.runs)
        connection.close()
    rows = figures(volumes)
    volume_rows = [asdict(volume) for volume in volumes]
    print(f"Deadline sweep on {database}:")
    print(table(rows))
    print(details(volume_rows))
    if options.json:
        options.json.write_text(
            json.dumps({"figures": [asdict(row) for row in rows], "volumes": volume_rows, "database": database})
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
