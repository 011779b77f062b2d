"""The forward work programme: what the partnership plans to consider at future meetings."""

from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from partnership.models import Partnership

from .models import Purpose  # defined before models.py imports this module


class WorkKind(models.TextChoices):
    QUARTERLY_PERFORMANCE = "quarterly_performance", "Quarterly performance report"
    TERMS_REVIEW = "terms_review", "Annual review of the terms of reference"
    SKILLS_REVIEW = "skills_review", "Annual skills and knowledge review"
    STRATEGIC_ASSESSMENT = "strategic_assessment", "Strategic assessment"
    CHAIR_ELECTION = "chair_election", "Election of the chair"
    VICE_CHAIR_ELECTION = "vice_chair_election", "Election of the vice chair"
    OTHER = "other", "Other business"


class WorkProgrammeItem(models.Model):
    """An item planned for a future meeting. Its reference follows the seeds' "WP 12-01-07":
    the date of the meeting it is planned for."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="work_programme")
    kind = models.CharField(max_length=30, choices=WorkKind.choices, default=WorkKind.OTHER)
    title = models.CharField(max_length=300)
    purpose = models.CharField(max_length=20, choices=Purpose.choices, default=Purpose.DECISION)
    presenter = models.CharField(max_length=200, blank=True)
    due_by = models.DateField(help_text="The last date it can be considered.")
    meeting = models.ForeignKey(
        "meetings.Meeting", null=True, blank=True, on_delete=models.SET_NULL, related_name="planned_work"
    )
    agenda_item = models.OneToOneField(
        "meetings.AgendaItem", null=True, blank=True, on_delete=models.SET_NULL, related_name="work_programme_item"
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["due_by", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "kind", "due_by"],
                condition=~Q(kind="other"),
                name="one_recurring_item_per_due_date",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def reference(self) -> str:
        return f"WP {self.meeting.date:%d-%m-%y}" if self.meeting_id else ""
