"""Adding a partnership (site administrators) and changing its details and rule numbers."""

import copy

from django.contrib.auth.decorators import login_required, permission_required
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ..access import get_partnership_for_secretariat
from ..forms import PartnershipDetailsForm, PartnershipForm
from .register_form_page import form_page, posted


@login_required
@permission_required("partnership.add_partnership", raise_exception=True)
@require_http_methods(["GET", "POST"])
def create_partnership(request):
    form = PartnershipForm(posted(request))
    return form_page(
        request,
        partnership=None,
        form=form,
        title=_("Add a partnership"),
        save=lambda form: form.save(),
        done=_("Partnership added"),
        back_url=reverse("partnership:mine"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def edit_partnership(request, slug):
    partnership = get_partnership_for_secretariat(request, slug)
    # The form changes its instance while it validates; the page header keeps the saved name.
    form = PartnershipDetailsForm(posted(request), instance=copy.copy(partnership))
    return form_page(
        request,
        partnership=partnership,
        form=form,
        title=_("Change the partnership's details and rules"),
        save=lambda form: form.save(),
        done=_("Partnership details saved"),
    )
