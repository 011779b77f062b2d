"""Issue 4 tried as a new user would with the demo (governance/demo/warwickshire.py): the
Warwickshire partnership with three board meetings already held, signed in with the demo's
logins. The secretariat records last week's private board meeting (attendance with an apology,
a named substitute and a guest; the chair's record of a prejudicial interest; a vote refused
for naming the member who withdrew, then carried without him; a tie, lost), starts and writes
its minutes; the vice chair, who did not chair, cannot approve them; the chair approves; the
secretariat circulates them on time. Then the secretariat confirms the second meeting's late
minutes at last week's meeting, and the public reads their summary, on the page and through
the API, without the confidential item. axe-core runs on every page. The server's clock stands
at 25 November 2026, so last week's meeting was on Tuesday 17 November."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from governance.demo import warwickshire as demo
from meetings.models import Attendance, Decision, Meeting, Minutes, MinutesStatus
from tests.e2e.axe import assert_accessible
from tests.e2e.conftest import long_date

pytestmark = pytest.mark.e2e

PARTNERSHIP = "Warwickshire Safer Communities Partnership"
TREATMENT = "Drug and Alcohol Action Team: treatment plan"
PERFORMANCE = "Quarterly performance report to the Public Service Board"
TOWN_CENTRES = "Anti-social behaviour in town centres"
CONFIDENTIAL = "Domestic homicide review: action plan"
CONFIDENTIAL_MINUTE = "names of those involved"
DECLARANT = "Dr Kamal Bhatt"
SUBSTITUTE = "Supt Claire Young"
GUEST = "Dr Amy Cole"
APOLOGIES = "Angela Ward"
MEMBER = "Ch Supt Mark Dunn"
CHAIR = "Cllr Helen Marsh"
# Voters on the treatment plan once the declarant withdrew: 4 for, 1 against, 1 abstention.
VOTERS = [CHAIR, "Cllr David Okafor", "Cllr Ruth Gallagher", "Janet Croft", "Lucy Evans", MEMBER]


@pytest.fixture
def demo_meetings(db, settings):
    """The demo, loaded for today; its three board meetings already held, oldest first."""
    settings.CELERY_TASK_ALWAYS_EAGER = True  # the members' emails go in the request
    assert demo.load(timezone.localdate())
    held = Meeting.objects.filter(title="Board meeting", date__lt=timezone.localdate()).order_by("date")
    first, second, last = held
    return first, second, last


@pytest.fixture
def sign_in(page, log_in):
    """Signs in with a demo login; a member signing in for the first time acknowledges the
    partnership's codes on the way, as the demo asks them to."""

    def sign_in(username, next_path="/partnerships/"):
        log_in(username, password=demo.DEMO_PASSWORD, next_path=next_path)
        expect(page).not_to_have_url(re.compile(r"/accounts/login/"))
        if "/account/codes/" in page.url:
            expect(page.get_by_role("heading", level=1)).to_have_text("Your partnership codes")
            assert_accessible(page)
            page.get_by_label("I have read the Code of Conduct for Partnership Working and will follow it").check()
            page.get_by_label("I have read the Partnership Behaviour Protocol and will follow it").check()
            page.get_by_role("button", name="Confirm").click()
            expect(success(page)).to_contain_text("Thank you. You have acknowledged")

    return sign_in


@pytest.fixture
def sign_out(page):
    def sign_out():
        page.get_by_role("button", name=re.compile(r"^Sign out")).click()

    return sign_out


def success(page):
    return page.locator(".govuk-notification-banner--success")


def heading(page):
    return page.get_by_role("heading", level=1)


def seat(page, name):
    """The attendance question for one member: a group named after them and their body."""
    return page.get_by_role("group", name=re.compile(f"^{re.escape(name)},"))


def item_number(meeting, title) -> int:
    """An item's number on the meeting's agenda, after the standing items."""
    return meeting.agenda_items.get(title=title).position


# The steps, each from the page where the last one left off.


