"""The sweep run by a real Celery worker, through the filesystem broker that needs no server
and through Redis where it answers (as in CI): a worker killed mid-sweep or mid-delivery and
then started again loses nothing and sends nothing twice, and two workers sweeping at once send
each notification once. The worker runs on the real clock, so the data is dated from today."""

import datetime
import email
import os
import pathlib
import subprocess
import sys
import time
import uuid
from zoneinfo import ZoneInfo

import pytest
import redis
import time_machine
from celery import Celery
from django.conf import settings
from django.db import connection
from django.utils import timezone

from governance.deadlines.sweep import find_notices
from partnership.models import Notification, NotificationStatus
from tests.factories import (
    MeetingFactory,
    MemberFactory,
    NominatingBodyFactory,
    OfficeFactory,
    PartnershipFactory,
    PersonFactory,
    SecretariatFactory,
    UserFactory,
)
from tests.governance.test_sweep import a_busy_partnership
from tests.worker_processes import WorkerProcesses

pytestmark = pytest.mark.django_db(transaction=True)

LONDON = ZoneInfo("Europe/London")
PARTNERSHIPS = 4
WAIT_SECONDS = 90


def real_now() -> datetime.datetime:
    return time_machine.escape_hatch.datetime.datetime.now(tz=LONDON)


def redis_answers() -> bool:
    url = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/0"
    try:
        return bool(redis.Redis.from_url(url, socket_connect_timeout=1).ping())
    except redis.RedisError:
        return False


def database_url() -> str:
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


class Engine(WorkerProcesses):
    """Starts workers on one broker and queue of their own, sends them the sweep as beat would,
    and reads what they emailed from a folder."""

    def __init__(self, broker: str, folder: pathlib.Path):
        self.queue = f"engine-test-{uuid.uuid4().hex[:12]}"
        self.mail = folder / "mail"
        self.mail.mkdir()
        self.marker = folder / "marker"
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "partnership.settings",
            "DATABASE_URL": database_url(),
            "EMAIL_URL": f"filemail:///{self.mail}",  # django-environ drops one slash of an absolute path
            "CELERY_QUEUE": self.queue,
            "CELERY_TASK_ALWAYS_EAGER": "false",
            "ENGINE_MARKER": str(self.marker),
        }
        # Not the current app: shared tasks in this test process must stay bound to the project's.
        self.client = Celery("engine-test", set_as_current=False)
        if broker == "redis":
            url = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/0"
            self.env["CELERY_BROKER_URL"] = url
            self.client.conf.broker_url = url
        else:
            broker_folder = folder / "broker"
            for sub in ("processed", "control"):
                (broker_folder / sub).mkdir(parents=True)
            self.env.update(CELERY_BROKER_URL="filesystem://", CELERY_BROKER_FOLDER=str(broker_folder))
            self.client.conf.broker_url = "filesystem://"
            self.client.conf.broker_transport_options = {
                "data_folder_in": str(broker_folder),
                "data_folder_out": str(broker_folder),
                "processed_folder": str(broker_folder / "processed"),
                "control_folder": str(broker_folder / "control"),
                "store_processed": False,
            }
        self.workers: list[subprocess.Popen] = []

    def start_worker(self, *, fault: str = "", claim_timeout: int = 600, now: str = "") -> subprocess.Popen:
        env = {**self.env, "ENGINE_FAULT": fault, "NOTIFICATION_CLAIM_TIMEOUT": str(claim_timeout), "ENGINE_NOW": now}
        worker = subprocess.Popen(
            [sys.executable, "-m", "tests.governance.engine_worker"],
            cwd=settings.BASE_DIR,
            env=env,
            start_new_session=True,  # its own process group, killed whole
        )
        self.workers.append(worker)
        return worker

    def sweep(self) -> None:
        self.client.send_task("governance.tasks.sweep_deadlines", queue=self.queue)

    def wait_for(self, what: str, condition) -> None:
        for _ in range(WAIT_SECONDS * 10):
            if condition():
                return
            time.sleep(0.1)
        raise AssertionError(f"Waited {WAIT_SECONDS} s for {what}")

    def emails(self) -> list[tuple[str, str]]:
        """(recipient, subject) of every email the workers sent."""
        sent = []
        for path in sorted(self.mail.iterdir()):
            for part in path.read_text().split("-" * 79):
                if part.strip():
                    message = email.message_from_string(part.strip() + "\n")
                    sent.append((message["To"], " ".join(message["Subject"].split())))  # unfolded
        return sent


