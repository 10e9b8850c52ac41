"""A completed report as one audience sees it, in one language: what a drawing is made of."""

from dataclasses import dataclass, field

from django.http import Http404

from assessments.models import Assessment
from content.languages import language_of
from reports.cache import Drawing
from reports.report import build_report
from reports.sections import stamps, states_for


@dataclass(frozen=True)
class ReportViewing:
    """The report of `assessment` in `language`, with the parts its audience may see.

    `previous` is the owner's assessment before this one; it is compared only when the
    audience sees comparisons. `states` holds each section's state as this audience sees
    it now ({section key: state}, sections.py); a section left out is in its default
    state (no check, no colleagues' view, the default plan budget).
    """

    assessment: object  # a completed Assessment (its snapshot read only when drawn)
    language: str
    show_notes: bool
    show_comparison: bool
    previous: object = None
    states: dict = field(default_factory=dict, compare=False)
    seen: object = field(default=None, compare=False)  # the access.Access it was made for

    @property
    def compared_with(self):
        return self.previous if self.show_comparison else None

    @property
    def colleagues(self):
        """The colleagues' view this audience sees (the page draws it around the body)."""
        return self.states.get("colleagues")

    def drawing(self, kind, *, around=""):
        """The Drawing of `kind` (cache.Drawing); `around`: the whole page's person."""
        compared = self.compared_with
        return Drawing(
            kind=kind,
            assessment_id=self.assessment.pk,
            previous_id=compared.pk if compared is not None else None,
            language=self.language,
            show_notes=self.show_notes,
            show_comparison=self.show_comparison,
            sections=stamps(self.states, page=kind == "page"),
            around=around,
        )

    def build(self):
        """The Report itself (only when a drawing is not in the cache)."""
        return build_report(
            self.assessment,
            language=self.language,
            previous=self.compared_with,
            states=self.states,
        )


def previous_of(assessment):
    """The owner's completed assessment before this one, for 'what moved'."""
    if assessment.owner_id is None:
        return None
    return (
        Assessment.objects.filter(
            owner_id=assessment.owner_id,
            status=Assessment.Status.COMPLETED,
            completed_at__lt=assessment.completed_at,
        )
        .order_by("-completed_at")
        .first()  # its frozen report is read only when the report is not cached yet
    )


def viewing_for(request, seen):
    """The report of `seen` (an access.Access) as its audience may see it now."""
    return viewing_of(seen, language=language_of(request))


def viewing_of(seen, *, language):
    """The report of `seen` (an access.Access) in `language`, as its audience may see it."""
    sees = seen.sees
    if not sees.report or not seen.assessment.is_completed:
        raise Http404("The report exists once the assessment is submitted")
    return ReportViewing(
        assessment=seen.assessment,
        language=language,
        show_notes=sees.notes,
        show_comparison=sees.comparison,
        previous=previous_of(seen.assessment) if sees.comparison else None,
        states=states_for(seen, language=language),
        seen=seen,
    )
