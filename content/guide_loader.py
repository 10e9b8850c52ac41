"""Load the guide data file into the database: in place by slug, in one transaction.

Loading is idempotent (a second run changes nothing and says so) and never deletes a
row. A malformed file is refused before any write (see content.guide_schema).
"""

from dataclasses import dataclass, field
from pathlib import Path

import yaml
from django.db import transaction

from content import models
from content.guide_schema import GuideFileError, resource_links, validate_guide
from content.guide_upsert import Upserter, texts, upsert_by_slug

DEFAULT_GUIDE_FILE = Path(__file__).resolve().parent / "data" / "guide.yaml"


@dataclass
class LoadResult:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    # Only add what is missing; leave every existing row as admins left it.
    missing_only: bool = False

    @property
    def changed(self):
        return bool(self.created or self.updated)


def read_guide_file(path):
    """Parse and validate a guide file; raise GuideFileError naming the file."""
    path = Path(path)
    try:
        with path.open(encoding="utf-8") as handle:
            data = yaml.safe_load(handle)
    except OSError as exc:
        raise GuideFileError(f"{path}: cannot read the file: {exc.strerror}") from exc
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise GuideFileError(f"{path}: not valid YAML: {exc}") from exc
    validate_guide(data, source=str(path))
    return data


def _make_room_for_stage_orders(entries, source, missing_only):
    """Park re-ordered stages on free orders first: the ladder's order is unique per row."""
    wanted = {entry["slug"]: entry["order"] for entry in entries}
    existing = list(models.Stage.objects.all())
    moving = (
        []
        if missing_only
        else [s for s in existing if s.slug in wanted and s.order != wanted[s.slug]]
    )
    kept = {s.order: s.slug for s in existing if s not in moving}
    existing_slugs = {s.slug for s in existing}
    for index, entry in enumerate(entries):
        if missing_only and entry["slug"] in existing_slugs:
            continue
        holder = kept.get(entry["order"])
        if holder is not None and holder != entry["slug"]:
            raise GuideFileError(
                f"{source}: stages[{index}] '{entry['slug']}', field order: order "
                f"{entry['order']} belongs to stage '{holder}', which the file does not move"
            )
    parking = 32767 - len(moving)
    for offset, stage in enumerate(moving):
        models.Stage.objects.filter(pk=stage.pk).update(order=parking + offset)


def _load(data, result, source):
    """Every part of the guide, in the order of its foreign keys (each step's pair is in
    content.guide_export)."""
    categories = _load_categories(data, result)
    items = _load_items(data, result, categories)
    _load_tools_and_rubric(data, result, items)
    _load_knowledge_checks(data, result, items)
    stages = _load_stages(data, result, source)
    _load_target_profile(data, result, stages, items)
    steps = _load_learning_steps(data, result)
    _load_resources(data, result, steps, items)
    _load_questions(data, result, items)
    _load_trends(data, result, items)
    _load_practice(data, result, items)
    kinds = _load_company_kinds(data, result)
    _load_overrides(data, result, kinds, stages, items)


def _load_categories(data, result):
    _, categories = upsert_by_slug(
        result,
        models.Category,
        "category",
        data["categories"],
        lambda e: {
            "order": e["order"],
            **texts("name", e["name"]),
            **texts("description", e.get("description")),
        },
    )
    return categories


def _load_items(data, result, categories):
    _, items = upsert_by_slug(
        result,
        models.Item,
        "item",
        data["items"],
        lambda e: {
            "order": e["order"],
            "category": categories[e["category"]],
            "active": e.get("active", True),
            **texts("name", e["name"]),
            **texts("description", e.get("description")),
        },
    )
    return items


def _load_tools_and_rubric(data, result, items):
    tools = Upserter(result, models.Tool, ["item_id", "name"], "tool")
    rubric = Upserter(result, models.RubricLevel, ["item_id", "level"], "rubric")
    for entry in data["items"]:
        item = items[entry["slug"]]
        for order, tool_name in enumerate(entry.get("tools", []), start=1):
            tools.save((item.pk, tool_name), {"order": order}, f"{entry['slug']} {tool_name}")
        for level in entry["rubric"]:
            rubric.save(
                (item.pk, level["level"]),
                texts("text", level["text"]),
                f"{entry['slug']} level {level['level']}",
            )


