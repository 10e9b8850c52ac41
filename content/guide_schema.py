"""The shape of the guide data file, checked before anything touches the database.

`validate_guide(data, source)` raises `GuideFileError` naming the file, the entry and the
field of the first problem: a wrong type, a missing language, a level out of range, an
unknown slug.
"""

import jsonschema

from content.career_path import adjusted_cells, expected_only, profile_drops
from content.knowledge_check_file import knowledge_check_problems, knowledge_checks_schema
from content.models import Fit, Provenance, ResourceKind, Track

LANGUAGES = ("ja", "en")
SCHEMA_ID = "cto-assess/guide/v2"
OLD_SCHEMA_IDS = ("cto-assess/guide/v1",)

_SLUG = {"type": "string", "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$", "maxLength": 80}
_TEXT = {  # a text in both languages, each with something other than spaces
    "type": "object",
    "properties": {lang: {"type": "string", "pattern": r"\S"} for lang in LANGUAGES},
    "required": list(LANGUAGES),
    "additionalProperties": False,
}
_OPTIONAL_TEXT = {  # an optional text (author, description): a language may be left blank
    "type": "object",
    "properties": {lang: {"type": "string"} for lang in LANGUAGES},
    "required": list(LANGUAGES),
    "additionalProperties": False,
}
_ORDER = {"type": "integer", "minimum": 0, "maximum": 32767}
# A role is defined by a few items, not by all (the guide's own file names 3 to 6 a stage).
CORE_ITEMS_MIN, CORE_ITEMS_MAX = 3, 6
_SLUGS = {"type": "array", "items": _SLUG, "minItems": 1, "uniqueItems": True}


def _entry(required, **properties):
    return {
        "type": "object",
        "properties": {"slug": _SLUG, "order": _ORDER, **properties},
        "required": ["slug", "order", *required],
        "additionalProperties": False,
    }


_LEVEL = {"type": "integer", "minimum": 0, "maximum": 4}
_IMPORTANCE = {"type": "integer", "minimum": 1, "maximum": 3}
_BAND = {  # a level band: the person is at `from` and works towards `to`
    "type": "object",
    "properties": {"from": _LEVEL, "to": _LEVEL},
    "required": ["from", "to"],
    "additionalProperties": False,
}
_LINK = {  # a resource's link to an item: a bare slug is a core link over the resource's band
    "oneOf": [
        _SLUG,
        {
            "type": "object",
            "properties": {"item": _SLUG, "fit": {"enum": Fit.values}, "levels": _BAND},
            "required": ["item", "fit", "levels"],
            "additionalProperties": False,
        },
    ]
}
_CELL_CHANGE = {
    "type": "object",
    "properties": {"expected": _LEVEL, "importance": _IMPORTANCE},
    "minProperties": 1,
    "additionalProperties": False,
}

