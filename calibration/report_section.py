"""The report's calibration section: what the knowledge check said, as the report shows it.

The self-rated report stays frozen; a check is a dated addition to it. Every rendering
(page, PDF, JSON, CSV) draws it from `calibration_of`; `calibration_stamp` names the
state it was drawn in, so a cached drawing is redrawn when an answer arrives.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Max, Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from assessments.scoring import Expectation
from calibration.models import CheckAnswer, CheckSitting, InterviewAttempt
from calibration.verdicts import (
    CONSISTENT,
    OVERRATED,
    UNDERRATED,
    readiness_checked,
    readiness_over,
    verdict,
)

NONE = "-"  # the stamp of a report with no check and no practice
CHECK = "check:"  # the stamp's part that says a knowledge check has started

# A verdict in words, as the CSV's calibration column writes it.
VERDICT_WORDS = {
    CONSISTENT: gettext_lazy("consistent"),
    OVERRATED: gettext_lazy("possibly overrated"),
    UNDERRATED: gettext_lazy("possibly underrated"),
}


@dataclass
class CheckedItem:
    item: str
    name: str
    rating: int
    probed_level: int
    correct: bool
    verdict: str
    situation: str
    chosen: str
    best: str
    explanation: str  # why the best answer is best


@dataclass
class Calibration:
    started_at: object
    last_answered_at: object
    offered: int
    items: list[CheckedItem] = field(default_factory=list)
    readiness_checked: float | None = None
    # The same items at their self-ratings: what the checked figure is to be read against.
    readiness_checked_self_rated: float | None = None

    @property
    def checked(self):
        return len(self.items)

    @property
    def is_finished(self):
        return self.checked == self.offered

    def count(self, found):
        return sum(1 for i in self.items if i.verdict == found)

    @property
    def overrated(self):
        return self.count(OVERRATED)

    @property
    def underrated(self):
        return self.count(UNDERRATED)

    @property
    def consistent(self):
        return self.checked - self.overrated - self.underrated

    def data(self):
        """The JSON export's `calibration` (see PRODUCT.md)."""
        return {
            "checked": self.checked,
            "offered": self.offered,
            "taken_at": self.last_answered_at.isoformat() if self.last_answered_at else None,
            "items": [
                {
                    "item": i.item,
                    "rating": i.rating,
                    "probed_level": i.probed_level,
                    "correct": i.correct,
                    "verdict": i.verdict,
                }
                for i in self.items
            ],
            "readiness_checked": self.readiness_checked,
            "readiness_checked_self_rated": self.readiness_checked_self_rated,
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


def calibration_of(assessment_id, report):
    """The Calibration of a report (a Report being built), or None before any check."""
    sitting = CheckSitting.objects.filter(assessment_id=assessment_id).first()
    if sitting is None:
        return None
    answers = list(
        CheckAnswer.objects.filter(sitting=sitting)
        .select_related("item", "knowledge_check", "choice")
        .prefetch_related("knowledge_check__choices")
        .order_by("position")
    )
    rows = {row.slug: row for row in report.items}
    found = Calibration(
        started_at=sitting.started_at,
        last_answered_at=max((a.answered_at for a in answers if a.is_answered), default=None),
        offered=len(answers),
    )
    for answer in answers:
        if not answer.is_answered:
            continue
        best = next(c for c in answer.knowledge_check.choices.all() if c.correct)
        row = rows.get(answer.item.slug)
        found.items.append(
            CheckedItem(
                item=answer.item.slug,
                name=row.name if row else answer.item.name,
                rating=answer.rating,
                probed_level=answer.probed_level,
                correct=answer.correct,
                verdict=verdict(answer.rating, answer.probed_level, answer.correct),
                situation=answer.knowledge_check.situation,
                chosen=answer.choice.text,
                best=best.text,
                explanation=best.explanation,
            )
        )
    expectations = {
        row.slug: Expectation(expected=row.expected, importance=row.importance)
        for row in report.items
    }
    value = readiness_checked(
        [(i.item, i.rating, i.probed_level, i.correct) for i in found.items], expectations
    )
    found.readiness_checked = None if value is None else round(value, 1)
    as_rated = readiness_over([(i.item, i.rating) for i in found.items], expectations)
    found.readiness_checked_self_rated = None if as_rated is None else round(as_rated, 1)
    return found


class CalibrationSection:
    """The knowledge check and interview practice as a section of the report
    (reports/sections.py lists the sections). Only the person sees it, as their notes."""

    key = "calibration"
    template = "calibration/_report_section.html"
    in_page_body = True

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

    def csv_rows(self, report):
        return []


section = CalibrationSection()
