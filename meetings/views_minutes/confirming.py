"""The secretariat records that the board confirmed circulated minutes as a true record at a
later meeting of the partnership (ToR 5.8); the service checks that meeting."""

from django.contrib.auth.decorators import login_required
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from partnership.views.register_form_page import posted

from .. import services
from ..forms_minutes import ConfirmMinutesForm
from ..views.common import meeting_form_page
from .fetch import get_minutes_for
from .page import minutes_url


@login_required
@require_http_methods(["GET", "POST"])
def confirm(request, slug, pk):
    meeting, minutes = get_minutes_for(request, slug, pk, "meetings.confirm_minutes")
    form = ConfirmMinutesForm(posted(request), meeting=meeting)

    def save(form):
        at_meeting = form.cleaned_data["at_meeting"]
        services.confirm_minutes(minutes=minutes, at_meeting=at_meeting, by=request.user, now=timezone.now())
        return minutes_url(meeting)

    return meeting_form_page(
        request,
        partnership=meeting.partnership,
        form=form,
        title=_("Record that the board confirmed the minutes"),
        save=save,
        done=_("Minutes confirmed as a true record. Their public summary is now published.")
        if meeting.is_public
        else _("Minutes confirmed as a true record."),
        back_url=minutes_url(meeting),
        context={
            "meeting": meeting,
            "back_text": _("Back to the minutes"),
            "intro": _(
                "The board confirms the minutes as a true record at a later meeting, "
                'under its "Minutes of the last meeting" item.'
            ),
        },
    )
