"""Password guessing is stopped on the site's log-in and on admin's."""

from datetime import timedelta

import pytest
from django.test import Client

PASSWORD = "a-long-Passw0rd!"


@pytest.fixture
def hana(django_user_model):
    return django_user_model.objects.create_user(
        "hana", "hana@example.com", PASSWORD, is_staff=True
    )


def guess(client, path, times):
    return [
        client.post(path, {"username": "hana", "password": f"wrong-{n}"}).status_code
        for n in range(times)
    ]


@pytest.mark.django_db
def test_a_wrong_password_says_so_and_leaves_the_door_open(hana):
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    assert guess(client, "/accounts/login/", 4) == [200] * 4
    response = client.post("/accounts/login/", {"username": "hana", "password": PASSWORD})
    assert response.status_code == 302


@pytest.mark.django_db
def test_five_wrong_passwords_lock_the_account_even_for_the_right_one(hana):
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    guess(client, "/accounts/login/", 5)
    response = client.post("/accounts/login/", {"username": "hana", "password": PASSWORD})
    assert response.status_code == 429
    assert "Too many attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_admin_takes_no_password_of_its_own_it_sends_people_to_the_sites_log_in(hana):
    """One log-in for everyone, under one lockout (and the second step for staff)."""
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    response = client.post("/admin/login/", {"username": "hana", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_the_lockout_page_speaks_japanese(hana):
    client = Client()
    guess(client, "/accounts/login/", 5)
    response = client.post("/accounts/login/", {"username": "hana", "password": PASSWORD})
    assert "試行回数が多すぎます" in response.content.decode()


# --- behind a proxy: the lockout is keyed on username + the real client address ---------


def from_address(address, proxies_header=None):
    """A client whose connection comes from `address`, or through a proxy that appends
    the client's address to X-Forwarded-For."""
    extra = {"REMOTE_ADDR": address}
    if proxies_header is not None:
        extra = {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": proxies_header}
    return Client(HTTP_ACCEPT_LANGUAGE="en", **extra)


@pytest.mark.django_db
def test_a_guesser_behind_the_proxy_cannot_lock_out_the_owner(hana, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    guess(from_address(None, "203.0.113.9"), "/accounts/login/", 6)

    owner = from_address(None, "198.51.100.7")
    response = owner.post("/accounts/login/", {"username": "hana", "password": PASSWORD})

    assert response.status_code == 302


@pytest.mark.django_db
def test_a_guesser_cannot_escape_the_lockout_by_writing_x_forwarded_for(hana, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for n in range(5):
        from_address(None, f"192.0.2.{n}, 203.0.113.9").post(
            "/accounts/login/", {"username": "hana", "password": "wrong"}
        )
    response = from_address(None, "192.0.2.77, 203.0.113.9").post(
        "/accounts/login/", {"username": "hana", "password": PASSWORD}
    )
    assert response.status_code == 429


@pytest.mark.django_db
def test_without_trusted_proxies_x_forwarded_for_is_ignored(hana, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    for n in range(5):
        Client(REMOTE_ADDR="203.0.113.9", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}").post(
            "/accounts/login/", {"username": "hana", "password": "wrong"}
        )
    response = Client(REMOTE_ADDR="203.0.113.9").post(
        "/accounts/login/", {"username": "hana", "password": PASSWORD}
    )
    assert response.status_code == 429


@pytest.mark.django_db
def test_many_addresses_together_hit_the_slower_per_username_limit(hana, settings):
    settings.AXES_USERNAME_FAILURE_LIMIT = 8
    for n in range(4):
        guess(from_address(f"203.0.113.{n}"), "/accounts/login/", 2)

    response = from_address("198.51.100.7").post(
        "/accounts/login/", {"username": "hana", "password": PASSWORD}
    )

    assert response.status_code == 429
    assert "_auth_user_id" not in response.client.session


# --- a stranger cannot turn the lockout into a denial of service --------------------------
# Every request goes through the proxy header, as in production (TRUSTED_PROXY_COUNT=1).


def through_proxy(address):
    return from_address(None, address)


def as_if_minutes_passed(minutes):
    """Ages every recorded failure, as if the clock had moved on."""
    from axes.models import AccessAttempt

    for attempt in AccessAttempt.objects.all():
        attempt.attempt_time -= timedelta(minutes=minutes)
        attempt.save(update_fields=["attempt_time"])


def log_in(client, password=PASSWORD):
    return client.post("/accounts/login/", {"username": "hana", "password": password})


@pytest.mark.django_db
def test_one_address_hammering_a_username_never_locks_the_owner_out_elsewhere(hana, settings):
    """The audit's reproduction: 20 wrong passwords and 12 more from one address. Each
    address counts at most AXES_FAILURE_LIMIT towards the username-wide limit."""
    settings.TRUSTED_PROXY_COUNT = 1
    stranger = through_proxy("203.0.113.9")
    assert guess(stranger, "/accounts/login/", 32)[-1] == 429

    for address in ("198.51.100.7", "198.51.100.8"):
        response = log_in(through_proxy(address))
        assert response.status_code == 302, address


@pytest.mark.django_db
def test_failures_during_a_lockout_neither_count_nor_restart_the_cool_off(hana, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    stranger = through_proxy("203.0.113.9")
    guess(stranger, "/accounts/login/", 5)
    as_if_minutes_passed(10)
    assert guess(stranger, "/accounts/login/", 10) == [429] * 10
    as_if_minutes_passed(6)  # 16 minutes after the fifth failure, 6 after the last

    assert log_in(stranger).status_code == 302


@pytest.mark.django_db
def test_the_owners_refused_log_ins_do_not_count_against_them(hana, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.AXES_USERNAME_FAILURE_LIMIT = 10
    for n in range(2):
        guess(through_proxy(f"203.0.113.{n}"), "/accounts/login/", 5)
    owner = through_proxy("198.51.100.7")
    assert log_in(owner).status_code == 429  # the username waits
    assert log_in(owner).status_code == 429

    as_if_minutes_passed(1)  # the first wait is half a minute
    assert log_in(owner).status_code == 302


@pytest.mark.django_db
def test_many_addresses_together_get_a_growing_delay_not_a_lasting_lock(hana, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.AXES_USERNAME_FAILURE_LIMIT = 10
    for n in range(2):
        guess(through_proxy(f"203.0.113.{n}"), "/accounts/login/", 5)
    owner = through_proxy("198.51.100.7")
    assert log_in(owner).status_code == 429

    as_if_minutes_passed(1)  # past the first wait: one more wrong password doubles it
    assert log_in(through_proxy("203.0.113.50"), "wrong").status_code == 200
    as_if_minutes_passed(0.75)
    assert log_in(owner).status_code == 429  # 45 s after a wait of 60 s
    as_if_minutes_passed(0.5)
    assert log_in(owner).status_code == 302


@pytest.mark.django_db
def test_a_password_reset_lifts_every_lock_on_the_username(hana, settings):
    from django.contrib.auth.tokens import default_token_generator
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    settings.TRUSTED_PROXY_COUNT = 1
    settings.AXES_USERNAME_FAILURE_LIMIT = 10
    for n in range(2):
        guess(through_proxy(f"203.0.113.{n}"), "/accounts/login/", 5)
    owner = through_proxy("198.51.100.7")
    uid = urlsafe_base64_encode(force_bytes(hana.pk))
    token = default_token_generator.make_token(hana)
    page = owner.get(f"/accounts/reset/{uid}/{token}/", follow=True)
    new_password = "another-long-Passw0rd!"
    response = owner.post(
        page.redirect_chain[-1][0],
        {"new_password1": new_password, "new_password2": new_password},
    )
    assert response.status_code == 302

    assert log_in(owner, new_password).status_code == 302
