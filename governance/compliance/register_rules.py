"""The rules kept by the register and the plans: a chair and vice chair in office (ToR 5.2), the
yearly review of the terms of reference (ToR 10) and of the board's skills and knowledge, notices
of withdrawal (ToR 9), the codes acknowledged by every member, registers of interests confirmed
every year, and action plan milestones met. Terms, reviews, codes and interests are judged on the
year's `on` day: today, or 31 December once the year is over. Each is due soon exactly while its
reminder goes out (deadlines/windows.py)."""

import datetime

from django.db.models import Count, Q
from django.urls import reverse

from actionplans.models import Milestone, MilestoneStatus
from partnership.models import Member, Office, OfficeRole, TermsOfReference, WithdrawalNotice
from partnership.services.common import long_date

from ..deadlines.windows import review_window, term_ending_window, withdrawal_window
from ..selectors_registers import people_due_to_confirm_interests
from .days import ComplianceYear
from .rows import ComplianceStatus, Occasion, RuleRow, plural, worst


def _register_url(partnership, anchor: str) -> str:
    return reverse("partnership:register", kwargs={"slug": partnership.slug}) + f"#{anchor}"


def offices_in_force(partnership, on: datetime.date) -> list[Office]:
    """Terms as chair or vice chair running on `on` or after it (one query)."""
    return list(
        Office.objects.filter(partnership=partnership, ends_on__gte=on)
        .select_related("member__person", "member__nominating_body")
        .order_by("starts_on", "pk")
    )


def _office_occasion(partnership, role: OfficeRole, offices: list[Office], on: datetime.date) -> Occasion:
    title = role.label.lower()
    url = _register_url(partnership, "offices")
    terms = [office for office in offices if office.role == role]
    holder = next((office for office in reversed(terms) if office.starts_on <= on), None)
    if holder is None:
        upcoming = next((office for office in terms if office.starts_on > on), None)
        reason = f"No one is {title} on {long_date(on)}: the office is vacant."
        if upcoming is not None:
            reason += f" {upcoming.member.person.name} takes office on {long_date(upcoming.starts_on)}."
        return Occasion(role.label, ComplianceStatus.MISSED, reason, url)
    who = f"{holder.member.person.name} ({holder.member.nominating_body.name})"
    successor = next((office for office in terms if office.starts_on > holder.starts_on), None)
    if successor is not None:
        reason = (
            f"{who} is {title} until {long_date(holder.ends_on)}; "
            f"{successor.member.person.name} takes over on {long_date(successor.starts_on)}."
        )
        return Occasion(role.label, ComplianceStatus.MET, reason, url)
    if term_ending_window(partnership, holder.ends_on).is_open(on):
        reason = (
            f"{who}'s term as {title} ends on {long_date(holder.ends_on)} and no successor has been appointed: "
            "hold the election."
        )
        return Occasion(role.label, ComplianceStatus.DUE_SOON, reason, url)
    return Occasion(role.label, ComplianceStatus.MET, f"{who} is {title} until {long_date(holder.ends_on)}.", url)


def offices_rule(partnership, offices: list[Office], cy: ComplianceYear) -> RuleRow:
    occasions = [_office_occasion(partnership, role, offices, cy.on) for role in OfficeRole]
    return RuleRow(
        key="offices",
        title=f"A chair and a vice chair in office, each for a term of {plural(partnership.chair_term_years, 'year')}",
        source="ToR 5.2",
        status=worst(occasion.status for occasion in occasions),
        reason=" ".join(occasion.reason for occasion in occasions),
        fix_url=reverse("partnership:office-add", kwargs={"slug": partnership.slug}),
        fix_label="Appoint a chair or vice chair",
        occasions=occasions,
    )


def terms_in_force(partnership, on: datetime.date) -> TermsOfReference | None:
    return (
        TermsOfReference.objects.filter(partnership=partnership, adopted_on__lte=on)
        .order_by("-adopted_on", "-pk")
        .first()
    )


