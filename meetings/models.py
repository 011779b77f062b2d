"""Meetings and their agendas: when and where a partnership meets, what it is asked to
consider, and whether the agenda went out on time (ToR 5.7). Rules across rows live in the
services package."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from simple_history.models import HistoricalRecords

from partnership import calendar
from partnership.models import Member, Partnership


class MeetingStatus(models.TextChoices):
    PLANNED = "planned", "Planned"
    AGENDA_CIRCULATED = "agenda_circulated", "Agenda circulated"
    HELD = "held", "Held"
    MINUTES_APPROVED = "minutes_approved", "Minutes approved"
    MINUTES_CIRCULATED = "minutes_circulated", "Minutes circulated"
    CLOSED = "closed", "Closed"


OPEN_STATUSES = (MeetingStatus.PLANNED, MeetingStatus.AGENDA_CIRCULATED)


class Meeting(models.Model):
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="meetings")
    title = models.CharField(max_length=200, help_text="For example Board meeting, or Annual public meeting.")
    group = models.CharField(
        "board or sub-group", max_length=120, default="Board", help_text="The board itself, or one of its sub-groups."
    )
    date = models.DateField()
    start_time = models.TimeField()
    end_time = models.TimeField(null=True, blank=True)
    place = models.CharField(max_length=300, blank=True, help_text="Room and address, if it meets in person.")
    online_link = models.URLField("link to join online", blank=True)
    webcast_link = models.URLField("link to the webcast", blank=True)
    is_public = models.BooleanField("held in public", default=False)
    status = models.CharField(max_length=20, choices=MeetingStatus.choices, default=MeetingStatus.PLANNED)
    presiding_member = models.ForeignKey(
        Member,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="meetings_presided",
        help_text="Who presides when the chair is absent (ToR 5.4).",
    )
    agenda_agreed_at = models.DateTimeField(null=True, blank=True)
    agenda_agreed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    agenda_circulated_at = models.DateTimeField(null=True, blank=True)
    agenda_circulated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    agenda_circulated_late = models.BooleanField(default=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["date", "start_time"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_time__isnull=True) | Q(end_time__gt=models.F("start_time")),
                name="meeting_ends_after_it_starts",
                violation_error_message="The meeting must end after it starts.",
            ),
            models.CheckConstraint(
                condition=Q(agenda_circulated_late=False) | Q(agenda_circulated_at__isnull=False),
                name="only_a_circulated_agenda_is_late",
            ),
        ]

    def __str__(self):
        return f"{self.title}, {self.date:%-d %B %Y}"

    def get_absolute_url(self):
        return reverse("meetings:meeting", kwargs={"slug": self.partnership.slug, "pk": self.pk})

    @cached_property
    def agenda_due(self):
        """The last day the agenda and papers can go out on time (ToR 5.7)."""
        return calendar.agenda_due(self.partnership, self.date)

    @cached_property
    def minutes_due(self):
        """The last day approved minutes can be circulated on time (ToR 5.8)."""
        return calendar.minutes_due(self.partnership, self.date)

    @property
    def is_open(self) -> bool:
        """Its agenda and papers can still change: it has not been held, and its day is not past."""
        return self.status in OPEN_STATUSES and self.date >= timezone.localdate()

    @property
    def is_circulated(self) -> bool:
        return self.agenda_circulated_at is not None

    @property
    def is_published(self) -> bool:
        """A public meeting is published when its agenda goes out (API.md)."""
        return self.is_public and self.is_circulated


class Purpose(models.TextChoices):
    DECISION = "decision", "For decision"
    DISCUSSION = "discussion", "For discussion"
    INFORMATION = "information", "For information"


class StandingItem(models.TextChoices):
    APOLOGIES = "apologies", "Apologies for absence"
    DECLARATIONS = "declarations", "Declarations of interest"
    PREVIOUS_MINUTES = "previous_minutes", "Minutes of the last meeting"
    MATTERS_ARISING = "matters_arising", "Matters arising"


class ExemptionReason(models.TextChoices):
    """Why an item is taken in private: the categories of exempt information in Schedule 12A
    to the Local Government Act 1972, which partnerships' papers follow."""

    PERSONAL = "personal", "Exempt: personal information"
    IDENTITY = "identity", "Exempt: could identify an individual"
    FINANCIAL = "financial", "Exempt: financial or business affairs"
    LABOUR_RELATIONS = "labour_relations", "Exempt: labour relations"
    LEGAL_ADVICE = "legal_advice", "Exempt: legal advice"
    NOTICES = "notices", "Exempt: proposed notice or order"
    CRIME = "crime", "Exempt: prevention or prosecution of crime"


