"""What the reliability tests run: a redis-server of their own on a free port (never the
machine's), real Celery worker processes (tests/reliability/worker.py) on it and on the test
database, and the counting mail server they all send to."""

import datetime
import os
import pathlib
import shutil
import signal
import socket
import subprocess
import sys
import time
import uuid
from zoneinfo import ZoneInfo

import redis
import time_machine
from celery import Celery
from django.conf import settings
from django.db import connection

from tests.worker_processes import WorkerProcesses

from . import mailbox

LONDON = ZoneInfo("Europe/London")
REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"


def redis_server_missing() -> bool:
    return not (shutil.which("redis-server") or os.access(REDIS_SERVER, os.X_OK))


def real_now() -> datetime.datetime:
    """The workers live on the real clock, not the suite's fixed day."""
    return time_machine.escape_hatch.datetime.datetime.now(tz=LONDON)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def database_url() -> str:
    """The test database, for the workers to open."""
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def wait_for(what: str, condition, *, seconds: float, logs=()) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            tails = "\n".join(f"--- {log.name}\n{log.read_text()[-3000:]}" for log in logs if log.exists())
            raise AssertionError(f"Waited {seconds} s for {what}\n{tails}")
        time.sleep(0.1)


class RedisServer:
    """A redis-server that keeps nothing on disk: stopping it loses every queued task."""

    def __init__(self, folder: pathlib.Path):
        self.folder = folder
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        command = [REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
        command += ["--dir", str(self.folder), "--protected-mode", "no"]
        with open(self.folder / "redis.log", "a") as log:
            self.process = subprocess.Popen(  # noqa: S603 - a fixed command, no shell
                command, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )
        wait_for("redis-server to answer", self.answers, seconds=15)

    def answers(self) -> bool:
        try:
            return bool(self.client().ping())
        except redis.RedisError:
            return False

    def client(self) -> redis.Redis:
        return redis.Redis.from_url(self.url, socket_connect_timeout=1, socket_timeout=2)

    def stop(self) -> None:
        """As a power cut or an OOM kill would: no chance to save anything."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=15)

    def restart(self) -> None:
        self.stop()
        self.start()


class Cluster(WorkerProcesses):
    """Celery workers on one Redis and a queue of their own, sending mail to one counting file."""

    def __init__(self, server: RedisServer, folder: pathlib.Path):
        self.server = server
        self.folder = folder
        self.queue = f"reliability-{uuid.uuid4().hex[:12]}"
        self.mailbox = folder / "mailbox.jsonl"
        self.marker = folder / "marker"
        self.ready = folder / "ready"
        self.sweeps = folder / "sweeps"
        for sub in (self.ready, self.sweeps):
            sub.mkdir()
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "partnership.settings",
            "DATABASE_URL": database_url(),
            "CELERY_BROKER_URL": server.url,
            "REDIS_URL": server.url,  # its cache too: nothing of these tests touches the machine's Redis
            "CELERY_QUEUE": self.queue,
            "CELERY_TASK_ALWAYS_EAGER": "false",
            mailbox.MAILBOX: str(self.mailbox),
            mailbox.MARKER: str(self.marker),
            "RELIABILITY_READY": str(self.ready),
            "RELIABILITY_SWEEPS": str(self.sweeps),
        }
        self.workers: list[subprocess.Popen] = []
        self.logs: list[pathlib.Path] = []

    def start_worker(self, *, claim_timeout: int = 600, send_seconds: float = 0, hang_after: int = 0, sweepers=1):
        log = self.folder / f"worker-{len(self.workers)}.log"
        env = {
            **self.env,
            "NOTIFICATION_CLAIM_TIMEOUT": str(claim_timeout),
            mailbox.DELAY: str(send_seconds),
            mailbox.HANG_AFTER: str(hang_after),
            "RELIABILITY_SWEEPERS": str(sweepers),
        }
        with open(log, "w") as out:
            worker = subprocess.Popen(
                [sys.executable, "-m", "tests.reliability.worker"],
                cwd=settings.BASE_DIR,
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group, killed whole
            )
        self.workers.append(worker)
        self.logs.append(log)
        return worker

    def wait_until_ready(self, *workers: subprocess.Popen) -> None:
        self.wait_for(
            "the workers to consume", lambda: all((self.ready / str(w.pid)).exists() for w in workers), seconds=60
        )

    def client(self) -> Celery:
        """A fresh client each time: the one before may hold a connection to the Redis that died.
        Not the current app, so the project's shared tasks in this process keep their own."""
        client = Celery("reliability-test", set_as_current=False)
        client.conf.broker_url = self.server.url
        return client

    def send(self, task: str) -> None:
        client = self.client()
        client.send_task(task, queue=self.queue)
        client.close()

    def sweep(self) -> None:
        self.send("governance.tasks.sweep_deadlines")

    def deliver(self) -> None:
        self.send("partnership.tasks.deliver_notifications")

    def queued(self) -> int:
        """Tasks waiting in the queue, not yet taken by a worker."""
        return self.server.client().llen(self.queue)

    def wait_for(self, what: str, condition, *, seconds: float = 90) -> None:
        wait_for(what, condition, seconds=seconds, logs=self.logs)

    def accepted(self) -> list[tuple[str, str]]:
        return mailbox.accepted(self.mailbox)

    def mailbox_rows(self) -> list[dict]:
        return mailbox.rows(self.mailbox)
