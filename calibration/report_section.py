"""The report's calibration section: what the knowledge check said, as the report shows it.

The self-rated report stays frozen; a check is a dated addition to it. Every rendering
(page, PDF, JSON, CSV) draws it from `calibration_of`; `calibration_stamp` names the
state it was drawn in, so a cached drawing is redrawn when an answer arrives.
"""

from django.db.models import Count, Max, Q

from calibration.check_report import Calibration, calibration_of  # noqa: F401 (the section's)
from calibration.models import CheckSitting, InterviewAttempt


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
        parts.append(f"check:{state['answered']}@{_seconds(state['last'])}")
    if assessment.owner_id is not None:
        practice = InterviewAttempt.objects.filter(owner_id=assessment.owner_id).aggregate(
            count=Count("pk"), last=Max("created_at")
        )
        if practice["count"]:
            parts.append(f"practice:{practice['count']}@{_seconds(practice['last'])}")
    return "+".join(parts) or "-"


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
