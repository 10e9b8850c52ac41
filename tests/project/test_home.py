import re

import pytest

EXTERNAL_ASSET = re.compile(r'<(?:script|link|img)[^>]+(?:src|href)="(?:https?:)?//')


@pytest.mark.django_db
def test_it_speaks_japanese_by_default(client):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="ja">' in html
    assert "CTOまでの距離" in html


@pytest.mark.django_db
def test_it_speaks_english_to_an_english_browser(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "How far are you from CTO?" in html


@pytest.mark.django_db
def test_the_language_switcher_remembers_the_choice(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    html = client.get("/").content.decode()
    assert '<html lang="en">' in html


@pytest.mark.django_db
def test_every_page_links_its_static_files_locally(client):
    html = client.get("/").content.decode()
    assert "/static/vendor/bootstrap-5.3.9/css/bootstrap.min.css" in html
    assert not EXTERNAL_ASSET.search(html), "pages load nothing from another site"
    assert client.get("/static/vendor/bootstrap-5.3.9/css/bootstrap.min.css").status_code == 200
