"""Who attended (ToR 3.2): the secretariat answers for every seat on one form, saved together
or not at all, and adds the officers, the block lead and guests who attended (ToR 4.4). The
page says whether the meeting was quorate and who presided (ToR 5.4)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from partnership.errors import RuleBroken
from partnership.views.buttons import run_button
from partnership.views.register_form_page import posted

from .. import selectors_record, services
from ..access import get_meeting_for
from ..chairing import who_chaired
from ..forms_record import AttendanceForm, OtherAttendeeForm
from ..models import Meeting, OtherAttendee
from ..views.common import meeting_form_page
from .common import record_lock, record_url, render_record_page

PERM = "meetings.record_meeting"


def attendance_page(request, meeting: Meeting, *, form: AttendanceForm | None = None, error: str | None = None):
    """The page; `meeting` comes with its attendance loaded (selectors_record.with_attendance)."""
    if form is None:
        form = AttendanceForm(lines=selectors_record.attendance_sheet(meeting))
    context = {
        "title": _("Attendance"),
        "form": form,
        "locked": record_lock(meeting),
        "quorum": services.meeting_quorum(meeting),
        "chaired_by": who_chaired(meeting),
        "others": selectors_record.others_attending(meeting),
        "can_change_meeting": request.user.has_perm("meetings.manage_meetings", meeting.partnership),
    }
    response = render_record_page(request, "attendance.html", meeting, context, error=error)
    if form.errors:
        response.status_code = 400
    return response


def _save(meeting: Meeting, form: AttendanceForm) -> int:
    """Every seat's answer through the service, in one transaction: one refusal and none is
    kept, each refusal shown against its seat. Returns how many seats were saved."""
    changes = form.changes()
    with transaction.atomic():
        for change in changes:
            try:
                services.record_attendance(
                    meeting=meeting, member=change.member, status=change.status, substitute_name=change.substitute_name
                )
            except RuleBroken as broken:
                form.refuse(change.member, broken.field, broken.message)
        if form.errors:
            transaction.set_rollback(True)
    if form.errors:
        meeting.refresh_from_db(fields=["status"])  # the service moved it on in memory only
    return len(changes)


def _saved(count: int) -> str:
    if count == 0:
        return _("Nothing had changed.")
    return ngettext("Attendance saved for %(count)s member.", "Attendance saved for %(count)s members.", count) % {
        "count": count
    }


@login_required
@require_http_methods(["GET", "POST"])
def attendance(request, slug, pk):
    meeting = selectors_record.with_attendance(get_meeting_for(request, slug, pk, PERM))
    form = AttendanceForm(posted(request), lines=selectors_record.attendance_sheet(meeting))
    if request.method == "POST" and form.is_valid():
        count = _save(meeting, form)
        if not form.errors:
            messages.success(request, _saved(count))
            return redirect(record_url(meeting, "attendance"))
    return attendance_page(request, meeting, form=form)


@login_required
@require_http_methods(["GET", "POST"])
def add_other(request, slug, pk):
    meeting = get_meeting_for(request, slug, pk, PERM)
    back = record_url(meeting, "attendance")

    def save(form):
        services.add_other_attendee(meeting=meeting, **form.cleaned_data)
        return f"{back}#others"

    return meeting_form_page(
        request,
        partnership=meeting.partnership,
        form=OtherAttendeeForm(posted(request)),
        title=_("Add someone else who attended"),
        save=save,
        done=_("Added to those attending."),
        back_url=back,
        context={
            "meeting": meeting,
            "back_text": _("Back to attendance"),
            "intro": _(
                "Officers supporting the board, the block lead, and guests who attended with the chair's "
                "agreement (ToR 4.4)."
            ),
        },
    )


@login_required
@require_POST
def remove_other(request, slug, pk, other_pk):
    meeting = get_meeting_for(request, slug, pk, PERM)
    attendee = get_object_or_404(OtherAttendee, pk=other_pk, meeting=meeting)
    attendee.meeting = meeting
    return run_button(
        request,
        action=lambda: services.remove_other_attendee(attendee=attendee),
        done=_("%(name)s is no longer recorded as attending.") % {"name": attendee.name},
        back=f"{record_url(meeting, 'attendance')}#others",
        page=lambda error: attendance_page(request, selectors_record.with_attendance(meeting), error=error),
    )
