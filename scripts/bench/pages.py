"""Throughput and latency of the pages under gunicorn and PostgreSQL, each as a ratio to a
minimal view measured in the same run (issue 8), so the figures compare across machines.

- gunicorn: production's WSGI application with the benchmark's settings, sync workers, as many
  as gunicorn's documentation advises (2 x CPUs + 1), on a free port on 127.0.0.1. Sync workers
  close each connection after its answer, as they do behind the proxy they are meant for.
- wrk (Debian's package) drives the load: written in C, one event loop per thread, it costs a
  fraction of a CPU for the thousands of requests a second a Python client would itself be
  the bottleneck for on a two-CPU machine. Its Lua hook prints the percentiles as JSON.
- The member is signed in through the sign-in form and sends the two cookies it sets, the
  session's and the CSRF token's, with every request, as a browser does; the API is read with
  the member's token.
- The member's page and the API list are kept for their reader until a record changes
  (partnership/page_cache.py), so the load, one reader asking again and again, is served what
  was kept. Each is measured a second time "drawn afresh": every request asks another address
  (`?fresh=<run>-<thread>-<n>`, a parameter the views ignore), so nothing kept is ever found
  and each request costs what a first reading does. Those figures have no target.

Every page is checked once before it is measured (200, and the member's page is the meeting's,
not the sign-in page); a run with any answer other than 200 is reported as failed."""

import contextlib
import http.client
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

from .volume import ROOT, Probe

LATENCY_USERS = 20  # issue 8: p95 over p50 under 20 concurrent users
TARGETS = {  # figure -> (least ratio of the minimal view's throughput)
    "public meeting page": 0.5,
    "member agenda page": 0.15,
    "API meeting list": 0.15,
}
DRAWN_AFRESH = ("member agenda page", "API meeting list")  # measured again, nothing kept found
AFRESH = ", drawn afresh"
MOST_P95_OVER_P50 = 4.0
# With a run id after `--`, each request asks the path with `fresh=<run>-<thread>-<n>` added:
# an address no earlier request asked, so nothing kept for it is found.
WRK_FRESH = """
local threads = 0
setup = function(thread)
  threads = threads + 1
  thread:set("thread_number", threads)
end
init = function(args)
  run, counter = args[1], 0
end
request = function()
  counter = counter + 1
  local joiner = string.find(wrk.path, "?", 1, true) and "&" or "?"
  return wrk.format(nil, wrk.path .. joiner .. "fresh=" .. run .. "-" .. thread_number .. "-" .. counter)
end
"""
WRK_REPORT = """
done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write("WRK_JSON ", string.format(
    '{"requests": %d, "seconds": %.3f, "errors_status": %d, "errors_other": %d, '
    .. '"p50_ms": %.3f, "p95_ms": %.3f, "p99_ms": %.3f, "mean_ms": %.3f}\\n',
    summary.requests, seconds, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    latency.mean / 1000))
end
"""


@dataclass
class Measured:
    figure: str
    requests_per_second: float
    p50_ms: float
    p95_ms: float
    requests: int
    errors: int
    bytes: int

    @property
    def tail(self) -> float:
        return self.p95_ms / self.p50_ms if self.p50_ms else float("inf")


def workers() -> int:
    return 2 * (os.cpu_count() or 1) + 1


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def gunicorn(port: int, *, worker_count: int):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "scripts.bench.bench_settings"}
    log = open(ROOT / "var" / "bench-gunicorn.log", "w")  # noqa: SIM115 - closed below
    server = subprocess.Popen(  # noqa: S603 - our own virtualenv's gunicorn
        [
            str(Path(sys.executable).with_name("gunicorn")),
            "partnership.wsgi",
            "--chdir",
            str(ROOT),
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(worker_count),
            "--backlog",
            "2048",
            "--log-level",
            "warning",
        ],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        _wait_for(port, server)
        yield server
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


def _wait_for(port: int, server: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"gunicorn stopped; see {ROOT / 'var' / 'bench-gunicorn.log'}")
        try:
            status, _headers, _body = get(port, "/bench/minimal/")
            if status == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("gunicorn did not answer within a minute")


def get(port: int, path: str, headers: dict | None = None) -> tuple[int, http.client.HTTPMessage, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


def _cookies(headers: http.client.HTTPMessage) -> dict[str, str]:
    jar = SimpleCookie()
    for value in headers.get_all("Set-Cookie") or []:
        jar.load(value)
    return {name: morsel.value for name, morsel in jar.items()}


def sign_in(port: int, username: str, password: str) -> str:
    """The cookies the sign-in form sets (the session's, the CSRF token's), as a browser keeps them."""
    status, headers, body = get(port, "/accounts/login/")
    if status != 200:
        raise SystemExit(f"The sign-in page answered {status}")
    csrf_cookie = _cookies(headers)["csrftoken"]
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1).decode()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request(
            "POST",
            "/accounts/login/",
            body=urlencode({"username": username, "password": password, "csrfmiddlewaretoken": token}),
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": f"csrftoken={csrf_cookie}",
            },
        )
        response = connection.getresponse()
        response.read()
        cookies = _cookies(response.headers)
    finally:
        connection.close()
    session, token = cookies.get("sessionid"), cookies.get("csrftoken")
    if response.status != 302 or not session or not token:
        raise SystemExit(f"Signing in answered {response.status} without a session: check the bench logins")
    return f"sessionid={session}; csrftoken={token}"


