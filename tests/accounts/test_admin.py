"""Admin: a member's profile is edited on their user page, and every user has one."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains

from accounts.models import Profile
from tests.two_factor import verified_client


@pytest.fixture
def staff_client(english_client, django_user_model):
    admin = django_user_model.objects.create_superuser("root", "root@example.com", "x-Pw-long-1")
    return verified_client(english_client, admin)


def _change_form_data(user, **profile):
    return {
        "username": user.username,
        "email": user.email,
        "is_active": "on",
        "date_joined_0": "2026-01-01",
        "date_joined_1": "10:00:00",
        "profile-TOTAL_FORMS": "1",
        "profile-INITIAL_FORMS": "1" if Profile.objects.filter(user=user).exists() else "0",
        "profile-MIN_NUM_FORMS": "1",
        "profile-MAX_NUM_FORMS": "1",
        "profile-0-user": str(user.pk),
        **{f"profile-0-{name}": value for name, value in profile.items()},
    }


def test_staff_edit_a_members_profile_on_their_user_page(staff_client, member):
    url = reverse("admin:auth_user_change", args=[member.pk])
    assertContains(staff_client.get(url), 'name="profile-0-preferred_language"')

    response = staff_client.post(
        url, _change_form_data(member, display_name="Mina T.", preferred_language="en")
    )

    assert response.status_code == 302, response.content[:2000]
    profile = Profile.objects.get(user=member)
    assert (profile.display_name, profile.preferred_language) == ("Mina T.", "en")


def test_a_user_saved_in_admin_without_a_profile_gets_one(staff_client, member):
    url = reverse("admin:auth_user_change", args=[member.pk])
    data = _change_form_data(member)
    data.update({"profile-TOTAL_FORMS": "0"})

    response = staff_client.post(url, data)

    assert response.status_code == 302, response.content[:2000]
    assert Profile.objects.filter(user=member).count() == 1
