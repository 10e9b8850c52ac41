"""Every page runs the same, small number of SQL queries with the guide's items as with
300 more.

The real guide's items are measured first; then 300 generated items (with rubric levels,
profile cells and learning material) join them, and every page must cost the same.
"""

from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from accounts.services import account_create
from assessments import services
from content.models import (
    Category,
    InterviewQuestion,
    Item,
    Resource,
    RubricLevel,
    Stage,
    TargetLevel,
    Trend,
)
from guide_version import cache as guide_cache
from tests.factories import CompletedAssessmentFactory
from tests.real_guide import StageSlug

LIMIT = 12
EXTRA_ITEMS = 300


def add_items(count):
    """`count` more active items in the first category, complete with everything around."""
    category = Category.objects.order_by("order").first()
    items = Item.objects.bulk_create(
        Item(
            slug=f"generated-{n}",
            category=category,
            order=100 + n,
            name_ja=f"項目{n}",
            name_en=f"Item {n}",
            name=f"項目{n}",
        )
        for n in range(count)
    )
    RubricLevel.objects.bulk_create(
        RubricLevel(
            item=item,
            level=level,
            text_ja=f"{item.name_en} 水準{level}",
            text_en=f"{item.name_en} level {level}",
            text=f"{item.name_en} 水準{level}",
        )
        for item in items
        for level in range(5)
    )
    TargetLevel.objects.bulk_create(
        TargetLevel(stage=stage, item=item, expected=min(4, stage.order // 2), importance=2)
        for stage in Stage.objects.all()
        for item in items
    )
    for model in (Resource, InterviewQuestion, Trend):
        model.objects.order_by("pk").first().items.add(*items)


def answer_everything(assessment):
    services.answers_save(
        assessment=assessment, answers={item: (item.order % 5, "") for item in Item.objects.all()}
    )


def member_pages(member, stage):
    """A completed and a draft assessment of the member; the pages to measure, by name."""
    done = CompletedAssessmentFactory(
        owner=member, levels={item.slug: item.order % 5 for item in Item.objects.all()}
    )
    _, share_token = services.share_link_create(assessment=done)
    draft, _ = services.assessment_start(
        owner=member, current_stage=stage(StageSlug.TECH_LEAD), target_stage=stage(StageSlug.CTO)
    )
    answer_everything(draft)
    return {
        "home": "/",
        "career ladder": "/career-ladder/",
        "skills": "/skills/",
        "learning path": "/learning-path/",
        "interview": "/interview/",
        "trends": "/trends/",
        "start": "/assessments/start/",
        "dashboard": "/accounts/dashboard/",
        "account settings": "/accounts/settings/",
        "step 1": f"/assessments/{draft.pk}/step/1/",
        "review": f"/assessments/{draft.pk}/review/",
        "report": f"/assessments/{done.pk}/",
        "CSV": f"/assessments/{done.pk}/report.csv",
        "plan CSV": f"/assessments/{done.pk}/plan.csv",
        "JSON": f"/assessments/{done.pk}/report.json",
        "shared report": f"/shared/{share_token}/",
    }


def measure(client, pages):
    counts = {}
    for name, path in pages.items():
        cache.clear()
        guide_cache.PROCESS_CACHE.clear()  # the first request after a change to the guide
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        assert response.status_code == 200, (name, response.status_code)
        counts[name] = len(queries)
    return counts


def test_every_page_costs_the_same_with_300_more_items_than_the_guide(guide, guide_counts):
    member = account_create(username="hana", email="h@example.com", password="x-Passw0rd-long")
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(member)

    def stage(slug):
        return Stage.objects.get(slug=slug)

    member_pages(member, stage)  # an earlier report: each report below has a previous one
    with_guide = measure(client, member_pages(member, stage))
    add_items(EXTRA_ITEMS)
    assert Item.objects.filter(active=True).count() == guide_counts.active_items + EXTRA_ITEMS
    with_more = measure(client, member_pages(member, stage))

    assert with_more == with_guide
    assert max(with_guide.values()) <= LIMIT, with_guide
