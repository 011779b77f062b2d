"""`make bench`, the pages' part (issue 8): builds volume V in the bench database, counts each
page's queries, serves it with gunicorn and measures throughput and latency against a minimal
view, then builds 2V and counts the queries again. Prints the tables and writes them to
var/bench-report.md. A benchmark, not a test: the figures vary with the machine and with
whatever else runs on it.

    .venv/bin/python scripts/bench/run.py [--seconds 20] [--no-pages]

BENCH_DATABASE_URL picks the database (default postgres://postgres@127.0.0.1:5432/bench); it is
emptied first. Then the agenda pack's time and memory (scripts/bench/documents.py) and the
deadline sweep's growth (scripts/bench/sweep.py), each in a process and throwaway database of
its own."""

import argparse
import datetime
import os
import platform
import signal
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from scripts.bench import volume  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20, help="how long each page is measured (default 20)")
    parser.add_argument("--no-pages", action="store_true", help="count queries only, serve nothing")
    parser.add_argument("--no-2v", action="store_true", help="volume V only: no query counts at 2V")
    parser.add_argument("--no-documents", action="store_true", help="leave out the agenda pack's figures")
    parser.add_argument("--no-sweep", action="store_true", help="leave out the deadline sweep's figures")
    options = parser.parse_args()
    # Stopped with SIGTERM, unwind as after Ctrl-C, so the gunicorn it started is stopped too.
    signal.signal(signal.SIGTERM, lambda _signal, _frame: sys.exit(143))

    volume.setup()
    from django.core.management import call_command
    from django.db import connection

    from scripts.bench import documents, pages, queries, sweep

    call_command("collectstatic", interactive=False, verbosity=0)
    started = time.perf_counter()
    at_v = volume.build(1)
    built_v = time.perf_counter() - started
    counted_v = queries.count_queries(at_v)
    measured = None
    if not options.no_pages:
        connection.close()  # the server's workers have the database to themselves
        measured = pages.measure(at_v, seconds=options.seconds)
    at_2v, built_2v, counted_2v = at_v, 0.0, counted_v
    if not options.no_2v:
        started = time.perf_counter()
        at_2v = volume.build(2)
        built_2v = time.perf_counter() - started
        counted_2v = queries.count_queries(at_2v)

    rows = queries.compare(counted_v, counted_2v)
    report = [
        f"# Benchmark of the pages and the API ({datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC)",
        "",
        f"{platform.node()}: {os.cpu_count()} CPUs, load average {' '.join(f'{n:.2f}' for n in os.getloadavg())} "
        f"at the end; gunicorn with {pages.workers()} sync workers; {connection.vendor} "
        f"`{connection.settings_dict['NAME']}`; cache {_cache_backend()}.",
        "",
        f"Volume V (built in {built_v:.0f}s): {_counts(at_v.counts)}.",
        f"Volume 2V (built in {built_2v:.0f}s): {_counts(at_2v.counts)}."
        if not options.no_2v
        else "Volume 2V not built (--no-2v): the query counts below are V's twice.",
        "",
    ]
    pages_passed = True
    if measured is not None:
        page_table, pages_passed = pages.table(measured)
        report += [
            f"## Throughput and latency at V ({options.seconds:g}s a page, "
            f"{pages.LATENCY_USERS} concurrent clients, wrk)",
            "",
            page_table,
            "",
            "Pages measured: " + ", ".join(f"{figure} `{path}`" for figure, path in at_v.paths.items()) + ".",
            "Bytes per answer: " + ", ".join(f"{result.figure} {result.bytes}" for result in measured) + ".",
            "",
        ]
    report += ["## SQL queries per request, at V and 2V", "", queries.table(rows), ""]
    queries_passed = all(row[3] for row in rows) and not options.no_2v
    if not options.no_documents:
        pack_rows, pack_runs = documents.run()
        report += ["## Agenda packs (median of 5 runs each)", "", documents.table(pack_rows), ""]
        report += ["Seconds of each run:", documents.details(pack_runs), ""]
        queries_passed = queries_passed and all(row.passed for row in pack_rows)
    if not options.no_sweep:
        sweep_rows, sweep_runs, sweep_database = sweep.run(postgres=connection.vendor == "postgresql")
        report += [f"## Deadline sweep over N and 2N busy partnerships ({sweep_database})", ""]
        report += [sweep.table(sweep_rows), "", "Seconds of each sweep:", sweep.details(sweep_runs), ""]
        queries_passed = queries_passed and all(row.passed for row in sweep_rows)
    report.append(
        f"All targets met: {'yes' if pages_passed and queries_passed else 'no'}."
        + ("" if measured is not None else " (Pages not served: --no-pages.)")
    )
    text = "\n".join(report) + "\n"
    print(text)
    (volume.ROOT / "var" / "bench-report.md").write_text(text)
    print(f"Written to {volume.ROOT / 'var' / 'bench-report.md'}")
    return 0


def _counts(counts: dict) -> str:
    return ", ".join(f"{number:,} {name}" for name, number in counts.items())


def _cache_backend() -> str:
    from django.conf import settings

    cache = settings.CACHES["default"]
    return f"{cache['BACKEND'].rsplit('.', 1)[-1]} {cache.get('LOCATION', '')}".strip()


if __name__ == "__main__":
    sys.exit(main())
