"""Issue 3, "Done when": the public sees the meeting without the confidential item. An anonymous
visitor goes from the partnership's public page to its public meetings and opens one whose
agenda has gone out: the open item is there, the confidential one only as its place and why it
is exempt. A private meeting has no public page, and the public calendar feed lists only the
public meeting."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from meetings import services
from tests.e2e.axe import assert_accessible

pytestmark = pytest.mark.e2e

OPEN_TITLE = "Partnership plan 2027 to 2030"
SECRET_TITLE = "Domestic homicide review: the Oak Road family"


@pytest.fixture
def meetings(warwickshire, secretariat, chair, settings):
    """A public meeting, agreed by the chair and circulated, with one open and one confidential
    item; and a private board meeting, circulated too."""
    settings.CELERY_TASK_ALWAYS_EAGER = True  # the members' emails go in the call, not to a broker
    public = services.schedule_meeting(
        partnership=warwickshire,
        title="Annual public meeting",
        date=datetime.date(2027, 1, 19),
        start_time=datetime.time(18),
        end_time=datetime.time(20),
        place="Riversley Park, Nuneaton",
        is_public=True,
    )
    services.add_agenda_item(meeting=public, title=OPEN_TITLE, purpose="decision", presenter="Head of Community Safety")
    services.add_agenda_item(
        meeting=public, title=SECRET_TITLE, purpose="discussion", is_confidential=True, confidential_reason="personal"
    )
    services.agree_agenda(meeting=public, by=chair)
    services.circulate_agenda(meeting=public, by=secretariat)

    private = services.schedule_meeting(
        partnership=warwickshire,
        title="Tasking and coordination group",
        group="Tasking sub-group",
        date=datetime.date(2027, 1, 26),
        start_time=datetime.time(10),
        place="Shire Hall, Warwick",
    )
    services.add_agenda_item(meeting=private, title="Hotspot patrols in Leamington", purpose="decision")
    services.agree_agenda(meeting=private, by=chair)
    services.circulate_agenda(meeting=private, by=secretariat)
    return public, private


def test_the_public_reads_a_public_meeting_without_its_confidential_item(page, live_server, meetings):
    public, private = meetings

    page.goto(f"{live_server.url}/p/warwickshire-scp/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Warwickshire Safer Communities Partnership")
    assert_accessible(page)

    page.get_by_role("link", name=re.compile(r"^See the public meetings")).click()
    expect(page).to_have_url(f"{live_server.url}/p/warwickshire-scp/meetings/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Public meetings")
    main = page.get_by_role("main")
    expect(main).not_to_contain_text("Tasking and coordination group")
    expect(page.get_by_text("No public meetings have been held yet.")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Annual public meeting, Tuesday 19 January 2027").click()
    expect(page).to_have_url(f"{live_server.url}/p/warwickshire-scp/meetings/{public.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Annual public meeting")
    main = page.get_by_role("main")
    expect(main).to_contain_text("Tuesday 19 January 2027, 6:00 p.m. to 8:00 p.m.")
    expect(main).to_contain_text("Riversley Park, Nuneaton")
    agenda = main.locator("ol > li")
    expect(agenda).to_have_count(6)  # the four standing items, the open item and the confidential one
    expect(agenda.nth(0)).to_contain_text("Apologies for absence")
    expect(agenda.nth(4)).to_contain_text(f"5. {OPEN_TITLE}")
    expect(agenda.nth(4)).to_contain_text("presented by Head of Community Safety")
    expect(agenda.nth(5)).to_contain_text("6. Item taken in private.")
    expect(agenda.nth(5)).to_contain_text("Exempt: personal information")
    expect(main).not_to_contain_text(SECRET_TITLE)
    assert SECRET_TITLE not in page.content()
    assert "Oak Road" not in page.content()
    assert_accessible(page)

    # The private meeting has no public page, whether or not its agenda has gone out.
    response = page.goto(f"{live_server.url}/p/warwickshire-scp/meetings/{private.pk}/")
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")
    expect(page.get_by_role("main")).not_to_contain_text("Tasking and coordination group")
    assert_accessible(page)

    # The public calendar: the public meeting, with its agenda's public lines; not the private one.
    feed = page.request.get(f"{live_server.url}/api/v1/public/partnerships/warwickshire-scp/meetings.ics")
    assert feed.status == 200
    assert feed.headers["content-type"].startswith("text/calendar")
    calendar = feed.text().replace("\r\n ", "").replace("\r\n\t", "")  # unfolded (RFC 5545 3.1)
    assert calendar.startswith("BEGIN:VCALENDAR")
    assert calendar.count("BEGIN:VEVENT") == 1
    assert "SUMMARY:Annual public meeting: Warwickshire Safer Communities Partnership" in calendar
    assert f"/p/warwickshire-scp/meetings/{public.pk}/" in calendar
    assert OPEN_TITLE in calendar
    assert "Exempt: personal information" in calendar
    assert "Tasking and coordination group" not in calendar
    assert "Hotspot patrols" not in calendar
    assert SECRET_TITLE not in calendar
    assert "Oak Road" not in calendar
