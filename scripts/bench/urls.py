"""The project's URLs and the benchmark's yardstick: a view that does nothing, reached through
the whole middleware stack, so each page's figure says what the page itself costs."""

from django.http import HttpResponse
from django.urls import include, path
from django.views.decorators.http import require_safe


@require_safe
def minimal(request):
    return HttpResponse(b"ok", content_type="text/plain")


urlpatterns = [
    path("bench/minimal/", minimal, name="bench-minimal"),
    path("", include("partnership.urls")),
]
