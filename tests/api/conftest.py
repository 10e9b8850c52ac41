"""The API's tests: a member with a token, and every response checked against the OpenAPI
description the API serves."""

import pytest
from django.test import Client
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from api.services import token_create
from tests.organisations.conftest import (  # noqa: F401 (fixtures)
    make_member,
    organisation,
    outsider,
    owner,
    team,
)


@pytest.fixture
def bearer():
    def make(user, name="HR tool"):
        _row, token = token_create(user=user, name=name)
        return {"HTTP_AUTHORIZATION": f"Bearer {token}"}

    return make


@pytest.fixture
def openapi(db):
    return Client().get("/api/v1/openapi.json").json()


@pytest.fixture
def conforms(openapi):
    """conforms(response, path_template): the body matches the description of that path,
    method GET and the response's status."""
    registry = Registry().with_resource(
        "", Resource.from_contents(openapi, default_specification=DRAFT202012)
    )

    def check(response, path):
        operation = openapi["paths"][path]["get"]
        described = operation["responses"][str(response.status_code)]
        schema = described["content"]["application/json"]["schema"]
        document = {**schema, "components": openapi["components"]}
        Draft202012Validator(document, registry=registry).validate(response.json())
        return response.json()

    return check
