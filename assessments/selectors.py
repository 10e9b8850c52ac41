"""Reads of the assessments app: fixed query counts whatever the number of items.

The questionnaire's steps and items are the same for everyone until the guide changes:
they are kept per process under the guide's version (guide_version.cache). Pass the
request's `guide` (from `guide_kept()`) to read the version once per request.
"""

from django.db.models import Count, Prefetch, Q

from assessments.models import Answer, Assessment
from content.models import Category, Item, RubricLevel
from guide_version.cache import guide_kept


def questionnaire_steps(guide=None):
    """Categories that have active items, in order: one questionnaire step each."""
    guide = guide or guide_kept()
    return list(guide.get("questionnaire_steps", _questionnaire_steps))


def step_items(category, guide=None):
    """The active items of one step, each with its rubric levels in order (read-only: kept
    for every request of the process)."""
    guide = guide or guide_kept()
    return list(guide.get(("step_items", category.pk), lambda: _step_items(category)))


def _questionnaire_steps():
    return list(
        Category.objects.annotate(active_count=Count("items", filter=Q(items__active=True)))
        .filter(active_count__gt=0)
        .order_by("order")
    )


def _step_items(category):
    return list(
        Item.objects.filter(category=category, active=True)
        .order_by("order")
        .prefetch_related(Prefetch("rubric_levels", queryset=RubricLevel.objects.order_by("level")))
    )


def answers_by_item(assessment):
    """{item_id: answer} for the assessment's answers on active items."""
    return {
        answer.item_id: answer
        for answer in Answer.objects.filter(assessment=assessment, item__active=True)
    }


def review_categories(assessment):
    """Categories with their active items; each item carries `.answer` (or None)."""
    answers = answers_by_item(assessment)
    items = (
        Item.objects.filter(active=True)
        .order_by("order")
        .prefetch_related(Prefetch("rubric_levels", queryset=RubricLevel.objects.order_by("level")))
    )
    categories = list(
        Category.objects.order_by("order").prefetch_related(
            Prefetch("items", queryset=items, to_attr="active_items")
        )
    )
    for category in categories:
        for item in category.active_items:
            item.answer = answers.get(item.pk)
            item.chosen_rubric = next(
                (
                    r
                    for r in item.rubric_levels.all()
                    if item.answer and r.level == item.answer.level
                ),
                None,
            )
    return [category for category in categories if category.active_items]


def first_open_step(assessment):
    """The number of the first step with an unanswered item (the last step if none)."""
    steps = questionnaire_steps()
    answered = set(Answer.objects.filter(assessment=assessment).values_list("item_id", flat=True))
    open_categories = {
        category_id
        for item_id, category_id in Item.objects.filter(active=True).values_list(
            "pk", "category_id"
        )
        if item_id not in answered
    }
    for number, category in enumerate(steps, start=1):
        if category.pk in open_categories:
            return number
    return max(len(steps), 1)


def last_completed(*, user, session_ids):
    """The person's latest completed assessment, to start a retake from: a member's own, or
    a visitor's among those their browser session holds."""
    done = Assessment.objects.filter(status=Assessment.Status.COMPLETED)
    if user.is_authenticated:
        done = done.filter(owner=user)
    else:
        done = done.filter(owner__isnull=True, pk__in=session_ids)
    done = done.select_related("current_stage", "target_stage", "company_kind")
    return done.order_by("-completed_at").first()
