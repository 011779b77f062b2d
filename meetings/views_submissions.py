"""Papers offered for a meeting by its members and officers, and the secretariat's answer."""

from django.contrib.auth.decorators import login_required
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from partnership.views.register_form_page import posted

from . import services
from .access import get_meeting_for_user, get_submission_for
from .forms_submissions import SubmissionForm
from .views.common import meeting_form_page
from .views.meeting_page import act


@login_required
@require_http_methods(["GET", "POST"])
def submit(request, slug, pk):
    meeting = get_meeting_for_user(request, slug, pk)
    form = SubmissionForm(posted(request), request.FILES or None)

    def save(form):
        services.submit_paper(meeting=meeting, by=request.user, now=timezone.now(), **form.cleaned_data)
        return meeting

    return meeting_form_page(
        request,
        partnership=meeting.partnership,
        form=form,
        title=_("Offer a paper for this meeting"),
        save=save,
        done=_("Your paper has gone to the secretariat, who will put it on the agenda or tell you why not."),
        back_url=meeting.get_absolute_url(),
        context={"meeting": meeting, "back_text": _("Back to the meeting")},
    )


@login_required
@require_POST
def accept(request, slug, pk, submission_pk):
    submission = get_submission_for(request, slug, pk, submission_pk, "meetings.change_agenda")
    return act(
        request,
        submission.meeting,
        lambda: services.accept_submission(
            submission=submission, by=request.user, late_reason=request.POST.get("late_reason", ""), now=timezone.now()
        ),
        _("“%(title)s” is on the agenda.") % {"title": submission.title},
    )


@login_required
@require_POST
def return_paper(request, slug, pk, submission_pk):
    submission = get_submission_for(request, slug, pk, submission_pk, "meetings.change_agenda")
    return act(
        request,
        submission.meeting,
        lambda: services.return_submission(
            submission=submission, by=request.user, reason=request.POST.get("reason", ""), now=timezone.now()
        ),
        _("“%(title)s” has been returned with your reason.") % {"title": submission.title},
    )
