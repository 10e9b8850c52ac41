"""The report's PDF, drawn by the task worker (the Django tasks API) rather than a request.

Completing an assessment queues its PDF; asking for a PDF that is not drawn yet queues it
too (once, whoever asks: see cache.queue_once) and shows a page that says it is being
prepared. The worker draws it into the "files" cache, where every web process finds it.
"""

from django.db import transaction
from django_tasks import task

from assessments.reporting.cache import is_away, is_drawn, is_queued, queue_once
from assessments.reporting.files import report_file
from assessments.reporting.viewing import ReportViewing

# A PDF asked for again after this long, and still not drawn, is queued again (a worker
# that died with it, say).
QUEUED_SECONDS = 60


@task()
def draw_report_pdf(
    *,
    assessment_id,
    previous_id,
    language,
    show_notes,
    show_comparison,
    hours_per_week,
    with_calibration=False,
    with_colleagues=False,
):
    """Draw one report's PDF for one audience and language into the files cache."""
    from assessments.models import Assessment
    from calibration.report_section import calibration_stamp
    from colleagues.selectors import colleagues_view_of

    wanted = [assessment_id, previous_id] if previous_id else [assessment_id]
    found = Assessment.objects.select_related("frozen_report").in_bulk(wanted)
    assessment = found[_uuid(assessment_id)]
    viewing = ReportViewing(
        assessment=assessment,
        language=language,
        show_notes=show_notes,
        show_comparison=show_comparison,
        previous=found.get(_uuid(previous_id)) if previous_id else None,
        hours_per_week=hours_per_week,
        calibration_stamp=calibration_stamp(assessment) if with_calibration else "-",
        colleagues=colleagues_view_of(assessment, language=language) if with_colleagues else None,
    )
    report_file("pdf", viewing)


def _uuid(value):
    import uuid

    return uuid.UUID(str(value))


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
        arguments = {
            "assessment_id": str(drawing.assessment_id),
            "previous_id": str(drawing.previous_id) if drawing.previous_id else None,
            "language": drawing.language,
            "show_notes": drawing.show_notes,
            "show_comparison": drawing.show_comparison,
            "hours_per_week": drawing.hours_per_week,
            # The report's dated additions the audience sees: the worker draws them as they
            # stand when it runs (a newer state is a new drawing, queued when asked for).
            "with_calibration": drawing.additions != "-",
            "with_colleagues": viewing.colleagues is not None,
        }
        draw_report_pdf.enqueue(**arguments)
    return is_drawn(drawing)


def pdf_requested_on_commit(viewing):
    """Queue the PDF once the transaction that completes the assessment commits: the
    worker must find it completed."""
    transaction.on_commit(lambda: pdf_requested(viewing))
