"""The minutes as a PDF, for those who may read them: a draft as the record now stands, marked
as a draft; approved minutes as the chair approved them; and to a member while circulated
minutes are being corrected, the version they were sent, saying so."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from ..minutes_document import render_minutes_html
from ..minutes_pdf import MinutesPdf, pdf_response, render_minutes_pdf
from .fetch import read_minutes
from .page import approved_html


@login_required
@require_GET
def minutes_pdf(request, slug, pk):
    reading = read_minutes(request, slug, pk)
    meeting, minutes, sent = reading.meeting, reading.minutes, reading.sent
    if minutes is None:
        raise Http404(_("The minutes of this meeting have not been started"))
    if sent is not None:
        pdf = MinutesPdf(
            meeting=meeting,
            body_html=sent.html,
            kind="being_corrected",
            version=sent.number,
            circulated_at=sent.circulated_at,
        )
    elif minutes.is_draft:
        pdf = MinutesPdf(meeting=meeting, body_html=render_minutes_html(meeting), kind="draft")
    else:
        pdf = MinutesPdf(meeting=meeting, body_html=approved_html(minutes), kind="approved", version=minutes.version)
    return pdf_response(render_minutes_pdf(pdf), meeting=meeting, public=False)
