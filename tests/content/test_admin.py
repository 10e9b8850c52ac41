"""Admin of the guide: every model's pages, the target-profile grid, protected rows, retiring."""

import pytest
from django.contrib import admin
from django.contrib.auth.models import Permission, User
from django.db import connection
from django.db.models import ProtectedError
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from content.models import Category, Item, Stage, TargetLevel, TargetOverride
from tests import factories
from tests.real_guide import ItemSlug, StageSlug
from tests.two_factor import verified_client

CONTENT_MODELS = [
    "category",
    "item",
    "rubriclevel",
    "tool",
    "stage",
    "targetlevel",
    "learningstep",
    "resource",
    "interviewquestion",
    "trend",
    "companykind",
    "practiceaction",
    "targetoverride",
    "knowledgecheck",
]
GRID = "admin:content_targetlevel_grid"


def _registered_content_models():
    return {m: m._meta.model_name for m in admin.site._registry if m._meta.app_label == "content"}


def test_every_content_model_is_registered():
    assert sorted(_registered_content_models().values()) == sorted(CONTENT_MODELS)


@pytest.mark.parametrize("model_name", CONTENT_MODELS)
def test_a_superuser_sees_the_list_the_add_page_and_a_change_page(guide, admin_client, model_name):
    model = next(m for m, name in _registered_content_models().items() if name == model_name)
    row = model.objects.order_by("pk").first()
    urls = [
        reverse(f"admin:content_{model_name}_changelist"),
        reverse(f"admin:content_{model_name}_add"),
        reverse(f"admin:content_{model_name}_change", args=[row.pk]),
    ]
    for url in urls:
        assert admin_client.get(url).status_code == 200, url


