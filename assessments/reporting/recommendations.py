"""What to study next: resources, interview questions and trends for the top focus areas.

Pure functions over the typed snapshot (no database, no Django).
"""

from dataclasses import dataclass

TOP_FOCUS_AREAS = 5


@dataclass(frozen=True)
class Recommendation:
    """A resource, question or trend of the snapshot, with the focus areas it serves."""

    entry: object  # FrozenResource, FrozenQuestion or FrozenTrend
    serves: list[str]  # focus-area item slugs it serves, most urgent first


def fits(levels, rating):
    """Whether a level band (from, to) serves someone rated `rating`; unknown bands do."""
    low, high = levels
    if low is None or high is None:
        return True
    return low <= rating < high


def _band(entry, item):
    """The band `entry` serves for `item`: a resource's link band (version 4), else its own."""
    link = entry.link(item) if hasattr(entry, "link") else None
    return link.levels if link else entry.levels


def _serving(entries, focus_areas, ratings=None):
    rank = {slug: index for index, slug in enumerate(focus_areas)}
    chosen = []
    for entry in entries:
        served = sorted(
            (
                slug
                for slug in entry.items
                if slug in rank
                and (
                    ratings is None
                    or slug not in ratings
                    or fits(_band(entry, slug), ratings[slug])
                )
            ),
            key=rank.get,
        )
        if served:
            chosen.append(Recommendation(entry=entry, serves=served))
    return chosen


def recommend(snapshot, focus_areas, top=TOP_FOCUS_AREAS):
    """{"resources": [...], "interview_questions": [...], "trends": [...]} for the top focus areas.

    Resources come in learning-step order (each listed once, with every gap it serves),
    and serve an item only when their level band fits the person's rating of it (a
    resource for levels 2-4 is not offered to someone at 0); questions and trends come in
    the guide's order.
    """
    top_areas = list(focus_areas[:top])
    ratings = {item.slug: item.rating for item in snapshot.items}
    step_order = {step.slug: step.order for step in snapshot.learning_steps}
    resources = sorted(
        _serving(snapshot.resources, top_areas, ratings),
        key=lambda r: (step_order.get(r.entry.step, 0), r.entry.order, r.entry.slug),
    )
    return {
        "resources": resources,
        "interview_questions": _serving(snapshot.interview_questions, top_areas),
        "trends": _serving(snapshot.trends, top_areas),
    }
