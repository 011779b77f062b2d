"""Who may see and change a partnership's register. Every view and API endpoint asks these
through `user.has_perm(...)`; none writes its own test."""

import rules
from django.utils import timezone

from .roles import chair_partnership_ids, member_partnership_ids, secretariat_partnership_ids


@rules.predicate
def is_site_admin(user):
    """Staff in API.md's sense: Django superusers, who manage partnerships."""
    return user.is_authenticated and user.is_superuser


@rules.predicate
def is_secretariat_of(user, partnership):
    return partnership is not None and partnership.pk in secretariat_partnership_ids(user)


@rules.predicate
def is_member_of(user, partnership):
    return partnership is not None and partnership.pk in member_partnership_ids(user)


@rules.predicate
def is_chair_of(user, partnership):
    today = timezone.localdate()
    return partnership is not None and partnership.pk in chair_partnership_ids(user, today)


can_view_register = is_site_admin | is_secretariat_of | is_member_of
can_manage_register = is_site_admin | is_secretariat_of

rules.add_perm("partnership.add_partnership", is_site_admin)
# The security audit log: every member of staff, superuser or not (issue 8).
rules.add_perm("partnership.read_audit_log", rules.is_staff)
rules.add_perm("partnership.view_register", can_view_register)
rules.add_perm("partnership.manage_register", can_manage_register)
rules.add_perm("partnership.view_history", can_manage_register)
