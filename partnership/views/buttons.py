"""Running the service behind a button on a page, for every app's pages: on success back with
a message, on a rule broken the same page again with the reason (status 400), nothing saved."""

from collections.abc import Callable

from django.contrib import messages
from django.shortcuts import redirect

from ..errors import RuleBroken


def run_button(request, *, action: Callable, done: str | Callable, back, page: Callable):
    """Run the service behind a button: on success back to `back` with a message (`done`, or
    `done(result)`); on a RuleBroken, `page(reason)` (the page again, status 400), nothing saved."""
    try:
        result = action()
    except RuleBroken as broken:
        return page(broken.message)
    messages.success(request, done(result) if callable(done) else done)
    return redirect(back)
