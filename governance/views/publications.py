"""The public's ways into what partnerships publish: search across every partnership or within
one, and a partnership's Atom feed. No sign-in; everything read comes from the publications
index, which holds only what is public."""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from partnership.access import public_partnership_or_404
from partnership.views.pagination import paginate

from ..publications.feed import PublicationsFeed
from ..publications.forms import SearchForm
from ..publications.search import results, search_publications

RESULTS_PER_PAGE = 20


def _search_page(request, partnership=None):
    form = SearchForm(request.GET or None)
    query = form.query
    context = {"form": form, "partnership": partnership, "query": query}
    if query:
        found = search_publications(
            query, partnership_id=partnership.pk if partnership else None, kind=form.cleaned_data["kind"]
        )
        pages = paginate(request, found, RESULTS_PER_PAGE)
        context.update(pages, results=results(pages["page"], query))
    return render(request, "governance/public/search.html", context)


@require_safe
def search_all(request):
    return _search_page(request)


@require_safe
def search(request, slug):
    return _search_page(request, public_partnership_or_404(slug))


feed = require_safe(PublicationsFeed())
