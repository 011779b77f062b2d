"""Chair and vice chair: appointing to a term, and changing a term's dates (ToR 5.2 to 5.4)."""

from django.contrib.auth.decorators import login_required
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from .. import services
from ..access import get_office_for_secretariat, get_partnership_for_secretariat
from ..forms import OfficeAppointForm, OfficeTermForm
from .register_form_page import form_page, posted


@login_required
@require_http_methods(["GET", "POST"])
def appoint(request, slug):
    partnership = get_partnership_for_secretariat(request, slug)
    return form_page(
        request,
        partnership=partnership,
        form=OfficeAppointForm(posted(request), partnership=partnership),
        title=_("Appoint a chair or vice chair"),
        save=lambda form: services.appoint_to_office(partnership=partnership, **form.cleaned_data),
        done=_("Appointment recorded"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def change_term(request, slug, pk):
    office = get_office_for_secretariat(request, slug, pk)
    initial = {"starts_on": office.starts_on, "ends_on": office.ends_on}
    return form_page(
        request,
        partnership=office.partnership,
        form=OfficeTermForm(posted(request), partnership=office.partnership, initial=initial),
        title=_("Change the term of %(name)s as %(role)s")
        % {"name": office.member.person.name, "role": office.get_role_display().lower()},
        save=lambda form: services.change_office_term(office=office, **form.cleaned_data),
        done=_("Term saved"),
        context={"intro": _("To end a term early, for example on resignation (ToR 5.3), change the date it ends.")},
    )
