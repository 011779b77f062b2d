"""A member's response to a decision put to them in writing: any interest first, then the
answer, which they may change while the proposal is open (services.respond_in_writing)."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from partnership.models import Member
from partnership.views.register_form_page import form_page, posted

from .. import services
from ..access import REFUSALS
from ..forms_writing import RespondForm
from ..models import WrittenResponse
from . import selectors
from .access import get_proposal_for
from .proposals import proposal_url


@login_required
@require_http_methods(["GET", "POST"])
def respond(request, slug, pk):
    proposal = get_proposal_for(request, slug, pk, "meetings.respond_in_writing")
    member = Member.objects.filter(partnership=proposal.partnership, person__user=request.user, active=True).first()
    if member is None:  # a site administrator holds every permission but no seat to answer from
        raise PermissionDenied(REFUSALS["meetings.respond_in_writing"])
    answer = WrittenResponse.objects.filter(proposal=proposal, member=member).first()
    form = RespondForm(posted(request), initial=RespondForm.initial_for(answer))
    here = reverse("writing:respond", kwargs={"slug": slug, "pk": proposal.pk})

    def save(form):
        services.respond_in_writing(proposal=proposal, member=member, now=timezone.now(), **form.service_arguments())
        return here

    return form_page(
        request,
        partnership=proposal.partnership,
        form=form,
        title=_("Respond: %(title)s") % {"title": proposal.title},
        save=save,
        done=_("Your response is recorded. You can change it while the proposal is open."),
        back_url=proposal_url(proposal),
        template="meetings/writing/respond.html",
        context={
            "proposal": proposal,
            "answer": answer,
            "taking_responses": selectors.taking_responses(proposal, timezone.localdate()),
        },
        go_to_saved=True,
    )
