"""`make loadtest`: the production stack under load, and a PostgreSQL restart in the middle.

    .venv/bin/python scripts/loadtest/run.py [--duration 60] [--users 50] [--restart-at 20] [--keep]

Everything runs in a temporary folder of its own: a PostgreSQL cluster on a free loopback port
(never the machine's server on 5432, nor its Redis: others use them), the demo loaded into it,
static files collected for whitenoise, gunicorn serving partnership.wsgi with the production
settings, and locust as the users (scripts/loadtest/locustfile.py). Two passes: one with nothing
going wrong, which must have no failure, then one where PostgreSQL is restarted (`pg_ctl restart
-m fast`) part way through, where every request must succeed or fail with a 5xx, none hang or go
missing, and nothing fail once the database is back. The figures are printed as markdown and
written to var/loadtest-report.md. A measure of this machine at this moment, not a test: the
timings move with whatever else is running.

The demo's logins sign in without a second factor: the run sets TWO_FACTOR_REQUIRED=False
(its passwords are public; production requires two-factor authentication of officers)."""

import argparse
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import report
from cluster import Cluster

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
BIN = ROOT / ".venv" / "bin"
REPORT = ROOT / "var" / "loadtest-report.md"
# Variables of the caller's environment that would point the run at shared servers or folders.
SHARED = ("DATABASE_URL", "REDIS_URL", "REDIS_CACHE_URL", "CELERY_BROKER_URL", "CELERY_BROKER_FOLDER", "MEDIA_ROOT")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def environment(folder: Path, database_url: str, *, conn_max_age: int) -> dict:
    env = {key: value for key, value in os.environ.items() if key not in SHARED}
    env.update(
        {
            "PYTHONPATH": os.pathsep.join([str(ROOT), str(HERE)]),
            "DJANGO_SETTINGS_MODULE": "loadtest_settings",
            "DATABASE_URL": database_url,
            "CONN_MAX_AGE": str(conn_max_age),
            "SECRET_KEY": secrets.token_urlsafe(48),
            "ALLOWED_HOSTS": "127.0.0.1",
            "DEBUG": "False",
            "SECURE_SSL_REDIRECT": "False",
            "TWO_FACTOR_REQUIRED": "False",
            "MEDIA_ROOT": str(folder / "media"),
            "CELERY_BROKER_FOLDER": str(folder / "celery-broker"),
            "EMAIL_URL": f"filemail:///{folder / 'mail'}",
            "LOADTEST_STATIC_ROOT": str(folder / "static"),
            "LOADTEST_CACHE_DIR": str(folder / "cache"),
            "LOADTEST_TARGETS": str(folder / "targets.json"),
            "LOG_LEVEL": "WARNING",
        }
    )
    return env


def step(message: str) -> None:
    print(f"[loadtest {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def run(command: list[str], env: dict, *, check: bool = True) -> subprocess.CompletedProcess:
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)  # noqa: S603
    if done.returncode and check:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stdout}\n{done.stderr}")
    return done


def collect_static(env: dict) -> None:
    """collectstatic with production's storage, as a deployment runs it."""
    run([str(BIN / "python"), "manage.py", "collectstatic", "--no-input"], env)


def start_gunicorn(folder: Path, env: dict, port: int, *, workers: int, threads: int) -> subprocess.Popen:
    command = [
        str(BIN / "gunicorn"),
        "partnership.wsgi",
        f"--bind=127.0.0.1:{port}",
        f"--workers={workers}",
        "--worker-class=gthread",
        f"--threads={threads}",
        "--preload",  # the application is loaded once, before the workers start: all are ready at once
        "--timeout=30",
        # Longer than any user waits between requests: a connection the client is about to reuse
        # is never closed under it (a reset no browser would show; nginx sets the same bound).
        "--keep-alive=10",
        "--graceful-timeout=10",
        f"--access-logfile={folder / 'access.log'}",
        '--access-logformat=%(t)s %(s)s %(M)sms "%(r)s"',
    ]
    log = (folder / "gunicorn.log").open("w")
    server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)  # noqa: S603
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            # A long timeout: a probe given up on would still be answered, and counted in a pass.
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=60) as answer:  # noqa: S310
                if answer.status == 200:
                    time.sleep(1)  # the probe's line in the access log, before a pass counts them
                    return server
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"gunicorn did not answer within 60 s; see {folder / 'gunicorn.log'}")


def stop(process: subprocess.Popen | None) -> None:
    if process is None or process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def lines_in(path: Path) -> int:
    return sum(1 for _ in path.open()) if path.exists() else 0


