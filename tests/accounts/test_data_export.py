"""The member's data download: everything of theirs, nothing of anyone else's."""

import json
import re

from django.urls import reverse

from accounts import services
from tests.factories import AnswerFactory, AssessmentFactory, CompletedAssessmentFactory


def test_a_member_downloads_all_their_data_and_nobody_elses(member, member_client, other_member):
    mine = AnswerFactory(assessment=AssessmentFactory(owner=member), level=3, note="my note")
    theirs = AnswerFactory(assessment=AssessmentFactory(owner=other_member), note="their secret")
    visitors = AnswerFactory(note="a visitor's secret")

    response = member_client.get("/accounts/my-data.json")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert re.fullmatch(r'attachment; filename="[\w.-]+\.json"', response["Content-Disposition"])
    data = json.loads(response.content)
    assert data["account"]["username"] == "mina"
    assert [a["id"] for a in data["assessments"]] == [str(mine.assessment.pk)]
    assert data["assessments"][0]["answers"][0] | {"updated_at": None} == {
        "item": mine.item.slug,
        "level": 3,
        "note": "my note",
        "evidence": "",
        "updated_at": None,
    }
    text = response.content.decode()
    for other in (theirs, visitors):
        assert str(other.assessment.pk) not in text
        assert other.note not in text
    assert "olek" not in text


def test_the_download_keeps_its_schema_and_adds_the_profile(member, member_client, other_member):
    services.profile_update(
        profile=services.profile_get_or_create(user=member),
        display_name="Mina T.",
        preferred_language="en",
    )
    services.profile_update(
        profile=services.profile_get_or_create(user=other_member),
        display_name="Olek the Other",
        preferred_language="ja",
    )

    response = member_client.get(reverse("data_export"))

    data = json.loads(response.content)
    assert data["schema"] == "cto-assess/member-data/v1"
    assert list(data) == [
        "schema",
        "account",
        "profile",
        "assessments",
        "log_ins",
        "interview_practice",
        "organisations",
        "api_tokens",
    ]
    assert list(data["account"]) == ["username", "email", "date_joined"]
    profile = data["profile"]
    assert (profile["display_name"], profile["preferred_language"]) == ("Mina T.", "en")
    assert profile["created_at"] <= profile["updated_at"]
    assert "Olek the Other" not in response.content.decode()


def test_a_member_made_without_a_profile_downloads_an_empty_one(member, member_client):
    data = json.loads(member_client.get(reverse("data_export")).content)
    assert data["profile"] | {"created_at": None, "updated_at": None} == {
        "display_name": "",
        "preferred_language": "",
        "created_at": None,
        "updated_at": None,
    }


def test_the_data_download_is_for_members_only(english_client, db):
    response = english_client.get(reverse("data_export"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_the_download_lists_share_links_without_their_tokens(guide, member, member_client):
    from assessments import services as assessment_services

    assessment = CompletedAssessmentFactory(owner=member)
    link, token = assessment_services.share_link_create(assessment=assessment, expires_at=None)
    assessment_services.share_link_revoke(link=link)

    response = member_client.get(reverse("data_export"))

    links = json.loads(response.content)["assessments"][0]["share_links"]
    assert len(links) == 1
    assert set(links[0]) == {"created_at", "expires_at", "revoked_at"}
    assert links[0]["revoked_at"] is not None and links[0]["expires_at"] is None
    assert token not in response.content.decode()
    assert link.token_hash not in response.content.decode()


def test_the_download_lists_the_members_log_ins_and_nobody_elses(member, other_member):
    from tests.questionnaire import PASSWORD, english_browser

    for who in ("mina", "olek"):
        english_browser(REMOTE_ADDR="198.51.100.7").post(
            reverse("login"), {"username": who, "password": PASSWORD}
        )
    client = english_browser()
    client.force_login(member)

    data = json.loads(client.get(reverse("data_export")).content)

    # Her log-in from that address (and the test client's own); not Olek's from the same one.
    from_there = [e for e in data["log_ins"] if e["ip_address"] == "198.51.100.7"]
    assert len(from_there) == 1
    assert set(from_there[0]) == {"logged_in_at", "logged_out_at", "ip_address", "user_agent"}
