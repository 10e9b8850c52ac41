"""The member's knowledge checks and interview practice, for their data download."""

from calibration.models import CheckAnswer, InterviewAttempt


def _when(moment):
    return moment.isoformat() if moment else None


def knowledge_checks_data(user):
    """{assessment id: {started_at, answers: [...]}} for the member's assessments."""
    found = {}
    rows = (
        CheckAnswer.objects.filter(sitting__assessment__owner=user)
        .select_related("sitting", "item", "knowledge_check", "choice")
        .order_by("sitting", "position")
    )
    for row in rows:
        sitting = found.setdefault(
            row.sitting.assessment_id,
            {
                "started_at": _when(row.sitting.started_at),
                "edition": row.sitting.edition,
                "finished_at": _when(row.sitting.finished_at),
                "answers": [],
            },
        )
        sitting["answers"].append(
            {
                "item": row.item.slug,
                "question": row.knowledge_check.slug,
                "rating": row.rating,
                "probed_level": row.probed_level,
                "choice": row.choice.order if row.choice else None,
                # the choices' orders as shown (empty: shown in their own order)
                "choices_shown": row.choice_order,
                "correct": row.correct,
                "answered_at": _when(row.answered_at),
            }
        )
    return found


def interview_practice_data(user):
    return [
        {
            "question": attempt.question.slug,
            "answer": attempt.answer,
            "covered_points": attempt.covered,
            "points": attempt.points,
            "written_at": _when(attempt.created_at),
        }
        for attempt in InterviewAttempt.objects.filter(owner=user).select_related("question")
    ]