class AgendaItem(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    position = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=300)
    purpose = models.CharField(max_length=20, choices=Purpose.choices, default=Purpose.DISCUSSION)
    description = models.TextField(blank=True)
    presenter = models.CharField(max_length=200, blank=True)
    leading_partners = models.CharField(max_length=300, blank=True)
    standing = models.CharField(max_length=20, choices=StandingItem.choices, blank=True)
    is_confidential = models.BooleanField("confidential", default=False)
    confidential_reason = models.CharField(
        "why it is exempt", max_length=20, choices=ExemptionReason.choices, blank=True
    )
    is_late = models.BooleanField(default=False)
    late_reason = models.TextField(blank=True)
    chair_accepted = models.BooleanField(default=False)
    chair_accepted_at = models.DateTimeField(null=True, blank=True)
    chair_accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(is_confidential=False) | ~Q(confidential_reason=""),
                name="confidential_item_says_why",
                violation_error_message="Say why a confidential item is exempt.",
            ),
            models.CheckConstraint(
                condition=Q(is_late=False) | ~Q(late_reason=""),
                name="late_item_says_why",
                violation_error_message="Say why a late item could not wait for the next meeting.",
            ),
        ]

    def __str__(self):
        return f"{self.position}. {self.title}"

    @property
    def awaits_chair(self) -> bool:
        return self.is_late and not self.chair_accepted


class Paper(models.Model):
    """A paper for an agenda item, with the cover sheet every board paper carries (seed 002)."""

    agenda_item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="papers")
    title = models.CharField(max_length=300)
    prepared_by = models.CharField(max_length=200, blank=True)
    presenting = models.CharField(max_length=200, blank=True)
    leading_partners = models.CharField(max_length=300, blank=True)
    summary = models.TextField(blank=True)
    recommendations = models.TextField(blank=True)
    financial_hr_implications = models.TextField("financial and HR implications", blank=True)
    equality_implications = models.TextField("equality and diversity implications", blank=True)
    purpose = models.CharField(max_length=20, choices=Purpose.choices, default=Purpose.DISCUSSION)
    is_late = models.BooleanField(default=False)
    late_reason = models.TextField(blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["agenda_item", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(is_late=False) | ~Q(late_reason=""),
                name="late_paper_says_why",
                violation_error_message="Say why a late paper could not go out with the agenda.",
            ),
        ]

    def __str__(self):
        return self.title


def paper_file_path(instance, filename):
    # Never under a public URL: files are served through a view that checks permission.
    return f"papers/{instance.paper.agenda_item.meeting_id}/{instance.paper_id}/{filename}"


class PaperFile(models.Model):
    """An uploaded document of a paper: PDF, DOCX, XLSX or ODT, checked by its content."""

    paper = models.ForeignKey(Paper, on_delete=models.CASCADE, related_name="files")
    file = models.FileField(upload_to=paper_file_path, max_length=500)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    uploaded_at = models.DateTimeField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["paper", "uploaded_at", "pk"]

    def __str__(self):
        return self.original_name


from .models_feeds import CalendarFeed  # noqa: E402, F401
from .models_minutes import MinuteItem, Minutes, MinutesStatus, MinutesVersion  # noqa: E402, F401
from .models_pack import AgendaPack, PackStatus, PackVariant  # noqa: E402, F401
from .models_record import (  # noqa: E402, F401
    Attendance,
    AttendanceStatus,
    Decision,
    DecisionMethod,
    Declaration,
    InterestCategory,
    InterestKind,
    OtherAttendee,
    OtherAttendeeRole,
    Outcome,
)
from .models_submissions import PaperSubmission, SubmissionStatus  # noqa: E402, F401
from .models_work_programme import WorkKind, WorkProgrammeItem  # noqa: E402, F401
from .models_writing import ProposalStatus, Response, WrittenProposal, WrittenResponse  # noqa: E402, F401
