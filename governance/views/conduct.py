"""Members acknowledge their partnerships' codes; the secretariat sees who has."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme, urlencode

from partnership.access import get_partnership_for_secretariat
from partnership.errors import RuleBroken

from ..forms import AcknowledgementForm
from ..models import ConductDocument
from ..selectors import acknowledgement_register as register_rows
from ..selectors import documents_awaiting
from ..services import acknowledge_conduct_documents


def _safe_next(request) -> str | None:
    next_url = request.POST.get("next") or request.GET.get("next")
    if next_url and url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return next_url
    return None


@login_required
def acknowledge(request):
    person = getattr(request.user, "person", None)
    today = timezone.localdate()
    awaiting = documents_awaiting(person, today)
    next_url = _safe_next(request)
    form = AcknowledgementForm(request.POST if request.method == "POST" else None, documents=awaiting)
    documents = list(awaiting)
    status = 200

    if request.method == "POST" and not documents:
        request.session["conduct_acknowledged"] = True
        return redirect(next_url or "partnership:mine")

    if request.method == "POST":
        if form.is_valid():
            try:
                acknowledged = acknowledge_conduct_documents(
                    person=person, documents=list(form.cleaned_data["documents"])
                )
            except RuleBroken as error:
                form.add_error("documents", error.message)
            else:
                titles = " and the ".join(ack.document.title for ack in acknowledged)
                messages.success(request, f"Thank you. You have acknowledged the {titles}.")
                if documents_awaiting(person, today).exists():
                    # Some were left unticked: ask again for the rest.
                    query = f"?{urlencode({'next': next_url})}" if next_url else ""
                    return redirect(reverse("governance:acknowledge") + query)
                request.session["conduct_acknowledged"] = True
                return redirect(next_url or "partnership:mine")
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
    partnership = get_partnership_for_secretariat(request, slug)
    documents, rows = register_rows(partnership, timezone.localdate())
    return render(
        request,
        "governance/acknowledgement_register.html",
        {"partnership": partnership, "documents": documents, "rows": rows},
    )
