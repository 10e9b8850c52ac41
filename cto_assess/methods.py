"""Pages serve GET (and HEAD) to read and POST to act; any other method gets a 405.

Django's function views answer whatever method arrives unless decorated, so a PUT,
DELETE, PATCH or PROPFIND would render a page as if it were a GET (and reach code
written for a GET). This refuses them for the whole site, before any view runs. The API
(under /api/v1/) answers its own methods, in JSON.
"""

from django.http import HttpResponseNotAllowed

PAGE_METHODS = ("GET", "HEAD", "POST")
API_PREFIX = "/api/v1/"  # the API itself; /api/tokens/ are pages


class PageMethodsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in PAGE_METHODS and not request.path_info.startswith(API_PREFIX):
            return HttpResponseNotAllowed(PAGE_METHODS)
        return self.get_response(request)
