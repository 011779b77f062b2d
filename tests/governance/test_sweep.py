"""The whole sweep: every rule together reads a fixed number of queries whatever the number of
partnerships, meetings and milestones; a second sweep records nothing; run by Celery (eagerly
here; by a real worker in test_engine_real_worker.py) it sends what it recorded."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from governance.deadlines.sweep import find_notices, run_sweep
from governance.tasks import sweep_deadlines
from meetings.models import Minutes
from partnership.models import Notification, NotificationStatus, WithdrawalNotice
from tests.actionplans.factories import ActionFactory, ActionPlanFactory, MilestoneFactory, SectionFactory
from tests.factories import (
    ConductDocumentFactory,
    MeetingFactory,
    MemberFactory,
    NominatingBodyFactory,
    OfficeFactory,
    PartnershipFactory,
    PersonFactory,
    SecretariatFactory,
    TermsOfReferenceFactory,
    UserFactory,
)

# Wednesday 25 November 2026, the suite's day.
TODAY = datetime.date(2026, 11, 25)


def days(n: int) -> datetime.timedelta:
    return datetime.timedelta(days=n)


def a_busy_partnership(n: int, *, meetings: int, milestones: int) -> None:
    """A partnership with something due under every rule: agendas late, minutes awaiting the
    chair, milestones due and overdue, a chair's term ending, the terms' review, a withdrawal
    and a code nobody has acknowledged."""
    partnership = PartnershipFactory(name=f"Partnership {n}", slug=f"partnership-{n}")
    SecretariatFactory(partnership=partnership, user=UserFactory(username=f"secretariat-{n}"))
    council = NominatingBodyFactory(partnership=partnership, name="County Council", seats=1)
    police = NominatingBodyFactory(partnership=partnership, name="Police", seats=1)
    chair = MemberFactory(nominating_body=council, person=PersonFactory(email=f"chair-{n}@example.org"))
    owner = MemberFactory(nominating_body=police, person=PersonFactory(email=f"owner-{n}@example.org"))
    OfficeFactory(member=chair, starts_on=TODAY - days(700), ends_on=TODAY + days(30))
    TermsOfReferenceFactory(partnership=partnership, adopted_on=TODAY - days(340), next_review_on=TODAY + days(20))
    WithdrawalNotice.objects.create(nominating_body=police, given_on=TODAY - days(300), effective_on=TODAY + days(40))
    ConductDocumentFactory(partnership=partnership, in_force_from=TODAY - days(10))
    for m in range(meetings):
        MeetingFactory(partnership=partnership, date=TODAY + days(2 + m))  # agendas late
        held = MeetingFactory(partnership=partnership, date=TODAY - days(10 + m))
        Minutes.objects.create(meeting=held)  # draft: awaiting the chair
    plan = ActionPlanFactory(partnership=partnership)
    action = ActionFactory(plan=plan, section=SectionFactory(plan=plan), owner_member=owner)
    for m in range(milestones):
        MilestoneFactory(action=action, title=f"Milestone {m}", due=TODAY + days(m % 3) - days(2 * (m % 2)))


def reads_of_a_sweep() -> tuple[int, int]:
    with CaptureQueriesContext(connection) as queries:
        notices = find_notices()
    return len(queries.captured_queries), len(notices)


def test_the_sweep_reads_a_fixed_number_of_queries_whatever_the_volume(db):
    for n in range(2):
        a_busy_partnership(n, meetings=2, milestones=4)
    reads_at_two, notices_at_two = reads_of_a_sweep()
    for n in range(2, 8):
        a_busy_partnership(n, meetings=6, milestones=12)
    reads_at_eight, notices_at_eight = reads_of_a_sweep()

    assert notices_at_two >= 20, notices_at_two  # something under every rule
    assert notices_at_eight > 4 * notices_at_two
    assert reads_at_eight == reads_at_two <= 20, (reads_at_two, reads_at_eight)


def test_every_rule_has_something_to_say_to_a_busy_partnership(db):
    a_busy_partnership(0, meetings=1, milestones=2)

    kinds = {notice.kind for notice in find_notices()}

    assert {
        "agenda_late",
        "minutes_awaiting_approval",
        "milestone_overdue",
        "office_term_ending",
        "terms_review_due",
        "skills_review_due",
        "withdrawal_taking_effect",
        "code_not_acknowledged",
        "codes_outstanding",
    } <= kinds


def test_a_second_sweep_records_nothing(db):
    a_busy_partnership(0, meetings=2, milestones=4)

    first = run_sweep()
    second = run_sweep()

    assert len(first) >= 10
    assert second == []
    assert Notification.objects.count() == len(first)


def test_the_celery_task_sweeps_and_sends_once_the_transaction_commits(
    db, settings, mailoutbox, django_capture_on_commit_callbacks
):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    a_busy_partnership(0, meetings=1, milestones=2)

    with django_capture_on_commit_callbacks(execute=True):
        recorded = sweep_deadlines.delay().get()

    assert recorded == Notification.objects.count() > 0
    assert len(mailoutbox) == recorded
    assert set(Notification.objects.values_list("status", flat=True)) == {NotificationStatus.SENT}
    assert timezone.localdate() == TODAY
