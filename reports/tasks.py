"""The report's PDF, drawn by the task worker (the Django tasks API) rather than a request.

Completing an assessment queues its PDF; asking for a PDF that is not drawn yet queues it
too (once, whoever asks: see cache.queue_once) and shows a page that says it is being
prepared. The worker draws it into the "files" cache, where every web process finds it.
"""

import uuid

from django.db import transaction
from django_tasks import task

from reports.cache import is_away, is_drawn, is_queued, queue_once
from reports.files import report_file
from reports.sections import stamps_by_key

# A PDF asked for again after this long, and still not drawn, is queued again (a worker
# that died with it, say).
QUEUED_SECONDS = 60


@task()
def draw_report_pdf(*, assessment_id, previous_id, language, audience, share_link_id, stamps):
    """Draw one report's PDF for one audience and language into the files cache.

    `stamps` ({section key: stamp}) name the sections' states the request saw; the worker
    reads again only what a stamp cannot hold (the colleagues' view, which may have moved:
    a newer state is a new drawing, queued when asked for).
    """
    from assessments.access import Access, Audience
    from assessments.models import Assessment, ShareLink
    from reports.sections import states_from_stamps
    from reports.viewing import ReportViewing

    wanted = [uuid.UUID(str(i)) for i in (assessment_id, previous_id) if i]
    found = Assessment.objects.select_related("frozen_report").in_bulk(wanted)
    assessment = found[wanted[0]]
    share_link = ShareLink.objects.filter(pk=share_link_id).first() if share_link_id else None
    seen = Access(assessment, Audience(audience), share_link=share_link)
    viewing = ReportViewing(
        assessment=assessment,
        language=language,
        show_notes=seen.sees.notes,
        show_comparison=seen.sees.comparison,
        previous=found.get(wanted[1]) if previous_id else None,
        states=states_from_stamps(stamps, seen, language=language),
        seen=seen,
    )
    report_file("pdf", viewing)


def pdf_ready(viewing):
    """True when the PDF of `viewing` is drawn and can be served at once."""
    return is_drawn(viewing.drawing("pdf"))


def pdf_unkeepable(viewing):
    """True while the files cache is away: a PDF drawn now would be lost."""
    return is_away(viewing.drawing("pdf"))


def pdf_queued(viewing):
    """True while the PDF of `viewing` waits for the worker."""
    return is_queued(viewing.drawing("pdf"))


def pdf_requested(viewing):
    """Queue the PDF of `viewing` unless it is drawn or already queued; True if it is
    drawn now (at once with the immediate backend)."""
    drawing = viewing.drawing("pdf")
    if is_drawn(drawing):
        return True
    if queue_once(drawing, QUEUED_SECONDS):
        seen = viewing.seen
        draw_report_pdf.enqueue(
            assessment_id=str(viewing.assessment.pk),
            previous_id=str(drawing.previous_id) if drawing.previous_id else None,
            language=viewing.language,
            audience=str(seen.audience),
            share_link_id=seen.share_link.pk if seen.share_link else None,
            stamps=stamps_by_key(viewing.states),
        )
    return is_drawn(drawing)


def pdf_requested_on_commit(viewing):
    """Queue the PDF once the transaction that completes the assessment commits: the
    worker must find it completed."""
    transaction.on_commit(lambda: pdf_requested(viewing))
