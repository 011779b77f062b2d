"""Nominating bodies and their seats."""

from django.contrib.auth.decorators import login_required
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from .. import services
from ..access import get_body_for_secretariat, get_partnership_for_secretariat
from ..forms import NominatingBodyForm
from .register_form_page import form_page, posted


def _save(partnership, body=None):
    def save(form):
        return services.save_nominating_body(partnership=partnership, body=body, **form.cleaned_data)

    return save


@login_required
@require_http_methods(["GET", "POST"])
def add_body(request, slug):
    partnership = get_partnership_for_secretariat(request, slug)
    return form_page(
        request,
        partnership=partnership,
        form=NominatingBodyForm(posted(request)),
        title=_("Add a nominating body"),
        save=_save(partnership),
        done=_("Nominating body added"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def edit_body(request, slug, pk):
    body = get_body_for_secretariat(request, slug, pk)
    initial = {"name": body.name, "seats": body.seats, "is_responsible_authority": body.is_responsible_authority}
    return form_page(
        request,
        partnership=body.partnership,
        form=NominatingBodyForm(posted(request), initial=initial),
        title=_("Change %(name)s") % {"name": body.name},
        save=_save(body.partnership, body),
        done=_("Nominating body saved"),
    )
