"""What action plans tell the apps above them (DESIGN.md: a lower app sends a signal the higher
one listens to). Each is sent once the transaction that caused it commits.

- `plan_published`: the secretariat published a plan's summary on the public site
  (`plan_id`, `partnership_id`); the publications index lists it.
- `plan_withdrawn`: the secretariat took it off the public site again (same arguments)."""

from django.dispatch import Signal

plan_published = Signal()
plan_withdrawn = Signal()