def open_last_weeks_meeting(page, last):
    """From the list of partnerships to last week's meeting, as a new user finds it."""
    page.get_by_role("link", name=re.compile(f"^{PARTNERSHIP}")).click()
    expect(heading(page)).to_have_text("Register")
    page.get_by_role("link", name="Meetings", exact=True).click()
    expect(heading(page)).to_have_text(f"Meetings in {last.date.year}")
    assert_accessible(page)
    row = page.get_by_role("row", name=re.compile(f"^{last.date:%a} {last.date.day} {last.date:%B}"))
    row.get_by_role("link", name="Board meeting").click()
    expect(heading(page)).to_have_text("Board meeting")
    expect(page.get_by_role("main")).to_contain_text(f"{last.date:%A} {long_date(last.date)}")
    assert_accessible(page)


def record_attendance(page, last):
    page.get_by_role("link", name="Attendance", exact=True).click()
    expect(heading(page)).to_have_text("Attendance")
    expect(page.get_by_role("main")).to_contain_text(f"{CHAIR}, the chair.")
    assert_accessible(page)
    names = list(last.partnership.members.values_list("person__name", flat=True))
    for name in names:
        if name not in (APOLOGIES, MEMBER):
            seat(page, name).get_by_label("Present", exact=True).check()
    seat(page, APOLOGIES).get_by_label("Apologies").check()
    seat(page, MEMBER).get_by_label("Represented by a named substitute").check()
    page.get_by_label(f"Substitute who attended for {MEMBER}, if one did").fill(SUBSTITUTE)
    page.get_by_role("button", name="Save attendance").click()
    expect(success(page)).to_contain_text(f"Attendance saved for {len(names)} members.")
    expect(page.get_by_role("main")).to_contain_text(
        f"{len(names) - 1} members present or represented by a named substitute"
    )
    expect(page.get_by_label(f"Substitute who attended for {MEMBER}, if one did")).to_have_value(SUBSTITUTE)
    assert_accessible(page)

    page.get_by_role("button", name="Add someone else who attended").click()
    expect(heading(page)).to_have_text("Add someone else who attended")
    assert_accessible(page)
    page.get_by_label("Name", exact=True).fill(GUEST)
    page.get_by_label("Organisation (optional)").fill("Public Health Warwickshire")
    page.get_by_label("Guest, with the chair's agreement (ToR 4.4)").check()
    page.get_by_role("button", name="Add to the record").click()
    expect(success(page)).to_contain_text("Added to those attending.")
    expect(page.get_by_role("row", name=re.compile(f"^{re.escape(GUEST)}"))).to_contain_text(
        "Public Health Warwickshire"
    )
    assert_accessible(page)


def record_the_prejudicial_interest(page, last):
    page.get_by_role("link", name="Declarations of interest").click()
    expect(heading(page)).to_have_text("Declarations of interest")
    assert_accessible(page)
    page.get_by_role("button", name="Record a declaration").click()
    expect(heading(page)).to_have_text("Record a declaration of interest")
    page.get_by_label("Member declaring the interest").select_option(label=f"{DECLARANT}, Warwickshire PCT")
    page.get_by_label("Agenda item").select_option(label=f"{item_number(last, TREATMENT)}. {TREATMENT}")
    page.get_by_label("Prejudicial").check()
    page.get_by_label("What the interest is").fill("The PCT commissions the treatment services the plan funds.")
    assert_accessible(page)
    page.get_by_role("button", name="Record the interest").click()
    expect(success(page)).to_contain_text("Declaration recorded.")
    declared = page.get_by_role("row", name=re.compile(f"^{re.escape(DECLARANT)}"))
    expect(declared).to_contain_text("Prejudicial")
    expect(declared).to_contain_text("Withdrew, taking no part in the decision")
    assert_accessible(page)


def fill_vote(page, *, text, votes_for, against, abstentions, voters=()):
    page.get_by_label("What was decided").fill(text)
    page.get_by_label("By a vote").check()
    page.get_by_label("For", exact=True).fill(str(votes_for))
    page.get_by_label("Against", exact=True).fill(str(against))
    page.get_by_label("Abstentions").fill(str(abstentions))
    group = page.get_by_role("group", name="Who voted, if it was a vote (optional)")
    for name in voters:
        group.get_by_label(f"{name},").check()
    return group


