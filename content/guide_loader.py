"""Load the guide data file into the database: in place by slug, in one transaction.

Loading is idempotent (a second run changes nothing and says so) and never deletes a
row. A malformed file is refused before any write (see content.guide_schema).
"""

from dataclasses import dataclass, field
from pathlib import Path

import yaml
from django.db import transaction

from content import models
from content.guide_schema import LANGUAGES, GuideFileError, resource_links, validate_guide

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


def texts(field_name, text):
    """{"ja": .., "en": ..} -> {"name_ja": .., "name_en": ..}; a missing text is blank."""
    text = text or {}
    return {f"{field_name}_{lang}": text.get(lang, "") for lang in LANGUAGES}


def _same(stored, value):
    """Equal, counting a blank text the same as an unset (null) translated field."""
    return stored == value or (stored in (None, "") and value in (None, ""))


class _Upserter:
    """Creates or updates rows of one model, keyed by a natural key, recording changes."""

    def __init__(self, result, model, key_fields, label):
        self.result, self.model, self.key_fields, self.label = result, model, key_fields, label
        self.rows = {self._key(row): row for row in model.objects.all()}
        self.new_pks = set()

    def _key(self, row):
        return tuple(getattr(row, name) for name in self.key_fields)

    def save(self, key, values, name):
        row = self.rows.get(key)
        if row is None:
            row = self.model(**dict(zip(self.key_fields, key, strict=True)), **values)
            row.save()
            self.rows[key] = row
            self.new_pks.add(row.pk)
            self.result.created.append(f"{self.label} {name}")
            return row
        if self.result.missing_only:
            return row
        changed = [f for f, value in values.items() if not _same(getattr(row, f), value)]
        if changed:
            for f in changed:
                setattr(row, f, values[f])
            row.save(update_fields=changed)
            self.result.updated.append(f"{self.label} {name}: {', '.join(changed)}")
        return row

    def set_items(self, row, relation, item_rows, name):
        if self.result.missing_only and row.pk not in self.new_pks:
            return
        manager = getattr(row, relation)
        wanted = {item.pk for item in item_rows}
        if set(manager.values_list("pk", flat=True)) != wanted:
            manager.set(item_rows)
            if row.pk not in self.new_pks:
                self.result.updated.append(f"{self.label} {name}: {relation}")


def _upsert_by_slug(result, model, label, entries, values_of):
    upserter = _Upserter(result, model, ["slug"], label)
    return upserter, {
        entry["slug"]: upserter.save((entry["slug"],), values_of(entry), entry["slug"])
        for entry in entries
    }


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
    _, categories = _upsert_by_slug(
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
    _, items = _upsert_by_slug(
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
    tools = _Upserter(result, models.Tool, ["item_id", "name"], "tool")
    rubric = _Upserter(result, models.RubricLevel, ["item_id", "level"], "rubric")
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
    _load_knowledge_checks(data, result, items)

    _make_room_for_stage_orders(data["stages"], source, result.missing_only)
    stage_upserter, stages = _upsert_by_slug(
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
    # A file written before core items (no `core_items`) leaves the marks as they are.
    core_of = {e["slug"]: set(e["core_items"]) for e in data["stages"] if "core_items" in e}
    cells = _Upserter(result, models.TargetLevel, ["stage_id", "item_id"], "target profile")
    for stage_slug, row in data["target_profile"].items():
        for item_slug, cell in row.items():
            values = {"expected": cell["expected"], "importance": cell["importance"]}
            if stage_slug in core_of:
                values["core"] = item_slug in core_of[stage_slug]
            cells.save(
                (stages[stage_slug].pk, items[item_slug].pk), values, f"{stage_slug} × {item_slug}"
            )

    _, steps = _upsert_by_slug(
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
    linked = [
        (
            models.Resource,
            "resource",
            "resources",
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
        ),
        (
            models.InterviewQuestion,
            "question",
            "questions",
            lambda e: {
                "order": e["order"],
                **texts("question", e["question"]),
                **texts("answer_points", e["answer_points"]),
            },
        ),
        (
            models.Trend,
            "trend",
            "trends",
            lambda e: {
                "order": e["order"],
                **texts("name", e["name"]),
                **texts("description", e["description"]),
                **texts("why_it_matters", e["why_it_matters"]),
            },
        ),
    ]
    for model, label, section, values_of in linked:
        upserter, rows = _upsert_by_slug(result, model, label, data[section], values_of)
        if model is models.Resource:
            _load_resource_links(data, result, rows, items, upserter.new_pks)
            continue
        for entry in data[section]:
            upserter.set_items(
                rows[entry["slug"]],
                "items",
                [items[slug] for slug in entry["items"]],
                entry["slug"],
            )

    _upsert_by_slug(
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
    _, kinds = _upsert_by_slug(
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
    _load_overrides(data, result, kinds, stages, items)


def _load_resource_links(data, result, resources, items, new_resources):
    """Each resource's links are exactly the file's: fit and band in place, others removed.

    Links are not user data (a report keeps its own copy), so a link the file no longer
    lists goes; with missing_only, only a new resource gets its links.
    """
    links = _Upserter(result, models.ResourceItem, ["resource_id", "item_id"], "resource link")
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
    checks = _Upserter(result, models.KnowledgeCheck, ["slug"], "knowledge check")
    choices = _Upserter(result, models.KnowledgeChoice, ["check_question_id", "order"], "choice")
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
    overrides = _Upserter(
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
