"""A colleague rates through their link, without an account, once."""

import pytest
from django.utils import timezone

from colleagues.models import ColleagueComment, ColleagueRating, Invitation, ItemRating
from colleagues.services import invitation_create
from tests.assessments.report_helpers import client_in
from tests.colleagues.helpers import rate, rate_url, rating_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def token(round_):
    return invitation_create(round_=round_, relationship="peer")[1]


@pytest.mark.parametrize(
    ("language", "heading"),
    [("en", "How do you see Mina K. at work?"), ("ja", "Mina K.")],
)
def test_the_form_names_the_owner_as_they_chose_and_shows_the_rubric(
    token, round_, language, heading
):
    response = client_in(language).get(rate_url(token))
    assert response.status_code == 200
    html = response.content.decode()
    assert heading in html
    assert "no-store" in response["Cache-Control"]
    first = round_.round_items.order_by("order").first().item
    assert first.rubric_levels.get(level=3).text in html or language == "en"


def test_it_never_shows_the_owners_ratings_or_username(token, round_, report):
    html = client_in("en").get(rate_url(token)).content.decode()
    assert report.owner.username not in html
    assert "You were invited as their peer" in html
    assert "checked" not in html  # nothing pre-filled, not the owner's levels


def test_a_rating_is_stored_without_a_link_to_its_invitation(token, round_):
    response = rate(token, round_, level=3, comment="Clear in a crisis.")
    assert response.status_code == 302
    rating = ColleagueRating.objects.get()
    assert rating.relationship == "peer" and not rating.manager_consent
    assert {r.level for r in ItemRating.objects.all()} == {3}
    assert ColleagueComment.objects.get().text == "Clear in a crisis."
    assert Invitation.objects.get().used
    fields = {f.name for f in ColleagueRating._meta.get_fields()}
    assert not {"invitation", "created_at", "submitted_at"} & fields
    fields = {f.name for f in Invitation._meta.get_fields()}
    assert not {"used_at", "rating"} & fields


def test_the_used_link_thanks_its_rater_and_posting_again_stores_nothing(token, round_):
    rater = client_in("en")
    assert rater.post(rate_url(token), rating_data(round_)).status_code == 302
    response = rater.get(rate_url(token))
    assert response.status_code == 200
    assert b"Thank you" in response.content
    again = rate(token, round_, level=0)
    assert again.status_code == 404
    assert b"Thank you" not in again.content
    assert ColleagueRating.objects.count() == 1
    assert set(ItemRating.objects.values_list("level", flat=True)) == {1}


def test_cant_judge_is_stored_as_no_level(token, round_):
    data = rating_data(round_, level=2)
    key = next(k for k in data if k.startswith("level-"))
    data[key] = "na"
    assert client_in("en").post(rate_url(token), data).status_code == 302
    assert ItemRating.objects.filter(level__isnull=True).count() == 1


@pytest.mark.parametrize("bad", ["5", "-1", "2.5", "high", ""])
def test_a_level_off_the_scale_is_refused(token, round_, bad):
    data = rating_data(round_)
    data[next(k for k in data if k.startswith("level-"))] = bad
    response = client_in("en").post(rate_url(token), data)
    assert response.status_code == 400
    assert not ColleagueRating.objects.exists()
    assert not Invitation.objects.get().used


def test_an_item_not_in_the_round_is_refused(token, round_):
    data = {**rating_data(round_), "level-cloud-computing": "3"}
    response = client_in("en").post(rate_url(token), data)
    assert response.status_code == 400
    assert b"does not ask about" in response.content
    assert not ColleagueRating.objects.exists()


def test_a_missing_item_is_refused_and_all_cant_judge_too(token, round_):
    data = rating_data(round_)
    del data[next(k for k in data if k.startswith("level-"))]
    assert client_in("en").post(rate_url(token), data).status_code == 400
    assert client_in("en").post(rate_url(token), rating_data(round_, level=None)).status_code == 400
    assert not ColleagueRating.objects.exists()


def test_a_too_long_comment_is_refused(token, round_):
    response = rate(token, round_, comment="x" * 1001)
    assert response.status_code == 400
    assert not ColleagueRating.objects.exists()


def test_only_a_manager_can_agree_to_be_shown_alone(round_):
    peer = invitation_create(round_=round_, relationship="peer")[1]
    manager = invitation_create(round_=round_, relationship="manager")[1]
    assert b"manager_consent" not in client_in("en").get(rate_url(peer)).content
    assert b"manager_consent" in client_in("en").get(rate_url(manager)).content
    rate(peer, round_, consent=True)
    rate(manager, round_, consent=True)
    consent = dict(ColleagueRating.objects.values_list("relationship", "manager_consent"))
    assert consent == {"peer": False, "manager": True}


def test_unknown_expired_and_revoked_links_all_say_the_link_does_not_work(
    token, round_, english_client
):
    assert english_client.get(rate_url("no-such-token")).status_code == 404
    assert english_client.post(rate_url("no-such-token")).status_code == 404
    invitation = Invitation.objects.get()
    invitation.expires_at = timezone.now()
    invitation.save()
    response = english_client.get(rate_url(token))
    assert response.status_code == 404 and b"This link does not work" in response.content
    assert rate(token, round_).status_code == 404
    invitation.revoked_at = timezone.now()
    invitation.save()
    assert b"This link does not work" in english_client.get(rate_url(token)).content
    assert not ColleagueRating.objects.exists()


def test_other_methods_are_not_allowed(token, english_client):
    assert english_client.put(rate_url(token)).status_code == 405


def test_the_form_runs_a_fixed_number_of_queries(
    token, english_client, django_assert_max_num_queries
):
    with django_assert_max_num_queries(6):
        assert english_client.get(rate_url(token)).status_code == 200
