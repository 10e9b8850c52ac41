"""Creating an organisation, inviting, joining, leaving: the rules and the bad input."""

import re
from datetime import timedelta
from urllib.parse import quote

import pytest
from django.core import mail
from django.utils import timezone

from organisations import services
from organisations.models import Membership, Organisation, OrganisationInvitation
from tests.organisations.conftest import PASSWORD, join
from tests.questionnaire import english_browser


def _invite(client, organisation, **data):
    response = client.post(
        f"/organisations/{organisation.pk}/invitations/", {"role": "member", **data}
    )
    return response


def _new_link(client, organisation):
    page = client.get(f"/organisations/{organisation.pk}/").content.decode()
    start = page.index("/organisations/join/")
    return page[start : page.index('"', start)]


@pytest.mark.django_db
def test_it_creates_an_organisation_whose_creator_is_owner(english_client, make_member, guide):
    user = make_member("founder")
    english_client.force_login(user)
    response = english_client.post("/organisations/", {"name": "  Acme  "})
    organisation = Organisation.objects.get()
    assert response.status_code == 302
    assert organisation.name == "Acme"
    assert Membership.objects.get(organisation=organisation).role == "owner"
    assert english_client.post("/organisations/", {"name": "   "}).status_code == 400
    assert Organisation.objects.count() == 1


@pytest.mark.django_db
def test_an_invitation_link_is_shown_once_stored_hashed_and_joins_once(
    english_client, organisation, owner, make_member
):
    english_client.force_login(owner)
    assert _invite(english_client, organisation).status_code == 302
    link = _new_link(english_client, organisation)
    token = link.rstrip("/").rsplit("/", 1)[-1]
    assert len(token) >= 22  # at least 128 random bits, URL-safe
    invitation = OrganisationInvitation.objects.get()
    assert token not in invitation.token_hash
    assert (
        "/organisations/join/"
        not in english_client.get(f"/organisations/{organisation.pk}/").content.decode()
    )

    newcomer = make_member("newcomer")
    english_client.force_login(newcomer)
    assert english_client.get(link).status_code == 200
    assert english_client.post(link).status_code == 302
    assert Membership.objects.get(user=newcomer).role == "member"
    # Used up: a second person gets a 404.
    english_client.force_login(make_member("late"))
    assert english_client.get(link).status_code == 404
    assert english_client.post(link).status_code == 404


@pytest.mark.django_db
def test_expired_revoked_or_unknown_invitations_open_nothing(
    english_client, organisation, owner, make_member
):
    inviter = organisation.memberships.get()
    expired, expired_token = services.invitation_create(membership=inviter)
    OrganisationInvitation.objects.filter(pk=expired.pk).update(
        expires_at=timezone.now() - timedelta(seconds=1)
    )
    revoked, revoked_token = services.invitation_create(membership=inviter)
    english_client.force_login(owner)
    assert (
        english_client.post(
            f"/organisations/{organisation.pk}/invitations/{revoked.pk}/revoke/"
        ).status_code
        == 302
    )
    english_client.force_login(make_member("hopeful"))
    for token in (expired_token, revoked_token, "not-a-token"):
        assert english_client.get(f"/organisations/join/{token}/").status_code == 404
        assert english_client.post(f"/organisations/join/{token}/").status_code == 404
    assert organisation.memberships.count() == 1


@pytest.mark.django_db
def test_a_join_link_opened_logged_out_says_who_invites_and_offers_both_ways(
    english_client, organisation
):
    _invitation, token = services.invitation_create(membership=organisation.memberships.get())
    join_path = f"/organisations/join/{token}/"

    page = english_client.get(join_path)

    assert page.status_code == 200
    html = page.content.decode()
    assert "You are invited to Acme Engineering" in html
    assert f'href="/accounts/signup/?next={quote(join_path, safe="")}"' in html
    assert f'href="/accounts/login/?next={quote(join_path, safe="")}"' in html
    # Joining itself still needs an account: a post goes to log in, and joins nobody.
    response = english_client.post(join_path)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert organisation.memberships.count() == 1


@pytest.mark.django_db
def test_the_invitation_carries_through_the_log_in_page(english_client, organisation, make_member):
    _invitation, token = services.invitation_create(membership=organisation.memberships.get())
    join_path = f"/organisations/join/{token}/"
    english_client.get(join_path)
    make_member("invitee")

    login_page = english_client.get("/accounts/login/")  # even reached without its next=

    assert "You are invited to Acme Engineering" in login_page.content.decode()
    assert f'href="/accounts/signup/?next={quote(join_path, safe="")}"' in (
        login_page.content.decode()
    )
    response = english_client.post(
        "/accounts/login/", {"username": "invitee", "password": PASSWORD, "next": join_path}
    )
    assert response["Location"] == join_path
    assert english_client.post(join_path).status_code == 302
    assert organisation.memberships.filter(user__username="invitee").exists()


