"""What a knowledge check said, as the report shows it: read from a sitting's answers.

Each checked item is read from its one or two answers (calibration.verdicts); a
first-edition sitting (one answer per item) reads as it did. The categories' summaries
say how many questions were answered in each and how many of those asked at the rated
level were right.
"""

from dataclasses import dataclass, field

from assessments.scoring import Expectation
from calibration.models import FIRST_EDITION, CheckAnswer, CheckSitting
from calibration.verdicts import (
    AGREE,
    OVERRATED,
    UNDERRATED,
    category_summaries,
    read_item,
    readiness_checked,
    readiness_over,
)
from content.knowledge_checks import CHOICES_PER_CHECK


@dataclass
class CheckedAnswer:
    """One answered question of an item, with what the report shows of it."""

    probed_level: int
    correct: bool
    situation: str
    chosen: str
    best: str
    explanation: str  # why the best answer is best


@dataclass
class CheckedItem:
    item: str
    name: str
    category: str
    rating: int
    answers: list[CheckedAnswer]
    verdict: str
    supported_level: int
    confidence: str  # "hint" (one answer), "agree" (two that fit one level), "mixed"

    # The first answer's figures: what a first-edition check had, one per item.
    @property
    def probed_level(self):
        return self.answers[0].probed_level

    @property
    def correct(self):
        return self.answers[0].correct

    @property
    def situation(self):
        return self.answers[0].situation

    @property
    def best(self):
        return self.answers[0].best

    @property
    def explanation(self):
        return self.answers[0].explanation

    @property
    def chosen(self):
        return self.answers[0].chosen


@dataclass
class CategoryCheck:
    """A category's answers: how many, and the share right at the rated level."""

    category: str
    name: str
    answers: int
    at_rated_level: int
    right_at_rated_level: int
    share_right_at_rated_level: float | None

    @property
    def percent_right_at_rated_level(self):
        share = self.share_right_at_rated_level
        return None if share is None else round(100 * share)


@dataclass
class Calibration:
    started_at: object
    last_answered_at: object
    offered: int  # questions put so far
    edition: int = FIRST_EDITION
    finished_at: object = None
    answered: int = 0  # questions answered (one or two per checked item)
    items: list[CheckedItem] = field(default_factory=list)
    categories: list[CategoryCheck] = field(default_factory=list)
    readiness_checked: float | None = None
    # The same items at their self-ratings: what the checked figure is to be read against.
    readiness_checked_self_rated: float | None = None
    choices: int = CHOICES_PER_CHECK  # a blind guess is right one time in this many

    @property
    def checked(self):
        return len(self.items)

    @property
    def is_first_edition(self):
        return self.edition == FIRST_EDITION

    @property
    def is_finished(self):
        if self.is_first_edition:
            return self.checked == self.offered
        return self.finished_at is not None

    def count(self, found):
        return sum(1 for i in self.items if i.verdict == found)

    @property
    def overrated(self):
        return self.count(OVERRATED)

    @property
    def underrated(self):
        return self.count(UNDERRATED)

    @property
    def consistent(self):
        return self.checked - self.overrated - self.underrated

    @property
    def agreeing(self):
        return sum(1 for i in self.items if i.confidence == AGREE)

    def data(self):
        """The JSON export's `calibration`: the first edition's fields with their meaning
        (`probed_level` and `correct` are an item's first answer), and the second's
        additions: each item's `answers`, `confidence` and `supported_level`, the
        categories' summaries, the edition and whether the check has finished."""
        return {
            "checked": self.checked,
            "offered": self.offered,
            "taken_at": self.last_answered_at.isoformat() if self.last_answered_at else None,
            "items": [
                {
                    "item": i.item,
                    "rating": i.rating,
                    "probed_level": i.probed_level,
                    "correct": i.correct,
                    "verdict": i.verdict,
                    "answers": [
                        {"probed_level": a.probed_level, "correct": a.correct} for a in i.answers
                    ],
                    "confidence": i.confidence,
                    "supported_level": i.supported_level,
                }
                for i in self.items
            ],
            "readiness_checked": self.readiness_checked,
            "readiness_checked_self_rated": self.readiness_checked_self_rated,
            "edition": self.edition,
            "answered": self.answered,
            "finished": self.is_finished,
            "guess_rate": round(1 / self.choices, 3),
            "categories": [
                {
                    "category": c.category,
                    "answers": c.answers,
                    "at_rated_level": c.at_rated_level,
                    "right_at_rated_level": c.right_at_rated_level,
                    "share_right_at_rated_level": c.share_right_at_rated_level,
                }
                for c in self.categories
            ],
        }


