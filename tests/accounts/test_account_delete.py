"""Deleting an account: only with the password, and then everything in it goes."""

from django.urls import reverse
from pytest_django.asserts import assertContains, assertRedirects

from accounts.models import Profile
from assessments.models import Answer, Assessment
from tests.factories import AnswerFactory, AssessmentFactory
from tests.questionnaire import PASSWORD

DASHBOARD = reverse("dashboard")


def test_a_wrong_password_deletes_nothing(member, member_client, django_user_model):
    AnswerFactory(assessment=AssessmentFactory(owner=member))
    Profile.objects.create(user=member, display_name="Mina")
    response = member_client.post(reverse("account_delete"), {"password": "not-it"})
    assertContains(response, "That is not your password.", status_code=400)
    assert django_user_model.objects.filter(pk=member.pk).exists()
    assert (Assessment.objects.count(), Answer.objects.count()) == (1, 1)
    assert Profile.objects.filter(user=member).exists()


def test_a_member_deletes_their_account_with_everything_in_it(
    member, member_client, other_member, django_user_model
):
    for _ in range(3):
        AnswerFactory(assessment=AssessmentFactory(owner=member))
    theirs = AnswerFactory(assessment=AssessmentFactory(owner=other_member))
    Profile.objects.create(user=member, display_name="Mina")
    kept = Profile.objects.create(user=other_member, display_name="Olek")
    assertContains(member_client.get(reverse("account_delete")), "Delete my account")

    response = member_client.post(reverse("account_delete"), {"password": PASSWORD})

    assertRedirects(response, reverse("home"), fetch_redirect_response=False)
    assert not django_user_model.objects.filter(pk=member.pk).exists()
    assert list(Assessment.objects.all()) == [theirs.assessment]
    assert list(Answer.objects.all()) == [theirs]
    assert list(Profile.objects.all()) == [kept]
    assert "_auth_user_id" not in member_client.session
    assert member_client.get(DASHBOARD).status_code == 302


def test_deleting_the_account_erases_its_log_in_records(member, other_member):
    from axes.models import AccessAttempt, AccessLog

    from tests.questionnaire import english_browser

    for who in ("mina", "olek"):
        english_browser().post(reverse("login"), {"username": who, "password": "wrong"})
        english_browser().post(reverse("login"), {"username": who, "password": PASSWORD})
        english_browser().post(reverse("login"), {"username": who, "password": "wrong-again"})
    assert AccessLog.objects.filter(username="mina").exists()
    assert AccessAttempt.objects.filter(username="mina").exists()
    client = english_browser()
    client.force_login(member)

    client.post(reverse("account_delete"), {"password": PASSWORD})

    assert not AccessLog.objects.filter(username="mina").exists()
    assert not AccessAttempt.objects.filter(username="mina").exists()
    assert AccessLog.objects.filter(username="olek").exists()
    assert AccessAttempt.objects.filter(username="olek").exists()
