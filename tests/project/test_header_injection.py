"""A name that can reach a mail header (a round's display name, an organisation's name, a
member's display name) refuses line breaks and other control characters at input; a
name stored before that still sends its mail, on one line."""

import pytest
from django.core import mail
from django.urls import reverse

from colleagues import services as colleagues_services
from colleagues.models import Round
from organisations.models import Organisation
from tests.colleagues.helpers import SELF_LEVEL, invite
from tests.factories import CompletedAssessmentFactory

BAD_NAMES = ["Mina\r\nBcc: everyone@example.com", "Mina\nK.", "Mina\x00K.", "Mina\x1bK."]

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", BAD_NAMES)
def test_a_rounds_display_name_refuses_control_characters(member_client, member, guide, name):
    report = CompletedAssessmentFactory(owner=member, default=SELF_LEVEL)
    response = member_client.post(
        reverse("colleagues:open", args=[report.pk]),
        {
            "display_name": name,
            "items": colleagues_services.default_item_slugs(report),
        },
    )
    assert response.status_code == 400
    if "\x00" not in name:  # Django's own check says "Null characters are not allowed."
        assert "no line breaks" in response.content.decode()
    assert not Round.objects.exists()


@pytest.mark.parametrize("name", BAD_NAMES)
def test_an_organisations_name_refuses_control_characters(member_client, name):
    response = member_client.post(reverse("organisations:list"), {"name": name})
    assert response.status_code == 400
    assert not Organisation.objects.exists()


@pytest.mark.parametrize("name", BAD_NAMES[:2])
def test_a_members_display_name_refuses_control_characters(member_client, name):
    response = member_client.post(reverse("account_settings"), {"display_name": name})
    assert response.status_code == 400


def test_a_name_stored_before_still_sends_its_invitation_on_one_line(member_client, member, guide):
    report = CompletedAssessmentFactory(owner=member, default=SELF_LEVEL)
    round_ = colleagues_services.round_open(
        assessment=report, item_slugs=colleagues_services.default_item_slugs(report)
    )
    Round.objects.filter(pk=round_.pk).update(display_name="Mina\r\nBcc: x@example.com")

    invite(member_client, report, email="colleague@example.com")

    (sent,) = mail.outbox
    assert "\n" not in sent.subject and "\r" not in sent.subject
    assert sent.to == ["colleague@example.com"] and not sent.bcc
