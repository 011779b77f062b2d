"""What the secretariat does to the register, with the rules of the terms of reference.

Every web form, API endpoint, admin action and command calls these; each runs in one
transaction and raises RuleBroken with a sentence a secretariat officer can read."""

import datetime

from dateutil.relativedelta import relativedelta
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from .errors import RuleBroken
from .models import (
    Member,
    NominatingBody,
    Office,
    OfficeRole,
    Partnership,
    Person,
    SecretariatMembership,
    TermsOfReference,
    User,
    WithdrawalNotice,
)

MAX_SEATS = 50
MEMBER_FLAGS = ("role_in_body", "is_senior", "is_elected_member", "is_designated_liaison_officer")


def _date(day: datetime.date) -> str:
    return f"{day:%-d %B %Y}"


def _lock_body(body: NominatingBody) -> NominatingBody:
    """Lock the body's row so two secretaries cannot both take its last seat."""
    return NominatingBody.objects.select_for_update().get(pk=body.pk)


def _check_free_seat(body: NominatingBody, *, ignoring: Member | None = None) -> None:
    taken = body.members.filter(active=True).exclude(pk=getattr(ignoring, "pk", None)).count()
    if taken >= body.seats:
        seats = "1 seat" if body.seats == 1 else f"{body.seats} seats"
        raise RuleBroken(
            f"{body.name} has {seats} and all are taken. Make a member inactive or give the body another seat first.",
            field="nominating_body",
        )


def _person_for(*, name: str, email: str, person: Person | None) -> Person:
    if person is not None:
        return person
    existing = Person.objects.filter(email__iexact=email).first()
    if existing is not None:
        return existing
    return Person.objects.create(name=name, email=email)


@transaction.atomic
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
    if person is None and not (name and email):
        raise RuleBroken("Give the member's name and email address.", field="name" if not name else "email")
    body = _lock_body(nominating_body)
    if active:
        _check_free_seat(body)
    person = _person_for(name=name, email=email, person=person)
    if active and Member.objects.filter(partnership_id=body.partnership_id, person=person, active=True).exists():
        raise RuleBroken(
            f"{person.name} already holds a seat on this partnership; one person holds one seat.", field="email"
        )
    unknown = set(flags) - set(MEMBER_FLAGS)
    if unknown:
        raise TypeError(f"unknown member fields: {sorted(unknown)}")
    return Member.objects.create(
        partnership_id=body.partnership_id, nominating_body=body, person=person, active=active, **flags
    )


@transaction.atomic
def update_member(
    *,
    member: Member,
    nominating_body: NominatingBody | None = None,
    active: bool | None = None,
    name: str | None = None,
    email: str | None = None,
    **flags,
) -> Member:
    """Change a seat: its body, whether it is active, the person's name and email, the flags."""
    member = Member.objects.select_for_update().select_related("person").get(pk=member.pk)
    body = nominating_body or member.nominating_body
    if body.partnership_id != member.partnership_id:
        raise RuleBroken(
            "A member can only move to a nominating body of the same partnership.", field="nominating_body"
        )
    becomes_active = member.active if active is None else active
    if becomes_active and (body.pk != member.nominating_body_id or not member.active):
        _check_free_seat(_lock_body(body), ignoring=member)
    if not becomes_active and member.active:
        _check_no_office_ahead(member)
    if body.pk != member.nominating_body_id:
        _check_offices_stay_apart(member, body)
    if becomes_active and not member.active:
        other_seat = Member.objects.filter(partnership_id=member.partnership_id, person=member.person, active=True)
        if other_seat.exclude(pk=member.pk).exists():
            raise RuleBroken(f"{member.person.name} already holds another seat on this partnership.", field="active")
    for field, value in flags.items():
        if field not in MEMBER_FLAGS:
            raise TypeError(f"unknown member field: {field}")
        setattr(member, field, value)
    member.nominating_body = body
    member.active = becomes_active
    member.save()
    _update_person(member.person, name=name, email=email)
    return member


def _update_person(person: Person, *, name: str | None, email: str | None) -> None:
    changed = False
    if name and name != person.name:
        person.name, changed = name, True
    if email and email.lower() != person.email.lower():
        if Person.objects.filter(email__iexact=email).exclude(pk=person.pk).exists():
            raise RuleBroken("Someone else on the register already has that email address.", field="email")
        person.email, changed = email, True
    if changed:
        person.save()


