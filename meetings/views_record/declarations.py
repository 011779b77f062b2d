"""Declarations of interest, made at or before the start of an item (ToR 7; the Code of
Conduct, seed 001). The secretariat or the chair records any member's; a member declares their
own. The page lists them by item, with whether each item stayed quorate once members with a
prejudicial interest withdrew."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from partnership.models import Member
from partnership.views.buttons import run_button
from partnership.views.register_form_page import posted

from .. import selectors_record, services
from ..access import REFUSALS, get_declaration_for, get_meeting_for, get_meeting_for_user
from ..forms_record import AgreeParticipationForm, DeclarationForm
from ..models import Meeting
from ..views.common import meeting_form_page
from .common import record_url, render_record_page

RECORD = "meetings.record_declarations"
OWN = "meetings.declare_own_interest"


def declarations_page(request, meeting: Meeting, *, error: str | None = None):
    meeting = selectors_record.with_attendance(meeting)
    context = {
        "title": _("Declarations of interest"),
        "items": selectors_record.recorded_items(meeting),
        "quorum": services.meeting_quorum(meeting),
        "can_record": request.user.has_perm(RECORD, meeting),
        "can_declare": request.user.has_perm(OWN, meeting),
    }
    return render_record_page(request, "declarations.html", meeting, context, error=error)


@login_required
@require_GET
def declarations(request, slug, pk):
    return declarations_page(request, get_meeting_for_user(request, slug, pk))


def _chosen_item(request) -> dict:
    """The item a link from the agenda chose, as the form's starting answer."""
    item = request.GET.get("item", "")
    return {"agenda_item": int(item)} if item.isdigit() else {}


def _declaration_page(request, meeting: Meeting, *, members=None, seat=None, title, done, back_url, back_text, go_to):
    """Recording a declaration: for one of `members`, or (with none to choose) for `seat`."""
    items = list(meeting.agenda_items.order_by("position", "pk"))
    form = DeclarationForm(
        posted(request), items=items, members=members, initial=_chosen_item(request), submit=_("Record the interest")
    )

    def save(form):
        declared = dict(form.cleaned_data)
        member = declared.pop("member", None) or seat
        services.declare_interest(member=member, **declared, by=request.user, now=timezone.now())
        return go_to

    return meeting_form_page(
        request,
        partnership=meeting.partnership,
        form=form,
        title=title,
        save=save,
        done=done,
        back_url=back_url,
        context={"meeting": meeting, "back_text": back_text},
    )


def users_own_seat(request, meeting: Meeting) -> Member:
    """The user's own seat on the meeting's partnership; a site administrator without one has
    nothing to declare."""
    seat = selectors_record.own_seat(meeting, request.user)
    if seat is None:
        raise PermissionDenied(REFUSALS[OWN])
    return seat


@login_required
@require_http_methods(["GET", "POST"])
def add_declaration(request, slug, pk):
    meeting = get_meeting_for(request, slug, pk, RECORD)
    members = Member.objects.filter(partnership_id=meeting.partnership_id, active=True).select_related(
        "person", "nominating_body"
    )
    back = record_url(meeting, "declarations")
    return _declaration_page(
        request,
        meeting,
        members=list(members.order_by("person__name", "pk")),
        title=_("Record a declaration of interest"),
        done=_("Declaration recorded."),
        back_url=back,
        back_text=_("Back to the declarations"),
        go_to=back,
    )


@login_required
@require_http_methods(["GET", "POST"])
def declare_own(request, slug, pk):
    meeting = get_meeting_for(request, slug, pk, OWN)
    return _declaration_page(
        request,
        meeting,
        seat=users_own_seat(request, meeting),
        title=_("Declare an interest in an item"),
        done=_("Your declaration of interest is recorded."),
        back_url=meeting.get_absolute_url(),
        back_text=_("Back to the meeting"),
        go_to=meeting.get_absolute_url(),
    )


@login_required
@require_http_methods(["GET", "POST"])
def agree_participation(request, slug, pk, declaration_pk):
    declaration = get_declaration_for(request, slug, pk, declaration_pk, RECORD)
    meeting, item = declaration.meeting, declaration.agenda_item
    back = record_url(meeting, "declarations")

    def save(form):
        services.agree_participation(declaration=declaration, reason=form.cleaned_data["reason"])
        return back

    return meeting_form_page(
        request,
        partnership=meeting.partnership,
        form=AgreeParticipationForm(posted(request)),
        title=_("The board agreed %(name)s may take part in item %(position)s")
        % {"name": declaration.member.person.name, "position": item.position},
        save=save,
        done=_("%(name)s may take part in item %(position)s: %(title)s.")
        % {"name": declaration.member.person.name, "position": item.position, "title": item.title},
        back_url=back,
        context={
            "meeting": meeting,
            "back_text": _("Back to the declarations"),
            "intro": _("%(name)s declared a %(kind)s interest in %(title)s: %(nature)s")
            % {
                "name": declaration.member.person.name,
                "kind": declaration.get_kind_display().lower(),
                "title": item.title,
                "nature": declaration.nature,
            },
        },
    )


@login_required
@require_POST
def withdraw(request, slug, pk, declaration_pk):
    declaration = get_declaration_for(request, slug, pk, declaration_pk, RECORD)
    meeting = declaration.meeting
    return run_button(
        request,
        action=lambda: services.withdraw_declaration(declaration=declaration),
        done=_("The declaration by %(name)s on item %(position)s is withdrawn.")
        % {"name": declaration.member.person.name, "position": declaration.agenda_item.position},
        back=record_url(meeting, "declarations"),
        page=lambda error: declarations_page(request, meeting, error=error),
    )
