"""The emails a subscriber gets carry their own one-click unsubscribe link in the headers (RFC
8058); the other emails of the outbox do not."""

import pytest
from django.core import mail

from governance import services_subscriptions as subscriptions
from partnership.notifications.delivery import deliver_waiting
from partnership.notifications.recording import Notice, Recipient, record

from .conftest import publication, subscription

pytestmark = pytest.mark.usefixtures("no_delivery")


def test_a_new_publications_email_has_the_one_click_unsubscribe_headers(warwickshire):
    rita = subscription(warwickshire, "rita@example.org")
    subscriptions.tell_subscribers(
        partnership_id=warwickshire.pk, publications=[publication(warwickshire, "agenda:1", "Agenda: Board")]
    )

    assert len(deliver_waiting().sent) == 1

    (message,) = mail.outbox
    leave = subscriptions.unsubscribe_url(rita)
    assert message.to == ["rita@example.org"]
    assert message.extra_headers["List-Unsubscribe"] == f"<{leave}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    sent = message.message()
    assert sent["List-Unsubscribe"] == f"<{leave}>"
    assert sent["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert leave in message.body


def test_other_emails_have_no_unsubscribe_headers(warwickshire):
    record(
        [
            Notice(
                partnership_id=warwickshire.pk,
                partnership_name=warwickshire.name,
                kind="agenda_due_soon",
                about="meeting:1",
                occasion="2026-12-08",
                recipients=(Recipient(email="sam@example.org"),),
                subject="Agenda due",
                paragraphs=("The agenda must go out.",),
                link="/partnerships/warwickshire-scp/",
                link_text="Circulate the agenda",
            )
        ]
    )
    subscriptions.subscribe(partnership=warwickshire, email="rita@example.org")

    deliver_waiting()

    assert len(mail.outbox) == 2
    for message in mail.outbox:
        assert "List-Unsubscribe" not in message.message()
