"""Each rule of the partnership's terms of reference with its status for a calendar year (met,
due soon, late, missed, or not yet due) and a sentence saying why, for the compliance dashboard
and the annual compliance statement. A fixed number of queries whatever the number of meetings,
members or milestones: the year's meetings with their minutes, the closure days, the offices, the
terms of reference, the withdrawal notices, the codes, the members and their acknowledgements,
the people whose register of interests is due, the milestones."""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from partnership.models import Partnership

from ..selectors import acknowledgement_register
from .days import ComplianceYear
from .meeting_rules import agenda_rule, meetings_a_year_rule, minutes_rule, public_meetings_rule
from .register_rules import (
    conduct_rule,
    interests_rule,
    milestones_rule,
    offices_in_force,
    offices_rule,
    skills_review_rule,
    terms_in_force,
    terms_review_rule,
    withdrawals_in_year,
    withdrawals_rule,
)
from .rows import ComplianceStatus, RuleRow, worst

__all__ = ["ComplianceStatus", "YearCompliance", "compliance_for", "year_meetings"]


@dataclass(frozen=True)
class YearCompliance:
    partnership: Partnership
    year: int
    today: datetime.date
    rules: list[RuleRow]

    @property
    def status(self) -> str:
        return worst(rule.status for rule in self.rules)

    @property
    def status_label(self) -> str:
        return ComplianceStatus(self.status).label

    def count(self, status: str) -> int:
        return sum(1 for rule in self.rules if rule.status == status)

    @property
    def counts(self) -> list[tuple[str, str, int]]:
        """(status, label, number of rules) for each status some rule has, the worst first."""
        found = [(status.value, status.label, self.count(status)) for status in reversed(ComplianceStatus)]
        return [row for row in found if row[2]]


def year_meetings(partnership: Partnership, year: int):
    """The year's meetings with their minutes, sharing `partnership` so the working-day
    calendar is read once for all of them (partnership/calendar.py)."""
    return list(partnership.meetings.filter(date__year=year).select_related("minutes").order_by("date", "start_time"))


def compliance_for(
    partnership: Partnership, *, year: int | None = None, today: datetime.date | None = None
) -> YearCompliance:
    today = today or timezone.localdate()
    cy = ComplianceYear(year=year or today.year, today=today)
    meetings = year_meetings(partnership, cy.year)
    terms = terms_in_force(partnership, cy.on)
    register = acknowledgement_register(partnership, cy.on)  # the codes, and the active members
    rules = [
        agenda_rule(partnership, meetings, cy),
        minutes_rule(partnership, meetings, cy),
        meetings_a_year_rule(partnership, meetings, cy),
        public_meetings_rule(partnership, meetings, cy),
        offices_rule(partnership, offices_in_force(partnership, cy.on), cy),
        terms_review_rule(partnership, terms, cy),
        skills_review_rule(partnership, terms, cy),
        withdrawals_rule(partnership, withdrawals_in_year(partnership, cy.year), cy),
        conduct_rule(partnership, register, cy),
        interests_rule(partnership, [member for member, _ in register[1]], cy),
        milestones_rule(partnership, cy),
    ]
    return YearCompliance(partnership=partnership, year=cy.year, today=today, rules=rules)
