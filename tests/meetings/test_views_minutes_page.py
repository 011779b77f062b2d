"""The minutes page: who reads it at each step (drafts: the secretariat and whoever chaired;
circulated: every member, who keeps the version circulated while the minutes are corrected),
starting the draft once the meeting has taken place, and what the meeting page says of the
minutes. Each page runs a fixed number of queries."""

from meetings import services
from meetings.models import AgendaItem, Minutes
from tests.helpers import signed_in
from tests.meetings.test_views_minutes_support import *  # noqa: F403
from tests.meetings.test_views_minutes_support import CORRECTION, OPEN_TITLE, SECRET_MINUTE, minutes_url


def test_anonymous_visitor_is_sent_to_sign_in(client, started):
    response = client.get(minutes_url(started.meeting))
    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/")


def test_someone_from_another_partnership_is_told_nothing(client, outsider, circulated):
    assert signed_in(client, outsider).get(minutes_url(circulated.meeting)).status_code == 404


def test_a_member_cannot_read_draft_minutes(client, member, started):
    response = signed_in(client, member).get(minutes_url(started.meeting))
    assert response.status_code == 403
    assert "Draft minutes are read by the secretariat and whoever chaired the meeting" in response.text


def test_a_member_cannot_read_approved_minutes_before_they_are_circulated(client, member, approved):
    assert signed_in(client, member).get(minutes_url(approved.meeting)).status_code == 403


def test_the_vice_chair_who_did_not_chair_cannot_read_the_draft(client, vice_chair, started):
    assert signed_in(client, vice_chair).get(minutes_url(started.meeting)).status_code == 403


def test_whoever_chaired_reads_the_draft(client, chair, started):
    response = signed_in(client, chair).get(minutes_url(started.meeting))
    assert response.status_code == 200
    assert "Approve the minutes" in response.text
    assert "Write the minute" not in response.text  # the secretariat writes them


def test_members_read_circulated_minutes_as_approved(client, member, circulated):
    response = signed_in(client, member).get(minutes_url(circulated.meeting))
    assert response.status_code == 200
    html = response.text
    assert "The minutes as approved (version 1)" in html
    assert "The board discussed the plan." in html
    assert SECRET_MINUTE in html  # members read the confidential item's minute; the public never does
    assert "On time" in html
    for button in ("Approve the minutes", "Circulate the minutes", "Return the minutes to draft", "Write the minute"):
        assert button not in html


# While circulated minutes are corrected, members keep what they were sent.

BEING_CORRECTED = "These minutes are being corrected. A corrected version will be circulated to members"


def test_a_member_keeps_the_circulated_minutes_while_they_are_corrected(client, member, being_corrected):
    response = signed_in(client, member).get(minutes_url(being_corrected.meeting))
    assert response.status_code == 200
    html = response.text
    assert BEING_CORRECTED in html
    assert "these are the minutes as circulated to members on 15 June 2027 (version 1)" in html
    assert "The minutes as circulated (version 1)" in html
    assert "The board discussed the plan." in html
    assert SECRET_MINUTE in html
    assert CORRECTION not in html  # the draft is not theirs to read
    assert "The draft" not in html
    for button in ("Approve the minutes", "Circulate the minutes", "Return the minutes to draft", "Write the minute"):
        assert button not in html


def test_a_member_keeps_them_until_the_corrected_version_is_circulated(
    client, member, chair, secretariat, being_corrected
):
    corrected = services.approve_minutes(minutes=being_corrected, by=chair)
    html = signed_in(client, member).get(minutes_url(corrected.meeting)).text
    assert BEING_CORRECTED in html
    assert "The minutes as circulated (version 1)" in html
    assert CORRECTION not in html  # approved, but not sent to them yet
    services.circulate_minutes(minutes=corrected, by=secretariat)
    html = client.get(minutes_url(corrected.meeting)).text
    assert BEING_CORRECTED not in html
    assert "The minutes as approved (version 2)" in html
    assert CORRECTION in html


def test_the_secretariat_corrects_the_draft_without_the_notice(client, secretariat, being_corrected):
    html = signed_in(client, secretariat).get(minutes_url(being_corrected.meeting)).text
    assert BEING_CORRECTED not in html
    assert CORRECTION in html
    assert "Write the minute" in html


def test_minutes_never_circulated_stay_closed_to_members_when_returned_to_draft(client, member, approved):
    services.return_minutes_to_draft(minutes=approved)
    response = signed_in(client, member).get(minutes_url(approved.meeting))
    assert response.status_code == 403
    assert "Draft minutes are read by the secretariat and whoever chaired the meeting" in response.text


