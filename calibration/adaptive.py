"""Which question the knowledge check asks next, and in which order its choices show:
pure Python, plain data in and out.

- Items asked: those rated 2 or higher that have a question, the ones the target stage
  weighs most first (then the higher ratings, then matrix order). Items rated 0 or 1 are
  not asked: a rating that low claims nothing a question could show to be too high, and
  the few questions are better spent on the claims the target relies on.
- An item's first question probes the level the person rated; when the item has no
  question at that level, the nearest level it has (the higher on a tie).
- Answered wrongly: one more question one level lower (the nearest lower level the item
  has; none if it has none). Answered rightly at a rating below 4: one more question one
  level higher (likewise). So an item gets one or two answers, and the follow-up comes
  straight after the first.
- At most MAX_QUESTIONS in all: when they run out, the items weighed least go unasked.
- Among several questions at one level, the first in the guide's order.
- Choices are shown in an order shuffled per assessment and question: the same on every
  reload, different between assessments, so the key's position tells nothing.
"""

import random
from dataclasses import dataclass

from calibration.verdicts import LEVEL_TOP, MAX_QUESTIONS, MIN_RATING_CHECKED


@dataclass(frozen=True)
class Asked:
    """A question already put in a sitting; correct is None while it is open."""

    item: str
    slug: str
    level: int
    correct: bool | None


def items_to_ask(rated, questions):
    """[Rated] the check may ask about, in the order it asks them."""
    with_questions = {q.item for q in questions}
    eligible = [r for r in rated if r.rating >= MIN_RATING_CHECKED and r.item in with_questions]
    return sorted(eligible, key=lambda r: (-r.importance, -r.rating, r.position))


def _in_guide_order(question):
    return (question.order, question.slug)


def first_probe(rating, pool):
    """The question nearest the rated level (the higher on a tie), or None."""
    if not pool:
        return None
    return min(pool, key=lambda q: (abs(q.level - rating), -q.level, *_in_guide_order(q)))


def follow_up(rating, first, pool):
    """The second question of an item after its first answer `first` (Asked), or None."""
    if not first.correct:
        lower = [q for q in pool if q.level < first.level]
        return min(lower, key=lambda q: (-q.level, *_in_guide_order(q)), default=None)
    if rating < LEVEL_TOP:
        higher = [q for q in pool if q.level > first.level]
        return min(higher, key=lambda q: (q.level, *_in_guide_order(q)), default=None)
    return None


def next_question(plan, questions, asked, limit=MAX_QUESTIONS):
    """(Rated, Question) to ask next, or None when the check is over.

    plan: [Rated] from items_to_ask; questions: [Question] that may be asked;
    asked: [Asked] in the order they were put, every one answered.
    """
    if len(asked) >= limit:
        return None
    pools = {}
    used = {a.slug for a in asked}
    for question in questions:
        if question.slug not in used:
            pools.setdefault(question.item, []).append(question)
    answers = {}
    for a in asked:
        answers.setdefault(a.item, []).append(a)
    for rated in plan:
        pool = pools.get(rated.item, [])
        mine = answers.get(rated.item, [])
        found = None
        if not mine:
            found = first_probe(rated.rating, pool)
        elif len(mine) == 1:
            found = follow_up(rated.rating, mine[0], pool)
        if found is not None:
            return rated, found
    return None


def question_range(plan, questions, limit=MAX_QUESTIONS):
    """(fewest, most) questions a check of this plan asks."""
    counts = {}
    for question in questions:
        counts[question.item] = counts.get(question.item, 0) + 1
    fewest = min(limit, len(plan))
    most = min(limit, sum(min(2, counts.get(r.item, 0)) for r in plan))
    return fewest, most


def shuffled(orders, *, assessment, question):
    """The choices' orders in the order they are shown for this assessment and question."""
    shown = sorted(orders)
    # A string seed is hashed with SHA-512: the same order in every process and run.
    random.Random(f"{assessment}:{question}").shuffle(shown)  # noqa: S311 (not a secret)
    return shown
