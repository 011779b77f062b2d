"""Placeholder: being built (issue 7)."""

from django.http import Http404


def home(request):
    raise Http404("Not built yet")