def calibration_of(assessment_id, report):
    """The Calibration of a report (a Report being built), or None before any check."""
    sitting = CheckSitting.objects.filter(assessment_id=assessment_id).first()
    if sitting is None:
        return None
    answers = list(
        CheckAnswer.objects.filter(sitting=sitting)
        .select_related("item", "knowledge_check", "choice")
        .prefetch_related("knowledge_check__choices")
        .order_by("position")
    )
    answered = [a for a in answers if a.is_answered]
    found = Calibration(
        started_at=sitting.started_at,
        last_answered_at=max((a.answered_at for a in answered), default=None),
        offered=len(answers),
        edition=sitting.edition,
        finished_at=sitting.finished_at,
        answered=len(answered),
    )
    by_item = {}
    for answer in answered:
        by_item.setdefault(answer.item, []).append(answer)
    rows = {row.slug: (place, row) for place, row in enumerate(report.items)}
    # Matrix order, as the rest of the report (a first-edition check asked in that order).
    for item, given in sorted(by_item.items(), key=lambda pair: _place(rows, pair[0].slug)):
        found.items.append(_checked_item(item, given, rows.get(item.slug, (None, None))[1]))
    found.categories = _categories(found.items, answered, report)
    expectations = {
        row.slug: Expectation(expected=row.expected, importance=row.importance)
        for row in report.items
    }
    value = readiness_checked(
        [(i.item, i.rating, [(a.probed_level, a.correct) for a in i.answers]) for i in found.items],
        expectations,
    )
    found.readiness_checked = None if value is None else round(value, 1)
    as_rated = readiness_over([(i.item, i.rating) for i in found.items], expectations)
    found.readiness_checked_self_rated = None if as_rated is None else round(as_rated, 1)
    return found


def _place(rows, slug):
    return rows[slug][0] if slug in rows else len(rows)


def _checked_item(item, given, row):
    rating = given[0].rating
    shown = []
    for answer in given:
        best = next(c for c in answer.knowledge_check.choices.all() if c.correct)
        shown.append(
            CheckedAnswer(
                probed_level=answer.probed_level,
                correct=answer.correct,
                situation=answer.knowledge_check.situation,
                chosen=answer.choice.text,
                best=best.text,
                explanation=best.explanation,
            )
        )
    reading = read_item(rating, [(a.probed_level, a.correct) for a in shown])
    return CheckedItem(
        item=item.slug,
        name=row.name if row else item.name,
        category=row.category if row else "",
        rating=rating,
        answers=shown,
        verdict=reading.verdict,
        supported_level=reading.supported_level,
        confidence=reading.confidence,
    )


def _categories(items, answered, report):
    category_of = {i.item: i.category for i in items}
    summaries = category_summaries(
        [(category_of[a.item.slug], a.rating, a.probed_level, a.correct) for a in answered],
        [c.slug for c in report.categories],
    )
    names = {c.slug: c.name for c in report.categories}
    return [
        CategoryCheck(
            category=s.category,
            name=names[s.category],
            answers=s.answers,
            at_rated_level=s.at_rated_level,
            right_at_rated_level=s.right_at_rated_level,
            share_right_at_rated_level=s.share_right_at_rated_level,
        )
        for s in summaries
    ]
