"""The start page: choose the current and target stages, no account needed."""

import re
from datetime import UTC

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from assessments.models import Assessment
from tests.factories import CompletedAssessmentFactory
from tests.questionnaire import resume_url_in, start_assessment, step_url
from tests.real_guide import StageSlug

pytestmark = pytest.mark.usefixtures("guide")
URL = reverse("assessments:start")


def _selected(response, field):
    """The value of the option selected in a <select name=field>."""
    select = re.search(rf'<select name="{field}".*?</select>', response.content.decode(), re.S)
    return re.findall(r'<option value="([^"]*)"[^>]*\bselected\b', select.group(0))


def test_it_offers_every_stage_with_cto_as_the_default_target(english_client):
    response = english_client.get(URL)

    assert response.status_code == 200
    assert _selected(response, "target_stage") == [StageSlug.CTO]
    assert _selected(response, "current_stage") == [""]  # "Choose your current stage"
    for slug in (
        StageSlug.JUNIOR_DEVELOPER,
        StageSlug.TECH_LEAD,
        StageSlug.VP_ENGINEERING,
        StageSlug.CTO,
    ):
        assertContains(response, f'<option value="{slug}"', count=2)
    assertContains(response, "Already a member?")


def test_it_does_not_invite_a_member_to_log_in(member_client):
    assertNotContains(member_client.get(URL), "Already a member?")


def test_it_starts_a_visitor_draft_and_remembers_it_in_the_session(english_client):
    response = english_client.post(
        URL, {"current_stage": StageSlug.SENIOR_DEVELOPER, "target_stage": StageSlug.CTO}
    )

    assessment = Assessment.objects.get()
    assertRedirects(response, step_url(assessment, 1))
    assert assessment.owner is None
    assert assessment.status == Assessment.Status.DRAFT
    assert assessment.current_stage.slug == StageSlug.SENIOR_DEVELOPER
    assert assessment.target_stage.slug == StageSlug.CTO
    assert english_client.get(step_url(assessment, 1)).status_code == 200


def test_it_shows_a_visitor_the_resume_link_once(english_client):
    assessment = start_assessment(english_client)

    first = english_client.get(step_url(assessment, 1))
    second = english_client.get(step_url(assessment, 1))

    assert resume_url_in(first).startswith("http://testserver/assessments/resume/")
    assertContains(first, "Your private resume link")
    assert resume_url_in(second) is None
    assertContains(second, "Copy my resume link")


def test_it_starts_a_members_draft_in_their_account_without_a_resume_link(member, member_client):
    assessment = start_assessment(
        member_client, current=StageSlug.CTO, target=StageSlug.VP_ENGINEERING
    )

    assert assessment.owner == member
    assert assessment.target_stage.slug == StageSlug.VP_ENGINEERING
    page = member_client.get(step_url(assessment, 1))
    assert resume_url_in(page) is None
    assertNotContains(page, "Copy my resume link")


@pytest.mark.parametrize(
    "data",
    [
        {"current_stage": "chief-wizard", "target_stage": StageSlug.CTO},
        {"current_stage": StageSlug.TECH_LEAD, "target_stage": "chief-wizard"},
        {"current_stage": "", "target_stage": StageSlug.CTO},
        {"target_stage": StageSlug.CTO},
        {"current_stage": StageSlug.TECH_LEAD, "target_stage": "1"},
    ],
    ids=["unknown-current", "unknown-target", "blank-current", "no-current", "pk-not-slug"],
)
def test_it_refuses_a_stage_that_does_not_exist(english_client, data):
    response = english_client.post(URL, data)

    assert response.status_code == 400
    assertContains(response, "Start an assessment", status_code=400)
    assertContains(response, "invalid-feedback", status_code=400)
    assert not Assessment.objects.exists()


def test_it_does_not_accept_other_methods(english_client):
    assert english_client.put(URL).status_code == 405
    assert not Assessment.objects.exists()


def test_it_offers_the_kinds_of_company_with_the_general_profile_by_default(english_client):
    response = english_client.get(URL)
    assert _selected(response, "company_kind") == [""]
    for slug in ("startups", "it-vendors-sier", "manufacturing-infrastructure"):
        assertContains(response, f'<option value="{slug}"', count=1)


def test_it_keeps_the_kind_of_company_chosen(english_client):
    response = english_client.post(
        URL,
        {
            "current_stage": StageSlug.TECH_LEAD,
            "target_stage": StageSlug.CTO,
            "company_kind": "startups",
        },
    )
    assessment = Assessment.objects.get()
    assertRedirects(response, step_url(assessment, 1))
    assert assessment.company_kind.slug == "startups"


def test_no_kind_of_company_means_the_general_profile(english_client):
    english_client.post(
        URL,
        {"current_stage": StageSlug.TECH_LEAD, "target_stage": StageSlug.CTO, "company_kind": ""},
    )
    assert Assessment.objects.get().company_kind is None


@pytest.mark.parametrize("kind", ["space-agency", "1", "startups'--"])
def test_it_refuses_a_kind_of_company_that_does_not_exist(english_client, kind):
    response = english_client.post(
        URL,
        {"current_stage": StageSlug.TECH_LEAD, "target_stage": StageSlug.CTO, "company_kind": kind},
    )
    assert response.status_code == 400
    assertContains(response, "invalid-feedback", status_code=400)
    assert not Assessment.objects.exists()


def test_a_retake_carries_over_the_stages_and_kind_of_company_and_says_no_resume_link(
    member, member_client
):

    CompletedAssessmentFactory(
        owner=member,
        current=StageSlug.ENGINEERING_MANAGER,
        target=StageSlug.VP_ENGINEERING,
        company_kind="startups",
    )

    response = member_client.get(URL)

    assert _selected(response, "current_stage") == [StageSlug.ENGINEERING_MANAGER]
    assert _selected(response, "target_stage") == [StageSlug.VP_ENGINEERING]
    assert _selected(response, "company_kind") == ["startups"]
    assertNotContains(response, "No account is needed")  # they are in their account
    assertContains(response, "saved to your account")


def test_the_retake_offer_dates_the_last_assessment_in_the_configured_time_zone(
    member, member_client, settings
):
    from datetime import datetime

    assessment = CompletedAssessmentFactory(owner=member)
    # 23:30 UTC on 6 December is 08:30 on 7 December in Tokyo.
    completed = datetime(2026, 12, 6, 23, 30, tzinfo=UTC)
    Assessment.objects.filter(pk=assessment.pk).update(completed_at=completed)
    settings.TIME_ZONE = "Asia/Tokyo"

    response = member_client.get(URL)

    offer = re.search(r"completed on ([^)]*)\)", response.content.decode()).group(1)
    assert "7" in offer and "6" not in offer.replace("2026", ""), offer
