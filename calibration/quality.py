"""How well a knowledge-check question works, from the answers people gave: pure Python.

- difficulty: the share of answers that chose the best answer;
- discrimination: that share among people who rated the item at or above the question's
  level, minus the share among those who rated it below (None while a group is empty);
- flags: "all-right" or "all-wrong" when nearly everyone (95 %) answers the same way,
  "high-raters-miss" when people who rate themselves high find the best answer less
  often than the others (negative discrimination).

Nothing is judged before MIN_RESPONSES answers: a handful says little. A question judged
with a flag is withdrawn from selection (calibration.retirement) until an admin restores it.
"""

from dataclasses import dataclass

MIN_RESPONSES = 30
NEARLY_ALL = 0.95

ALL_RIGHT, ALL_WRONG, HIGH_RATERS_MISS = "all-right", "all-wrong", "high-raters-miss"


@dataclass(frozen=True)
class Quality:
    responses: int
    difficulty: float | None
    discrimination: float | None
    flags: tuple


def _share(right, total):
    return right / total if total else None


def quality_from_counts(*, high_right, high_total, low_right, low_total, min_responses):
    """The Quality of a question from its answers counted by group: "high" are those
    who rated the item at or above the question's level, "low" the others."""
    responses = high_total + low_total
    if responses < min_responses:
        return Quality(responses, None, None, ())
    difficulty = _share(high_right + low_right, responses)
    high, low = _share(high_right, high_total), _share(low_right, low_total)
    discrimination = None if high is None or low is None else high - low
    flags = []
    if difficulty >= NEARLY_ALL:
        flags.append(ALL_RIGHT)
    if difficulty <= 1 - NEARLY_ALL:
        flags.append(ALL_WRONG)
    if discrimination is not None and discrimination < 0:
        flags.append(HIGH_RATERS_MISS)
    return Quality(responses, difficulty, discrimination, tuple(flags))


def quality_of(answers, *, min_responses=MIN_RESPONSES):
    """answers: [(rating, probed_level, correct)] of one question."""
    high = [correct for rating, level, correct in answers if rating >= level]
    low = [correct for rating, level, correct in answers if rating < level]
    return quality_from_counts(
        high_right=sum(1 for c in high if c),
        high_total=len(high),
        low_right=sum(1 for c in low if c),
        low_total=len(low),
        min_responses=min_responses,
    )
