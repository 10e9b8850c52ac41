"""The member's data download holds their colleagues' rounds, never who rated what;
deleting the assessment or the account takes the round with it."""

import json

import pytest
from django.urls import reverse

from assessments import services as assessment_services
from colleagues import services
from colleagues.models import (
    ColleagueComment,
    ColleagueRating,
    Invitation,
    ItemRating,
    Round,
    RoundItem,
)
from tests.colleagues.helpers import rate

pytestmark = pytest.mark.django_db


def test_the_download_holds_the_round_as_the_owner_sees_it(member_client, round_, report):
    tokens = [
        services.invitation_create(round_=round_, relationship=r)[1]
        for r in ("manager", "peer", "peer", "peer")
    ]
    for n, token in enumerate(tokens):
        assert rate(token, round_, level=n % 3, comment=f"comment {n}").status_code == 302
    response = member_client.get(reverse("data_export"))
    content = response.content.decode()
    data = json.loads(content)["assessments"][0]["colleagues"]
    assert data["display_name"] == "Mina K."
    assert [i["item"] for i in data["items"]] == services.default_item_slugs(report)
    assert {i["own_level"] for i in data["items"]} == {2}
    assert [i["relationship"] for i in data["invitations"]] == ["manager", "peer", "peer", "peer"]
    assert set(data["invitations"][0]) == {"relationship", "created_at", "expires_at", "revoked_at"}
    assert data["view"]["answered"] == 4
    # peers apart would leave the manager alone in "all": pooled
    assert [g["relationship"] for g in data["view"]["groups"]] == ["all"]
    assert sorted(data["view"]["comments"]) == [f"comment {n}" for n in range(4)]
    for token in tokens:
        assert token not in content
    for hashed in Invitation.objects.values_list("token_hash", flat=True):
        assert hashed not in content
    assert '"level"' not in content.split('"colleagues"')[1].split('"share_links"')[0]


def test_an_assessment_without_a_round_has_none(member_client, report):
    data = json.loads(member_client.get(reverse("data_export")).content)
    assert data["assessments"][0]["colleagues"] is None


def _fill(round_):
    token = services.invitation_create(round_=round_, relationship="peer")[1]
    rate(token, round_, comment="kind words")
    assert ColleagueComment.objects.exists() and ItemRating.objects.exists()


def _nothing_left():
    for model in (Round, RoundItem, Invitation, ColleagueRating, ItemRating, ColleagueComment):
        assert not model.objects.exists(), model


def test_deleting_the_assessment_deletes_its_round(round_, report):
    _fill(round_)
    assessment_services.assessment_delete(assessment=report)
    _nothing_left()


def test_deleting_the_account_deletes_its_rounds(round_, report, member):
    _fill(round_)
    assessment_services.assessments_delete_of_owner(owner=member)
    _nothing_left()
