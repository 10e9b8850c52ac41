"""Pages of an API list: ?page=N (from 1), PER_PAGE rows, links to the next and previous."""

from django.http import Http404

PER_PAGE = 50


class PageOutOfRange(Http404):
    """A page past the last one."""


def page_of(request, rows, *, page, count):
    """(page info dict, the rows of `page`) for a queryset `rows` of `count` rows."""
    pages = max(1, -(-count // PER_PAGE))
    if page > pages:
        raise PageOutOfRange("No such page")
    start = (page - 1) * PER_PAGE

    def link(number):
        if not 1 <= number <= pages:
            return None
        query = request.GET.copy()
        query["page"] = str(number)
        return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")

    info = {
        "count": count,
        "page": page,
        "pages": pages,
        "next": link(page + 1),
        "previous": link(page - 1),
    }
    return info, rows[start : start + PER_PAGE]
