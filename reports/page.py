"""The report page, served whole: drawn once for everything it shows, then read back.

Two drawings make the page (both in the default cache, reports/cache.py):

- its frozen body (`page_parts`): the report itself, the same for everyone who sees the
  same parts of it;
- the whole page (`served_page`): the body with the person around it (the menu, the
  share links, the PDF's state, the colleagues' view...). Its key adds to the body's a
  digest of everything the template is given and reads from the request, so a new share
  link, a PDF drawn meanwhile, or a colleague's rating is a new drawing, and a page is
  never served to an audience or an assessment it was not drawn for.

The one thing that differs from one request to the next, the CSRF token in the page's
forms, is drawn as a placeholder and put in after the cache read. A page that shows
something once (a message, a new share link, a new resume link) is drawn for its request
and not kept.
"""

import dataclasses
import datetime as dt
import hashlib
import uuid
from functools import cache

from django.contrib import messages
from django.contrib.staticfiles.storage import staticfiles_storage
from django.db.models import Model
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.functional import Promise

from reports.cache import drawn
from reports.files import export_filename, offered_files

# What {% csrf_token %} draws around the token, and the token drawn into a kept page: user
# text is escaped, so only the template's own tag can draw this attribute pair.
CSRF_FIELD = '<input type="hidden" name="csrfmiddlewaretoken" value="{}">'
CSRF_PLACEHOLDER = "csrf-token-put-in-per-request"


def page_parts(viewing):
    """{stage_name, completed_at, filenames, body} of the report page for `viewing`.

    A completed report is frozen, so its body is drawn once per audience and language;
    the whole page around it is drawn when `served_page` does not have it.
    """

    def draw():
        report = viewing.build()
        return {
            "stage_name": report.target_stage.name,
            "completed_at": report.completed_at,
            # Every file it offers (a section's table only when it has one: plan.csv).
            "filenames": {kind: export_filename(report, kind) for kind in offered_files(report)},
            # Safe HTML from our template; it stays marked safe through the cache's pickling.
            "body": render_to_string(
                "assessments/report/_body.html",
                {
                    "report": report,
                    "show_notes": viewing.show_notes,
                    "is_owner_view": viewing.show_comparison,
                },
            ),
        }

    return drawn(viewing.drawing("page"), draw)


def served_page(request, viewing, template, context, *, shown_once=False):
    """The response of the report page `template` for `viewing` with `context` (the person
    around the body), read from the cache when this request's page was drawn before.

    `shown_once`: the context holds something shown only now (a new link): drawn, not kept.
    """
    if shown_once or _has_messages(request):
        return render(request, template, {**context, "page": page_parts(viewing)})

    def draw():
        drawn_context = {**context, "page": page_parts(viewing), "csrf_token": CSRF_PLACEHOLDER}
        return render_to_string(template, drawn_context, request)

    around = _digest([_request_parts(request), viewing.seen.audience, _described(context)])
    html = drawn(viewing.drawing("whole-page", around=around), draw)
    placeholder = CSRF_FIELD.format(CSRF_PLACEHOLDER)
    return HttpResponse(html.replace(placeholder, CSRF_FIELD.format(get_token(request))))


def _has_messages(request):
    # Counting does not mark them read: a page drawn for them shows them and marks them.
    return len(messages.get_messages(request)) > 0


def _request_parts(request):
    """What the page's templates read from the request itself (base.html and its menu)."""
    match = request.resolver_match
    return [
        request.get_full_path(),
        match.url_name if match else "",
        request.user.is_authenticated,
        _static_version(),
    ]


@cache
def _static_version():
    """The static files' hashed names this process links to (empty when not hashed)."""
    return _digest(sorted(getattr(staticfiles_storage, "hashed_files", {}).items()))


def _digest(parts):
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:32]


def _described(value):
    """`value` as plain data for a cache key; a type it cannot name is refused, never
    guessed (an object's default repr would make every page a new drawing, or hide what
    changed)."""
    if value is None or isinstance(value, str | int | float | bool | dt.date | dt.datetime):
        return value
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, Promise):  # a lazy translation: the text in this language
        return str(value)
    if isinstance(value, dict):
        return sorted((str(k), _described(v)) for k, v in value.items())
    if isinstance(value, list | tuple):
        return [_described(v) for v in value]
    if isinstance(value, Model):
        fields = value._meta.concrete_fields
        return [type(value).__name__, *(_described(getattr(value, f.attname)) for f in fields)]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = dataclasses.fields(value)
        return [type(value).__name__, *(_described(getattr(value, f.name)) for f in fields)]
    raise TypeError(f"the report page's cache key cannot describe a {type(value).__name__}")
