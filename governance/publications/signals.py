"""Sent, once the transaction commits, when new rows are added to the publications index:
`partnership_id` and `publications` (the new Publication rows, oldest first). Subscribers'
emails listen to it."""

from django.dispatch import Signal

publications_added = Signal()
