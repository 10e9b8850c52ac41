"""The JSON export's published schema (cto-assess/report/v2), as the tests hold it.

The shape is declared once (reports/contract.py); the tests validate documents against
its JSON Schema, with the counts of the real guide on top: a renamed, dropped or
undeclared field fails test_its_json_export_follows_the_published_schema.
"""

from jsonschema import Draft202012Validator

from reports.contract import json_schema
from tests import real_guide

COUNTS = real_guide.guide_counts()


def _with_the_guides_counts(schema):
    """Every stage's readiness and every active item: as many as the real guide has."""
    defs = schema["$defs"]
    by_stage = defs["ReadinessData"]["properties"]["by_stage"]
    by_stage.update(minItems=COUNTS.stages, maxItems=COUNTS.stages)
    defs["StageReadinessData"]["properties"]["blocked_by"]["uniqueItems"] = True
    schema["properties"]["items"].update(minItems=COUNTS.active_items, maxItems=COUNTS.active_items)
    schema["properties"]["focus_areas"]["uniqueItems"] = True
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


REPORT_SCHEMA = _with_the_guides_counts(json_schema())
VALIDATOR = Draft202012Validator(REPORT_SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER)
