"""What a knowledge check says about self-ratings: pure Python, plain data in and out.

An item is checked by one or two answers (see calibration.adaptive for which questions).
Each answer is (probed_level, correct). Read together they bound the level the person
shows on the item: a right answer shows at least its level, a wrong one shows less than
its level. The verdict compares the rating with those bounds:

- "overrated" when the rating is above what a wrong answer allows (rated at or above
  the level of a question they missed);
- "underrated" when the rating is below a level they answered right;
- otherwise "consistent".

The supported level is the rating when consistent, the highest level the wrong answers
allow when possibly overrated, the highest level answered right when possibly
underrated. With one answer this is the first edition's rule exactly, so checks taken
under it read as they did.

How sure: one answer is a hint; two answers that fit one level (which the adaptive order
always gives) agree; two that contradict each other (right above a miss) only happen with
hand-made data and are called mixed, with the rating left standing.

Readiness on checked items: the readiness formula over the checked items only, each
counted at its supported level.
"""

from dataclasses import dataclass

from assessments.scoring import Expectation, readiness

LEVEL_TOP = 4
MIN_RATING_CHECKED = 2  # items rated 0 or 1 are not asked (see calibration.adaptive)
MAX_QUESTIONS = 20
MINUTES_PER_QUESTION = 0.7  # read a short situation and four choices

CONSISTENT, OVERRATED, UNDERRATED = "consistent", "overrated", "underrated"
VERDICTS = (CONSISTENT, OVERRATED, UNDERRATED)
HINT, AGREE, MIXED = "hint", "agree", "mixed"
CONFIDENCES = (HINT, AGREE, MIXED)


@dataclass(frozen=True)
class Rated:
    """An item as the person rated it, with the target's weight on it."""

    item: str
    rating: int
    importance: int
    position: tuple  # matrix order


@dataclass(frozen=True)
class Question:
    slug: str
    item: str
    level: int
    order: int


@dataclass(frozen=True)
class Reading:
    """What an item's answers say: the verdict, the level they support, how sure."""

    verdict: str
    supported_level: int
    confidence: str


def read_item(rating, answers):
    """The Reading of an item rated `rating` from its answers [(probed_level, correct)]."""
    if not answers:
        raise ValueError("an item is read from at least one answer")
    rights = [level for level, correct in answers if correct]
    wrongs = [level for level, correct in answers if not correct]
    floor = max(rights, default=None)  # shown at least this level
    cap = min(wrongs, default=None)  # shown less than this level
    cap = None if cap is None else max(0, cap - 1)
    if len(answers) == 1:
        confidence = HINT
    elif floor is not None and cap is not None and floor > cap:
        return Reading(CONSISTENT, rating, MIXED)
    else:
        confidence = AGREE
    if cap is not None and rating > cap:
        return Reading(OVERRATED, cap, confidence)
    if floor is not None and rating < floor:
        return Reading(UNDERRATED, floor, confidence)
    return Reading(CONSISTENT, rating, confidence)


def verdict(rating, probed_level, correct):
    """The verdict on one answer (the question page says it at once)."""
    return read_item(rating, [(probed_level, correct)]).verdict


def supported_level(rating, probed_level, correct):
    return read_item(rating, [(probed_level, correct)]).supported_level


def readiness_over(levels, expectations):
    """The readiness formula over some items only: levels [(item, level)], expectations
    {item: Expectation}; None when the target expects none of them."""
    nothing = Expectation(expected=0, importance=1)
    pairs = [(level, expectations.get(item, nothing)) for item, level in levels]
    if not any(e.expected > 0 for _, e in pairs):
        return None
    return readiness(pairs)


def readiness_checked(checked, expectations):
    """Readiness over checked items at their supported level; None if none is expected.

    checked: [(item, rating, answers)] with answers [(probed_level, correct)];
    expectations: {item: Expectation}.
    """
    return readiness_over(
        [(item, read_item(rating, answers).supported_level) for item, rating, answers in checked],
        expectations,
    )


@dataclass(frozen=True)
class CategorySummary:
    """A category's answers: how many, and how many of those at the rated level were right."""

    category: str
    answers: int
    at_rated_level: int
    right_at_rated_level: int

    @property
    def share_right_at_rated_level(self):
        if not self.at_rated_level:
            return None
        return round(self.right_at_rated_level / self.at_rated_level, 3)


def category_summaries(answered, category_order):
    """[CategorySummary] in category order from answered [(category, rating, probed_level,
    correct)]; category_order: [category] (categories with no answer are left out)."""
    counts = {}
    for category, rating, level, correct in answered:
        seen = counts.setdefault(category, [0, 0, 0])
        seen[0] += 1
        if level == rating:
            seen[1] += 1
            seen[2] += bool(correct)
    return [CategorySummary(c, *counts[c]) for c in category_order if c in counts]


def minutes_for(count):
    return max(1, round(count * MINUTES_PER_QUESTION))
