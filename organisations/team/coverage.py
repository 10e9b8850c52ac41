"""Coverage: for each item, how many members are at level 3 or above.

An item nobody holds is a gap; one held by a single person is a single point of failure.
Who holds an item is named only where the small-group rule allows it.
"""

from dataclasses import dataclass

from django.db.models import Count, Q

from assessments.models import Answer
from organisations.selectors import member_label
from organisations.team.common import HOLDS_LEVEL, SMALL_GROUP, Group, active_items

GAP, SINGLE_POINT, COVERED = "gap", "single-point", "covered"
FLAG_BELOW = 2  # fewer holders than this is a single point of failure


@dataclass(frozen=True)
class ItemCoverage:
    item: object
    holders: Group
    status: str  # GAP, SINGLE_POINT or COVERED

    @property
    def is_flagged(self):
        return self.status != COVERED


def _held(organisation):
    return Answer.objects.filter(
        assessment__organisation_shares__organisation=organisation,
        assessment__organisation_shares__is_latest=True,
        level__gte=HOLDS_LEVEL,
    ).order_by()


def coverage(organisation, items=None):
    """ItemCoverage for every active item (or `items`), in the guide's order."""
    items = active_items() if items is None else items
    held = _held(organisation)
    counts = {
        row["item_id"]: row
        for row in held.values("item_id").annotate(
            holders=Count("pk"),
            unnamed=Count(
                "pk",
                filter=Q(assessment__organisation_shares__membership__named_in_small_groups=False),
            ),
        )
    }
    # The holders' names, read only for the items held by fewer than SMALL_GROUP people.
    # The ids come from the counts above (a second pass over the answers would double the
    # page's cost); 0 names no item, so the query runs either way and a page costs the
    # same number of queries whatever the data.
    few = [item_id for item_id, row in counts.items() if row["holders"] < SMALL_GROUP]
    names = {}
    for item_id, name in (
        held.filter(item_id__in=few or [0])
        .annotate(name=member_label("assessment__organisation_shares__membership__user"))
        .order_by("name")
        .values_list("item_id", "name")
    ):
        names.setdefault(item_id, []).append(name)
    result = []
    for item in items:
        row = counts.get(item.pk, {"holders": 0, "unnamed": 0})
        holders = row["holders"]
        status = GAP if holders == 0 else SINGLE_POINT if holders < FLAG_BELOW else COVERED
        group = Group.of(holders, names.get(item.pk, ()), row["unnamed"])
        result.append(ItemCoverage(item, group, status))
    return result