SCHEMA = {
    "type": "object",
    "properties": {
        "schema": {"const": SCHEMA_ID},
        "categories": {
            "type": "array",
            "items": _entry(["name"], name=_TEXT, description=_OPTIONAL_TEXT),
        },
        "items": {
            "type": "array",
            "items": _entry(
                ["category", "name", "rubric"],
                category=_SLUG,
                active={"type": "boolean"},
                name=_TEXT,
                description=_OPTIONAL_TEXT,
                tools={
                    "type": "array",
                    "items": {"type": "string", "pattern": r"\S"},
                    "uniqueItems": True,
                },
                rubric={
                    "type": "array",
                    "minItems": 5,
                    "maxItems": 5,
                    "items": {
                        "type": "object",
                        "properties": {"level": _LEVEL, "text": _TEXT},
                        "required": ["level", "text"],
                        "additionalProperties": False,
                    },
                },
                knowledge_checks=knowledge_checks_schema(_SLUG, _TEXT),
            ),
        },
        "stages": {
            "type": "array",
            "items": _entry(
                ["name", "track", "next", "role", "responsibilities", "next_step"],
                name=_TEXT,
                track={"enum": Track.values},
                next={"type": "array", "items": _SLUG, "uniqueItems": True},
                role=_TEXT,
                responsibilities=_TEXT,
                next_step=_TEXT,
                # The role-defining items; optional, so files written before them still load.
                core_items={**_SLUGS, "minItems": 0, "maxItems": CORE_ITEMS_MAX},
            ),
        },
        "target_profile": {
            "type": "object",
            "additionalProperties": {
                "type": "object",
                "additionalProperties": {
                    "type": "object",
                    "properties": {"expected": _LEVEL, "importance": _IMPORTANCE},
                    "required": ["expected", "importance"],
                    "additionalProperties": False,
                },
            },
        },
        "learning_steps": {
            "type": "array",
            "items": _entry(["name", "goal"], name=_TEXT, goal=_TEXT, note=_OPTIONAL_TEXT),
        },
        "resources": {
            "type": "array",
            "items": _entry(
                ["kind", "title", "step", "items", "effort_hours", "levels", "provenance"],
                kind={"enum": ResourceKind.values},
                title=_TEXT,
                author=_OPTIONAL_TEXT,
                year={"type": "integer", "minimum": 1900, "maximum": 2100},
                url={"type": "string", "pattern": "^https://"},
                effort_hours={"type": "integer", "minimum": 1, "maximum": 32767},
                levels=_BAND,
                provenance={"enum": Provenance.values},
                description=_OPTIONAL_TEXT,
                step=_SLUG,
                items={"type": "array", "items": _LINK, "minItems": 1},
            ),
        },
        "practice": {
            "type": "array",
            "items": _entry(
                ["item", "levels", "text"],
                item=_SLUG,
                levels=_BAND,
                text=_TEXT,
                hours={"type": "integer", "minimum": 1, "maximum": 32767},
            ),
        },
        "questions": {
            "type": "array",
            "items": _entry(
                ["question", "answer_points", "items"],
                question=_TEXT,
                answer_points=_TEXT,
                items=_SLUGS,
            ),
        },
        "trends": {
            "type": "array",
            "items": _entry(
                ["name", "description", "why_it_matters", "items"],
                name=_TEXT,
                description=_TEXT,
                why_it_matters=_TEXT,
                items=_SLUGS,
            ),
        },
        "company_kinds": {
            "type": "array",
            "items": _entry(
                ["name", "examples", "cto_role"],
                name=_TEXT,
                examples=_TEXT,
                cto_role=_TEXT,
                target_note=_OPTIONAL_TEXT,
                overrides={
                    "type": "object",
                    "additionalProperties": {
                        "type": "object",
                        "additionalProperties": _CELL_CHANGE,
                    },
                },
            ),
        },
    },
    "required": [
        "schema",
        "categories",
        "items",
        "stages",
        "target_profile",
        "learning_steps",
        "resources",
        "practice",
        "questions",
        "trends",
        "company_kinds",
    ],
    "additionalProperties": False,
}


class GuideFileError(ValueError):
    """The guide data file is malformed; the message names file, entry and field."""


def _where(data, path):
    """Describe a JSON path as `items[3] 'cloud-computing', field name.en`."""
    path = list(path)
    if not path:
        return "the top level"
    section = path[0]
    if len(path) >= 2 and isinstance(path[1], int):
        entry = data.get(section, [])[path[1]] if isinstance(data, dict) else None
        slug = entry.get("slug") if isinstance(entry, dict) else None
        label = f"{section}[{path[1]}]" + (f" '{slug}'" if slug else "")
        rest = path[2:]
    elif len(path) >= 2:
        label, rest = f"{section} '{path[1]}'", path[2:]
    else:
        label, rest = section, []
    field = ".".join(str(part) for part in rest)
    return f"{label}, field {field}" if field else label


def _fail(source, where, message):
    raise GuideFileError(f"{source}: {where}: {message}")


