"""Papers for agenda items: the secretariat adds, changes and removes them and uploads their
files; members of the partnership read them and download the files."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from partnership.views.register_form_page import posted

from . import services
from .access_papers import (
    get_item_for_secretariat,
    get_paper_file_for_secretariat,
    get_paper_file_for_user,
    get_paper_for_secretariat,
    get_paper_for_user,
)
from .forms_papers import COVER_SHEET, PaperFileForm, PaperForm, RemoveForm
from .paper_downloads import paper_file_response
from .views.common import meeting_form_page


def paper_url(paper) -> str:
    return reverse("papers:paper", kwargs={"slug": paper.agenda_item.meeting.partnership.slug, "pk": paper.pk})


def _page(request, *, meeting, form, title, save, done, back_url, back_text, intro=""):
    """A meeting's form page, back to the paper or meeting rather than the register."""
    return meeting_form_page(
        request,
        partnership=meeting.partnership,
        form=form,
        title=title,
        save=save,
        done=done,
        back_url=back_url,
        context={"meeting": meeting, "back_text": back_text, "intro": intro},
    )


@login_required
@require_http_methods(["GET", "POST"])
def add_paper(request, slug, meeting_pk, item_pk):
    item = get_item_for_secretariat(request, slug, meeting_pk, item_pk)
    meeting = item.meeting
    initial = {"purpose": item.purpose, "presenting": item.presenter, "leading_partners": item.leading_partners}
    form = PaperForm(posted(request), late=meeting.is_circulated, initial=initial, submit=_("Add the paper"))

    def save(form):
        return paper_url(services.add_paper(agenda_item=item, **form.cleaned_data))

    return _page(
        request,
        meeting=meeting,
        form=form,
        title=_("Add a paper to item %(position)s: %(title)s") % {"position": item.position, "title": item.title},
        save=save,
        done=_("Paper added"),
        back_url=meeting.get_absolute_url(),
        back_text=_("Back to the meeting"),
    )


@login_required
@require_GET
def paper(request, slug, pk):
    found = get_paper_for_user(request, slug, pk)
    meeting = found.agenda_item.meeting
    context = {
        "paper": found,
        "item": found.agenda_item,
        "meeting": meeting,
        "partnership": meeting.partnership,
        "files": list(found.files.all()),
        "can_change": request.user.has_perm("meetings.change_agenda", meeting),
    }
    return render(request, "meetings/papers/paper.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def edit_paper(request, slug, pk):
    found = get_paper_for_secretariat(request, slug, pk)
    initial = {name: getattr(found, name) for name in (*COVER_SHEET, "purpose", "late_reason")}
    form = PaperForm(posted(request), late=found.is_late, initial=initial, submit=_("Save the paper"))

    def save(form):
        return paper_url(services.update_paper(paper=found, **form.cleaned_data))

    return _page(
        request,
        meeting=found.agenda_item.meeting,
        form=form,
        title=_("Change %(title)s") % {"title": found.title},
        save=save,
        done=_("Paper saved"),
        back_url=paper_url(found),
        back_text=_("Back to the paper"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def remove_paper(request, slug, pk):
    found = get_paper_for_secretariat(request, slug, pk)
    meeting = found.agenda_item.meeting

    def save(form):
        services.remove_paper(paper=found)
        return meeting.get_absolute_url()

    return _page(
        request,
        meeting=meeting,
        form=RemoveForm(posted(request), submit=_("Remove the paper")),
        title=_("Remove %(title)s") % {"title": found.title},
        intro=_("The paper and all its files are taken off the agenda."),
        save=save,
        done=_("Paper removed"),
        back_url=paper_url(found),
        back_text=_("Back to the paper"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def add_file(request, slug, pk):
    found = get_paper_for_secretariat(request, slug, pk)
    max_bytes = settings.PAPER_MAX_UPLOAD_BYTES
    form = PaperFileForm(posted(request), request.FILES or None, max_bytes=max_bytes)

    def save(form):
        services.attach_file(paper=found, upload=form.cleaned_data["file"], by=request.user)
        return paper_url(found)

    return _page(
        request,
        meeting=found.agenda_item.meeting,
        form=form,
        title=_("Upload a file for %(title)s") % {"title": found.title},
        save=save,
        done=_("File uploaded"),
        back_url=paper_url(found),
        back_text=_("Back to the paper"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def remove_file(request, slug, pk):
    paper_file = get_paper_file_for_secretariat(request, slug, pk)
    found = paper_file.paper

    def save(form):
        services.remove_file(paper_file=paper_file)
        return paper_url(found)

    return _page(
        request,
        meeting=found.agenda_item.meeting,
        form=RemoveForm(posted(request), submit=_("Remove the file")),
        title=_("Remove %(name)s") % {"name": paper_file.original_name},
        intro=_("The file is taken off the paper %(title)s.") % {"title": found.title},
        save=save,
        done=_("File removed"),
        back_url=paper_url(found),
        back_text=_("Back to the paper"),
    )


@login_required
@require_GET
def download(request, slug, pk):
    """The file as it was uploaded, as an attachment with the type its content showed."""
    paper_file = get_paper_file_for_user(request, slug, pk)
    return paper_file_response(paper_file, cache_control="private, no-cache")
