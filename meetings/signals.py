"""What meetings tell the apps above them (DESIGN.md: a lower app sends a signal the higher one
listens to). Each is sent once the transaction that caused it commits, with `meeting_id`.

- `meeting_published`: a public meeting's agenda has gone out, or something the public reads of
  it changed (a paper added to an open item of a circulated public meeting).
- `minutes_published`: a public meeting's minutes were confirmed and their public summary made."""

from django.dispatch import Signal

meeting_published = Signal()
minutes_published = Signal()
