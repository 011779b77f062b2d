"""The secretariat writes the minute of each agenda item with the rich-text editor; the
service keeps only the HTML minutes need and refuses once the chair has approved them."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from partnership.views.register_form_page import form_page, posted

from .. import services
from ..forms_minutes import MinuteForm
from ..models import Decision, Declaration, MinuteItem
from .fetch import get_minutes_for
from .page import minutes_url


def _item_record(agenda_item) -> dict:
    """What the record already says of the item, shown beside the editor: it is not typed again."""
    return {
        "declarations": list(
            Declaration.objects.filter(agenda_item=agenda_item).select_related("member__person").order_by("pk")
        ),
        "decisions": list(Decision.objects.filter(agenda_item=agenda_item).order_by("number")),
    }


@login_required
@require_http_methods(["GET", "POST"])
def write(request, slug, pk, item_pk):
    meeting, minutes = get_minutes_for(request, slug, pk, "meetings.draft_minutes")
    minute = get_object_or_404(
        MinuteItem.objects.select_related("agenda_item"), minutes=minutes, agenda_item_id=item_pk
    )
    minute.minutes = minutes
    item = minute.agenda_item
    form = MinuteForm(posted(request), initial={"discussion": minute.discussion})

    def save(form):
        services.write_minute(minute=minute, discussion=form.cleaned_data["discussion"])
        return f"{minutes_url(meeting)}#item-{item.pk}"

    return form_page(
        request,
        partnership=meeting.partnership,
        form=form,
        title=_("Minute of item %(position)s: %(title)s") % {"position": item.position, "title": item.title},
        save=save,
        done=_("Minute of item %(position)s saved.") % {"position": item.position},
        back_url=minutes_url(meeting),
        template="meetings/minutes/write.html",
        context={"meeting": meeting, "minutes": minutes, "item": item, **_item_record(item)},
        go_to_saved=True,
    )
