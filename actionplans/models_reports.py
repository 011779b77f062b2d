"""The quarterly performance report to the Public Service Board (ToR 6.1) as last made: one
PDF per partnership and quarter, kept until what it was made from changes (the fingerprint
says what that was). Like the agenda pack it is a copy made from records that keep their own
history, so it keeps none itself."""

from django.db import models

from partnership.documents import StoredDocument
from partnership.models import Partnership


def quarterly_report_path(instance, filename):
    # Never under a public URL: reports are served through a view that checks permission.
    return f"reports/{instance.partnership_id}/{filename}"


class QuarterlyReport(StoredDocument):
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="quarterly_reports")
    quarter = models.CharField(max_length=6, help_text='Such as "2027Q1": January to March 2027.')
    # Its fingerprint is a hash of the quarter, its last day and the plans' history.
    file = models.FileField(upload_to=quarterly_report_path, max_length=300, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["partnership", "quarter"], name="one_report_per_partnership_and_quarter"),
            models.CheckConstraint(condition=models.Q(progress__lte=100), name="report_progress_is_a_percentage"),
        ]

    def __str__(self):
        return f"Quarterly report {self.quarter} of partnership {self.partnership_id}"
