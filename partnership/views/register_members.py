"""Members: a person's seat for a nominating body."""

from django.contrib.auth.decorators import login_required
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from .. import services
from ..access import get_member_for_secretariat, get_partnership_for_secretariat
from ..forms import MemberAddForm, MemberEditForm
from .register_form_page import form_page, posted


@login_required
@require_http_methods(["GET", "POST"])
def add_member(request, slug):
    partnership = get_partnership_for_secretariat(request, slug)
    form = MemberAddForm(posted(request), partnership=partnership, initial={"nominating_body": request.GET.get("body")})

    def save(form):
        data = form.cleaned_data
        return services.add_member(
            nominating_body=data["nominating_body"], name=data["name"], email=data["email"], **form.flag_values()
        )

    return form_page(
        request,
        partnership=partnership,
        form=form,
        title=_("Add a member"),
        save=save,
        done=_("Member added"),
        context={"intro": _("Someone already on the register of another partnership is found by their email address.")},
    )


@login_required
@require_http_methods(["GET", "POST"])
def edit_member(request, slug, pk):
    member = get_member_for_secretariat(request, slug, pk)
    initial = {
        "name": member.person.name,
        "email": member.person.email,
        "nominating_body": member.nominating_body_id,
        "active": member.active,
        **{name: getattr(member, name) for name in MemberEditForm.flags},
    }
    form = MemberEditForm(posted(request), partnership=member.partnership, initial=initial)

    def save(form):
        data = form.cleaned_data
        return services.update_member(
            member=member,
            nominating_body=data["nominating_body"],
            active=data["active"],
            name=data["name"],
            email=data["email"],
            by=request.user,
            **form.flag_values(),
        )

    return form_page(
        request,
        partnership=member.partnership,
        form=form,
        title=_("Change %(name)s's seat") % {"name": member.person.name},
        save=save,
        done=_("Member saved"),
    )
