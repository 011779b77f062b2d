"""The items of an agenda: added and changed by the secretariat, removed only before the agenda
goes out, moved up and down, and late items accepted by the chair (ToR 5.7)."""

import datetime
import re
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from meetings import services
from meetings.models import AgendaItem, Meeting, MeetingStatus
from tests.helpers import signed_in

LONDON = ZoneInfo("Europe/London")
TUESDAY = datetime.date(2027, 6, 15)
ITEM = {
    "title": "Strategic assessment",
    "purpose": "decision",
    "description": "The annual assessment of crime and disorder.",
    "presenter": "Head of Community Safety",
    "leading_partners": "Police and County Council",
}


def at(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=LONDON)


@pytest.fixture(autouse=True)
def today(time_machine):
    time_machine.move_to(at(datetime.date(2027, 5, 20)), tick=False)
    return datetime.date(2027, 5, 20)


@pytest.fixture
def circulated(meeting, chair, secretariat):
    services.agree_agenda(meeting=meeting, by=chair)
    services.circulate_agenda(meeting=meeting, by=secretariat, now=at(datetime.date(2027, 6, 1)))
    return Meeting.objects.get(pk=meeting.pk)


STANDING = ["Apologies for absence", "Declarations of interest", "Minutes of the last meeting", "Matters arising"]


def add_url(meeting):
    return reverse("meetings:item-add", kwargs={"slug": meeting.partnership.slug, "pk": meeting.pk})


def item_url(item, name="item-edit"):
    kwargs = {"slug": item.meeting.partnership.slug, "pk": item.meeting_id, "item_pk": item.pk}
    return reverse(f"meetings:{name}", kwargs=kwargs)


def titles(meeting):
    return list(meeting.agenda_items.order_by("position").values_list("title", flat=True))


def first(meeting) -> AgendaItem:
    return meeting.agenda_items.order_by("position").first()


# Who may do what.


def test_anonymous_visitor_is_sent_to_sign_in(client, meeting):
    response = client.get(add_url(meeting))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize(
    ("who", "status"),
    [("outsider", 404), ("member", 403), ("chair", 403), ("secretariat", 200), ("staff", 200)],
)
def test_who_may_add_and_change_items(client, request, meeting, who, status):
    signed_in(client, request.getfixturevalue(who))
    assert client.get(add_url(meeting)).status_code == status
    assert client.get(item_url(first(meeting))).status_code == status


@pytest.mark.parametrize("who", ["member", "chair"])
@pytest.mark.parametrize("name", ["item-add", "item-edit", "item-move", "item-remove"])
def test_members_and_the_chair_change_nothing(client, request, meeting, who, name):
    signed_in(client, request.getfixturevalue(who))
    item = first(meeting)
    url = add_url(meeting) if name == "item-add" else item_url(item, name)
    response = client.post(url, {**ITEM, "direction": "down"})
    assert response.status_code == 403
    assert "Only the partnership&#x27;s secretariat can change the agenda." in response.text
    assert titles(meeting) == STANDING


@pytest.mark.parametrize("name", ["item-add", "item-edit", "item-move", "item-remove", "item-accept"])
def test_an_outsider_finds_nothing(client, outsider, meeting, name):
    signed_in(client, outsider)
    url = add_url(meeting) if name == "item-add" else item_url(first(meeting), name)
    assert client.post(url, ITEM).status_code == 404
    assert meeting.agenda_items.count() == 4


def test_an_item_of_another_meeting_is_not_found(client, secretariat, meeting, warwickshire):
    other = services.schedule_meeting(
        partnership=warwickshire, title="Sub-group", date=TUESDAY, start_time=datetime.time(10)
    )
    signed_in(client, secretariat)
    url = reverse(
        "meetings:item-edit", kwargs={"slug": "warwickshire-scp", "pk": meeting.pk, "item_pk": first(other).pk}
    )
    assert client.get(url).status_code == 404


# Adding and changing.


def test_the_secretariat_adds_an_item_at_the_end(client, secretariat, meeting):
    signed_in(client, secretariat)
    response = client.post(add_url(meeting), ITEM, follow=True)
    assert response.redirect_chain == [(meeting.get_absolute_url(), 302)]
    assert "Item added to the agenda." in response.text
    item = meeting.agenda_items.get(title="Strategic assessment")
    assert (item.position, item.purpose, item.presenter, item.is_late) == (5, "decision", ITEM["presenter"], False)
    assert item.leading_partners == "Police and County Council"


