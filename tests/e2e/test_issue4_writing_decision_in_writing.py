"""Issue 4, a decision that cannot wait for the next meeting, taken in writing: the chair puts
it to the members; Mo Member declares a prejudicial interest and takes no part; other members
respond in the portal; the secretariat reads the responses but cannot close it; the chair
closes it and the decision is numbered in the decision log, to be reported to the June
meeting. The server's clock stands at 25 November 2026."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from meetings import services
from meetings.models import Decision, WrittenResponse
from tests.e2e.axe import assert_accessible
from tests.meetings.test_views_writing_support import make_vice_chair, put_to_members, respond, seat_members

pytestmark = pytest.mark.e2e

TITLE = "Bid for the Safer Streets fund"
RESPOND_BY = datetime.date(2026, 12, 2)


@pytest.fixture
def board(warwickshire, secretariat, chair, member):
    """Carol Chair, Mo Member and four more: six members against a quorum of 5; and the board's
    next meeting, in June 2027, to which the decision will be reported."""
    services.schedule_meeting(
        partnership=warwickshire, title="Board meeting", date=datetime.date(2027, 6, 15), start_time=datetime.time(14)
    )
    return seat_members(warwickshire, 4)


@pytest.fixture
def sign_out(page):
    def sign_out():
        page.get_by_role("button", name=re.compile(r"^Sign out")).click()

    return sign_out


def success(page):
    return page.locator(".govuk-notification-banner--success")


def answer(page, *, interest, response=None, category=None, nature=""):
    page.get_by_role("group", name="Do you have an interest in this proposal?").get_by_label(interest).check()
    if category:
        page.get_by_label("What the interest touches (optional)").select_option(label=category)
    page.get_by_label("What the interest is").fill(nature)
    if response:
        page.get_by_role("group", name="Do you agree the proposal?").get_by_label(response, exact=True).check()
    page.get_by_role("button", name="Send my response").click()


def test_a_decision_taken_in_writing(page, live_server, log_in, sign_out, fill_date, board, warwickshire, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = True  # the members' emails are sent in the request, not queued
    priya, tom, aisha, gareth = board

    # The chair finds decisions in writing from the register and puts one to the members.
    log_in("carol.chair", next_path="/partnerships/warwickshire-scp/")
    page.get_by_role("link", name="Decisions in writing").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Decisions in writing")
    expect(page.get_by_role("main")).to_contain_text("No proposal is open for responses.")
    assert_accessible(page)
    page.get_by_role("button", name="Put a decision to the members").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Put a decision to the members in writing")
    assert_accessible(page)
    page.get_by_role("button", name="Put it to the members").click()
    expect(page).to_have_title(re.compile(r"^Error: Put a decision"))
    expect(page.locator(".govuk-error-summary")).to_contain_text("Say why it cannot wait for the next meeting")
    assert_accessible(page)
    page.get_by_label("Title").fill(TITLE)
    page.get_by_label("What the members are asked to agree").fill(
        "The partnership agrees to bid for £250,000 from the Safer Streets fund."
    )
    page.get_by_label("Why it cannot wait for the next meeting").fill("The bidding round closes on 4 December.")
    fill_date("Members respond by", RESPOND_BY)
    page.get_by_role("button", name="Put it to the members").click()
    expect(success(page)).to_contain_text("The proposal has gone to the members")
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(page.locator("#awaiting ~ ul")).to_contain_text("Mo Member")
    assert_accessible(page)
    sign_out()

    # Mo Member finds it in the portal and declares a prejudicial interest: he takes no part.
    log_in("mo.member", next_path="/meetings/")
    expect(page.get_by_role("heading", name="Decisions in writing")).to_be_visible()
    expect(page.get_by_role("row", name=re.compile(TITLE))).to_contain_text("Not answered yet")
    assert_accessible(page)
    page.get_by_role("link", name=TITLE).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    assert_accessible(page)
    answer(page, interest="Personal", response="For")
    expect(page.locator(".govuk-error-summary")).to_contain_text("Say what the interest is.")
    assert_accessible(page)
    assert not WrittenResponse.objects.exists()
    answer(
        page,
        interest="Prejudicial",
        category="A person who employs or appointed them, a firm or company they are in",
        nature="My force would run the patrols the fund pays for.",
    )
    expect(success(page)).to_contain_text("Your response is recorded.")
    expect(page.locator("#your-response ~ dl")).to_contain_text(
        "You declared a prejudicial interest, so you take no part in this decision."
    )
    assert_accessible(page)
    page.get_by_role("link", name="My meetings").click()
    expect(page.get_by_role("row", name=re.compile(TITLE))).to_contain_text("You take no part: prejudicial interest")
    sign_out()

    # Two more members answer in the portal; the rest have answered already.
    for username, response in (("priya.patel", "For"), ("tom.hughes", "Against")):
        log_in(username, next_path="/meetings/")
        page.get_by_role("link", name=TITLE).click()
        answer(page, interest="No interest to declare", response=response)
        expect(success(page)).to_contain_text("Your response is recorded.")
        sign_out()
    proposal = WrittenResponse.objects.first().proposal
    respond(proposal, [aisha, gareth], "for")

    # The secretariat reads the responses but is offered no way to close it.
    log_in("sam.secretariat", next_path=f"/partnerships/warwickshire-scp/decisions-in-writing/{proposal.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(page.get_by_role("main")).to_contain_text("4 members taking part; at least 5 are needed to decide.")
    expect(page.get_by_role("row", name=re.compile("^Mo Member"))).to_contain_text("Took no part")
    expect(page.get_by_role("button", name="Close and record the decision")).to_have_count(0)
    assert_accessible(page)
    sign_out()

    # The chair tries to close it too soon, then answers, and closes it.
    log_in("carol.chair", next_path=f"/partnerships/warwickshire-scp/decisions-in-writing/{proposal.pk}/")
    page.get_by_role("button", name="Close and record the decision").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "4 members have taken part so far; at least 5 are needed to decide"
    )
    assert_accessible(page)
    assert not Decision.objects.exists()
    page.get_by_role("button", name="Respond to this proposal").click()
    answer(page, interest="No interest to declare", response="For")
    page.get_by_role("link", name="Back to the proposal").click()
    page.get_by_role("button", name="Close and record the decision").click()
    expect(success(page)).to_contain_text("Decision 1 is in the decision log: carried, 4 for, 1 against, 0 abstaining.")
    expect(page.locator("#decision")).to_contain_text("Decision 1: Carried")
    expect(page.get_by_role("main")).to_contain_text("To be reported to the meeting of Board meeting, 15 June 2027.")
    assert_accessible(page)

    page.get_by_role("link", name="decision log").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Decision log")
    row = page.get_by_role("row", name=re.compile(r"^1 "))
    expect(row).to_contain_text(f"Taken in writing: {TITLE}")
    expect(row).to_contain_text("Vote: 4 for, 1 against, 0 abstaining")
    expect(row).to_contain_text("Carried")
    assert_accessible(page)

    decision = Decision.objects.get()
    assert sorted(voter.person.name for voter in decision.voters.all()) == [
        "Aisha Khan",
        "Carol Chair",
        "Gareth Jones",
        "Priya Patel",
        "Tom Hughes",
    ]


def test_the_vice_chair_cannot_put_a_decision_in_writing(page, live_server, log_in, board, warwickshire, chair):
    make_vice_chair(warwickshire)
    put_to_members(warwickshire, chair, title=TITLE)
    log_in("vera.vice", next_path="/partnerships/warwickshire-scp/decisions-in-writing/")
    expect(page.get_by_role("link", name=TITLE, exact=True)).to_be_visible()
    expect(page.get_by_role("button", name="Put a decision to the members")).to_have_count(0)
    assert_accessible(page)
    page.goto(f"{live_server.url}/partnerships/warwickshire-scp/decisions-in-writing/new/")
    expect(page.get_by_role("main")).to_contain_text(
        "Only the chair puts a decision to the members in writing, and closes it."
    )
    assert_accessible(page)
