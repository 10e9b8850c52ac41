"""The knowledge check's pages: the person only, one answer per question, each next
question put after the one before, choices in a stored shuffled order, clear 4xx."""

import json
import re

import pytest
from django.utils.html import escape

from calibration.models import CheckAnswer, CheckQuality, CheckSitting
from content.models import KnowledgeChoice
from tests.assessments.report_helpers import (
    create_share_link,
    shared_export_url,
    shared_url,
    visitor_client,
)
from tests.calibration.check_helpers import (
    BANK_ITEMS,
    answer_all,
    check_url,
    choice_for,
    first_edition_check,
    open_question,
    question_url,
    start,
)
from tests.factories import CompletedAssessmentFactory
from tests.questionnaire import english_browser

pytestmark = pytest.mark.usefixtures("guide")


def shown_choice_ids(page):
    return [int(pk) for pk in re.findall(r'name="choice" id="choice-(\d+)"', page)]


def test_the_introduction_says_how_many_questions_and_how_long(own, all_fours):
    response = own.get(check_url(all_fours))
    assert response.status_code == 200
    # One question per item at least, two at most: the bank has three items.
    assert (response.context["fewest"], response.context["offered"]) == (BANK_ITEMS, 2 * BANK_ITEMS)
    assert response.context["minutes"] == 4  # six questions at most
    page = response.content.decode()
    assert "Between 3 and 6 questions" in page
    assert "guessed right one time in 4" in page
    assert "Start the check" in page


def test_starting_puts_only_the_first_question_at_the_rated_level(own, all_fours):
    sitting = start(own, all_fours)
    (first,) = sitting.answers.all()
    assert (first.position, first.rating, first.probed_level) == (1, 4, 4)
    assert sitting.edition == 2 and sitting.finished_at is None
    assert own.get(question_url(all_fours, 2)).status_code == 404  # not put yet


def test_a_wrong_answer_puts_one_more_a_level_lower_on_the_same_item(own, all_fours):
    start(own, all_fours)
    first = open_question(all_fours)
    own.post(question_url(all_fours, 1), {"choice": choice_for(first, right=False).pk})
    second = open_question(all_fours)
    assert (second.position, second.item_id, second.probed_level) == (2, first.item_id, 3)
    # The feedback page leads to it and says why it comes.
    feedback = own.get(question_url(all_fours, 1))
    assert feedback.context["next_position"] == 2
    assert b"One more question on this item follows, at level 3" in feedback.content


def test_right_at_4_moves_on_and_every_item_is_asked_once_or_twice(own, all_fours):
    start(own, all_fours)
    put = answer_all(own, all_fours, right=True)
    assert [a.probed_level for a in put] == [4] * BANK_ITEMS
    assert len({a.item_id for a in put}) == BANK_ITEMS
    sitting = CheckSitting.objects.get(assessment=all_fours)
    assert sitting.finished_at is not None
    page = own.get(check_url(all_fours)).content.decode()
    assert "You have answered all 3 questions of your check." in page


def test_rated_2_and_right_is_asked_a_level_higher(own, member, bank):
    assessment = CompletedAssessmentFactory(owner=member, default=2)
    start(own, assessment)
    first = open_question(assessment)
    own.post(question_url(assessment, 1), {"choice": choice_for(first, right=True).pk})
    feedback = own.get(question_url(assessment, 1)).content.decode()
    assert "at level 3: it asks whether you know more than you rated" in feedback
    second = open_question(assessment)
    own.post(question_url(assessment, 2), {"choice": choice_for(second, right=True).pk})
    # After an item's second answer the next question is about another item.
    feedback = own.get(question_url(assessment, 2))
    assert feedback.context["next_position"] == 3
    assert b"One more question on this item follows" not in feedback.content
    put = [first, second, *answer_all(own, assessment, right=True)]
    assert [a.probed_level for a in put] == [2, 3] * BANK_ITEMS


def test_items_rated_0_or_1_are_not_asked(own, member, bank):
    assessment = CompletedAssessmentFactory(owner=member, default=1)
    response = own.get(check_url(assessment))
    assert response.context["offered"] == 0
    assert b"There is nothing to check" in response.content


