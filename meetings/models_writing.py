"""Decisions taken in writing between meetings: the chair puts a proposal to the members, each
responds in the portal (declaring any interest first), the chair closes it and the result is
numbered in the decision log and reported to the next meeting."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from partnership.models import Member, Partnership

from .models_record import InterestCategory, InterestKind


class ProposalStatus(models.TextChoices):
    OPEN = "open", "Open for responses"
    CLOSED = "closed", "Closed and decided"
    WITHDRAWN = "withdrawn", "Withdrawn by the chair"


class WrittenProposal(models.Model):
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="written_proposals")
    title = models.CharField(max_length=300)
    proposal = models.TextField(help_text="What the members are asked to agree, as it would be minuted.")
    why_now = models.TextField("why it cannot wait", help_text="Why it cannot wait for the next meeting.")
    respond_by = models.DateField()
    status = models.CharField(max_length=20, choices=ProposalStatus.choices, default=ProposalStatus.OPEN)
    opened_at = models.DateTimeField()
    opened_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["-opened_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="open") | Q(closed_at__isnull=False), name="closed_proposal_says_when"
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def is_open(self) -> bool:
        return self.status == ProposalStatus.OPEN


class Response(models.TextChoices):
    FOR = "for", "For"
    AGAINST = "against", "Against"
    ABSTAIN = "abstain", "Abstain"


class WrittenResponse(models.Model):
    """A member's answer to a proposal. With a prejudicial interest the member takes no part:
    the answer is kept as a withdrawal and not counted (ToR 7)."""

    proposal = models.ForeignKey(WrittenProposal, on_delete=models.CASCADE, related_name="responses")
    member = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="written_responses")
    interest = models.CharField(max_length=20, choices=InterestKind.choices, blank=True)
    interest_category = models.CharField(max_length=20, choices=InterestCategory.choices, blank=True)
    interest_nature = models.TextField(blank=True)
    response = models.CharField(max_length=20, choices=Response.choices, blank=True)
    responded_at = models.DateTimeField()

    history = HistoricalRecords()

    class Meta:
        ordering = ["proposal", "member__person__name"]
        constraints = [
            models.UniqueConstraint(fields=["proposal", "member"], name="one_response_per_member"),
            models.CheckConstraint(
                condition=Q(interest="") | ~Q(interest_nature=""), name="declared_interest_says_what"
            ),
            models.CheckConstraint(
                condition=Q(interest="prejudicial", response="") | (~Q(interest="prejudicial") & ~Q(response="")),
                name="prejudicial_interest_takes_no_part",
            ),
        ]

    def __str__(self):
        return f"{self.member}: {self.get_response_display() or 'withdrew'}"

    @property
    def withdrew(self) -> bool:
        return self.interest == InterestKind.PREJUDICIAL
