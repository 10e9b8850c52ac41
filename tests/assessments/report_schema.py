"""The JSON export's published schema (cto-assess/report/v2), as the tests hold it.

Every field of the contract, strict where the contract is: a renamed or dropped field
fails test_its_json_export_follows_the_published_schema.
"""

from jsonschema import Draft202012Validator

from tests import real_guide

COUNTS = real_guide.guide_counts()

SLUG = {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"}
PERCENT = {"type": "number", "minimum": 0, "maximum": 100}
LEVEL = {"type": "integer", "minimum": 0, "maximum": 4}


def strict(required, properties=None):
    """An object with exactly these keys."""
    return {
        "type": "object",
        "required": list(required),
        "additionalProperties": False,
        "properties": properties or {key: {} for key in required},
    }


def array_of(item_schema, **options):
    return {"type": "array", "items": item_schema, **options}


PLAN_ACTION = strict(
    [
        "item",
        "from_level",
        "to_level",
        "goal",
        "resources",
        "practice",
        "questions",
        "hours",
        "why",
        "start_week",
        "end_week",
    ],
    {
        "item": SLUG,
        "from_level": LEVEL,
        "to_level": LEVEL,
        "goal": {"type": "string"},
        "resources": array_of(SLUG, maxItems=2),
        "practice": {"type": "string"},
        "questions": array_of(SLUG),
        "hours": {"type": "integer", "minimum": 0},
        "why": {"type": "string", "minLength": 1},
        "start_week": {"type": "integer", "minimum": 0},
        "end_week": {"type": "integer", "minimum": 0},
    },
)
PLAN = strict(
    ["hours_per_week", "weeks", "budget", "over_budget", "actions", "later"],
    {
        "hours_per_week": {"type": "integer", "minimum": 1, "maximum": 40},
        "weeks": {"const": 12},
        "budget": {"type": "integer"},
        "over_budget": {"type": "boolean"},
        "actions": array_of(PLAN_ACTION, maxItems=3),
        "later": array_of(PLAN_ACTION),
    },
)
# Issue 15: only what the anonymity rules let the owner see (colleagues/disclosure.py).
COLLEAGUES = strict(
    ["invited", "answered", "groups", "blind_spots", "hidden_strengths"],
    {
        "invited": {"type": "integer", "minimum": 0},
        "answered": {"type": "integer", "minimum": 0},
        "groups": array_of(
            strict(
                ["relationship", "count", "items"],
                {
                    "relationship": {"enum": ["manager", "peer", "direct_report", "other", "all"]},
                    "count": {"type": "integer", "minimum": 1},
                    "items": array_of(
                        strict(
                            ["item", "mean"],
                            {"item": SLUG, "mean": {"type": "number", "minimum": 0, "maximum": 4}},
                        )
                    ),
                },
            )
        ),
        "blind_spots": array_of(SLUG),
        "hidden_strengths": array_of(SLUG),
    },
)
BAND = {"oneOf": [{"type": "null"}, strict(["from", "to"], {"from": LEVEL, "to": LEVEL})]}

# PRODUCT.md 5 and 8, the JSON export: the contract other programs build on. Version 2
# keeps every field of version 1 and adds the kind of company, the route and the plan.
PROBED = {"type": "integer", "minimum": 1, "maximum": 4}
# The knowledge check: the first edition's fields (`probed_level` and `correct` are an
# item's first answer) and the second's additions (issue 24).
CALIBRATION = strict(
    [
        "checked",
        "offered",
        "taken_at",
        "items",
        "readiness_checked",
        "readiness_checked_self_rated",
        "edition",
        "answered",
        "finished",
        "guess_rate",
        "categories",
    ],
    {
        "checked": {"type": "integer", "minimum": 0},
        "offered": {"type": "integer", "minimum": 0},
        "taken_at": {"oneOf": [{"type": "null"}, {"type": "string", "format": "date-time"}]},
        "items": array_of(
            strict(
                [
                    "item",
                    "rating",
                    "probed_level",
                    "correct",
                    "verdict",
                    "answers",
                    "confidence",
                    "supported_level",
                ],
                {
                    "item": SLUG,
                    "rating": LEVEL,
                    "probed_level": PROBED,
                    "correct": {"type": "boolean"},
                    "verdict": {"enum": ["consistent", "overrated", "underrated"]},
                    "answers": array_of(
                        strict(
                            ["probed_level", "correct"],
                            {"probed_level": PROBED, "correct": {"type": "boolean"}},
                        ),
                        minItems=1,
                        maxItems=2,
                    ),
                    "confidence": {"enum": ["hint", "agree", "mixed"]},
                    "supported_level": LEVEL,
                },
            )
        ),
        "readiness_checked": {"oneOf": [{"type": "null"}, {"type": "number"}]},
        "readiness_checked_self_rated": {"oneOf": [{"type": "null"}, {"type": "number"}]},
        "edition": {"enum": [1, 2]},
        "answered": {"type": "integer", "minimum": 0},
        "finished": {"type": "boolean"},
        "guess_rate": {"type": "number", "exclusiveMinimum": 0, "maximum": 1},
        "categories": array_of(
            strict(
                [
                    "category",
                    "answers",
                    "at_rated_level",
                    "right_at_rated_level",
                    "share_right_at_rated_level",
                ],
                {
                    "category": SLUG,
                    "answers": {"type": "integer", "minimum": 1},
                    "at_rated_level": {"type": "integer", "minimum": 0},
                    "right_at_rated_level": {"type": "integer", "minimum": 0},
                    "share_right_at_rated_level": {
                        "oneOf": [{"type": "null"}, {"type": "number", "minimum": 0, "maximum": 1}]
                    },
                },
            )
        ),
    },
)
REPORT_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    **strict(
        [
            "schema",
            "assessment",
            "readiness",
            "best_fit_stage",
            "categories",
            "items",
            "focus_areas",
            "recommendations",
            "route",
            "plan",
            "colleagues",
        ],
        {
            "schema": {"const": "cto-assess/report/v2"},
            "assessment": {
                "type": "object",
                "required": [
                    "id",
                    "completed_at",
                    "current_stage",
                    "target_stage",
                    "company_kind",
                ],
                "properties": {
                    "id": {"type": "string", "format": "uuid"},
                    "completed_at": {"type": "string", "format": "date-time"},
                    "current_stage": SLUG,
                    "target_stage": SLUG,
                    "company_kind": {"oneOf": [{"type": "null"}, SLUG]},
                },
            },
            "readiness": strict(
                ["target", "by_stage"],
                {
                    "target": PERCENT,
                    "by_stage": array_of(
                        strict(
                            ["stage", "readiness", "reached", "blocked_by"],
                            {
                                "stage": SLUG,
                                "readiness": PERCENT,
                                # Issue 25: reached only with every core item at its level.
                                "reached": {"type": "boolean"},
                                "blocked_by": array_of(SLUG, uniqueItems=True),
                            },
                        ),
                        minItems=COUNTS.stages,
                        maxItems=COUNTS.stages,
                    ),
                },
            ),
            "best_fit_stage": SLUG,
            "plan": {"oneOf": [{"type": "null"}, PLAN]},
            "colleagues": {"oneOf": [{"type": "null"}, COLLEAGUES]},
            "calibration": {"oneOf": [{"type": "null"}, CALIBRATION]},
            "route": {
                "oneOf": [
                    {"type": "null"},
                    strict(
                        ["best_fit", "next"],
                        {
                            "best_fit": SLUG,
                            "next": array_of(
                                strict(
                                    ["track", "stage", "readiness"],
                                    {
                                        "track": {
                                            "enum": [
                                                "core",
                                                "management",
                                                "architecture",
                                                "executive",
                                            ]
                                        },
                                        "stage": {"oneOf": [{"type": "null"}, SLUG]},
                                        "readiness": {"oneOf": [{"type": "null"}, PERCENT]},
                                    },
                                ),
                                minItems=1,
                            ),
                        },
                    ),
                ]
            },
            "categories": array_of({"type": "object"}, minItems=1),
            "items": array_of(
                strict(
                    ["item", "category", "rating", "expected", "importance", "gap"],
                    {
                        "item": SLUG,
                        "category": SLUG,
                        "rating": LEVEL,
                        "expected": LEVEL,
                        "importance": {"type": "integer", "minimum": 1, "maximum": 3},
                        "gap": LEVEL,
                    },
                ),
                minItems=COUNTS.active_items,
                maxItems=COUNTS.active_items,
            ),
            "focus_areas": array_of(SLUG, uniqueItems=True),
            "recommendations": strict(
                ["resources", "interview_questions", "trends"],
                {
                    "resources": array_of(
                        {
                            "type": "object",
                            "required": ["resource", "kind", "title", "serves", "levels"],
                            "properties": {"levels": BAND},
                        }
                    ),
                    "interview_questions": array_of({"type": "object"}),
                    "trends": array_of({"type": "object"}),
                },
            ),
        },
    ),
}
VALIDATOR = Draft202012Validator(REPORT_SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER)
