"""The organisation's summary PDF, drawn by the task worker like a report's, never in a
request.

A team's figures change whenever someone shares, withdraws or agrees to be named, so a
drawing is keyed by the state it shows (a digest of the shares and the names it would
print, and today's date, which the quarter comparison depends on) beside the code that
draws it. The request asks for that drawing: the files cache has it, or it is queued once
and a page says it is being prepared.
"""

import functools
import hashlib
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.utils import timezone
from django_tasks import task

from cto_assess.pdf import STYLESHEETS as PDF_STYLESHEETS
from organisations.models import Membership, SharedAssessment
from organisations.selectors import member_label

CACHE_SECONDS = 60 * 60 * 24
QUEUED_SECONDS = 60  # asked again after this long and still not drawn: queued again
PREPARING_REFRESH_SECONDS = 3  # the waiting page asks again this often
DRAWING_SOURCES = (
    "organisations/team/*.py",
    "templates/organisations/summary_pdf.html",
    "templates/organisations/_team_readiness_plain.html",
    "locale/*/LC_MESSAGES/django.po",
    *(f"static/{name}" for name in PDF_STYLESHEETS),
)


@functools.cache
def _code_version():
    root = Path(settings.BASE_DIR)
    digest = hashlib.sha256()
    for pattern in DRAWING_SOURCES:
        for path in sorted(root.glob(pattern)):
            digest.update(str(path.relative_to(root)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def summary_key(organisation, stage, language):
    """The files-cache key of the summary as it stands now (two small queries)."""
    digest = hashlib.sha256()
    shares = SharedAssessment.objects.filter(organisation=organisation).order_by("pk")
    digest.update(repr(list(shares.values_list("pk", "is_latest"))).encode())
    members = (
        Membership.objects.filter(organisation=organisation)
        .annotate(label=member_label("user"))
        .order_by("pk")
        .values_list("pk", "named_in_small_groups", "label")
    )
    digest.update(repr(list(members)).encode())
    digest.update(timezone.localdate().isoformat().encode())
    return ":".join(
        [
            "team-summary",
            _code_version(),
            str(organisation.pk),
            stage.slug,
            language,
            digest.hexdigest()[:24],
        ]
    )


def _files():
    return caches["files"]


@task()
def draw_team_summary_pdf(*, organisation_id, stage_slug, language, key):
    """Draw one organisation's summary into the files cache under `key`."""
    from organisations.models import Organisation
    from organisations.team.common import picked_stage, stages
    from organisations.team.export import team_pdf

    organisation = Organisation.objects.filter(pk=organisation_id).first()
    if organisation is None:
        return  # deleted since it was asked for
    all_stages = stages()
    stage = picked_stage(all_stages, stage_slug)
    _files().set(key, team_pdf(organisation, stage, all_stages, language=language), CACHE_SECONDS)


def summary_pdf_or_queue(organisation, stage, language):
    """The PDF's bytes when drawn; else queue it (once) and return None."""
    key = summary_key(organisation, stage, language)
    content = _files().get(key)
    if content is None and _files().add(f"{key}:queued", True, QUEUED_SECONDS):
        draw_team_summary_pdf.enqueue(
            organisation_id=str(organisation.pk),
            stage_slug=stage.slug,
            language=language,
            key=key,
        )
        content = _files().get(key)  # drawn at once by an immediate backend
    return content


def summary_is_queued(organisation, stage, language):
    """Whether asking now would only wait for a drawing already queued (or drawn)."""
    key = summary_key(organisation, stage, language)
    return _files().has_key(key) or _files().has_key(f"{key}:queued")
