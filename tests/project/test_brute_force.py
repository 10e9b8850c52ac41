"""Password guessing is stopped on the site's log-in and on admin's."""

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
