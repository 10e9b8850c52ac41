"""Admins edit knowledge checks and read, never write, how each question performs."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from calibration.models import CheckAnswer, CheckQuality, CheckSitting
from content.models import KnowledgeCheck, KnowledgeChoice
from tests.factories import CompletedAssessmentFactory

pytestmark = pytest.mark.usefixtures("guide")


def _answers_for(check, count, *, high_right):
    """`count` sittings that answered `check`: high raters right or wrong as asked."""
    right = KnowledgeChoice.objects.get(check_question=check, correct=True)
    wrong = KnowledgeChoice.objects.filter(check_question=check, correct=False).first()
    for n in range(count):
        assessment = CompletedAssessmentFactory(default=1)
        sitting = CheckSitting.objects.create(assessment=assessment)
        high = n % 2 == 0
        correct = high == high_right
        CheckAnswer.objects.create(
            sitting=sitting,
            position=1,
            knowledge_check=check,
            item=check.item,
            rating=4 if high else 1,
            probed_level=check.level,
            choice=right if correct else wrong,
            correct=correct,
            answered_at=sitting.started_at,
        )


def test_the_command_judges_questions_with_enough_answers_and_flags_the_odd_ones():
    good, odd = KnowledgeCheck.objects.order_by("slug")[:2]
    _answers_for(good, 6, high_right=True)
    _answers_for(odd, 6, high_right=False)
    call_command("check_question_quality", "--min-responses", "6", verbosity=0)
    judged = CheckQuality.objects.get(knowledge_check=good)
    assert (judged.responses, judged.difficulty, judged.discrimination) == (6, 0.5, 1.0)
    assert judged.flags == ""
    flagged = CheckQuality.objects.get(knowledge_check=odd)
    assert "high-raters-miss" in flagged.flags
    untouched = CheckQuality.objects.exclude(knowledge_check__in=[good, odd]).first()
    assert untouched.responses == 0 and untouched.difficulty is None


def test_admin_shows_the_figures_read_only_and_edits_a_question(admin_client):
    check = KnowledgeCheck.objects.order_by("slug").first()
    _answers_for(check, 4, high_right=True)
    call_command("check_question_quality", "--min-responses", "4", verbosity=0)
    listing = admin_client.get(reverse("admin:calibration_checkquality_changelist"))
    assert listing.status_code == 200
    assert check.slug in listing.content.decode()
    assert admin_client.get(reverse("admin:calibration_checkquality_add")).status_code == 403
    flagged = admin_client.get(
        reverse("admin:calibration_checkquality_changelist") + "?flag=all-right"
    )
    assert flagged.status_code == 200
    page = admin_client.get(reverse("admin:content_knowledgecheck_change", args=[check.pk]))
    assert page.status_code == 200
    assert "正答率" in page.content.decode()  # "answered right", in the default language


def test_admin_refuses_a_question_without_exactly_one_best_answer(admin_client):
    check = KnowledgeCheck.objects.order_by("slug").first()
    url = reverse("admin:content_knowledgecheck_change", args=[check.pk])
    form = admin_client.get(url).context["adminform"].form
    data = {key: value for key, value in form.initial.items() if value is not None}
    data.update(
        {
            "item": check.item_id,
            "situation_ja": check.situation_ja,
            "situation_en": check.situation_en,
        }
    )
    choices = list(KnowledgeChoice.objects.filter(check_question=check).order_by("order"))
    prefix = "choices"
    data.update(
        {
            f"{prefix}-TOTAL_FORMS": "4",
            f"{prefix}-INITIAL_FORMS": "4",
            f"{prefix}-MIN_NUM_FORMS": "4",
            f"{prefix}-MAX_NUM_FORMS": "4",
        }
    )
    for n, choice in enumerate(choices):
        data.update(
            {
                f"{prefix}-{n}-id": choice.pk,
                f"{prefix}-{n}-check_question": check.pk,
                f"{prefix}-{n}-order": choice.order,
                f"{prefix}-{n}-text_ja": choice.text_ja,
                f"{prefix}-{n}-text_en": choice.text_en,
                f"{prefix}-{n}-explanation_ja": choice.explanation_ja,
                f"{prefix}-{n}-explanation_en": choice.explanation_en,
                # no best answer at all
            }
        )
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "最善の答えとして、選択肢をちょうど1つ選んでください。" in response.content.decode()
    assert KnowledgeChoice.objects.filter(check_question=check, correct=True).count() == 1
