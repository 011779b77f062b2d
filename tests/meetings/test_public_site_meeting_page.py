"""The public meeting page: the agenda with an anchor on each item, each open item's papers
with their cover sheet and files, a confidential item only as its place and exemption; the
published minutes with anchors on each minute and decision."""

import datetime

import pytest
from django.template.defaultfilters import filesizeformat
from django.utils.html import escape

from meetings import public_cache, services
from tests.meetings.test_public_site_support import *  # noqa: F403
from tests.meetings.test_public_site_support import (
    PAPER_TITLE,
    SECRET_PAPER,
    SECRET_TITLE,
    decision_json,
    meeting_with_papers,
    public_url,
    snapshot,
)
from tests.meetings.test_views_minutes_support import *  # noqa: F403
from tests.meetings.test_views_minutes_support import MEETING_DAY


def test_an_open_item_shows_its_paper_and_a_download_link(client, published):
    meeting, open_file, _secret_file = published
    html = client.get(public_url(meeting)).text
    assert PAPER_TITLE in html
    assert "The agreement sets the partnership&#x27;s priorities." in html
    assert "The board adopts the agreement." in html
    assert f'href="{public_url(meeting, "paper-file", file_pk=open_file.pk)}"' in html
    assert "Download agreement.pdf" in html
    assert f"(PDF, {escape(filesizeformat(open_file.size))})" in html


def test_a_confidential_item_shows_only_its_exemption_never_its_paper(client, published):
    meeting, _open_file, secret_file = published
    html = client.get(public_url(meeting)).text
    assert "Item taken in private." in html
    assert "Exempt: personal information" in html
    for secret in (SECRET_TITLE, "Oak Road", SECRET_PAPER, "Named people", "oak-road.pdf"):
        assert secret not in html
    assert public_url(meeting, "paper-file", file_pk=secret_file.pk) not in html


def test_each_agenda_item_has_an_anchor_by_its_position(client, published):
    meeting, _, _ = published
    html = client.get(public_url(meeting)).text
    for position in range(1, meeting.agenda_items.count() + 1):
        assert f'id="item-{position}"' in html


def test_papers_are_not_shown_before_the_agenda_goes_out(client, warwickshire, chair, secretariat, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    meeting, _, _ = meeting_with_papers(warwickshire, chair=chair, secretariat=secretariat, circulate=False)
    html = client.get(public_url(meeting)).text
    assert PAPER_TITLE not in html
    assert "agreement.pdf" not in html


@pytest.fixture
def meeting(warwickshire):
    """Overrides the minutes tests' board meeting: this one is held in public."""
    return services.schedule_meeting(
        partnership=warwickshire, title="Board meeting", date=MEETING_DAY, start_time=datetime.time(14), is_public=True
    )


@pytest.fixture
def confirmed_minutes(circulated, secretariat, chair, after_the_next_meeting):
    """Minutes drafted, approved and circulated (test_views_minutes_support), then confirmed."""
    return services.confirm_minutes(minutes=circulated, at_meeting=after_the_next_meeting, by=secretariat)


def test_published_minutes_have_anchors_on_each_minute_and_decision(client, confirmed_minutes, agenda):
    plan, review = agenda
    meeting = confirmed_minutes.meeting
    html = client.get(public_url(meeting)).text
    open_decision = plan.decisions.get()
    secret_decision = review.decisions.get()
    assert f'id="minute-{plan.position}"' in html
    assert f'id="decision-{open_decision.number}"' in html
    assert f'id="minute-{review.position}"' not in html
    assert f'id="decision-{secret_decision.number}"' not in html


def test_the_page_costs_the_same_queries_at_two_volumes(
    client, published, warwickshire, chair, secretariat, django_assert_max_num_queries
):
    meeting, _, _ = published
    snapshot(meeting, [{"position": 5, "title": "Plan", "discussion": "", "decisions": [decision_json(1, "Adopt")]}])

    def measure(expected):
        with django_assert_max_num_queries(expected):
            assert client.get(public_url(meeting)).status_code == 200

    measure(8)
    item = meeting.agenda_items.get(title="Community safety agreement")
    for n in range(30):
        paper = item.papers.create(title=f"Appendix {n}", summary="More")
        paper.files.create(
            original_name=f"appendix-{n}.pdf",
            content_type="application/pdf",
            size=1000,
            uploaded_at=meeting.agenda_circulated_at,
        )
        meeting.agenda_items.create(
            position=20 + n,
            title=f"Item {n}",
            is_confidential=n % 2 == 0,
            confidential_reason="crime" if n % 2 == 0 else "",
        )
    # Rows made directly, as no service would: the test tells the page cache itself.
    public_cache.new_version(meeting.pk)
    measure(8)
    assert "appendix-29.pdf" in client.get(public_url(meeting)).text
