"""The route on the branching career path: the best fit now, and what comes next on each track.

Only snapshots of the second edition know the tracks; a first-edition report has no route
and renders as it always did.
"""

from dataclasses import dataclass

from django.template.defaultfilters import floatformat
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy

from content.career_path import routes
from content.models import Track

BRANCHES = (Track.MANAGEMENT, Track.ARCHITECTURE)

# The best fit, then the shape of the guide's career path in one sentence.
BEST_FIT_AND_BRANCHES = gettext_lazy(
    "Best fit now: <strong>%(stage)s</strong> (%(readiness)s%%). After tech lead the path "
    "branches: the management track leads through engineering manager and VP of "
    "Engineering, the architecture track through solutions architect; both lead to CTO."
)


def _track_name(track):
    return str(Track(track).label) if track in Track.values else track


@dataclass
class NextStep:
    track: str  # the track the route follows, or "core" while the path has not branched
    track_name: str
    stage: object  # StageRow, or None when every stage on the track is reached


@dataclass
class Route:
    best_fit: object  # StageRow
    next_steps: list[NextStep]

    @property
    def summary(self):
        """The best fit and the path's branches, as the page says them (safe HTML)."""
        return mark_safe(  # noqa: S308 (our own text; the stage's name is escaped)
            str(BEST_FIT_AND_BRANCHES)
            % {
                "stage": escape(self.best_fit.name),
                "readiness": floatformat(self.best_fit.readiness, 1),
            }
        )


def route_of(snapshot, stage_rows, best_fit):
    """The route from the best-fit stage: the first stage not yet reached on each track."""
    if not snapshot.has_tracks:
        return None
    rows = {row.slug: row for row in stage_rows}
    next_of = {stage.slug: stage.next for stage in snapshot.stages}
    track_of = {stage.slug: stage.track for stage in snapshot.stages}
    followed = {following for stage in snapshot.stages for following in stage.next}
    first = next(stage.slug for stage in snapshot.stages if stage.slug not in followed)
    steps, seen = [], set()
    for path in routes(first, next_of):
        branch = next((track_of[slug] for slug in path if track_of[slug] in BRANCHES), "core")
        upcoming = next((slug for slug in path if not rows[slug].is_reached), None)
        if upcoming is not None and upcoming in seen:
            continue  # before the branch, both tracks share the next stage
        seen.add(upcoming)
        track = "core" if upcoming and track_of[upcoming] == "core" else branch
        steps.append(
            NextStep(
                track=track,
                track_name=_track_name(track),
                stage=rows[upcoming] if upcoming else None,
            )
        )
    return Route(best_fit=best_fit, next_steps=steps)