def validate_guide(data, source="guide data"):
    """Check types, ranges, languages and cross-references; raise GuideFileError."""
    if not isinstance(data, dict):
        _fail(source, "the top level", "expected a mapping of sections")
    if data.get("schema") in OLD_SCHEMA_IDS:
        _fail(
            source,
            "the top level, field schema",
            f"{data['schema']} is an older format; this version reads {SCHEMA_ID} "
            "(export the guide with manage.py export_guide to get the current format)",
        )
    validator = jsonschema.Draft202012Validator(SCHEMA)
    error = jsonschema.exceptions.best_match(validator.iter_errors(data))
    if error is not None:
        _fail(source, _where(data, error.absolute_path), error.message)
    _check_references(data, source)


def _unique_slugs(data, section, source):
    seen = set()
    for index, entry in enumerate(data[section]):
        if entry["slug"] in seen:
            _fail(source, f"{section}[{index}] '{entry['slug']}', field slug", "duplicate slug")
        seen.add(entry["slug"])
    return seen


def _check_references(data, source):
    """What a JSON schema cannot say: unique slugs and orders, and every slug that one part
    of the guide names exists in the part it points to."""
    categories = _unique_slugs(data, "categories", source)
    items = _unique_slugs(data, "items", source)
    stages = _unique_slugs(data, "stages", source)
    steps = _unique_slugs(data, "learning_steps", source)
    for section in ("resources", "practice", "questions", "trends", "company_kinds"):
        _unique_slugs(data, section, source)
    _check_stage_orders(data, source)
    _check_items(data, source, categories)
    _check_learning_material(data, source, items, steps)
    _check_target_profile(data, source, stages, items)
    _check_core_items(data, source, items)
    _check_path(data, source, stages, items)


def _check_stage_orders(data, source):
    orders = {}
    for index, stage in enumerate(data["stages"]):
        if stage["order"] in orders:
            _fail(
                source,
                f"stages[{index}] '{stage['slug']}', field order",
                f"order {stage['order']} is also the order of '{orders[stage['order']]}'",
            )
        orders[stage["order"]] = stage["slug"]


def _check_items(data, source, categories):
    """Each item in a known category with one rubric text per level; its knowledge checks."""
    for index, item in enumerate(data["items"]):
        where = f"items[{index}] '{item['slug']}'"
        if item["category"] not in categories:
            _fail(source, f"{where}, field category", f"unknown category '{item['category']}'")
        levels = sorted(level["level"] for level in item["rubric"])
        if levels != [0, 1, 2, 3, 4]:
            _fail(source, f"{where}, field rubric", "needs exactly one text for each level 0-4")
    for where, message in knowledge_check_problems(data):
        _fail(source, where, message)


def _check_learning_material(data, source, items, steps):
    """Resources, practice, questions and trends: rising bands, known items and steps."""
    for section in ("resources", "practice"):
        for index, entry in enumerate(data[section]):
            if entry["levels"]["from"] >= entry["levels"]["to"]:
                _fail(
                    source,
                    f"{section}[{index}] '{entry['slug']}', field levels",
                    "the band must rise: 'from' below 'to'",
                )
    for index, action in enumerate(data["practice"]):
        if action["item"] not in items:
            _fail(
                source,
                f"practice[{index}] '{action['slug']}', field item",
                f"unknown item '{action['item']}'",
            )
    for index, resource in enumerate(data["resources"]):
        if resource["step"] not in steps:
            _fail(
                source,
                f"resources[{index}] '{resource['slug']}', field step",
                f"unknown learning step '{resource['step']}'",
            )
    for index, resource in enumerate(data["resources"]):
        _check_links(resource, f"resources[{index}] '{resource['slug']}'", items, source)
    for section in ("questions", "trends"):
        for index, entry in enumerate(data[section]):
            for slug in entry["items"]:
                if slug not in items:
                    _fail(
                        source,
                        f"{section}[{index}] '{entry['slug']}', field items",
                        f"unknown item '{slug}'",
                    )


