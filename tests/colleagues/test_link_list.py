"""The owner's list of links: each live link with its relationship and dates, its plain
form to copy while the session that made it keeps it, re-issue and revoke; never which
link was answered."""

import re
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from colleagues import kept_links, services
from colleagues.models import Invitation
from tests.assessments.report_helpers import visitor_client
from tests.colleagues.helpers import SELF_LEVEL, invite, manage_url, rate, rate_url, token_of
from tests.factories import CompletedAssessmentFactory
from tests.questionnaire import english_browser

pytestmark = pytest.mark.django_db

LINK = re.compile(r'id="invitation-url-(\d+)"[^>]*value="([^"]+)"')


def shown(client, report):
    """{invitation id: token} of the links the owner's page offers to copy, in page order."""
    html = client.get(manage_url(report)).content.decode()
    return {int(pk): token_of(url) for pk, url in LINK.findall(html)}


def live_list(client, report):
    html = client.get(manage_url(report)).content.decode()
    return html.split('class="list-group invitation-list mb-3"')[1].split("</ul>")[0]


def url(name, report, invitation):
    return reverse(f"colleagues:{name}", args=[report.pk, invitation.pk])


def test_it_lists_every_live_link_with_its_relationship_newest_first(member_client, round_, report):
    tokens = [invite(member_client, report, r) for r in ("manager", "peer", "direct_report")]
    links = shown(member_client, report)
    assert list(links.values()) == tokens[::-1]  # all three, not only the last
    rows = live_list(member_client, report).split("</li>")[:3]
    for row, label in zip(rows, ["Direct report", "Peer", "Manager"], strict=True):
        assert f'<span class="fw-semibold">{label}</span>' in row
        assert "created" in row and "works until" in row
        assert "data-copy-target" in row and "Revoke" in row


def test_a_copied_link_is_no_longer_kept_and_can_be_re_issued(member_client, round_, report):
    token = invite(member_client, report, "peer")
    invitation = Invitation.objects.get()
    response = member_client.post(url("copied", report, invitation), HTTP_ACCEPT="application/json")
    assert response.status_code == 200 and response.json() == {"kept": False}
    assert shown(member_client, report) == {}
    row = live_list(member_client, report)
    assert "Peer" in row and "Re-issue" in row and token not in row
    assert token not in str(dict(member_client.session))


def test_only_the_session_that_made_a_link_keeps_it(member, member_client, round_, report):
    invite(member_client, report)
    elsewhere = english_browser()
    elsewhere.force_login(member)
    assert shown(elsewhere, report) == {}
    assert "Re-issue" in live_list(elsewhere, report)


def test_re_issuing_revokes_the_link_and_makes_one_for_the_same_relationship(
    member_client, round_, report
):
    old_token = invite(member_client, report, "manager")
    old = Invitation.objects.get()
    response = member_client.post(url("reissue", report, old))
    assert response.status_code == 302
    new = Invitation.objects.exclude(pk=old.pk).get()
    assert response["Location"].endswith(f"#invitation-{new.pk}")
    old.refresh_from_db()
    assert old.revoked_at is not None and new.relationship == "manager"
    assert list(shown(member_client, report)) == [new.pk]
    assert Client().get(rate_url(old_token)).status_code == 404
    assert Client().get(rate_url(shown(member_client, report)[new.pk])).status_code == 200


def test_re_issuing_an_answered_link_looks_the_same_as_an_unanswered_one(
    member_client, round_, report
):
    answered = invite(member_client, report)
    invite(member_client, report)
    assert rate(answered, round_).status_code == 302
    statuses = [
        member_client.post(url("reissue", report, invitation)).status_code
        for invitation in Invitation.objects.order_by("pk")
    ]
    assert statuses == [302, 302]
    assert Invitation.objects.filter(revoked_at__isnull=True).count() == 2


def test_a_link_that_no_longer_works_is_not_re_issued(member_client, round_, report):
    invite(member_client, report)
    invitation = Invitation.objects.get()
    services.invitation_revoke(invitation=invitation)
    response = member_client.post(url("reissue", report, invitation))
    assert response.status_code == 409
    assert b"cannot be re-issued" in response.content
    assert Invitation.objects.count() == 1


def test_revoking_moves_the_link_to_the_ended_ones_and_forgets_it(member_client, round_, report):
    token = invite(member_client, report, "peer")
    invitation = Invitation.objects.get()
    assert member_client.post(url("revoke", report, invitation)).status_code == 302
    html = member_client.get(manage_url(report)).content.decode()
    assert token not in html and "invitation-list" not in html
    assert "1 link no longer works" in html and "revoked" in html
    assert token not in str(dict(member_client.session))


def test_an_expired_link_or_a_closed_round_leaves_nothing_to_copy(member_client, round_, report):
    expiring = invite(member_client, report)
    Invitation.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    assert shown(member_client, report) == {}
    assert expiring not in str(dict(member_client.session))
    kept = invite(member_client, report)
    member_client.post(reverse("colleagues:close", args=[report.pk]))
    html = member_client.get(manage_url(report)).content.decode()
    assert kept not in html and kept not in str(dict(member_client.session))
    assert "the round is closed" in html and "expired" in html


def test_another_person_reaches_none_of_the_links(member_client, round_, report):
    invite(member_client, report)
    invitation = Invitation.objects.get()
    other = visitor_client(CompletedAssessmentFactory(default=SELF_LEVEL))
    assert other.get(manage_url(report)).status_code == 404
    for name in ("copied", "reissue", "revoke"):
        assert other.post(url(name, report, invitation)).status_code == 404
    assert Invitation.objects.get().revoked_at is None
    assert len(shown(member_client, report)) == 1


def test_an_unknown_link_or_a_get_is_refused(member_client, round_, report):
    missing = reverse("colleagues:copied", args=[report.pk, 999999])
    assert member_client.post(missing).status_code == 404
    assert member_client.post(missing.replace("copied", "reissue")).status_code == 404
    invite(member_client, report)
    invitation = Invitation.objects.get()
    assert member_client.get(url("copied", report, invitation)).status_code == 405


def test_the_session_keeps_links_per_assessment():
    session = {}
    one, two = SimpleNamespace(pk="a"), SimpleNamespace(pk="b")
    kept_links.link_keep(session, assessment=one, invitation=SimpleNamespace(pk=1), token="t1")
    kept_links.link_keep(session, assessment=two, invitation=SimpleNamespace(pk=2), token="t2")
    assert kept_links.links_to_copy(session, assessment=one, live_ids={1}) == {1: "t1"}
    assert kept_links.links_to_copy(session, assessment=two, live_ids=set()) == {}
    assert kept_links.link_forget(session, assessment=one, invitation_id=1)
    assert not kept_links.link_forget(session, assessment=one, invitation_id=1)
    assert session == {kept_links.SESSION_KEY: {}}


def test_the_list_runs_a_fixed_number_of_queries(
    member_client, round_, report, django_assert_max_num_queries
):
    for relationship in ("manager", "peer", "peer", "other"):
        invite(member_client, report, relationship)
    services.invitation_revoke(invitation=Invitation.objects.first())
    with django_assert_max_num_queries(12):
        assert member_client.get(manage_url(report)).status_code == 200
