"""Runs the deadline sweep now, as beat runs it every hour, and sends what it recorded."""

from django.core.management.base import BaseCommand

from governance.deadlines.announcements import record_missed_announcements
from governance.deadlines.sweep import find_notices, run_sweep
from partnership.notifications.delivery import deliver_waiting


class Command(BaseCommand):
    help = (
        "Finds every deadline of the terms of reference coming up or missed, records who must be "
        "told, sends it, and prints what was sent. Nothing is sent twice: a notice already sent by "
        "an earlier sweep is skipped."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="print what today's rules call for; record and send nothing"
        )

    def handle(self, *args, dry_run, **options):
        if dry_run:
            for notice in find_notices():
                for recipient in notice.recipients:
                    if recipient.key:
                        self.stdout.write(f"Due: {notice.subject} (to {recipient.email})")
            return
        # As the nightly task does: today's deadlines, and announcements whose task was lost.
        recorded = len(run_sweep()) + record_missed_announcements()
        delivery = deliver_waiting()
        for notification in delivery.sent:
            self.stdout.write(f"Sent: {notification.subject} (to {notification.recipient_email})")
        for notification in delivery.failed:
            self.stderr.write(
                f"Not sent, will be tried again: {notification.subject} (to {notification.recipient_email}): "
                f"{notification.last_error}"
            )
        self.stdout.write(
            f"Recorded {recorded} new notification{'' if recorded == 1 else 's'}; sent {len(delivery.sent)}."
        )
