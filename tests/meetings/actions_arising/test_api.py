"""decisions/{id}/actions/: the secretariat links an action on one of the partnership's plans
to a decision (POST) and unlinks it (DELETE); a decision lists its actions' ids; members read,
never change; another partnership's decisions and actions are not found."""

import pytest

from meetings import services
from tests.helpers import client_for
from tests.meetings.actions_arising.support import action_on, decide, plan_of

LIST = "/api/v1/decisions/"


def actions_url(decision) -> str:
    return f"{LIST}{decision.pk}/actions/"


def test_the_secretariat_links_and_unlinks_an_action(secretariat, decision, plan):
    action = action_on(plan)
    client = client_for(secretariat)
    response = client.post(actions_url(decision), {"action": action.pk}, format="json")
    assert response.status_code == 201
    assert response.json()["actions"] == [action.pk]
    assert client.get(f"{LIST}{decision.pk}/").json()["actions"] == [action.pk]
    response = client.delete(f"{actions_url(decision)}{action.pk}/")
    assert response.status_code == 200
    assert response.json()["actions"] == []
    assert not decision.actions.exists()


def test_linking_twice_is_refused_with_the_reason(secretariat, decision, plan):
    action = action_on(plan)
    services.link_action(decision=decision, action=action, by=secretariat)
    response = client_for(secretariat).post(actions_url(decision), {"action": action.pk}, format="json")
    assert response.status_code == 400
    assert response.json() == {"action": ["That action is already listed as arising from decision 1."]}
    assert decision.actions.count() == 1


def test_a_lost_decision_is_refused(secretariat, after_the_meeting, board, plan):
    lost = decide(after_the_meeting, method="vote", votes_for=1, votes_against=4)
    response = client_for(secretariat).post(actions_url(lost), {"action": action_on(plan).pk}, format="json")
    assert response.status_code == 400
    assert response.json() == {"detail": f"Decision {lost.number} was lost, so no action arises from it."}
    assert not lost.actions.exists()


def test_an_action_of_another_partnership_is_not_found(secretariat, decision, other_partnership):
    elsewhere = action_on(plan_of(other_partnership))
    response = client_for(secretariat).post(actions_url(decision), {"action": elsewhere.pk}, format="json")
    assert response.status_code == 400
    assert "action" in response.json()
    assert not decision.actions.exists()


def test_unlinking_an_action_not_linked_is_refused(secretariat, decision, plan):
    response = client_for(secretariat).delete(f"{actions_url(decision)}{action_on(plan).pk}/")
    assert response.status_code == 400
    assert response.json() == {"action": ["That action is not listed as arising from decision 1."]}


@pytest.mark.parametrize(("who", "status"), [("member", 403), ("chair", 403), ("outsider", 404)])
def test_only_the_secretariat_links_and_unlinks(request, secretariat, decision, plan, who, status):
    linked = action_on(plan)
    services.link_action(decision=decision, action=linked, by=secretariat)
    client = client_for(request.getfixturevalue(who))
    assert client.post(actions_url(decision), {"action": action_on(plan).pk}, format="json").status_code == status
    response = client.delete(f"{actions_url(decision)}{linked.pk}/")
    assert response.status_code == status
    if status == 403:
        assert response.json() == {
            "detail": "Only the partnership's secretariat can create and change its action plans."
        }
    assert list(decision.actions.all()) == [linked]


def test_without_credentials_the_answer_is_401(decision, plan):
    assert client_for().post(actions_url(decision), {"action": action_on(plan).pk}, format="json").status_code == 401


def test_correcting_a_decision_with_actions_to_lost_is_refused(secretariat, decision, plan):
    services.link_action(decision=decision, action=action_on(plan), by=secretariat)
    response = client_for(secretariat).patch(
        f"{LIST}{decision.pk}/", {"method": "vote", "votes_for": 2, "votes_against": 3}, format="json"
    )
    assert response.status_code == 400
    assert response.json() == {"outcome": ["Decision 1 has actions arising: unlink them before recording it as lost."]}
    decision.refresh_from_db()
    assert decision.outcome == "agreed"
