"""The standing registers the Code of Conduct asks for (seed 001): each person's register of
interests, kept up to date and confirmed every year; the gifts and hospitality offered in
connection with a partnership's work; and suspected breaches of the Code, on which the chair may
require the member to withdraw from partnership business until it is resolved."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from meetings.models import InterestCategory
from partnership.models import Member, Partnership, Person


class RegisteredInterest(models.Model):
    """One line of a person's register of interests. A person keeps one register whatever the
    partnerships they sit on: their interests are theirs, not a seat's."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="registered_interests")
    category = models.CharField(max_length=20, choices=InterestCategory.choices)
    description = models.TextField(help_text="What the interest is, for example: Trustee of the Rugby Youth Trust.")
    organisation = models.CharField(
        "organisation or person", max_length=200, blank=True, help_text="Who the interest is in, if anyone."
    )
    registered_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["person__name", "-registered_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=models.F("registered_on")),
                name="interest_ends_after_it_began",
            ),
        ]

    def __str__(self):
        return f"{self.person}: {self.description}"

    @property
    def is_current(self) -> bool:
        return self.ended_on is None


class InterestRegisterConfirmation(models.Model):
    """A person's statement that their register of interests is complete and up to date. The
    yearly prompt asks for a new one twelve months after the last."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="interest_confirmations")
    confirmed_at = models.DateTimeField()

    history = HistoricalRecords()

    class Meta:
        ordering = ["-confirmed_at"]
        get_latest_by = "confirmed_at"

    def __str__(self):
        return f"{self.person} confirmed their register of interests"


class GiftKind(models.TextChoices):
    GIFT = "gift", "Gift"
    HOSPITALITY = "hospitality", "Hospitality"


class GiftOrHospitality(models.Model):
    """An offer of a gift or hospitality made in connection with a partnership's work. The Code
    asks the representative to declare and register every one they accept with their own
    organisation (`registered_with_body`)."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="gifts_and_hospitality")
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="gifts_and_hospitality")
    kind = models.CharField(max_length=20, choices=GiftKind.choices, default=GiftKind.GIFT)
    offered_by = models.CharField(max_length=200)
    description = models.TextField()
    estimated_value = models.DecimalField("estimated value (£)", max_digits=9, decimal_places=2)
    offered_on = models.DateField()
    accepted = models.BooleanField()
    registered_with_body = models.BooleanField(
        "declared to their nominating body", help_text="The Code asks for every accepted gift or hospitality."
    )
    recorded_at = models.DateTimeField()

    history = HistoricalRecords()

    class Meta:
        ordering = ["-offered_on", "-pk"]
        verbose_name = "gift or hospitality"
        verbose_name_plural = "gifts and hospitality"
        constraints = [
            models.CheckConstraint(condition=Q(estimated_value__gte=0), name="gift_value_not_negative"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} from {self.offered_by} to {self.person}"


class BreachStatus(models.TextChoices):
    OPEN = "open", "Open"
    RESOLVED = "resolved", "Resolved"


# Copied to the member's seat and its history, which staff and the attendance page show: it must
# not reveal that a breach is suspected, which is confidential to the secretariat and chair.
WITHDRAWAL_REASON = "Required by the chair to withdraw from partnership business until a matter is resolved"


class ConductBreach(models.Model):
    """A suspected breach of the Code, brought to the chair's attention. Confidential: only the
    partnership's secretariat and chair see it."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="conduct_breaches")
    member = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="conduct_breaches")
    reported_on = models.DateField()
    description = models.TextField()
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(max_length=20, choices=BreachStatus.choices, default=BreachStatus.OPEN)
    withdrawal_required_at = models.DateTimeField(null=True, blank=True)
    withdrawal_required_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    resolved_on = models.DateField(null=True, blank=True)
    resolution = models.TextField(blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-reported_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="open", resolved_on__isnull=True)
                | (Q(status="resolved", resolved_on__isnull=False) & ~Q(resolution="")),
                name="resolved_breach_says_when_and_how",
            ),
            models.CheckConstraint(
                condition=Q(resolved_on__isnull=True) | Q(resolved_on__gte=models.F("reported_on")),
                name="breach_resolved_after_reported",
            ),
        ]

    def __str__(self):
        return f"Suspected breach of the Code by {self.member.person.name}, reported {self.reported_on:%-d %B %Y}"

    def get_absolute_url(self):
        return reverse("governance:breach", kwargs={"slug": self.partnership.slug, "pk": self.pk})

    @property
    def is_open(self) -> bool:
        return self.status == BreachStatus.OPEN
