"""Placeholder: being built (issue 7)."""

from django.http import Http404


def _not_yet(*args, **kwargs):
    raise Http404("Not built yet")


subscribe = confirm = unsubscribe = _not_yet