@pytest.mark.django_db
def test_the_invitation_carries_through_sign_up_by_email(english_client, organisation):
    _invitation, token = services.invitation_create(membership=organisation.memberships.get())
    join_path = f"/organisations/join/{token}/"
    english_client.get(join_path)

    signup_page = english_client.get("/accounts/signup/")
    assert "You are invited to Acme Engineering" in signup_page.content.decode()
    english_client.post("/accounts/signup/", {"email": "invitee@example.com", "next": join_path})
    confirm = re.search(r"/accounts/signup/confirm/[^/\s]+/", mail.outbox[-1].body).group(0)
    elsewhere = english_browser()  # the email may be opened in another browser
    response = elsewhere.post(
        confirm,
        {"new_password1": "a-long-test-password-42", "new_password2": "a-long-test-password-42"},
    )

    assert response["Location"] == join_path
    page = elsewhere.get(join_path)
    assert "You are invited to Acme Engineering" in page.content.decode()
    assert elsewhere.post(join_path).status_code == 302
    assert organisation.memberships.filter(user__email="invitee@example.com").exists()


@pytest.mark.django_db
def test_an_email_invitation_sends_the_link(english_client, organisation, owner):
    english_client.force_login(owner)
    assert _invite(english_client, organisation, email="new@example.com").status_code == 302
    assert mail.outbox[0].to == ["new@example.com"]
    assert "/organisations/join/" in mail.outbox[0].body


@pytest.mark.django_db
def test_only_owners_and_admins_invite_and_only_owners_invite_admins(
    english_client, organisation, make_member, outsider
):
    member = make_member("member")
    join(organisation, member)
    admin = make_member("admin")
    join(organisation, admin, role="admin")
    english_client.force_login(member)
    assert _invite(english_client, organisation).status_code == 404
    english_client.force_login(outsider)
    assert _invite(english_client, organisation).status_code == 404
    english_client.force_login(admin)
    assert _invite(english_client, organisation, role="admin").status_code == 400
    assert _invite(english_client, organisation, role="owner").status_code == 400
    assert (
        OrganisationInvitation.objects.filter(
            organisation=organisation, accepted_at__isnull=True
        ).count()
        == 0
    )
    assert _invite(english_client, organisation).status_code == 302


@pytest.mark.django_db
def test_a_member_already_in_it_is_not_joined_twice(english_client, organisation, owner):
    _invitation, token = services.invitation_create(membership=organisation.memberships.get())
    english_client.force_login(owner)
    assert english_client.post(f"/organisations/join/{token}/").status_code == 302
    assert organisation.memberships.count() == 1
    assert OrganisationInvitation.objects.get().accepted_at is None


@pytest.mark.django_db
def test_leaving_removes_shares_and_then_the_organisation_is_404(
    english_client, organisation, team
):
    avery = team[0].user
    english_client.force_login(avery)
    assert english_client.get(f"/organisations/{organisation.pk}/leave/").status_code == 200
    assert english_client.post(f"/organisations/{organisation.pk}/leave/").status_code == 302
    assert not Membership.objects.filter(user=avery).exists()
    assert not organisation.shares.filter(assessment__owner=avery).exists()
    assert avery.assessments.count() == 1  # the assessment itself stays the person's
    assert english_client.get(f"/organisations/{organisation.pk}/").status_code == 404
    assert english_client.post(f"/organisations/{organisation.pk}/share/", {}).status_code == 404


@pytest.mark.django_db
def test_the_last_owner_leaving_hands_the_organisation_on(organisation, owner, make_member):
    member, admin = make_member("m"), make_member("a")
    join(organisation, member)
    join(organisation, admin, role="admin")
    services.membership_leave(membership=organisation.memberships.get(user=owner))
    assert organisation.memberships.get(user=admin).role == "owner"
    services.membership_leave(membership=organisation.memberships.get(user=admin))
    assert organisation.memberships.get(user=member).role == "owner"
    services.membership_leave(membership=organisation.memberships.get(user=member))
    assert not Organisation.objects.filter(pk=organisation.pk).exists()


@pytest.mark.django_db
def test_admins_remove_members_but_not_owners(english_client, organisation, owner, make_member):
    member, admin = make_member("m"), make_member("a")
    member_ship = join(organisation, member)
    join(organisation, admin, role="admin")
    owner_ship = organisation.memberships.get(user=owner)
    english_client.force_login(admin)
    url = f"/organisations/{organisation.pk}/members/%s/remove/"
    assert english_client.post(url % owner_ship.pk).status_code == 400
    assert english_client.post(url % member_ship.pk).status_code == 302
    assert not Membership.objects.filter(pk=member_ship.pk).exists()
    assert english_client.post(url % 999999).status_code == 404


@pytest.mark.django_db
def test_the_list_shows_only_ones_own_organisations(english_client, organisation, owner, outsider):
    english_client.force_login(owner)
    page = english_client.get("/organisations/").content.decode()
    assert "Acme Engineering" in page and "Other Org" not in page
