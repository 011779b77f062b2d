"""Members acknowledge their partnerships' codes; the secretariat sees who has."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from partnership.errors import RuleBroken
from partnership.safe_redirect import next_path

from ..access import get_partnership_for_acknowledgements
from ..forms import AcknowledgementForm
from ..middleware import ACKNOWLEDGED
from ..models import ConductDocument
from ..selectors import acknowledgement_register as register_rows
from ..selectors import documents_awaiting
from ..services import acknowledge_conduct_documents


def _go_on(next_url: str | None):
    """On to the page asked for, or to the home a sign-in leads to."""
    return HttpResponseRedirect(next_url) if next_url else redirect(settings.LOGIN_REDIRECT_URL)


@login_required
def acknowledge(request):
    person = getattr(request.user, "person", None)
    today = timezone.localdate()
    awaiting = documents_awaiting(person, today)
    next_url = next_path(request)
    form = AcknowledgementForm(request.POST if request.method == "POST" else None, documents=awaiting)
    documents = list(awaiting)
    status = 200

    if request.method == "POST" and not documents:
        request.session[ACKNOWLEDGED] = True
        return _go_on(next_url)

    if request.method == "POST":
        if form.is_valid():
            try:
                acknowledged = acknowledge_conduct_documents(
                    person=person, documents=list(form.cleaned_data["documents"])
                )
            except RuleBroken as error:
                form.add_error("documents", error.message)
            else:
                titles = _(" and the ").join(ack.document.title for ack in acknowledged)
                messages.success(request, _("Thank you. You have acknowledged the %(titles)s.") % {"titles": titles})
                if documents_awaiting(person, today).exists():
                    # Some were left unticked: ask again for the rest.
                    query = f"?{urlencode({'next': next_url})}" if next_url else ""
                    return redirect(reverse("governance:acknowledge") + query)
                request.session[ACKNOWLEDGED] = True
                return _go_on(next_url)
        status = 400

    return render(
        request,
        "governance/acknowledge.html",
        {"form": form, "documents": documents, "next": next_url},
        status=status,
    )


@login_required
def conduct_document(request, pk):
    document = get_object_or_404(ConductDocument.objects.select_related("partnership"), pk=pk)
    if not request.user.has_perm("partnership.view_register", document.partnership):
        raise Http404("No such document")
    return render(
        request, "governance/conduct_document.html", {"document": document, "partnership": document.partnership}
    )


@login_required
def acknowledgement_register(request, slug):
    partnership = get_partnership_for_acknowledgements(request, slug)
    documents, rows = register_rows(partnership, timezone.localdate())
    return render(
        request,
        "governance/acknowledgement_register.html",
        {"partnership": partnership, "documents": documents, "rows": rows},
    )
