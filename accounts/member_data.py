"""Everything the service holds about a member, as plain data for their download.

The schema name stays `cto-assess/member-data/v1`: keys are only ever added to it.
"""

from assessments.models import Answer, Assessment
from plans.models import Plan


def _plans(user):
    """The member's working data on their development plans, by assessment."""
    plans = Plan.objects.filter(assessment__owner=user).prefetch_related("progress__item")
    return {
        plan.assessment_id: {
            "hours_per_week": plan.hours_per_week,
            "started_on": plan.started_on.isoformat(),
            "reassess_on": plan.reassess_on.isoformat() if plan.reassess_on else None,
            "reminder_sent_at": plan.reminder_sent_at.isoformat()
            if plan.reminder_sent_at
            else None,
            "actions": [
                {
                    "item": progress.item.slug,
                    "status": progress.status,
                    "target_date": progress.target_date.isoformat()
                    if progress.target_date
                    else None,
                    "note": progress.note,
                    "updated_at": progress.updated_at.isoformat(),
                }
                for progress in plan.progress.all()
            ],
        }
        for plan in plans
    }


def member_data(*, user, profile):
    assessments = (
        Assessment.objects.filter(owner=user)
        .select_related("current_stage", "target_stage", "company_kind")
        .order_by("created_at")
    )
    answers = {}
    for answer in Answer.objects.filter(assessment__owner=user).select_related("item"):
        answers.setdefault(answer.assessment_id, []).append(
            {
                "item": answer.item.slug,
                "level": answer.level,
                "note": answer.note,
                "updated_at": answer.updated_at.isoformat(),
            }
        )
    plans = _plans(user)
    return {
        "schema": "cto-assess/member-data/v1",
        "account": {
            "username": user.get_username(),
            "email": user.email,
            "date_joined": user.date_joined.isoformat(),
        },
        "profile": {
            "display_name": profile.display_name,
            "preferred_language": profile.preferred_language,
            "created_at": profile.created_at.isoformat(),
            "updated_at": profile.updated_at.isoformat(),
        },
        "assessments": [
            {
                "id": str(assessment.pk),
                "status": assessment.status,
                "current_stage": assessment.current_stage.slug,
                "target_stage": assessment.target_stage.slug,
                "company_kind": assessment.company_kind.slug if assessment.company_kind else None,
                "created_at": assessment.created_at.isoformat(),
                "updated_at": assessment.updated_at.isoformat(),
                "completed_at": assessment.completed_at.isoformat()
                if assessment.completed_at
                else None,
                "answers": answers.get(assessment.pk, []),
                "frozen_report_data": assessment.snapshot,
                "plan": plans.get(assessment.pk),
            }
            for assessment in assessments
        ],
    }
