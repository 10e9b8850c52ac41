"""What the report, its files and its JSON say after a knowledge check: each item read
from its one or two answers, how sure each verdict is, a summary per category; a check
taken under the first edition drawn as it was."""

import csv
import io
import json

import pytest

from tests.assessments.report_helpers import detail_url, export_url, pdf_text
from tests.assessments.report_schema import VALIDATOR
from tests.calibration.check_helpers import (
    BANK_ITEMS,
    answer_all,
    choice_for,
    first_edition_check,
    open_question,
    question_url,
    start,
)
from tests.factories import CompletedAssessmentFactory

pytestmark = pytest.mark.usefixtures("guide")


def report_json(client, assessment):
    data = json.loads(client.get(export_url(assessment, "json")).content)
    assert not list(VALIDATOR.iter_errors(data))  # the contract holds with a check in it
    return data


def test_two_wrong_answers_on_an_item_read_possibly_overrated_two_answers_agree(own, all_fours):
    start(own, all_fours)
    answer_all(own, all_fours, right=False)

    page = own.get(detail_url(all_fours)).content.decode()
    assert page.count('class="verdict-overrated confidence-agree"') == BANK_ITEMS
    assert "two answers agree" in page and "one answer: a hint" not in page
    assert "guessed right one time in 4" in page
    assert "By category" in page

    data = report_json(own, all_fours)["calibration"]
    assert (data["checked"], data["answered"], data["offered"]) == (3, 6, 6)
    assert data["edition"] == 2 and data["finished"] is True
    for item in data["items"]:
        assert item["answers"] == [
            {"probed_level": 4, "correct": False},
            {"probed_level": 3, "correct": False},
        ]
        assert (item["verdict"], item["confidence"], item["supported_level"]) == (
            "overrated",
            "agree",
            2,
        )
        assert (item["probed_level"], item["correct"]) == (4, False)  # the first answer
    assert sum(c["answers"] for c in data["categories"]) == 6
    assert sum(c["at_rated_level"] for c in data["categories"]) == 3  # the level-4 ones
    assert {c["share_right_at_rated_level"] for c in data["categories"]} == {0.0}
    assert data["readiness_checked"] < data["readiness_checked_self_rated"]

    rows = list(csv.reader(io.StringIO(own.get(export_url(all_fours, "csv")).content.decode())))
    assert rows[0][-1] == "calibration"
    assert sum(1 for row in rows[1:] if row and row[-1] == "possibly overrated") == BANK_ITEMS

    text = " ".join(pdf_text(own.get(export_url(all_fours, "pdf")).content).split())
    assert "possibly overrated" in text and "two answers agree" in text
    assert "guessed right one time in 4" in text


def test_a_miss_then_a_right_answer_a_level_lower_supports_that_level(own, member, bank):
    assessment = CompletedAssessmentFactory(owner=member, default=3)
    start(own, assessment)
    answer_all(own, assessment, right=lambda answer: answer.probed_level < 3)
    items = report_json(own, assessment)["calibration"]["items"]
    assert {(i["verdict"], i["confidence"], i["supported_level"]) for i in items} == {
        ("overrated", "agree", 2)
    }


def test_right_at_the_rating_and_a_level_above_reads_possibly_underrated(own, member, bank):
    assessment = CompletedAssessmentFactory(owner=member, default=3)
    start(own, assessment)
    answer_all(own, assessment, right=True)
    data = report_json(own, assessment)["calibration"]
    assert {(i["verdict"], i["confidence"], i["supported_level"]) for i in data["items"]} == {
        ("underrated", "agree", 4)
    }
    assert {c["share_right_at_rated_level"] for c in data["categories"]} == {1.0}


def test_one_answer_on_an_item_is_a_hint_and_the_check_goes_on(own, all_fours):
    start(own, all_fours)
    first = open_question(all_fours)
    own.post(question_url(all_fours, 1), {"choice": choice_for(first, right=True).pk})
    page = own.get(detail_url(all_fours)).content.decode()
    assert 'class="verdict-consistent confidence-hint"' in page
    assert "one answer: a hint" in page
    assert "Go on with the knowledge check" in page
    data = report_json(own, all_fours)["calibration"]
    assert data["finished"] is False
    assert [(i["confidence"], i["answers"]) for i in data["items"]] == [
        ("hint", [{"probed_level": 4, "correct": True}])
    ]


def test_a_check_taken_under_the_first_edition_is_drawn_as_it_was(own, all_fours):
    first_edition_check(all_fours, correct=False)
    page = own.get(detail_url(all_fours)).content.decode()
    assert page.count('<tr class="verdict-overrated">') == BANK_ITEMS
    assert "3 of 3 questions answered" in page
    assert "One question per item is a hint, not a verdict" in page
    assert "Question's level" in page
    for added in ("two answers agree", "one answer: a hint", "By category", "guessed right"):
        assert added not in page
    data = report_json(own, all_fours)["calibration"]
    assert data["edition"] == 1 and data["finished"] is True
    assert {(i["verdict"], i["supported_level"], i["confidence"]) for i in data["items"]} == {
        ("overrated", 2, "hint")
    }
