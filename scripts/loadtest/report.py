"""Turns the requests a load test pass recorded into its figures, and the figures into markdown.

A pass survives when every request it made either succeeded or was counted as a failure with an
answer from the server (5xx): none timed out, none found the server gone, none was dropped (the
server's access log answered as many requests as the client recorded), and once the database is
back no request fails."""

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

# Once the restart has finished, every web thread's next request notices its dead connection
# (CONN_HEALTH_CHECKS) and opens a new one; after this many seconds nothing may fail.
SETTLE_SECONDS = 5
# The seconds around the restart shown one by one, counted from when it began.
WINDOW = range(-2, 8)


@dataclass
class Restart:
    began: float
    ended: float


@dataclass
class Pass:
    name: str
    started: float
    rows: list[dict]
    server_answered: int
    restart: Restart | None = None
    figures: dict = field(init=False)

    def __post_init__(self):
        self.figures = figures(self)

    @property
    def survived(self) -> bool:
        f = self.figures
        if self.restart is None:
            return f["failures"] == 0 and f["dropped"] == 0
        unanswered = sum(n for kind, n in f["kinds"].items() if kind != "5xx")
        return unanswered == 0 and f["dropped"] == 0 and f["failures_after_settling"] == 0


def load(path: Path) -> list[dict]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def percentile(values: list[float], share: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def figures(run: Pass) -> dict:
    rows = run.rows
    failed = [row for row in rows if row["kind"]]
    times = [row["ms"] for row in rows]
    span = max((row["end"] for row in rows), default=run.started) - run.started
    result = {
        "requests": len(rows),
        "failures": len(failed),
        "kinds": Counter(row["kind"] for row in failed),
        "rps": len(rows) / span if span > 0 else 0.0,
        "p50": percentile(times, 0.50),
        "p95": percentile(times, 0.95),
        "max": max(times, default=0.0),
        # Answers the server logged that the client never recorded, or the other way round (a
        # request that got no answer at all is already a "timeout" or "connection" failure).
        "dropped": abs(run.server_answered - sum(1 for row in rows if row["status"])),
        "errors": Counter(row["error"] for row in failed).most_common(5),
        "by_name": by_name(rows),
    }
    if run.restart is not None:
        began, ended = run.restart.began, run.restart.ended
        result["restart_at"] = began - run.started
        result["restart_took"] = ended - began
        result["seconds"] = {
            second: [row for row in rows if began + second <= row["end"] < began + second + 1] for second in WINDOW
        }
        late = [row for row in failed if row["end"] >= ended]
        result["last_failure_after_restart"] = max((row["end"] - ended for row in late), default=None)
        result["failures_after_settling"] = sum(1 for row in failed if row["end"] >= ended + SETTLE_SECONDS)
    return result


def by_name(rows: list[dict]) -> list[tuple[str, int, int, float, float]]:
    names = sorted({row["name"] for row in rows})
    table = []
    for name in names:
        mine = [row for row in rows if row["name"] == name]
        times = [row["ms"] for row in mine]
        table.append(
            (name, len(mine), sum(1 for r in mine if r["kind"]), percentile(times, 0.5), percentile(times, 0.95))
        )
    return table


def _kinds(kinds: Counter) -> str:
    return ", ".join(f"{kind} {n}" for kind, n in sorted(kinds.items())) or "none"


def markdown(passes: list[Pass], setup: list[str]) -> str:
    lines = ["# Load test", "", *[f"- {line}" for line in setup], ""]
    lines += [
        "| pass | requests | failures | failures by kind | req/s | p50 ms | p95 ms | max ms "
        "| server answered | survived |",
        "| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for run in passes:
        f = run.figures
        lines.append(
            f"| {run.name} | {f['requests']} | {f['failures']} | {_kinds(f['kinds'])} | {f['rps']:.1f} "
            f"| {f['p50']:.0f} | {f['p95']:.0f} | {f['max']:.0f} | {run.server_answered} "
            f"| {'yes' if run.survived else 'NO'} |"
        )
    for run in passes:
        if run.restart is None:
            continue
        f = run.figures
        last = f["last_failure_after_restart"]
        lines += [
            "",
            f"## {run.name}: the seconds around the restart",
            "",
            f"`pg_ctl restart -m fast` began {f['restart_at']:.1f} s into the pass and took {f['restart_took']:.1f} s. "
            + (
                "No request failed after it finished."
                if last is None
                else f"The last failure ended {last:.1f} s after it finished; "
                f"{f['failures_after_settling']} failed more than {SETTLE_SECONDS} s after."
            ),
            "",
            "| second (0 = restart began) | requests ended | failed | failures by kind |",
            "| ---: | ---: | ---: | --- |",
        ]
        for second, rows in f["seconds"].items():
            kinds = Counter(row["kind"] for row in rows if row["kind"])
            lines.append(f"| {second:+d} | {len(rows)} | {sum(kinds.values())} | {_kinds(kinds)} |")
        if f["errors"]:
            lines += ["", "Failures seen (most frequent first):", ""]
            lines += [f"- {n} x `{error}`" for error, n in f["errors"]]
    first = passes[0]
    lines += [
        "",
        f"## {first.name}: each request",
        "",
        "| request | count | failures | p50 ms | p95 ms |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    lines += [
        f"| `{name}` | {n} | {failed} | {p50:.0f} | {p95:.0f} |"
        for name, n, failed, p50, p95 in first.figures["by_name"]
    ]
    return "\n".join(lines) + "\n"
