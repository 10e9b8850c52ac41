"""Export the guide from the database to the data-file format that the loader reads."""

import yaml
from django.db.models import Prefetch

from content import models
from content.guide_schema import LANGUAGES, SCHEMA_ID
from content.knowledge_check_file import knowledge_checks_data


def texts_of(row, field_name):
    """A translated field of a row as {"ja": ..., "en": ...} (blank, not None, when empty)."""
    return {lang: getattr(row, f"{field_name}_{lang}") or "" for lang in LANGUAGES}


def _optional_text(entry, row, field_name):
    text = texts_of(row, field_name)
    if any(text.values()):
        entry[field_name] = text
    return entry


def _slugs(row):
    return [item.slug for item in row.items.all()]


def guide_export():
    """Return the whole guide as plain data, in the order and shape of the data file.

    Each part has its pair in content.guide_loader (_export_items / _load_items, ...)."""
    return {
        "schema": SCHEMA_ID,
        "categories": _export_categories(),
        "items": _export_items(),
        "stages": _export_stages(),
        "target_profile": _export_target_profile(),
        "learning_steps": _export_learning_steps(),
        "resources": _export_resources(),
        "practice": _export_practice(),
        "questions": _export_questions(),
        "trends": _export_trends(),
        "company_kinds": _export_company_kinds(),
    }


def _export_categories():
    return [
        _optional_text(
            {"slug": category.slug, "order": category.order, "name": texts_of(category, "name")},
            category,
            "description",
        )
        for category in models.Category.objects.all()
    ]


def _export_items():
    """Each item with its tools, rubric and knowledge checks (the loader's
    _load_tools_and_rubric and _load_knowledge_checks read them back)."""
    items = (
        models.Item.objects.select_related("category")
        .prefetch_related("tools", "rubric_levels", "knowledge_checks__choices")
        .order_by("category__order", "order", "slug")
    )
    entries = []
    for item in items:
        entry = {"slug": item.slug, "category": item.category.slug, "order": item.order}
        if not item.active:
            entry["active"] = False
        entry["name"] = texts_of(item, "name")
        _optional_text(entry, item, "description")
        entry["tools"] = [tool.name for tool in item.tools.all()]
        entry["rubric"] = [
            {"level": level.level, "text": texts_of(level, "text")}
            for level in item.rubric_levels.all()
        ]
        checks = knowledge_checks_data(item, texts_of)
        if checks:
            entry["knowledge_checks"] = checks
        entries.append(entry)
    return entries


def _export_stages():
    next_order = Prefetch("next_stages", queryset=models.Stage.objects.order_by("order"))
    core_cells = models.TargetLevel.objects.filter(core=True).order_by(
        "item__category__order", "item__order"
    )
    core_of = {}
    for stage_id, item_slug in core_cells.values_list("stage_id", "item__slug"):
        core_of.setdefault(stage_id, []).append(item_slug)
    return [
        {
            "slug": stage.slug,
            "order": stage.order,
            "name": texts_of(stage, "name"),
            "track": stage.track,
            "next": [following.slug for following in stage.next_stages.all()],
            "role": texts_of(stage, "role"),
            "responsibilities": texts_of(stage, "responsibilities"),
            "next_step": texts_of(stage, "next_step"),
            "core_items": core_of.get(stage.pk, []),
        }
        for stage in models.Stage.objects.prefetch_related(next_order)
    ]


def _export_target_profile():
    cells = models.TargetLevel.objects.select_related("stage", "item").order_by(
        "stage__order", "item__category__order", "item__order"
    )
    profile = {}
    for cell in cells:
        profile.setdefault(cell.stage.slug, {})[cell.item.slug] = {
            "expected": cell.expected,
            "importance": cell.importance,
        }
    return profile


def _export_learning_steps():
    return [
        _optional_text(
            {
                "slug": step.slug,
                "order": step.order,
                "name": texts_of(step, "name"),
                "goal": texts_of(step, "goal"),
            },
            step,
            "note",
        )
        for step in models.LearningStep.objects.all()
    ]


def _export_resources():
    link_order = Prefetch(
        "links",
        queryset=models.ResourceItem.objects.select_related("item").order_by(
            "item__category__order", "item__order"
        ),
    )
    resources = models.Resource.objects.select_related("step").prefetch_related(link_order)
    return [_resource_entry(resource) for resource in resources]


