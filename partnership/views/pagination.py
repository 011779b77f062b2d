"""One page of a long list, for templates/_pagination.html (GOV.UK pagination)."""

from django.core.paginator import Paginator


def paginate(request, rows, per_page: int) -> dict:
    """The page asked for in ?page= (the last for a number past the end, the first for nonsense)
    and the page numbers to show, with gaps elided."""
    paginator = Paginator(rows, per_page)
    page = paginator.get_page(request.GET.get("page"))
    return {"page": page, "page_range": list(paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1))}
