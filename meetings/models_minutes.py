"""Minutes: drafted per agenda item, approved by whoever chaired the meeting, circulated
within the partnership's working days, confirmed as a true record at a later meeting and then,
for a public meeting, published without its confidential items (ToR 5.8)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from partnership.models import Member


class MinutesStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    APPROVED = "approved", "Approved by the chair"
    CIRCULATED = "circulated", "Circulated to members"
    CONFIRMED = "confirmed", "Confirmed as a true record"


class Minutes(models.Model):
    meeting = models.OneToOneField("meetings.Meeting", on_delete=models.CASCADE, related_name="minutes")
    status = models.CharField(max_length=20, choices=MinutesStatus.choices, default=MinutesStatus.DRAFT)
    approved_at = models.DateTimeField(null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_as = models.ForeignKey(
        Member,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The member who chaired, as whom the minutes were approved.",
    )
    circulated_at = models.DateTimeField(null=True, blank=True)
    circulated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    is_late = models.BooleanField(default=False, help_text="Circulated after the minutes were due (ToR 5.8).")
    confirmed_at = models.DateTimeField(null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    confirmed_at_meeting = models.ForeignKey(
        "meetings.Meeting", null=True, blank=True, on_delete=models.PROTECT, related_name="minutes_confirmed"
    )
    version = models.PositiveSmallIntegerField(default=0, help_text="How many times they have been approved.")
    public_html = models.TextField(
        blank=True, help_text="The public summary as published on confirmation: no confidential item."
    )
    public_summary = models.JSONField(
        null=True, blank=True, help_text="The public summary's items and decisions, as the public API gives them."
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "minutes"
        constraints = [
            models.CheckConstraint(
                condition=Q(status="draft") | Q(approved_at__isnull=False), name="approved_minutes_say_when"
            ),
            models.CheckConstraint(
                condition=~Q(status__in=["circulated", "confirmed"]) | Q(circulated_at__isnull=False),
                name="circulated_minutes_say_when",
            ),
            models.CheckConstraint(
                condition=~Q(status="confirmed") | Q(confirmed_at_meeting__isnull=False),
                name="confirmed_minutes_say_where",
            ),
            models.CheckConstraint(
                condition=Q(is_late=False) | Q(circulated_at__isnull=False), name="only_circulated_minutes_are_late"
            ),
        ]

    def __str__(self):
        return f"Minutes of {self.meeting}"

    @property
    def is_draft(self) -> bool:
        return self.status == MinutesStatus.DRAFT

    @property
    def is_published(self) -> bool:
        """Public once confirmed, only for a meeting held in public (API.md), and served from
        the copy made on confirmation (minutes_publication.py)."""
        return self.status == MinutesStatus.CONFIRMED and self.meeting.is_public and self.public_summary is not None


class MinuteItem(models.Model):
    """What the minutes say of one agenda item: its discussion, as sanitised HTML. Attendance,
    declarations and decisions come from the meeting's record, not from here."""

    minutes = models.ForeignKey(Minutes, on_delete=models.CASCADE, related_name="items")
    agenda_item = models.OneToOneField("meetings.AgendaItem", on_delete=models.CASCADE, related_name="minute")
    discussion = models.TextField(blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["agenda_item__position", "agenda_item__pk"]

    def __str__(self):
        return f"Minute of {self.agenda_item}"


class MinutesVersion(models.Model):
    """The minutes as the chair approved them, kept whole each time so versions can be compared."""

    minutes = models.ForeignKey(Minutes, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField()
    text = models.TextField(help_text="The approved minutes as plain text, for comparing.")
    html = models.TextField()
    approved_at = models.DateTimeField()
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    circulated_at = models.DateTimeField(
        null=True, blank=True, help_text="When this version went to the members; members read only these."
    )

    class Meta:
        ordering = ["minutes", "number"]
        constraints = [
            models.UniqueConstraint(fields=["minutes", "number"], name="one_minutes_version_per_number"),
        ]

    def __str__(self):
        return f"Version {self.number} of {self.minutes}"