def _load_stages(data, result, source):
    """The stages, then the ladder between them (a stage's next stages)."""
    _make_room_for_stage_orders(data["stages"], source, result.missing_only)
    stage_upserter, stages = upsert_by_slug(
        result,
        models.Stage,
        "stage",
        data["stages"],
        lambda e: {
            "order": e["order"],
            "track": e["track"],
            **texts("name", e["name"]),
            **texts("role", e["role"]),
            **texts("responsibilities", e["responsibilities"]),
            **texts("next_step", e["next_step"]),
        },
    )
    for entry in data["stages"]:
        stage_upserter.set_items(
            stages[entry["slug"]],
            "next_stages",
            [stages[slug] for slug in entry["next"]],
            entry["slug"],
        )
    return stages


def _load_target_profile(data, result, stages, items):
    """One cell per stage and item; a stage's `core_items` mark its core cells."""
    # A file written before core items (no `core_items`) leaves the marks as they are.
    core_of = {e["slug"]: set(e["core_items"]) for e in data["stages"] if "core_items" in e}
    cells = Upserter(result, models.TargetLevel, ["stage_id", "item_id"], "target profile")
    for stage_slug, row in data["target_profile"].items():
        for item_slug, cell in row.items():
            values = {"expected": cell["expected"], "importance": cell["importance"]}
            if stage_slug in core_of:
                values["core"] = item_slug in core_of[stage_slug]
            cells.save(
                (stages[stage_slug].pk, items[item_slug].pk), values, f"{stage_slug} × {item_slug}"
            )


def _load_learning_steps(data, result):
    _, steps = upsert_by_slug(
        result,
        models.LearningStep,
        "learning step",
        data["learning_steps"],
        lambda e: {
            "order": e["order"],
            **texts("name", e["name"]),
            **texts("goal", e["goal"]),
            **texts("note", e.get("note")),
        },
    )
    return steps


def _load_resources(data, result, steps, items):
    upserter, resources = upsert_by_slug(
        result,
        models.Resource,
        "resource",
        data["resources"],
        lambda e: {
            "order": e["order"],
            "kind": e["kind"],
            "step": steps[e["step"]],
            "url": e.get("url", ""),
            "year": e.get("year"),
            "effort_hours": e["effort_hours"],
            "level_from": e["levels"]["from"],
            "level_to": e["levels"]["to"],
            "provenance": e["provenance"],
            **texts("title", e["title"]),
            **texts("author", e.get("author")),
            **texts("description", e.get("description")),
        },
    )
    _load_resource_links(data, result, resources, items, upserter.new_pks)


def _load_questions(data, result, items):
    _load_with_items(
        data["questions"],
        items,
        *upsert_by_slug(
            result,
            models.InterviewQuestion,
            "question",
            data["questions"],
            lambda e: {
                "order": e["order"],
                **texts("question", e["question"]),
                **texts("answer_points", e["answer_points"]),
            },
        ),
    )


def _load_trends(data, result, items):
    _load_with_items(
        data["trends"],
        items,
        *upsert_by_slug(
            result,
            models.Trend,
            "trend",
            data["trends"],
            lambda e: {
                "order": e["order"],
                **texts("name", e["name"]),
                **texts("description", e["description"]),
                **texts("why_it_matters", e["why_it_matters"]),
            },
        ),
    )


def _load_with_items(entries, items, upserter, rows):
    """A question's or trend's items are exactly the file's."""
    for entry in entries:
        upserter.set_items(
            rows[entry["slug"]], "items", [items[slug] for slug in entry["items"]], entry["slug"]
        )


def _load_practice(data, result, items):
    upsert_by_slug(
        result,
        models.PracticeAction,
        "practice action",
        data["practice"],
        lambda e: {
            "order": e["order"],
            "item": items[e["item"]],
            "level_from": e["levels"]["from"],
            "level_to": e["levels"]["to"],
            "hours": e.get("hours"),
            **texts("text", e["text"]),
        },
    )


def _load_company_kinds(data, result):
    _, kinds = upsert_by_slug(
        result,
        models.CompanyKind,
        "kind of company",
        data["company_kinds"],
        lambda e: {
            "order": e["order"],
            **texts("name", e["name"]),
            **texts("examples", e["examples"]),
            **texts("cto_role", e["cto_role"]),
            **texts("target_note", e.get("target_note")),
        },
    )
    return kinds


