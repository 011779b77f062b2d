"""Issue 7, the members' portal: each of the demo's member, chair and secretariat officer signs
in without asking for a page, lands on "Your home" (a member acknowledging the partnership's
codes on the way, as the demo asks), finds what is waiting on them and follows one entry to the
page where it is done. axe-core on every page; the home is also read at a phone's 320 pixels."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from governance.demo import warwickshire as demo
from tests.e2e.axe import assert_accessible

pytestmark = pytest.mark.e2e

PARTNERSHIP = "Warwickshire Safer Communities Partnership"


@pytest.fixture
def demo_loaded(db):
    assert demo.load(timezone.localdate())


@pytest.fixture
def land_on_home(page, live_server, demo_loaded):
    """Signs in through the sign-in page with no page asked for, acknowledges the codes when
    asked, and checks the landing: "Your home", accessible."""

    def land_on_home(username):
        page.goto(f"{live_server.url}/accounts/login/")
        page.get_by_label("Username").fill(username)
        page.get_by_label("Password").fill(demo.DEMO_PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        expect(page).not_to_have_url(re.compile(r"/accounts/login/"))
        if "/account/codes/" in page.url:
            assert_accessible(page)
            page.get_by_label("I have read the Code of Conduct for Partnership Working and will follow it").check()
            page.get_by_label("I have read the Partnership Behaviour Protocol and will follow it").check()
            page.get_by_role("button", name="Confirm").click()
        expect(page).to_have_url(f"{live_server.url}/home/")
        expect(page.get_by_role("heading", level=1)).to_have_text("Your home")
        assert_accessible(page)
        return page.locator("section", has=page.get_by_role("heading", name="Waiting on you", level=2))

    return land_on_home


def test_member_lands_on_home_and_responds_in_writing(page, land_on_home):
    waiting = land_on_home("member")
    expect(waiting.get_by_role("heading", name="As a member")).to_be_visible()
    expect(waiting).to_contain_text(PARTNERSHIP)
    expect(page.get_by_role("heading", name="Your next meetings", level=2)).to_be_visible()
    expect(page.get_by_role("heading", name="Your declarations and register of interests", level=2)).to_be_visible()
    page.set_viewport_size({"width": 320, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert_accessible(page)
    waiting.get_by_role("link", name="Respond to the decision in writing: Bid to the Safer Streets Fund").click()
    expect(page).to_have_url(re.compile(r"/decisions-in-writing/\d+/respond/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Bid to the Safer Streets Fund")
    assert_accessible(page)


def test_chair_lands_on_home_and_opens_the_agenda_to_agree(page, land_on_home):
    waiting = land_on_home("chair")
    expect(waiting.get_by_role("heading", name="As chair")).to_be_visible()
    waiting.get_by_role("link", name=re.compile(r"^Agree the agenda: Board meeting")).first.click()
    expect(page).to_have_url(re.compile(r"/partnerships/warwickshire-scp/meetings/\d+/$"))
    expect(page.get_by_role("button", name=re.compile("Agree"))).to_be_visible()
    assert_accessible(page)


def test_secretariat_lands_on_home_and_opens_the_compliance_dashboard(page, land_on_home):
    waiting = land_on_home("secretariat")
    expect(waiting.get_by_role("heading", name="As secretariat")).to_be_visible()
    waiting.get_by_role("link", name="Late: Every member confirms their register of interests every year").click()
    expect(page).to_have_url(re.compile(r"/partnerships/warwickshire-scp/compliance/$"))
    assert_accessible(page)