def _check_target_profile(data, source, stages, items):
    """One cell for every known stage and item, and none for anything else."""
    profile = data["target_profile"]
    for stage_slug, cells in profile.items():
        if stage_slug not in stages:
            _fail(source, f"target_profile '{stage_slug}'", "unknown stage")
        for item_slug in cells:
            if item_slug not in items:
                _fail(
                    source,
                    f"target_profile '{stage_slug}', field {item_slug}",
                    f"unknown item '{item_slug}'",
                )
    for stage_slug in stages:
        missing = items - set(profile.get(stage_slug, {}))
        if missing:
            _fail(
                source,
                f"target_profile '{stage_slug}'",
                f"no expected level for {', '.join(sorted(missing))}",
            )


def resource_links(resource):
    """A resource entry's links as {"item", "fit", "levels"}, bare slugs spelled out."""
    return [
        {"item": link, "fit": Fit.CORE.value, "levels": resource["levels"]}
        if isinstance(link, str)
        else link
        for link in resource["items"]
    ]


def _check_links(resource, where, items, source):
    """Each link names a known item once, with a rising band inside the resource's own."""
    seen = set()
    low, high = resource["levels"]["from"], resource["levels"]["to"]
    for link in resource_links(resource):
        slug, band = link["item"], link["levels"]
        if slug not in items:
            _fail(source, f"{where}, field items", f"unknown item '{slug}'")
        if slug in seen:
            _fail(source, f"{where}, field items", f"item '{slug}' is linked twice")
        seen.add(slug)
        if not low <= band["from"] < band["to"] <= high:
            _fail(
                source,
                f"{where}, field items.{slug}.levels",
                f"the band {band['from']}->{band['to']} must rise and lie within the "
                f"resource's {low}->{high}",
            )


def _check_core_items(data, source, items):
    """Core items are known items the stage expects some level of (in the base profile)."""
    for index, stage in enumerate(data["stages"]):
        where = f"stages[{index}] '{stage['slug']}', field core_items"
        row = data["target_profile"].get(stage["slug"], {})
        for slug in stage.get("core_items", []):
            if slug not in items:
                _fail(source, where, f"unknown item '{slug}'")
            if row[slug]["expected"] == 0:
                _fail(source, where, f"'{slug}' is expected at level 0 here, so it defines nothing")


def _check_path(data, source, stages, items):
    """Stages lead only up the ladder, and expected levels never drop along the path."""
    order = {stage["slug"]: stage["order"] for stage in data["stages"]}
    edges = []
    for index, stage in enumerate(data["stages"]):
        for next_slug in stage["next"]:
            where = f"stages[{index}] '{stage['slug']}', field next"
            if next_slug not in stages:
                _fail(source, where, f"unknown stage '{next_slug}'")
            if order[next_slug] <= stage["order"]:
                _fail(source, where, f"'{next_slug}' does not come after this stage")
            edges.append((stage["slug"], next_slug))
    base = {
        stage: {item: (cell["expected"], cell["importance"]) for item, cell in row.items()}
        for stage, row in data["target_profile"].items()
    }
    _refuse_drops(source, "target_profile", profile_drops(expected_only(base), edges))
    for index, kind in enumerate(data["company_kinds"]):
        where = f"company_kinds[{index}] '{kind['slug']}'"
        overrides = kind.get("overrides", {})
        for stage_slug, row in overrides.items():
            if stage_slug not in stages:
                _fail(source, f"{where}, field overrides", f"unknown stage '{stage_slug}'")
            for item_slug in row:
                if item_slug not in items:
                    _fail(
                        source,
                        f"{where}, field overrides.{stage_slug}",
                        f"unknown item '{item_slug}'",
                    )
        adjusted = expected_only(adjusted_cells(base, overrides))
        _refuse_drops(source, f"{where}, field overrides", profile_drops(adjusted, edges))


def _refuse_drops(source, where, drops):
    if drops:
        drop = drops[0]
        _fail(
            source,
            where,
            f"expected level of '{drop.item}' drops from {drop.expected} at "
            f"'{drop.stage}' to {drop.next_expected} at '{drop.next_stage}', which follows it "
            f"({len(drops)} drop(s) in all)",
        )
