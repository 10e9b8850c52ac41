"""What a completed assessment's report needs, frozen as plain data at completion.

Later admin edits (renamed items, new rubric texts, changed target profiles, retired
items, edited resources) leave a completed report exactly as it was. The layout written
here is read back only by snapshot.py, which must read every version written.
"""

from django.db.models import Prefetch

from assessments.models import Answer
from assessments.reporting.snapshot import SNAPSHOT_VERSION
from content.career_path import adjusted_cells
from content.guide_export import texts_of
from content.guide_schema import LANGUAGES
from content.models import (
    Category,
    InterviewQuestion,
    Item,
    PracticeAction,
    Resource,
    ResourceItem,
    Stage,
    TargetLevel,
    TargetOverride,
    Trend,
)


def _linked(model, items):
    """Rows of `model` tied to any of `items`, with the slugs of those items."""
    item_ids = [item.pk for item in items]
    rows = (
        model.objects.filter(items__in=item_ids)
        .distinct()
        .prefetch_related(Prefetch("items", queryset=Item.objects.filter(pk__in=item_ids)))
    )
    return rows


def learning_snapshot(items):
    """Resources, learning steps, interview questions and trends tied to the items."""
    links = ResourceItem.objects.filter(item__in=[item.pk for item in items]).select_related("item")
    resources = list(
        _linked(Resource, items)
        .select_related("step")
        .prefetch_related(Prefetch("links", queryset=links, to_attr="item_links"))
    )
    steps = {resource.step for resource in resources}
    return {
        "learning_steps": [
            {"slug": step.slug, "order": step.order, "name": texts_of(step, "name")}
            for step in sorted(steps, key=lambda step: step.order)
        ],
        "resources": [
            _resource_data(r)
            for r in sorted(resources, key=lambda r: (r.step.order, r.order, r.slug))
        ],
        "practice": [
            {
                "slug": p.slug,
                "item": p.item.slug,
                "levels": [p.level_from, p.level_to],
                "hours": p.hours,  # version 4; None on rows from before
                "text": texts_of(p, "text"),
            }
            for p in PracticeAction.objects.filter(item__in=items)
            .select_related("item")
            .order_by("item__category__order", "item__order", "level_from", "order")
        ],
        "interview_questions": [
            {
                "slug": q.slug,
                "order": q.order,
                "question": texts_of(q, "question"),
                "answer_points": texts_of(q, "answer_points"),
                "items": sorted(item.slug for item in q.items.all()),
            }
            for q in sorted(_linked(InterviewQuestion, items), key=lambda q: (q.order, q.slug))
        ],
        "trends": [
            {
                "slug": t.slug,
                "order": t.order,
                "name": texts_of(t, "name"),
                "description": texts_of(t, "description"),
                "items": sorted(item.slug for item in t.items.all()),
            }
            for t in sorted(_linked(Trend, items), key=lambda t: (t.order, t.slug))
        ],
    }


def _resource_data(r):
    """A resource as the snapshot keeps it (read back by snapshot._read_resource)."""
    return {
        "slug": r.slug,
        "order": r.order,
        "kind": r.kind,
        "url": r.url,
        "year": r.year,
        "effort_hours": r.effort_hours,
        "levels": [r.level_from, r.level_to],
        "provenance": r.provenance,
        "title": texts_of(r, "title"),
        "author": texts_of(r, "author"),
        "description": texts_of(r, "description"),
        "step": r.step.slug,
        "items": sorted(item.slug for item in r.items.all()),
        # How well it fits each item, and for which levels (version 4).
        "links": sorted(
            (
                {
                    "item": link.item.slug,
                    "fit": link.fit,
                    "levels": list(link.band),
                }
                for link in r.item_links
            ),
            key=lambda link: link["item"],
        ),
    }


def _profiles(stages, items, company_kind):
    """{stage pk: {item slug: [expected, importance]}}, adjusted for the kind of company."""
    base = {stage.slug: {} for stage in stages}
    for cell in TargetLevel.objects.filter(item__in=items).select_related("stage", "item"):
        base[cell.stage.slug][cell.item.slug] = (cell.expected, cell.importance)
    overrides = {}
    if company_kind is not None:
        for cell in TargetOverride.objects.filter(
            company_kind=company_kind, item__in=items
        ).select_related("stage", "item"):
            change = {"expected": cell.expected, "importance": cell.importance}
            overrides.setdefault(cell.stage.slug, {})[cell.item.slug] = {
                key: value for key, value in change.items() if value is not None
            }
    cells = adjusted_cells(base, overrides)
    return {
        stage.pk: {item: list(cell) for item, cell in cells[stage.slug].items()} for stage in stages
    }


