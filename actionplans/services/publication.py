"""Publishing a plan's summary on the public site, and withdrawing it: the secretariat's call."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from partnership.errors import RuleBroken
from partnership.services.common import long_date, rule_service

from ..access import MANAGE
from ..models import ActionPlan
from ..signals import plan_published, plan_withdrawn


def _locked_plan_for(plan: ActionPlan, by) -> ActionPlan:
    """The plan, locked, once `by` is known to keep the partnership's plans."""
    plan = ActionPlan.objects.select_for_update().select_related("partnership").get(pk=plan.pk)
    if by is None or not by.has_perm(MANAGE, plan.partnership):
        raise RuleBroken(_("Only the partnership's secretariat can publish its plans' summaries, or withdraw them."))
    return plan


def _send_on_commit(signal, plan: ActionPlan) -> None:
    plan_id, partnership_id = plan.pk, plan.partnership_id
    transaction.on_commit(lambda: signal.send(sender=ActionPlan, plan_id=plan_id, partnership_id=partnership_id))


def announce_plan_change_on_commit(plan: ActionPlan) -> None:
    """Every service that edits a plan (its title, a section, an action) calls this with the plan
    as it read it in the same transaction: a published plan's public summary changed, so
    `plan_published` is sent again once the change commits and the index reads it anew."""
    if plan.is_published:
        _send_on_commit(plan_published, plan)


@rule_service
def publish_plan(*, plan: ActionPlan, by, now: datetime.datetime | None = None) -> ActionPlan:
    """Put the plan's summary on the public site; the publications index hears of it once saved."""
    plan = _locked_plan_for(plan, by)
    if plan.is_published:
        raise RuleBroken(
            _("The summary of “%(title)s” is already published: it went on the public site on %(day)s.")
            % {"title": plan.title, "day": long_date(timezone.localdate(plan.published_at))}
        )
    plan.is_published = True
    plan.published_at = now or timezone.now()
    plan._history_user = by  # the plan's history names who published it (simple_history)
    plan.save()
    _send_on_commit(plan_published, plan)
    return plan


@rule_service
def withdraw_plan(*, plan: ActionPlan, by) -> ActionPlan:
    """Take the plan's summary off the public site."""
    plan = _locked_plan_for(plan, by)
    if not plan.is_published:
        raise RuleBroken(
            _("The summary of “%(title)s” is not published, so there is nothing to withdraw.") % {"title": plan.title}
        )
    plan.is_published = False
    plan.published_at = None
    plan._history_user = by
    plan.save()
    _send_on_commit(plan_withdrawn, plan)
    return plan
