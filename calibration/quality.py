"""How well a knowledge-check question works, from the answers people gave: pure Python.

- difficulty: the share of answers that chose the best answer;
- discrimination: that share among people who rated the item at or above the question's
  level, minus the share among those who rated it below (None while a group is empty);
- flags: "all-right" or "all-wrong" when nearly everyone (95 %) answers the same way,
  "high-raters-miss" when people who rate themselves high find the best answer less
  often than the others (negative discrimination).

Nothing is judged before MIN_RESPONSES answers: a handful says little.
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


def _share(answers):
    return sum(1 for correct in answers if correct) / len(answers) if answers else None


def quality_of(answers, *, min_responses=MIN_RESPONSES):
    """answers: [(rating, probed_level, correct)] of one question."""
    if len(answers) < min_responses:
        return Quality(len(answers), None, None, ())
    difficulty = _share([correct for _, _, correct in answers])
    high = _share([c for rating, level, c in answers if rating >= level])
    low = _share([c for rating, level, c in answers if rating < level])
    discrimination = None if high is None or low is None else high - low
    flags = []
    if difficulty >= NEARLY_ALL:
        flags.append(ALL_RIGHT)
    if difficulty <= 1 - NEARLY_ALL:
        flags.append(ALL_WRONG)
    if discrimination is not None and discrimination < 0:
        flags.append(HIGH_RATERS_MISS)
    return Quality(len(answers), difficulty, discrimination, tuple(flags))
