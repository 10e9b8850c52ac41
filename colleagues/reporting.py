"""The colleagues' view as the report draws it: one object for the page, PDF, JSON and CSV.

It is built per request from the round (colleagues.selectors) and holds only what the
disclosure rules let the owner see. It is a dated addition beside the frozen report:
`stamp` changes whenever what it shows could change (an invitation, a rating, closing),
so a cached file that contains it is drawn again then, and only then.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from colleagues.disclosure import ALL, Disclosure


@dataclass(frozen=True)
class ItemLine:
    slug: str
    name: str
    self_level: int
    mean: float | None  # all colleagues, where the rules let it be shown
    is_blind_spot: bool
    is_hidden_strength: bool
    means: tuple = ()  # (mean or None) per group shown, in ColleaguesView.groups order


@dataclass(frozen=True)
class GroupLine:
    relationship: str
    label: str
    count: int


@dataclass(frozen=True)
class ColleaguesView:
    round_id: int
    opened_at: object
    closed_at: object
    disclosure: Disclosure
    items: tuple  # ItemLine
    groups: tuple  # GroupLine

    @property
    def stamp(self):
        d = self.disclosure
        state = "closed" if self.closed_at else "open"
        return f"{self.round_id}.{d.invited}.{d.answered}.{state}"

    @property
    def is_shown(self):
        return self.disclosure.is_shown

    @property
    def blind_spots(self):
        return [i for i in self.items if i.is_blind_spot]

    @property
    def hidden_strengths(self):
        return [i for i in self.items if i.is_hidden_strength]


def group_label(relationship, labels):
    return _("All colleagues") if relationship == ALL else str(labels[relationship])


def colleagues_view(*, round_, names, self_levels, disclosure, labels):
    """The view of a round: `names` and `self_levels` are {slug: ...} in the round's order."""
    slugs = list(names)
    return ColleaguesView(
        round_id=round_.pk,
        opened_at=round_.opened_at,
        closed_at=round_.closed_at,
        disclosure=disclosure,
        items=tuple(
            ItemLine(
                slug=slug,
                name=names[slug],
                self_level=self_levels[slug],
                mean=disclosure.all_means.get(slug),
                is_blind_spot=slug in disclosure.blind_spots,
                is_hidden_strength=slug in disclosure.hidden_strengths,
                means=tuple(g.mean_of(slug) for g in disclosure.groups),
            )
            for slug in slugs
        ),
        groups=tuple(
            GroupLine(
                relationship=g.relationship,
                label=group_label(g.relationship, labels),
                count=g.count,
            )
            for g in disclosure.groups
        ),
    )


def colleagues_data(view):
    """The JSON export's `colleagues` (issue 15); null when there is none to show."""
    return None if view is None else disclosure_data(view.disclosure)


def disclosure_data(d):
    """A Disclosure as the JSON export's plain data."""
    return {
        "invited": d.invited,
        "answered": d.answered,
        "groups": [
            {
                "relationship": g.relationship,
                "count": g.count,
                "items": [{"item": m.item, "mean": m.mean} for m in g.items],
            }
            for g in d.groups
        ],
        "blind_spots": list(d.blind_spots),
        "hidden_strengths": list(d.hidden_strengths),
    }


def csv_header(view):
    """The CSV's extra column after the item columns, if the report has a colleagues' view."""
    return [] if view is None else [_("colleagues' mean")]


def csv_cells(view, item_slug):
    """The colleagues' mean of one item for its CSV row (empty where nothing is shown)."""
    if view is None:
        return []
    mean = view.disclosure.all_means.get(item_slug)
    return ["" if mean is None else mean]
