"""Publishing a plan's summary on the public site, and withdrawing it: only the partnership's
secretariat, never twice, its history kept, and the apps above told once it is saved."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from actionplans.models import ActionPlan
from actionplans.services import publish_plan, withdraw_plan
from actionplans.signals import plan_published, plan_withdrawn
from partnership.errors import RuleBroken
from tests.actionplans.factories import ActionPlanFactory

NOW = datetime.datetime(2026, 11, 25, 10, 0, tzinfo=ZoneInfo("Europe/London"))


@pytest.fixture
def plan(warwickshire):
    return ActionPlanFactory(partnership=warwickshire, title="Partnership plan 2026-27")


@pytest.fixture
def heard():
    """What the plan signals said, in order."""
    said = []

    def listen(signal_name):
        def receiver(sender, **kwargs):
            said.append((signal_name, kwargs["plan_id"], kwargs["partnership_id"]))

        return receiver

    receivers = {plan_published: listen("published"), plan_withdrawn: listen("withdrawn")}
    for signal, receiver in receivers.items():
        signal.connect(receiver)
    yield said
    for signal, receiver in receivers.items():
        signal.disconnect(receiver)


def test_the_secretariat_publishes_a_plan(plan, secretariat, heard, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        publish_plan(plan=plan, by=secretariat, now=NOW)
    plan.refresh_from_db()
    assert plan.is_published
    assert plan.published_at == NOW
    assert heard == [("published", plan.pk, plan.partnership_id)]


def test_publishing_keeps_history_naming_who_did_it(plan, secretariat):
    publish_plan(plan=plan, by=secretariat, now=NOW)
    latest = plan.history.latest()
    assert latest.is_published
    assert latest.published_at == NOW
    assert latest.history_user == secretariat


def test_the_signal_waits_for_the_change_to_be_saved(plan, secretariat, heard, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        publish_plan(plan=plan, by=secretariat, now=NOW)
    assert heard == []
    assert len(callbacks) == 1


def test_a_published_plan_cannot_be_published_again(plan, secretariat, heard, django_capture_on_commit_callbacks):
    publish_plan(plan=plan, by=secretariat, now=NOW)
    history = plan.history.count()
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuleBroken) as refused:
        publish_plan(plan=plan, by=secretariat, now=NOW + datetime.timedelta(days=1))
    assert refused.value.message == (
        "The summary of “Partnership plan 2026-27” is already published: "
        "it went on the public site on 25 November 2026."
    )
    plan.refresh_from_db()
    assert plan.published_at == NOW
    assert plan.history.count() == history
    assert heard == []


@pytest.mark.parametrize("who", ["member", "chair", "outsider"])
def test_only_the_partnerships_secretariat_publishes(request, plan, who, heard, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuleBroken) as refused:
        publish_plan(plan=plan, by=request.getfixturevalue(who), now=NOW)
    assert refused.value.message == (
        "Only the partnership's secretariat can publish its plans' summaries, or withdraw them."
    )
    plan.refresh_from_db()
    assert not plan.is_published
    assert plan.published_at is None
    assert heard == []


def test_staff_may_publish(plan, staff):
    publish_plan(plan=plan, by=staff, now=NOW)
    assert ActionPlan.objects.get(pk=plan.pk).is_published


def test_the_secretariat_withdraws_a_published_plan(plan, secretariat, heard, django_capture_on_commit_callbacks):
    publish_plan(plan=plan, by=secretariat, now=NOW)
    with django_capture_on_commit_callbacks(execute=True):
        withdraw_plan(plan=plan, by=secretariat)
    plan.refresh_from_db()
    assert not plan.is_published
    assert plan.published_at is None
    assert heard == [("withdrawn", plan.pk, plan.partnership_id)]
    assert [h.is_published for h in plan.history.order_by("history_id")] == [False, True, False]


def test_a_plan_not_published_cannot_be_withdrawn(plan, secretariat):
    with pytest.raises(RuleBroken) as refused:
        withdraw_plan(plan=plan, by=secretariat)
    assert refused.value.message == (
        "The summary of “Partnership plan 2026-27” is not published, so there is nothing to withdraw."
    )
    assert plan.history.count() == 1


@pytest.mark.parametrize("who", ["member", "outsider"])
def test_only_the_partnerships_secretariat_withdraws(request, plan, secretariat, who):
    publish_plan(plan=plan, by=secretariat, now=NOW)
    with pytest.raises(RuleBroken):
        withdraw_plan(plan=plan, by=request.getfixturevalue(who))
    plan.refresh_from_db()
    assert plan.is_published
