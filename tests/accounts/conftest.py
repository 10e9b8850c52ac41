"""The accounts tests use the assessments tests' fixtures as they are: the real guide,
a visitor's draft, members and their English-speaking clients."""

from tests.assessments.conftest import (  # noqa: F401 (fixtures, found by name)
    _parsed_guide,
    client,
    guide,
    member,
    member_client,
    member_draft,
    other_member,
    other_member_client,
    outsider,
    someone_elses_draft,
    stage,
    visitor_draft,
)
