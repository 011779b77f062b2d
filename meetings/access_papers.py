"""Fetching papers, their files and agenda packs for the user asking, in the style of
partnership/access.py: someone outside the partnership gets 404 (they must not learn the
paper exists), a member without the right to change it gets 403."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _

from partnership.access import get_partnership_for_user

from .models import AgendaItem, Meeting, Paper, PaperFile

CHANGE_REFUSED = _("Only the partnership's secretariat can change papers.")


def _can_read(request, meeting: Meeting) -> None:
    if not request.user.has_perm("meetings.view_meeting", meeting):
        raise Http404("No such meeting")


def _can_change(request, meeting: Meeting) -> None:
    if not request.user.has_perm("meetings.change_agenda", meeting):
        raise PermissionDenied(CHANGE_REFUSED)


def get_item_for_secretariat(request, slug: str, meeting_pk: int, pk: int) -> AgendaItem:
    partnership = get_partnership_for_user(request, slug)
    item = get_object_or_404(
        AgendaItem.objects.select_related("meeting__partnership"),
        pk=pk,
        meeting_id=meeting_pk,
        meeting__partnership=partnership,
    )
    _can_read(request, item.meeting)
    _can_change(request, item.meeting)
    return item


def get_paper_for_user(request, slug: str, pk: int) -> Paper:
    partnership = get_partnership_for_user(request, slug)
    paper = get_object_or_404(
        Paper.objects.select_related("agenda_item__meeting__partnership"),
        pk=pk,
        agenda_item__meeting__partnership=partnership,
    )
    _can_read(request, paper.agenda_item.meeting)
    return paper


def get_paper_for_secretariat(request, slug: str, pk: int) -> Paper:
    paper = get_paper_for_user(request, slug, pk)
    _can_change(request, paper.agenda_item.meeting)
    return paper


def get_paper_file_for_user(request, slug: str, pk: int) -> PaperFile:
    partnership = get_partnership_for_user(request, slug)
    paper_file = get_object_or_404(
        PaperFile.objects.select_related("paper__agenda_item__meeting__partnership"),
        pk=pk,
        paper__agenda_item__meeting__partnership=partnership,
    )
    _can_read(request, paper_file.paper.agenda_item.meeting)
    return paper_file


def get_paper_file_for_secretariat(request, slug: str, pk: int) -> PaperFile:
    paper_file = get_paper_file_for_user(request, slug, pk)
    _can_change(request, paper_file.paper.agenda_item.meeting)
    return paper_file
