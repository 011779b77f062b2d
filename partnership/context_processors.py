"""What every page's layout (templates/base.html) needs to know beyond the view's own context:
the site's name, which section of the service navigation the page belongs to, the language
the page is in and, when more than one is offered, the languages a visitor may switch to."""

from django.conf import settings
from django.utils.translation import get_language

# Each section of the service navigation, and the URL namespaces and names whose pages belong
# to it. The public site of every partnership belongs to "Partnerships".
NAVIGATION_SECTIONS = {
    "partnerships": {"public", "public_meetings", "public_plans", "publications"},
    "home": {"governance:home"},
    "mine": {"partnership"},
    "meetings": {"my_meetings"},
    "account": {"account-security", "account-sessions", "password_change", "password_change_done"},
    "sign-in": {"login"},
}


def site(request):
    return {
        "service_name": settings.SITE_NAME,
        "navigation_section": navigation_section(request),
        "navigation_view": _view_name(request),
        "html_lang": html_lang(get_language() or settings.LANGUAGE_CODE),
        "language_choices": language_choices(),
    }


def _view_name(request):
    match = getattr(request, "resolver_match", None)
    return match.view_name if match else ""


def navigation_section(request):
    match = getattr(request, "resolver_match", None)
    if match is None:
        return ""
    for section, names in NAVIGATION_SECTIONS.items():
        if match.view_name in names or match.namespace in names:
            return section
    return ""


def html_lang(language_code):
    """The BCP 47 tag for <html lang>: en-gb is written en-GB, cy stays cy."""
    language, _, region = language_code.partition("-")
    return f"{language}-{region.upper()}" if region else language


def language_choices():
    """The languages offered, each named in its own language as settings.LANGUAGES names
    it, or nothing when there is only one (the switch is then left out of the page)."""
    if len(settings.LANGUAGES) < 2:
        return []
    return [{"code": code, "name": name, "lang": html_lang(code)} for code, name in settings.LANGUAGES]
