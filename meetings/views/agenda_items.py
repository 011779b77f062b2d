"""The items of an agenda: adding and changing them, removing them before the agenda goes out,
moving them up and down, and the chair's acceptance of a late item (ToR 5.7)."""

from django.contrib.auth.decorators import login_required
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from partnership.views.register_form_page import posted

from .. import services
from ..access import get_item_for, get_meeting_for
from ..forms import AgendaItemForm
from .common import meeting_form_page
from .meeting_page import act, meeting_page

LATE_INTRO = gettext_lazy(
    "The agenda has gone out, so this is a late item: say why it cannot wait for the next meeting. "
    "The chair decides whether to take it (ToR 5.7)."
)
DIRECTIONS = {"up": -1, "down": 1}


@login_required
@require_http_methods(["GET", "POST"])
def add_item(request, slug, pk):
    meeting = get_meeting_for(request, slug, pk, "meetings.change_agenda")
    late = meeting.is_circulated
    form = AgendaItemForm(posted(request), late=late, submit=_("Add the item"))

    def save(form):
        services.add_agenda_item(
            meeting=meeting, late_reason=form.cleaned_data.get("late_reason", ""), **form.item_fields()
        )
        return meeting

    return meeting_form_page(
        request,
        partnership=meeting.partnership,
        form=form,
        title=(
            _("Add a late item to the agenda of %(meeting)s") if late else _("Add an item to the agenda of %(meeting)s")
        )
        % {"meeting": meeting},
        save=save,
        done=_("Late item added: it awaits the chair's acceptance.") if late else _("Item added to the agenda."),
        back_url=meeting.get_absolute_url(),
        context={"intro": LATE_INTRO if late else None},
    )


@login_required
@require_http_methods(["GET", "POST"])
def change_item(request, slug, pk, item_pk):
    item = get_item_for(request, slug, pk, item_pk, "meetings.change_agenda")
    meeting = item.meeting
    initial = {name: getattr(item, name) for name in AgendaItemForm.base_fields}
    form = AgendaItemForm(posted(request), initial=initial, late=item.is_late, submit=_("Save the item"))

    def save(form):
        late_reason = form.cleaned_data.get("late_reason") if item.is_late else None
        services.update_agenda_item(item=item, late_reason=late_reason, **form.item_fields())
        return meeting

    return meeting_form_page(
        request,
        partnership=meeting.partnership,
        form=form,
        title=_("Change item %(position)s: %(title)s") % {"position": item.position, "title": item.title},
        save=save,
        done=_("Item saved."),
        back_url=meeting.get_absolute_url(),
    )


@login_required
@require_POST
def remove_item(request, slug, pk, item_pk):
    item = get_item_for(request, slug, pk, item_pk, "meetings.change_agenda")
    return act(
        request,
        item.meeting,
        lambda: services.remove_agenda_item(item=item),
        _("%(title)s removed.") % {"title": item.title},
    )


@login_required
@require_POST
def move_item(request, slug, pk, item_pk):
    item = get_item_for(request, slug, pk, item_pk, "meetings.change_agenda")
    places = DIRECTIONS.get(request.POST.get("direction", ""))
    if places is None:
        return meeting_page(request, item.meeting, error=_("Choose whether to move the item up or down."))
    return act(
        request,
        item.meeting,
        lambda: services.move_agenda_item(item=item, places=places),
        (_("%(title)s moved up.") if places < 0 else _("%(title)s moved down.")) % {"title": item.title},
    )


@login_required
@require_POST
def accept_item(request, slug, pk, item_pk):
    item = get_item_for(request, slug, pk, item_pk, "meetings.accept_late_item")
    return act(
        request,
        item.meeting,
        lambda: services.accept_late_item(item=item, by=request.user, now=timezone.now()),
        _("Late item accepted: %(title)s.") % {"title": item.title},
    )
