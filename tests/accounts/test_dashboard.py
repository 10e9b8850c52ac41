"""The dashboard: a member's assessments, and deleting one of them from it."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from accounts.models import Profile
from assessments import services
from assessments.models import Answer, Assessment
from content.models import Stage
from tests.factories import AnswerFactory, AssessmentFactory
from tests.questionnaire import answer_all, post_step, start_assessment
from tests.real_guide import StageSlug

DASHBOARD = reverse("dashboard")
# Session, user, the member's profile, their assessments with their answer counts, and
# their plans with the actions done.
DASHBOARD_QUERIES = 5


def test_the_dashboard_lists_drafts_and_completed_ones_with_their_target(
    guide, member, member_client, other_member
):
    draft = start_assessment(member_client, target=StageSlug.VP_ENGINEERING)
    post_step(member_client, draft, 1)
    completed = start_assessment(member_client, target=StageSlug.CTO)
    answer_all(member_client, completed)
    services.assessment_complete(assessment=completed)
    theirs = AssessmentFactory(
        owner=other_member,
        current_stage=Stage.objects.get(slug=StageSlug.CTO),
        target_stage=Stage.objects.get(slug=StageSlug.JUNIOR_DEVELOPER),
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


def test_the_dashboard_is_for_members_only(english_client, db):
    assertRedirects(english_client.get(DASHBOARD), f"{reverse('login')}?next={DASHBOARD}")


def _dashboard_queries(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(DASHBOARD)
    assert response.status_code == 200
    return len(queries), response


def test_the_dashboard_runs_the_same_queries_for_2_or_20_assessments(db, member, member_client):
    Profile.objects.create(user=member)  # a member made by signing up has theirs already
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