def _check_no_office_ahead(member: Member, today: datetime.date | None = None) -> None:
    today = today or timezone.localdate()
    office = member.offices.filter(ends_on__gte=today).first()
    if office is not None:
        raise RuleBroken(
            f"{member.person.name} is {office.get_role_display().lower()} until {_date(office.ends_on)}. "
            "End that term before making the member inactive.",
            field="active",
        )


def _check_offices_stay_apart(member: Member, new_body: NominatingBody) -> None:
    # Past terms stay as they were recorded; only terms still running or to come can clash.
    for office in member.offices.filter(ends_on__gte=timezone.localdate()):
        other = _overlapping(office.partnership_id, _other_role(office.role), office.starts_on, office.ends_on)
        if other.filter(member__nominating_body=new_body).exists():
            raise RuleBroken(
                "The chair and vice chair cannot come from the same nominating body (ToR 5.4); "
                f"moving {member.person.name} to {new_body.name} would put both offices in one body.",
                field="nominating_body",
            )


@transaction.atomic
def save_nominating_body(
    *,
    partnership: Partnership,
    name: str,
    seats: int,
    is_responsible_authority: bool = False,
    body: NominatingBody | None = None,
) -> NominatingBody:
    if not 1 <= seats <= MAX_SEATS:
        raise RuleBroken(f"A nominating body has between 1 and {MAX_SEATS} seats.", field="seats")
    if body is None:
        body = NominatingBody(partnership=partnership)
    else:
        body = _lock_body(body)
        active = body.members.filter(active=True).count()
        if seats < active:
            raise RuleBroken(
                f"{body.name} has {active} active members, so it needs at least {active} seats. "
                "Make a member inactive first.",
                field="seats",
            )
    duplicate = NominatingBody.objects.filter(partnership_id=body.partnership_id, name__iexact=name).exclude(pk=body.pk)
    if duplicate.exists():
        raise RuleBroken("This partnership already has a nominating body with that name.", field="name")
    body.name, body.seats, body.is_responsible_authority = name, seats, is_responsible_authority
    body.save()
    return body


def _other_role(role: str) -> str:
    return OfficeRole.VICE_CHAIR if role == OfficeRole.CHAIR else OfficeRole.CHAIR


def _overlapping(partnership_id: int, role: str, starts_on: datetime.date, ends_on: datetime.date):
    return Office.objects.select_related("member__person", "member__nominating_body").filter(
        partnership_id=partnership_id, role=role, starts_on__lte=ends_on, ends_on__gte=starts_on
    )


@transaction.atomic
def appoint_to_office(
    *,
    partnership: Partnership,
    member: Member,
    role: str,
    starts_on: datetime.date,
    ends_on: datetime.date | None = None,
) -> Office:
    """Make a member chair or vice chair for a term (ToR 5.2, 5.4)."""
    if not member.active:
        raise RuleBroken(f"{member.person.name} is not an active member.", field="member")
    office = Office(partnership=partnership, member=member, role=role)
    return _save_office(office, starts_on=starts_on, ends_on=ends_on)


@transaction.atomic
def change_office_term(*, office: Office, starts_on: datetime.date, ends_on: datetime.date | None = None) -> Office:
    """Change a term's dates: to end it early (resignation, ToR 5.3), or correct it."""
    return _save_office(Office.objects.get(pk=office.pk), starts_on=starts_on, ends_on=ends_on)


def _save_office(office: Office, *, starts_on: datetime.date, ends_on: datetime.date | None) -> Office:
    partnership = Partnership.objects.select_for_update().get(pk=office.partnership_id)
    member = office.member
    if member.partnership_id != partnership.pk:
        raise RuleBroken("The chair and vice chair are elected from the partnership's own members.", field="member")
    full_term_end = partnership.term_end(starts_on)
    ends_on = ends_on or full_term_end
    if ends_on < starts_on:
        raise RuleBroken("A term cannot end before it starts.", field="ends_on")
    if ends_on > full_term_end:
        raise RuleBroken(
            f"A term lasts at most {partnership.chair_term_years} years (ToR 5.2), so this one ends by "
            f"{_date(full_term_end)}. Re-election starts a new term.",
            field="ends_on",
        )
    role_name = OfficeRole(office.role).label.lower()
    clash = _overlapping(partnership.pk, office.role, starts_on, ends_on).exclude(pk=office.pk).first()
    if clash is not None:
        raise RuleBroken(
            f"{clash.member.person.name} is {role_name} from {_date(clash.starts_on)} to {_date(clash.ends_on)}; "
            f"there is one {role_name} at a time. End that term first.",
            field="starts_on",
        )
    other = _overlapping(partnership.pk, _other_role(office.role), starts_on, ends_on)
    same_body = other.filter(member__nominating_body_id=member.nominating_body_id).first()
    if same_body is not None:
        raise RuleBroken(
            f"The chair and vice chair cannot come from the same nominating body (ToR 5.4): "
            f"{same_body.member.person.name} of {member.nominating_body.name} is "
            f"{same_body.get_role_display().lower()} then.",
            field="member",
        )
    office.starts_on, office.ends_on = starts_on, ends_on
    office.save()
    return office


