"""Codes members sign up to, and who has acknowledged which version."""

from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from partnership.models import Partnership, Person


class ConductDocumentKind(models.TextChoices):
    CODE_OF_CONDUCT = "code_of_conduct", "Code of conduct"
    BEHAVIOUR_PROTOCOL = "behaviour_protocol", "Behaviour protocol"


class ConductDocument(models.Model):
    """A version of a code every member of the partnership acknowledges: the Code of Conduct
    for Partnership Working (seed 001) or a behaviour protocol (seed 003). A new version asks
    every member again."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="conduct_documents")
    kind = models.CharField(max_length=30, choices=ConductDocumentKind.choices)
    title = models.CharField(max_length=200)
    version = models.CharField(max_length=40)
    text = models.TextField()
    in_force_from = models.DateField()

    history = HistoricalRecords()

    class Meta:
        ordering = ["kind", "-in_force_from"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "kind", "version"], name="one_conduct_document_version"),
        ]

    def __str__(self):
        return f"{self.title} ({self.version})"

    def get_absolute_url(self):
        return reverse("governance:conduct-document", kwargs={"pk": self.pk})


class Acknowledgement(models.Model):
    """A person's statement that they have read and will follow a conduct document."""

    document = models.ForeignKey(ConductDocument, on_delete=models.PROTECT, related_name="acknowledgements")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="acknowledgements")
    acknowledged_at = models.DateTimeField()

    history = HistoricalRecords()

    class Meta:
        ordering = ["-acknowledged_at"]
        constraints = [
            models.UniqueConstraint(fields=["document", "person"], name="one_acknowledgement_per_document"),
        ]

    def __str__(self):
        return f"{self.person} acknowledged {self.document}"


from .models_publications import Publication, PublicationKind  # noqa: E402, F401
from .models_registers import (  # noqa: E402, F401
    BreachStatus,
    ConductBreach,
    GiftKind,
    GiftOrHospitality,
    InterestRegisterConfirmation,
    RegisteredInterest,
)
from .models_subscriptions import Subscription  # noqa: E402, F401
