"""Versions of the terms of reference (reviewed every year, ToR 10)."""

from django.contrib.auth.decorators import login_required
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from .. import services
from ..access import get_partnership_for_secretariat, get_terms_for_secretariat
from ..forms import TermsOfReferenceForm
from .register_form_page import form_page, posted


def _save(partnership, terms=None):
    def save(form):
        return services.save_terms_of_reference(partnership=partnership, terms=terms, **form.cleaned_data)

    return save


@login_required
@require_http_methods(["GET", "POST"])
def add_terms(request, slug):
    partnership = get_partnership_for_secretariat(request, slug)
    return form_page(
        request,
        partnership=partnership,
        form=TermsOfReferenceForm(posted(request)),
        title=_("Add a version of the terms of reference"),
        save=_save(partnership),
        done=_("Terms of reference added"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def edit_terms(request, slug, pk):
    terms = get_terms_for_secretariat(request, slug, pk)
    initial = {name: getattr(terms, name) for name in ("version", "adopted_on", "next_review_on", "text")}
    return form_page(
        request,
        partnership=terms.partnership,
        form=TermsOfReferenceForm(posted(request), initial=initial),
        title=_("Change version %(version)s of the terms of reference") % {"version": terms.version},
        save=_save(terms.partnership, terms),
        done=_("Terms of reference saved"),
    )
