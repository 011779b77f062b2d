"""Pages anyone can read without logging in."""

from django.shortcuts import get_object_or_404, render

from ..models import Partnership


def home(request):
    return render(request, "partnership/public/home.html", {"partnerships": Partnership.objects.all()})


def partnership_page(request, slug):
    partnership = get_object_or_404(Partnership, slug=slug)
    return render(request, "partnership/public/partnership.html", {"partnership": partnership})