def wrk(port: int, path: str, *, headers: dict, users: int, seconds: float, fresh: bool = False) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write((WRK_FRESH if fresh else "") + WRK_REPORT)
    command = [
        shutil.which("wrk") or "wrk",
        "-t",
        str(min(2, users)),
        "-c",
        str(users),
        "-d",
        f"{max(1, round(seconds))}s",
        "--timeout",
        "30s",
        "-s",
        script.name,
    ]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    command.append(f"http://127.0.0.1:{port}{path}")
    if fresh:
        command += ["--", f"{time.time_ns():x}"]
    try:
        output = subprocess.run(command, capture_output=True, text=True, check=True).stdout  # noqa: S603
    finally:
        os.unlink(script.name)
    line = next(line for line in output.splitlines() if line.startswith("WRK_JSON "))
    return json.loads(line.removeprefix("WRK_JSON "))


def check(port: int, figure: str, path: str, headers: dict, probe: Probe) -> int:
    """One request as the load will make it: a 200 with the page's own content."""
    status, _headers, body = get(port, path, headers)
    if status != 200:
        raise SystemExit(f"{figure} ({path}) answered {status}, not 200: nothing to measure")
    if figure.startswith("member agenda page") and b"Matters arising" not in body:
        raise SystemExit(f"{figure} is not the meeting's agenda: {body[:200]!r}")
    return len(body)


def measure(
    probe: Probe, *, seconds: float = 20, users: int = LATENCY_USERS, warm_up: float = 3, rounds: int = 3
) -> list[Measured]:
    """Each figure for `seconds` in all, in `rounds` turns taken one figure after another, so
    a change in what else the machine runs meanwhile falls on every figure alike, the minimal
    view's included. Throughput is all the requests over all the time; p50 and p95 are the
    median of the rounds' own."""
    port = free_port()
    with gunicorn(port, worker_count=workers()):
        credentials = {
            "minimal": {},
            "public meeting page": {},
            "member agenda page": {"Cookie": sign_in(port, probe.member_username, probe.password)},
            "API meeting list": {"Authorization": f"Token {probe.token}", "Accept": "application/json"},
        }
        loads = [(figure, path, credentials[figure], False) for figure, path in probe.paths.items()]
        loads += [(figure + AFRESH, probe.paths[figure], credentials[figure], True) for figure in DRAWN_AFRESH]
        sizes = {}
        for figure, path, headers, fresh in loads:
            sizes[figure] = check(port, figure, path, headers, probe)
            wrk(port, path, headers=headers, users=users, seconds=warm_up, fresh=fresh)
        runs: dict[str, list[dict]] = {figure: [] for figure, *_ in loads}
        for _round in range(rounds):
            for figure, path, headers, fresh in loads:
                one_round = wrk(port, path, headers=headers, users=users, seconds=seconds / rounds, fresh=fresh)
                runs[figure].append(one_round)
    return [
        Measured(
            figure=figure,
            requests_per_second=sum(run["requests"] for run in done) / sum(run["seconds"] for run in done),
            p50_ms=statistics.median(run["p50_ms"] for run in done),
            p95_ms=statistics.median(run["p95_ms"] for run in done),
            requests=sum(run["requests"] for run in done),
            errors=sum(run["errors_status"] + run["errors_other"] for run in done),
            bytes=sizes[figure],
        )
        for figure, done in runs.items()
    ]


def table(results: list[Measured]) -> tuple[str, bool]:
    """The figures as a Markdown table, and whether every target was met."""
    minimal = next(result for result in results if result.figure == "minimal")
    lines = [
        "| figure | measured | ratio to minimal | target | result |",
        "| --- | ---: | ---: | --- | --- |",
    ]
    passed = True
    for result in results:
        errors = f" ({result.errors} errors)" if result.errors else ""
        ok = result.errors == 0
        if result.figure in TARGETS:
            ratio = result.requests_per_second / minimal.requests_per_second
            ok = ok and ratio >= TARGETS[result.figure]
            lines.append(
                f"| {result.figure} throughput | {result.requests_per_second:.0f} req/s{errors} | {ratio:.2f} | "
                f"at least {TARGETS[result.figure]} | {'pass' if ok else 'FAIL'} |"
            )
        elif result.figure == "minimal":
            lines.append(f"| minimal view throughput | {result.requests_per_second:.0f} req/s{errors} | 1 | | |")
        else:
            ratio = result.requests_per_second / minimal.requests_per_second
            lines.append(
                f"| {result.figure} throughput | {result.requests_per_second:.0f} req/s{errors} | {ratio:.2f} | "
                "(no target: what a first reading costs) | |"
            )
        passed = passed and ok
    for result in results:
        if result.figure == "minimal":
            continue
        ok = result.tail <= MOST_P95_OVER_P50
        lines.append(
            f"| {result.figure} p95 / p50, {LATENCY_USERS} users | {result.p95_ms:.0f} / {result.p50_ms:.0f} ms | "
            f"{result.tail:.2f} | at most {MOST_P95_OVER_P50:g} | {'pass' if ok else 'FAIL'} |"
        )
        passed = passed and ok
    return "\n".join(lines), passed
