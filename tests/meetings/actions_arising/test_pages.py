"""The pages of actions arising: each decision lists its actions on the record's decisions
page and in the decision log; the secretariat adds, links and unlinks them, a member reads
them, and someone outside the partnership learns nothing."""

import datetime

import pytest
from django.urls import reverse

from actionplans.models import Action
from meetings import services
from tests.helpers import signed_in
from tests.meetings.actions_arising.support import (
    PROTOCOL,
    action_on,
    arising_url,
    decide,
    plan_of,
)
from tests.meetings.test_views_record_support import record_url


@pytest.fixture
def linked(decision, plan, secretariat):
    action = action_on(plan, reference="(c)", title="Draft the protocol", owner="CSP Manager", milestones=("on_track",))
    services.link_action(decision=decision, action=action, by=secretariat)
    return action


def log_url(partnership) -> str:
    return reverse("decisions:log", kwargs={"slug": partnership.slug})


def new_action(plan, **more) -> dict:
    return {"plan": plan.pk, "title": "Draft the protocol", "owner": "", **more}


# Reading.


@pytest.mark.parametrize("who", ["secretariat", "member"])
def test_the_decision_lists_its_actions_on_the_record_and_in_the_log(client, request, after_the_meeting, linked, who):
    signed_in(client, request.getfixturevalue(who))
    for url in (record_url(after_the_meeting, "decisions"), log_url(after_the_meeting.partnership)):
        page = client.get(url).text
        assert "(c) Draft the protocol" in page
        assert f"/plans/{linked.plan_id}/#action-{linked.pk}" in page
        assert "CSP Manager" in page
        assert "Open: on track" in page


def test_a_member_sees_no_forms_or_buttons(client, member, after_the_meeting, decision, linked):
    signed_in(client, member)
    for url in (record_url(after_the_meeting, "decisions"), log_url(after_the_meeting.partnership)):
        page = client.get(url).text
        assert "Add an action arising" not in page
        assert "Link an existing action" not in page
        assert "Unlink" not in page


def test_the_secretariat_is_offered_to_add_link_and_unlink(client, secretariat, after_the_meeting, decision, linked):
    signed_in(client, secretariat)
    page = client.get(record_url(after_the_meeting, "decisions")).text
    assert arising_url("add", decision) in page
    assert arising_url("link", decision) in page
    assert arising_url("unlink", decision, action_pk=linked.pk) in page


def test_a_done_action_says_so(client, member, after_the_meeting, decision, plan, secretariat):
    services.link_action(decision=decision, action=action_on(plan, milestones=("done",)), by=secretariat)
    signed_in(client, member)
    assert ">Done</strong>" in client.get(record_url(after_the_meeting, "decisions")).text


def test_a_lost_decision_offers_no_action(client, secretariat, after_the_meeting, board):
    lost = decide(after_the_meeting, method="vote", votes_for=1, votes_against=4)
    signed_in(client, secretariat)
    page = client.get(record_url(after_the_meeting, "decisions")).text
    assert "None: the decision was lost." in page
    assert arising_url("add", lost) not in page


# The form pages.


def test_the_add_form_offers_the_partnerships_plans_and_members_and_starts_from_the_decision(
    client, secretariat, decision, plan, board, other_partnership
):
    plan_of(other_partnership, "Rugby plan")
    signed_in(client, secretariat)
    page = client.get(arising_url("add", decision)).text
    assert plan.title in page
    assert "Rugby plan" not in page
    assert "Fay Fireman, Fire Authority" in page
    assert PROTOCOL in page  # the action's words start as the decision's


def test_the_secretariat_adds_an_action_arising(client, secretariat, after_the_meeting, decision, plan, board):
    signed_in(client, secretariat)
    back = record_url(after_the_meeting, "decisions")
    response = client.post(
        f"{arising_url('add', decision)}?next={back}",
        new_action(plan, owner_member=board[2].pk, due_0="30", due_1="9", due_2="2027"),
    )
    assert response.status_code == 302
    assert response.url == back
    action = decision.actions.get()
    assert (action.title, action.owner, action.due) == ("Draft the protocol", "Hari Health", datetime.date(2027, 9, 30))
    page = client.get(back).text
    assert "Action added to the plan, arising from decision 1." in page
    assert "Draft the protocol" in page


def test_a_refused_action_is_explained_and_nothing_saved(client, secretariat, decision, plan, board):
    former = board[0]
    former.active = False
    former.save()
    signed_in(client, secretariat)
    response = client.post(arising_url("add", decision), new_action(plan, owner_member=former.pk))
    assert response.status_code == 400
    assert "Choose one of the partnership&#x27;s current members" in response.text
    response = client.post(arising_url("add", decision), new_action(plan, title=""))
    assert response.status_code == 400
    assert "Say what the action is" in response.text
    assert not Action.objects.exists()


