"""The published OpenAPI description: valid OpenAPI 3.1 (openapi-spec-validator), ids
typed as UUIDs, a server that holds behind any host, and every schema in it typed."""

import pytest
from openapi_spec_validator import OpenAPIV31SpecValidator

from reports import contract

# What makes a JSON Schema say what its value is.
TYPED = {"type", "$ref", "anyOf", "oneOf", "allOf", "const", "enum"}


def _schemas(schema, where):
    """(where, schema) for `schema` and every schema nested in it."""
    yield where, schema
    for key in ("properties", "$defs"):
        for name, part in schema.get(key, {}).items():
            yield from _schemas(part, f"{where}.{name}")
    for key in ("items", "additionalProperties"):
        if isinstance(schema.get(key), dict):
            yield from _schemas(schema[key], f"{where}[]")
    for key in ("anyOf", "oneOf", "allOf", "prefixItems"):
        for index, part in enumerate(schema.get(key, [])):
            yield from _schemas(part, f"{where}|{index}")


def _operations(openapi):
    for path, methods in openapi["paths"].items():
        for method, operation in methods.items():
            yield path, method, operation


@pytest.mark.django_db
def test_it_is_valid_openapi_3_1(openapi):
    assert openapi["openapi"].startswith("3.1")
    assert list(OpenAPIV31SpecValidator(openapi).iter_errors()) == []


@pytest.mark.django_db
def test_it_types_every_id_in_a_path_as_a_uuid(openapi):
    path_parameters = [
        (path, parameter)
        for path, _method, operation in _operations(openapi)
        for parameter in operation.get("parameters", [])
        if parameter["in"] == "path"
    ]
    assert len(path_parameters) >= 5
    for path, parameter in path_parameters:
        assert parameter["name"].endswith("_id"), path
        assert parameter["schema"]["type"] == "string", path
        assert parameter["schema"]["format"] == "uuid", path


@pytest.mark.django_db
def test_it_names_a_server_that_holds_behind_any_host(openapi):
    assert [server["url"] for server in openapi["servers"]] == ["/"]
    assert all(path.startswith("/api/v1/") for path in openapi["paths"])


@pytest.mark.django_db
def test_every_schema_it_publishes_says_what_its_value_is(openapi):
    checked = 0
    for name, component in openapi["components"]["schemas"].items():
        for where, schema in _schemas(component, name):
            checked += 1
            assert TYPED & set(schema), f"{where} is untyped: {schema}"
            if schema.get("type") == "object":
                assert "properties" in schema or isinstance(
                    schema.get("additionalProperties"), dict
                ), f"{where} is an object of anything: {schema}"
    assert checked > 100


@pytest.mark.django_db
def test_the_report_it_publishes_is_the_exports_declaration(openapi):
    published = openapi["components"]["schemas"]["ReportDocument"]
    declared = contract.json_schema()
    assert list(published["properties"]) == list(declared["properties"])
    assert published["required"] == declared["required"]
    for section in ("readiness", "route", "plan", "calibration", "categories", "items"):
        assert section in published["required"]
    for section in ("CalibrationData", "ColleaguesData", "PlanData", "RouteData"):
        assert section in openapi["components"]["schemas"]
    for path in (
        "/api/v1/assessments/{assessment_id}/report",
        "/api/v1/organisations/{organisation_id}/shared-assessments/{assessment_id}/report",
    ):
        body = openapi["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]
        assert body["schema"] == {"$ref": "#/components/schemas/ReportDocument"}