@pytest.fixture(params=["filesystem", "redis"])
def engine(request, tmp_path):
    if request.param == "redis" and not redis_answers():
        pytest.skip("Redis does not answer here; CI runs this against Redis")
    engine = Engine(request.param, tmp_path)
    yield engine
    engine.stop_all()


@pytest.fixture
def partnerships_with_late_agendas(db):
    """Each partnership's next meeting is three days away and its agenda has not gone out: the
    secretariat and the chair of each must be told it is late."""
    meeting_day = real_now().date() + datetime.timedelta(days=3)
    for n in range(PARTNERSHIPS):
        partnership = PartnershipFactory(name=f"Partnership {n}", slug=f"partnership-{n}")
        SecretariatFactory(partnership=partnership, user=UserFactory(username=f"secretariat{n}"))
        body = NominatingBodyFactory(partnership=partnership, name="County Council", seats=2)
        chair = MemberFactory(
            nominating_body=body, person=PersonFactory(name=f"Chair {n}", email=f"chair{n}@example.org")
        )
        OfficeFactory(member=chair, starts_on=real_now().date() - datetime.timedelta(days=30))
        MeetingFactory(partnership=partnership, date=meeting_day)


def expected_emails() -> list[tuple[str, str]]:
    return sorted(
        (recipient.email, notice.subject) for notice in find_notices(now=real_now()) for recipient in notice.recipients
    )


def all_sent(count: int):
    return lambda: Notification.objects.filter(status=NotificationStatus.SENT).count() == count


def test_a_worker_killed_mid_sweep_records_nothing_and_the_next_sweep_sends_everything_once(
    engine, partnerships_with_late_agendas
):
    expected = expected_emails()
    assert len(expected) >= 2 * PARTNERSHIPS

    doomed = engine.start_worker(fault="mid-sweep")
    engine.sweep()
    engine.wait_for("the sweep to record its notifications", engine.marker.exists)
    engine.kill(doomed)

    assert Notification.objects.count() == 0  # the sweep's transaction died with it
    assert engine.emails() == []

    engine.start_worker()
    engine.sweep()  # beat's next run
    engine.wait_for("every notification to be sent", all_sent(len(expected)))
    engine.sweep()  # and the one after: nothing new
    time.sleep(2)

    assert sorted(engine.emails()) == expected
    assert Notification.objects.count() == len(expected)


def test_a_worker_killed_mid_delivery_leaves_the_claimed_email_to_the_next_worker_and_sends_none_twice(
    engine, partnerships_with_late_agendas
):
    expected = expected_emails()

    doomed = engine.start_worker(fault="mid-delivery")
    engine.sweep()
    engine.wait_for("the second email to be half sent", engine.marker.exists)
    engine.kill(doomed)

    statuses = sorted(Notification.objects.values_list("status", flat=True))
    assert statuses.count(NotificationStatus.SENT) == 1
    assert statuses.count(NotificationStatus.SENDING) == 1  # claimed by the worker that died
    assert len(engine.emails()) == 1

    engine.start_worker(claim_timeout=1)  # a claim older than a second is abandoned
    time.sleep(1.5)
    engine.sweep()
    engine.wait_for("every notification to be sent", all_sent(len(expected)))

    assert sorted(engine.emails()) == expected
    assert Notification.objects.filter(attempts=2).count() == 1


def test_two_workers_sweeping_at_once_send_each_notification_once(engine, partnerships_with_late_agendas):
    expected = expected_emails()
    engine.start_worker()
    engine.start_worker()
    for _ in range(4):
        engine.sweep()

    engine.wait_for("every notification to be sent", all_sent(len(expected)))
    time.sleep(3)  # let any late sweep or delivery finish, so a second sending would show

    assert sorted(engine.emails()) == expected


def test_a_real_worker_sends_what_every_rule_calls_for_on_the_suites_day(engine, db):
    """Every row of the table at once: partnerships with something due under each rule, swept by
    a worker living on Wednesday 25 November 2026 as the suite does."""
    for n in range(2):
        a_busy_partnership(n, meetings=2, milestones=4)
    expected = sorted(
        (recipient.email, notice.subject)
        for notice in find_notices()
        for recipient in notice.recipients
        if recipient.email
    )
    kinds = {notice.kind for notice in find_notices()}
    assert len(kinds) >= 9

    engine.start_worker(now=timezone.now().isoformat())
    engine.sweep()
    engine.wait_for("every notification to be sent", all_sent(len(expected)))

    assert sorted(engine.emails()) == expected