def test_the_secretariat_drafts_from_the_record(client, secretariat, started, agenda):
    response = signed_in(client, secretariat).get(minutes_url(started.meeting))
    assert response.status_code == 200
    html = response.text
    assert "Draft" in html
    assert "In the chair: Carol Chair" in html
    assert "Mo Member, The Police Service" in html
    assert html.count("Write the minute") == AgendaItem.objects.filter(meeting=started.meeting).count()
    assert f'Write the minute<span class="govuk-visually-hidden"> of item 5, {OPEN_TITLE}' in html
    assert "Approve the minutes" not in html  # only whoever chaired


def test_before_the_minutes_are_started_the_secretariat_is_offered_to_start_them(client, secretariat, held):
    response = signed_in(client, secretariat).get(minutes_url(held))
    assert response.status_code == 200
    assert "Not started" in response.text
    assert "Start the minutes" in response.text


def test_the_secretariat_starts_the_minutes_once_the_meeting_has_taken_place(client, secretariat, held):
    response = signed_in(client, secretariat).post(minutes_url(held, "start"))
    assert response.status_code == 302
    assert response.url == minutes_url(held)
    minutes = Minutes.objects.get(meeting=held)
    assert minutes.items.count() == AgendaItem.objects.filter(meeting=held).count()
    assert "Minutes started" in client.get(response.url).text


def test_the_minutes_are_not_started_before_the_meeting(client, secretariat, meeting):
    page = signed_in(client, secretariat).get(minutes_url(meeting))
    assert "Start the minutes" not in page.text
    response = client.post(minutes_url(meeting, "start"))
    assert response.status_code == 400
    assert "The meeting is on 15 June 2027: its minutes are drafted once it has taken place." in response.text
    assert response.text.count("Error: ") == 1
    assert not Minutes.objects.exists()


def test_only_the_secretariat_starts_the_minutes(client, chair, member, outsider, held):
    assert signed_in(client, member).post(minutes_url(held, "start")).status_code == 403
    assert signed_in(client, chair).post(minutes_url(held, "start")).status_code == 403
    assert signed_in(client, outsider).post(minutes_url(held, "start")).status_code == 404
    assert not Minutes.objects.exists()


def test_items_added_since_the_start_are_offered_to_the_minutes(client, secretariat, started):
    item = AgendaItem.objects.create(meeting=started.meeting, position=20, title="Any other business")
    page = signed_in(client, secretariat).get(minutes_url(started.meeting))
    assert "1 item added to the agenda since the minutes were started has no minute yet." in page.text
    client.post(minutes_url(started.meeting, "start"))
    assert started.items.filter(agenda_item=item).exists()


# The meeting page's Minutes section.


def test_the_meeting_page_links_the_secretariat_to_the_minutes(client, secretariat, held):
    page = signed_in(client, secretariat).get(held.get_absolute_url())
    assert 'id="minutes"' in page.text
    assert "not started. They are due to be circulated by Tuesday 29 June 2027." in page.text


def test_the_meeting_page_shows_members_the_minutes_only_once_circulated(client, member, approved, secretariat):
    meeting = approved.meeting
    assert minutes_url(meeting) not in signed_in(client, member).get(meeting.get_absolute_url()).text
    services.circulate_minutes(minutes=approved, by=secretariat)
    page = client.get(meeting.get_absolute_url())
    assert minutes_url(meeting) in page.text
    assert "circulated to members" in page.text


# Queries: the same whatever the size of the meeting.


def test_the_draft_runs_a_fixed_number_of_queries(client, secretariat, large_record, django_assert_max_num_queries):
    signed_in(client, secretariat)
    url = minutes_url(large_record.meeting)
    # Session, user, meeting, roles, minutes, who chaired, then the record: items, declarations,
    # decisions, voters, minutes' text, attendance, minutes, others, written decisions (two),
    # the items already minuted, and closure days for the due date.
    with django_assert_max_num_queries(18):
        response = client.get(url)
    assert response.status_code == 200
    assert response.text.count("Decision ") >= 30


def test_approved_minutes_run_a_fixed_number_of_queries(
    client, chair, large_record, secretariat, member, django_assert_max_num_queries
):
    minutes = services.approve_minutes(minutes=large_record, by=chair)
    services.circulate_minutes(minutes=minutes, by=secretariat)
    signed_in(client, member)
    url = minutes_url(minutes.meeting)
    # Session, user, meeting, roles, minutes, who chaired, the approved version, closure days.
    with django_assert_max_num_queries(9):
        response = client.get(url)
    assert response.status_code == 200
    assert response.text.count("A relative works there") == 16  # one declaration on each of the 16 items
