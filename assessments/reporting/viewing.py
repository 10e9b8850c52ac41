"""A completed report as one audience sees it, in one language: what a drawing is made of."""

from dataclasses import dataclass

from django.utils import translation

from assessments.reporting.cache import Drawing
from assessments.reporting.plan import DEFAULT_HOURS_PER_WEEK
from assessments.reporting.report import build_report


@dataclass(frozen=True)
class ReportViewing:
    """The report of `assessment` in `language`, with the parts its audience may see.

    `previous` is the owner's assessment before this one; it is compared only when the
    audience sees comparisons.
    """

    assessment: object  # a completed Assessment (its snapshot read only when drawn)
    language: str
    show_notes: bool
    show_comparison: bool
    previous: object = None
    hours_per_week: int = DEFAULT_HOURS_PER_WEEK  # the development plan's time budget
    # The colleagues' view (colleagues.reporting), drawn per request: the page shows it
    # beside the frozen body; the files include it, so their drawings are keyed by its stamp.
    colleagues: object = None
    # The state of the knowledge check and interview practice added to the report
    # (calibration.report_section.calibration_stamp); "-" when there is none. Only the
    # person sees them, as they see their notes.
    calibration_stamp: str = "-"

    @property
    def compared_with(self):
        return self.previous if self.show_comparison else None

    def drawing(self, kind):
        compared = self.compared_with
        return Drawing(
            kind=kind,
            assessment_id=self.assessment.pk,
            previous_id=compared.pk if compared is not None else None,
            language=self.language,
            show_notes=self.show_notes,
            show_comparison=self.show_comparison,
            hours_per_week=self.hours_per_week,
            colleagues=self.colleagues.stamp if self.colleagues and kind != "page" else "-",
            additions=self.calibration_stamp if self.show_notes else "-",
        )

    def build(self):
        """The Report itself (only when a drawing is not in the cache)."""
        # calibration builds on reports
        from calibration.report_section import calibration_of, practice_of

        report = build_report(
            self.assessment,
            language=self.language,
            previous=self.compared_with,
            hours_per_week=self.hours_per_week,
        )
        report.colleagues = self.colleagues
        if self.show_notes and self.calibration_stamp != "-":
            with translation.override(self.language):
                report.calibration = calibration_of(self.assessment.pk, report)
            practice_of(self.assessment.owner_id, report.interview_questions)
        return report
