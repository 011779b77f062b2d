"""agenda-items/ and accept/: what each of the cast gets, confidential items, removal before
circulation only, and late items with their reason and the chair's acceptance (ToR 5.7)."""

import datetime

import pytest
from django.utils import timezone

from meetings import services
from meetings.models import AgendaItem, Meeting
from partnership.models import Member
from tests.factories import AgendaItemFactory
from tests.helpers import client_for

LIST = "/api/v1/agenda-items/"
TUESDAY = datetime.date(2027, 6, 15)


def detail(item, action=""):
    return f"{LIST}{item.pk}/{action + '/' if action else ''}"


def seat_of(user):
    return Member.objects.get(person__user=user)


@pytest.fixture
def item(meeting):
    return services.add_agenda_item(
        meeting=meeting, title="Strategic assessment", purpose="decision", presenter="Head of Community Safety"
    )


@pytest.fixture
def circulated(meeting, chair, secretariat):
    services.agree_agenda(meeting=meeting, by=chair)
    services.circulate_agenda(
        meeting=meeting, by=secretariat, now=timezone.make_aware(datetime.datetime(2027, 6, 1, 10))
    )
    return Meeting.objects.get(pk=meeting.pk)


@pytest.fixture
def late_item(circulated):
    return services.add_agenda_item(meeting=circulated, title="Funding bid", late_reason="The deadline is Friday.")


def new_item(meeting, **fields):
    return {"meeting": meeting.pk, "title": "Strategic assessment", "purpose": "decision", **fields}


def test_anonymous_visitor_is_asked_to_authenticate(meeting, item):
    client = client_for()
    assert client.get(LIST).status_code == 401
    assert client.get(detail(item)).status_code == 401
    assert client.post(LIST, new_item(meeting)).status_code == 401
    assert client.delete(detail(item)).status_code == 401
    assert client.post(detail(item, "accept")).status_code == 401
    assert meeting.agenda_items.count() == 5


def test_member_reads_the_agenda_in_order(meeting, item, member):
    response = client_for(member).get(LIST, {"meeting": meeting.pk})
    assert response.status_code == 200
    results = response.json()["results"]
    assert [row["position"] for row in results] == [1, 2, 3, 4, 5]
    assert results[0]["standing"] == "apologies"
    assert results[-1] == {
        "id": item.pk,
        "meeting": meeting.pk,
        "position": 5,
        "title": "Strategic assessment",
        "purpose": "decision",
        "description": "",
        "presenter": "Head of Community Safety",
        "leading_partners": "",
        "is_confidential": False,
        "confidential_reason": "",
        "is_late": False,
        "late_reason": "",
        "chair_accepted": False,
        "standing": "",
    }


def test_member_cannot_change_the_agenda(meeting, item, member):
    client = client_for(member)
    response = client.post(LIST, new_item(meeting), format="json")
    assert response.status_code == 403
    assert response.json() == {"detail": "Only the partnership's secretariat can change its meetings and agendas."}
    assert client.patch(detail(item), {"title": "Renamed"}, format="json").status_code == 403
    assert client.delete(detail(item)).status_code == 403
    assert meeting.agenda_items.count() == 5
    assert AgendaItem.objects.get(pk=item.pk).title == "Strategic assessment"


def test_outsider_neither_sees_nor_finds_the_agenda(meeting, item, outsider):
    client = client_for(outsider)
    assert client.get(LIST).json()["count"] == 0
    assert client.get(LIST, {"meeting": meeting.pk}).json()["count"] == 0
    assert client.get(detail(item)).status_code == 404
    assert client.patch(detail(item), {"title": "Taken over"}, format="json").status_code == 404
    assert client.delete(detail(item)).status_code == 404
    response = client.post(LIST, new_item(meeting), format="json")
    assert response.status_code == 400
    assert list(response.json()) == ["meeting"]
    assert meeting.agenda_items.count() == 5


def test_secretariat_adds_an_item_at_the_end(meeting, secretariat):
    response = client_for(secretariat).post(
        LIST, new_item(meeting, presenter="Chief Inspector", position=1, is_late=True), format="json"
    )
    assert response.status_code == 201
    body = response.json()
    assert (body["position"], body["is_late"], body["presenter"]) == (5, False, "Chief Inspector")


def test_a_change_withdraws_the_chairs_agreement(meeting, chair, secretariat):
    services.agree_agenda(meeting=meeting, by=chair)
    assert client_for(secretariat).post(LIST, new_item(meeting), format="json").status_code == 201
    assert Meeting.objects.get(pk=meeting.pk).agenda_agreed_at is None


def test_a_confidential_item_says_why(meeting, secretariat):
    client = client_for(secretariat)
    response = client.post(LIST, new_item(meeting, is_confidential=True), format="json")
    assert response.status_code == 400
    assert response.json() == {
        "confidential_reason": ["Say why the item is exempt from publication: a confidential item is taken in private."]
    }
    assert meeting.agenda_items.count() == 4
    response = client.post(LIST, new_item(meeting, is_confidential=True, confidential_reason="personal"), format="json")
    assert response.status_code == 201
    assert response.json()["confidential_reason"] == "personal"


