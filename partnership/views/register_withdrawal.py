"""A nominating body's notice that it will leave the partnership (ToR 9)."""

from django.contrib.auth.decorators import login_required
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from .. import services
from ..access import get_body_for_secretariat
from ..forms import WithdrawalNoticeForm
from .register_form_page import form_page, posted


@login_required
@require_http_methods(["GET", "POST"])
def give_withdrawal_notice(request, slug, pk):
    body = get_body_for_secretariat(request, slug, pk)
    partnership = body.partnership
    return form_page(
        request,
        partnership=partnership,
        form=WithdrawalNoticeForm(posted(request), partnership=partnership),
        title=_("Record %(name)s's notice of withdrawal") % {"name": body.name},
        save=lambda form: services.give_withdrawal_notice(nominating_body=body, **form.cleaned_data),
        done=_("Withdrawal notice recorded"),
    )
