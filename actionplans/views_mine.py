"""A member's "My actions": the actions they own across the partnerships they sit on, and a
page per action to post progress on it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from partnership.errors import RuleBroken

from . import services
from .forms_progress import ProgressForm
from .models import Action, Milestone, ProgressUpdate
from .progress import milestone_outlook
from .selectors import actions_owned_by

NOT_YOURS = gettext_lazy(
    "Only the member who owns this action, or the partnership's secretariat, reports its progress."
)


@login_required
def my_actions(request):
    today = timezone.localdate()
    actions = list(actions_owned_by(request.user))
    for action in actions:
        action.milestone_rows = milestone_outlook(action, today).rows
    return render(request, "actionplans/my_actions.html", {"actions": actions, "today": today})


def get_action_for_progress(request, pk: int) -> Action:
    """An action whose progress the user may report: 404 to anyone outside its partnership (they
    must not learn it exists), 403 to a member of it who neither owns it nor keeps the plans."""
    action = get_object_or_404(
        Action.objects.select_related("plan__partnership", "section", "owner_member__person").prefetch_related(
            Prefetch("milestones", queryset=Milestone.objects.order_by("due", "pk")),
            Prefetch("progress", queryset=ProgressUpdate.objects.select_related("milestone")),
        ),
        pk=pk,
    )
    if not request.user.has_perm("actionplans.view_plans", action.plan.partnership):
        raise Http404("No such action")
    if not request.user.has_perm("actionplans.update_own_action", action):
        raise PermissionDenied(NOT_YOURS)
    return action


@login_required
@require_http_methods(["GET", "POST"])
def action_progress(request, pk: int):
    action = get_action_for_progress(request, pk)
    today = timezone.localdate()
    form = ProgressForm(request.POST if request.method == "POST" else None, action=action, today=today)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.record_progress(
                action=action,
                text=data["text"],
                reported_on=data["reported_on"],
                evidence=data["evidence"],
                milestone=data["milestone"],
                status=data["status"] or None,
                by=request.user,
                today=today,
            )
        except RuleBroken as broken:
            form.add_error(broken.field if broken.field in form.fields else None, broken.message)
        else:
            messages.success(request, _("Your progress has been posted."))
            return redirect(reverse("my_actions:progress", args=[action.pk]))
    page = {
        "action": action,
        "form": form,
        "milestones": [(m, m.status_on(today)) for m in action.milestones.all()],
        "updates": action.progress.all(),
        "title": _("Post progress"),
    }
    return render(request, "actionplans/progress.html", page, status=400 if form.is_bound and form.errors else 200)
