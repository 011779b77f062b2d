"""Issue 6, notifications in the browser. The nightly sweep reminds Mo Member that a milestone of
an action they own is due in five working days; Mo opens "Your notifications" from their home
page, reads the reminder as it was emailed, and follows its link to the action. The secretariat
opens the partnership's notifications and filters them to those sent. axe-core on every page."""

import datetime

import pytest
from playwright.sync_api import expect

from governance.deadlines import milestones
from governance.deadlines import sweep as the_sweep
from partnership.models import Member, Notification, NotificationStatus
from partnership.notifications import recording
from partnership.notifications.delivery import deliver_waiting
from partnership.notifications.recording import Notice, Recipient, record
from tests.actionplans.factories import ActionFactory, ActionPlanFactory, MilestoneFactory, SectionFactory
from tests.e2e.axe import assert_accessible

pytestmark = pytest.mark.e2e

ACTION = "Clarify roles and responsibilities of partners"
REMINDER = "Milestone due on Wednesday 2 December: Protocol drafted"
WAITING = "Agenda due on Tuesday 8 December: Board meeting"


@pytest.fixture
def reminded(monkeypatch, warwickshire, member, secretariat):
    """The sweep of 25 November (today) reminds the owner of a milestone due on 2 December, five
    working days on, and the reminder is sent; a notice to the secretariat waits to be sent."""
    monkeypatch.setattr(the_sweep, "RULES", (milestones.find,))  # only the rule this journey is about
    monkeypatch.setattr(recording, "_queue_delivery", lambda: None)  # the test sends, not a worker
    plan = ActionPlanFactory(partnership=warwickshire, title="Ethical framework action plan")
    action = ActionFactory(
        plan=plan,
        section=SectionFactory(plan=plan, code="B", title="Relationships"),
        owner_member=Member.objects.get(person__user=member),
        reference="(a)",
        title=ACTION,
        due=datetime.date(2027, 3, 31),
    )
    MilestoneFactory(action=action, title="Protocol drafted", due=datetime.date(2026, 12, 2))
    the_sweep.run_sweep()
    deliver_waiting()
    record(
        [
            Notice(
                partnership_id=warwickshire.pk,
                partnership_name=warwickshire.name,
                kind="agenda_due_soon",
                about="meeting:1",
                occasion="2026-12-08",
                recipients=(Recipient(email="sam.secretariat@example.org", user_id=secretariat.pk),),
                subject=WAITING,
                paragraphs=("The agenda must go to members by Tuesday 8 December 2026.",),
                link="/partnerships/warwickshire-scp/",
                link_text="Circulate the agenda",
            )
        ]
    )
    assert Notification.objects.get(subject=REMINDER).status == NotificationStatus.SENT
    return action


def test_a_member_reads_a_reminder_and_the_secretariat_sees_what_was_sent(page, live_server, log_in, reminded):
    log_in("mo.member", next_path="/partnerships/")
    expect(page.get_by_role("heading", name="My partnerships", level=1)).to_be_visible()
    expect(page.get_by_role("link", name=REMINDER)).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Your notifications", exact=True).click()
    expect(page.get_by_role("heading", name="Your notifications", level=1)).to_be_visible()
    row = page.get_by_role("row").filter(has_text=REMINDER)
    expect(row).to_contain_text("Warwickshire Safer Communities Partnership")
    expect(row).to_contain_text("25 November 2026")
    expect(row).to_contain_text("Sent 25 November 2026 at 10:")
    expect(page.get_by_role("main")).not_to_contain_text(WAITING)
    assert_accessible(page)

    page.get_by_role("link", name=REMINDER).click()
    expect(page.get_by_role("heading", name=REMINDER, level=1)).to_be_visible()
    main = page.get_by_role("main")
    expect(main).to_contain_text("Dear Mo Member,")
    expect(main).to_contain_text("is due on Wednesday 2 December 2026.")
    assert_accessible(page)

    page.get_by_role("button", name="Go to the page to do it").click()
    expect(page).to_have_url(f"{live_server.url}/actions/{reminded.pk}/progress/")
    expect(page.get_by_role("heading", name=ACTION, level=1)).to_be_visible()
    assert_accessible(page)

    page.context.clear_cookies()
    log_in("sam.secretariat", next_path="/partnerships/warwickshire-scp/")
    page.get_by_role("link", name="Notifications the partnership has sent").click()
    expect(page.get_by_role("heading", name="Notifications", level=1)).to_be_visible()
    expect(page.get_by_role("heading", name="2 notifications", level=2)).to_be_visible()
    expect(page.get_by_role("row").filter(has_text=WAITING)).to_contain_text("Waiting to be sent")
    expect(page.get_by_role("row").filter(has_text=REMINDER)).to_contain_text("mo.member@police.example.org")
    assert_accessible(page)

    page.get_by_label("Status").select_option(label="Sent")
    page.get_by_role("button", name="Show").click()
    expect(page).to_have_url(f"{live_server.url}/partnerships/warwickshire-scp/notifications/?status=sent&filter=")
    expect(page.get_by_role("heading", name="1 notification: sent", level=2)).to_be_visible()
    expect(page.get_by_role("row").filter(has_text=REMINDER)).to_contain_text("Sent 25 November 2026")
    expect(page.get_by_role("main")).not_to_contain_text(WAITING)
    assert_accessible(page)