def record_the_votes(page, last):
    treatment_number = item_number(last, TREATMENT)
    performance_number = item_number(last, PERFORMANCE)
    page.get_by_role("link", name="Decisions", exact=True).click()
    expect(heading(page)).to_have_text("Decisions")
    assert_accessible(page)

    # Naming the member who withdrew among the voters: refused, and nothing saved.
    page.get_by_role("link", name=f"Record a decision on item {treatment_number}, {TREATMENT}").click()
    expect(heading(page)).to_have_text(f"Record a decision on item {treatment_number}: {TREATMENT}")
    voters = fill_vote(
        page,
        text="The treatment plan is approved.",
        votes_for=5,
        against=1,
        abstentions=1,
        voters=[*VOTERS, DECLARANT],
    )
    expect(voters).to_contain_text("Declared a prejudicial interest in this item.")
    expect(voters).to_contain_text(f"Represented by {SUBSTITUTE}.")
    assert_accessible(page)
    page.get_by_role("button", name="Save the decision").click()
    expect(page).to_have_title(re.compile(r"^Error: Record a decision"))
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        f"{DECLARANT} declared a prejudicial interest in this item and takes no part in the decision (ToR 7)"
    )
    assert not Decision.objects.filter(agenda_item__meeting=last).exists()
    assert_accessible(page)

    # Without him, four for, one against, one abstention: carried.
    voters.get_by_label(f"{DECLARANT},").uncheck()
    page.get_by_label("For", exact=True).fill("4")
    page.get_by_role("button", name="Save the decision").click()
    expect(success(page)).to_contain_text("Decision recorded.")
    carried = page.locator(".govuk-summary-card", has_text="The treatment plan is approved.")
    expect(carried).to_contain_text("By a vote: 4 for, 1 against, 1 abstention")
    expect(carried).to_contain_text("Carried")
    expect(carried).not_to_contain_text(DECLARANT)
    assert_accessible(page)

    # A tie is not carried (ToR 5.6).
    page.get_by_role("link", name=f"Record a decision on item {performance_number}, {PERFORMANCE}").click()
    fill_vote(page, text="The report is sent to the Public Service Board.", votes_for=6, against=6, abstentions=2)
    page.get_by_role("button", name="Save the decision").click()
    expect(success(page)).to_contain_text("Decision recorded.")
    tied = page.locator(".govuk-summary-card", has_text="The report is sent to the Public Service Board.")
    expect(tied).to_contain_text("By a vote: 6 for, 6 against, 2 abstentions")
    expect(tied).to_contain_text("Lost")
    expect(tied).not_to_contain_text("Carried")
    assert_accessible(page)
    page.get_by_role("link", name="Back to the meeting").click()
    expect(page.locator("#record-quorum")).to_contain_text("Quorate")


def start_and_write_the_minutes(page, last):
    number = item_number(last, TOWN_CENTRES)
    page.get_by_role("link", name="The minutes", exact=True).click()
    expect(heading(page)).to_have_text(f"Minutes of the Board meeting, {long_date(last.date)}")
    assert_accessible(page)
    page.get_by_role("button", name="Start the minutes").click()
    expect(success(page)).to_contain_text("Minutes started.")
    main = page.get_by_role("main")
    expect(main).to_contain_text(f"In the chair: {CHAIR}")
    expect(main).to_contain_text(SUBSTITUTE)
    expect(main).to_contain_text(GUEST)
    assert_accessible(page)

    page.get_by_role("link", name=f"Write the minute of item {number}, {TOWN_CENTRES}").click()
    expect(heading(page)).to_have_text(f"Minute of item {number}: {TOWN_CENTRES}")
    editor = page.get_by_role("textbox", name="What was discussed")
    assert_accessible(page)
    editor.click()
    page.keyboard.type("Districts reported on town-centre patrols. ")
    page.get_by_role("toolbar").get_by_role("button", name="Bold").click()
    page.keyboard.type("A joint report is due in spring.")
    page.get_by_role("button", name="Save the minute").click()
    expect(success(page)).to_contain_text(f"Minute of item {number} saved.")
    expect(page.locator("strong", has_text="A joint report is due in spring.")).to_be_visible()
    expect(page.get_by_role("button", name="Approve the minutes")).to_have_count(0)
    assert_accessible(page)


