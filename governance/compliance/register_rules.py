"""The rules kept by the register and the plans: a chair and vice chair in office (ToR 5.2), the
yearly review of the terms of reference (ToR 10) and of the board's skills and knowledge, notices
of withdrawal (ToR 9), the codes acknowledged by every member, registers of interests confirmed
every year, and action plan milestones met. Terms, reviews, codes and interests are judged on the
year's `on` day: today, or 31 December once the year is over. Each is due soon exactly while its
reminder goes out (deadlines/windows.py)."""

import datetime

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from actionplans.models import Milestone, MilestoneStatus
from partnership.models import Member, Office, OfficeRole, TermsOfReference, WithdrawalNotice
from partnership.services.common import long_date

from ..deadlines.windows import review_window, term_ending_window, withdrawal_window
from ..selectors_registers import people_due_to_confirm_interests
from .days import ComplianceYear
from .rows import ACTIVE_MEMBERS, MILESTONES, ComplianceStatus, Occasion, RuleRow, worst


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
        reason = _("No one is %(office)s on %(date)s: the office is vacant.") % {"office": title, "date": long_date(on)}
        if upcoming is not None:
            reason += " " + _("%(person)s takes office on %(date)s.") % {
                "person": upcoming.member.person.name,
                "date": long_date(upcoming.starts_on),
            }
        return Occasion(role.label, ComplianceStatus.MISSED, reason, url)
    who = _("%(person)s (%(body)s)") % {"person": holder.member.person.name, "body": holder.member.nominating_body.name}
    successor = next((office for office in terms if office.starts_on > holder.starts_on), None)
    if successor is not None:
        reason = _("%(who)s is %(office)s until %(ends)s; %(successor)s takes over on %(starts)s.") % {
            "who": who,
            "office": title,
            "ends": long_date(holder.ends_on),
            "successor": successor.member.person.name,
            "starts": long_date(successor.starts_on),
        }
        return Occasion(role.label, ComplianceStatus.MET, reason, url)
    if term_ending_window(partnership, holder.ends_on).is_open(on):
        reason = _(
            "%(who)s's term as %(office)s ends on %(ends)s and no successor has been appointed: hold the election."
        ) % {"who": who, "office": title, "ends": long_date(holder.ends_on)}
        return Occasion(role.label, ComplianceStatus.DUE_SOON, reason, url)
    reason = _("%(who)s is %(office)s until %(ends)s.") % {
        "who": who,
        "office": title,
        "ends": long_date(holder.ends_on),
    }
    return Occasion(role.label, ComplianceStatus.MET, reason, url)


