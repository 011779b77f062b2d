"""What action plans tell the apps above them (DESIGN.md: a lower app sends a signal the higher
one listens to). Each is sent once the transaction that caused it commits.

- `plan_published`: the secretariat published a plan's summary on the public site, or edited a
  plan whose summary is published (its title, a section, an action) (`plan_id`,
  `partnership_id`); the publications index lists it as it now reads.
- `plan_withdrawn`: the secretariat took it off the public site again (same arguments)."""

from django.dispatch import Signal

plan_published = Signal()
plan_withdrawn = Signal()
