"""The accounts services: creating an account, its profile, and erasing it all."""

import pytest
from django.core.exceptions import ValidationError

from accounts import services
from accounts.models import Profile
from assessments.models import Answer, Assessment, ShareLink
from tests.factories import AnswerFactory, AssessmentFactory


def test_it_creates_a_member_with_their_profile(db, django_user_model):
    user = services.account_create(
        username="hana", email="hana@example.com", password="a-long-pass-for-hana"
    )

    assert django_user_model.objects.get(pk=user.pk).check_password("a-long-pass-for-hana")
    assert Profile.objects.get(user=user).preferred_language == ""


def test_it_refuses_a_username_taken_and_creates_nothing(db, member):
    with pytest.raises(ValidationError):
        services.account_create(username="mina", email="m2@example.com", password="x-long-pw-9")
    assert not Profile.objects.exists()


def test_it_gives_a_user_made_another_way_exactly_one_profile(db, member):
    first = services.profile_get_or_create(user=member)
    again = services.profile_get_or_create(user=member)

    assert first.pk == again.pk
    assert Profile.objects.filter(user=member).count() == 1


def test_it_updates_the_profile(db, member):
    profile = services.profile_get_or_create(user=member)

    services.profile_update(profile=profile, display_name="Mina T.", preferred_language="ja")

    profile.refresh_from_db()
    assert (profile.display_name, profile.preferred_language) == ("Mina T.", "ja")
    assert profile.shown_name == "Mina T."


@pytest.mark.parametrize(
    "display_name, preferred_language", [("x" * 51, ""), ("Mina", "fr"), ("Mina", "EN")]
)
def test_it_refuses_a_bad_profile_and_keeps_the_old_one(
    db, member, display_name, preferred_language
):
    profile = services.profile_get_or_create(user=member)
    services.profile_update(profile=profile, display_name="Mina", preferred_language="en")

    with pytest.raises(ValidationError):
        services.profile_update(
            profile=profile, display_name=display_name, preferred_language=preferred_language
        )

    stored = Profile.objects.get(user=member)
    assert (stored.display_name, stored.preferred_language) == ("Mina", "en")


def test_it_deletes_an_account_with_everything_in_it(db, member, other_member, django_user_model):
    for _ in range(2):
        AnswerFactory(assessment=AssessmentFactory(owner=member))
    shared = AssessmentFactory(owner=member)
    ShareLink.objects.create(assessment=shared, token_hash="a" * 64)
    theirs = AnswerFactory(assessment=AssessmentFactory(owner=other_member))
    their_link = ShareLink.objects.create(assessment=theirs.assessment, token_hash="b" * 64)
    services.profile_get_or_create(user=member)
    their_profile = services.profile_get_or_create(user=other_member)

    services.account_delete(user=member)

    assert list(django_user_model.objects.all()) == [other_member]
    assert list(Assessment.objects.all()) == [theirs.assessment]
    assert list(Answer.objects.all()) == [theirs]
    assert list(ShareLink.objects.all()) == [their_link]
    assert list(Profile.objects.all()) == [their_profile]