def offices_rule(partnership, offices: list[Office], cy: ComplianceYear) -> RuleRow:
    occasions = [_office_occasion(partnership, role, offices, cy.on) for role in OfficeRole]
    return RuleRow(
        key="offices",
        title=ngettext(
            "A chair and a vice chair in office, each for a term of %(count)s year",
            "A chair and a vice chair in office, each for a term of %(count)s years",
            partnership.chair_term_years,
        )
        % {"count": partnership.chair_term_years},
        source=_("ToR 5.2"),
        status=worst(occasion.status for occasion in occasions),
        reason=" ".join(occasion.reason for occasion in occasions),
        fix_url=reverse("partnership:office-add", kwargs={"slug": partnership.slug}),
        fix_label=_("Appoint a chair or vice chair"),
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
        return ComplianceStatus.MISSED, _("No terms of reference are recorded, so no review date is set.")
    due = terms.next_review_on
    version = _("the terms of reference, version %(version)s, adopted on %(date)s") % {
        "version": terms.version,
        "date": long_date(terms.adopted_on),
    }
    words = {"what": what, "due": long_date(due), "version": version}
    if due < on:
        days = (on - due).days
        overdue = ngettext("%(count)s day", "%(count)s days", days) % {"count": days}
        reason = _("The %(what)s was due by %(due)s under %(version)s: %(overdue)s overdue.")
        return ComplianceStatus.MISSED, reason % {**words, "overdue": overdue}
    if review_window(partnership, due).is_open(on):
        return ComplianceStatus.DUE_SOON, _("The %(what)s is due by %(due)s under %(version)s.") % words
    return ComplianceStatus.MET, _("The next %(what)s is due by %(due)s under %(version)s.") % words


def terms_review_rule(partnership, terms: TermsOfReference | None, cy: ComplianceYear) -> RuleRow:
    status, reason = _review_status(partnership, terms, cy.on, _("review of the terms of reference"))
    return RuleRow(
        key="terms_review",
        title=_("The terms of reference reviewed every year"),
        source=_("ToR 10"),
        status=status,
        reason=reason,
        fix_url=reverse("partnership:terms-add", kwargs={"slug": partnership.slug}),
        fix_label=_("Add the reviewed terms of reference"),
    )


def skills_review_rule(partnership, terms: TermsOfReference | None, cy: ComplianceYear) -> RuleRow:
    # The skills review has no date of its own: it falls due with the terms of reference's
    # review, as the work programme plans it (meetings/services/work_programme.py).
    status, reason = _review_status(partnership, terms, cy.on, _("skills and knowledge review"))
    return RuleRow(
        key="skills_review",
        title=_("A skills and knowledge review of the board every year"),
        source=_("Partnership rules"),
        status=status,
        reason=reason,
        fix_url=reverse("work_programme:list", kwargs={"slug": partnership.slug}),
        fix_label=_("Work programme"),
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
    dates = {"effective": long_date(notice.effective_on), "given": long_date(notice.given_on)}
    if notice.effective_on < today:
        if notice.seats_held:
            reason = ngettext(
                "Took effect on %(effective)s (notice given on %(given)s), but %(count)s member of the body "
                "still hold seats: end them.",
                "Took effect on %(effective)s (notice given on %(given)s), but %(count)s members of the body "
                "still hold seats: end them.",
                notice.seats_held,
            ) % {**dates, "count": notice.seats_held}
            return Occasion(body, ComplianceStatus.LATE, reason, url)
        reason = _("Took effect on %(effective)s (notice given on %(given)s).") % dates
        return Occasion(body, ComplianceStatus.MET, reason, url)
    reason = _("Takes effect on %(effective)s (notice given on %(given)s).") % dates
    if withdrawal_window(partnership, notice.effective_on).is_open(today):
        return Occasion(body, ComplianceStatus.DUE_SOON, reason, url)
    return Occasion(body, ComplianceStatus.PENDING, reason, url)


def withdrawals_rule(partnership, notices: list[WithdrawalNotice], cy: ComplianceYear) -> RuleRow:
    occasions = [_withdrawal_occasion(partnership, notice, cy.today) for notice in notices]
    if occasions:
        reason = ngettext(
            "%(count)s nominating body withdrawing in %(year)s.",
            "%(count)s nominating bodies withdrawing in %(year)s.",
            len(occasions),
        ) % {"count": len(occasions), "year": cy.year}
    else:
        reason = _("No nominating body's withdrawal takes effect in %(year)s.") % {"year": cy.year}
    return RuleRow(
        key="withdrawals",
        title=ngettext(
            "Notice of withdrawal of at least %(count)s month",
            "Notice of withdrawal of at least %(count)s months",
            partnership.withdrawal_notice_months,
        )
        % {"count": partnership.withdrawal_notice_months},
        source=_("ToR 9"),
        status=worst((occasion.status for occasion in occasions), default=ComplianceStatus.MET),
        reason=reason,
        fix_url=_register_url(partnership, "bodies"),
        fix_label=_("Nominating bodies"),
        occasions=occasions,
    )


def conduct_rule(partnership, register, cy: ComplianceYear) -> RuleRow:
    """`register` is governance.selectors.acknowledgement_register's (documents, rows)."""
    documents, rows = register
    titles = _(" and the ").join(document.title for document in documents)
    outstanding = [member for member, acknowledgements in rows if None in acknowledgements]
    if not documents:
        status, reason = ComplianceStatus.PENDING, _("No code is in force, so members have nothing to acknowledge.")
    elif not rows:
        status, reason = ComplianceStatus.MET, _("The partnership has no active members.")
    elif outstanding:
        names = ", ".join(member.person.name for member in outstanding)
        status = ComplianceStatus.LATE
        reason = _("%(outstanding)s of the %(members)s have not acknowledged the %(titles)s: %(names)s.") % {
            "outstanding": len(outstanding),
            "members": ACTIVE_MEMBERS % {"count": len(rows)},
            "titles": titles,
            "names": names,
        }
    else:
        status = ComplianceStatus.MET
        reason = _("All %(members)s have acknowledged the %(titles)s.") % {
            "members": ACTIVE_MEMBERS % {"count": len(rows)},
            "titles": titles,
        }
    return RuleRow(
        key="conduct",
        title=_("Every member acknowledges the code of conduct"),
        source=_("ToR 3.2, Appendix 1"),
        status=status,
        reason=reason,
        fix_url=reverse("governance:acknowledgements", kwargs={"slug": partnership.slug}),
        fix_label=_("Who has acknowledged the codes"),
    )


def interests_rule(partnership, members: list[Member], cy: ComplianceYear) -> RuleRow:
    """`members` are the partnership's active seats, read once with the codes' register."""
    due = {person.pk for person in people_due_to_confirm_interests(cy.on)}
    outstanding = [member for member in members if member.person_id in due]
    if not members:
        status, reason = ComplianceStatus.MET, _("The partnership has no active members.")
    elif outstanding:
        names = ", ".join(member.person.name for member in outstanding)
        status = ComplianceStatus.LATE
        reason = _(
            "%(outstanding)s of the %(members)s have not confirmed their register of interests in the last 12 "
            "months: %(names)s."
        ) % {"outstanding": len(outstanding), "members": ACTIVE_MEMBERS % {"count": len(members)}, "names": names}
    else:
        status = ComplianceStatus.MET
        reason = _("All %(members)s have confirmed their register of interests in the last 12 months.") % {
            "members": ACTIVE_MEMBERS % {"count": len(members)}
        }
    return RuleRow(
        key="interests",
        title=_("Every member confirms their register of interests every year"),
        source=_("Code of Conduct"),
        status=status,
        reason=reason,
        fix_url=reverse("governance:interests-register", kwargs={"slug": partnership.slug}),
        fix_label=_("Register of interests"),
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
    numbers = {"overdue": overdue, "to_come": to_come, "year": cy.year, "milestones": MILESTONES % {"count": total}}
    if overdue:
        status = ComplianceStatus.LATE
        reason = _(
            "%(overdue)s of the %(milestones)s due in %(year)s are overdue (past their date and not done); "
            "%(on_time)s done or on time."
        ) % {**numbers, "on_time": total - overdue}
    elif to_come == total and total:
        status = ComplianceStatus.PENDING
        reason = _("%(milestones)s due later in %(year)s; none overdue.") % numbers
    elif total:
        status = ComplianceStatus.MET
        reason = _("None of the %(milestones)s due in %(year)s is overdue; %(to_come)s still to come.") % numbers
    else:
        status, reason = ComplianceStatus.MET, _("No action plan milestone falls due in %(year)s.") % numbers
    return RuleRow(
        key="milestones",
        title=_("Action plan milestones met by their dates"),
        source=_("ToR 3.2"),
        status=status,
        reason=reason,
        fix_url=reverse("actionplans:list", kwargs={"slug": partnership.slug}),
        fix_label=_("Action plans"),
    )
