"""The demo's action plans: imported and typed in as a secretariat would, owned in part by the
demo logins, with half a year of progress whose history the quarterly report can replay."""

import datetime
from collections import Counter

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from actionplans.importing import preview_import
from actionplans.models import Action, ActionPlan, Milestone, MilestoneStatus, ProgressUpdate, Section
from actionplans.selectors import actions_owned_by
from governance.demo import arising, plans
from governance.demo.record import at
from meetings.models import Decision, Meeting
from meetings.selectors_actions_arising import matters_arising
from partnership.models import User

TWO_QUARTERS = datetime.timedelta(days=183)


@pytest.fixture
def demo(db, settings):
    settings.DEBUG = True
    call_command("load_demo")


def plan(title_start: str) -> ActionPlan:
    return ActionPlan.objects.get(partnership__slug="warwickshire-scp", title__startswith=title_start)


def test_the_partnership_plan_is_the_file_beside_the_demo_imported_whole(demo):
    today = timezone.localdate()
    preview = preview_import(plans.plan_file(today), today=today)
    assert not preview.refused
    assert not preview.flagged  # every "When" reads as a month or "Ongoing"
    partnership_plan = plan("Partnership plan")
    assert partnership_plan.title == "Partnership plan 2026-27"
    assert (partnership_plan.starts_on, partnership_plan.ends_on) == (
        datetime.date(2026, 4, 1),
        datetime.date(2027, 3, 31),
    )
    assert list(partnership_plan.sections.values_list("title", flat=True)) == [s.title for s in preview.sections]
    assert partnership_plan.sections.first().title == "Lead and Guide"
    # After the file's actions, the one that arose from the first meeting's decision.
    *imported, arose = partnership_plan.actions.order_by("position")
    assert [a.title for a in imported] == [a.title for a in preview.actions]
    assert arose.title == arising.DISTRICT_FIGURES
    actions = [*imported, arose]
    assert all(a.due or a.is_ongoing for a in actions)


def test_the_file_counts_its_months_from_the_day_it_is_loaded():
    text = plans.plan_file(datetime.date(2026, 11, 25)).decode()
    assert "{month" not in text
    assert "in August 2026" in text  # three months before November's
    assert "Ch Supt Mark Dunn,October 2026," in text


def test_the_ethical_framework_plan_keeps_seed_004s_sections_and_columns(demo):
    ethical = plan("Ethical framework")
    assert [str(s) for s in ethical.sections.all()] == [
        "B. Relationships",
        "C. Communication",
        "C.1. Induction",
        "C.2. Training",
        "D. Accountability",
        "E. Guidance",
    ]
    awareness = ethical.actions.get(section__code="B")
    assert awareness.reference == "(a)"
    assert awareness.resources == "IT resource for intranet availability"
    assert all([awareness.outcomes, awareness.evaluation, awareness.wp_reference])
    assert ethical.actions.get(section__code="E").is_ongoing


def test_every_action_with_a_milestone_in_its_words_has_it_dated_as_the_words_say(demo):
    imported = plan("Partnership plan").actions.exclude(title=arising.DISTRICT_FIGURES)
    for action in imported.prefetch_related("milestones"):
        milestones = list(action.milestones.all())
        if not action.milestone_text:
            assert not milestones
            continue
        as_written = next(m for m in milestones if m.title == action.milestone_text)
        assert as_written.title.endswith(f"in {as_written.due:%B %Y}")


def test_milestones_stand_at_every_status_with_some_overdue(demo):
    today = timezone.localdate()
    statuses = Counter(
        m.status_on(today) for m in Milestone.objects.filter(action__plan__partnership__slug="warwickshire-scp")
    )
    assert set(statuses) == set(MilestoneStatus.values)
    assert statuses[MilestoneStatus.OVERDUE] >= 2
    for milestone in Milestone.objects.filter(status=MilestoneStatus.DONE):
        assert milestone.completed_on < today


def test_progress_is_reported_over_the_last_two_quarters_with_evidence(demo):
    today = timezone.localdate()
    updates = list(ProgressUpdate.objects.select_related("milestone"))
    assert len(updates) >= 20
    assert all(today - TWO_QUARTERS <= u.reported_on < today for u in updates)
    assert {u.reported_on < today - datetime.timedelta(days=91) for u in updates} == {True, False}
    assert all(u.evidence for u in updates)
    assert any(not u.status for u in updates)  # a note that moves no status