def test_a_plan_of_another_partnership_cannot_be_chosen(client, secretariat, decision, other_partnership):
    signed_in(client, secretariat)
    response = client.post(arising_url("add", decision), new_action(plan_of(other_partnership)))
    assert response.status_code == 400
    assert "Choose one of the partnership&#x27;s plans" in response.text
    assert not Action.objects.exists()


def test_the_secretariat_links_an_existing_action_once(client, secretariat, after_the_meeting, decision, plan):
    action = action_on(plan, title="Review the information-sharing agreement")
    signed_in(client, secretariat)
    assert "Review the information-sharing agreement" in client.get(arising_url("link", decision)).text
    response = client.post(arising_url("link", decision), {"action": action.pk})
    assert response.status_code == 302
    assert response.url == f"{record_url(after_the_meeting, 'decisions')}#decision-{decision.number}"
    response = client.post(arising_url("link", decision), {"action": action.pk})
    assert response.status_code == 400
    assert "That action is already listed as arising from decision 1." in response.text
    assert list(decision.actions.all()) == [action]


def test_the_secretariat_unlinks_an_action(client, secretariat, after_the_meeting, decision, linked):
    signed_in(client, secretariat)
    response = client.post(arising_url("unlink", decision, action_pk=linked.pk))
    assert response.status_code == 302
    assert not decision.actions.exists()
    assert Action.objects.filter(pk=linked.pk).exists()
    # Again: it is no longer linked, and the page says so.
    response = client.post(arising_url("unlink", decision, action_pk=linked.pk))
    assert response.status_code == 400
    assert "That action is not listed as arising from decision 1." in response.text


def test_unlinking_from_the_log_goes_back_to_the_log(client, secretariat, warwickshire, decision, linked):
    signed_in(client, secretariat)
    back = f"{log_url(warwickshire)}?q=protocol"
    response = client.post(arising_url("unlink", decision, action_pk=linked.pk), {"next": back})
    assert response.url == back


# Who may.


@pytest.mark.parametrize(("who", "status"), [("member", 403), ("chair", 403), ("outsider", 404)])
def test_only_the_secretariat_keeps_actions_arising(client, request, decision, plan, linked, who, status):
    signed_in(client, request.getfixturevalue(who))
    for url in (arising_url("add", decision), arising_url("link", decision)):
        assert client.get(url).status_code == status
    assert client.post(arising_url("add", decision), new_action(plan)).status_code == status
    assert client.post(arising_url("link", decision), {"action": action_on(plan).pk}).status_code == status
    assert client.post(arising_url("unlink", decision, action_pk=linked.pk)).status_code == status
    assert list(decision.actions.all()) == [linked]
    assert not Action.objects.filter(title="Draft the protocol", arising_from_decisions__isnull=True).exists()


def test_a_decision_of_another_partnership_is_not_found(client, outsider, other_partnership, decision):
    """The outsider keeps Rugby's plans, but Warwickshire's decision is not theirs."""
    signed_in(client, outsider)
    url = reverse("actions_arising:add", kwargs={"slug": other_partnership.slug, "decision_pk": decision.pk})
    assert client.get(url).status_code == 404


def test_anonymous_visitor_is_sent_to_sign_in(client, decision):
    response = client.get(arising_url("add", decision))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


# A fixed number of queries.


@pytest.mark.parametrize("count", [3, 30])
def test_the_record_and_the_log_run_a_fixed_number_of_queries(
    client, secretariat, after_the_meeting, board, plan, count, django_assert_max_num_queries
):
    for n in range(count):
        decision = decide(after_the_meeting, text=f"Decision {n}")
        for m in range(2):
            services.link_action(
                decision=decision,
                action=action_on(plan, title=f"Action {n}.{m}", milestones=("on_track", "done")),
                by=secretariat,
            )
    signed_in(client, secretariat)
    # The record's decisions page as before (9) and the actions with their milestones (2).
    with django_assert_max_num_queries(11):
        response = client.get(record_url(after_the_meeting, "decisions"))
    assert response.text.count("Open: on track") == 2 * count
    # The log: session, user, partnership, roles, years, count, rows, actions, milestones.
    with django_assert_max_num_queries(11):
        response = client.get(log_url(after_the_meeting.partnership))
    assert response.text.count("Open: on track") == 2 * min(count, 25)


def test_correcting_a_decision_with_actions_to_lost_is_refused_on_the_record_page(
    client, secretariat, after_the_meeting, decision, linked
):
    signed_in(client, secretariat)
    url = record_url(after_the_meeting, "decision-correct", decision_pk=decision.pk)
    response = client.post(url, {"text": "Not agreed.", "method": "vote", "votes_for": 2, "votes_against": 3})
    assert response.status_code == 400
    assert "Decision 1 has actions arising: unlink them before recording it as lost." in response.text
    decision.refresh_from_db()
    assert (decision.text, decision.outcome) == (PROTOCOL, "agreed")
    assert list(decision.actions.all()) == [linked]