def vice_chair_is_refused(page, live_server, last):
    """Cllr David Okafor did not chair: the meeting page offers him no draft, the draft's own
    address refuses him, with no approve button, and the approval is refused outright."""
    minutes_path = f"{last.get_absolute_url()}minutes/"
    expect(heading(page)).to_have_text("Board meeting")
    expect(page.get_by_role("link", name="The minutes", exact=True)).to_have_count(0)
    assert_accessible(page)
    page.goto(f"{live_server.url}{minutes_path}")
    expect(heading(page)).to_have_text("You cannot do this")
    expect(page.get_by_role("main")).to_contain_text("Draft minutes are read by the secretariat and whoever chaired")
    expect(page.get_by_role("button", name="Approve the minutes")).to_have_count(0)
    assert_accessible(page)
    refusal = page.evaluate(
        """async (url) => {
            const token = document.querySelector('input[name="csrfmiddlewaretoken"]').value;
            const response = await fetch(url, {
                method: "POST",
                headers: {"X-CSRFToken": token, "Content-Type": "application/x-www-form-urlencoded"},
                body: "csrfmiddlewaretoken=" + encodeURIComponent(token),
                credentials: "same-origin",
                redirect: "manual",
            });
            return {status: response.status, text: await response.text()};
        }""",
        f"{minutes_path}approve/",
    )
    assert refusal["status"] == 403
    # Refused for not having chaired, not for a missing CSRF token.
    assert "Only the person who chaired this meeting can approve its minutes (ToR 5.8)." in refusal["text"]
    assert Minutes.objects.get(meeting=last).status == MinutesStatus.DRAFT


def chair_approves(page):
    page.get_by_role("link", name="The minutes", exact=True).click()
    assert_accessible(page)
    page.get_by_role("button", name="Approve the minutes").click()
    expect(success(page)).to_contain_text("Minutes approved (version 1).")
    expect(page.locator("#minutes-status")).to_contain_text(f"By {CHAIR} on {long_date(timezone.localdate())}")
    assert_accessible(page)


def secretariat_circulates(page, last):
    due = last.minutes_due
    on_time = timezone.localdate() <= due
    page.get_by_role("link", name="The minutes", exact=True).click()
    page.get_by_role("button", name="Circulate the minutes").click()
    expect(success(page)).to_contain_text(
        f"Minutes circulated to the members, {'on time' if on_time else 'late'}: they were due by {long_date(due)}."
    )
    expect(page.locator("#minutes-status")).to_contain_text("On time" if on_time else "Late")
    assert_accessible(page)


def public_minutes_not_yet_published(page, live_server, second):
    page.goto(f"{live_server.url}{public_path(second)}")
    expect(heading(page)).to_have_text("Board meeting")
    expect(page.locator("#minutes ~ p").first).to_contain_text(
        "The minutes are published here once the board has confirmed them"
    )
    assert_accessible(page)


