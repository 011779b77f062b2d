"""The members' portal home, "Your home": where everyone lands on signing in."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from ..portal.home import home_for


@login_required
@require_safe
def home(request):
    return render(request, "governance/portal/home.html", home_for(request.user, timezone.localdate()))