def test_a_withdrawn_question_is_not_put(own, all_fours, bank):
    from content.models import KnowledgeCheck

    level_4 = KnowledgeCheck.objects.filter(item__in=bank, level=4, active=True)
    for question in level_4:
        CheckQuality.objects.create(
            knowledge_check=question,
            responses=30,
            difficulty=1.0,
            computed_at=all_fours.completed_at,
            flags="all-right",
            withdrawn_at=all_fours.completed_at,
            withdrawn_for="all-right",
        )
    start(own, all_fours)
    assert open_question(all_fours).probed_level == 3  # the nearest the item still has


def test_the_choices_show_in_a_stored_shuffled_order_that_stays_put_on_reload(own, all_fours):
    start(own, all_fours)
    answer = open_question(all_fours)
    first_view = own.get(question_url(all_fours, 1)).content.decode()
    shown = shown_choice_ids(first_view)
    assert shown == shown_choice_ids(own.get(question_url(all_fours, 1)).content.decode())
    orders = dict(KnowledgeChoice.objects.filter(pk__in=shown).values_list("pk", "order"))
    assert [orders[pk] for pk in shown] == answer.choice_order
    # After answering, the explanations keep that order.
    own.post(question_url(all_fours, 1), {"choice": shown[0]})
    after = own.get(question_url(all_fours, 1)).content.decode()
    explained = [after.index(escape(KnowledgeChoice.objects.get(pk=pk).text_en)) for pk in shown]
    assert explained == sorted(explained)


def test_the_choice_order_differs_between_two_assessments(own, member, bank):
    def orders_of(assessment):
        start(own, assessment)
        answer_all(own, assessment, right=False)
        return [
            tuple(a.choice_order)
            for a in CheckAnswer.objects.filter(sitting__assessment=assessment).order_by(
                "knowledge_check__slug"
            )
        ]

    one = CompletedAssessmentFactory(owner=member, default=4)
    other = CompletedAssessmentFactory(owner=member, default=4)
    first, second = orders_of(one), orders_of(other)
    assert len(first) == len(second) == 2 * BANK_ITEMS  # the same questions, wrong twice
    # Six questions in the same order in both by chance: one time in 24 ** 6.
    assert first != second
    assert all(sorted(order) == [1, 2, 3, 4] for order in first + second)


def test_stopping_and_going_on_later_resumes_at_the_open_question(own, all_fours):
    start(own, all_fours)
    first = open_question(all_fours)
    own.post(question_url(all_fours, 1), {"choice": choice_for(first, right=True).pk})
    page = own.get(check_url(all_fours))
    assert page.context["answered"] == 1
    assert b"Go on with the check" in page.content
    response = own.post(check_url(all_fours))
    assert response.url == question_url(all_fours, 2)


def test_a_first_edition_check_left_half_way_goes_on_as_it_was(own, all_fours):
    first_edition_check(all_fours, correct=True, answered=1)
    page = own.get(check_url(all_fours))
    assert (page.context["answered"], page.context["offered"]) == (1, BANK_ITEMS)
    assert b"one short workplace question for each item" in page.content
    for answer in CheckAnswer.objects.filter(sitting__assessment=all_fours, answered_at=None):
        response = own.post(
            question_url(all_fours, answer.position), {"choice": choice_for(answer, right=True).pk}
        )
        assert response.status_code == 302
    # No question is put after the ones it started with, and it reads finished.
    assert CheckAnswer.objects.filter(sitting__assessment=all_fours).count() == BANK_ITEMS
    page = own.get(check_url(all_fours))
    assert page.context["finished"] is True
    assert f"You have answered all {BANK_ITEMS} questions" in page.content.decode()


