"""Reads of the accounts app: fixed query counts whatever a member holds."""

from django.db.models import Count, Q

from assessments.models import Assessment


def member_assessments(*, user):
    """The member's assessments, latest change first, each with its count of answers."""
    return list(
        Assessment.objects.filter(owner=user)
        .select_related("current_stage", "target_stage", "company_kind", "frozen_report")
        .annotate(answer_count=Count("answers", filter=Q(answers__item__active=True)))
        .order_by("-updated_at")
    )
