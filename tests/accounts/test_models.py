"""The profile's rules hold in the database itself, whatever code writes to it."""

import pytest
from django.db import IntegrityError, transaction

from accounts.models import Profile


def test_a_member_has_at_most_one_profile(db, member):
    Profile.objects.create(user=member)
    with pytest.raises(IntegrityError), transaction.atomic():
        Profile.objects.create(user=member)


def test_an_unknown_language_is_refused_by_the_database(db, member):
    profile = Profile.objects.create(user=member)
    with pytest.raises(IntegrityError), transaction.atomic():
        Profile.objects.filter(pk=profile.pk).update(preferred_language="fr")


def test_the_profile_is_shown_by_its_display_name_else_the_username(db, member):
    profile = Profile.objects.create(user=member)
    assert str(profile) == "mina"
    profile.display_name = "Mina T."
    assert str(profile) == "Mina T."
