"""`make bench`, the documents' part (issue 8): how long the agenda pack takes against
WeasyPrint's own time for the same HTML plus pypdf's merge of the same papers, and how much
memory a worker needs to make the largest pack.

Two meetings of 40 items and 20 papers, each paper with a real PDF of 1 to 16 pages: an
ordinary one, and one whose titles and descriptions carry non-breaking hyphens (U+2011) and
whose cover sheets hold recommendations long enough for the table to run over several pages
(WeasyPrint's known slow paths). Each is built with build_pack end to end and, in turn, by the
baseline: render_html of the same contents, HTML(...).write_pdf(), then PdfWriter.append of
the same paper files; the median of the runs of each is compared. The largest pack is then
made by a fresh interpreter (as a worker would), whose peak resident memory is read with
getrusage(RUSAGE_CHILDREN) by the small process that started it.

It runs in a throwaway SQLite database and media folder of its own, whatever DATABASE_URL says:

    .venv/bin/python scripts/bench/documents.py [--runs 5] [--json out.json]
    .venv/bin/python scripts/bench/documents.py --profile   # where each spends its CPU time

A benchmark, not a test: the machine's 2 CPUs are shared, so the times are noisy."""

import argparse
import io
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if sys.path and Path(sys.path[0]).resolve() == Path(__file__).resolve().parent:
    sys.path[0] = str(ROOT)  # run as a script: the project's root first, as for the others

from scripts.bench.figures import Figure, table  # noqa: E402, F401 - run.py reads table from here

RATIO_TARGET = 1.3
MEMORY_TARGET_MB = 400
ITEMS = 40
PAPERS = 20
PAGES = (1, 2, 4, 8, 16)  # of each paper's PDF, in turn: 124 appended pages in all
NB_HYPHEN = "\u2011"
RECOMMENDATIONS = 24  # numbered recommendations on each slow-path cover sheet: the table runs over pages


@dataclass
class Timing:
    name: str
    meeting_id: int
    pack_seconds: list[float]
    baseline_seconds: list[float]
    pack_cpu: list[float]
    baseline_cpu: list[float]
    html_pages: int
    pack_pages: int

    @property
    def ratio(self) -> float:
        return statistics.median(self.pack_seconds) / statistics.median(self.baseline_seconds)

    @property
    def cpu_ratio(self) -> float:
        return statistics.median(self.pack_cpu) / statistics.median(self.baseline_cpu)


