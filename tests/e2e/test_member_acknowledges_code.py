"""A member signs in for the first time and is asked to acknowledge the partnership's Code of
Conduct (seed 001, Appendix 1) and Behaviour Protocol (seed 003) before anything else."""

import pytest
from playwright.sync_api import expect

from governance.models import Acknowledgement, ConductDocumentKind
from tests.e2e.axe import assert_accessible
from tests.factories import ConductDocumentFactory

pytestmark = pytest.mark.e2e

CODE = """This Code sets down the standards of conduct expected of all partners and their representatives when \
working in partnership.

1. Customer-focused
Partners shall put the customers of the partnership at the centre of their work.

2. Co-operation
Partners shall co-operate with one another to achieve the aims of the partnership."""

PROTOCOL = """Achieve intended outcomes
Our priorities are evidence based and our decision making is transparent.

Value & respect each other
We respect and value everyone's contribution."""


@pytest.fixture
def codes(warwickshire):
    return [
        ConductDocumentFactory(partnership=warwickshire, text=CODE),
        ConductDocumentFactory(
            partnership=warwickshire,
            kind=ConductDocumentKind.BEHAVIOUR_PROTOCOL,
            title="Partnership Behaviour Protocol",
            text=PROTOCOL,
        ),
    ]


def test_sign_in_page_is_accessible(page, live_server, db):
    page.goto(f"{live_server.url}/accounts/login/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in")
    assert_accessible(page)

    page.get_by_role("button", name="Sign in").click()

    expect(page.locator(".govuk-error-summary")).to_contain_text("This field is required.")
    assert_accessible(page)


def test_member_acknowledges_the_codes_before_going_on(page, live_server, log_in, member, codes):
    log_in("mo.member", next_path="/partnerships/")

    expect(page).to_have_url(f"{live_server.url}/account/codes/?next=%2Fpartnerships%2F")
    expect(page.get_by_role("heading", name="Code of Conduct for Partnership Working")).to_be_visible()
    expect(page.get_by_role("heading", name="Partnership Behaviour Protocol")).to_be_visible()
    expect(page.get_by_role("main")).to_contain_text("Partners shall put the customers of the partnership")
    assert_accessible(page)

    page.get_by_role("button", name="Confirm").click()

    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("There is a problem")
    expect(summary).to_contain_text("Tick each code to confirm you have read it and will follow it.")
    assert not Acknowledgement.objects.exists()
    assert_accessible(page)

    page.get_by_label("I have read the Code of Conduct for Partnership Working and will follow it").check()
    page.get_by_label("I have read the Partnership Behaviour Protocol and will follow it").check()
    page.get_by_role("button", name="Confirm").click()

    expect(page).to_have_url(f"{live_server.url}/partnerships/")
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text(
        "Thank you. You have acknowledged the Code of Conduct for Partnership Working "
        "and the Partnership Behaviour Protocol."
    )
    expect(page.get_by_role("link", name="My partnerships")).to_be_visible()
    assert Acknowledgement.objects.filter(person__user=member).count() == 2
    assert_accessible(page)

    # Acknowledged: the member now goes where they ask.
    page.goto(f"{live_server.url}/p/warwickshire-scp/")
    expect(page).to_have_url(f"{live_server.url}/p/warwickshire-scp/")
