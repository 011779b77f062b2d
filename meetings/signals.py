"""What meetings tell the apps above them (DESIGN.md: a lower app sends a signal the higher one
listens to). Each is sent once the transaction that caused it commits, with `meeting_id`.

- `meeting_published`: a public meeting's agenda has gone out, or something the public may read
  of a meeting whose agenda has gone out may have changed (an item, a paper, a file, the order
  of the agenda, the date, or whether it is held in public: it may just have become private).
- `minutes_published`: a public meeting's minutes were confirmed and their public summary made."""

from django.db import transaction
from django.dispatch import Signal

meeting_published = Signal()
minutes_published = Signal()


def announce_meeting_change_on_commit(meeting) -> None:
    """Every service that changes an agenda item, a paper, a file, or the meeting's date or
    public/private flag calls this: once the agenda has gone out, whatever changed may change what
    the public reads, so `meeting_published` is sent when the change commits. The listener works
    out what is public now (a meeting made private is taken out)."""
    if meeting.is_circulated:
        meeting_id = meeting.pk
        transaction.on_commit(lambda: meeting_published.send(sender=type(meeting), meeting_id=meeting_id))