def _review_status(partnership, terms: TermsOfReference | None, on: datetime.date, what: str) -> tuple[str, str]:
    if terms is None:
        return ComplianceStatus.MISSED, "No terms of reference are recorded, so no review date is set."
    due = terms.next_review_on
    version = f"the terms of reference, version {terms.version}, adopted on {long_date(terms.adopted_on)}"
    if due < on:
        overdue = plural((on - due).days, "day")
        return ComplianceStatus.MISSED, f"The {what} was due by {long_date(due)} under {version}: {overdue} overdue."
    if review_window(partnership, due).is_open(on):
        return ComplianceStatus.DUE_SOON, f"The {what} is due by {long_date(due)} under {version}."
    return ComplianceStatus.MET, f"The next {what} is due by {long_date(due)} under {version}."


def terms_review_rule(partnership, terms: TermsOfReference | None, cy: ComplianceYear) -> RuleRow:
    status, reason = _review_status(partnership, terms, cy.on, "review of the terms of reference")
    return RuleRow(
        key="terms_review",
        title="The terms of reference reviewed every year",
        source="ToR 10",
        status=status,
        reason=reason,
        fix_url=reverse("partnership:terms-add", kwargs={"slug": partnership.slug}),
        fix_label="Add the reviewed terms of reference",
    )


def skills_review_rule(partnership, terms: TermsOfReference | None, cy: ComplianceYear) -> RuleRow:
    # The skills review has no date of its own: it falls due with the terms of reference's
    # review, as the work programme plans it (meetings/services/work_programme.py).
    status, reason = _review_status(partnership, terms, cy.on, "skills and knowledge review")
    return RuleRow(
        key="skills_review",
        title="A skills and knowledge review of the board every year",
        source="Partnership rules",
        status=status,
        reason=reason,
        fix_url=reverse("work_programme:list", kwargs={"slug": partnership.slug}),
        fix_label="Work programme",
    )


def withdrawals_in_year(partnership, year: int) -> list[WithdrawalNotice]:
    """Notices taking effect in `year`, each with the seats its body still holds (one query)."""
    return list(
        WithdrawalNotice.objects.filter(nominating_body__partnership=partnership, effective_on__year=year)
        .select_related("nominating_body")
        .annotate(seats_held=Count("nominating_body__members", filter=Q(nominating_body__members__active=True)))
        .order_by("effective_on", "pk")
    )


def _withdrawal_occasion(partnership, notice: WithdrawalNotice, today: datetime.date) -> Occasion:
    body, url = notice.nominating_body.name, _register_url(partnership, "bodies")
    given = f"notice given on {long_date(notice.given_on)}"
    if notice.effective_on < today:
        if notice.seats_held:
            reason = (
                f"Took effect on {long_date(notice.effective_on)} ({given}), but "
                f"{plural(notice.seats_held, 'member')} of the body still hold seats: end them."
            )
            return Occasion(body, ComplianceStatus.LATE, reason, url)
        reason = f"Took effect on {long_date(notice.effective_on)} ({given})."
        return Occasion(body, ComplianceStatus.MET, reason, url)
    reason = f"Takes effect on {long_date(notice.effective_on)} ({given})."
    if withdrawal_window(partnership, notice.effective_on).is_open(today):
        return Occasion(body, ComplianceStatus.DUE_SOON, reason, url)
    return Occasion(body, ComplianceStatus.PENDING, reason, url)


def withdrawals_rule(partnership, notices: list[WithdrawalNotice], cy: ComplianceYear) -> RuleRow:
    occasions = [_withdrawal_occasion(partnership, notice, cy.today) for notice in notices]
    if occasions:
        reason = f"{plural(len(occasions), 'nominating body', 'nominating bodies')} withdrawing in {cy.year}."
    else:
        reason = f"No nominating body's withdrawal takes effect in {cy.year}."
    return RuleRow(
        key="withdrawals",
        title=f"Notice of withdrawal of at least {plural(partnership.withdrawal_notice_months, 'month')}",
        source="ToR 9",
        status=worst((occasion.status for occasion in occasions), default=ComplianceStatus.MET),
        reason=reason,
        fix_url=_register_url(partnership, "bodies"),
        fix_label="Nominating bodies",
        occasions=occasions,
    )


