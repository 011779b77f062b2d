"""Placeholder: being built (issue 7)."""

from django.http import Http404


def _not_yet(*args, **kwargs):
    raise Http404("Not built yet")


search_all = search = feed = _not_yet
