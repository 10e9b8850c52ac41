"""The heatmap: items × members, each member's latest shared level, a page at a time."""

from dataclasses import dataclass, field

from django.db.models import F, OuterRef, Subquery
from django.db.models.functions import Lower

from assessments.models import Answer
from content.models import TargetLevel
from organisations.models import ShareReadiness
from organisations.selectors import member_label
from organisations.team.common import BadChoice, active_items, latest_shares, require

PER_PAGE = 25
SORTS = {
    "name": (Lower("name").asc(), "pk"),
    # The largest gap to the picked stage first: the lowest readiness.
    "gap": (F("readiness").asc(nulls_last=True), Lower("name").asc(), "pk"),
}


@dataclass
class Row:
    name: str
    assessment_id: object
    completed_at: object
    readiness: float | None
    cells: list = field(default_factory=list)  # one Cell per column


@dataclass(frozen=True)
class Cell:
    level: int | None  # None: the item was not answered in that assessment
    below: bool  # below the picked stage's expected level


@dataclass
class Column:
    item: object
    expected: int
    number: int = 0  # 1, 2, ... across the categories (the PDF's numbered headers)


@dataclass
class Heatmap:
    categories: list  # [(category, [Column])]
    rows: list
    page: int
    pages: int
    count: int
    sort: str


def shares_with_readiness(organisation, stage):
    """The latest shares, each with its member's name and readiness for `stage`."""
    readiness = ShareReadiness.objects.filter(share=OuterRef("pk"), stage=stage.slug)
    return latest_shares(organisation).annotate(
        name=member_label("membership__user"),
        readiness=Subquery(readiness.values("readiness")[:1]),
    )


def heatmap(organisation, *, stage, sort="name", page=1, per_page=PER_PAGE):
    """One page of the heatmap. BadChoice for an unknown sort; 404 past the last page."""
    if sort not in SORTS:
        raise BadChoice("sort")
    shares = shares_with_readiness(organisation, stage)
    count = shares.count()
    pages = max(1, -(-count // per_page))
    require(page <= pages)
    start = (page - 1) * per_page
    rows_of = shares.order_by(*SORTS[sort]).values(
        "assessment_id", "completed_at", "name", "readiness"
    )[start : start + per_page]
    rows = [Row(r["name"], r["assessment_id"], r["completed_at"], r["readiness"]) for r in rows_of]
    items = active_items()
    expected = dict(
        TargetLevel.objects.filter(stage=stage).order_by().values_list("item_id", "expected")
    )
    levels = {}
    if rows:
        answers = Answer.objects.filter(assessment_id__in=[r.assessment_id for r in rows])
        for assessment_id, item_id, level in answers.order_by().values_list(
            "assessment_id", "item_id", "level"
        ):
            levels[(assessment_id, item_id)] = level
    for row in rows:
        for item in items:
            level = levels.get((row.assessment_id, item.pk))
            below = level is not None and level < expected.get(item.pk, 0)
            row.cells.append(Cell(level, below))
    categories = []
    for number, item in enumerate(items, start=1):
        if not categories or categories[-1][0] != item.category:
            categories.append((item.category, []))
        categories[-1][1].append(Column(item, expected.get(item.pk, 0), number))
    return Heatmap(categories, rows, page, pages, count, sort)