def _environment(folder: Path) -> dict:
    """The settings of the throwaway run: never the caller's database, files or broker."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "partnership.settings",
        "DATABASE_URL": f"sqlite:///{folder / 'bench-documents.sqlite3'}",
        "MEDIA_ROOT": str(folder / "media"),
        "FILE_STORAGE_BACKEND": "django.core.files.storage.FileSystemStorage",
        "CELERY_BROKER_URL": "memory://",
        "REDIS_URL": "",
        "REDIS_CACHE_URL": "",
        "LOG_LEVEL": "WARNING",
    }


def _setup(environment: dict) -> None:
    os.environ.update(environment)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


# Building the meetings ------------------------------------------------------------------------


def _paper_pdfs() -> list[bytes]:
    from tests.meetings.papers_support import pdf_bytes

    words = "The partnership's quarterly figures, with the commentary of the lead officer. " * 12
    made = {pages: pdf_bytes(words, pages=pages) for pages in PAGES}
    return [made[PAGES[n % len(PAGES)]] for n in range(PAPERS)]


def _meeting(partnership, secretariat, *, title: str, slow_paths: bool, pdfs: list[bytes]):
    import datetime

    from meetings import services
    from tests.meetings.papers_support import COVER_SHEET, upload

    hyphen = NB_HYPHEN if slow_paths else "-"
    meeting = services.schedule_meeting(
        partnership=partnership,
        title=title,
        date=datetime.date(2027, 6, 15),
        start_time=datetime.time(14),
        end_time=datetime.time(17),
        place="Shire Hall, Warwick",
    )
    standing = meeting.agenda_items.count()
    description = (
        f"A report on anti{hyphen}social behaviour and the multi{hyphen}agency, co{hyphen}ordinated response "
        f"in the town centres; year{hyphen}on{hyphen}year figures by district. "
    ) * 4
    recommendations = "\n".join(
        f"{n}. That the Board agrees the {n}{hyphen}point plan for the cross{hyphen}border, "
        f"multi{hyphen}agency work on anti{hyphen}social behaviour, reporting back quarter{hyphen}by{hyphen}quarter "
        "to the Performance Group with the figures of every district and borough."
        for n in range(1, (RECOMMENDATIONS if slow_paths else 1) + 1)
    )
    for n in range(standing, ITEMS):
        item = services.add_agenda_item(
            meeting=meeting,
            title=f"Item {n}: anti{hyphen}social behaviour and co{hyphen}ordinated multi{hyphen}agency work",
            purpose="decision",
            presenter="Community Safety Manager",
            description=description,
        )
        paper_number = n - standing
        if paper_number < PAPERS:
            paper = services.add_paper(
                agenda_item=item,
                **{
                    **COVER_SHEET,
                    "title": f"Paper {paper_number}: the multi{hyphen}agency plan, year{hyphen}on{hyphen}year",
                    "recommendations": recommendations,
                },
            )
            services.attach_file(
                paper=paper,
                upload=upload(f"appendix-{paper_number}.pdf", pdfs[paper_number]),
                by=secretariat,
            )
    return meeting


def build_meetings() -> dict[str, int]:
    from tests.factories import PartnershipFactory, UserFactory

    partnership = PartnershipFactory(name="Bench Safer Warwickshire Partnership", slug="bench-documents")
    secretariat = UserFactory(username="bench-documents-secretariat")
    pdfs = _paper_pdfs()
    return {
        "ordinary": _meeting(partnership, secretariat, title="Board meeting", slow_paths=False, pdfs=pdfs).pk,
        "slow paths": _meeting(
            partnership, secretariat, title=f"Board meeting: non{NB_HYPHEN}breaking", slow_paths=True, pdfs=pdfs
        ).pk,
    }


# Timing ---------------------------------------------------------------------------------------


def _forget_pack(meeting_id: int) -> None:
    """No stored pack, so the next build_pack makes it."""
    from meetings.models import AgendaPack

    AgendaPack.objects.filter(meeting_id=meeting_id).delete()


def _pack(meeting_id: int):
    """build_pack end to end, as the worker's task calls it."""
    from meetings.models import PackVariant
    from meetings.pack.packs import build_pack

    return build_pack(meeting_id=meeting_id, variant=PackVariant.MEMBERS)


def _baseline(contents, appended) -> tuple[bytes, int]:
    """WeasyPrint's own time for the pack's HTML, and pypdf's merge of the same paper files."""
    from pypdf import PdfWriter
    from weasyprint import HTML

    from meetings.models import PaperFile
    from meetings.pack.render import render_html

    html = render_html(contents, appended)
    document = HTML(string=html, base_url=str(ROOT)).render()
    html_pdf = document.write_pdf()
    storage = PaperFile._meta.get_field("file").storage
    writer = PdfWriter(clone_from=io.BytesIO(html_pdf))
    for paper in contents.papers:
        for pack_file in paper.files:
            with storage.open(pack_file.stored_name, "rb") as stored:
                writer.append(io.BytesIO(stored.read()))
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue(), len(document.pages)


def _timed(function, *args):
    wall, cpu = time.perf_counter(), time.process_time()
    result = function(*args)
    return result, time.perf_counter() - wall, time.process_time() - cpu


