"""The frozen snapshot read back as typed data: the one place that knows its layout.

Completion stores the snapshot as JSON (freeze.py writes it). Everything that draws a
report reads it through `read_snapshot`, never by raw keys. Version 1 is what every
completed assessment has held since the first edition; a later version adds fields with
defaults here, and a version this code does not know is refused, never guessed at.

Version 2 (the guide's second edition) adds the kind of company the profiles were
adjusted for, each stage's track and the stages that follow it, each resource's effort,
level band, provenance and year, the practice actions of the answered items, and each
item's next-level rubric text (the goal of the development plan). Version 3 adds the
evidence behind a high rating; version 4 each stage's core items (the role-defining items
a stage is not reached without), which earlier versions read as none, and each resource's
links (its fit to each item and the band it serves there) and each practice action's
hours, which earlier versions read as no links (the resource's own band for all its items,
fit unknown) and no hours (the plan's flat figure).
"""

from dataclasses import dataclass

from assessments import scoring
from assessments.scoring import Expectation

SNAPSHOT_VERSION = 4
READABLE_VERSIONS = frozenset({1, 2, 3, 4})

Texts = dict  # {"ja": str, "en": str}


class SnapshotError(ValueError):
    """A stored snapshot that cannot be read."""


class UnknownSnapshotVersion(SnapshotError):
    def __init__(self, version):
        *earlier, last = (str(v) for v in sorted(READABLE_VERSIONS))
        readable = f"{', '.join(earlier)} and {last}" if earlier else last
        super().__init__(
            f"This report was frozen as snapshot version {version!r}; this code reads "
            f"versions {readable} only. Deploy the code that wrote it before opening it."
        )
        self.version = version


@dataclass(frozen=True)
class FrozenCategory:
    slug: str
    order: int
    name: Texts


@dataclass(frozen=True)
class FrozenItem:
    """An answered item: its texts as they stood, the rating and the rubric text chosen."""

    slug: str
    category: str
    order: int
    name: Texts
    rating: int
    rubric: Texts
    note: str
    next_rubric: Texts | None = None  # the next level's text (version 2); None at level 4
    evidence: str = ""  # the example behind a high rating (version 3)


@dataclass(frozen=True)
class FrozenStage:
    slug: str
    order: int
    name: Texts
    profile: dict  # {item slug: Expectation}
    track: str = ""  # "" in version 1, whose ladder was a line
    next: tuple = ()  # slugs of the stages that follow (version 2)
    core: tuple = ()  # slugs of its core items (version 4): none before


@dataclass(frozen=True)
class FrozenCompanyKind:
    slug: str
    name: Texts
    target_note: Texts


@dataclass(frozen=True)
class FrozenPractice:
    slug: str
    item: str
    levels: tuple  # (from, to)
    text: Texts
    hours: int | None = None  # what it takes (version 4); None before


@dataclass(frozen=True)
class FrozenStep:
    slug: str
    order: int
    name: Texts


@dataclass(frozen=True)
class FrozenLink:
    """How a resource fits one item: "core" or "supporting", for levels (from, to)."""

    item: str
    fit: str
    levels: tuple


@dataclass(frozen=True)
class FrozenResource:
    slug: str
    order: int
    kind: str
    url: str
    title: Texts
    author: Texts
    description: Texts
    step: str
    items: tuple  # slugs of the items it builds
    effort_hours: int | None = None  # unknown in version 1
    levels: tuple = (None, None)  # the band it serves, (from, to)
    provenance: str = ""
    year: int | None = None
    links: tuple = ()  # FrozenLink, by item (version 4); none before

    def link(self, item):
        """The FrozenLink to `item`, or None (always None before version 4)."""
        return next((link for link in self.links if link.item == item), None)


@dataclass(frozen=True)
class FrozenQuestion:
    slug: str
    order: int
    question: Texts
    answer_points: Texts
    items: tuple


@dataclass(frozen=True)
class FrozenTrend:
    slug: str
    order: int
    name: Texts
    description: Texts
    items: tuple


@dataclass(frozen=True)
class Snapshot:
    version: int
    current_stage: str
    target_stage: str
    categories: tuple  # FrozenCategory, in the guide's order
    items: tuple  # FrozenItem, in the questionnaire's order
    stages: tuple  # FrozenStage, in ladder order
    learning_steps: tuple = ()  # FrozenStep
    resources: tuple = ()  # FrozenResource
    interview_questions: tuple = ()  # FrozenQuestion
    trends: tuple = ()  # FrozenTrend
    practice: tuple = ()  # FrozenPractice
    company_kind: FrozenCompanyKind | None = None  # None: the base profile

    @property
    def has_tracks(self):
        return any(stage.track for stage in self.stages)

    def category(self, slug):
        return next(c for c in self.categories if c.slug == slug)

    def stage(self, slug):
        return next(s for s in self.stages if s.slug == slug)


