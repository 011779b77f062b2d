"""What the dashboard says of a rule: its status in words, why, and where to put it right."""

from dataclasses import dataclass, field

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy


class ComplianceStatus(models.TextChoices):
    PENDING = "pending", _("Not yet due")
    MET = "met", _("Met")
    DUE_SOON = "due_soon", _("Due soon")
    LATE = "late", _("Late")
    MISSED = "missed", _("Missed")


# A rule is as bad as its worst occasion; "not yet due" counts for least, so a year met so far
# with meetings still to come reads as met.
SEVERITY = {status: rank for rank, status in enumerate(ComplianceStatus)}


# Counted words the rules share: `WORKING_DAYS % {"count": 3}` is "3 working days".
WORKING_DAYS = ngettext_lazy("%(count)s working day", "%(count)s working days", "count")
MEETINGS = ngettext_lazy("%(count)s meeting", "%(count)s meetings", "count")
ACTIVE_MEMBERS = ngettext_lazy("%(count)s active member", "%(count)s active members", "count")
MILESTONES = ngettext_lazy("%(count)s milestone", "%(count)s milestones", "count")


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
