"""A meeting's page: its dates, deadlines and agenda."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse


@login_required
def meeting(request, slug, pk):
    return HttpResponse("to be built")
