"""People and data for the organisation tests: an organisation's owner, its members with
completed assessments, and an outsider who administers another organisation."""

import pytest

from accounts.services import account_create
from organisations import services
from tests.assessments.report_helpers import SECRET_NOTE
from tests.factories import CompletedAssessmentFactory

PASSWORD = "x-Passw0rd-long"  # noqa: S105


@pytest.fixture
def make_member(db):
    def make(username):
        return account_create(username=username, email=f"{username}@example.com", password=PASSWORD)

    return make


@pytest.fixture
def organisation(make_member, guide):
    owner = make_member("owner")
    return services.organisation_create(user=owner, name="Acme Engineering")


@pytest.fixture
def owner(organisation):
    return organisation.memberships.get().user


def join(organisation, user, role="member"):
    inviter = organisation.memberships.get(role="owner")
    invitation, _token = services.invitation_create(membership=inviter, role=role)
    return services.invitation_accept(invitation=invitation, user=user)


@pytest.fixture
def team(organisation, make_member):
    """Three members (avery, blake, casey), each sharing a completed assessment (levels 1, 3, 4)
    with a note only its owner may read."""
    memberships = []
    for name, level in (("avery", 1), ("blake", 3), ("casey", 4)):
        user = make_member(name)
        membership = join(organisation, user)
        services.share_create(
            membership=membership,
            assessment=CompletedAssessmentFactory(owner=user, default=level, note=SECRET_NOTE),
        )
        memberships.append(membership)
    return memberships


@pytest.fixture
def outsider(make_member):
    """The admin (owner) of another organisation."""
    user = make_member("outsider")
    services.organisation_create(user=user, name="Other Org")
    return user
