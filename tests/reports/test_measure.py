"""Time the report page in-process: with REPORT_MEASURE set, print the median wall and CPU
milliseconds and the queries of a repeated view, for the owner and a share viewer.

Not a check: run it on two commits to compare them (`-s` shows the figures).

    REPORT_MEASURE=1 .venv/bin/python -m pytest -n 0 -s tests/reports/test_measure.py
"""

import os
import statistics
import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from assessments import services
from tests.assessments.report_helpers import client_in
from tests.factories import CompletedAssessmentFactory

pytestmark = [
    pytest.mark.skipif(not os.environ.get("REPORT_MEASURE"), reason="set REPORT_MEASURE=1"),
    pytest.mark.usefixtures("guide"),
]
ROUNDS = 40


def _measure(client, url):
    assert client.get(url).status_code == 200  # drawn once, then served
    walls, cpus = [], []
    for _ in range(ROUNDS):
        wall, cpu = time.perf_counter(), time.process_time()
        response = client.get(url)
        walls.append((time.perf_counter() - wall) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
        assert response.status_code == 200
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return statistics.median(walls), statistics.median(cpus), len(queries)


def test_measure(django_user_model):
    member = django_user_model.objects.create_user("measure", "m@example.com", "pw-Measure-1")
    CompletedAssessmentFactory(owner=member, default=1)
    own = CompletedAssessmentFactory(owner=member, company_kind="startups")
    _link, token = services.share_link_create(assessment=own)
    owner = client_in("en")
    owner.force_login(member)
    figures = {
        "owner": _measure(owner, reverse("assessments:detail", args=[own.pk])),
        "share viewer": _measure(client_in("en"), reverse("shared_report", args=[token])),
    }
    for audience, (wall, cpu, queries) in figures.items():
        print(f"\n{audience}: {wall:.1f} ms wall, {cpu:.1f} ms CPU, {queries} queries")
