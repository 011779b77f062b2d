"""Logins: for a partnership's secretariat, or for one of its members."""

from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from ..errors import RuleBroken
from ..models import Member, Partnership, SecretariatMembership, User
from .common import rule_service


@rule_service
def create_account(
    *, username: str, password: str, partnership: Partnership, secretariat: bool = False, member: Member | None = None
) -> User:
    """A login for the partnership's secretariat, or for a member (who is a chair while their
    seat holds the chair's office)."""
    if secretariat == (member is not None):
        raise RuleBroken(_("Say whether the login is for the secretariat or for a member, not both."))
    if User.objects.filter(username__iexact=username).exists():
        raise RuleBroken(_("There is already a login called %(username)s.") % {"username": username}, field="username")
    if member is not None:
        if member.partnership_id != partnership.pk:
            raise RuleBroken(_("That member does not sit on this partnership."), field="member")
        if member.person.user_id is not None:
            raise RuleBroken(_("%(name)s already has a login.") % {"name": member.person.name}, field="member")
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
