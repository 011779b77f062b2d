"""The public summary of the minutes (API.md): a public meeting's minutes are published once
the board confirms them at a later meeting, without any confidential item, its minute, its
declarations or its decisions; on the public meeting page, as a PDF and in the public API.
Nothing draft, approved, circulated-but-unconfirmed or private is ever public."""

import datetime
import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from meetings import services
from tests.factories import MemberFactory, NominatingBodyFactory
from tests.helpers import client_for
from tests.meetings.test_views_minutes_support import *  # noqa: F403
from tests.meetings.test_views_minutes_support import (
    MEETING_DAY,
    OPEN_TITLE,
    SECRET_DECISION,
    SECRET_MINUTE,
    SECRET_TITLE,
    at,
    write,
)

SECRET_NATURE = "Her sister is a witness in the review"
SECRETS = (SECRET_TITLE, "Oak Road", SECRET_MINUTE, SECRET_DECISION, SECRET_NATURE)


@pytest.fixture
def meeting(warwickshire, chair, secretariat):
    """Overrides the board meeting: this one is held in public (its agenda goes out in `agenda`)."""
    return services.schedule_meeting(
        partnership=warwickshire, title="Board meeting", date=MEETING_DAY, start_time=datetime.time(14), is_public=True
    )


@pytest.fixture
def agenda(meeting, chair, secretariat):
    plan = services.add_agenda_item(meeting=meeting, title=OPEN_TITLE, purpose="decision")
    review = services.add_agenda_item(
        meeting=meeting, title=SECRET_TITLE, purpose="decision", is_confidential=True, confidential_reason="personal"
    )
    services.agree_agenda(meeting=meeting, by=chair)
    services.circulate_agenda(meeting=meeting, by=secretariat)
    return plan, review


@pytest.fixture
def declared(held, agenda, member):
    """The member declares a prejudicial interest in the confidential item, before it is minuted."""
    services.declare_interest(
        agenda_item=agenda[1], member=member.person.seats.get(), kind="prejudicial", nature=SECRET_NATURE
    )
    return held


@pytest.fixture
def confirmed(declared, circulated, secretariat, after_the_next_meeting):
    return services.confirm_minutes(minutes=circulated, at_meeting=after_the_next_meeting, by=secretariat)


def public_url(meeting, name="meeting"):
    return reverse(f"public_meetings:{name}", kwargs={"slug": meeting.partnership.slug, "pk": meeting.pk})


def public_pdf_url(meeting):
    return public_url(meeting, "minutes-pdf")


def api_url(partnership):
    return f"/api/v1/public/partnerships/{partnership.slug}/meetings/"


def assert_no_secret(text: str) -> None:
    for secret in SECRETS:
        assert secret not in text


# The public meeting page.


def test_the_public_reads_the_confirmed_minutes_without_the_confidential_item(client, confirmed):
    response = client.get(public_url(confirmed.meeting))
    assert response.status_code == 200
    html = response.text
    assert "Confirmed by the board as a true record on 20 July 2027." in html
    assert "items taken in private are not included" in html
    assert OPEN_TITLE in html
    assert "The board discussed the plan." in html
    assert "Decision 1:</strong> Adopt the partnership plan" in html
    assert "In the chair: Carol Chair" in html
    assert public_pdf_url(confirmed.meeting) in html
    assert_no_secret(html)


@pytest.mark.parametrize("step", ["started", "approved", "circulated"])
def test_nothing_is_public_before_the_minutes_are_confirmed(client, request, declared, step):
    minutes = request.getfixturevalue(step)
    html = client.get(public_url(minutes.meeting)).text
    assert "The minutes are published here once the board has confirmed them" in html
    assert "The board discussed the plan." not in html
    assert client.get(public_pdf_url(minutes.meeting)).status_code == 404
    (listed,) = client_for().get(api_url(minutes.meeting.partnership)).json()["results"]
    assert listed["minutes"] is None


def test_a_private_meetings_confirmed_minutes_are_never_public(
    client, warwickshire, chair, secretariat, time_machine, next_meeting
):
    private = services.schedule_meeting(
        partnership=warwickshire, title="Tasking group", date=MEETING_DAY, start_time=datetime.time(10)
    )
    item = services.add_agenda_item(meeting=private, title="Hotspot patrols", purpose="decision")
    time_machine.move_to(at(MEETING_DAY, 17), tick=True)
    for n in range(5):
        seat = MemberFactory(nominating_body=NominatingBodyFactory(partnership=warwickshire, name=f"Group {n}"))
        services.record_attendance(meeting=private, member=seat, status="present")
    minutes = services.start_minutes(meeting=private)
    write(minutes, item.title, "<p>Patrols in Leamington.</p>")
    services.approve_minutes(minutes=minutes, by=chair)
    services.circulate_minutes(minutes=minutes, by=secretariat)
    time_machine.move_to(at(next_meeting.date, 17), tick=True)
    services.confirm_minutes(minutes=minutes, at_meeting=next_meeting, by=secretariat)
    assert client.get(public_url(private)).status_code == 404
    assert client.get(public_pdf_url(private)).status_code == 404
    assert "Patrols in Leamington" not in client_for().get(api_url(warwickshire)).text


def test_the_public_page_with_minutes_runs_a_fixed_number_of_queries(client, confirmed, django_assert_max_num_queries):
    url = public_url(confirmed.meeting)
    # Partnership, meeting, the agenda (two), then the minutes: published?, the meeting whole,
    # who chaired, items, declarations, decisions, voters, minutes' text, attendance, minutes,
    # others, written decisions (two).
    with django_assert_max_num_queries(17):
        assert client.get(url).status_code == 200


# The public summary as a PDF.


def test_the_public_downloads_the_summary_without_the_confidential_item(client, confirmed):
    response = client.get(public_pdf_url(confirmed.meeting))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'inline; filename="public-minutes-2027-06-15.pdf"'
    reader = PdfReader(io.BytesIO(response.content))
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)
    assert "Public summary of the minutes" in text
    assert "The board discussed the plan." in text
    assert_no_secret(text)


# The public API.


def test_the_api_gives_no_minutes_until_they_are_confirmed(circulated, warwickshire):
    (listed,) = client_for().get(api_url(warwickshire)).json()["results"]
    assert listed["minutes"] is None


def test_the_api_gives_the_public_summary_once_confirmed(confirmed, warwickshire):
    response = client_for().get(api_url(warwickshire))
    assert response.status_code == 200
    (listed,) = response.json()["results"]
    minutes = listed["minutes"]
    assert minutes["confirmed_on"] == "2027-07-20"
    assert [item["title"] for item in minutes["items"]] == [
        "Apologies for absence",
        "Declarations of interest",
        "Minutes of the last meeting",
        "Matters arising",
        OPEN_TITLE,
    ]
    plan = minutes["items"][4]
    assert plan == {
        "position": 5,
        "title": OPEN_TITLE,
        "discussion": "<p>The board discussed the plan.</p>",
        "decisions": [
            {
                "number": 1,
                "text": "Adopt the partnership plan",
                "method": "consensus",
                "outcome": "agreed",
                "votes_for": 0,
                "votes_against": 0,
                "abstentions": 0,
            }
        ],
    }
    assert_no_secret(response.text)


def test_the_api_list_runs_a_fixed_number_of_queries(confirmed, warwickshire, django_assert_max_num_queries):
    client = client_for()
    # Partnership, count, meetings, agenda (two), then the minutes: confirmed, decisions, items.
    with django_assert_max_num_queries(8):
        assert client.get(api_url(warwickshire)).status_code == 200
