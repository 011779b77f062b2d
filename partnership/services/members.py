"""Seats on a partnership, the people who hold them, and their named substitutes."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ..errors import RuleBroken
from ..models import Member, NominatingBody, Person, Substitute
from .common import lock_body, long_date, rule_service
from .offices import check_offices_stay_apart

MEMBER_FLAGS = ("role_in_body", "is_senior", "is_elected_member", "is_designated_liaison_officer")


def _check_free_seat(body: NominatingBody, *, ignoring: Member | None = None) -> None:
    taken = body.members.filter(active=True).exclude(pk=getattr(ignoring, "pk", None)).count()
    if taken >= body.seats:
        message = ngettext(
            "%(name)s has %(seats)s seat and all are taken. "
            "Make a member inactive or give the body another seat first.",
            "%(name)s has %(seats)s seats and all are taken. "
            "Make a member inactive or give the body another seat first.",
            body.seats,
        )
        raise RuleBroken(message % {"name": body.name, "seats": body.seats}, field="nominating_body")


def _check_one_seat(person: Person, partnership_id: int, *, ignoring: Member | None = None, field: str) -> None:
    seats = Member.objects.filter(partnership_id=partnership_id, person=person, active=True)
    if seats.exclude(pk=getattr(ignoring, "pk", None)).exists():
        raise RuleBroken(
            _("%(name)s already holds a seat on this partnership; one person holds one seat.") % {"name": person.name},
            field=field,
        )


def _check_flags(flags: dict) -> None:
    unknown = set(flags) - set(MEMBER_FLAGS)
    if unknown:
        raise TypeError(f"unknown member fields: {sorted(unknown)}")


def _same_name(first: str, second: str) -> bool:
    return " ".join(first.split()).casefold() == " ".join(second.split()).casefold()


def _person_for(*, name: str, email: str) -> Person:
    """The person with this email, who may already sit on another partnership, or a new one.
    A different name with a known email is refused rather than guessed at, and says nothing
    of whom the email belongs to."""
    existing = Person.objects.filter(email__iexact=email).first()
    if existing is None:
        return Person.objects.create(name=name, email=email)
    if not _same_name(existing.name, name):
        raise RuleBroken(
            _("That email address is on the register under another name. Check the name and the email address."),
            field="email",
        )
    return existing


@rule_service
def add_member(
    *,
    nominating_body: NominatingBody,
    name: str = "",
    email: str = "",
    person: Person | None = None,
    active: bool = True,
    **flags,
) -> Member:
    """Seat a person on the body's partnership. The person is found by email, or created, so
    one individual keeps one record across partnerships."""
    _check_flags(flags)
    if person is None and not (name and email):
        raise RuleBroken(_("Give the member's name and email address."), field="name" if not name else "email")
    body = lock_body(nominating_body)
    if active:
        _check_free_seat(body)
    person = person or _person_for(name=name, email=email)
    if active:
        _check_one_seat(person, body.partnership_id, field="email")
    return Member.objects.create(
        partnership_id=body.partnership_id, nominating_body=body, person=person, active=active, **flags
    )


@rule_service
def update_member(
    *,
    member: Member,
    nominating_body: NominatingBody | None = None,
    active: bool | None = None,
    name: str | None = None,
    email: str | None = None,
    by=None,
    today: datetime.date | None = None,
    **flags,
) -> Member:
    """Change a seat: its body, whether it is active, the flags, and the person's name and
    email (`by` must keep the register of every partnership the person sits on)."""
    _check_flags(flags)
    today = today or timezone.localdate()
    member = (
        Member.objects.select_for_update(of=("self",)).select_related("person", "nominating_body").get(pk=member.pk)
    )
    body = nominating_body or member.nominating_body
    if body.partnership_id != member.partnership_id:
        raise RuleBroken(
            _("A member can only move to a nominating body of the same partnership."), field="nominating_body"
        )
    becomes_active = member.active if active is None else active
    if becomes_active and (body.pk != member.nominating_body_id or not member.active):
        _check_free_seat(lock_body(body), ignoring=member)
    if becomes_active and not member.active:
        _check_one_seat(member.person, member.partnership_id, ignoring=member, field="active")
    if not becomes_active and member.active:
        _check_no_office_ahead(member, today)
    if body.pk != member.nominating_body_id:
        check_offices_stay_apart(member, body, today)
    for field, value in flags.items():
        setattr(member, field, value)
    member.nominating_body = body
    member.active = becomes_active
    member.save()
    _update_person(member, name=name, email=email, by=by)
    return member


def _update_person(member: Member, *, name: str | None, email: str | None, by) -> None:
    person = member.person
    new_name = name if name and name != person.name else None
    new_email = email if email and email.lower() != person.email.lower() else None
    if not (new_name or new_email):
        return
    if by is not None:
        elsewhere = Member.objects.filter(person=person, active=True).exclude(partnership_id=member.partnership_id)
        for seat in elsewhere.select_related("partnership"):
            if not by.has_perm("partnership.manage_register", seat.partnership):
                raise RuleBroken(
                    _(
                        "%(name)s also sits on another partnership, which shares their name and email address. "
                        "Ask that partnership's secretariat or the site's staff to change them."
                    )
                    % {"name": person.name},
                    field="email" if new_email else "name",
                )
    if new_email and Person.objects.filter(email__iexact=new_email).exclude(pk=person.pk).exists():
        raise RuleBroken(_("That email address is on the register under another name."), field="email")
    person.name = new_name or person.name
    person.email = new_email or person.email
    person.save()


def _check_no_office_ahead(member: Member, today: datetime.date) -> None:
    office = member.offices.filter(ends_on__gte=today).first()
    if office is not None:
        raise RuleBroken(
            _("%(name)s is %(role)s until %(ends_on)s. End that term before making the member inactive.")
            % {
                "name": member.person.name,
                "role": office.get_role_display().lower(),
                "ends_on": long_date(office.ends_on),
            },
            field="active",
        )


@rule_service
def add_substitute(*, member: Member, name: str, email: str = "", role_in_body: str = "", active: bool = True):
    """A named substitute who may attend in the member's place (ToR 3.2)."""
    if not member.active:
        raise RuleBroken(
            _("%(name)s is no longer an active member, so cannot have a substitute.") % {"name": member.person.name}
        )
    return Substitute.objects.create(member=member, name=name, email=email, role_in_body=role_in_body, active=active)


@rule_service
def update_substitute(*, substitute: Substitute, name: str, email: str = "", role_in_body: str = "", active: bool):
    if active and not substitute.active and not substitute.member.active:
        raise RuleBroken(
            _("%(name)s is no longer an active member.") % {"name": substitute.member.person.name}, field="active"
        )
    substitute.name, substitute.email, substitute.role_in_body = name, email, role_in_body
    substitute.active = active
    substitute.save()
    return substitute
