"""The public summary of the minutes (API.md): a public meeting's minutes are published once
the board confirms them at a later meeting, without any confidential item, its minute, its
declarations or its decisions; on the public meeting page, as a PDF and in the public API.
Nothing draft, approved, circulated-but-unconfirmed or private is ever public."""

import datetime
import io
import json

import pytest
from django.urls import reverse
from pypdf import PdfReader

from meetings import services
from meetings.minutes_document import minutes_record, render_minutes_html
from meetings.minutes_publication import publish_minutes
from meetings.models import AgendaItem, Decision, Meeting, MinuteItem, Minutes
from partnership.models import Member, Person
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
    confirm_at_the_next_meeting,
    record_everyone_present,
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
    for n in range(4):
        MemberFactory(nominating_body=NominatingBodyFactory(partnership=warwickshire, name=f"Group {n}"))
    record_everyone_present(private)  # the chair in the chair, and a quorum
    minutes = services.start_minutes(meeting=private)
    write(minutes, item.title, "<p>Patrols in Leamington.</p>")
    services.approve_minutes(minutes=minutes, by=chair)
    services.circulate_minutes(minutes=minutes, by=secretariat)
    time_machine.move_to(at(next_meeting.date, 17), tick=True)
    record_everyone_present(next_meeting)
    minutes = services.confirm_minutes(minutes=minutes, at_meeting=next_meeting, by=secretariat)
    assert (minutes.public_html, minutes.public_summary) == ("", None)
    assert client.get(public_url(private)).status_code == 404
    assert client.get(public_pdf_url(private)).status_code == 404
    assert "Patrols in Leamington" not in client_for().get(api_url(warwickshire)).text


def test_the_public_page_with_minutes_runs_a_fixed_number_of_queries(
    client, large_record, chair, secretariat, next_meeting, time_machine, django_assert_max_num_queries
):
    minutes = services.approve_minutes(minutes=large_record, by=chair)
    services.circulate_minutes(minutes=minutes, by=secretariat)
    confirm_at_the_next_meeting(minutes, next_meeting, secretariat, time_machine)
    url = public_url(minutes.meeting)
    # Partnership, meeting, the agenda (two), its open papers and their files (three), then the
    # published copy of the minutes.
    with django_assert_max_num_queries(8):
        response = client.get(url)
    assert response.status_code == 200
    assert response.text.count("A relative works there") == 15  # on each open item: 16 less the confidential one


# The public summary as a PDF.


def pdf_text(response) -> str:
    reader = PdfReader(io.BytesIO(response.content))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def test_the_public_downloads_the_summary_without_the_confidential_item(client, confirmed):
    response = client.get(public_pdf_url(confirmed.meeting))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'inline; filename="public-minutes-2027-06-15.pdf"'
    text = pdf_text(response)
    assert "Public summary of the minutes" in text
    assert "The board discussed the plan." in text
    assert_no_secret(text)


def test_the_public_pdf_runs_a_fixed_number_of_queries(
    client, large_record, chair, secretariat, next_meeting, time_machine, django_assert_max_num_queries
):
    minutes = services.approve_minutes(minutes=large_record, by=chair)
    services.circulate_minutes(minutes=minutes, by=secretariat)
    confirm_at_the_next_meeting(minutes, next_meeting, secretariat, time_machine)
    url = public_pdf_url(minutes.meeting)
    # Partnership, meeting, then the published copy of the minutes.
    with django_assert_max_num_queries(3):
        response = client.get(url)
    assert response.status_code == 200
    assert pdf_text(response).count("A relative works there") == 15  # 16 items less the confidential one


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
    # Partnership, count, meetings, agenda (two), then the published copies of the minutes.
    with django_assert_max_num_queries(6):
        assert client.get(api_url(warwickshire)).status_code == 200


# What was published stays as it was published: the public reads the copy made on confirmation.

RENAMED_MEETING = "Extraordinary board meeting"
RENAMED_CHAIR = "Caroline Chair-Watts"


@pytest.fixture
def changed_since(confirmed, chair, agenda):
    """After the board confirmed the minutes: the meeting renamed, the chair's name corrected, and
    the record itself changed underneath (as a bulk correction or the admin could)."""
    Meeting.objects.filter(pk=confirmed.meeting_id).update(title=RENAMED_MEETING)
    Person.objects.filter(user=chair).update(name=RENAMED_CHAIR)
    AgendaItem.objects.filter(pk=agenda[0].pk).update(title="Partnership plan, renamed")
    MinuteItem.objects.filter(agenda_item=agenda[0]).update(discussion="<p>Rewritten since.</p>")
    Decision.objects.filter(agenda_item=agenda[0]).update(text="Rewritten decision")
    return confirmed


def minutes_part(html: str) -> str:
    return html[html.index('id="minutes"') :]


def test_the_public_page_shows_the_minutes_as_published(client, changed_since):
    html = minutes_part(client.get(public_url(changed_since.meeting)).text)
    assert "Minutes of the Board meeting held at 2:00 p.m. on Tuesday 15 June 2027." in html
    assert "In the chair: Carol Chair" in html
    assert "The board discussed the plan." in html
    assert "Decision 1:</strong> Adopt the partnership plan" in html
    for changed in (RENAMED_MEETING, RENAMED_CHAIR, "renamed", "Rewritten"):
        assert changed not in html


