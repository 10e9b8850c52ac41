"""Members: sign up and log in (keeping the draft), log out, passwords, dashboard, data."""

import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from assessments import services
from assessments.models import Answer, Assessment
from content.models import Stage
from tests.factories import AnswerFactory, AssessmentFactory
from tests.questionnaire import (
    PASSWORD,
    answer_all,
    english_client,
    post_step,
    start_assessment,
    step_url,
)

DASHBOARD = reverse("dashboard")
# Session, user, the member's assessments with their answer counts.
DASHBOARD_QUERIES = 3


def _signup(client, username="newbie", **extra):
    data = {
        "username": username,
        "email": f"{username}@example.com",
        "password1": "another-long-pass-77",
        "password2": "another-long-pass-77",
        **extra,
    }
    return client.post(reverse("signup"), data)


def test_signing_up_mid_assessment_keeps_the_draft(visitor_draft, guide_counts, django_user_model):
    client, assessment = visitor_draft
    post_step(client, assessment, 1)

    response = _signup(client)

    assertRedirects(response, DASHBOARD, fetch_redirect_response=False)
    user = django_user_model.objects.get(username="newbie")
    assessment.refresh_from_db()
    assert assessment.owner == user
    assert Answer.objects.filter(assessment=assessment).count() == guide_counts.step_sizes[0]
    page = client.get(DASHBOARD)
    assertContains(page, "The assessment you were taking is now saved to your account.")
    assertContains(page, reverse("assessments:detail", args=[assessment.pk]))
    assert client.get(step_url(assessment, 2)).status_code == 200


def test_a_signup_with_bad_data_is_400_and_claims_nothing(visitor_draft):
    client, assessment = visitor_draft
    response = _signup(client, password2="does-not-match-99")
    assert response.status_code == 400
    assessment.refresh_from_db()
    assert assessment.owner is None


def test_logging_in_mid_assessment_keeps_the_draft(visitor_draft, member):
    client, assessment = visitor_draft

    response = client.post(reverse("login"), {"username": "mina", "password": PASSWORD})

    assertRedirects(response, DASHBOARD, fetch_redirect_response=False)
    assessment.refresh_from_db()
    assert assessment.owner == member
    assertContains(client.get(DASHBOARD), "now saved to your account")


def test_a_wrong_password_logs_nobody_in_and_claims_nothing(visitor_draft, member):
    client, assessment = visitor_draft
    response = client.post(reverse("login"), {"username": "mina", "password": "wrong"})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assessment.refresh_from_db()
    assert assessment.owner is None


def test_logging_out_takes_a_post(member_client):
    assert member_client.get(reverse("logout")).status_code == 405
    assert member_client.get(DASHBOARD).status_code == 200

    response = member_client.post(reverse("logout"))

    assertRedirects(response, reverse("home"), fetch_redirect_response=False)
    assertRedirects(member_client.get(DASHBOARD), f"{reverse('login')}?next={DASHBOARD}")


def test_a_member_changes_their_password(member, member_client):
    response = member_client.post(
        reverse("password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": "brand-new-pass-31",
            "new_password2": "brand-new-pass-31",
        },
    )
    assertRedirects(response, reverse("password_change_done"))
    member.refresh_from_db()
    assert member.check_password("brand-new-pass-31")


def test_a_member_resets_a_forgotten_password_by_email(member, mailoutbox):
    client = english_client()
    response = client.post(reverse("password_reset"), {"email": "mina@example.com"})
    assertRedirects(response, reverse("password_reset_done"))

    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["mina@example.com"]
    link = re.search(r"http://testserver(/accounts/reset/\S+/)", mailoutbox[0].body).group(1)
    set_password = client.get(link)
    assert set_password.status_code == 302
    done = client.post(
        set_password["Location"],
        {"new_password1": "reset-pass-2024-x", "new_password2": "reset-pass-2024-x"},
    )
    assertRedirects(done, reverse("password_reset_complete"))
    member.refresh_from_db()
    assert member.check_password("reset-pass-2024-x")


def test_a_reset_for_an_unknown_address_sends_nothing(db, mailoutbox):
    response = english_client().post(reverse("password_reset"), {"email": "who@example.com"})
    assert response.status_code == 302
    assert mailoutbox == []


def test_the_dashboard_lists_drafts_and_completed_ones_with_their_target(
    guide, member, member_client, other_member
):
    draft = start_assessment(member_client, target="vp-engineering")
    post_step(member_client, draft, 1)
    completed = start_assessment(member_client, target="cto")
    answer_all(member_client, completed)
    services.assessment_complete(assessment=completed)
    theirs = AssessmentFactory(
        owner=other_member,
        current_stage=Stage.objects.get(slug="cto"),
        target_stage=Stage.objects.get(slug="junior-developer"),
    )

    page = member_client.get(DASHBOARD)

    assertContains(page, escape("VP of Engineering (VPoE)"))
    assertContains(page, "CTO (Chief Technology Officer)")
    assertContains(page, 'Draft</span> <span class="small">7 answered')
    assertContains(page, ">Completed</span>")
    assertContains(page, reverse("assessments:detail", args=[draft.pk]))
    assertContains(page, reverse("assessments:delete", args=[completed.pk]))
    assertNotContains(page, str(theirs.pk))
    assertNotContains(page, "Junior developer</td>")


