"""The one cache of what is drawn from frozen reports: page bodies and files.

A completed report never changes, so each drawing of it is made once and kept. A key
names everything a drawing depends on:

- the rendering version: the snapshot version and a digest of the code, templates and
  translations that draw reports, so a cache shared by servers running other code (during
  a deploy, say) never hands out what that code drew;
- the drawing (the page body, or a file format);
- the frozen inputs: the assessment and the one it is compared with (both frozen);
- what the audience sees (notes, comparison) and the language;
- the stamps of the report's sections (sections.py): the plan's budget, a knowledge check
  taken after completion, the colleagues' round.

Page bodies live in the default cache (per process unless CACHE_URL names a Redis);
files live in the "files" cache, which the web processes share with the task worker
that draws PDFs (tasks.py).
"""

import functools
import hashlib
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.cache import caches

from assessments.reporting.snapshot import SNAPSHOT_VERSION
from cto_assess.pdf import STYLESHEETS as PDF_STYLESHEETS

CACHE_SECONDS = 60 * 60 * 24 * 7
PAGE_KINDS = ("page", "whole-page")  # kept in the default cache; the files in "files"

# What draws a report, relative to the project's root: a change to any of them is a new
# rendering version.
RENDERING_SOURCES = (
    "assessments/scoring.py",
    "assessments/reporting/*.py",
    "reports/*.py",
    "content/levels.py",
    "templates/assessments/report*.html",
    "templates/assessments/report/*.html",
    "plans/plan.py",
    "plans/plan_view.py",
    "plans/section.py",
    "calibration/report_section.py",
    "calibration/check_report.py",
    "calibration/verdicts.py",
    "templates/calibration/_report_section*.html",
    "locale/*/LC_MESSAGES/django.po",
    "cto_assess/formats/*/formats.py",  # how dates are written
    "colleagues/disclosure.py",  # the colleagues' view drawn into the files
    "colleagues/reporting.py",
    "colleagues/section.py",
    "templates/colleagues/_section.html",
    *(f"static/{name}" for name in PDF_STYLESHEETS),  # the PDF's styles
    # Around the body on the page served whole (reports/page.py).
    "templates/base.html",
    "templates/snippets/*.html",
    "templates/assessments/_resume_link.html",
    "templates/colleagues/_panel.html",
)


@functools.cache
def rendering_version():
    """The snapshot version and a digest of every source that draws a report."""
    root = Path(settings.BASE_DIR)
    digest = hashlib.sha256()
    for pattern in RENDERING_SOURCES:
        for path in sorted(root.glob(pattern)):
            digest.update(str(path.relative_to(root)).encode())
            digest.update(path.read_bytes())
    return f"{SNAPSHOT_VERSION}.{digest.hexdigest()[:16]}"


@dataclass(frozen=True)
class Drawing:
    """One drawing of a frozen report: what it is, of what, for whom, in which language."""

    kind: str  # "page" (its body), "whole-page", or a file format: "pdf", "csv", "json"
    assessment_id: object
    previous_id: object  # the assessment it is compared with, or None
    language: str
    show_notes: bool
    show_comparison: bool
    # The stamps of the sections drawn into it (sections.stamps): a new budget, a new
    # answer to the check or a new rating is a new drawing.
    sections: tuple = ()
    # The whole page's: a digest of the person around the body (reports/page.py).
    around: str = ""

    @property
    def key(self):
        sees = f"{'notes' if self.show_notes else '-'}+{'compare' if self.show_comparison else '-'}"
        return ":".join(
            [
                "report",
                rendering_version(),
                self.kind,
                str(self.assessment_id),
                str(self.previous_id or "-"),
                sees,
                self.language,
                *self.sections,
                *([self.around] if self.around else []),
            ]
        )

    @property
    def cache(self):
        return caches["default" if self.kind in PAGE_KINDS else "files"]


def drawn(drawing, draw):
    """What `draw()` returns for `drawing`, drawn only when the cache does not have it."""
    key, cache = drawing.key, drawing.cache
    value = cache.get(key)
    if value is None:
        value = draw()
        cache.set(key, value, CACHE_SECONDS)
    return value


def is_away(drawing):
    """True while the cache that keeps this drawing cannot be reached (a Redis outage:
    cto_assess/caches.py); nothing drawn now could be kept or found again."""
    return getattr(drawing.cache, "is_down", lambda: False)()


def is_drawn(drawing):
    return drawing.cache.has_key(drawing.key)


def _queued_key(drawing):
    return f"{drawing.key}:queued"


def is_queued(drawing):
    return drawing.cache.has_key(_queued_key(drawing))


def queue_once(drawing, seconds):
    """True the first time in `seconds` this drawing is asked for (shared by every process
    that shares its cache): the caller queues it then, and not again meanwhile."""
    return drawing.cache.add(_queued_key(drawing), True, seconds)
