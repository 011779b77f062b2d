"""How every form page of the register behaves: the service decides, the form shows why not.

GET shows the form; a valid POST calls the service, and on success redirects to the register
with a message (POST/redirect/GET). A RuleBroken from the service goes onto the form, at its
field when the form has one, and the page comes back with status 400 and nothing saved."""

from collections.abc import Callable

from django.contrib import messages
from django.shortcuts import redirect, render

from ..errors import RuleBroken
from ..models import Partnership

FORM_TEMPLATE = "partnership/form_page.html"


def posted(request):
    """The submitted data, or None for a GET: an empty POST is still a submission."""
    return request.POST if request.method == "POST" else None


def form_page(
    request,
    *,
    partnership: Partnership | None,
    form,
    title: str,
    save: Callable,
    done: str,
    back_url: str | None = None,
    template: str = FORM_TEMPLATE,
    context: dict | None = None,
    go_to_saved: bool = False,
):
    """`save(form)` calls the service. On success the page goes back to the register, or to
    what `save` returned when `go_to_saved` (a new partnership, a meeting, a paper)."""
    if request.method == "POST" and form.is_valid():
        try:
            saved = save(form)
        except RuleBroken as broken:
            form.add_error(broken.field if broken.field in form.fields else None, broken.message)
        else:
            messages.success(request, done)
            return redirect(saved if go_to_saved or partnership is None else partnership)
    page = {
        "partnership": partnership,
        "form": form,
        "title": title,
        "back_url": back_url or (partnership.get_absolute_url() if partnership else None),
        **(context or {}),
    }
    return render(request, template, page, status=400 if form.is_bound and form.errors else 200)
