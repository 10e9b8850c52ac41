"""Everything the service holds about a member, as plain data for their download.

The schema name stays `cto-assess/member-data/v1`: keys are only ever added to it (each
assessment's `share_links`, never their tokens; `log_ins`, from django-axes' access log;
each assessment's `colleagues` round, never who rated what; answers' `evidence`, each
assessment's `knowledge_check`, `interview_practice`; `organisations`, with what the
member shares with each; `api_tokens`, never the tokens).
"""

from axes.models import AccessLog
from django.db.models import Prefetch

from api.member_data import api_tokens_data
from assessments.models import Answer, Assessment, ShareLink
from calibration.member_data import interview_practice_data, knowledge_checks_data
from colleagues.member_data import rounds_of
from organisations.member_data import organisations_data
from plans.models import Plan


def _when(moment):
    return moment.isoformat() if moment else None


def _log_ins(user):
    """Each log-in to this account: when, from which address and browser, until when."""
    return [
        {
            "logged_in_at": _when(entry.attempt_time),
            "logged_out_at": _when(entry.logout_time),
            "ip_address": entry.ip_address,
            "user_agent": entry.user_agent,
        }
        for entry in AccessLog.objects.filter(username=user.get_username()).order_by("attempt_time")
    ]


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
    """Everything the site keeps about a member, as plain data for their download."""
    assessments = (
        Assessment.objects.filter(owner=user)
        .select_related("current_stage", "target_stage", "company_kind", "frozen_report")
        .prefetch_related(
            Prefetch("share_links", queryset=ShareLink.objects.order_by("created_at"))
        )
        .order_by("created_at")
    )
    answers = _answers(user)
    plans = _plans(user)
    rounds = rounds_of(user)
    checks = knowledge_checks_data(user)
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
            _assessment_data(
                assessment,
                answers=answers.get(assessment.pk, []),
                plan=plans.get(assessment.pk),
                colleagues=rounds.get(assessment.pk),
                knowledge_check=checks.get(assessment.pk),
            )
            for assessment in assessments
        ],
        "log_ins": _log_ins(user),
        "interview_practice": interview_practice_data(user),
        "organisations": organisations_data(user),
        "api_tokens": api_tokens_data(user),
    }


def _answers(user):
    """{assessment id: the member's answers}."""
    answers = {}
    for answer in Answer.objects.filter(assessment__owner=user).select_related("item"):
        answers.setdefault(answer.assessment_id, []).append(
            {
                "item": answer.item.slug,
                "level": answer.level,
                "note": answer.note,
                "evidence": answer.evidence,
                "updated_at": answer.updated_at.isoformat(),
            }
        )
    return answers


def _assessment_data(assessment, *, answers, plan, colleagues, knowledge_check):
    """One assessment with its answers, its snapshot, its share links and what the other
    apps keep on it."""
    return {
        "id": str(assessment.pk),
        "status": assessment.status,
        "current_stage": assessment.current_stage.slug,
        "target_stage": assessment.target_stage.slug,
        "company_kind": assessment.company_kind.slug if assessment.company_kind else None,
        "created_at": assessment.created_at.isoformat(),
        "updated_at": assessment.updated_at.isoformat(),
        "completed_at": assessment.completed_at.isoformat() if assessment.completed_at else None,
        "answers": answers,
        "frozen_report_data": assessment.snapshot,
        "plan": plan,
        "colleagues": colleagues,
        "knowledge_check": knowledge_check,
        "share_links": [
            {
                "created_at": _when(link.created_at),
                "expires_at": _when(link.expires_at),
                "revoked_at": _when(link.revoked_at),
            }
            for link in assessment.share_links.all()
        ],
    }