def time_meeting(name: str, meeting_id: int, runs: int) -> Timing:
    from pypdf import PdfReader

    from meetings.models import PackVariant, PaperFile
    from meetings.pack.contents import contents_for
    from meetings.pack.render import read_appended

    storage = PaperFile._meta.get_field("file").storage
    contents = contents_for(meeting_id, PackVariant.MEMBERS)
    appended = read_appended(contents, lambda stored_name: storage.open(stored_name, "rb"))
    _forget_pack(meeting_id)
    _pack(meeting_id)  # a first run of each, uncounted: fonts found, templates compiled
    _baseline(contents, appended)
    timing = Timing(name, meeting_id, [], [], [], [], 0, 0)
    for _ in range(runs):  # in turn, so a busy spell of the machine falls on both
        _forget_pack(meeting_id)
        pack, wall, cpu = _timed(_pack, meeting_id)
        timing.pack_seconds.append(wall)
        timing.pack_cpu.append(cpu)
        (_, html_pages), wall, cpu = _timed(_baseline, contents, appended)
        timing.baseline_seconds.append(wall)
        timing.baseline_cpu.append(cpu)
    timing.html_pages = html_pages
    with pack.file.open("rb") as stored:
        timing.pack_pages = len(PdfReader(io.BytesIO(stored.read())).pages)
    return timing


def profile(meeting_id: int) -> None:
    """Where build_pack and the baseline spend their CPU time, after a first uncounted run of
    each: cProfile timed by process_time, since on a shared machine wall time mostly measures the
    other processes."""
    import cProfile
    import pstats

    from meetings.models import PackVariant, PaperFile
    from meetings.pack.contents import contents_for
    from meetings.pack.render import read_appended

    storage = PaperFile._meta.get_field("file").storage
    contents = contents_for(meeting_id, PackVariant.MEMBERS)
    appended = read_appended(contents, lambda stored_name: storage.open(stored_name, "rb"))
    _forget_pack(meeting_id)
    _pack(meeting_id)
    _baseline(contents, appended)
    for name, function, args in (("build_pack", _pack, (meeting_id,)), ("baseline", _baseline, (contents, appended))):
        _forget_pack(meeting_id)
        profiler = cProfile.Profile(time.process_time)
        profiler.runcall(function, *args)
        print(f"=== {name}, meeting {meeting_id}: CPU seconds, cumulative")
        stats = pstats.Stats(profiler).sort_stats("cumulative")
        stats.print_stats(PROFILED)


# The steps of the pack and of the baseline whose cost the profile shows.
PROFILED = (
    r"build_pack|contents_for|fingerprint|make_and_keep|render_pack|read_appended|render_html|"
    r"_first_pages|append_papers|_bookmarks|insert_page|document.py.*\((render|write_pdf)\)|"
    r"_writer.py.*\((append|write|__init__)\)|_save|execute|_baseline|_pack"
)


# Memory ---------------------------------------------------------------------------------------


def _child(meeting_id: int | None) -> None:
    """In a fresh interpreter: make the pack (or only load what a worker loads, for None)."""
    from meetings.pack import render  # noqa: F401 - WeasyPrint and pypdf, as a worker has them

    if meeting_id is not None:
        _forget_pack(meeting_id)
        _pack(meeting_id)


def _launcher(meeting_id: str) -> None:
    """A small process between this one and the worker: Linux carries a process's peak resident
    memory over into the child it starts (fork, then exec), so the worker is started from
    something small and RUSAGE_CHILDREN, read here, is the worker's own."""
    command = [sys.executable, __file__, "--child", meeting_id]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)  # noqa: S603 - this script, again
    print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)


def peak_memory_mb(meeting_id: int, environment: dict) -> tuple[float, float]:
    """(peak resident MB of a fresh process making the pack, of one only loading Django and the
    PDF libraries), each read by a small launcher with getrusage(RUSAGE_CHILDREN)."""
    peaks = []
    for child in (str(meeting_id), "none"):
        command = [sys.executable, __file__, "--launch", child]
        launched = subprocess.run(command, env=environment, check=True, capture_output=True, text=True)  # noqa: S603
        peaks.append(int(launched.stdout.split()[-1]) / 1024)  # kilobytes on Linux
    return peaks[0], peaks[1]


