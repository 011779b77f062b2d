"""Chair and vice chair: one of each at a time, for at most the partnership's term (ToR 5.2),
never both from the same nominating body (ToR 5.4)."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from ..errors import RuleBroken
from ..models import Member, NominatingBody, Office, OfficeRole, Partnership
from .common import check_date, long_date, rule_service


def _other_role(role: str) -> str:
    return OfficeRole.VICE_CHAIR if role == OfficeRole.CHAIR else OfficeRole.CHAIR


def _overlapping(partnership_id: int, role: str, starts_on: datetime.date, ends_on: datetime.date):
    return Office.objects.select_related("member__person", "member__nominating_body").filter(
        partnership_id=partnership_id, role=role, starts_on__lte=ends_on, ends_on__gte=starts_on
    )


def _holder_from_body(office: Office, body_id: int, starts_on: datetime.date, ends_on: datetime.date):
    """The holder of the other office, in those dates, who comes from the body; or None."""
    others = _overlapping(office.partnership_id, _other_role(office.role), starts_on, ends_on).exclude(pk=office.pk)
    return others.filter(member__nominating_body_id=body_id).first()


def check_offices_stay_apart(member: Member, new_body: NominatingBody, today: datetime.date) -> None:
    """Moving an office holder to another body must not put both offices in one body. Past
    terms stay as they were recorded; only terms still running or to come can clash."""
    for office in member.offices.filter(ends_on__gte=today):
        if _holder_from_body(office, new_body.pk, office.starts_on, office.ends_on) is not None:
            raise RuleBroken(
                _(
                    "The chair and vice chair cannot come from the same nominating body (ToR 5.4); "
                    "moving %(name)s to %(body)s would put both offices in one body."
                )
                % {"name": member.person.name, "body": new_body.name},
                field="nominating_body",
            )


@rule_service
def appoint_to_office(
    *,
    partnership: Partnership,
    member: Member,
    role: str,
    starts_on: datetime.date,
    ends_on: datetime.date | None = None,
) -> Office:
    """Make a member chair or vice chair for a term (ToR 5.2, 5.4)."""
    office = Office(partnership=partnership, member=member, role=role)
    return _save_office(office, starts_on=starts_on, ends_on=ends_on, today=timezone.localdate())


@rule_service
def change_office_term(
    *, office: Office, starts_on: datetime.date, ends_on: datetime.date | None = None, today=None
) -> Office:
    """Change a term's dates: to end it early (resignation, ToR 5.3), or correct it."""
    office = Office.objects.select_related("member__person").get(pk=office.pk)
    return _save_office(office, starts_on=starts_on, ends_on=ends_on, today=today or timezone.localdate())


def _save_office(office: Office, *, starts_on, ends_on, today: datetime.date) -> Office:
    check_date(starts_on, field="starts_on")
    check_date(ends_on, field="ends_on")
    partnership = Partnership.objects.select_for_update().get(pk=office.partnership_id)
    member = office.member
    if member.partnership_id != partnership.pk:
        raise RuleBroken(_("The chair and vice chair are elected from the partnership's own members."), field="member")
    full_term_end = partnership.term_end(starts_on)
    ends_on = ends_on or full_term_end
    if ends_on >= today and not member.active:
        raise RuleBroken(_("%(name)s is not an active member.") % {"name": member.person.name}, field="member")
    if ends_on < starts_on:
        raise RuleBroken(_("A term cannot end before it starts."), field="ends_on")
    if ends_on > full_term_end:
        raise RuleBroken(
            _(
                "A term lasts at most %(years)s years (ToR 5.2), so this one ends by %(ends_by)s. "
                "Re-election starts a new term."
            )
            % {"years": partnership.chair_term_years, "ends_by": long_date(full_term_end)},
            field="ends_on",
        )
    role_name = OfficeRole(office.role).label.lower()
    clash = _overlapping(partnership.pk, office.role, starts_on, ends_on).exclude(pk=office.pk).first()
    if clash is not None:
        raise RuleBroken(
            _(
                "%(name)s is %(role)s from %(starts_on)s to %(ends_on)s; there is one %(role)s at a time. "
                "End that term first."
            )
            % {
                "name": clash.member.person.name,
                "role": role_name,
                "starts_on": long_date(clash.starts_on),
                "ends_on": long_date(clash.ends_on),
            },
            field="starts_on",
        )
    same_body = _holder_from_body(office, member.nominating_body_id, starts_on, ends_on)
    if same_body is not None:
        raise RuleBroken(
            _(
                "The chair and vice chair cannot come from the same nominating body (ToR 5.4): "
                "%(name)s of %(body)s is %(role)s then."
            )
            % {
                "name": same_body.member.person.name,
                "body": member.nominating_body.name,
                "role": same_body.get_role_display().lower(),
            },
            field="member",
        )
    office.starts_on, office.ends_on = starts_on, ends_on
    office.save()
    return office