def test_the_public_pdf_is_the_summary_as_published(client, changed_since):
    response = client.get(public_pdf_url(changed_since.meeting))
    assert response.status_code == 200
    text = pdf_text(response)
    assert "Minutes of the Board meeting held" in text
    assert "In the chair: Carol Chair" in text
    assert "The board discussed the plan." in text
    for changed in (RENAMED_MEETING, RENAMED_CHAIR, "renamed", "Rewritten"):
        assert changed not in text
    assert_no_secret(text)


def test_the_api_gives_the_summary_as_published(changed_since, warwickshire):
    (listed,) = client_for().get(api_url(warwickshire)).json()["results"]
    plan = listed["minutes"]["items"][4]
    assert (plan["title"], plan["discussion"]) == (OPEN_TITLE, "<p>The board discussed the plan.</p>")
    assert [decision["text"] for decision in plan["decisions"]] == ["Adopt the partnership plan"]


def test_confirming_copies_the_public_summary(confirmed, agenda):
    """publish_minutes, called by confirm_minutes: the HTML and the API's values, saved with the minutes."""
    saved = Minutes.objects.get(pk=confirmed.pk)
    assert saved.public_html == render_minutes_html(saved.meeting, public=True)
    assert "items taken in private are not included" in saved.public_html
    assert_no_secret(saved.public_html)
    assert saved.public_summary["confirmed_on"] == "2027-07-20"
    assert [item["position"] for item in saved.public_summary["items"]] == [1, 2, 3, 4, 5]
    assert saved.public_summary["items"][4]["decisions"][0]["text"] == "Adopt the partnership plan"
    assert_no_secret(json.dumps(saved.public_summary))
    assert saved.is_published


def test_publish_minutes_fills_the_copy_and_leaves_saving_to_the_caller(circulated):
    minutes = Minutes.objects.select_related("meeting").get(pk=circulated.pk)
    minutes.confirmed_at = at(datetime.date(2027, 7, 20), 17)
    publish_minutes(minutes)
    assert "The board discussed the plan." in minutes.public_html
    assert minutes.public_summary["confirmed_on"] == "2027-07-20"
    assert_no_secret(minutes.public_html + json.dumps(minutes.public_summary))
    unsaved = Minutes.objects.get(pk=circulated.pk)
    assert (unsaved.public_html, unsaved.public_summary) == ("", None)


def test_publish_minutes_leaves_a_private_meetings_copy_empty(circulated):
    minutes = Minutes.objects.select_related("meeting").get(pk=circulated.pk)
    minutes.meeting.is_public = False
    minutes.public_html, minutes.public_summary = "left over", {"items": []}
    publish_minutes(minutes)
    assert (minutes.public_html, minutes.public_summary) == ("", None)


def test_minutes_confirmed_without_a_published_copy_are_not_public(client, confirmed, warwickshire):
    """Published means confirmed, held in public and copied: the live record is never served instead."""
    Minutes.objects.filter(pk=confirmed.pk).update(public_summary=None, public_html="")
    html = client.get(public_url(confirmed.meeting)).text
    assert "The minutes are published here once the board has confirmed them" in html
    assert "The board discussed the plan." not in html
    assert client.get(public_pdf_url(confirmed.meeting)).status_code == 404
    (listed,) = client_for().get(api_url(warwickshire)).json()["results"]
    assert listed["minutes"] is None


# Decisions taken in writing are reported to the meeting's minutes, never to the public summary:
# a written proposal cannot be marked confidential.

WRITTEN_DECISION = "Fund the Oak Road family support worker from the partnership grant."


@pytest.fixture
def decided_in_writing(warwickshire, chair, member, vice_chair, held):
    """Closed on 1 June 2027, before the public meeting: reported to it."""
    when = at(datetime.date(2027, 6, 1))
    proposal = services.open_written_proposal(
        partnership=warwickshire,
        title="Family support worker",
        proposal=WRITTEN_DECISION,
        why_now="The post must be filled before the review reports.",
        respond_by=datetime.date(2027, 6, 10),
        by=chair,
        now=when,
    )
    for seat in Member.objects.filter(partnership=warwickshire)[:5]:
        services.respond_in_writing(proposal=proposal, member=seat, response="for", now=when)
    return services.close_written_proposal(proposal=proposal, by=chair, now=when)


def test_decisions_taken_in_writing_are_not_published(
    client, decided_in_writing, declared, circulated, secretariat, next_meeting, time_machine, warwickshire
):
    assert WRITTEN_DECISION in render_minutes_html(circulated.meeting)  # the members' minutes report it
    assert minutes_record(circulated.meeting, public=True).written_decisions == []
    confirm_at_the_next_meeting(circulated, next_meeting, secretariat, time_machine)
    html = client.get(public_url(circulated.meeting)).text
    assert "The board discussed the plan." in html
    assert WRITTEN_DECISION not in html
    assert "Decisions taken in writing" not in html
    assert WRITTEN_DECISION not in pdf_text(client.get(public_pdf_url(circulated.meeting)))
    assert WRITTEN_DECISION not in client_for().get(api_url(warwickshire)).text