def _load_resource_links(data, result, resources, items, new_resources):
    """Each resource's links are exactly the file's: fit and band in place, others removed.

    Links are not user data (a report keeps its own copy), so a link the file no longer
    lists goes; with missing_only, only a new resource gets its links.
    """
    links = Upserter(result, models.ResourceItem, ["resource_id", "item_id"], "resource link")
    wanted = set()
    for entry in data["resources"]:
        resource = resources[entry["slug"]]
        if result.missing_only and resource.pk not in new_resources:
            continue
        for link in resource_links(entry):
            key = (resource.pk, items[link["item"]].pk)
            wanted.add(key)
            band = (link["levels"]["from"], link["levels"]["to"])
            values = {"fit": link["fit"]}
            row = links.rows.get(key)
            # A link left blank in admin serves the resource's band: the same band in the
            # file is no change.
            held = None if row is None else (row.level_from, row.level_to)
            if held is None or (held != band and not (None in held and band == resource.band)):
                values.update(level_from=band[0], level_to=band[1])
            links.save(key, values, f"{entry['slug']} × {link['item']}")
    if result.missing_only:
        return
    listed = {resources[entry["slug"]].pk: entry["slug"] for entry in data["resources"]}
    item_slugs = {item.pk: slug for slug, item in items.items()}
    for key, row in list(links.rows.items()):
        if key[0] in listed and key not in wanted:
            row.delete()
            name = f"{listed[key[0]]} × {item_slugs.get(key[1], key[1])}"
            result.updated.append(f"resource link removed: {name}")


def _load_knowledge_checks(data, result, items):
    """Checks by slug, choices by position; a check the file no longer lists is retired."""
    checks = Upserter(result, models.KnowledgeCheck, ["slug"], "knowledge check")
    choices = Upserter(result, models.KnowledgeChoice, ["check_question_id", "order"], "choice")
    listed = set()
    for entry in data["items"]:
        for order, check in enumerate(entry.get("knowledge_checks", []), start=1):
            listed.add(check["slug"])
            row = checks.save(
                (check["slug"],),
                {
                    "item": items[entry["slug"]],
                    "order": order,
                    "level": check["level"],
                    "active": True,
                    **texts("situation", check["situation"]),
                },
                check["slug"],
            )
            numbered = list(enumerate(check["choices"], start=1))
            # The best answer is saved last, so the old one has let go of it first.
            for number, choice in sorted(numbered, key=lambda pair: bool(pair[1].get("correct"))):
                choices.save(
                    (row.pk, number),
                    {
                        "correct": bool(choice.get("correct")),
                        **texts("text", choice["text"]),
                        **texts("explanation", choice["explanation"]),
                    },
                    f"{check['slug']} #{number}",
                )
    if result.missing_only:
        return
    for row in checks.rows.values():
        if row.active and row.slug not in listed:
            row.active = False
            row.save(update_fields=["active"])
            result.updated.append(f"knowledge check retired: {row.slug}")


def _load_overrides(data, result, kinds, stages, items):
    """A kind's overrides are exactly the file's: cells it no longer lists are removed."""
    overrides = Upserter(
        result, models.TargetOverride, ["company_kind_id", "stage_id", "item_id"], "override"
    )
    wanted = set()
    for entry in data["company_kinds"]:
        kind = kinds[entry["slug"]]
        for stage_slug, row in entry.get("overrides", {}).items():
            for item_slug, change in row.items():
                key = (kind.pk, stages[stage_slug].pk, items[item_slug].pk)
                wanted.add(key)
                overrides.save(
                    key,
                    {"expected": change.get("expected"), "importance": change.get("importance")},
                    f"{entry['slug']}: {stage_slug} × {item_slug}",
                )
    if result.missing_only:
        return
    listed = {kinds[entry["slug"]].pk for entry in data["company_kinds"]}
    for key, row in list(overrides.rows.items()):
        if key[0] in listed and key not in wanted:
            row.delete()
            result.updated.append(f"override removed: {row}")


def guide_load(*, data, dry_run=False, missing_only=False, source="guide data"):
    """Apply validated guide data; with dry_run, report the changes and roll them back.

    With missing_only, rows that exist are left as they are (admins' edits stay) and only
    missing ones are created: what a server does at every start.
    Raises GuideFileError, with nothing changed, when the data conflicts with rows that
    only the database holds.
    """
    result = LoadResult(missing_only=missing_only)
    with transaction.atomic():
        _load(data, result, source)
        if dry_run:
            transaction.set_rollback(True)
    return result