def read_snapshot(data):
    """A stored snapshot (plain JSON data) as a Snapshot; SnapshotError if unreadable."""
    if not isinstance(data, dict):
        raise SnapshotError("A snapshot is a JSON object; this one is not.")
    version = data.get("version")
    if version not in READABLE_VERSIONS:
        raise UnknownSnapshotVersion(version)
    try:
        return _read(data)
    except (KeyError, TypeError, ValueError, IndexError) as error:
        raise SnapshotError(f"Snapshot version {version} is malformed: {error!r}") from error


def _read_company_kind(data):
    kind = data.get("company_kind")
    if kind is None:
        return None
    return FrozenCompanyKind(kind["slug"], kind["name"], kind["target_note"])


def _read_item(i):
    """An item as rated, with its rubric and note."""
    return FrozenItem(
        slug=i["slug"],
        category=i["category"],
        order=i["order"],
        name=i["name"],
        rating=i["rating"],
        rubric=i["rubric"],
        note=i["note"],
        next_rubric=i.get("next_rubric"),
        evidence=i.get("evidence", ""),
    )


def _read_stage(s):
    """A stage and its profile; track, next and core, which early versions lack, read as empty."""
    return FrozenStage(
        slug=s["slug"],
        order=s["order"],
        name=s["name"],
        profile={
            item: Expectation(expected=cell[0], importance=cell[1])
            for item, cell in s["profile"].items()
        },
        track=s.get("track", ""),
        next=tuple(s.get("next", ())),
        core=tuple(s.get("core", ())),
    )


def _read_resource(r):
    """A resource (written by freeze._resource_data); links from version 4."""
    return FrozenResource(
        slug=r["slug"],
        order=r["order"],
        kind=r["kind"],
        url=r["url"],
        title=r["title"],
        author=r["author"],
        description=r["description"],
        step=r["step"],
        items=tuple(r["items"]),
        effort_hours=r.get("effort_hours"),
        levels=tuple(r.get("levels", (None, None))),
        provenance=r.get("provenance", ""),
        year=r.get("year"),
        links=tuple(
            FrozenLink(link["item"], link["fit"], tuple(link["levels"]))
            for link in r.get("links", ())
        ),
    )


def _read(data):
    """Versions 1 to 4: each later version only adds keys, which earlier ones read as their
    defaults."""
    return Snapshot(
        version=data["version"],
        current_stage=data["current_stage"],
        target_stage=data["target_stage"],
        categories=tuple(
            FrozenCategory(c["slug"], c["order"], c["name"]) for c in data["categories"]
        ),
        items=tuple(_read_item(i) for i in data["items"]),
        stages=tuple(_read_stage(s) for s in sorted(data["stages"], key=lambda s: s["order"])),
        learning_steps=tuple(
            FrozenStep(s["slug"], s["order"], s["name"]) for s in data.get("learning_steps", [])
        ),
        resources=tuple(_read_resource(r) for r in data.get("resources", [])),
        interview_questions=tuple(
            FrozenQuestion(
                q["slug"], q["order"], q["question"], q["answer_points"], tuple(q["items"])
            )
            for q in data.get("interview_questions", [])
        ),
        trends=tuple(
            FrozenTrend(t["slug"], t["order"], t["name"], t["description"], tuple(t["items"]))
            for t in data.get("trends", [])
        ),
        practice=tuple(
            FrozenPractice(p["slug"], p["item"], tuple(p["levels"]), p["text"], p.get("hours"))
            for p in data.get("practice", [])
        ),
        company_kind=_read_company_kind(data),
    )


def score_snapshot(snapshot):
    """The scoring of a frozen Snapshot: every number its report shows."""
    category_order = {c.slug: c.order for c in snapshot.categories}
    ratings = [
        scoring.Rating(
            item.slug, item.category, (category_order[item.category], item.order), item.rating
        )
        for item in snapshot.items
    ]
    return scoring.score(
        ratings=ratings,
        profiles={stage.slug: stage.profile for stage in snapshot.stages},
        stages=[stage.slug for stage in snapshot.stages],
        target_stage=snapshot.target_stage,
        core_items={stage.slug: stage.core for stage in snapshot.stages},
    )
