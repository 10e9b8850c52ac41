"""The owner of a round cannot unmask a colleague: they cannot rate in their own round
(from their session or their account), and opening the links of their round tells them
nothing about which were answered. End to end, through the proxy header."""

import re

import pytest
from django.test import Client

from colleagues.models import ColleagueRating, Invitation
from tests.colleagues.helpers import SELF_LEVEL, invite, manage_url, rate_url, rating_data
from tests.factories import CompletedAssessmentFactory
from tests.questionnaire import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _behind_the_proxy(settings):
    settings.TRUSTED_PROXY_COUNT = 1


CSRF = re.compile(rb'name="csrfmiddlewaretoken" value="[^"]+"')
OWN_ADDRESS = re.compile(rb"/rate/[^/]+/")


def words(response):
    """The page without its per-render CSRF token (the log-out form's) and its own
    address (the language switcher's "next")."""
    return OWN_ADDRESS.sub(b"", CSRF.sub(b"", response.content))


def browser(address):
    return Client(HTTP_ACCEPT_LANGUAGE="en", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=address)


@pytest.fixture
def owner(member, round_):
    client = browser("198.51.100.7")
    client.force_login(member)
    return client


def test_the_audits_attack_finds_nothing_the_owner_cannot_rate_their_own_round(
    owner, report, round_
):
    peer_token = invite(owner, report)
    assert (
        browser("203.0.113.9").post(rate_url(peer_token), rating_data(round_, 3)).status_code == 302
    )
    fakes = [invite(owner, report) for _ in range(2)]

    for token in fakes:
        page = owner.get(rate_url(token))
        assert page.status_code == 403
        assert "your own" in page.content.decode()
        refused = owner.post(rate_url(token), rating_data(round_, level=0))
        assert refused.status_code == 403

    assert ColleagueRating.objects.count() == 1
    assert Invitation.objects.filter(used=True).count() == 1
    report_page = owner.get(f"/assessments/{report.pk}/").content.decode()
    assert "3 answered" not in report_page


def test_the_owners_account_is_refused_from_another_browser_too(member, report, round_):
    token = invite(_logged_in(member, "198.51.100.7"), report)
    elsewhere = browser("192.0.2.44")
    elsewhere.post("/accounts/login/", {"username": member.username, "password": PASSWORD})
    assert elsewhere.post(rate_url(token), rating_data(round_, level=0)).status_code == 403
    assert not ColleagueRating.objects.exists()


def _logged_in(member, address):
    client = browser(address)
    client.force_login(member)
    return client


def test_a_visitor_owner_is_refused_by_session(guide):
    from tests.colleagues.helpers import open_round

    visitor = browser("198.51.100.9")
    assessment = CompletedAssessmentFactory(default=SELF_LEVEL)
    session = visitor.session
    session["assessment_ids"] = [str(assessment.pk)]
    session["claimable_assessment_ids"] = [str(assessment.pk)]  # as the session that made it
    session.save()
    round_ = open_round(assessment)
    token = invite(visitor, assessment)
    assert visitor.post(rate_url(token), rating_data(round_, level=0)).status_code == 403
    assert not ColleagueRating.objects.exists()


def test_used_revoked_and_unknown_links_look_the_same_to_the_owner_and_to_strangers(
    owner, report, round_
):
    used, revoked, unused = (invite(owner, report) for _ in range(3))
    rater = browser("203.0.113.9")
    assert rater.post(rate_url(used), rating_data(round_, 2)).status_code == 302
    owner.post(f"{manage_url(report)}invitations/{Invitation.objects.order_by('pk')[1].pk}/revoke/")
    owner.get(manage_url(report))  # shows (and uses up) the message about revoking

    # The owner's own session sees one refusal for every link of their round.
    pages = {words(owner.get(rate_url(token))) for token in (used, revoked, unused)}
    assert len(pages) == 1

    # Any other browser (the owner's other ones included) sees one page for a used, a
    # revoked and an unknown link: same status, same words.
    stranger = browser("192.0.2.1")
    answers = [stranger.get(rate_url(t)) for t in (used, revoked, "x" * 43)]
    assert {a.status_code for a in answers} == {404}
    assert len({words(a) for a in answers}) == 1
    posted = [stranger.post(rate_url(t), rating_data(round_, 1)) for t in (used, revoked)]
    assert {p.status_code for p in posted} == {404}
    assert {words(p) for p in posted} == {words(answers[0])}


def test_only_the_rater_who_just_used_the_link_is_thanked(round_, owner, report):
    token = invite(owner, report)
    rater = browser("203.0.113.9")
    response = rater.post(rate_url(token), rating_data(round_, 2))
    assert response.status_code == 302
    thanks = rater.get(response["Location"])
    assert thanks.status_code == 200
    assert "Your rating is in" in thanks.content.decode()
    assert "Your rating is in" not in browser("203.0.113.9").get(rate_url(token)).content.decode()
