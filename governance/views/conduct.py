"""Members acknowledge their partnerships' codes; the secretariat sees who has."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse


@login_required
def acknowledge(request):
    return HttpResponse("to be built")


@login_required
def conduct_document(request, pk):
    return HttpResponse("to be built")
