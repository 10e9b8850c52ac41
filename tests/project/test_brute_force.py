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
@pytest.mark.parametrize("path", ["/accounts/login/", "/admin/login/"])
def test_five_wrong_passwords_lock_the_account_even_for_the_right_one(hana, path):
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    guess(client, path, 5)
    response = client.post(path, {"username": "hana", "password": PASSWORD})
    assert response.status_code == 429
    assert "Too many attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_the_lockout_page_speaks_japanese(hana):
    client = Client()
    guess(client, "/accounts/login/", 5)
    response = client.post("/accounts/login/", {"username": "hana", "password": PASSWORD})
    assert "試行回数が多すぎます" in response.content.decode()
