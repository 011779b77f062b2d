"""The forward work programme's page (members read it, the secretariat plans it)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from partnership.access import get_partnership_for_secretariat, get_partnership_for_user
from partnership.errors import RuleBroken
from partnership.safe_redirect import next_path
from partnership.views.register_form_page import form_page, posted

from . import services
from .forms_work_programme import PlanForMeetingForm, PlanYearForm, WorkItemForm
from .models import WorkProgrammeItem


def _page(partnership):
    return reverse("work_programme:list", kwargs={"slug": partnership.slug})


@login_required
def work_programme(request, slug):
    partnership = get_partnership_for_user(request, slug)
    items = list(
        WorkProgrammeItem.objects.filter(partnership=partnership)
        .select_related("meeting__partnership", "agenda_item")
        .order_by("due_by", "pk")
    )
    can_manage = request.user.has_perm("meetings.manage_meetings", partnership)
    plan_form = PlanForMeetingForm(partnership=partnership) if can_manage else None
    meetings = list(plan_form.fields["meeting"].queryset) if plan_form else []
    return render(
        request,
        "meetings/work_programme/list.html",
        {
            "partnership": partnership,
            "items": items,
            "can_manage": can_manage,
            "planned_meetings": meetings,
            "year": timezone.localdate().year + 1,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def add_item(request, slug):
    partnership = get_partnership_for_secretariat(request, slug)
    return form_page(
        request,
        partnership=partnership,
        form=WorkItemForm(posted(request), partnership=partnership),
        title=_("Add to the work programme"),
        save=lambda form: services.add_work_item(partnership=partnership, **form.cleaned_data),
        done=_("Added to the work programme"),
        back_url=_page(partnership),
    )


def _act(request, partnership, action, done: str):
    """Run a service for a button, then back to where the button was (the work programme, or a
    meeting page offering the item) with what happened."""
    try:
        action()
    except RuleBroken as broken:
        messages.error(request, broken.message)
    else:
        messages.success(request, done)
    return redirect(next_path(request) or _page(partnership))


@login_required
@require_POST
def plan_year(request, slug):
    partnership = get_partnership_for_secretariat(request, slug)
    form = PlanYearForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Enter a year between 2000 and 2100."))
        return redirect(_page(partnership))
    year = form.cleaned_data["year"]
    return _act(
        request,
        partnership,
        lambda: services.plan_year(partnership=partnership, year=year),
        _("The recurring business of %(year)s is in the work programme.") % {"year": year},
    )


def _item(request, slug, pk):
    partnership = get_partnership_for_secretariat(request, slug)
    item = get_object_or_404(WorkProgrammeItem.objects.select_related("meeting"), pk=pk, partnership=partnership)
    return partnership, item


@login_required
@require_POST
def plan_for_meeting(request, slug, pk):
    partnership, item = _item(request, slug, pk)
    form = PlanForMeetingForm(request.POST, partnership=partnership)
    if not form.is_valid():
        messages.error(request, _("Choose one of the partnership's planned meetings."))
        return redirect(_page(partnership))
    meeting = form.cleaned_data["meeting"]
    return _act(
        request,
        partnership,
        lambda: services.plan_for_meeting(work_item=item, meeting=meeting),
        _("“%(title)s” is planned for %(meeting)s.") % {"title": item.title, "meeting": meeting}
        if meeting
        else _("“%(title)s” is no longer planned.") % {"title": item.title},
    )


@login_required
@require_POST
def put_on_agenda(request, slug, pk):
    partnership, item = _item(request, slug, pk)
    return _act(
        request,
        partnership,
        lambda: services.put_on_agenda(work_item=item),
        _("“%(title)s” is on the agenda of %(meeting)s.") % {"title": item.title, "meeting": item.meeting},
    )