def test_secretariat_changes_an_item_but_not_its_place(item, secretariat):
    response = client_for(secretariat).patch(
        detail(item), {"title": "Strategic assessment 2027", "position": 1, "meeting": 999}, format="json"
    )
    assert response.status_code == 200
    item = AgendaItem.objects.get(pk=item.pk)
    assert (item.title, item.position) == ("Strategic assessment 2027", 5)


def test_an_item_keeps_a_title(item, secretariat):
    response = client_for(secretariat).patch(detail(item), {"title": ""}, format="json")
    assert response.status_code == 400
    assert list(response.json()) == ["title"]


def test_secretariat_removes_an_item_and_the_rest_close_up(meeting, secretariat):
    first = meeting.agenda_items.get(position=1)
    response = client_for(secretariat).delete(detail(first))
    assert response.status_code == 204
    assert list(meeting.agenda_items.order_by("position").values_list("position", flat=True)) == [1, 2, 3]


def test_items_of_a_circulated_agenda_stay_on_it(circulated, secretariat):
    first = circulated.agenda_items.get(position=1)
    response = client_for(secretariat).delete(detail(first))
    assert response.status_code == 400
    assert response.json() == {
        "detail": "The agenda has gone out, so its items stay on it: "
        "the meeting can withdraw an item and the minutes say so."
    }
    assert AgendaItem.objects.filter(pk=first.pk).exists()


def test_a_held_meetings_agenda_is_part_of_the_record(meeting, item, secretariat):
    Meeting.objects.filter(pk=meeting.pk).update(status="held")
    response = client_for(secretariat).patch(detail(item), {"title": "Rewritten"}, format="json")
    assert response.status_code == 400
    assert response.json() == {
        "detail": "The meeting has been held, so its agenda is part of the record and stays as it was."
    }
    assert AgendaItem.objects.get(pk=item.pk).title == "Strategic assessment"


# Late items.


def test_an_item_added_after_circulation_needs_a_reason(circulated, secretariat):
    response = client_for(secretariat).post(LIST, new_item(circulated, title="Funding bid"), format="json")
    assert response.status_code == 400
    assert response.json() == {
        "late_reason": [
            "The agenda has gone out, so this is a late item: say why it cannot wait for the next meeting (ToR 5.7)."
        ]
    }
    assert circulated.agenda_items.count() == 4


def test_an_item_added_after_circulation_is_late(circulated, secretariat):
    response = client_for(secretariat).post(
        LIST, new_item(circulated, title="Funding bid", late_reason="The deadline is Friday."), format="json"
    )
    assert response.status_code == 201
    body = response.json()
    assert (body["is_late"], body["late_reason"], body["chair_accepted"]) == (True, "The deadline is Friday.", False)


def test_a_late_item_keeps_its_reason(late_item, secretariat):
    response = client_for(secretariat).patch(detail(late_item), {"late_reason": " "}, format="json")
    assert response.status_code == 400
    assert response.json() == {"late_reason": ["A late item keeps its reason (ToR 5.7)."]}


def test_the_chair_accepts_a_late_item(late_item, chair):
    response = client_for(chair).post(detail(late_item, "accept"))
    assert response.status_code == 200
    assert response.json()["chair_accepted"] is True
    late_item.refresh_from_db()
    assert late_item.chair_accepted_by == chair
    response = client_for(chair).post(detail(late_item, "accept"))
    assert response.status_code == 400
    assert response.json() == {"detail": "The chair has already accepted this item."}


def test_the_presiding_member_accepts_a_late_item(late_item, member):
    Meeting.objects.filter(pk=late_item.meeting_id).update(presiding_member=seat_of(member))
    assert client_for(member).post(detail(late_item, "accept")).status_code == 200
    assert AgendaItem.objects.get(pk=late_item.pk).chair_accepted


@pytest.mark.parametrize("who", ["secretariat", "member"])
def test_only_the_chair_accepts_a_late_item(request, late_item, chair, who):
    response = client_for(request.getfixturevalue(who)).post(detail(late_item, "accept"))
    assert response.status_code == 403
    assert response.json() == {
        "detail": "Only the chair, or whoever presides at this meeting in the chair's absence, can do this (ToR 5.4)."
    }
    assert not AgendaItem.objects.get(pk=late_item.pk).chair_accepted


def test_outsider_cannot_accept_a_late_item(late_item, outsider):
    assert client_for(outsider).post(detail(late_item, "accept")).status_code == 404
    assert not AgendaItem.objects.get(pk=late_item.pk).chair_accepted


def test_an_item_on_time_needs_no_acceptance(circulated, chair):
    first = circulated.agenda_items.get(position=1)
    response = client_for(chair).post(detail(first, "accept"))
    assert response.status_code == 400
    assert response.json() == {"detail": "Only a late item needs the chair's acceptance."}


# Lists.


def test_filter_values_are_checked(secretariat):
    response = client_for(secretariat).get(LIST, {"meeting": "next"})
    assert response.status_code == 400
    assert list(response.json()) == ["meeting"]


def test_list_runs_a_fixed_number_of_queries(meeting, member, django_assert_max_num_queries):
    AgendaItemFactory.create_batch(40, meeting=meeting)
    client = client_for(member)
    with django_assert_max_num_queries(6):
        response = client.get(LIST, {"meeting": meeting.pk})
    assert response.json()["count"] == 44
