"""Suspected breaches of the Code of Conduct (seed 001, Compliance with the Code): brought to
the chair's attention by the secretariat or the chair, who alone may require the member to
withdraw from partnership business until it is resolved (the vice chair, on a breach by the
chair). Confidential to the partnership's secretariat and chair."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from partnership.models import Member
from partnership.views.buttons import run_button
from partnership.views.register_form_page import form_page, posted

from .. import selectors_registers as selectors
from .. import services_registers as services
from ..access import get_breach_for, get_partnership_for_breaches
from ..forms_registers import BreachForm, ResolveBreachForm
from ..models_registers import ConductBreach

RECORD = "governance.record_breach"
DECIDE = "governance.decide_on_breach"
FORM_PAGE = "meetings/form_page.html"  # the form page with its own back link's words


@login_required
@require_GET
def breaches(request, slug):
    partnership = get_partnership_for_breaches(request, slug)
    context = {
        "partnership": partnership,
        "breaches": selectors.breaches_of(partnership),
        "can_record": request.user.has_perm(RECORD, partnership),
    }
    return render(request, "governance/breaches/list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def add_breach(request, slug):
    partnership = get_partnership_for_breaches(request, slug, RECORD)
    members = Member.objects.filter(partnership=partnership, active=True).select_related("person", "nominating_body")

    def save(form):
        return services.record_breach(partnership=partnership, **form.cleaned_data, by=request.user, now=timezone.now())

    return form_page(
        request,
        partnership=partnership,
        form=BreachForm(posted(request), members=members.order_by("person__name", "pk")),
        title=_("Record a suspected breach of the Code of Conduct"),
        save=save,
        done=_("The suspected breach is recorded and brought to the chair's attention."),
        back_url=_list_url(partnership),
        go_to_saved=True,
        template=FORM_PAGE,
        context={
            "back_text": _("Back to breaches of the Code"),
            "intro": _(
                "Any suspected breach of the Code is brought to the attention of the chair. Only the "
                "partnership's secretariat and chair see it."
            ),
        },
    )


def _list_url(partnership) -> str:
    return reverse("governance:breaches", kwargs={"slug": partnership.slug})


def breach_page(request, breach: ConductBreach, *, error: str | None = None):
    partnership = breach.partnership
    # The buttons go to whoever decides on this breach: the service says who.
    can_decide = breach.is_open and services.refusal_to_decide(breach, request.user, timezone.localdate()) is None
    context = {
        "partnership": partnership,
        "breach": breach,
        "can_require_withdrawal": can_decide and breach.withdrawal_required_at is None,
        "can_resolve": can_decide,
        "error": error,
    }
    return render(request, "governance/breaches/breach.html", context, status=400 if error else 200)


@login_required
@require_GET
def breach(request, slug, pk):
    return breach_page(request, get_breach_for(request, slug, pk))


@login_required
@require_POST
def require_withdrawal(request, slug, pk):
    breach = get_breach_for(request, slug, pk, DECIDE)
    return run_button(
        request,
        action=lambda: services.require_withdrawal(breach=breach, by=request.user, now=timezone.now()),
        done=_("%(member)s is withdrawn from partnership business until the breach is resolved.")
        % {"member": breach.member.person.name},
        back=breach,
        page=lambda reason: breach_page(request, breach, error=reason),
    )


@login_required
@require_http_methods(["GET", "POST"])
def resolve(request, slug, pk):
    breach = get_breach_for(request, slug, pk, DECIDE)

    def save(form):
        services.resolve_breach(breach=breach, **form.cleaned_data, by=request.user, now=timezone.now())
        return breach

    return form_page(
        request,
        partnership=breach.partnership,
        form=ResolveBreachForm(posted(request)),
        title=_("Resolve the suspected breach by %(member)s") % {"member": breach.member.person.name},
        save=save,
        done=_("The breach is resolved."),
        back_url=breach.get_absolute_url(),
        go_to_saved=True,
        template=FORM_PAGE,
        context={"back_text": _("Back to the breach"), "intro": breach.description},
    )
