"""PDFs drawn from the app's HTML by WeasyPrint, loading nothing but the app's own files.

Both the report (reports/files.py) and an organisation's summary draw through
`html_to_pdf`, with one stylesheet (STYLESHEETS); WeasyPrint is imported only when a PDF
is drawn, as it loads Pango, which pages do not need.
"""

import functools
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from django.conf import settings
from django.contrib.staticfiles import finders

# Every PDF's styles, static files in order: the bars the pages draw alike, then the
# PDFs' own stylesheet (the templates hold none).
STYLESHEETS = ("css/shared.css", "css/pdf.css")
FONT_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts")


def allowed_roots():
    """The app's own static files and the system's fonts: all a PDF may load."""
    roots = [*settings.STATICFILES_DIRS, settings.STATIC_ROOT, *FONT_DIRS]
    return [Path(root).resolve() for root in roots]


def url_fetcher():
    """WeasyPrint's fetcher, limited to local files under allowed_roots: no network, no
    redirects, no other file. Nothing in a PDF loads a URL today; this keeps one escaping
    slip from making the renderer fetch. One per render: a fetcher keeps state."""
    from weasyprint.urls import URLFetcher

    class AppFilesOnly(URLFetcher):
        def fetch(self, url, headers=None):
            parsed = urlsplit(url)
            if parsed.scheme != "file" or parsed.netloc not in ("", "localhost"):
                raise ValueError(f"The report may not load {url[:80]!r}")
            path = Path(url2pathname(unquote(parsed.path))).resolve()
            if not any(path.is_relative_to(root) for root in allowed_roots()):
                raise ValueError(f"The report may not load {url[:80]!r}")
            return super().fetch(path.as_uri(), headers)

    return AppFilesOnly(allowed_protocols={"file"}, allow_redirects=False)


@functools.cache
def font_config():
    """One font configuration per process: building it costs a tenth of a render."""
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


@functools.cache
def stylesheets():
    """STYLESHEETS read once per process, through the fetcher like anything a PDF loads."""
    from weasyprint import CSS

    return [
        CSS(url=Path(finders.find(name)).as_uri(), url_fetcher=url_fetcher())
        for name in STYLESHEETS
    ]


def laid_out(html):
    """`html` (a whole document) laid out in A4 pages by WeasyPrint, in STYLESHEETS."""
    from weasyprint import HTML

    return HTML(string=html, url_fetcher=url_fetcher()).render(
        stylesheets=stylesheets(), font_config=font_config()
    )


def html_to_pdf(html):
    """The PDF of `html` (a whole document), A4 as its stylesheet says."""
    return laid_out(html).write_pdf()
