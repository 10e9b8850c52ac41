"""Coming back: the private resume link, a new one on request, and the session."""

import hashlib
import re
import secrets

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from assessments import services
from assessments.models import Assessment
from tests.questionnaire import (
    PASSWORD,
    answer_all,
    english_browser,
    post_step,
    resume_url_in,
    saved_answers,
    start_assessment,
    step_url,
)
from tests.real_guide import ItemSlug


def new_link_url(assessment):
    return reverse("assessments:new_resume_link", args=[assessment.pk])


def detail_url(assessment):
    return reverse("assessments:detail", args=[assessment.pk])


@pytest.fixture
def resume_url(visitor_draft):
    """The link shown to the visitor once, on the first step page after starting."""
    client, assessment = visitor_draft
    return resume_url_in(client.get(step_url(assessment, 1)))


def test_the_link_opens_the_draft_in_another_browser_where_it_left_off(
    visitor_draft, resume_url, guide_counts
):
    client, assessment = visitor_draft
    post_step(client, assessment, 1, levels=3, notes={ItemSlug.CLOUD_COMPUTING: "AWS"})
    elsewhere = english_browser()

    response = elsewhere.get(resume_url)

    assertRedirects(response, detail_url(assessment), target_status_code=302)
    page = elsewhere.get(detail_url(assessment), follow=True)
    assert page.redirect_chain[-1][0] == step_url(assessment, 2)
    assertContains(page, "Welcome back: your answers are as you left them.")
    assertContains(
        page, f"{guide_counts.step_sizes[0]} of {guide_counts.active_items} items answered"
    )
    assert post_step(elsewhere, assessment, 2, levels=1).status_code == 302
    assert len(saved_answers(assessment)) == guide_counts.answered_after_steps(2)
    assert saved_answers(assessment)[ItemSlug.CLOUD_COMPUTING] == (3, "AWS")


def test_the_token_in_the_link_is_the_one_stored_hashed(visitor_draft, resume_url):
    _, assessment = visitor_draft
    token = resume_url.rstrip("/").rsplit("/", 1)[1]
    assessment.refresh_from_db()
    assert len(token) >= 22
    assert assessment.resume_token_hash == hashlib.sha256(token.encode()).hexdigest()


# The random token has a fixed id: xdist workers must collect the same test names.
@pytest.mark.parametrize(
    "token",
    ["nope", pytest.param(secrets.token_urlsafe(32), id="random"), "a" * 500, "%00", "..%2F"],
)
def test_a_wrong_token_is_404(visitor_draft, token):
    assert english_browser().get(f"/assessments/resume/{token}/").status_code == 404


def test_a_token_hash_is_not_a_token(visitor_draft):
    _, assessment = visitor_draft
    url = reverse("assessments:resume", args=[assessment.resume_token_hash])
    assert english_browser().get(url).status_code == 404


def test_a_new_link_replaces_the_old_one(visitor_draft, resume_url):
    client, assessment = visitor_draft

    response = client.post(new_link_url(assessment), {"step": "3"})

    assertRedirects(response, step_url(assessment, 3), fetch_redirect_response=False)
    page = client.get(step_url(assessment, 3))
    new_url = resume_url_in(page)
    assertContains(page, "Here is your new resume link. The previous one no longer works.")
    assert new_url and new_url != resume_url
    assert english_browser().get(resume_url).status_code == 404
    assert english_browser().get(new_url).status_code == 302
    assert resume_url_in(client.get(step_url(assessment, 3))) is None


def test_a_new_link_goes_back_to_step_one_without_a_step(visitor_draft):
    client, assessment = visitor_draft
    for step in ({}, {"step": "abc"}, {"step": "-2"}):
        response = client.post(new_link_url(assessment), step)
        assertRedirects(response, step_url(assessment, 1), fetch_redirect_response=False)


def test_nobody_else_can_get_a_new_link(someone_elses_draft, outsider):
    assessment = someone_elses_draft
    before = Assessment.objects.get(pk=assessment.pk).resume_token_hash

    assert outsider.post(new_link_url(assessment)).status_code == 404
    assert Assessment.objects.get(pk=assessment.pk).resume_token_hash == before


