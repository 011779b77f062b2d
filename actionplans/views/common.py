"""What the plan pages share: the register's form page, sent on to the plan when it saves."""

from django.urls import reverse

from partnership.views.register_form_page import form_page

FORM_TEMPLATE = "actionplans/form_page.html"


def plan_url(plan) -> str:
    return reverse("actionplans:plan", kwargs={"slug": plan.partnership.slug, "pk": plan.pk})


def plan_form_page(request, *, plan, form, title, save, done, partnership=None, context=None):
    """The register's form page (the service decides, RuleBroken on the form, 400, nothing
    saved), sent on success to the URL `save` returns. Back goes to the plan, or the plans."""
    partnership = partnership or plan.partnership
    back_url = plan_url(plan) if plan else reverse("actionplans:list", kwargs={"slug": partnership.slug})
    return form_page(
        request,
        partnership=partnership,
        go_to_saved=True,
        form=form,
        title=title,
        save=save,
        done=done,
        back_url=back_url,
        template=FORM_TEMPLATE,
        context={"plan": plan, **(context or {})},
    )