@pytest.mark.parametrize("model_name", CONTENT_MODELS)
def test_an_anonymous_visitor_is_sent_to_the_admin_login(guide, client, model_name):
    for url in (
        reverse(f"admin:content_{model_name}_changelist"),
        reverse(f"admin:content_{model_name}_add"),
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login") + "?next=")


def test_an_anonymous_visitor_cannot_see_the_grid(guide, client):
    response = client.get(reverse(GRID))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def _cells():
    return {
        (c.stage.slug, c.item.slug): (c.expected, c.importance)
        for c in TargetLevel.objects.select_related("stage", "item")
    }


def _grid_post_body(response):
    """Every field of the grid as the browser would send it: the values shown."""
    form = response.context["form"]
    return {name: str(form[name].value()) for name in form.fields}


def test_the_grid_shows_every_cell_with_its_value(guide, guide_counts, admin_client):
    response = admin_client.get(reverse(GRID))
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('name="expected-') == guide_counts.cells
    assert html.count('name="importance-') == guide_counts.cells
    body = _grid_post_body(response)
    assert body["expected-cto-budget-roi"] == "4"
    assert body["expected-junior-developer-budget-roi"] == "0"
    assert body["importance-cto-technology-strategy"] == "3"
    assert '<input type="submit" class="default"' in html


def _grid_query_count(admin_client):
    with CaptureQueriesContext(connection) as queries:
        assert admin_client.get(reverse(GRID)).status_code == 200
    return len(queries)


def test_the_grid_runs_a_fixed_number_of_queries(guide, admin_client):
    admin_client.get(reverse(GRID))  # warm up the session
    count = _grid_query_count(admin_client)
    assert count <= 15
    for _ in range(5):
        item = factories.ItemFactory(category=Category.objects.get(slug="tools"))
        for stage in Stage.objects.all():
            factories.TargetLevelFactory(stage=stage, item=item)
    assert _grid_query_count(admin_client) == count


def test_the_grid_saves_a_changed_cell_in_one_post(
    guide, admin_client, django_assert_max_num_queries
):
    before = _cells()
    assert before[(StageSlug.CTO, ItemSlug.AI_ML)] == (3, 3)
    body = _grid_post_body(admin_client.get(reverse(GRID)))
    body["expected-cto-ai-ml"] = "4"
    body["importance-cto-ai-ml"] = "2"

    with django_assert_max_num_queries(15):
        response = admin_client.post(reverse(GRID), body)

    assert response.status_code == 302
    assert response["Location"] == reverse(GRID)
    after = _cells()
    assert after[(StageSlug.CTO, ItemSlug.AI_ML)] == (4, 2)
    del before[(StageSlug.CTO, ItemSlug.AI_ML)], after[(StageSlug.CTO, ItemSlug.AI_ML)]
    assert after == before


def test_the_grid_creates_the_missing_cells_of_a_new_item(guide, guide_counts, admin_client):
    item = factories.ItemFactory(category=Category.objects.get(slug="tools"), slug="argo")
    body = _grid_post_body(admin_client.get(reverse(GRID)))
    assert body["expected-cto-argo"] == "0" and body["importance-cto-argo"] == "1"
    body["expected-cto-argo"] = "3"
    assert admin_client.post(reverse(GRID), body).status_code == 302
    assert TargetLevel.objects.filter(item=item).count() == guide_counts.stages
    assert TargetLevel.objects.get(item=item, stage__slug=StageSlug.CTO).expected == 3


def test_the_grid_refuses_an_out_of_range_value_and_saves_nothing(guide, admin_client):
    before = _cells()
    body = _grid_post_body(admin_client.get(reverse(GRID)))
    body["expected-cto-ai-ml"] = "4"  # valid, but must not be saved alone
    body["expected-junior-developer-ai-ml"] = "9"

    response = admin_client.post(reverse(GRID), body, HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Nothing was saved: correct the cells marked below." in html
    assert html.count('class="has-error"') == 1
    assert list(response.context["form"].errors) == ["expected-junior-developer-ai-ml"]
    assert _cells() == before


def _staff(*codenames):
    user = User.objects.create_user("editor", password="pw", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename__in=codenames))
    return user


def test_a_staff_user_who_may_only_view_cannot_save_the_grid(guide, client):
    verified_client(client, _staff("view_targetlevel"))
    response = client.get(reverse(GRID))
    assert response.status_code == 200
    body = _grid_post_body(response)
    assert '<input type="submit" class="default"' not in response.content.decode()
    before = _cells()
    body["expected-cto-ai-ml"] = "4"
    assert client.post(reverse(GRID), body).status_code == 403
    assert _cells() == before


def test_a_staff_user_who_may_change_saves_the_grid(guide, client):
    verified_client(client, _staff("view_targetlevel", "change_targetlevel"))
    body = _grid_post_body(client.get(reverse(GRID)))
    body["expected-cto-ai-ml"] = "4"
    assert client.post(reverse(GRID), body).status_code == 302
    assert _cells()[(StageSlug.CTO, ItemSlug.AI_ML)] == (4, 3)


def test_a_staff_user_without_permission_cannot_see_the_grid(guide, client):
    verified_client(client, _staff())
    assert client.get(reverse(GRID)).status_code == 403


@pytest.mark.parametrize(
    ("model", "slug"),
    [(Item, ItemSlug.CLOUD_COMPUTING), (Stage, StageSlug.CTO), (Category, "tools")],
)
def test_deleting_a_row_others_depend_on_is_refused_in_admin(guide, admin_client, model, slug):
    row = model.objects.get(slug=slug)
    url = reverse(f"admin:content_{model._meta.model_name}_delete", args=[row.pk])
    response = admin_client.post(url, {"post": "yes"}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert response.context["protected"]
    assert "would require deleting the following protected related objects" in (
        response.content.decode()
    )
    assert model.objects.filter(pk=row.pk).exists()


@pytest.mark.parametrize(
    ("model", "slug"), [(Item, ItemSlug.CLOUD_COMPUTING), (Stage, StageSlug.CTO)]
)
def test_deleting_a_referenced_row_in_code_raises_protected_error(guide, model, slug):
    with pytest.raises(ProtectedError):
        model.objects.get(slug=slug).delete()
    assert model.objects.filter(slug=slug).exists()


def test_the_retire_action_deactivates_the_selected_items_only(guide, admin_client):
    chosen = list(Item.objects.filter(slug__in=[ItemSlug.AI_ML, ItemSlug.TECH_BRANDING]))
    response = admin_client.post(
        reverse("admin:content_item_changelist"),
        {"action": "retire", "_selected_action": [item.pk for item in chosen]},
    )
    assert response.status_code == 302
    assert set(Item.objects.filter(active=False).values_list("slug", flat=True)) == {
        ItemSlug.AI_ML,
        ItemSlug.TECH_BRANDING,
    }
    admin_client.post(
        reverse("admin:content_item_changelist"),
        {"action": "reactivate", "_selected_action": [chosen[0].pk]},
    )
    assert Item.objects.filter(active=False).count() == 1


def _item_form(user, **changes):
    request = RequestFactory().get("/")
    request.user = user
    item = Item.objects.get(slug=ItemSlug.CLOUD_COMPUTING)
    form_class = admin.site._registry[Item].get_form(request, item)
    data = {
        "slug": item.slug,
        "category": item.category_id,
        "order": item.order,
        "active": "on",
        "name_ja": item.name_ja,
        "name_en": item.name_en,
        "description_ja": item.description_ja,
        "description_en": item.description_en,
        **changes,
    }
    return form_class(data=data, instance=item)


# Regression: the admin forms required only the Japanese text.
@pytest.mark.parametrize("field", ["name_ja", "name_en"])
def test_the_item_form_requires_the_name_in_both_languages(guide, admin_user, field):
    form = _item_form(admin_user, **{field: ""})
    assert not form.is_valid()
    assert list(form.errors) == [field]


def test_the_item_form_lets_a_description_fall_back_to_the_other_language(guide, admin_user):
    assert _item_form(admin_user, description_en="").is_valid()


def _overrides(kind):
    return {
        (o.stage.slug, o.item.slug): (o.expected, o.importance)
        for o in TargetOverride.objects.filter(company_kind__slug=kind).select_related(
            "stage", "item"
        )
    }


def test_the_grid_of_a_kind_shows_its_adjusted_targets(guide, admin_client):
    override = TargetOverride.objects.filter(
        company_kind__slug="startups", expected__isnull=False
    ).select_related("stage", "item")[0]
    body = _grid_post_body(admin_client.get(reverse(GRID) + "?kind=startups"))
    name = f"expected-{override.stage.slug}-{override.item.slug}"
    assert body[name] == str(override.expected)


def test_saving_a_kinds_grid_stores_only_what_differs_from_the_base(guide, admin_client):
    before_base = _cells()
    before = _overrides("media-entertainment")
    body = _grid_post_body(admin_client.get(reverse(GRID) + "?kind=media-entertainment"))
    body["kind"] = "media-entertainment"
    body["importance-cto-hr-team"] = "1"
    # Back to the base value: the override of that cell goes.
    stage, item = next(iter(before))
    body[f"expected-{stage}-{item}"] = str(before_base[(stage, item)][0])
    body[f"importance-{stage}-{item}"] = str(before_base[(stage, item)][1])

    response = admin_client.post(reverse(GRID), body)

    assert response.status_code == 302, response.context["drops"]
    assert response["Location"].endswith("?kind=media-entertainment")
    after = _overrides("media-entertainment")
    assert after[(StageSlug.CTO, ItemSlug.HR_TEAM)][1] == 1
    assert (stage, item) not in after
    assert _cells() == before_base, "the base profile is untouched"


def test_a_save_that_drops_along_the_path_waits_for_confirmation(guide, admin_client):
    body = _grid_post_body(admin_client.get(reverse(GRID)))
    body["expected-vp-engineering-hr-team"] = "0"

    held = admin_client.post(reverse(GRID), body, HTTP_ACCEPT_LANGUAGE="en")

    assert held.status_code == 200
    assert _cells()[(StageSlug.VP_ENGINEERING, ItemSlug.HR_TEAM)][0] != 0
    html = held.content.decode()
    assert "drop along the career path" in html
    assert 'name="confirm_drops"' in html

    saved = admin_client.post(reverse(GRID), {**body, "confirm_drops": "1"})
    assert saved.status_code == 302
    assert _cells()[(StageSlug.VP_ENGINEERING, ItemSlug.HR_TEAM)][0] == 0


def test_the_grid_of_an_unknown_kind_is_not_found(guide, admin_client):
    assert admin_client.get(reverse(GRID) + "?kind=space-agency").status_code == 404


def _core_cells():
    return set(TargetLevel.objects.filter(core=True).values_list("stage__slug", "item__slug"))


def test_the_grid_marks_and_saves_core_items(guide, admin_client):
    response = admin_client.get(reverse(GRID))
    body = _grid_post_body(response)
    assert body["core-cto-technology-strategy"] == "True"
    assert body["core-cto-cicd-tools"] == "False"
    before = _core_cells()
    # A browser sends only ticked checkboxes.
    body = {name: value for name, value in body.items() if value != "False"}
    del body["core-cto-budget-roi"]
    body["core-cto-risk-security-governance"] = "1"

    saved = admin_client.post(reverse(GRID), body)

    assert saved.status_code == 302
    assert _core_cells() == (before - {(StageSlug.CTO, ItemSlug.BUDGET_ROI)}) | {
        (StageSlug.CTO, ItemSlug.RISK_SECURITY_GOVERNANCE)
    }


def test_a_core_item_expected_at_0_is_refused_and_nothing_is_saved(guide, admin_client):
    body = _grid_post_body(admin_client.get(reverse(GRID)))
    body = {name: value for name, value in body.items() if value != "False"}
    body["core-junior-developer-budget-roi"] = "1"  # expected 0 for a junior
    before = _core_cells()

    refused = admin_client.post(reverse(GRID), body, HTTP_ACCEPT_LANGUAGE="en")

    assert refused.status_code == 200
    assert "A core item needs an expected level above 0." in refused.content.decode()
    assert _core_cells() == before


def test_a_kinds_grid_has_no_core_marks_and_keeps_the_base_ones(guide, admin_client):
    url = reverse(GRID) + "?kind=startups"
    response = admin_client.get(url)
    assert 'name="core-' not in response.content.decode()
    before = _core_cells()
    body = _grid_post_body(response)
    body["kind"] = "startups"
    assert admin_client.post(reverse(GRID), body).status_code == 302
    assert _core_cells() == before
