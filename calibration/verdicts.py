"""What a knowledge check says about self-ratings: pure Python, plain data in and out.

- Which questions: one per item rated 2 or higher that has a question, at most
  MAX_QUESTIONS; when there are more such items, the ones the target stage weighs most
  (then the higher ratings, then matrix order). For each item, the question whose
  probed level is nearest the rating, the higher one on a tie. The same answers always
  get the same questions.
- The verdict on an answered question: "overrated" when the person rated the item at or
  above the probed level and missed the best answer; "underrated" when they rated it
  below the probed level and found it; otherwise "consistent".
- Readiness on checked items: the readiness formula over the checked items only, each
  counted at the level the check supports: the rating when consistent, one below the
  probed level when possibly overrated, the probed level when possibly underrated.
"""

from dataclasses import dataclass

from assessments.scoring import Expectation, readiness

MAX_QUESTIONS = 15
MIN_RATING_CHECKED = 2
MINUTES_PER_QUESTION = 0.7  # read a short situation and four choices: ten minutes for 15

CONSISTENT, OVERRATED, UNDERRATED = "consistent", "overrated", "underrated"
VERDICTS = (CONSISTENT, OVERRATED, UNDERRATED)


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


def choose_questions(rated, questions, limit=MAX_QUESTIONS):
    """[(Rated, Question)] in matrix order: what the check asks (see the module's rules)."""
    by_item = {}
    for question in questions:
        by_item.setdefault(question.item, []).append(question)
    eligible = [r for r in rated if r.rating >= MIN_RATING_CHECKED and r.item in by_item]
    chosen = sorted(eligible, key=lambda r: (-r.importance, -r.rating, r.position))[:limit]
    pairs = []
    for r in sorted(chosen, key=lambda r: r.position):
        nearest = min(
            by_item[r.item], key=lambda q: (abs(q.level - r.rating), -q.level, q.order, q.slug)
        )
        pairs.append((r, nearest))
    return pairs


def verdict(rating, probed_level, correct):
    if rating >= probed_level and not correct:
        return OVERRATED
    if rating < probed_level and correct:
        return UNDERRATED
    return CONSISTENT


def supported_level(rating, probed_level, correct):
    """The level an answer supports for the item (see the module's rules)."""
    found = verdict(rating, probed_level, correct)
    if found == OVERRATED:
        return max(0, probed_level - 1)
    if found == UNDERRATED:
        return probed_level
    return rating


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

    checked: [(item, rating, probed_level, correct)]; expectations: {item: Expectation}.
    """
    return readiness_over(
        [
            (item, supported_level(rating, probed, correct))
            for item, rating, probed, correct in checked
        ],
        expectations,
    )


def minutes_for(count):
    return max(1, round(count * MINUTES_PER_QUESTION))
