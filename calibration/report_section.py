"""The report's calibration section: what the knowledge check said, as the report shows it.

The self-rated report stays frozen; a check is a dated addition to it. Every rendering
(page, PDF, JSON, CSV) draws it from `calibration_of` (calibration.check_report);
`calibration_stamp` names the state it was drawn in, so a cached drawing is redrawn when
an answer arrives.
"""

from typing import Annotated, Literal

from django.db.models import Count, Max, Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from pydantic import Field

from assessments.contract import Declared, Level, Slug
from calibration.check_report import Calibration, calibration_of
from calibration.models import CheckSitting, InterviewAttempt
from calibration.verdicts import CONFIDENCES, CONSISTENT, OVERRATED, UNDERRATED, VERDICTS

NONE = "-"  # the stamp of a report with no check and no practice
CHECK = "check:"  # the stamp's part that says a knowledge check has started

# A verdict in words, as the CSV's calibration column writes it.
VERDICT_WORDS = {
    CONSISTENT: gettext_lazy("consistent"),
    OVERRATED: gettext_lazy("possibly overrated"),
    UNDERRATED: gettext_lazy("possibly underrated"),
}


def calibration_stamp(assessment):
    """The state of the report's additions: "-" when there are none, else the check's
    answers and the owner's interview practice, by count and latest time (two queries)."""
    state = CheckSitting.objects.filter(assessment_id=assessment.pk).aggregate(
        sittings=Count("pk", distinct=True),
        answered=Count("answers", filter=Q(answers__answered_at__isnull=False)),
        last=Max("answers__answered_at"),
    )
    parts = []
    if state["sittings"]:
        parts.append(f"{CHECK}{state['answered']}@{_seconds(state['last'])}")
    if assessment.owner_id is not None:
        practice = InterviewAttempt.objects.filter(owner_id=assessment.owner_id).aggregate(
            count=Count("pk"), last=Max("created_at")
        )
        if practice["count"]:
            parts.append(f"practice:{practice['count']}@{_seconds(practice['last'])}")
    return "+".join(parts) or NONE


def _seconds(moment):
    return f"{moment.timestamp():.6f}" if moment else "0"


def practice_of(owner_id, questions):
    """Mark each recommended question (report.interview_questions) with the owner's
    practice of it: attempts, the latest one's date and points covered."""
    if owner_id is None or not questions:
        return
    latest = {}
    for attempt in InterviewAttempt.objects.filter(
        owner_id=owner_id, question__slug__in=[q.slug for q in questions]
    ).values("question__slug", "created_at", "covered", "points"):
        seen = latest.setdefault(attempt["question__slug"], {"attempts": 0})
        seen["attempts"] += 1
        if "last_at" not in seen or attempt["created_at"] > seen["last_at"]:
            seen.update(
                last_at=attempt["created_at"],
                covered=len(attempt["covered"]),
                points=attempt["points"],
            )
    for question in questions:
        question.practice = latest.get(question.slug)


Probed = Annotated[int, Field(ge=1, le=4)]


class AnswerData(Declared):
    probed_level: Probed
    correct: bool


class CheckedItemData(Declared):
    item: Slug
    rating: Level
    probed_level: Probed  # the item's first answer
    correct: bool
    verdict: Literal[VERDICTS]
    answers: Annotated[list[AnswerData], Field(min_length=1, max_length=2)]
    confidence: Literal[CONFIDENCES]
    supported_level: Level


class CategoryCheckData(Declared):
    category: Slug
    answers: Annotated[int, Field(ge=1)]
    at_rated_level: Annotated[int, Field(ge=0)]
    right_at_rated_level: Annotated[int, Field(ge=0)]
    share_right_at_rated_level: Annotated[int | float, Field(ge=0, le=1)] | None


class CalibrationData(Declared):
    """The JSON export's `calibration` (Calibration.data): the first edition's fields and
    the second's additions; null before a check."""

    checked: Annotated[int, Field(ge=0)]
    offered: Annotated[int, Field(ge=0)]
    taken_at: Annotated[str, Field(json_schema_extra={"format": "date-time"})] | None
    items: list[CheckedItemData]
    readiness_checked: int | float | None
    readiness_checked_self_rated: int | float | None
    edition: Literal[1, 2]
    answered: Annotated[int, Field(ge=0)]
    finished: bool
    guess_rate: Annotated[float, Field(gt=0, le=1)]
    categories: list[CategoryCheckData]


class CalibrationSection:
    """The knowledge check and interview practice as a section of the report
    (reports/sections.py lists the sections). Only the person sees it, as their notes."""

    key = "calibration"
    data_model = CalibrationData
    template = "calibration/_report_section.html"
    in_page_body = True
    csv_file = None  # its verdicts are a column of report.csv, no table of its own

    def state_for(self, seen, *, language):
        """The stamp of the check and practice (two queries), or None when unseen."""
        if not seen.sees.notes:
            return None
        stamp = calibration_stamp(seen.assessment)
        return None if stamp == NONE else stamp

    def stamp(self, state):
        return NONE if state is None else state

    def state_from_stamp(self, stamp, seen, *, language):
        """The stamp is the state: the check is read when the report is drawn."""
        return None if stamp == NONE else stamp

    def has_started(self, state):
        """True once a knowledge check has started (practice alone is not one)."""
        return state is not None and CHECK in state

    def add(self, report, state, built):
        if state is None:
            return
        report.calibration = calibration_of(built.assessment.pk, report)
        practice_of(built.assessment.owner_id, report.interview_questions)

    def data(self, report):
        """The JSON export's `calibration`: null before a check."""
        return report.calibration.data() if report.calibration else None

    def csv_columns(self, report):
        """The column exists once a knowledge check has started."""
        return [_("calibration")] if report.calibration else []

    def csv_cells(self, report, item_slug):
        if not report.calibration:
            return []
        verdicts = {i.item: i.verdict for i in report.calibration.items}
        found = verdicts.get(item_slug)
        return [str(VERDICT_WORDS[found]) if found else ""]


section = CalibrationSection()


__all__ = ["Calibration", "CalibrationSection", "calibration_of", "calibration_stamp", "section"]
