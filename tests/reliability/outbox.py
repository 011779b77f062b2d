"""Reading what the workers did: each notification's status, and how many messages the mail
server accepted for it."""

from collections import Counter

from partnership.models import Notification


def messages_per_notification(accepted: list[tuple[str, str]]) -> dict[int, int]:
    """How many messages went out for each notification, matched on (recipient, subject), which
    the tests' data keeps unique; a message matching no notification fails the test."""
    rows = Notification.objects.only("recipient_email", "subject")
    ids = {(row.recipient_email, row.subject): row.pk for row in rows}
    assert len(ids) == Notification.objects.count(), "two notifications share a recipient and subject"
    unknown = [message for message in accepted if message not in ids]
    assert not unknown, f"messages that are no notification's: {unknown[:3]}"
    counts = Counter(ids[message] for message in accepted)
    return {pk: counts.get(pk, 0) for pk in ids.values()}


def statuses() -> Counter:
    return Counter(Notification.objects.values_list("status", flat=True))