def test_a_visitors_report_gets_a_new_link_and_the_old_one_stops_working(visitor_draft, resume_url):
    client, assessment = visitor_draft
    answer_all(client, assessment)
    services.assessment_complete(assessment=assessment)

    before = Assessment.objects.get(pk=assessment.pk).resume_token_hash
    response = client.post(new_link_url(assessment), {"page": "report"})

    assertRedirects(response, detail_url(assessment), fetch_redirect_response=False)
    assert Assessment.objects.get(pk=assessment.pk).resume_token_hash != before
    report = client.get(detail_url(assessment))
    new_url = resume_url_in(report)
    assert new_url and new_url != resume_url
    assert "Create an account to keep it" in report.content.decode()
    assert english_browser().get(resume_url).status_code == 404
    elsewhere = english_browser()
    elsewhere.get(new_url)
    report = elsewhere.get(detail_url(assessment))
    assert report.status_code == 200
    assert report.context["assessment"].pk == assessment.pk


def test_a_members_completed_assessment_gets_no_new_link(member_client, member):
    assessment = start_assessment(member_client)
    answer_all(member_client, assessment)
    services.assessment_complete(assessment=assessment)
    assertContains(member_client.post(new_link_url(assessment)), "completed", status_code=409)


def test_the_session_remembers_the_draft(visitor_draft):
    client, assessment = visitor_draft
    post_step(client, assessment, 1)
    assertRedirects(client.get(detail_url(assessment)), step_url(assessment, 2))
    assert client.session["assessment_ids"] == [str(assessment.pk)]


def test_the_link_of_a_draft_a_member_claimed_stops_working_for_everyone(
    visitor_draft, resume_url, member, member_client, other_member_client
):
    _, assessment = visitor_draft
    services.assessments_claim(assessment_ids=[assessment.pk], user=member)

    assert english_browser().get(resume_url).status_code == 404
    assert other_member_client.get(resume_url).status_code == 404
    assert member_client.get(resume_url).status_code == 404
    assert member_client.get(detail_url(assessment)).status_code == 302  # on to its step


def _sign_up(client, mailoutbox, email="finder@example.com"):
    client.post(reverse("signup"), {"email": email})
    confirm = re.search(r"/accounts/signup/confirm/[^/\s]+/", mailoutbox[-1].body).group(0)
    return client.post(
        confirm,
        {"new_password1": "a-long-test-password-42", "new_password2": "a-long-test-password-42"},
        follow=True,
    )


def test_signing_up_in_a_browser_that_opened_the_current_link_keeps_the_assessment(
    visitor_draft, resume_url, mailoutbox
):
    _, assessment = visitor_draft
    holder = english_browser()
    holder.get(resume_url)

    page = _sign_up(holder, mailoutbox)

    assessment.refresh_from_db()
    assert assessment.owner is not None and assessment.owner.email == "finder@example.com"
    assertContains(page, "The assessment you were taking is now saved to your account.")
    dashboard = holder.get(reverse("dashboard"))
    assertContains(dashboard, detail_url(assessment))


def test_signing_up_with_a_replaced_link_takes_nothing_and_says_why(
    visitor_draft, resume_url, mailoutbox
):
    client, assessment = visitor_draft
    holder = english_browser()
    holder.get(resume_url)
    client.post(new_link_url(assessment))  # the visitor replaces the link the holder used

    page = _sign_up(holder, mailoutbox)

    assessment.refresh_from_db()
    assert assessment.owner is None
    assertContains(page, "was not added to your account")
    assertContains(page, "Open the newest resume link in this browser")
    assert client.get(step_url(assessment, 1)).status_code == 200  # still the visitor's


