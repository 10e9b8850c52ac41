"""The owner's round: open it, invite, copy or email links, revoke, close."""

import pytest
from django.core import mail
from django.test import override_settings
from django.urls import reverse

from colleagues import services
from colleagues.models import Invitation, Round
from tests.assessments.report_helpers import visitor_client
from tests.colleagues.helpers import SELF_LEVEL, invite, manage_url, rate, rate_url
from tests.factories import CompletedAssessmentFactory
from tests.questionnaire import english_browser

pytestmark = pytest.mark.django_db


def test_it_offers_the_default_items_checked(member_client, report):
    response = member_client.get(manage_url(report))
    assert response.status_code == 200
    html = response.content.decode()
    for slug in services.default_item_slugs(report):
        assert f'value="{slug}" id=' in html
    assert html.count(" checked>") == len(services.default_item_slugs(report))


def test_it_opens_a_round_on_the_chosen_items(member_client, report):
    slugs = services.default_item_slugs(report)[:5]
    response = member_client.post(
        reverse("colleagues:open", args=[report.pk]), {"items": slugs, "display_name": "Mina"}
    )
    assert response.status_code == 302
    round_ = Round.objects.get(assessment=report)
    assert [line.item.slug for line in round_.round_items.order_by("order")] == slugs
    assert {line.self_level for line in round_.round_items.all()} == {2}
    assert round_.display_name == "Mina"


def test_it_refuses_fewer_than_five_items_or_foreign_ones(member_client, report):
    url = reverse("colleagues:open", args=[report.pk])
    slugs = services.default_item_slugs(report)
    response = member_client.post(url, {"items": slugs[:4]})
    assert response.status_code == 400
    assert b"at least 5 items" in response.content
    response = member_client.post(url, {"items": [*slugs[:5], "no-such-item"]})
    assert response.status_code == 400
    assert not Round.objects.exists()


def test_it_creates_a_link_stored_hashed(member_client, round_, report):
    token = invite(member_client, report, "manager")
    invitation = Invitation.objects.get()
    assert len(token) >= 43  # 256 random bits, URL-safe base64
    assert token not in invitation.token_hash and invitation.relationship == "manager"
    assert (invitation.expires_at - invitation.created_at).days == 20  # 21 days less a moment
    assert token not in str(list(Invitation.objects.values()))


def test_it_emails_the_link_and_keeps_no_address(member_client, round_, report):
    token = invite(member_client, report, "peer", email="colleague@example.com")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["colleague@example.com"]
    assert rate_url(token) in mail.outbox[0].body
    assert "Mina K." in mail.outbox[0].subject
    assert "colleague@example.com" not in str(list(Invitation.objects.values()))


def test_it_refuses_a_bad_relationship_or_email(member_client, round_, report):
    url = reverse("colleagues:invite", args=[report.pk])
    assert member_client.post(url, {"relationship": "boss"}).status_code == 400
    assert member_client.post(url, {"relationship": "peer", "email": "x@"}).status_code == 400
    assert not Invitation.objects.exists()


def test_a_round_holds_at_most_fifteen_live_links(member_client, round_, report):
    for _ in range(services.MAX_INVITATIONS):
        services.invitation_create(round_=round_, relationship="peer")
    url = reverse("colleagues:invite", args=[report.pk])
    response = member_client.post(url, {"relationship": "peer"})
    assert response.status_code == 400
    assert b"at most 15 links" in response.content
    services.invitation_revoke(invitation=Invitation.objects.first())
    assert member_client.post(url, {"relationship": "peer"}).status_code == 302


@override_settings(RATE_LIMITS={"invite": "100/h", "invite_assessment": "3/h"})
def test_invitations_are_limited_per_assessment_and_hour(member_client, round_, report):
    url = reverse("colleagues:invite", args=[report.pk])
    for _ in range(3):
        assert member_client.post(url, {"relationship": "peer"}).status_code == 302
    response = member_client.post(url, {"relationship": "peer"})
    assert response.status_code == 429 and int(response["Retry-After"]) > 0
    assert Invitation.objects.count() == 3


@override_settings(RATE_LIMITS={"invite": "2/h", "invite_assessment": "100/h"})
def test_invitations_are_limited_per_person_and_hour(member_client, round_, report):
    url = reverse("colleagues:invite", args=[report.pk])
    for _ in range(2):
        assert member_client.post(url, {"relationship": "peer"}).status_code == 302
    assert member_client.post(url, {"relationship": "peer"}).status_code == 429


def test_revoking_a_link_stops_it(member_client, round_, report):
    token = invite(member_client, report)
    invitation = Invitation.objects.get()
    url = reverse("colleagues:revoke", args=[report.pk, invitation.pk])
    assert member_client.post(url).status_code == 302
    assert english_browser().get(rate_url(token)).status_code == 404
    assert member_client.get(rate_url(token)).status_code == 403  # the owner's own link


def test_closing_the_round_stops_every_link_and_invitations(member_client, round_, report):
    token = invite(member_client, report)
    assert member_client.post(reverse("colleagues:close", args=[report.pk])).status_code == 302
    response = rate(token, round_)
    assert response.status_code == 404
    assert b"This link does not work" in response.content
    response = member_client.post(
        reverse("colleagues:invite", args=[report.pk]), {"relationship": "peer"}
    )
    assert response.status_code == 302
    assert Invitation.objects.count() == 1


def test_the_page_does_not_say_which_link_was_answered(member_client, round_, report):
    first = invite(member_client, report)
    invite(member_client, report)
    assert rate(first, round_).status_code == 302
    html = member_client.get(manage_url(report)).content.decode()
    assert "answered: 1" in html
    items = html.split('class="list-group invitation-list mb-3"')[1].split("</ul>")[0]
    first_item, second_item = items.split("</li>")[:2]
    assert first_item.replace("\n", "").count("works until") == 1
    assert second_item.replace("\n", "").count("works until") == 1


def test_revoking_a_used_or_unused_link_leaves_the_counts_alike(member_client, round_, report):
    used = invite(member_client, report)
    invite(member_client, report)
    rate(used, round_)
    for invitation in Invitation.objects.all():
        services.invitation_revoke(invitation=invitation)
    assert "Invited: 2 · answered: 1" in member_client.get(manage_url(report)).content.decode()


def test_a_draft_has_no_round(member_client, member_draft):
    _, draft = member_draft
    assert member_client.get(manage_url(draft)).status_code == 404


def test_the_round_page_runs_a_fixed_number_of_queries(
    member_client, round_, report, django_assert_max_num_queries
):
    for _ in range(5):
        invite(member_client, report)
    with django_assert_max_num_queries(12):
        assert member_client.get(manage_url(report)).status_code == 200


def test_a_visitor_runs_a_round_from_their_session(guide):
    report = CompletedAssessmentFactory(default=SELF_LEVEL)
    visitor = visitor_client(report)
    assert visitor.get(manage_url(report)).status_code == 200
    slugs = services.default_item_slugs(report)
    response = visitor.post(reverse("colleagues:open", args=[report.pk]), {"items": slugs})
    assert response.status_code == 302
    assert invite(visitor, report, "other")
    assert (
        b"Ask your colleagues"
        in visitor.get(reverse("assessments:detail", args=[report.pk])).content
    )
