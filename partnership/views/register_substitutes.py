"""Named substitutes who may attend in a member's place (ToR 3.2)."""

from django.contrib.auth.decorators import login_required
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from .. import services
from ..access import get_member_for_secretariat, get_substitute_for_secretariat
from ..forms import SubstituteForm
from ..models import Substitute
from .register_form_page import form_page, posted


@login_required
@require_http_methods(["GET", "POST"])
def add_substitute(request, slug, pk):
    member = get_member_for_secretariat(request, slug, pk)
    return form_page(
        request,
        partnership=member.partnership,
        form=SubstituteForm(posted(request), instance=Substitute(member=member)),
        title=_("Add a substitute for %(name)s") % {"name": member.person.name},
        save=lambda form: services.add_substitute(member=member, **form.cleaned_data),
        done=_("Substitute added"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def edit_substitute(request, slug, pk):
    substitute = get_substitute_for_secretariat(request, slug, pk)
    member = substitute.member
    return form_page(
        request,
        partnership=member.partnership,
        form=SubstituteForm(posted(request), instance=substitute),
        title=_("Change %(name)s's substitute") % {"name": member.person.name},
        save=lambda form: services.update_substitute(substitute=substitute, **form.cleaned_data),
        done=_("Substitute saved"),
    )
