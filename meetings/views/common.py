"""What the meeting pages share: the register's form page, and running a button's service."""

from collections.abc import Callable

from django.contrib import messages
from django.shortcuts import redirect

from partnership.errors import RuleBroken
from partnership.views.register_form_page import form_page

FORM_TEMPLATE = "meetings/form_page.html"


def meeting_form_page(request, *, partnership, form, title, save, done, back_url, context=None):
    """The register's form page (service decides, RuleBroken on the form, 400, nothing saved),
    sent on success to what `save` returns (a meeting, a paper) rather than to the register."""
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
        context=context,
    )


def run_button(request, *, action: Callable, done: str | Callable, back, page: Callable):
    """Run the service behind a button: on success back to `back` with a message (`done`, or
    `done(result)`); on a RuleBroken, `page(reason)` (the page again, status 400), nothing saved."""
    try:
        result = action()
    except RuleBroken as broken:
        return page(broken.message)
    messages.success(request, done(result) if callable(done) else done)
    return redirect(back)
