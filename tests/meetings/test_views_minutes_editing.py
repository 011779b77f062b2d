"""The secretariat writes each item's minute in the browser. Whatever HTML arrives, only what
minutes need is kept (no scripts, event handlers or javascript: links); plain text from the
textarea without JavaScript keeps its paragraphs; approved minutes cannot be edited."""

from html import unescape

import pytest

from meetings import services
from meetings.models import MinuteItem
from tests.helpers import signed_in
from tests.meetings.test_views_minutes_support import *  # noqa: F403
from tests.meetings.test_views_minutes_support import OPEN_TITLE, minutes_url


@pytest.fixture
def minute(started, agenda) -> MinuteItem:
    return MinuteItem.objects.get(minutes=started, agenda_item=agenda[0])


def write_url(minute: MinuteItem) -> str:
    return minutes_url(minute.minutes.meeting, "write", item_pk=minute.agenda_item_id)


def test_the_secretariat_opens_the_editor_for_an_item(client, secretariat, minute):
    response = signed_in(client, secretariat).get(write_url(minute))
    assert response.status_code == 200
    html = response.text
    assert f"Minute of item 5: {OPEN_TITLE}" in html
    assert "data-minutes-editor" in html  # enhanced by static/minutes/editor.mjs
    assert "minutes/editor.mjs" in html
    assert "novalidate" in html


def test_the_secretariat_writes_a_minute(client, secretariat, minute):
    html = "<p>The board <strong>welcomed</strong> the plan.</p><ul><li>Police</li><li>Council</li></ul>"
    response = signed_in(client, secretariat).post(write_url(minute), {"discussion": html})
    assert response.status_code == 302
    assert response.url == f"{minutes_url(minute.minutes.meeting)}#item-{minute.agenda_item_id}"
    minute.refresh_from_db()
    assert minute.discussion == html
    page = client.get(response.url).text
    assert "Minute of item 5 saved." in page
    assert "The board <strong>welcomed</strong> the plan." in page


def test_what_the_editor_sends_is_sanitised(client, secretariat, minute):
    dirty = (
        '<p onclick="steal()">Agreed</p><script>alert(1)</script>'
        '<a href="javascript:alert(2)">bad link</a> <a href="https://example.org/plan">the plan</a>'
        '<img src="x" onerror="alert(3)"><iframe src="https://evil.example"></iframe>'
    )
    signed_in(client, secretariat).post(write_url(minute), {"discussion": dirty})
    minute.refresh_from_db()
    stored = minute.discussion
    for gone in ("onclick", "<script", "alert", "javascript:", "<img", "onerror", "<iframe"):
        assert gone not in stored
    assert "<p>Agreed</p>" in stored
    assert '<a href="https://example.org/plan" rel="noopener noreferrer">the plan</a>' in stored
    assert "bad link" in stored  # the words stay; the link does not


def test_plain_text_without_javascript_keeps_its_paragraphs(client, secretariat, minute):
    signed_in(client, secretariat).post(write_url(minute), {"discussion": "First point.\n\nSecond point & more."})
    minute.refresh_from_db()
    assert minute.discussion == "<p>First point.</p>\n\n<p>Second point &amp; more.</p>"


def test_editing_approved_minutes_is_refused(client, secretariat, approved, agenda):
    minute = MinuteItem.objects.get(minutes=approved, agenda_item=agenda[0])
    before = minute.discussion
    signed_in(client, secretariat)
    page = client.get(write_url(minute))
    assert "Return them to draft to change them" in page.text
    response = client.post(write_url(minute), {"discussion": "<p>Rewritten after approval</p>"})
    assert response.status_code == 400
    assert "<title>Error: " in response.text
    assert "The minutes are approved by the chair. Return them to draft to change them" in unescape(response.text)
    minute.refresh_from_db()
    assert minute.discussion == before


@pytest.mark.parametrize("who", ["chair", "member", "vice_chair"])
def test_only_the_secretariat_writes_the_minutes(client, request, who, minute):
    user = request.getfixturevalue(who)
    response = signed_in(client, user).post(write_url(minute), {"discussion": "<p>Mine</p>"})
    assert response.status_code == 403
    assert "Only the partnership's secretariat drafts the minutes." in unescape(response.text)
    minute.refresh_from_db()
    assert minute.discussion == ""


def test_someone_from_another_partnership_is_told_nothing(client, outsider, minute):
    assert signed_in(client, outsider).get(write_url(minute)).status_code == 404


def test_an_item_of_another_meeting_is_not_found(client, secretariat, minute, next_meeting):
    other_item = next_meeting.agenda_items.first()
    url = minutes_url(minute.minutes.meeting, "write", item_pk=other_item.pk)
    assert signed_in(client, secretariat).get(url).status_code == 404


def test_the_editor_shows_what_the_record_says_of_the_item(client, secretariat, minute, member):
    services.record_decision(agenda_item=minute.agenda_item, text="Adopt the partnership plan")
    page = signed_in(client, secretariat).get(write_url(minute)).text
    assert "Decision 1: Adopt the partnership plan (agreed)" in page


def test_the_editor_page_runs_a_fixed_number_of_queries(client, secretariat, minute, django_assert_max_num_queries):
    url = write_url(minute)
    signed_in(client, secretariat)
    # Session, user, meeting, roles, minutes, the minute, declarations, decisions.
    with django_assert_max_num_queries(8):
        assert client.get(url).status_code == 200