def test_the_dashboard_is_for_members_only(client, db):
    assertRedirects(client.get(DASHBOARD), f"{reverse('login')}?next={DASHBOARD}")


def _dashboard_queries(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(DASHBOARD)
    assert response.status_code == 200
    return len(queries), response


def test_the_dashboard_runs_the_same_queries_for_2_or_20_assessments(db, member, member_client):
    for _ in range(2):
        AnswerFactory(assessment=AssessmentFactory(owner=member))
    with_2, _ = _dashboard_queries(member_client)
    for _ in range(18):
        AnswerFactory(assessment=AssessmentFactory(owner=member))
    with_20, page = _dashboard_queries(member_client)

    assertContains(page, "1 answered", count=20)
    assert with_2 == with_20 == DASHBOARD_QUERIES


def test_a_member_deletes_an_assessment_after_confirming(member_draft):
    client, assessment = member_draft
    post_step(client, assessment, 1)
    url = reverse("assessments:delete", args=[assessment.pk])

    assertContains(client.get(url), "Delete this assessment?")
    assert Assessment.objects.filter(pk=assessment.pk).exists()
    response = client.post(url)

    assertRedirects(response, DASHBOARD, fetch_redirect_response=False)
    assert not Assessment.objects.filter(pk=assessment.pk).exists()
    assert not Answer.objects.filter(assessment_id=assessment.pk).exists()
    assert client.get(reverse("assessments:detail", args=[assessment.pk])).status_code == 404


def test_a_visitor_deletes_their_draft(visitor_draft):
    client, assessment = visitor_draft
    response = client.post(reverse("assessments:delete", args=[assessment.pk]))
    assertRedirects(response, reverse("home"), fetch_redirect_response=False)
    assert not Assessment.objects.exists()


def test_nobody_else_can_delete_an_assessment(someone_elses_draft, outsider):
    url = reverse("assessments:delete", args=[someone_elses_draft.pk])
    assert outsider.get(url).status_code == 404
    assert outsider.post(url).status_code == 404
    assert Assessment.objects.filter(pk=someone_elses_draft.pk).exists()


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
        "updated_at": None,
    }
    text = response.content.decode()
    for other in (theirs, visitors):
        assert str(other.assessment.pk) not in text
        assert other.note not in text
    assert "olek" not in text


def test_the_data_download_is_for_members_only(client, db):
    response = client.get(reverse("data_export"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_a_wrong_password_deletes_nothing(member, member_client, django_user_model):
    AnswerFactory(assessment=AssessmentFactory(owner=member))
    response = member_client.post(reverse("account_delete"), {"password": "not-it"})
    assertContains(response, "That is not your password.", status_code=400)
    assert django_user_model.objects.filter(pk=member.pk).exists()
    assert (Assessment.objects.count(), Answer.objects.count()) == (1, 1)


def test_a_member_deletes_their_account_with_everything_in_it(
    member, member_client, other_member, django_user_model
):
    for _ in range(3):
        AnswerFactory(assessment=AssessmentFactory(owner=member))
    theirs = AnswerFactory(assessment=AssessmentFactory(owner=other_member))
    assertContains(member_client.get(reverse("account_delete")), "Delete my account")

    response = member_client.post(reverse("account_delete"), {"password": PASSWORD})

    assertRedirects(response, reverse("home"), fetch_redirect_response=False)
    assert not django_user_model.objects.filter(pk=member.pk).exists()
    assert list(Assessment.objects.all()) == [theirs.assessment]
    assert list(Answer.objects.all()) == [theirs]
    assert "_auth_user_id" not in member_client.session
    assert member_client.get(DASHBOARD).status_code == 302


# --- where signup goes next (each of these was a bug: a 500, an open redirect, a lost way
# back to the assessment) -------------------------------------------------------------------


@pytest.mark.parametrize("next_url", ["nonsense", "https://evil.example/phish", "//evil.example"])
def test_signup_ignores_a_next_that_is_not_a_page_of_this_site(db, next_url):
    client = english_client()
    client.raise_request_exception = False
    response = _signup(client, next=next_url)
    assertRedirects(response, DASHBOARD, fetch_redirect_response=False)


def test_signing_up_from_a_step_goes_back_to_it(visitor_draft):
    client, assessment = visitor_draft
    step = step_url(assessment, 2)
    link = f"{reverse('signup')}?next={step}"
    client.get(step)  # the one-time resume link shows in place of the signup link
    assertContains(client.get(step), f'href="{link}"')
    assertContains(client.get(link), f'name="next" value="{step}"')

    response = _signup(client, next=step)

    assertRedirects(response, step)
    assessment.refresh_from_db()
    assert assessment.owner.username == "newbie"


def test_signup_is_not_for_members(member_client):
    assertRedirects(member_client.get(reverse("signup")), DASHBOARD)
