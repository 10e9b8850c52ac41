"""The benchmark's check finds a confirmed answer or completion the database lost."""

import pytest

from assessments.models import Answer
from bench import seed
from bench.integrity import journal_check
from content.models import Item

pytestmark = pytest.mark.django_db


@pytest.fixture
def completed(guide):
    return seed.completed_assessments(count=1)[0]


def journal_of(assessment):
    answers = dict(assessment.answers.values_list("item__slug", "level"))
    return {
        "saved_steps": [{"at": 0, "assessment": str(assessment.pk), "answers": answers}],
        "completed": [{"at": 0, "assessment": str(assessment.pk)}],
    }


def test_nothing_is_lost_when_the_database_holds_it_all(completed):
    check = journal_check(journal_of(completed))
    assert check["confirmed_answers"] == Item.objects.filter(active=True).count()
    assert (check["lost_answers"], check["broken_completions"]) == (0, 0)


def test_a_changed_answer_counts_as_lost(completed):
    journal = journal_of(completed)
    answer = Answer.objects.filter(assessment=completed).first()
    answer.level = (answer.level + 1) % 5
    answer.save()
    check = journal_check(journal)
    assert check["lost_answers"] == 1
    assert check["examples"] == [f"{completed.pk}:{answer.item.slug}"]


def test_a_missing_answer_is_lost_and_breaks_the_completion(completed):
    journal = journal_of(completed)
    Answer.objects.filter(assessment=completed).first().delete()
    check = journal_check(journal)
    assert (check["lost_answers"], check["broken_completions"]) == (1, 1)


def test_a_draft_confirmed_as_completed_is_broken(completed):
    draft = seed.visitor_draft()
    journal = journal_of(completed)
    journal["completed"].append({"at": 0, "assessment": str(draft.pk)})
    assert journal_check(journal)["broken_completions"] == 1