def load_pass(name: str, args, folder: Path, env: dict, port: int, cluster: Cluster, *, restart: bool) -> report.Pass:
    log = folder / f"requests-{'restart' if restart else 'steady'}.jsonl"
    answered_before = lines_in(folder / "access.log")
    command = [
        str(BIN / "locust"),
        f"--locustfile={HERE / 'locustfile.py'}",
        "--headless",
        f"--users={args.users}",
        f"--spawn-rate={args.spawn_rate}",
        f"--run-time={args.duration}s",
        f"--host=http://127.0.0.1:{port}",
        # Every user finishes the request it is making, however long: none is cut off uncounted.
        f"--stop-timeout={args.client_timeout + 10:g}",
        "--only-summary",
        "--loglevel=WARNING",
    ]
    step(f"{name}: {args.users} users for {args.duration} s")
    with (folder / f"locust-{log.stem}.log").open("w") as out:
        started = time.time()
        locust = subprocess.Popen(  # noqa: S603
            command,
            cwd=HERE,
            env={**env, "LOADTEST_REQUEST_LOG": str(log), "LOADTEST_CLIENT_TIMEOUT": str(args.client_timeout)},
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        restarted = None
        if restart:
            time.sleep(max(0.0, started + args.restart_at - time.time()))
            step(f"restarting PostgreSQL (pg_ctl restart -m fast) at +{time.time() - started:.1f} s")
            began = time.time()
            cluster.restart()
            restarted = report.Restart(began=began, ended=time.time())
            step(f"PostgreSQL back after {restarted.ended - began:.1f} s")
        locust.wait(timeout=args.duration + 120)
    time.sleep(1)  # the access log's last lines
    return report.Pass(
        name=name,
        started=started,
        rows=report.load(log),
        server_answered=lines_in(folder / "access.log") - answered_before,
        restart=restarted,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=60, help="seconds of each pass (60)")
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--spawn-rate", type=float, default=10)
    parser.add_argument("--restart-at", type=float, default=20, help="seconds into the second pass (20)")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn worker processes (3)")
    parser.add_argument("--threads", type=int, default=4, help="threads in each worker (4)")
    parser.add_argument("--conn-max-age", type=int, default=60)
    # As long as nginx waits for gunicorn (proxy_read_timeout 60s, docs/deploying.md): a slower answer
    # is one a real user would never get, so it is a failure ("timeout"), not a slow request.
    parser.add_argument("--client-timeout", type=float, default=60, help="seconds a request may take (60)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder and its logs")
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="governance-loadtest-"))
    folder.chmod(0o755)  # the postgres user reaches its cluster inside
    cluster = Cluster(folder / "postgresql", free_port())
    server = None
    try:
        step(f"PostgreSQL {cluster.bin.parent.name} cluster on 127.0.0.1:{cluster.port} in {cluster.folder}")
        cluster.create()
        cluster.start()
        env = environment(folder, cluster.url, conn_max_age=args.conn_max_age)
        python = str(BIN / "python")
        step("migrate, load_demo, collectstatic, tokens and targets")
        run([python, "manage.py", "migrate", "--no-input"], env)
        run([python, "manage.py", "load_demo", "--force"], env)
        collect_static(env)
        run([python, str(HERE / "prepare.py"), env["LOADTEST_TARGETS"]], env)
        port = free_port()
        step(f"gunicorn on 127.0.0.1:{port}: {args.workers} workers x {args.threads} threads")
        server = start_gunicorn(folder, env, port, workers=args.workers, threads=args.threads)
        passes = [
            load_pass("steady", args, folder, env, port, cluster, restart=False),
            load_pass("PostgreSQL restart", args, folder, env, port, cluster, restart=True),
        ]
    finally:
        stop(server)
        cluster.stop()
        if args.keep:
            step(f"kept {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)
    setup = [
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {os.cpu_count()} CPUs shared with whatever else runs",
        f"gunicorn partnership.wsgi, {args.workers} gthread workers x {args.threads} threads, production settings "
        "(DEBUG off, whitenoise CompressedManifest), SECURE_SSL_REDIRECT=False, TWO_FACTOR_REQUIRED=False",
        f"PostgreSQL {cluster.bin.parent.name} of its own on loopback, CONN_MAX_AGE={args.conn_max_age}, "
        "CONN_HEALTH_CHECKS on, connect_timeout=5",
        f"locust: {args.users} users (public 6 : members 3 : API 1), spawn rate {args.spawn_rate:g}/s, "
        f"{args.duration} s a pass, client timeout 5 s to connect and {args.client_timeout:g} s to answer",
    ]
    text = report.markdown(passes, setup)
    print(text)
    REPORT.parent.mkdir(exist_ok=True)
    REPORT.write_text(text)
    step(f"written to {REPORT.relative_to(ROOT)}")
    return 0 if all(done.survived for done in passes) else 1


if __name__ == "__main__":
    sys.exit(main())
