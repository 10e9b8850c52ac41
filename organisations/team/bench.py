"""The bench and the team's readiness, from each member's latest shared assessment.

The bench: for each stage, who is ready (readiness at least 80 %) and who is close
(within 10 points of it). The team's readiness: the mean readiness for a picked stage,
and the same as it stood at the end of the previous quarter.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Avg, Case, Count, F, OuterRef, Q, Subquery, Value, When
from django.db.models.expressions import Window
from django.db.models.functions import RowNumber
from django.utils import timezone

from organisations.models import Membership, ShareReadiness
from organisations.selectors import member_label
from organisations.team.common import NEAR, READY, SMALL_GROUP, Group

NAMES_SHOWN = 20  # names listed per stage and bucket; the CSV export lists everyone


@dataclass(frozen=True)
class BenchRow:
    stage: object
    ready: Group
    near: Group


def _latest_readiness(organisation):
    return ShareReadiness.objects.filter(
        share__organisation=organisation, share__is_latest=True
    ).order_by()


def _bucket():
    return Case(When(readiness__gte=READY, then=Value("ready")), default=Value("near"))


def bench(organisation, all_stages, *, names_shown=NAMES_SHOWN):
    """A BenchRow per stage in ladder order."""
    candidates = _latest_readiness(organisation).filter(readiness__gte=READY - NEAR)
    unnamed = Q(share__membership__named_in_small_groups=False)
    counts = {
        row["stage"]: row
        for row in candidates.values("stage").annotate(
            ready=Count("pk", filter=Q(readiness__gte=READY)),
            near=Count("pk", filter=Q(readiness__lt=READY)),
            ready_unnamed=Count("pk", filter=Q(readiness__gte=READY) & unnamed),
            near_unnamed=Count("pk", filter=Q(readiness__lt=READY) & unnamed),
        )
    }
    names = {}
    ranked = candidates.annotate(
        bucket=_bucket(),
        name=member_label("share__membership__user"),
        rank=Window(
            RowNumber(),
            partition_by=[F("stage"), _bucket()],
            order_by=[F("readiness").desc(), F("share_id").asc()],
        ),
    ).filter(rank__lte=names_shown)
    for stage, bucket, name in ranked.values_list("stage", "bucket", "name"):
        names.setdefault((stage, bucket), []).append(name)
    rows = []
    for stage in all_stages:
        row = counts.get(stage.slug, {})
        rows.append(
            BenchRow(
                stage,
                Group.of(
                    row.get("ready", 0),
                    names.get((stage.slug, "ready"), ()),
                    row.get("ready_unnamed", 0),
                ),
                Group.of(
                    row.get("near", 0),
                    names.get((stage.slug, "near"), ()),
                    row.get("near_unnamed", 0),
                ),
            )
        )
    return rows


@dataclass(frozen=True)
class TeamReadiness:
    stage: object
    people: int
    mean: float | None  # None where the small-group rule hides it
    previous_people: int
    previous_mean: float | None
    quarter_start: datetime.date

    @property
    def change(self):
        if self.mean is None or self.previous_mean is None:
            return None
        return round(self.mean - self.previous_mean, 1)


def quarter_start(today):
    return datetime.date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)


def _shown_mean(mean, people, unnamed):
    if mean is None or (people < SMALL_GROUP and unnamed > 0):
        return None
    return round(mean, 1)


def team_readiness(organisation, stage, *, today=None):
    """The mean readiness for `stage` now and at the end of the previous quarter."""
    start = quarter_start(today or timezone.localdate())
    start_at = timezone.make_aware(datetime.datetime.combine(start, datetime.time.min))
    now = (
        _latest_readiness(organisation)
        .filter(stage=stage.slug)
        .aggregate(
            mean=Avg("readiness"),
            people=Count("pk"),
            unnamed=Count("pk", filter=Q(share__membership__named_in_small_groups=False)),
        )
    )
    before = ShareReadiness.objects.filter(
        share__membership=OuterRef("pk"), share__completed_at__lt=start_at, stage=stage.slug
    ).order_by("-share__completed_at", "-share_id")
    then = (
        Membership.objects.filter(organisation=organisation)
        .annotate(previous=Subquery(before.values("readiness")[:1]))
        .filter(previous__isnull=False)
        .aggregate(
            mean=Avg("previous"),
            people=Count("pk"),
            unnamed=Count("pk", filter=Q(named_in_small_groups=False)),
        )
    )
    return TeamReadiness(
        stage=stage,
        people=now["people"],
        mean=_shown_mean(now["mean"], now["people"], now["unnamed"]),
        previous_people=then["people"],
        previous_mean=_shown_mean(then["mean"], then["people"], then["unnamed"]),
        quarter_start=start,
    )