def test_a_member_adds_a_report_held_by_its_current_link_to_their_account(
    guide, member, member_client
):
    visitor = english_browser()
    assessment = start_assessment(visitor)
    link = resume_url_in(visitor.get(step_url(assessment, 1)))
    answer_all(visitor, assessment)
    visitor.post(reverse("assessments:submit", args=[assessment.pk]))
    member_client.get(link)

    report = member_client.get(detail_url(assessment))
    assertContains(report, "Add it to my account")
    assertNotContains(report, "Create an account to keep it")  # they have one
    member_client.post(reverse("assessments:claim", args=[assessment.pk]))

    assessment.refresh_from_db()
    assert assessment.owner == member
    report = member_client.get(detail_url(assessment))
    assertNotContains(report, "Keep this report")  # never shown for their own assessment
    assertNotContains(report, "Add it to my account")


def test_a_replaced_link_no_longer_holds_the_assessment_nor_adds_it(
    visitor_draft, resume_url, member, member_client
):
    client, assessment = visitor_draft
    member_client.get(resume_url)
    client.post(new_link_url(assessment))

    claim = member_client.post(reverse("assessments:claim", args=[assessment.pk]))

    assert claim.status_code == 404
    assert member_client.get(detail_url(assessment)).status_code == 404
    assessment.refresh_from_db()
    assert assessment.owner is None


def test_claiming_needs_an_account_and_the_assessment_held(
    visitor_draft, resume_url, other_member_client
):
    client, assessment = visitor_draft
    claim_url = reverse("assessments:claim", args=[assessment.pk])
    assert client.post(claim_url).status_code == 302  # to the log-in page
    assert "/login/" in client.post(claim_url)["Location"]
    assert other_member_client.post(claim_url).status_code == 404  # never opened it
    assessment.refresh_from_db()
    assert assessment.owner is None


def test_a_fresh_link_lets_a_new_browser_take_it_into_an_account(visitor_draft, resume_url, member):
    client, assessment = visitor_draft
    other_browser = english_browser()
    other_browser.get(resume_url)
    other_browser.post(new_link_url(assessment))  # the first browser's link stops working

    other_browser.post(reverse("login"), {"username": "mina", "password": PASSWORD})

    assessment.refresh_from_db()
    assert assessment.owner == member
    assert client.get(step_url(assessment, 1)).status_code == 404


def test_the_link_does_not_let_another_member_claim_a_visitors_draft(
    visitor_draft, resume_url, other_member, other_member_client
):
    _, assessment = visitor_draft
    other_member_client.get(resume_url)
    assert other_member_client.get(step_url(assessment, 1)).status_code == 200
    assessment.refresh_from_db()
    assert assessment.owner is None


# --- a replaced link ends the sessions that held the assessment through it ---------------


def test_replacing_the_link_ends_every_other_session_that_held_it(visitor_draft, resume_url):
    client, assessment = visitor_draft
    finder = english_browser()
    assert finder.get(resume_url).status_code == 302
    assert finder.get(step_url(assessment, 1)).status_code == 200

    client.post(new_link_url(assessment))

    assert finder.get(step_url(assessment, 1)).status_code == 404
    assert finder.get(detail_url(assessment)).status_code == 404
    assert client.get(step_url(assessment, 1)).status_code == 200  # the one who made it


def test_a_finder_who_replaces_the_link_holds_it_only_until_the_next_replacement(
    visitor_draft, resume_url
):
    client, assessment = visitor_draft
    finder = english_browser()
    finder.get(resume_url)
    finder.post(new_link_url(assessment))
    assert client.get(step_url(assessment, 1)).status_code == 200  # never locked out

    client.post(new_link_url(assessment))

    assert finder.get(step_url(assessment, 1)).status_code == 404


def test_a_finder_of_a_replaced_link_cannot_claim_it_into_an_account(
    visitor_draft, resume_url, member, member_client
):
    client, assessment = visitor_draft
    finder = english_browser()
    finder.get(resume_url)
    client.post(new_link_url(assessment))

    finder.post(reverse("login"), {"username": "mina", "password": PASSWORD})
    assert finder.post(reverse("assessments:claim", args=[assessment.pk])).status_code == 404

    assessment.refresh_from_db()
    assert assessment.owner is None
    assert client.get(step_url(assessment, 1)).status_code == 200
