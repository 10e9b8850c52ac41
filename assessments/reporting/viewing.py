"""A completed report as one audience sees it, in one language: what a drawing is made of."""

from dataclasses import dataclass

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
        )

    def build(self):
        """The Report itself (only when a drawing is not in the cache)."""
        report = build_report(
            self.assessment,
            language=self.language,
            previous=self.compared_with,
            hours_per_week=self.hours_per_week,
        )
        report.colleagues = self.colleagues
        return report
