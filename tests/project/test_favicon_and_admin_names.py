"""The site's icon (no 404 for it on any page) and the admin's app names in Japanese."""

import pytest
from django.apps import apps
from django.test import Client
from django.utils import translation


def test_every_page_names_its_icon_and_favicon_ico_leads_to_it(db):
    client = Client()
    home = client.get("/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<link rel="icon" href="/static/img/favicon.svg"' in home

    response = client.get("/favicon.ico")

    assert response.status_code == 302
    icon = client.get(response["Location"])
    assert icon.status_code == 200
    assert b"<svg" in b"".join(icon.streaming_content if icon.streaming else [icon.content])


@pytest.mark.parametrize("label", ["axes", "otp_totp", "otp_static", "django_tasks_database"])
def test_the_admins_third_party_apps_have_japanese_names(label):
    with translation.override("ja"):
        name = str(apps.get_app_config(label).verbose_name)
    assert name and all(not ("a" <= ch.lower() <= "z") for ch in name), name
