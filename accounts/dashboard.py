"""The member's dashboard rows: each assessment with readiness, its change and plan progress.

Readiness and the plan are computed from each completed assessment's frozen report
(no query per row); plan progress comes from one query over the member's plans.
"""

from dataclasses import dataclass

from django.db.models import Count, Q

from assessments.reporting.snapshot import SnapshotError, read_snapshot, score_snapshot
from plans.models import ActionStatus, Plan
from plans.plan import DEFAULT_HOURS_PER_WEEK, plan_of


@dataclass
class DashboardRow:
    assessment: object
    readiness: float | None = None  # for the assessment's target stage, as reports show it
    change: float | None = None  # since the member's previous completed assessment
    plan_total: int = 0  # actions in its development plan
    plan_done: int = 0


def dashboard_rows(assessments, *, user):
    """DashboardRow for each of the member's assessments (latest change first, as given)."""
    plans = {
        plan.assessment_id: plan
        for plan in Plan.objects.filter(assessment__owner=user).annotate(
            done=Count("progress", filter=Q(progress__status=ActionStatus.DONE))
        )
    }
    rows = {a.pk: DashboardRow(a) for a in assessments}
    completed = sorted((a for a in assessments if a.is_completed), key=lambda a: a.completed_at)
    previous_by_stage = None
    for assessment in completed:
        try:
            snapshot = read_snapshot(assessment.snapshot)
        except SnapshotError:
            continue  # a report this code cannot read says so on its own page
        score = score_snapshot(snapshot)
        by_stage = {s.stage: s.percent for s in score.by_stage}
        row = rows[assessment.pk]
        row.readiness = score.target.percent
        if previous_by_stage and snapshot.target_stage in previous_by_stage:
            row.change = round(row.readiness - previous_by_stage[snapshot.target_stage], 1)
        previous_by_stage = by_stage
        plan = plans.get(assessment.pk)
        hours = plan.hours_per_week if plan else DEFAULT_HOURS_PER_WEEK
        planned = plan_of(snapshot, score, hours_per_week=hours)
        row.plan_total = len(planned.actions) if planned else 0
        row.plan_done = min(plan.done, row.plan_total) if plan else 0
    return [rows[a.pk] for a in assessments]