def conduct_rule(partnership, register, cy: ComplianceYear) -> RuleRow:
    """`register` is governance.selectors.acknowledgement_register's (documents, rows)."""
    documents, rows = register
    titles = " and the ".join(document.title for document in documents)
    outstanding = [member for member, acknowledgements in rows if None in acknowledgements]
    if not documents:
        status, reason = ComplianceStatus.PENDING, "No code is in force, so members have nothing to acknowledge."
    elif not rows:
        status, reason = ComplianceStatus.MET, "The partnership has no active members."
    elif outstanding:
        names = ", ".join(member.person.name for member in outstanding)
        status = ComplianceStatus.LATE
        reason = (
            f"{len(outstanding)} of the {plural(len(rows), 'active member')} have not acknowledged the {titles}: "
            f"{names}."
        )
    else:
        status, reason = (
            ComplianceStatus.MET,
            f"All {plural(len(rows), 'active member')} have acknowledged the {titles}.",
        )
    return RuleRow(
        key="conduct",
        title="Every member acknowledges the code of conduct",
        source="ToR 3.2, Appendix 1",
        status=status,
        reason=reason,
        fix_url=reverse("governance:acknowledgements", kwargs={"slug": partnership.slug}),
        fix_label="Who has acknowledged the codes",
    )


def interests_rule(partnership, members: list[Member], cy: ComplianceYear) -> RuleRow:
    """`members` are the partnership's active seats, read once with the codes' register."""
    due = {person.pk for person in people_due_to_confirm_interests(cy.on)}
    outstanding = [member for member in members if member.person_id in due]
    if not members:
        status, reason = ComplianceStatus.MET, "The partnership has no active members."
    elif outstanding:
        names = ", ".join(member.person.name for member in outstanding)
        status = ComplianceStatus.LATE
        reason = (
            f"{len(outstanding)} of the {plural(len(members), 'active member')} have not confirmed their register "
            f"of interests in the last 12 months: {names}."
        )
    else:
        status = ComplianceStatus.MET
        reason = (
            f"All {plural(len(members), 'active member')} have confirmed their register of interests in the last "
            "12 months."
        )
    return RuleRow(
        key="interests",
        title="Every member confirms their register of interests every year",
        source="Code of Conduct",
        status=status,
        reason=reason,
        fix_url=reverse("governance:interests-register", kwargs={"slug": partnership.slug}),
        fix_label="Register of interests",
    )


def milestones_rule(partnership, cy: ComplianceYear) -> RuleRow:
    # "Overdue" is never stored (actionplans/models.py): past its date and not done, counted here.
    not_done = ~Q(status=MilestoneStatus.DONE)
    counts = Milestone.objects.filter(action__plan__partnership=partnership, due__year=cy.year).aggregate(
        total=Count("pk"),
        overdue=Count("pk", filter=not_done & Q(due__lt=cy.today)),
        to_come=Count("pk", filter=not_done & Q(due__gte=cy.today)),
    )
    total, overdue, to_come = counts["total"], counts["overdue"], counts["to_come"]
    if overdue:
        status = ComplianceStatus.LATE
        reason = (
            f"{overdue} of the {plural(total, 'milestone')} due in {cy.year} are overdue (past their date and "
            f"not done); {total - overdue} done or on time."
        )
    elif to_come == total and total:
        status, reason = ComplianceStatus.PENDING, f"{plural(total, 'milestone')} due later in {cy.year}; none overdue."
    elif total:
        status = ComplianceStatus.MET
        reason = f"None of the {plural(total, 'milestone')} due in {cy.year} is overdue; {to_come} still to come."
    else:
        status, reason = ComplianceStatus.MET, f"No action plan milestone falls due in {cy.year}."
    return RuleRow(
        key="milestones",
        title="Action plan milestones met by their dates",
        source="ToR 3.2",
        status=status,
        reason=reason,
        fix_url=reverse("actionplans:list", kwargs={"slug": partnership.slug}),
        fix_label="Action plans",
    )
