"""Reads of the guide for the public pages: a fixed number of queries whatever the rows."""

from django.db.models import Count, Prefetch, Q

from content import models

ACTIVE_ITEMS = models.Item.objects.filter(active=True).order_by("category__order", "order")


def categories_with_counts():
    return models.Category.objects.annotate(
        active_item_count=Count("items", filter=Q(items__active=True))
    ).order_by("order")


def stages_in_order():
    return models.Stage.objects.order_by("order")


def career_ladder(company_kind=None):
    """Stages in order, each with the stages that follow it and its profile cells on active
    items (category loaded, in matrix order), adjusted for `company_kind` when given: a cell
    it overrides carries `overridden = True`."""
    cells = (
        models.TargetLevel.objects.filter(item__active=True)
        .select_related("item__category")
        .order_by("item__category__order", "item__order")
    )
    stages = list(
        models.Stage.objects.order_by("order").prefetch_related(
            Prefetch("target_levels", queryset=cells, to_attr="profile"),
            Prefetch("next_stages", queryset=models.Stage.objects.order_by("order")),
        )
    )
    overrides = {}
    if company_kind is not None:
        overrides = {
            (o.stage_id, o.item_id): o
            for o in models.TargetOverride.objects.filter(company_kind=company_kind)
        }
    for stage in stages:
        for cell in stage.profile:
            override = overrides.get((stage.pk, cell.item_id))
            cell.overridden = False
            if override is not None:
                override.apply_to(cell)
    return stages


def skill_catalogue():
    items = ACTIVE_ITEMS.prefetch_related(
        Prefetch("rubric_levels", queryset=models.RubricLevel.objects.order_by("level")),
        Prefetch("tools", queryset=models.Tool.objects.order_by("order")),
        Prefetch(
            "practice_actions",
            queryset=models.PracticeAction.objects.order_by("level_from", "order"),
        ),
    )
    return list(
        models.Category.objects.order_by("order").prefetch_related(
            Prefetch("items", queryset=items, to_attr="active_items")
        )
    )


def learning_path():
    """Steps in order, each with its resources and their links to active items (fit, band)."""
    links = (
        models.ResourceItem.objects.filter(item__active=True)
        .select_related("item")
        .order_by("item__category__order", "item__order")
    )
    resources = models.Resource.objects.order_by("order").prefetch_related(
        Prefetch("links", queryset=links, to_attr="active_links")
    )
    return list(
        models.LearningStep.objects.order_by("order").prefetch_related(
            Prefetch("resources", queryset=resources)
        )
    )


def interview_questions():
    return list(
        models.InterviewQuestion.objects.order_by("order").prefetch_related(
            Prefetch("items", queryset=ACTIVE_ITEMS)
        )
    )


def future_trends():
    return list(
        models.Trend.objects.order_by("order").prefetch_related(
            Prefetch("items", queryset=ACTIVE_ITEMS)
        )
    )


def company_kinds():
    return list(models.CompanyKind.objects.order_by("order"))
