"""Where to go on after a form: a path on this site named by the request's `next`, never
another site and never a URL name."""

from django.utils.http import url_has_allowed_host_and_scheme


def next_path(request) -> str | None:
    path = request.POST.get("next") or request.GET.get("next")
    if (
        path
        and path.startswith("/")
        and url_has_allowed_host_and_scheme(path, allowed_hosts={request.get_host()}, require_https=True)
    ):
        return path
    return None
