"""Read-only share links to one report: create, open, expire, revoke."""

import json
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from assessments.models import ShareLink
from tests.assessments.report_helpers import (
    FORMATS,
    OWNER_USERNAME,
    SECRET_NOTE,
    client_in,
    create_share_link,
    detail_url,
    items_table,
    pdf_text,
    share_url_in,
    shared_export_url,
    shared_url,
    visitor_client,
)
from tests.factories import CompletedAssessmentFactory
from tests.real_guide import ItemSlug, StageSlug

EXPIRY_DAYS = [("", None), ("7", 7), ("30", 30), ("90", 90)]


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()


@pytest.fixture
def owner(django_user_model):
    return django_user_model.objects.create_user(
        username=OWNER_USERNAME, email=f"{OWNER_USERNAME}@example.com", password="x-long-pass-1"
    )


@pytest.fixture
def owner_client(owner):
    client = client_in("en")
    client.force_login(owner)
    return client


@pytest.fixture
def report(guide, owner):
    """The owner's second report (so it has a comparison), with a private note."""
    CompletedAssessmentFactory(owner=owner, default=1)
    return CompletedAssessmentFactory(owner=owner, notes={ItemSlug.CLOUD_COMPUTING: SECRET_NOTE})


def share_create_url(assessment):
    return reverse("assessments:share_create", args=[assessment.pk])


def revoke_url(link):
    return reverse("assessments:share_revoke", args=[link.assessment_id, link.pk])


@pytest.mark.parametrize(("choice", "days"), EXPIRY_DAYS)
def test_the_owner_creates_a_link_that_works_as_long_as_chosen(report, owner_client, choice, days):
    response = owner_client.post(share_create_url(report), {"expires_in_days": choice})
    assert response.status_code == 302
    assert response["Location"] == detail_url(report) + "#share"
    link = ShareLink.objects.get(assessment=report)
    if days is None:
        assert link.expires_at is None
    else:
        assert abs(link.expires_at - (timezone.now() + timedelta(days=days))) < timedelta(minutes=1)

    page = owner_client.get(detail_url(report)).content.decode()
    url = share_url_in(page)
    assert url.startswith("http://testserver/shared/")
    assert "it is shown only once" in page
    assert "Revoke" in page
    token = url.rstrip("/").rsplit("/", 1)[-1]
    assert len(token) >= 22, "at least 128 bits"
    assert client_in("en").get(shared_url(token)).status_code == 200
    # Shown once: the next visit lists the link but no longer shows it.
    assert share_url_in(owner_client.get(detail_url(report)).content.decode()) is None
    assert token not in owner_client.get(detail_url(report)).content.decode()


def test_a_visitor_shares_their_report_too(guide):
    assessment = CompletedAssessmentFactory()
    token = create_share_link(visitor_client(assessment), assessment, "7")
    assert client_in("en").get(shared_url(token)).status_code == 200


@pytest.mark.parametrize("choice", ["5", "forever", "-1", "30 "])
def test_a_bad_expiry_creates_nothing_and_says_why_with_a_4xx(report, owner_client, choice):
    response = owner_client.post(share_create_url(report), {"expires_in_days": choice})
    assert response.status_code == 400
    assert "Choose how long the link should work." in response.content.decode()
    assert not ShareLink.objects.exists()


def test_the_shared_page_is_read_only_and_private(report, owner_client, owner):
    token = create_share_link(owner_client, report)
    response = client_in("en").get(shared_url(token))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Gap report: towards CTO" in html and "Your gap report" not in html
    assert "shared with you read-only" in html
    assert "a CTO Assess member" in html  # the owner chose no display name
    assert '<meta name="robots" content="noindex">' in html
    assert response["X-Robots-Tag"] == "noindex"
    assert "The owner of this report placed themselves at" in html
    assert "You placed yourself" not in html
    assert SECRET_NOTE not in html and "Note:" not in html
    assert OWNER_USERNAME not in html and owner.email not in html
    for control in ('id="share"', "/share/", "Revoke", "/delete/", "share-url", "What moved"):
        assert control not in html, control
    assert response.context["report"].comparison is None
    # The same numbers as the owner's own page.
    assert items_table(html) == items_table(owner_client.get(detail_url(report)).content.decode())


