"""The secretariat's "Publish the summary" and "Withdraw the public summary" buttons on a plan's
page: the service decides; on a refusal the plan's page again with the reason, nothing saved."""

from django.contrib.auth.decorators import login_required
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from partnership.views.buttons import run_button

from .. import services
from ..access import MANAGE, get_plan_for
from .common import plan_url
from .plans import plan_page

ANCHOR = "publication"


def _button(request, slug, pk, *, action, done):
    plan = get_plan_for(request, slug, pk, MANAGE)
    return run_button(
        request,
        action=lambda: action(plan=plan, by=request.user),
        done=done % {"title": plan.title},
        back=f"{plan_url(plan)}#{ANCHOR}",
        page=lambda reason: plan_page(request, plan, error=reason, error_anchor=ANCHOR),
    )


@login_required
@require_POST
def publish(request, slug, pk):
    return _button(
        request,
        slug,
        pk,
        action=services.publish_plan,
        done=_("The summary of “%(title)s” is published: anyone can now read it on the public site."),
    )


@login_required
@require_POST
def withdraw(request, slug, pk):
    return _button(
        request,
        slug,
        pk,
        action=services.withdraw_plan,
        done=_("The summary of “%(title)s” is withdrawn: it is no longer on the public site."),
    )