def test_the_form_offers_no_late_reason_before_circulation(client, secretariat, meeting):
    signed_in(client, secretariat)
    page = client.get(add_url(meeting)).text
    assert "Why it cannot wait for the next meeting" not in page
    assert "Exempt: personal information" in page


def test_a_confidential_item_says_why(client, secretariat, meeting):
    signed_in(client, secretariat)
    response = client.post(add_url(meeting), {**ITEM, "is_confidential": "on"})
    assert response.status_code == 400
    assert "Say why the item is exempt from publication" in response.text
    assert "govuk-error-summary" in response.text
    assert meeting.agenda_items.count() == 4


def test_a_confidential_item_with_its_reason(client, secretariat, meeting):
    signed_in(client, secretariat)
    data = {**ITEM, "title": "Case review", "is_confidential": "on", "confidential_reason": "personal"}
    assert client.post(add_url(meeting), data).status_code == 302
    item = meeting.agenda_items.get(title="Case review")
    assert item.is_confidential
    assert item.confidential_reason == "personal"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({**ITEM, "title": ""}, "Enter the title of the item"),
        ({**ITEM, "purpose": "gossip"}, "Select a valid choice"),
        ({**ITEM, "title": "   "}, "Enter the title of the item"),
    ],
)
def test_an_invalid_item_saves_nothing(client, secretariat, meeting, data, message):
    signed_in(client, secretariat)
    response = client.post(add_url(meeting), data)
    assert response.status_code == 400
    assert message in response.text
    assert meeting.agenda_items.count() == 4


def test_adding_an_item_withdraws_the_chairs_agreement(client, secretariat, chair, meeting):
    services.agree_agenda(meeting=meeting, by=chair)
    signed_in(client, secretariat)
    client.post(add_url(meeting), ITEM)
    assert Meeting.objects.get(pk=meeting.pk).agenda_agreed_at is None


def test_the_secretariat_changes_an_item(client, secretariat, meeting):
    item = services.add_agenda_item(
        meeting=meeting, title="Case review", is_confidential=True, confidential_reason="crime"
    )
    signed_in(client, secretariat)
    page = client.get(item_url(item)).text
    assert 'value="Case review"' in page
    assert re.search(r'value="crime"\s+checked', page)
    response = client.post(item_url(item), {**ITEM, "title": "Case review (updated)"}, follow=True)
    assert "Item saved." in response.text
    item.refresh_from_db()
    assert (item.title, item.is_confidential, item.confidential_reason) == ("Case review (updated)", False, "")


# Late items.


def test_an_item_added_after_circulation_is_late_and_needs_a_reason(client, secretariat, circulated):
    signed_in(client, secretariat)
    page = client.get(add_url(circulated)).text
    assert "Add a late item" in page
    assert "Why it cannot wait for the next meeting" in page
    response = client.post(add_url(circulated), ITEM)
    assert response.status_code == 400
    assert "this is a late item: say why it cannot wait for the next meeting" in response.text
    assert circulated.agenda_items.count() == 4


def test_a_late_item_with_its_reason_awaits_the_chair(client, secretariat, circulated):
    signed_in(client, secretariat)
    response = client.post(add_url(circulated), {**ITEM, "late_reason": "The bid closes on Friday."}, follow=True)
    assert "Late item added: it awaits the chair&#x27;s acceptance." in response.text
    assert "The bid closes on Friday." in response.text
    assert "Awaiting the chair's acceptance" in response.text
    assert "Accept late item" not in response.text
    item = circulated.agenda_items.get(title="Strategic assessment")
    assert item.is_late
    assert item.awaits_chair


def test_a_late_item_keeps_its_reason(client, secretariat, circulated):
    item = services.add_agenda_item(meeting=circulated, title="Funding bid", late_reason="Closes Friday.")
    signed_in(client, secretariat)
    response = client.post(item_url(item), {**ITEM, "late_reason": ""})
    assert response.status_code == 400
    assert "A late item keeps its reason (ToR 5.7)." in response.text
    item.refresh_from_db()
    assert (item.title, item.late_reason) == ("Funding bid", "Closes Friday.")


