"""How the deadline sweep grows with the data: builds N busy partnerships, then 2N, in a
throwaway database, and prints the sweep's queries and time at each volume.

    .venv/bin/python scripts/bench_sweep.py [N]     # default 20; DATABASE_URL picks the database

The queries must not change with the volume and the time should roughly double (issue 6: "its
run time grows linearly"). A benchmark, not a test: timings vary with the machine."""

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "partnership.settings")
if "DATABASE_URL" not in os.environ:
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench-sweep.sqlite3"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from governance.deadlines.sweep import find_notices  # noqa: E402
from tests.governance.test_sweep import a_busy_partnership  # noqa: E402


def measure() -> tuple[int, int, float]:
    best = float("inf")
    for _ in range(3):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            notices = find_notices()
            best = min(best, time.perf_counter() - started)
    return len(queries.captured_queries), len(notices), best


def main(n: int) -> None:
    call_command("migrate", verbosity=0)
    built = 0
    rows = []
    for volume in (n, 2 * n):
        for i in range(built, volume):
            a_busy_partnership(i, meetings=10, milestones=40)
        built = volume
        rows.append((volume, *measure()))
    print(f"{'partnerships':>12} {'queries':>8} {'notices':>8} {'seconds':>8}")
    for volume, queries, notices, seconds in rows:
        print(f"{volume:>12} {queries:>8} {notices:>8} {seconds:>8.3f}")
    print(f"time ratio at double the volume: {rows[1][3] / rows[0][3]:.2f} (linear is 2)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)
