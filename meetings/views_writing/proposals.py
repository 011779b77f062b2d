"""The partnership's decisions in writing: the list, the chair's opening of a proposal, the page
of one proposal with its responses, and the chair's closing or withdrawing of it."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from partnership.views.buttons import run_button
from partnership.views.register_form_page import posted

from .. import services
from ..access import get_partnership_for, get_partnership_for_meetings
from ..forms_writing import OpenProposalForm
from ..minutes_document import meeting_to_report_to, written_decisions_to_report
from ..models import Meeting, WrittenProposal
from ..views.common import meeting_form_page
from . import selectors
from .access import get_proposal_for, get_proposal_for_user


def list_url(partnership) -> str:
    return reverse("writing:list", kwargs={"slug": partnership.slug})


def proposal_url(proposal: WrittenProposal) -> str:
    return reverse("writing:proposal", kwargs={"slug": proposal.partnership.slug, "pk": proposal.pk})


def _next_meeting(partnership, today) -> Meeting | None:
    return Meeting.objects.filter(partnership=partnership, date__gte=today).order_by("date", "start_time").first()


@login_required
@require_GET
def proposals(request, slug):
    partnership = get_partnership_for_meetings(request, slug)
    today = timezone.localdate()
    found = selectors.proposals_of(partnership)
    next_meeting = _next_meeting(partnership, today)
    context = {
        "partnership": partnership,
        "open": [proposal for proposal in found if proposal.is_open],
        "finished": [proposal for proposal in found if not proposal.is_open],
        "next_meeting": next_meeting,
        "to_report": written_decisions_to_report(next_meeting) if next_meeting else [],
        "can_decide": request.user.has_perm("meetings.decide_in_writing", partnership),
        "can_respond": request.user.has_perm("meetings.respond_in_writing", partnership),
    }
    return render(request, "meetings/writing/list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def open_proposal(request, slug):
    partnership = get_partnership_for(request, slug, "meetings.decide_in_writing")

    def save(form):
        opened = services.open_written_proposal(
            partnership=partnership, by=request.user, now=timezone.now(), **form.cleaned_data
        )
        opened.partnership = partnership
        return proposal_url(opened)

    return meeting_form_page(
        request,
        partnership=partnership,
        form=OpenProposalForm(posted(request)),
        title=_("Put a decision to the members in writing"),
        save=save,
        done=_("The proposal has gone to the members, who are asked to respond in the portal."),
        back_url=list_url(partnership),
        context={
            "back_text": _("Back to decisions in writing"),
            "intro": _(
                "Only for a decision that cannot wait for the next meeting. Each member declares any "
                "interest and then answers; the result is decided by a simple majority of votes cast (ToR 5.6) "
                "and reported to the next meeting."
            ),
        },
    )


def proposal_page(request, proposal: WrittenProposal, *, error: str | None = None):
    """The proposal and its responses; again with the refusal at the top (status 400) when the
    chair's closing or withdrawing broke a rule."""
    partnership = proposal.partnership
    user = request.user
    decision = getattr(proposal, "decision", None)
    context = {
        "partnership": partnership,
        "proposal": proposal,
        "decision": decision,
        "responses": selectors.responses_to(proposal),
        "report_to": meeting_to_report_to(partnership.pk, proposal.closed_at) if decision else None,
        "taking_responses": selectors.taking_responses(proposal, timezone.localdate()),
        "can_decide": proposal.is_open and user.has_perm("meetings.decide_in_writing", partnership),
        "can_respond": proposal.is_open and user.has_perm("meetings.respond_in_writing", partnership),
        "error": error,
    }
    return render(request, "meetings/writing/proposal.html", context, status=400 if error else 200)


@login_required
@require_GET
def proposal(request, slug, pk):
    return proposal_page(request, get_proposal_for_user(request, slug, pk))


def _act(request, proposal: WrittenProposal, action, done):
    return run_button(
        request,
        action=action,
        done=done,
        back=proposal_url(proposal),
        page=lambda reason: proposal_page(request, proposal, error=reason),
    )


def _decided(decision) -> str:
    return _(
        "Decision %(number)s is in the decision log: %(outcome)s, "
        "%(votes_for)s for, %(votes_against)s against, %(abstentions)s abstaining."
    ) % {
        "number": decision.number,
        "outcome": decision.get_outcome_display().lower(),
        "votes_for": decision.votes_for,
        "votes_against": decision.votes_against,
        "abstentions": decision.abstentions,
    }


@login_required
@require_POST
def close(request, slug, pk):
    proposal = get_proposal_for(request, slug, pk, "meetings.decide_in_writing")
    return _act(
        request,
        proposal,
        lambda: services.close_written_proposal(proposal=proposal, by=request.user, now=timezone.now()),
        _decided,
    )


@login_required
@require_POST
def withdraw(request, slug, pk):
    proposal = get_proposal_for(request, slug, pk, "meetings.decide_in_writing")
    return _act(
        request,
        proposal,
        lambda: services.withdraw_written_proposal(proposal=proposal, by=request.user, now=timezone.now()),
        lambda withdrawn: _("The proposal is withdrawn; nothing goes into the decision log."),
    )
