"""What the dashboard says of a rule: its status in words, why, and where to put it right."""

from dataclasses import dataclass, field

from django.db import models


class ComplianceStatus(models.TextChoices):
    PENDING = "pending", "Not yet due"
    MET = "met", "Met"
    DUE_SOON = "due_soon", "Due soon"
    LATE = "late", "Late"
    MISSED = "missed", "Missed"


# A rule is as bad as its worst occasion; "not yet due" counts for least, so a year met so far
# with meetings still to come reads as met.
SEVERITY = {status: rank for rank, status in enumerate(ComplianceStatus)}


def plural(count: int, word: str, words: str | None = None) -> str:
    return f"{count} {word if count == 1 else (words or word + 's')}"


def worst(statuses, *, default: str = ComplianceStatus.PENDING) -> str:
    return max(statuses, key=SEVERITY.__getitem__, default=default)


@dataclass(frozen=True)
class Occasion:
    """One occasion a rule applies to (a meeting's agenda, a term of office) and how it stands."""

    subject: str
    status: str
    reason: str
    url: str = ""

    @property
    def status_label(self) -> str:
        return ComplianceStatus(self.status).label


@dataclass(frozen=True)
class RuleRow:
    """One rule of the terms of reference for the year: its status, a sentence saying why with
    the dates and figures, and the page that puts it right."""

    key: str
    title: str
    source: str
    status: str
    reason: str
    fix_url: str
    fix_label: str
    occasions: list[Occasion] = field(default_factory=list)

    @property
    def status_label(self) -> str:
        return ComplianceStatus(self.status).label
