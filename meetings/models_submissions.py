"""Papers that members and officers offer for a meeting, for the secretariat to accept onto the
agenda or return with a reason."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from .models import Purpose  # defined before models.py imports this module


class SubmissionStatus(models.TextChoices):
    SUBMITTED = "submitted", "Waiting for the secretariat"
    ACCEPTED = "accepted", "Accepted onto the agenda"
    RETURNED = "returned", "Returned"


def submission_file_path(instance, filename):
    # Kept off any public URL, like papers' files.
    return f"submissions/{instance.meeting_id}/{filename}"


class PaperSubmission(models.Model):
    meeting = models.ForeignKey("meetings.Meeting", on_delete=models.CASCADE, related_name="submissions")
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    submitted_at = models.DateTimeField()
    title = models.CharField(max_length=300)
    purpose = models.CharField(max_length=20, choices=Purpose.choices, default=Purpose.DISCUSSION)
    presenter = models.CharField(max_length=200, blank=True)
    summary = models.TextField()
    recommendations = models.TextField(blank=True)
    file = models.FileField(upload_to=submission_file_path, max_length=500, blank=True)
    original_name = models.CharField(max_length=255, blank=True)
    status = models.CharField(max_length=20, choices=SubmissionStatus.choices, default=SubmissionStatus.SUBMITTED)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    return_reason = models.TextField(blank=True)
    agenda_item = models.OneToOneField(
        "meetings.AgendaItem", null=True, blank=True, on_delete=models.SET_NULL, related_name="submission"
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["-submitted_at"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="returned") | ~Q(return_reason=""),
                name="returned_submission_says_why",
                violation_error_message="Say why the paper is returned.",
            ),
        ]

    def __str__(self):
        return self.title
