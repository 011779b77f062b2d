"""Fetching a partnership's records for the user asking, the way healthchecks' views fetch a
check: someone outside the partnership gets 404 (they must not learn it exists), someone
inside it without the right gets 403. Views never write their own permission test."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from .models import Member, NominatingBody, Office, Partnership, Substitute, TermsOfReference


def public_partnership_or_404(slug: str) -> Partnership:
    """A partnership for its public pages: anyone may read them, so only an unknown slug is 404."""
    return get_object_or_404(Partnership, slug=slug)


def get_partnership_for_user(request, slug: str) -> Partnership:
    """A partnership whose private register the user may read (secretariat, members, staff)."""
    partnership = get_object_or_404(Partnership, slug=slug)
    if not request.user.has_perm("partnership.view_register", partnership):
        raise Http404(_("No such partnership"))
    return partnership


def get_partnership_for_secretariat(request, slug: str) -> Partnership:
    """A partnership whose register the user may change: 403 to its members, 404 to others."""
    partnership = get_partnership_for_user(request, slug)
    if not request.user.has_perm("partnership.manage_register", partnership):
        raise PermissionDenied(_("Only the partnership's secretariat can change its register."))
    return partnership


def get_partnership_for_history(request, slug: str) -> Partnership:
    """A partnership whose history of changes the user may read: 403 to its members, 404 to others."""
    partnership = get_partnership_for_user(request, slug)
    if not request.user.has_perm("partnership.view_history", partnership):
        raise PermissionDenied(_("Only the partnership's secretariat can read the history of its register."))
    return partnership


def check_may_read_audit_log(request) -> None:
    """The security audit log is the site staff's: 403 to anyone else signed in."""
    if not request.user.has_perm("partnership.read_audit_log"):
        raise PermissionDenied(_("Only the site's staff can read the audit log."))


def get_body_for_secretariat(request, slug: str, pk: int) -> NominatingBody:
    partnership = get_partnership_for_secretariat(request, slug)
    return get_object_or_404(NominatingBody.objects.select_related("partnership"), pk=pk, partnership=partnership)


def get_member_for_secretariat(request, slug: str, pk: int) -> Member:
    partnership = get_partnership_for_secretariat(request, slug)
    return get_object_or_404(
        Member.objects.select_related("partnership", "person", "nominating_body"), pk=pk, partnership=partnership
    )


def get_office_for_secretariat(request, slug: str, pk: int) -> Office:
    partnership = get_partnership_for_secretariat(request, slug)
    return get_object_or_404(
        Office.objects.select_related("partnership", "member__person"), pk=pk, partnership=partnership
    )


def get_terms_for_secretariat(request, slug: str, pk: int) -> TermsOfReference:
    partnership = get_partnership_for_secretariat(request, slug)
    return get_object_or_404(TermsOfReference.objects.select_related("partnership"), pk=pk, partnership=partnership)


def get_substitute_for_secretariat(request, slug: str, pk: int) -> Substitute:
    partnership = get_partnership_for_secretariat(request, slug)
    return get_object_or_404(
        Substitute.objects.select_related("member__partnership", "member__person"),
        pk=pk,
        member__partnership=partnership,
    )
