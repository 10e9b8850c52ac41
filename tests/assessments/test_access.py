"""Who may see an assessment, and as whom (assessments/access.py)."""

from datetime import timedelta

import pytest
from django.http import Http404
from django.test import RequestFactory
from django.utils import timezone

from assessments import access, services
from assessments.access import SEES, Audience
from tests.factories import CompletedAssessmentFactory


def test_every_audience_sees_a_defined_part():
    assert set(SEES) == set(Audience)


def test_the_person_themself_sees_everything():
    for audience in (Audience.OWNER, Audience.VISITOR):
        parts = SEES[audience]
        assert parts.report and parts.notes and parts.comparison and parts.draft and parts.manage


def test_nobody_else_sees_notes_drafts_or_the_controls():
    for audience in (Audience.SHARE_VIEWER, Audience.COLLEAGUE, Audience.ORGANISATION_ADMIN):
        parts = SEES[audience]
        assert not (parts.notes or parts.draft or parts.manage), audience
        assert not parts.comparison, f"{audience} would see an assessment not shared with them"


def test_a_share_viewer_sees_the_report_and_a_colleague_does_not():
    assert SEES[Audience.SHARE_VIEWER].report
    assert not SEES[Audience.COLLEAGUE].report, "colleagues never see the person's own ratings"


def request_of(session_ids=(), user=None):
    from django.contrib.auth.models import AnonymousUser

    request = RequestFactory().get("/")
    ids = [str(i) for i in session_ids]  # as the session that made them
    request.session = {access.SESSION_KEY: ids, access.CLAIMABLE_KEY: ids}
    request.user = user or AnonymousUser()
    return request


@pytest.mark.django_db
def test_the_owner_and_the_visitor_are_told_apart(guide, member, other_member):
    owned = CompletedAssessmentFactory(owner=member)
    visitors = CompletedAssessmentFactory()
    assert access.access_for(request_of(user=member), owned.pk).audience == Audience.OWNER
    seen = access.access_for(request_of([visitors.pk]), visitors.pk)
    assert (seen.audience, seen.assessment.pk) == (Audience.VISITOR, visitors.pk)
    for request in (request_of(user=other_member), request_of([visitors.pk]), request_of()):
        with pytest.raises(Http404):
            access.access_for(request, owned.pk)
    with pytest.raises(Http404):
        access.access_for(request_of(user=member), visitors.pk)


@pytest.mark.django_db
def test_a_live_share_link_gives_a_share_viewer_and_a_dead_one_nothing(guide, member):
    completed = CompletedAssessmentFactory(owner=member)
    link, token = services.share_link_create(assessment=completed)
    seen = access.access_by_share_token(token)
    assert (seen.audience, seen.assessment.pk) == (Audience.SHARE_VIEWER, completed.pk)
    assert not seen.sees.notes
    expired, expired_token = services.share_link_create(
        assessment=completed, expires_at=timezone.now() - timedelta(seconds=1)
    )
    services.share_link_revoke(link=link)
    for dead in (token, expired_token, "not-a-token"):
        with pytest.raises(Http404):
            access.access_by_share_token(dead)


@pytest.mark.django_db
def test_a_resume_link_opens_a_visitors_draft_for_this_session_only(guide, member):
    draft, token = services.assessment_start(
        owner=None,
        current_stage=CompletedAssessmentFactory().current_stage,
        target_stage=CompletedAssessmentFactory().target_stage,
    )
    request = request_of()
    assert access.access_by_resume_token(request, token).audience == Audience.VISITOR
    assert access.session_assessment_ids(request) == [str(draft.pk)]
    owned, owned_token = services.assessment_start(
        owner=member, current_stage=draft.current_stage, target_stage=draft.target_stage
    )
    with pytest.raises(Http404):
        access.access_by_resume_token(request_of(), owned_token)
    assert access.access_by_resume_token(request_of(user=member), owned_token).audience == (
        Audience.OWNER
    )
