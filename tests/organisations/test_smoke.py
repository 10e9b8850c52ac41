import pytest

from tests.organisations.conftest import PASSWORD


@pytest.mark.django_db
def test_pages(client, organisation, owner, team):
    client.force_login(owner)
    for name in ("", "heatmap/", "coverage/", "bench/", "team.csv", "summary.pdf"):
        r = client.get(f"/organisations/{organisation.pk}/{name}")
        assert r.status_code == 200, (name, r.status_code)
    r = client.get(f"/organisations/{organisation.pk}/heatmap/?sort=gap")
    print(r.content.decode()[:100])