def test_a_milestones_status_is_the_last_one_reported(demo):
    for milestone in Milestone.objects.filter(progress__isnull=False).distinct():
        reported = [u.status for u in milestone.progress.order_by("reported_on", "pk") if u.status]
        assert reported[-1] == milestone.status


@pytest.mark.parametrize(("username", "name"), [("member", "Ch Supt Mark Dunn"), ("chair", "Cllr Helen Marsh")])
def test_the_demo_logins_have_actions_of_their_own_to_report_on(demo, username, name):
    user = User.objects.get(username=username)
    owned = list(actions_owned_by(user))
    assert len(owned) >= 3
    assert {a.owner for a in owned} == {name}
    assert {a.plan.title for a in owned} == {"Partnership plan 2026-27", "Ethical framework improvement plan"}
    assert ProgressUpdate.objects.filter(action__in=owned, reported_by=user).exists()


def test_actions_owned_by_bodies_stay_as_written(demo):
    police = Action.objects.get(plan__title__startswith="Partnership plan", owner="Warwickshire Police")
    assert police.owner_member is None


def test_history_is_dated_when_each_change_was_made(demo):
    today = timezone.localdate()
    made = today - datetime.timedelta(days=plans.PARTNERSHIP_PLAN_MADE)
    for model in (ActionPlan, Section, Action, Milestone):
        dates = {row.history_date.date() for row in model.history.all()}
        assert dates, model
        assert all(made <= day < today for day in dates), model
    for row in ProgressUpdate.history.all():
        assert row.history_date == at(row.reported_on)
    assert plan("Partnership plan").created_at.date() == made


def test_history_replays_statuses_moving_over_the_two_quarters(demo):
    today = timezone.localdate()

    def statuses_on(days_ago: int) -> Counter:
        day = today - datetime.timedelta(days=days_ago)
        return Counter(m.status for m in Milestone.history.as_of(at(day, 23)))

    assert set(statuses_on(180)) == {MilestoneStatus.NOT_STARTED}
    mid_year = statuses_on(90)
    assert all(mid_year[status] for status in (MilestoneStatus.ON_TRACK, MilestoneStatus.AT_RISK, MilestoneStatus.DONE))
    assert statuses_on(0)[MilestoneStatus.DONE] > mid_year[MilestoneStatus.DONE]
    representatives = Milestone.objects.get(title__startswith="Named representatives confirmed")
    story = [row.status for row in representatives.history.order_by("history_date", "history_id")]
    assert story == ["not_started", "on_track", "at_risk", "done"]


def test_an_action_arising_from_the_first_meetings_decision_waits_under_matters_arising(demo):
    first, *later = Meeting.objects.filter(partnership__slug="warwickshire-scp").order_by("date")
    decision = Decision.objects.get(agenda_item__meeting=first, number=1)
    (action,) = decision.actions.all()
    assert action.title == arising.DISTRICT_FIGURES
    assert action.owner_member.person.name == "Ch Supt Mark Dunn"
    assert matters_arising(first) == []
    for meeting in later:
        assert [m.standing.action for m in matters_arising(meeting)] == [action]


def test_loading_twice_keeps_one_copy_of_each_plan(demo):
    counts = (ActionPlan.objects.count(), Action.objects.count(), Milestone.objects.count())
    call_command("load_demo")
    assert (ActionPlan.objects.count(), Action.objects.count(), Milestone.objects.count()) == counts


def test_loaded_on_another_day_the_plans_look_as_alive(db, settings):
    settings.DEBUG = True
    with time_machine.travel(datetime.datetime(2027, 6, 3, 9, 0, tzinfo=datetime.UTC), tick=False):
        call_command("load_demo")
        today = timezone.localdate()
        assert plan("Partnership plan").title == "Partnership plan 2027-28"
        statuses = Counter(m.status_on(today) for m in Milestone.objects.all())
        assert set(statuses) == set(MilestoneStatus.values)
        assert statuses[MilestoneStatus.OVERDUE] >= 2
        assert all(today - TWO_QUARTERS <= u.reported_on < today for u in ProgressUpdate.objects.all())
