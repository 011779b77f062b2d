"""While the public agenda pack is being made (202), the meeting's page it shows is the whole
page: the published minutes are there as on the meeting's own page."""

import datetime

import pytest
from django.urls import reverse

from meetings import services
from tests.governance.publications.conftest import give_published_minutes

pytestmark = pytest.mark.django_db


@pytest.fixture
def held_with_published_minutes(warwickshire, chair, secretariat):
    meeting = services.schedule_meeting(
        partnership=warwickshire,
        title="Annual public meeting",
        date=datetime.date(2027, 6, 15),
        start_time=datetime.time(18),
        is_public=True,
    )
    services.add_agenda_item(meeting=meeting, title="Partnership standards", purpose="decision")
    services.agree_agenda(meeting=meeting, by=chair)
    services.circulate_agenda(meeting=meeting, by=secretariat)
    give_published_minutes(meeting, discussion="The board discussed hotspots in Bedworth.")
    return meeting


def test_the_page_shown_while_the_pack_is_made_shows_the_published_minutes(client, held_with_published_minutes):
    meeting = held_with_published_minutes
    url = reverse("public_meetings:pack", kwargs={"slug": meeting.partnership.slug, "pk": meeting.pk})

    waiting = client.get(url)  # the pack is only queued: nothing runs it in this test

    assert waiting.status_code == 202
    assert "The agenda pack is being made" in waiting.text
    assert "Confirmed by the board as a true record" in waiting.text
    assert "<p>Minutes</p>" in waiting.text  # the published copy's HTML
    assert "once the board has confirmed them" not in waiting.text