@transaction.atomic
def give_withdrawal_notice(
    *,
    nominating_body: NominatingBody,
    given_on: datetime.date,
    effective_on: datetime.date | None = None,
    notes: str = "",
) -> WithdrawalNotice:
    """Record a body's notice of withdrawal: it takes effect the partnership's notice period
    (12 months under ToR 9) after it is given, or later if the body says so."""
    body = _lock_body(nominating_body)
    partnership = body.partnership
    earliest = partnership.withdrawal_effective_on(given_on)
    effective_on = effective_on or earliest
    if effective_on < earliest:
        raise RuleBroken(
            f"A nominating body gives at least {partnership.withdrawal_notice_months} months' notice (ToR 9): "
            f"notice given on {_date(given_on)} takes effect on {_date(earliest)} at the earliest.",
            field="effective_on",
        )
    pending = body.withdrawal_notices.filter(effective_on__gte=given_on).first()
    if pending is not None:
        raise RuleBroken(
            f"{body.name} has already given notice; it takes effect on {_date(pending.effective_on)}.",
            field="given_on",
        )
    return WithdrawalNotice.objects.create(
        nominating_body=body, given_on=given_on, effective_on=effective_on, notes=notes
    )


@transaction.atomic
def save_terms_of_reference(
    *,
    partnership: Partnership,
    version: str,
    adopted_on: datetime.date,
    next_review_on: datetime.date | None = None,
    text: str = "",
    terms: TermsOfReference | None = None,
) -> TermsOfReference:
    """A dated version of the terms of reference; reviewed a year after adoption unless set (ToR 10)."""
    next_review_on = next_review_on or adopted_on + relativedelta(years=1)
    if next_review_on <= adopted_on:
        raise RuleBroken("The next review must come after the terms were adopted.", field="next_review_on")
    duplicate = TermsOfReference.objects.filter(partnership=partnership, version=version)
    if terms is not None:
        duplicate = duplicate.exclude(pk=terms.pk)
    if duplicate.exists():
        raise RuleBroken(f"Version {version} of the terms of reference is already recorded.", field="version")
    terms = terms or TermsOfReference(partnership=partnership)
    terms.version, terms.adopted_on, terms.next_review_on, terms.text = version, adopted_on, next_review_on, text
    terms.save()
    return terms


@transaction.atomic
def create_account(
    *, username: str, password: str, partnership: Partnership, secretariat: bool = False, member: Member | None = None
):
    """A login for the partnership's secretariat, or for a member (who is a chair while their
    seat holds the chair's office)."""
    if secretariat == (member is not None):
        raise RuleBroken("Say whether the login is for the secretariat or for a member, not both.")
    if User.objects.filter(username__iexact=username).exists():
        raise RuleBroken(f"There is already a login called {username}.", field="username")
    if member is not None:
        if member.partnership_id != partnership.pk:
            raise RuleBroken("That member does not sit on this partnership.", field="member")
        if member.person.user_id is not None:
            raise RuleBroken(f"{member.person.name} already has a login.", field="member")
    user = User(username=username, email=member.person.email if member else partnership.secretariat_email)
    try:
        password_validation.validate_password(password, user)
    except ValidationError as error:
        raise RuleBroken(" ".join(error.messages), field="password") from error
    user.set_password(password)
    user.save()
    if member is not None:
        member.person.user = user
        member.person.save()
    else:
        SecretariatMembership.objects.create(partnership=partnership, user=user)
    return user
