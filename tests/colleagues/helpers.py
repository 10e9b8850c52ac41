"""Helpers of the colleagues' tests: a completed assessment with an open round, invitation
links made through the owner's page, and ratings posted through a colleague's link."""

import re

from django.urls import reverse

from colleagues import services
from colleagues.forms import CANNOT_JUDGE, LEVEL_PREFIX
from colleagues.models import RoundItem
from tests.assessments.report_helpers import client_in

# The owner's list of live links, newest first: the first link shown is the one just made.
INVITATION_URL = re.compile(r'id="invitation-url-\d+"[^>]*value="([^"]+)"')
SELF_LEVEL = 2  # the owner rates themselves 2 on every item


def open_round(assessment, display_name="Mina K."):
    return services.round_open(
        assessment=assessment,
        item_slugs=services.default_item_slugs(assessment),
        display_name=display_name,
    )


def manage_url(assessment):
    return reverse("colleagues:manage", args=[assessment.pk])


def invite(client, assessment, relationship="peer", email=""):
    """Create an invitation through the owner's page; return the token it shows to copy."""
    response = client.post(
        reverse("colleagues:invite", args=[assessment.pk]),
        {"relationship": relationship, "email": email},
    )
    assert response.status_code == 302, response.content[:800]
    found = INVITATION_URL.search(client.get(manage_url(assessment)).content.decode())
    assert found, "the new invitation link is not on the round's page"
    return token_of(found.group(1))


def token_of(url):
    return url.rstrip("/").rsplit("/", 1)[-1]


def rate_url(token):
    return reverse("colleague_rate", args=[token])


def rating_data(round_, level=1, comment="", consent=False, **levels):
    """A POST body rating every item of the round `level` (None: can't judge)."""
    data = {"comment": comment}
    for slug in RoundItem.objects.filter(round=round_).values_list("item__slug", flat=True):
        value = levels.get(slug.replace("-", "_"), level)
        data[LEVEL_PREFIX + slug] = CANNOT_JUDGE if value is None else str(value)
    if consent:
        data["manager_consent"] = "on"
    return data


def rate(token, round_, language="en", **options):
    """A colleague (a fresh browser, no account) posts their rating; returns the response."""
    return client_in(language).post(rate_url(token), rating_data(round_, **options))