@pytest.fixture
def late_item(circulated):
    return services.add_agenda_item(meeting=circulated, title="Funding bid", late_reason="The bid closes on Friday.")


@pytest.mark.parametrize(
    ("who", "status", "message"),
    [
        ("outsider", 404, "Page not found"),
        ("member", 403, "can accept a late item"),
        ("secretariat", 403, "can accept a late item"),
    ],
)
def test_only_the_chair_accepts_a_late_item(client, request, late_item, who, status, message):
    signed_in(client, request.getfixturevalue(who))
    response = client.post(item_url(late_item, "item-accept"))
    assert response.status_code == status
    assert message in response.text
    late_item.refresh_from_db()
    assert not late_item.chair_accepted


def test_the_chair_accepts_a_late_item(client, chair, late_item, today):
    signed_in(client, chair)
    page = client.get(late_item.meeting.get_absolute_url()).text
    assert "Accept late item" in page
    response = client.post(item_url(late_item, "item-accept"), follow=True)
    assert "Late item accepted: Funding bid." in response.text
    assert "Accepted by the chair (Carol Chair) on 20 May 2027" in response.text
    late_item.refresh_from_db()
    assert late_item.chair_accepted
    assert late_item.chair_accepted_at == at(today)
    assert late_item.chair_accepted_by.username == "carol.chair"


def test_an_item_on_time_needs_no_acceptance(client, chair, circulated):
    signed_in(client, chair)
    item = first(circulated)
    response = client.post(item_url(item, "item-accept"))
    assert response.status_code == 400
    assert "Only a late item needs the chair&#x27;s acceptance." in response.text
    item.refresh_from_db()
    assert not item.chair_accepted


# Removing and moving.


def test_the_secretariat_removes_an_item_and_the_rest_are_renumbered(client, secretariat, meeting):
    signed_in(client, secretariat)
    response = client.post(item_url(first(meeting), "item-remove"), follow=True)
    assert "Apologies for absence removed." in response.text
    assert titles(meeting)[0] == "Declarations of interest"
    assert list(meeting.agenda_items.values_list("position", flat=True).order_by("position")) == [1, 2, 3]


def test_items_of_a_circulated_agenda_stay_on_it(client, secretariat, circulated):
    signed_in(client, secretariat)
    page = client.get(circulated.get_absolute_url()).text
    assert ">Remove<" not in page
    response = client.post(item_url(first(circulated), "item-remove"))
    assert response.status_code == 400
    assert "The agenda has gone out, so its items stay on it" in response.text
    assert circulated.agenda_items.count() == 4


def test_removal_is_a_post(client, secretariat, meeting):
    signed_in(client, secretariat)
    assert client.get(item_url(first(meeting), "item-remove")).status_code == 405
    assert meeting.agenda_items.count() == 4


def test_the_secretariat_moves_items_up_and_down(client, secretariat, meeting):
    signed_in(client, secretariat)
    arising = meeting.agenda_items.get(title="Matters arising")
    response = client.post(item_url(arising, "item-move"), {"direction": "up"}, follow=True)
    assert "Matters arising moved up." in response.text
    assert titles(meeting)[2:] == ["Matters arising", "Minutes of the last meeting"]
    client.post(item_url(first(meeting), "item-move"), {"direction": "down"})
    assert titles(meeting)[:2] == ["Declarations of interest", "Apologies for absence"]


def test_a_move_says_which_way(client, secretariat, meeting):
    signed_in(client, secretariat)
    response = client.post(item_url(first(meeting), "item-move"), {"direction": "sideways"})
    assert response.status_code == 400
    assert "Choose whether to move the item up or down." in response.text
    assert titles(meeting)[0] == "Apologies for absence"


def test_a_held_meetings_agenda_stays_as_it_was(client, secretariat, meeting):
    Meeting.objects.filter(pk=meeting.pk).update(status=MeetingStatus.HELD)
    signed_in(client, secretariat)
    response = client.post(item_url(first(meeting), "item-move"), {"direction": "down"})
    assert response.status_code == 400
    assert "The meeting has been held" in response.text
    assert titles(meeting)[0] == "Apologies for absence"
    response = client.post(add_url(meeting), ITEM)
    assert response.status_code == 400
    assert meeting.agenda_items.count() == 4
