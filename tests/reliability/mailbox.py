"""A mail server for the reliability tests: each message it accepts is one line in a file shared
by every worker, so a test can count how often each notification went out. It can be slowed, so
a batch is still being sent when the test kills a worker, and it can stop dead just after
accepting a chosen message, before the worker marks it sent: the one moment a notification can
go twice."""

import json
import os
import pathlib
import time

from django.core.mail.backends.base import BaseEmailBackend

MAILBOX = "RELIABILITY_MAILBOX"  # the file every worker appends to
DELAY = "RELIABILITY_SEND_SECONDS"  # how long the server takes over each message
HANG_AFTER = "RELIABILITY_HANG_AFTER"  # accept this many messages, then stop dead
MARKER = "RELIABILITY_MARKER"  # written when it stops, so the test kills it there


class CountingBackend(BaseEmailBackend):
    accepted = 0  # in this worker process

    def send_messages(self, messages):
        for message in messages:
            time.sleep(float(os.environ.get(DELAY) or 0))
            line = json.dumps({"to": message.to, "subject": message.subject, "pid": os.getpid()})
            # One short append per message: lines from several processes never interleave.
            with open(os.environ[MAILBOX], "a", encoding="utf-8") as mailbox:
                mailbox.write(line + "\n")
            CountingBackend.accepted += 1
            if CountingBackend.accepted == int(os.environ.get(HANG_AFTER) or 0):
                pathlib.Path(os.environ[MARKER]).write_text("accepted, not yet marked sent")
                time.sleep(600)
        return len(messages)


def rows(path: pathlib.Path) -> list[dict]:
    """Every message the server accepted, in order: its recipients, subject and worker's pid."""
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def accepted(path: pathlib.Path) -> list[tuple[str, str]]:
    """(recipient, subject) of every message the server accepted, in order."""
    return [(row["to"][0], row["subject"]) for row in rows(path)]
