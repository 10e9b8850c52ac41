"""Who may open a report and its files (404, never 403), and at what cost."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from assessments import services
from assessments.models import ShareLink
from content.models import Category, Item, Stage
from tests.assessments.report_helpers import (
    FORMATS,
    client_in,
    create_share_link,
    detail_url,
    export_url,
    shared_export_url,
    shared_url,
    visitor_client,
)
from tests.factories import (
    CompletedAssessmentFactory,
    InterviewQuestionFactory,
    ItemFactory,
    ResourceFactory,
    TargetLevelFactory,
    TrendFactory,
)
from tests.real_guide import ItemSlug, StageSlug

MAX_QUERIES = 12
REPORT_TITLE = "report: towards"  # "Your gap report: …" or, shared, "Gap report: …"


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()


def report_urls(assessment):
    return {"page": detail_url(assessment)} | {fmt: export_url(assessment, fmt) for fmt in FORMATS}


def shared_urls(token):
    return {"page": shared_url(token)} | {fmt: shared_export_url(token, fmt) for fmt in FORMATS}


def assert_opens(client, urls):
    for kind, url in urls.items():
        response = client.get(url)
        assert response.status_code == 200, kind
        if kind == "page":
            assert REPORT_TITLE in response.content.decode()
        else:
            assert response["Content-Disposition"].startswith("attachment; ")


def assert_404(client, urls):
    for kind, url in urls.items():
        assert client.get(url).status_code == 404, kind


@pytest.fixture
def member_report(guide, member):
    return CompletedAssessmentFactory(owner=member)


@pytest.fixture
def visitor_report(guide):
    return CompletedAssessmentFactory()


def test_the_member_opens_their_report_and_every_file(member_report, member_client):
    assert_opens(member_client, report_urls(member_report))


def test_the_visitor_opens_their_report_in_the_browser_that_took_it(visitor_report):
    assessment = visitor_report
    assert_opens(visitor_client(assessment), report_urls(assessment))


def test_the_visitor_opens_their_report_in_a_new_browser_with_the_resume_link(visitor_report):
    assessment, token = visitor_report, visitor_report.resume_token
    fresh = client_in("en")
    assert_404(fresh, report_urls(assessment))
    response = fresh.get(reverse("assessments:resume", args=[token]))
    assert response.status_code == 302
    assert response["Location"] == detail_url(assessment)
    assert_opens(fresh, report_urls(assessment))


def test_a_share_link_opens_the_report_and_every_file(member_report, member_client):
    token = create_share_link(member_client, member_report)
    assert_opens(client_in("en"), shared_urls(token))


def test_a_revoked_share_link_opens_nothing(member_report, member_client):
    token = create_share_link(member_client, member_report)
    services.share_link_revoke(link=ShareLink.objects.get())
    assert_404(client_in("en"), shared_urls(token))


@pytest.mark.parametrize("whose", ["member_report", "visitor_report"])
@pytest.mark.parametrize("who", ["other-member", "stranger"])
def test_nobody_else_opens_a_report_or_its_files(request, whose, who, other_member_client):
    assessment = request.getfixturevalue(whose)
    someone = other_member_client if who == "other-member" else client_in("en")
    assert_404(someone, report_urls(assessment))


def test_a_member_report_does_not_open_through_its_resume_link(member_report, other_member_client):
    assessment, token = member_report, member_report.resume_token
    for someone in (client_in("en"), other_member_client):
        assert someone.get(reverse("assessments:resume", args=[token])).status_code == 404
        assert_404(someone, report_urls(assessment))


def test_a_draft_has_no_report(guide, member, member_client):
    draft, _ = services.assessment_start(
        owner=member,
        current_stage=Stage.objects.get(slug=StageSlug.TECH_LEAD),
        target_stage=Stage.objects.get(slug=StageSlug.CTO),
    )
    response = member_client.get(detail_url(draft))
    assert response.status_code == 302
    assert "/step/" in response["Location"]
    assert_404(member_client, {fmt: export_url(draft, fmt) for fmt in FORMATS})


def test_a_note_is_shown_to_its_owner_as_text_not_markup(guide, member, member_client):
    note = '<script>alert("x")</script> & <b>bold</b>'
    assessment = CompletedAssessmentFactory(owner=member, notes={ItemSlug.CLOUD_COMPUTING: note})
    html = member_client.get(detail_url(assessment)).content.decode()
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;bold" in html
    assert note not in html


@pytest.mark.parametrize("suffix", ["xml", "PDF", "csv.zip", "html", ""])
def test_an_unknown_format_is_a_404(member_report, member_client, suffix):
    assessment = member_report
    token = create_share_link(member_client, assessment)
    assert member_client.get(f"{detail_url(assessment)}report.{suffix}").status_code == 404
    assert member_client.get(f"{shared_url(token)}report.{suffix}").status_code == 404


# --- a fixed number of queries, whatever the number of items ---------------------------------


def count_queries(client, url):
    cache.clear()  # the files are cached: count a first download, not a cache hit
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def add_items(count=30):
    """More active items, each with its rubric, a cell in every profile and learning links."""
    category = Category.objects.get(slug="tools")
    stages = list(Stage.objects.all())
    items = []
    for n in range(count):
        item = ItemFactory(category=category)  # with its five rubric levels
        for stage in stages:
            TargetLevelFactory(stage=stage, item=item, expected=1 + n % 4, importance=1 + n % 3)
        items.append(item)
    ResourceFactory(items=items)
    InterviewQuestionFactory(items=items)
    TrendFactory(items=items)
    return items


def test_the_report_page_and_files_cost_the_same_queries_with_more_items(
    guide,
    guide_counts,
    member,
    member_client,
    other_member,
    other_member_client,
    django_assert_num_queries,
):
    small = CompletedAssessmentFactory(owner=member)
    assert len(small.snapshot["items"]) == guide_counts.active_items
    token = create_share_link(member_client, small)
    before = {kind: count_queries(member_client, url) for kind, url in report_urls(small).items()}
    before_shared = {
        kind: count_queries(client_in("en"), url) for kind, url in shared_urls(token).items()
    }
    assert max(before.values()) <= MAX_QUERIES, before
    assert max(before_shared.values()) <= MAX_QUERIES, before_shared

    add_items(30)
    items = guide_counts.active_items + 30
    assert Item.objects.filter(active=True).count() == items
    # Everything at 0: every item a focus area, the biggest learning plan the matrix allows.
    large = CompletedAssessmentFactory(owner=other_member, default=0)
    assert len(large.snapshot["items"]) == items
    large_token = create_share_link(other_member_client, large)

    for kind, url in report_urls(large).items():
        cache.clear()
        with django_assert_num_queries(before[kind]):
            assert other_member_client.get(url).status_code == 200
    for kind, url in shared_urls(large_token).items():
        stranger = client_in("en")
        cache.clear()
        with django_assert_num_queries(before_shared[kind]):
            assert stranger.get(url).status_code == 200
    # The small report, frozen, costs what it did.
    assert {k: count_queries(member_client, u) for k, u in report_urls(small).items()} == before


def test_a_report_page_is_rendered_once_then_served_from_the_cache(
    member_report, member_client, monkeypatch
):
    from reports.viewing import ReportViewing

    builds = []
    real_build = ReportViewing.build
    monkeypatch.setattr(ReportViewing, "build", lambda self: builds.append(1) or real_build(self))
    done = member_report
    pages = [member_client.get(detail_url(done)).content for _ in range(2)]
    assert len(builds) == 1
    # Only the forms' CSRF tokens differ; the frozen report is the same text.
    bodies = [
        page.decode().split('id="summary-heading"')[1].split('id="share"')[0] for page in pages
    ]
    assert bodies[0] == bodies[1]
    japanese = member_client.get(detail_url(done), HTTP_ACCEPT_LANGUAGE="ja")
    assert len(builds) == 2  # each language is its own page
    assert REPORT_TITLE not in japanese.content.decode()


def test_a_shared_report_is_cached_apart_from_its_owner_view(guide, member, member_client):
    CompletedAssessmentFactory(owner=member)  # so the next report has a comparison
    done = CompletedAssessmentFactory(
        owner=member, notes={ItemSlug.CLOUD_COMPUTING: "Only side projects"}
    )
    token = create_share_link(member_client, done)
    owner_view = member_client.get(detail_url(done)).content.decode()
    assert "Only side projects" in owner_view
    assert "comparison-heading" in owner_view
    shared = member_client.get(shared_url(token)).content.decode()
    assert "Only side projects" not in shared
    assert "comparison-heading" not in shared


def test_items_at_a_top_level_target_are_the_top_strengths(guide):
    assessment = CompletedAssessmentFactory(default=4, target=StageSlug.CTO)
    client = visitor_client(assessment)

    page = client.get(detail_url(assessment)).content.decode()

    strengths = page[page.index("Top strengths") :]
    strengths = strengths[: strengths.index("</div>")]
    assert "No item is above the target level" not in strengths
    assert "rated 4, target 4" in strengths
