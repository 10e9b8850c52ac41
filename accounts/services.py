"""Writes of the accounts app: creating, changing and erasing a member's account."""

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.auth import get_user_model
from django.db import transaction

from accounts.models import Profile
from assessments.services import assessments_delete_of_owner
from calibration.services import interview_attempts_delete


@transaction.atomic
def account_create(*, username, email, password):
    """A new member with their profile (the sign-up form has checked the password)."""
    user = get_user_model()(username=username, email=email)
    user.set_password(password)
    user.full_clean()
    user.save()
    profile = Profile(user=user)
    profile.full_clean()
    profile.save()
    return user


def profile_get_or_create(*, user):
    """The member's profile, made now for an account created without one (createsuperuser,
    admin). Not atomic: get_or_create guards its own insert, and a visit that only reads
    the profile should not open a write transaction."""
    profile, _created = Profile.objects.get_or_create(user=user)
    profile.user = user  # the caller's user: reading profile.user costs no query
    return profile


@transaction.atomic
def profile_update(*, profile, display_name, preferred_language):
    profile.display_name = display_name
    profile.preferred_language = preferred_language
    profile.full_clean(exclude=["user"])
    profile.save(update_fields=["display_name", "preferred_language", "updated_at"])
    return profile


@transaction.atomic
def account_delete(*, user):
    """Erase a member: every assessment with its answers and share links, the profile,
    django-axes' records of their log-ins (username, address, browser), then the account.
    Assessments never cascade, so each goes on purpose here; the member leaves every
    organisation (their shares go with each membership) and their API tokens go."""
    from api.services import tokens_delete_of_user  # both apps build on accounts
    from organisations.services import memberships_delete_of_user

    memberships_delete_of_user(user=user)
    tokens_delete_of_user(user=user)
    assessments_delete_of_owner(owner=user)
    interview_attempts_delete(owner=user)
    Profile.objects.filter(user=user).delete()
    username = user.get_username()
    for log in (AccessAttempt, AccessLog, AccessFailureLog):
        log.objects.filter(username=username).delete()
    user.delete()