def confirm_the_second_meetings_minutes(page, second, last):
    """From last week's minutes back to the meetings, to the second meeting's late minutes,
    which the board confirmed last week under its "Minutes of the last meeting" item."""
    page.get_by_role("link", name="Back to the meeting").click()
    page.get_by_role("link", name=f"Back to the meetings of {second.date.year}").click()
    row = page.get_by_role("row", name=re.compile(f"^{second.date:%a} {second.date.day} {second.date:%B}"))
    row.get_by_role("link", name="Board meeting").click()
    expect(page.get_by_role("main")).to_contain_text("The minutes: circulated to members, circulated late.")
    page.get_by_role("link", name="The minutes", exact=True).click()
    expect(heading(page)).to_have_text(f"Minutes of the Board meeting, {long_date(second.date)}")
    expect(page.locator("#minutes-status")).to_contain_text("Late")
    assert_accessible(page)
    page.get_by_role("button", name="Record that the board confirmed them").click()
    expect(heading(page)).to_have_text("Record that the board confirmed the minutes")
    assert_accessible(page)
    page.get_by_label("The meeting at which the board confirmed them").select_option(
        label=f"Board meeting, {long_date(last.date)}"
    )
    page.get_by_role("button", name="Record the confirmation").click()
    expect(success(page)).to_contain_text("Minutes confirmed as a true record. Their public summary is now published.")
    expect(page.locator("#minutes-status")).to_contain_text(f"At the Board meeting on {long_date(last.date)}")
    assert_accessible(page)


def public_reads_the_summary(page, live_server, second):
    """On the public page and through the public API: the minutes, without the confidential item."""
    page.goto(f"{live_server.url}{public_path(second)}")
    main = page.get_by_role("main")
    expect(main).to_contain_text(f"Confirmed by the board as a true record on {long_date(timezone.localdate())}.")
    minutes = page.locator(".minutes-document")
    expect(minutes).to_contain_text("The Performance Manager presented the report.")
    expect(minutes).to_contain_text(TREATMENT)
    expect(main).not_to_contain_text(CONFIDENTIAL)
    expect(main).not_to_contain_text(CONFIDENTIAL_MINUTE)
    assert_accessible(page)

    response = page.request.get(
        f"{live_server.url}/api/v1/public/partnerships/warwickshire-scp/meetings/",
        headers={"Accept": "application/json"},
    )
    assert response.ok
    assert CONFIDENTIAL not in response.text()
    assert CONFIDENTIAL_MINUTE not in response.text()
    published = next(meeting for meeting in response.json()["results"] if meeting["id"] == second.pk)
    minute_titles = [item["title"] for item in published["minutes"]["items"]]
    assert PERFORMANCE in minute_titles
    assert TREATMENT in minute_titles
    assert CONFIDENTIAL not in minute_titles


def public_path(meeting) -> str:
    return f"/p/warwickshire-scp/meetings/{meeting.pk}/"


def test_the_demo_as_a_new_user_tries_it(page, live_server, sign_in, sign_out, demo_meetings):
    _, second, last = demo_meetings
    meeting_path = last.get_absolute_url()

    public_minutes_not_yet_published(page, live_server, second)

    sign_in("secretariat")
    open_last_weeks_meeting(page, last)
    record_attendance(page, last)
    sign_out()

    sign_in("chair", next_path=meeting_path)
    record_the_prejudicial_interest(page, last)
    sign_out()

    sign_in("secretariat", next_path=meeting_path)
    record_the_votes(page, last)
    start_and_write_the_minutes(page, last)
    sign_out()

    sign_in("vicechair", next_path=meeting_path)
    vice_chair_is_refused(page, live_server, last)
    sign_out()

    sign_in("chair", next_path=meeting_path)
    chair_approves(page)
    sign_out()

    sign_in("secretariat", next_path=meeting_path)
    secretariat_circulates(page, last)
    confirm_the_second_meetings_minutes(page, second, last)
    sign_out()

    public_reads_the_summary(page, live_server, second)

    statuses = dict(Attendance.objects.filter(meeting=last).values_list("member__person__name", "status"))
    assert statuses[APOLOGIES] == "apologies"
    assert statuses[MEMBER] == "substitute"
    outcomes = dict(Decision.objects.filter(agenda_item__meeting=last).values_list("agenda_item__title", "outcome"))
    assert outcomes == {TREATMENT: "carried", PERFORMANCE: "lost"}
    assert Minutes.objects.get(meeting=last).status == MinutesStatus.CIRCULATED
    assert Minutes.objects.get(meeting=second).status == MinutesStatus.CONFIRMED