def test_the_owner_page_shows_the_note_the_shared_page_hides(report, owner_client):
    assert SECRET_NOTE in owner_client.get(detail_url(report)).content.decode()


@pytest.mark.parametrize("fmt", FORMATS)
def test_shared_exports_work_and_hide_the_owner(report, owner_client, fmt):
    token = create_share_link(owner_client, report)
    response = client_in("en").get(shared_export_url(token, fmt))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment; ")
    content = pdf_text(response.content) if fmt == "pdf" else response.content.decode("utf-8-sig")
    assert (ItemSlug.CLOUD_COMPUTING if fmt == "json" else "Cloud computing") in content
    assert SECRET_NOTE not in content
    assert OWNER_USERNAME not in content
    if fmt == "json":
        assert json.loads(content)["assessment"]["id"] == str(report.pk)


def test_a_shared_pdf_after_the_owner_pdf_still_hides_the_note(report, owner_client):
    """The cache must not hand the owner's file (with notes) to a share link."""
    owner_pdf = owner_client.get(reverse("assessments:export", args=[report.pk, "pdf"]))
    assert SECRET_NOTE in pdf_text(owner_pdf.content)
    token = create_share_link(owner_client, report)
    shared_pdf = client_in("en").get(shared_export_url(token, "pdf"))
    assert SECRET_NOTE not in pdf_text(shared_pdf.content)


def assert_gone(token):
    stranger = client_in("en")
    assert stranger.get(shared_url(token)).status_code == 404
    for fmt in FORMATS:
        assert stranger.get(shared_export_url(token, fmt)).status_code == 404, fmt


def test_a_revoked_link_no_longer_opens_the_report(report, owner_client):
    token = create_share_link(owner_client, report)
    link = ShareLink.objects.get()
    response = owner_client.post(revoke_url(link), follow=True)
    assert response.status_code == 200
    assert "The share link was revoked" in response.content.decode()
    assert ShareLink.objects.get().revoked_at is not None
    assert "Revoke" not in response.content.decode(), "a revoked link leaves the list"
    assert_gone(token)


def test_an_expired_link_no_longer_opens_the_report(report, owner_client):
    token = create_share_link(owner_client, report, "7")
    ShareLink.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    assert_gone(token)


def test_a_wrong_token_opens_nothing(report, owner_client):
    token = create_share_link(owner_client, report)
    assert_gone(token[:-1] + ("A" if token[-1] != "A" else "B"))
    assert_gone("not-a-token")


@pytest.mark.parametrize("who", ["other-member", "stranger"])
def test_nobody_else_can_revoke_a_link(report, owner_client, other_member_client, who):
    token = create_share_link(owner_client, report)
    someone = other_member_client if who == "other-member" else client_in("en")
    assert someone.post(revoke_url(ShareLink.objects.get())).status_code == 404
    assert ShareLink.objects.get().revoked_at is None
    assert client_in("en").get(shared_url(token)).status_code == 200


def test_a_link_cannot_be_revoked_through_another_report(report, owner_client, other_member):
    create_share_link(owner_client, report)
    theirs = CompletedAssessmentFactory(owner=other_member)
    their_client = client_in("en")
    their_client.force_login(other_member)
    link = ShareLink.objects.get()
    url = reverse("assessments:share_revoke", args=[theirs.pk, link.pk])
    assert their_client.post(url).status_code == 404
    assert ShareLink.objects.get().revoked_at is None


@pytest.mark.parametrize("who", ["other-member", "stranger"])
def test_nobody_else_can_share_a_report(report, other_member_client, who):
    someone = other_member_client if who == "other-member" else client_in("en")
    response = someone.post(share_create_url(report), {"expires_in_days": "30"})
    assert response.status_code == 404
    assert not ShareLink.objects.exists()


def test_a_draft_cannot_be_shared(guide, member_client, member):
    from assessments import services
    from content.models import Stage

    draft, _ = services.assessment_start(
        owner=member,
        current_stage=Stage.objects.get(slug=StageSlug.TECH_LEAD),
        target_stage=Stage.objects.get(slug=StageSlug.CTO),
    )
    response = member_client.post(share_create_url(draft), {"expires_in_days": "30"})
    assert response.status_code == 404
    assert not ShareLink.objects.exists()
