"""The secretariat's "Link owners" page: each way a plan writes who is responsible, with how
many actions it owns, linked in one go to a member and a nominating body of the partnership.
The words as written stay; the match the importer would make is suggested."""

from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.db.models import Count, Max
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from partnership.views.buttons import run_button

from .. import services
from ..access import MANAGE, get_plan_for
from ..forms_owners import OwnerLinkForm
from ..importing.owners import OwnerMatch, Register, match_on
from ..models import Action, ActionPlan
from .common import plan_url


@dataclass(frozen=True)
class OwnerRow:
    owner: str  # as written
    actions: int
    member_id: int | None  # linked, when every action with these words is linked to the same one
    body_id: int | None


@dataclass(frozen=True)
class OwnerBlock:
    row: OwnerRow
    status: str  # what is linked now, or what the words suggest
    form: OwnerLinkForm
    anchor: str


def owner_rows(plan: ActionPlan) -> list[OwnerRow]:
    """Each way the plan writes an owner, with its actions counted. One query."""
    rows = (
        Action.objects.filter(plan=plan)
        .exclude(owner="")
        .values("owner")
        .annotate(
            actions=Count("pk"),
            linked_members=Count("owner_member"),
            members=Count("owner_member", distinct=True),
            member=Max("owner_member"),
            linked_bodies=Count("owner_body"),
            bodies=Count("owner_body", distinct=True),
            body=Max("owner_body"),
        )
        .order_by("owner")
    )
    return [
        OwnerRow(
            row["owner"],
            row["actions"],
            row["member"] if row["members"] == 1 and row["linked_members"] == row["actions"] else None,
            row["body"] if row["bodies"] == 1 and row["linked_bodies"] == row["actions"] else None,
        )
        for row in rows
    ]


def _initial(row: OwnerRow, suggestion: OwnerMatch) -> dict:
    """What is linked now; when nothing is, the match the words suggest."""
    if row.member_id or row.body_id:
        return {"owner": row.owner, "member": row.member_id, "body": row.body_id}
    return {
        "owner": row.owner,
        "member": suggestion.member.pk if suggestion.member else None,
        "body": suggestion.body.pk if suggestion.body else None,
    }


def _status(row: OwnerRow, suggestion: OwnerMatch, names: dict) -> str:
    """`names`: the register's member and body names, by ("member" or "body", pk)."""
    if row.member_id or row.body_id:
        linked = []
        if row.member_id:
            linked.append(names.get(("member", row.member_id), _("a member no longer on the partnership")))
        if row.body_id:
            linked.append(names.get(("body", row.body_id), _("a body no longer on the partnership")))
        return _("Linked to %(names)s.") % {"names": _both(linked)}
    if suggestion.member:
        return _("Not linked yet. Suggested: %(name)s, the member with this name.") % {
            "name": suggestion.member.person.name
        }
    if suggestion.body:
        return _("Not linked yet. Suggested: %(name)s, the nominating body with this name.") % {
            "name": suggestion.body.name
        }
    return _("Not linked yet. %(reason)s") % {"reason": suggestion.reason}


def _both(names: list[str]) -> str:
    """ "A", or "A and B": what an owner is linked to, a member, a body or both."""
    if len(names) == 2:
        return _("%(first)s and %(second)s") % {"first": names[0], "second": names[1]}
    return names[0]


def _page(request, plan, register, rows, *, posted=None, error=None):
    suggestions = match_on(register, [row.owner for row in rows])
    names = {("member", member.pk): member.person.name for member in register.members}
    names |= {("body", body.pk): body.name for body in register.bodies}
    blocks = []
    for index, row in enumerate(rows, start=1):
        legend = ngettext("%(owner)s (%(count)s action)", "%(owner)s (%(count)s actions)", row.actions) % {
            "owner": row.owner,
            "count": row.actions,
        }
        chosen = posted is not None and posted.data.get("owner") == row.owner
        form = OwnerLinkForm(
            posted.data if chosen else None,
            initial=_initial(row, suggestions[row.owner]),
            legend=legend,
            members=register.members,
            bodies=register.bodies,
            index=index,
        )
        if chosen:
            form.is_valid()  # its errors show at its fields
        blocks.append(OwnerBlock(row, _status(row, suggestions[row.owner], names), form, f"owner-{index}"))
    anchor = next((block.anchor for block in blocks if block.form.is_bound), "owners")
    context = {
        "partnership": plan.partnership,
        "plan": plan,
        "blocks": blocks,
        "error": error,
        "anchor": anchor,
        "plan_url": plan_url(plan),
    }
    return render(request, "actionplans/owners.html", context, status=400 if error else 200)


def _linked(count: int, form: OwnerLinkForm) -> str:
    data = form.cleaned_data
    to = [name for name in (data["member"] and data["member"].person.name, data["body"] and data["body"].name) if name]
    if not to:
        return ngettext(
            "%(count)s action owned by “%(owner)s” no longer linked to the register.",
            "%(count)s actions owned by “%(owner)s” no longer linked to the register.",
            count,
        ) % {"count": count, "owner": data["owner"]}
    return ngettext(
        "%(count)s action owned by “%(owner)s” linked to %(names)s.",
        "%(count)s actions owned by “%(owner)s” linked to %(names)s.",
        count,
    ) % {"count": count, "owner": data["owner"], "names": _both(to)}


@login_required
@require_http_methods(["GET", "POST"])
def link_owners(request, slug, pk):
    plan = get_plan_for(request, slug, pk, MANAGE)
    today = timezone.localdate()
    register = Register.of(plan.partnership_id, today)
    rows = owner_rows(plan)
    if request.method != "POST":
        return _page(request, plan, register, rows)
    form = OwnerLinkForm(request.POST, legend="", members=register.members, bodies=register.bodies, index=0)
    if not form.is_valid():
        reason = next(iter(form.errors.values()))[0]
        return _page(request, plan, register, rows, posted=form, error=reason)
    data = form.cleaned_data
    return run_button(
        request,
        action=lambda: services.link_owner(
            plan=plan, owner=data["owner"], member=data["member"], body=data["body"], by=request.user, today=today
        ),
        done=lambda count: _linked(count, form),
        back=reverse("actionplans:owners", kwargs={"slug": slug, "pk": plan.pk}),
        page=lambda reason: _page(request, plan, register, rows, posted=form, error=reason),
    )
