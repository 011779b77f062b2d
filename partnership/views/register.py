"""The secretariat's register pages."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from ..access import get_partnership_for_user
from ..models import Partnership
from ..roles import visible_partnership_filter


@login_required
def my_partnerships(request):
    partnerships = Partnership.objects.filter(visible_partnership_filter(request.user))
    return render(request, "partnership/mine.html", {"partnerships": partnerships})


@login_required
def register(request, slug):
    partnership = get_partnership_for_user(request, slug)
    return render(request, "partnership/register.html", {"partnership": partnership})