# Report ---------------------------------------------------------------------------------------


def figures(timings: list[Timing], memory: tuple[float, float], largest: Timing) -> list[Figure]:
    rows = []
    for timing in timings:
        pack, baseline = statistics.median(timing.pack_seconds), statistics.median(timing.baseline_seconds)
        label = (
            "agenda pack, 40 items and 20 papers (PDFs appended)"
            if timing.name == "ordinary"
            else "pack with U+2011 in titles and text, cover-sheet tables over pages"
        )
        rows.append(
            Figure(
                f"{label}: {timing.pack_pages} pages",
                f"{pack:.2f}s vs {baseline:.2f}s, ratio {timing.ratio:.2f} (CPU {timing.cpu_ratio:.2f})",
                f"at most {RATIO_TARGET}x WeasyPrint + merge",
                timing.ratio <= RATIO_TARGET,
            )
        )
    peak, idle = memory
    rows.append(
        Figure(
            f"peak memory of a fresh worker making the largest pack ({largest.pack_pages} pages)",
            f"{peak:.0f} MB ({idle:.0f} MB loaded, idle)",
            f"under {MEMORY_TARGET_MB} MB",
            peak < MEMORY_TARGET_MB,
        )
    )
    return rows


def details(timings: list[dict]) -> str:
    """Every run's seconds, so a reader can see the noise."""
    return "\n".join(
        f"- {timing['name']}: pack {', '.join(f'{s:.2f}' for s in timing['pack_seconds'])}s; "
        f"baseline {', '.join(f'{s:.2f}' for s in timing['baseline_seconds'])}s; "
        f"HTML part {timing['html_pages']} pages of the {timing['pack_pages']}."
        for timing in timings
    )


def run(runs: int = 5) -> tuple[list[Figure], list[dict]]:
    """For run.py: the whole measurement in a process of its own (its own settings and database),
    so the pages' settings and bench database are left as they are."""
    with tempfile.TemporaryDirectory(prefix="bench-documents-") as folder:
        out = Path(folder) / "figures.json"
        command = [sys.executable, __file__, "--runs", str(runs), "--json", str(out)]
        subprocess.run(command, check=True)  # noqa: S603 - this script, in a process of its own
        data = json.loads(out.read_text())
    return [Figure(**row) for row in data["figures"]], data["timings"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="timed runs of each meeting (default 5)")
    parser.add_argument("--json", type=Path, help="also write the figures here, as JSON")
    parser.add_argument(
        "--profile", action="store_true", help="profile one pack and one baseline of each meeting (pyinstrument)"
    )
    parser.add_argument("--launch", help=argparse.SUPPRESS)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.launch:
        _launcher(options.launch)
        return 0
    if options.child:
        _setup({})
        _child(None if options.child == "none" else int(options.child))
        return 0

    with tempfile.TemporaryDirectory(prefix="bench-documents-") as folder:
        environment = _environment(Path(folder))
        _setup(environment)
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        meetings = build_meetings()
        if options.profile:
            for meeting_id in meetings.values():
                profile(meeting_id)
            return 0
        timings = [time_meeting(name, meeting_id, options.runs) for name, meeting_id in meetings.items()]
        largest = max(timings, key=lambda timing: timing.pack_pages)
        memory = peak_memory_mb(largest.meeting_id, environment)
    rows = figures(timings, memory, largest)
    timing_rows = [asdict(timing) for timing in timings]
    print(table(rows))
    print(details(timing_rows))
    if options.json:
        options.json.write_text(json.dumps({"figures": [asdict(row) for row in rows], "timings": timing_rows}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
