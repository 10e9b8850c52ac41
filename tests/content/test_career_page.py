"""The career ladder page: the branching path, and the targets of a kind of company."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains

from content.models import Stage, TargetLevel, TargetOverride
from tests.real_guide import StageSlug

URL = reverse("career_ladder")
pytestmark = pytest.mark.usefixtures("guide")


def _between(html, start, end):
    return html[html.index(start) : html.index(end, html.index(start))]


@pytest.mark.parametrize(
    ("language", "management", "architecture"),
    [
        ("ja", "マネジメントトラック", "アーキテクチャトラック"),
        ("en", "Management track", "Architecture track"),
    ],
)
def test_the_path_branches_after_tech_lead_into_two_tracks(
    client, language, management, architecture
):
    html = client.get(URL, HTTP_ACCEPT_LANGUAGE=language).content.decode()
    path = _between(html, 'class="path-diagram"', "</section>")
    start = _between(path, "path-start", "</ol>")
    assert [
        slug in start
        for slug in (StageSlug.JUNIOR_DEVELOPER, StageSlug.SENIOR_DEVELOPER, StageSlug.TECH_LEAD)
    ] == [True] * 3
    branches = _between(path, "path-branches", "path-top")
    assert branches.index(management) < branches.index("#stage-engineering-manager")
    assert branches.index("#stage-engineering-manager") < branches.index("#stage-vp-engineering")
    assert branches.index(architecture) < branches.index("#stage-solutions-architect")
    assert "#stage-cto" in _between(path, "path-top", "</ol>")


def test_each_stage_names_the_stages_that_follow_it(client):
    html = client.get(URL, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    tech_lead = _between(html, 'id="stage-tech-lead"', "</li>")
    assert 'href="#stage-engineering-manager"' in tech_lead
    assert 'href="#stage-solutions-architect"' in tech_lead


def test_a_kind_of_company_shows_its_targets_marked(client):
    override = TargetOverride.objects.filter(
        company_kind__slug="startups", expected__isnull=False
    ).first()
    base = TargetLevel.objects.get(stage=override.stage, item=override.item)
    response = client.get(URL, {"kind": "startups"}, HTTP_ACCEPT_LANGUAGE="en")
    assertContains(response, "Expected level by stage: Startups and unicorns")
    assertContains(response, '<option value="startups" selected>')
    html = response.content.decode()
    marked = html.count("differs from the general profile")
    assert (
        marked
        == TargetOverride.objects.filter(company_kind__slug="startups", item__active=True).count()
    )
    assert override.expected != base.expected or override.importance is not None


def test_an_unknown_kind_of_company_is_not_found(client):
    assert client.get(URL, {"kind": "space-agency"}).status_code == 404


def test_the_page_of_a_kind_runs_as_many_queries_as_the_general_one_plus_its_overrides(
    client, django_assert_num_queries
):
    client.get(URL)
    with django_assert_num_queries(4):
        client.get(URL)
    with django_assert_num_queries(6):
        client.get(URL, {"kind": "startups"})


@pytest.mark.parametrize(
    ("language", "heading", "reached"),
    [
        ("ja", "到達とみなす条件", "到達"),
        ("en", "When a stage counts as reached", "reached"),
    ],
)
def test_the_page_explains_reached_and_names_each_stages_core_items(
    client, language, heading, reached
):
    html = client.get(URL, HTTP_ACCEPT_LANGUAGE=language).content.decode()
    explanation = _between(html, heading, "</section>")
    assert "80%" in explanation and reached in explanation
    for stage in Stage.objects.all():
        card = _between(html, f'id="stage-{stage.slug}"', "</dl>")
        listed = _between(card, 'class="list-inline mb-0 core-items"', "</ul>")
        for cell in TargetLevel.objects.filter(stage=stage).select_related("item"):
            name = cell.item.name_ja if language == "ja" else cell.item.name_en
            assert (f"{name} · " in listed) == cell.core, (stage.slug, cell.item.slug)