def _core_items(items):
    """{stage pk: [item slug, ...]}: each stage's core items among `items`, in matrix order."""
    core = {}
    cells = TargetLevel.objects.filter(item__in=items, core=True).order_by(
        "item__category__order", "item__order"
    )
    for stage_id, item_slug in cells.values_list("stage_id", "item__slug"):
        core.setdefault(stage_id, []).append(item_slug)
    return core


def _company_kind(kind):
    if kind is None:
        return None
    return {
        "slug": kind.slug,
        "name": texts_of(kind, "name"),
        "target_note": texts_of(kind, "target_note"),
    }


def matrix_snapshot(item_ids, company_kind=None):
    """The matrix as it stands now for these items: everything a report needs but answers.

    Items carry their rubric texts for every level, so any set of answers on them can be
    frozen with `snapshot_of` without asking the database again. Target profiles are
    those of `company_kind` when one is given (the base profile with its overrides).
    """
    items = list(
        Item.objects.filter(pk__in=item_ids)
        .select_related("category")
        .prefetch_related("rubric_levels")
        .order_by("category__order", "order")
    )
    stages = list(Stage.objects.order_by("order").prefetch_related("next_stages"))
    profile = _profiles(stages, items, company_kind)
    core = _core_items(items)
    categories = Category.objects.filter(pk__in={item.category_id for item in items})
    return {
        "categories": [
            {"slug": c.slug, "order": c.order, "name": texts_of(c, "name")}
            for c in categories.order_by("order")
        ],
        "items": [
            {
                "id": item.pk,
                "slug": item.slug,
                "category": item.category.slug,
                "order": item.order,
                "name": texts_of(item, "name"),
                "rubric": {r.level: texts_of(r, "text") for r in item.rubric_levels.all()},
            }
            for item in items
        ],
        "stages": [
            {
                "slug": s.slug,
                "order": s.order,
                "name": texts_of(s, "name"),
                "track": s.track,
                "next": [n.slug for n in sorted(s.next_stages.all(), key=lambda n: n.order)],
                "profile": profile[s.pk],
                "core": core.get(s.pk, []),
            }
            for s in stages
        ],
        "company_kind": _company_kind(company_kind),
        **learning_snapshot(items),
    }


def snapshot_of(*, matrix, answers, current_stage, target_stage):
    """Freeze answers ({item id: (level, note[, evidence])}) on `matrix`, for the stages."""
    no_text = {lang: "" for lang in LANGUAGES}
    return {
        "version": SNAPSHOT_VERSION,
        "current_stage": current_stage,
        "target_stage": target_stage,
        "categories": matrix["categories"],
        "items": [
            {
                "slug": item["slug"],
                "category": item["category"],
                "order": item["order"],
                "name": item["name"],
                "rating": answers[item["id"]][0],
                "rubric": item["rubric"].get(answers[item["id"]][0], no_text),
                # The behaviour of the next level up: the goal of a development plan.
                "next_rubric": item["rubric"].get(answers[item["id"]][0] + 1),
                "note": answers[item["id"]][1],
                # The example behind a high rating (version 3); blank when none was given.
                "evidence": (answers[item["id"]][2:] or ("",))[0],
            }
            for item in matrix["items"]
        ],
        **{key: value for key, value in matrix.items() if key not in ("categories", "items")},
    }


def assessment_snapshot(assessment):
    """Everything the report needs, in plain data, as the content stands right now."""
    answers = {
        item_id: (level, note, evidence)
        for item_id, level, note, evidence in Answer.objects.filter(
            assessment=assessment, item__active=True
        ).values_list("item_id", "level", "note", "evidence")
    }
    return snapshot_of(
        matrix=matrix_snapshot(answers, assessment.company_kind),
        answers=answers,
        current_stage=assessment.current_stage.slug,
        target_stage=assessment.target_stage.slug,
    )
