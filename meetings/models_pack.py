"""The agenda pack of a meeting as last built: one PDF per meeting and variant, kept until the
agenda, its papers or their files change (the fingerprint says what it was built from)."""

from django.db import models

from partnership.documents import DocumentStatus, StoredDocument


class PackVariant(models.TextChoices):
    MEMBERS = "members", "Members' pack"
    PUBLIC = "public", "Public pack"


# A pack goes through the states every document made in the background shares.
PackStatus = DocumentStatus


def agenda_pack_path(instance, filename):
    # Never under a public URL: packs are served through a view that checks permission.
    return f"packs/{instance.meeting_id}/{filename}"


class AgendaPack(StoredDocument):
    meeting = models.ForeignKey("meetings.Meeting", on_delete=models.CASCADE, related_name="agenda_packs")
    variant = models.CharField(max_length=10, choices=PackVariant.choices)
    # Its fingerprint is a hash of the agenda, papers and files.
    file = models.FileField(upload_to=agenda_pack_path, max_length=300, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["meeting", "variant"], name="one_pack_per_meeting_and_variant"),
            models.CheckConstraint(condition=models.Q(progress__lte=100), name="pack_progress_is_a_percentage"),
        ]

    def __str__(self):
        return f"{self.get_variant_display()} for meeting {self.meeting_id}"
