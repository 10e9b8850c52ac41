"""The benchmark's seeded assessments are what completing one in the app leaves behind."""

import pytest
from django.test import Client

from assessments.models import Answer, Assessment
from assessments.reporting.freeze import assessment_snapshot
from bench import seed
from content.models import Item

pytestmark = pytest.mark.django_db


def test_it_seeds_completed_assessments_with_every_answer(guide):
    seeded = seed.completed_assessments(count=12, members=2, per_member=3)
    items = Item.objects.filter(active=True).count()
    assert Assessment.objects.filter(status=Assessment.Status.COMPLETED).count() == 12
    assert Answer.objects.count() == 12 * items
    assert Assessment.objects.filter(owner__isnull=False).count() == 6
    for assessment in Assessment.objects.filter(pk__in=[a.pk for a in seeded]):
        assert assessment.current_stage.order < assessment.target_stage.order


def test_each_frozen_report_is_the_one_completion_would_freeze(guide):
    for assessment in seed.completed_assessments(count=3):
        stored = Assessment.objects.get(pk=assessment.pk)
        assert stored.snapshot == assessment_snapshot(stored)


def test_the_same_seed_gives_the_same_answers(guide):
    first = seed.completed_assessments(count=2, seed=7)
    second = seed.completed_assessments(count=2, seed=7)
    assert [a.snapshot["items"] for a in first] == [a.snapshot["items"] for a in second]


def test_a_visitor_session_opens_its_report_and_no_other(guide):
    mine, theirs = seed.completed_assessments(count=2)
    client = Client(HTTP_COOKIE=f"sessionid={seed.visitor_session([mine])}")
    assert client.get(f"/assessments/{mine.pk}/").status_code == 200
    assert client.get(f"/assessments/{theirs.pk}/").status_code == 404


def test_a_visitor_draft_has_the_answers_of_the_steps_asked_for(guide):
    from assessments.selectors import questionnaire_steps

    first_step = questionnaire_steps()[0]
    draft = seed.visitor_draft(answered_steps_of=[first_step])
    assert draft.status == Assessment.Status.DRAFT
    assert set(draft.answers.values_list("item__category", flat=True)) == {first_step.pk}