def _resource_entry(resource):
    entry = {
        "slug": resource.slug,
        "order": resource.order,
        "kind": resource.kind,
        "title": texts_of(resource, "title"),
    }
    _optional_text(entry, resource, "author")
    if resource.year:
        entry["year"] = resource.year
    if resource.url:
        entry["url"] = resource.url
    entry["step"] = resource.step.slug
    entry["items"] = [
        {
            "item": link.item.slug,
            "fit": link.fit,
            "levels": dict(zip(("from", "to"), link.band, strict=True)),
        }
        for link in resource.links.all()
    ]
    _optional_text(entry, resource, "description")
    entry["effort_hours"] = resource.effort_hours
    entry["levels"] = {"from": resource.level_from, "to": resource.level_to}
    entry["provenance"] = resource.provenance
    return entry


def _export_practice():
    actions = models.PracticeAction.objects.select_related("item").order_by(
        "item__category__order", "item__order", "order"
    )
    return [
        {
            "slug": action.slug,
            "order": action.order,
            "item": action.item.slug,
            "levels": {"from": action.level_from, "to": action.level_to},
            **({"hours": action.hours} if action.hours else {}),
            "text": texts_of(action, "text"),
        }
        for action in actions
    ]


def _items_in_order():
    return Prefetch("items", queryset=models.Item.objects.order_by("category__order", "order"))


def _export_questions():
    return [
        {
            "slug": question.slug,
            "order": question.order,
            "question": texts_of(question, "question"),
            "answer_points": texts_of(question, "answer_points"),
            "items": _slugs(question),
        }
        for question in models.InterviewQuestion.objects.prefetch_related(_items_in_order())
    ]


def _export_trends():
    return [
        {
            "slug": trend.slug,
            "order": trend.order,
            "name": texts_of(trend, "name"),
            "description": texts_of(trend, "description"),
            "why_it_matters": texts_of(trend, "why_it_matters"),
            "items": _slugs(trend),
        }
        for trend in models.Trend.objects.prefetch_related(_items_in_order())
    ]


def _export_company_kinds():
    """Each kind with its overrides of the target profile (the loader's _load_overrides)."""
    overrides = models.TargetOverride.objects.select_related("stage", "item")
    entries = []
    for kind in models.CompanyKind.objects.prefetch_related(Prefetch("overrides", overrides)):
        entry = {
            "slug": kind.slug,
            "order": kind.order,
            "name": texts_of(kind, "name"),
            "examples": texts_of(kind, "examples"),
            "cto_role": texts_of(kind, "cto_role"),
        }
        _optional_text(entry, kind, "target_note")
        for cell in kind.overrides.all():
            change = {
                key: value
                for key, value in (("expected", cell.expected), ("importance", cell.importance))
                if value is not None
            }
            entry.setdefault("overrides", {}).setdefault(cell.stage.slug, {})[cell.item.slug] = (
                change
            )
        entries.append(entry)
    return entries


class _IndentedDumper(yaml.SafeDumper):
    """Indent list items under their key, which reads better in a long file."""

    def increase_indent(self, flow=False, indentless=False):
        return super().increase_indent(flow, False)


def _cell_representer(dumper, value):
    # Keep each target-profile cell on one line: {expected: 3, importance: 2}.
    flow = bool(value) and (
        set(value) <= {"expected", "importance", "from", "to"}
        or set(value) == {"item", "fit", "levels"}
    )
    return dumper.represent_mapping("tag:yaml.org,2002:map", value, flow_style=flow or None)


_IndentedDumper.add_representer(dict, _cell_representer)


def guide_dump(data, stream=None):
    """Write guide data as readable YAML (UTF-8 text, no line wrapping)."""
    header = (
        "# CTO Assess — the guide as data. "
        "Load: manage.py load_guide. Export: manage.py export_guide.\n"
    )
    body = yaml.dump(
        data,
        Dumper=_IndentedDumper,
        allow_unicode=True,
        sort_keys=False,
        width=10_000,
        default_flow_style=False,
    )
    if stream is None:
        return header + body
    stream.write(header + body)
    return None
