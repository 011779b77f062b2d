"""What the partnership has published, one row per document or decision the public can read:
an agenda, an open paper, the confirmed minutes, a decision, the plan summary. It is an index
kept from the published records themselves (never the live drafts): the public search reads
it, the Atom feed lists it newest first, and a new row is what residents who subscribed are
told about. A row is kept by its `key`, so publishing the same thing again adds nothing."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from meetings.models import Meeting
from partnership.models import Partnership


class PublicationKind(models.TextChoices):
    AGENDA = "agenda", _("Agenda")
    PAPER = "paper", _("Paper")
    MINUTES = "minutes", _("Minutes")
    DECISION = "decision", _("Decision")
    PLAN = "plan", _("Partnership plan summary")


class Publication(models.Model):
    bookkeeping = True  # partnership/records_version.py: an index of what records already say
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="publications")
    kind = models.CharField(max_length=20, choices=PublicationKind.choices)
    key = models.CharField(max_length=120, unique=True, help_text='What it is, e.g. "paper:44" or "decision:77".')
    meeting = models.ForeignKey(Meeting, null=True, blank=True, on_delete=models.CASCADE, related_name="publications")
    title = models.CharField(max_length=400)
    summary = models.TextField(blank=True, help_text="A sentence or two for the feed and search results.")
    text = models.TextField(blank=True, help_text="Everything in it that the public may read, for search.")
    path = models.CharField(max_length=500, help_text="Where to read it on this site, with the anchor of its place.")
    fingerprint = models.CharField(
        max_length=64, blank=True, editable=False, help_text="A hash of what it was made from, to tell a change."
    )
    published_at = models.DateTimeField()
    updated_at = models.DateTimeField()
    subscribers_told_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="When its subscribers' emails were recorded; empty until then, so the sweep redoes a lost task.",
    )

    class Meta:
        ordering = ["-published_at", "-pk"]
        indexes = [
            models.Index(fields=["partnership", "-published_at"], name="publication_newest"),
            # The sweep looks for the few rows whose subscribers are still to be told.
            models.Index(
                fields=["published_at"], condition=models.Q(subscribers_told_at__isnull=True), name="publication_untold"
            ),
        ]

    def __str__(self):
        return self.title
