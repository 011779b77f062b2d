"""Milestones of the action plans: actions the partnership agrees are time-limited and carried
out (the behaviour protocol). The owner of the action is reminded 5 working days before a
milestone is due; once it is overdue the owner and the secretariat are told on the working day
after it was due, and again every week while it is not done."""

import datetime
from collections.abc import Iterator

from django.urls import reverse
from django.utils.translation import gettext as _

from actionplans.models import Action, Milestone, MilestoneStatus
from actionplans.progress import open_filter
from partnership.notifications.recording import person_recipient

from .context import SweepContext, long_day, short_day, within
from .windows import first_working_day_from, milestone_window, working_day_after

WEEK = 7
# Further ahead than 5 working days can stretch, Christmas and closure days included.
LOOK_AHEAD = datetime.timedelta(days=31)
ROWS_PER_FETCH = 2000


def _milestones_not_done(ctx: SweepContext) -> list[Milestone]:
    """Milestones due soon or past, not done, of open actions (progress.py says what done is):
    one query, the milestones of an action sharing one action object."""
    rows = (
        Milestone.objects.filter(
            action__plan__partnership_id__in=ctx.partnership_ids,
            due__isnull=False,
            due__lte=ctx.today + LOOK_AHEAD,
        )
        .exclude(status=MilestoneStatus.DONE)
        .filter(open_filter("action"))
        .select_related("action__plan", "action__section", "action__owner_member__person")
        .order_by("due", "pk")
    )
    # Each row brings its own copy of the action, plan, section, owner and person; kept, they
    # bring on the garbage collector's full passes (~0.1 s each). Read row by row, they are freed.
    actions: dict[int, Action] = {}
    milestones = []
    for milestone in rows.iterator(chunk_size=ROWS_PER_FETCH):
        action = actions.setdefault(milestone.action_id, milestone.action)
        milestone.action = action
        milestones.append(milestone)
    for action in actions.values():
        action.plan.partnership = ctx.by_id[action.plan.partnership_id]  # shares the calendar read once
    return milestones


def _owner(action: Action) -> tuple:
    """The member who owns the action; nobody when the plan names no member, or they have left."""
    member = action.owner_member
    if member is None or not member.active:
        return ()
    return (person_recipient(member.person),)


def _plan_link(milestone: Milestone) -> str:
    action = milestone.action
    plan = action.plan
    url = reverse("actionplans:plan", kwargs={"slug": plan.partnership.slug, "pk": plan.pk})
    return f"{url}#section-{action.section_id or 'none'}"


def _overdue_week(ctx: SweepContext, milestone: Milestone) -> int | None:
    """Which week of being overdue today is (0 from the working day after it was due), or None
    when no overdue notice is due today: not yet overdue, or this week's repeat starts on a
    working day still to come."""
    partnership = milestone.action.plan.partnership
    first = working_day_after(partnership, milestone.due)
    if ctx.today < first:
        return None
    week = (ctx.today - first).days // WEEK
    starts = first_working_day_from(partnership, first + datetime.timedelta(days=WEEK * week))
    return week if within(ctx, starts) else None


def find(ctx: SweepContext) -> Iterator:
    owners: dict[int, tuple] = {}  # one recipient per action, shared by its milestones' notices
    for milestone in _milestones_not_done(ctx):
        action = milestone.action
        partnership = action.plan.partnership
        due = milestone.due
        if action.pk not in owners:
            owners[action.pk] = _owner(action)
        owner = owners[action.pk]
        name = _("“%(milestone)s” of action %(action)s in %(plan)s") % {
            "milestone": milestone.title,
            "action": action,
            "plan": action.plan.title,
        }
        words = {"name": name, "title": milestone.title, "due": long_day(due), "due_short": short_day(due)}
        own_link = reverse("my_actions:progress", kwargs={"pk": action.pk})
        if owner and milestone_window(partnership, due).is_open(ctx.today):
            yield ctx.notice(
                partnership,
                kind="milestone_due_soon",
                about=f"milestone:{milestone.pk}",
                occasion=due.isoformat(),
                recipients=owner,
                subject=_("Milestone due on %(due_short)s: %(title)s") % words,
                paragraphs=(
                    _("The milestone %(name)s is due on %(due)s.") % words,
                    _(
                        "Actions the partnership agrees are time-limited and carried out: post your progress, "
                        "and mark the milestone done when it is."
                    ),
                ),
                link=own_link,
                link_text=_("Post progress on the action"),
                why=_("You get this as the member who owns the action."),
            )
        week = _overdue_week(ctx, milestone)
        if week is None:
            continue
        occasion = f"{due.isoformat()}/week-{week}"
        subject = _("Milestone overdue since %(due_short)s: %(title)s") % words
        paragraphs = (
            _("The milestone %(name)s was due on %(due)s and is not done.") % words,
            _(
                "Actions the partnership agrees are time-limited and carried out: report progress, "
                "or agree a new date with the secretariat."
            ),
        )
        if owner:
            yield ctx.notice(
                partnership,
                kind="milestone_overdue",
                about=f"milestone:{milestone.pk}",
                occasion=occasion,
                recipients=owner,
                subject=subject,
                paragraphs=paragraphs,
                link=own_link,
                link_text=_("Post progress on the action"),
                why=_("You get this as the member who owns the action, every week until the milestone is done."),
            )
        yield ctx.notice(
            partnership,
            kind="milestone_overdue",
            about=f"milestone:{milestone.pk}",
            occasion=occasion,
            recipients=ctx.secretariat(partnership),
            subject=subject,
            paragraphs=paragraphs
            + (() if owner else (_("No member of the partnership is linked as the action's owner."),)),
            link=_plan_link(milestone),
            link_text=_("Open the action plan"),
            why=_("You get this as the partnership's secretariat, every week until the milestone is done."),
        )
