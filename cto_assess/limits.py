"""Request size limits: a cap on every body, and no file parts (the app takes no files);
and form bodies in UTF-8 only.

Django's DATA_UPLOAD_MAX_MEMORY_SIZE counts form fields only, never files, so without this
a multipart body of any size would be read and spooled to disk on every POST. Both answers
are a 413 page in the visitor's language, before CSRF or any view reads the body.
"""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.core.files.uploadhandler import FileUploadHandler
from django.http import HttpResponse, HttpResponseBadRequest
from django.template import loader

from cto_assess.errors import api_error, is_api


class FilePartRefused(Exception):
    """A multipart body holds a file, and this app takes none."""


class NoFilesUploadHandler(FileUploadHandler):
    """Stops parsing at the first file part."""

    def new_file(self, *args, **kwargs):
        raise FilePartRefused

    def receive_data_chunk(self, raw_data, start):
        raise FilePartRefused

    def file_complete(self, file_size):
        return None


def too_large(request=None):
    if is_api(request):
        return api_error("too_large", "The request body is too large.", 413)
    return HttpResponse(loader.render_to_string("413.html"), status=413)


FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
UTF_8 = {"utf-8", "utf8", "us-ascii", "ascii"}


def _foreign_form_charset(request):
    """True for a form body declared in a charset other than UTF-8 (or its ASCII subset).
    Every page's forms post UTF-8; any other charset, known to Python (cp500, utf-16) or
    not, would fail to decode somewhere (a 500 for an unknown one): a 400 says so."""
    if request.content_type not in FORM_TYPES:
        return False
    charset = request.content_params.get("charset")
    return charset is not None and charset.strip().lower() not in UTF_8


def _declared_length(request):
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0  # Django reads such a body as empty


class RequestSizeMiddleware:
    """413 for a body over MAX_REQUEST_BODY_BYTES or holding a file part."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _declared_length(request) > settings.MAX_REQUEST_BODY_BYTES:
            return too_large(request)
        if _foreign_form_charset(request):
            if is_api(request):
                return api_error("bad_request", "Send form bodies in UTF-8.", 400)
            return HttpResponseBadRequest(loader.render_to_string("400.html", request=request))
        if request.content_type == "multipart/form-data":
            request.upload_handlers = [NoFilesUploadHandler(request)]
            try:
                request.POST  # noqa: B018 (parsed now, once, under these handlers)
            except (FilePartRefused, RequestDataTooBig, TooManyFieldsSent):
                return too_large(request)
        return self.get_response(request)
