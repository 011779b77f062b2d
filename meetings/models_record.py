"""What happened at a meeting: who attended, who declared an interest, what was decided
(ToR 5.6, 5.8, 7; the Code of Conduct's declaring of interests, seed 001)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from simple_history.models import HistoricalRecords

from partnership.models import Member, Partnership


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", "Present"
    APOLOGIES = "apologies", "Apologies"
    ABSENT = "absent", "Absent"
    SUBSTITUTE = "substitute", "Represented by a named substitute"


class Attendance(models.Model):
    meeting = models.ForeignKey("meetings.Meeting", on_delete=models.CASCADE, related_name="attendance")
    member = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="attendance")
    status = models.CharField(max_length=20, choices=AttendanceStatus.choices)
    substitute_name = models.CharField(max_length=200, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "member__person__name"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "member"], name="one_attendance_row_per_member"),
            models.CheckConstraint(
                condition=~Q(status="substitute") | ~Q(substitute_name=""),
                name="substitute_is_named",
                violation_error_message="Name the substitute who attended (ToR 3.2).",
            ),
        ]

    def __str__(self):
        return f"{self.member}: {self.get_status_display()}"

    @property
    def counts_as_present(self) -> bool:
        return self.status in (AttendanceStatus.PRESENT, AttendanceStatus.SUBSTITUTE)


class OtherAttendeeRole(models.TextChoices):
    OFFICER = "officer", "Supporting officer"
    BLOCK_LEAD = "block_lead", "Block lead (ToR 4.4)"
    GUEST = "guest", "Guest, with the chair's agreement (ToR 4.4)"


class OtherAttendee(models.Model):
    """Someone at the meeting who is not a member: officers, the block lead, guests."""

    meeting = models.ForeignKey("meetings.Meeting", on_delete=models.CASCADE, related_name="others_attending")
    name = models.CharField(max_length=200)
    organisation = models.CharField(max_length=200, blank=True)
    role = models.CharField(max_length=20, choices=OtherAttendeeRole.choices, default=OtherAttendeeRole.OFFICER)

    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "role", "name"]

    def __str__(self):
        return f"{self.name} ({self.get_role_display()})"


class InterestKind(models.TextChoices):
    PERSONAL = "personal", "Personal"
    PREJUDICIAL = "prejudicial", "Prejudicial"


class InterestCategory(models.TextChoices):
    """What a personal interest touches, in the Code of Conduct's words (seed 001)."""

    WELLBEING = "wellbeing", "Their well-being or financial position, or that of a friend or relative"
    EMPLOYMENT = "employment", "Employment or business carried on by such persons"
    EMPLOYER = "employer", "A person who employs or appointed them, a firm or company they are in"
    MEMBERSHIP = "membership", "An organisation of which they are a member"
    CONTROL = "control", "An organisation they control or manage"


class Declaration(models.Model):
    """An interest declared at or before the start of an item (ToR 7)."""

    meeting = models.ForeignKey("meetings.Meeting", on_delete=models.CASCADE, related_name="declarations")
    agenda_item = models.ForeignKey("meetings.AgendaItem", on_delete=models.CASCADE, related_name="declarations")
    member = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="declarations")
    kind = models.CharField(max_length=20, choices=InterestKind.choices)
    category = models.CharField(max_length=20, choices=InterestCategory.choices, blank=True)
    nature = models.TextField(help_text="What the interest is, in the Code of Conduct's terms.")
    participation_agreed = models.BooleanField(
        default=False, help_text="The board agreed the member may take part despite a prejudicial interest (ToR 7)."
    )
    participation_reason = models.TextField(blank=True)
    declared_at = models.DateTimeField(default=timezone.now)
    declared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["agenda_item", "member__person__name"]
        constraints = [
            models.UniqueConstraint(fields=["agenda_item", "member"], name="one_declaration_per_item_and_member"),
            models.CheckConstraint(
                condition=Q(participation_agreed=False) | ~Q(participation_reason=""),
                name="agreed_participation_says_why",
                violation_error_message="Record why the board agreed the member may take part.",
            ),
        ]

    def __str__(self):
        return f"{self.member}: {self.get_kind_display()} interest in {self.agenda_item}"

    @property
    def withdraws(self) -> bool:
        """A member with a prejudicial interest takes no part, unless the board agreed otherwise."""
        return self.kind == InterestKind.PREJUDICIAL and not self.participation_agreed


class DecisionMethod(models.TextChoices):
    CONSENSUS = "consensus", "By consensus"
    VOTE = "vote", "By a vote"


class Outcome(models.TextChoices):
    AGREED = "agreed", "Agreed"
    CARRIED = "carried", "Carried"
    LOST = "lost", "Lost"


class Decision(models.Model):
    """A decision of the partnership, numbered in its decision log: taken on an agenda item at
    a meeting, or in writing between meetings."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="decisions")
    agenda_item = models.ForeignKey(
        "meetings.AgendaItem", null=True, blank=True, on_delete=models.PROTECT, related_name="decisions"
    )
    written_proposal = models.OneToOneField(
        "meetings.WrittenProposal", null=True, blank=True, on_delete=models.PROTECT, related_name="decision"
    )
    decided_on = models.DateField()
    number = models.PositiveIntegerField(help_text="Numbered in the partnership's decision log.")
    text = models.TextField()
    method = models.CharField(max_length=20, choices=DecisionMethod.choices, default=DecisionMethod.CONSENSUS)
    votes_for = models.PositiveSmallIntegerField(default=0)
    votes_against = models.PositiveSmallIntegerField(default=0)
    abstentions = models.PositiveSmallIntegerField(default=0)
    voters = models.ManyToManyField(Member, blank=True, related_name="votes_cast")
    outcome = models.CharField(max_length=20, choices=Outcome.choices)
    # The plan's actions the decision gave rise to; they carry to the next meetings' matters
    # arising until done (meetings/selectors_actions_arising.py).
    actions = models.ManyToManyField("actionplans.Action", blank=True, related_name="arising_from_decisions")

    history = HistoricalRecords(m2m_fields=[voters, actions])

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "number"], name="one_decision_number_per_partnership"),
            models.CheckConstraint(
                condition=Q(method="vote") | Q(votes_for=0, votes_against=0, abstentions=0),
                name="consensus_has_no_counts",
            ),
            models.CheckConstraint(
                condition=~Q(method="vote") | ~Q(outcome="agreed"), name="a_vote_is_carried_or_lost"
            ),
            models.CheckConstraint(
                condition=Q(agenda_item__isnull=True, written_proposal__isnull=False)
                | Q(agenda_item__isnull=False, written_proposal__isnull=True),
                name="decided_at_a_meeting_or_in_writing",
            ),
        ]

    def __str__(self):
        return f"Decision {self.number}: {self.text[:60]}"

    @property
    def taken_in_writing(self) -> bool:
        return self.written_proposal_id is not None