def test_a_choice_of_another_question_is_refused_and_nothing_saved(own, all_fours, bank):
    start(own, all_fours)
    first = open_question(all_fours)
    foreign = KnowledgeChoice.objects.exclude(check_question=first.knowledge_check_id).first()
    response = own.post(question_url(all_fours, 1), {"choice": foreign.pk})
    assert response.status_code == 400
    assert b"not one of this question" in response.content
    for bad in ("x", "-1", "99999999"):
        assert own.post(question_url(all_fours, 1), {"choice": bad}).status_code == 400
    first.refresh_from_db()
    assert not first.is_answered
    assert CheckAnswer.objects.filter(sitting__assessment=all_fours).count() == 1


def test_no_choice_is_a_form_error(own, all_fours):
    start(own, all_fours)
    response = own.post(question_url(all_fours, 1), {})
    assert response.status_code == 200
    assert response.context["error"] == "Choose one answer."


def test_answering_twice_keeps_the_first_answer_and_puts_one_follow_up(own, all_fours):
    start(own, all_fours)
    answer = open_question(all_fours)
    right, wrong = choice_for(answer, right=True), choice_for(answer, right=False)
    own.post(question_url(all_fours, 1), {"choice": wrong.pk})
    response = own.post(question_url(all_fours, 1), {"choice": right.pk})
    assert response.status_code == 409
    answer.refresh_from_db()
    assert answer.choice_id == wrong.pk and answer.correct is False
    assert CheckAnswer.objects.filter(sitting__assessment=all_fours).count() == 2


def test_starting_twice_keeps_one_sitting(own, all_fours):
    start(own, all_fours)
    own.post(check_url(all_fours))
    assert CheckSitting.objects.filter(assessment=all_fours).count() == 1
    assert CheckAnswer.objects.filter(sitting__assessment=all_fours).count() == 1


def test_a_draft_has_no_check(member_draft):
    client, assessment = member_draft
    assert client.get(check_url(assessment)).status_code == 404
    assert client.post(check_url(assessment)).status_code == 404


def test_outsiders_and_share_viewers_get_404_and_never_see_verdicts(own, all_fours, other_member):
    start(own, all_fours)
    answer_all(own, all_fours, right=False)
    outsider = english_browser()
    outsider.force_login(other_member)
    for client in (outsider, english_browser()):
        assert client.get(check_url(all_fours)).status_code == 404
        assert client.post(check_url(all_fours)).status_code == 404
        assert client.get(question_url(all_fours, 1)).status_code == 404
        assert client.post(question_url(all_fours, 1), {"choice": 1}).status_code == 404
    token = create_share_link(own, all_fours)
    shared = english_browser().get(shared_url(token)).content.decode()
    assert "Calibration" not in shared and "overrated" not in shared
    data = json.loads(english_browser().get(shared_export_url(token, "json")).content)
    assert data["calibration"] is None


def test_a_visitor_takes_the_check_in_their_session(bank):
    assessment = CompletedAssessmentFactory(default=3)
    client = visitor_client(assessment)
    assert client.post(check_url(assessment)).status_code == 302
    assert client.get(question_url(assessment, 1)).status_code == 200


def test_the_pages_work_in_japanese(all_fours, member):
    client = english_browser()
    client.force_login(member)
    client.cookies["django_language"] = "ja"
    start(client, all_fours)
    response = client.get(question_url(all_fours, 1), HTTP_ACCEPT_LANGUAGE="ja")
    answer = CheckAnswer.objects.get(sitting__assessment=all_fours, position=1)
    assert answer.knowledge_check.situation_ja in response.content.decode()
    intro = client.get(check_url(all_fours), HTTP_ACCEPT_LANGUAGE="ja").content.decode()
    assert "当てずっぽうでも4回に1回は正解します" in intro


def test_query_counts_stay_flat(own, all_fours, django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        own.get(check_url(all_fours))
    start(own, all_fours)
    with django_assert_max_num_queries(11):
        own.get(question_url(all_fours, 1))
    answer_all(own, all_fours, right=False)
    last = CheckAnswer.objects.filter(sitting__assessment=all_fours).count()
    with django_assert_max_num_queries(11):
        own.get(question_url(all_fours, last))
    with django_assert_max_num_queries(12):
        own.get(check_url(all_fours))
