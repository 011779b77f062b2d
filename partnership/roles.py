"""What a login is to each partnership: secretariat, member, chair. Looked up once per
request and kept on the user object, so permission checks cost no further queries."""

import datetime

from django.db.models import Q
from django.utils.functional import LazyObject, empty

from .models import Member, Office, OfficeRole, SecretariatMembership


def _real_user(user):
    """request.user is a lazy proxy (django-otp wraps Django's in another) whose own __dict__
    is not the user's: the roles are kept on the user it wraps, where the permission rules
    (handed the real user) look for them too."""
    while isinstance(user, LazyObject):
        if user._wrapped is empty:
            user._setup()
        user = user._wrapped
    return user


def _cached(user, key, compute):
    if not user.is_authenticated:
        return frozenset()
    user = _real_user(user)
    cache = user.__dict__.setdefault("_partnership_roles", {})
    if key not in cache:
        cache[key] = frozenset(compute())
    return cache[key]


def secretariat_partnership_ids(user):
    return _cached(
        user,
        "secretariat",
        lambda: SecretariatMembership.objects.filter(user=user).values_list("partnership_id", flat=True),
    )


def _seats(user):
    """(partnership id, withdrawn from business since, why) for each active seat the user holds:
    one query answers both whether they sit on a partnership and whether the chair has required
    them to withdraw from its business (governance's breaches of the Code)."""
    return _cached(
        user,
        "seats",
        lambda: Member.objects.filter(person__user=user, active=True).values_list(
            "partnership_id", "withdrawn_from_business_since", "withdrawal_reason"
        ),
    )


def member_partnership_ids(user):
    return _cached(user, "member", lambda: (partnership_id for partnership_id, _, _ in _seats(user)))


def withdrawal_from_business(user, partnership_id: int) -> tuple[datetime.datetime, str] | None:
    """Since when, and why, the user is withdrawn from the partnership's business, if they are."""
    for seat_partnership_id, since, reason in _seats(user):
        if seat_partnership_id == partnership_id and since is not None:
            return since, reason
    return None


def chair_partnership_ids(user, today: datetime.date):
    return _cached(
        user,
        ("chair", today),
        lambda: Office.objects.filter(
            member__person__user=user, role=OfficeRole.CHAIR, starts_on__lte=today, ends_on__gte=today
        ).values_list("partnership_id", flat=True),
    )


def vice_chair_partnership_ids(user, today: datetime.date):
    """The vice chair acts for the chair, and decides where the chair cannot (a breach of the
    Code by the chair)."""
    return _cached(
        user,
        ("vice_chair", today),
        lambda: Office.objects.filter(
            member__person__user=user, role=OfficeRole.VICE_CHAIR, starts_on__lte=today, ends_on__gte=today
        ).values_list("partnership_id", flat=True),
    )


def visible_partnership_filter(user) -> Q:
    """Q for the partnerships whose private register `user` may read."""
    if user.is_authenticated and user.is_superuser:
        return Q()
    ids = secretariat_partnership_ids(user) | member_partnership_ids(user)
    return Q(pk__in=ids)
