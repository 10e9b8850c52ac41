"""What the team views share: the picked stage, small groups, the rows they read."""

from dataclasses import dataclass

from django.http import Http404

from content.models import Item, Stage
from organisations.models import SharedAssessment

SMALL_GROUP = 3  # aggregates over fewer people show counts only, unless all agreed
HOLDS_LEVEL = 3  # an item is covered by people at this level or above
READY = 80.0  # readiness at which a stage is reached (assessments.scoring)
NEAR = 10.0  # points below READY that count as close


class BadChoice(ValueError):
    """A query parameter the page does not know (answered with a 400)."""


def stages():
    """The guide's stages in ladder order (their names in the active language)."""
    return list(Stage.objects.order_by("order"))


def picked_stage(all_stages, slug):
    """The stage `slug` names, the last (CTO) when none is given; BadChoice otherwise."""
    if not slug:
        return all_stages[-1]
    for stage in all_stages:
        if stage.slug == slug:
            return stage
    raise BadChoice("stage")


def active_items():
    return list(Item.objects.filter(active=True).select_related("category"))


def latest_shares(organisation):
    """Each member's latest shared assessment in the organisation."""
    return SharedAssessment.objects.filter(organisation=organisation, is_latest=True)


@dataclass(frozen=True)
class Group:
    """Some people an aggregate covers: named only if they are 3 or more, or all agreed."""

    count: int
    names: tuple = ()
    named: bool = False  # whether `names` may be shown

    @classmethod
    def of(cls, count, names, unnamed):
        """`unnamed`: how many in the group did not agree to be named in small groups."""
        named = count >= SMALL_GROUP or unnamed == 0
        return cls(count=count, names=tuple(names) if named else (), named=named)

    @property
    def more(self):
        """How many of the group are not listed by name (beyond the names shown)."""
        return self.count - len(self.names) if self.names else 0


def page_number(raw):
    """A page number from the query string: 1 when absent; BadChoice unless a positive int."""
    if raw in (None, ""):
        return 1
    if not raw.isdigit() or int(raw) < 1:
        raise BadChoice("page")
    return int(raw)


def require(condition):
    if not condition:
        raise Http404("No such page")
