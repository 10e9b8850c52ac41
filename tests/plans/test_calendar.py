"""The plan's iCalendar file: its events keep their UIDs whichever host served the file."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from tests.factories import CompletedAssessmentFactory
from tests.questionnaire import english_browser

pytestmark = pytest.mark.usefixtures("guide")

HOSTS = ("cto-assess.example.com", "127.0.0.1:8104")


@pytest.fixture
def completed(member):
    assessment = CompletedAssessmentFactory(owner=member, default=1)
    return assessment


@pytest.fixture
def own(member):
    client = english_browser()
    client.force_login(member)
    return client


def _url(name, assessment, *args):
    return reverse(f"plans:{name}", args=[assessment.pk, *args])


def _uids(response):
    assert response.status_code == 200
    return [str(event["UID"]) for event in Calendar.from_ical(response.content).walk("VEVENT")]


def test_it_gives_each_event_the_same_uid_from_every_host(own, completed, settings):
    settings.ALLOWED_HOSTS = ["testserver", *(host.split(":")[0] for host in HOSTS)]
    action = own.get(_url("plan", completed)).context["actions"][0]["row"]
    day = timezone.localdate() + timedelta(days=10)
    own.post(
        _url("action", completed, action.item),
        {f"{action.item}-status": "todo", f"{action.item}-target_date": day.isoformat()},
    )
    own.post(_url("reassess", completed), {"reassess_on": (day + timedelta(days=60)).isoformat()})

    first, second = (_uids(own.get(_url("calendar", completed), HTTP_HOST=host)) for host in HOSTS)

    assert first == second
    assert first == [
        f"{completed.pk}-{action.item}@cto-assess",
        f"{completed.pk}-reassess@cto-assess",
    ]
    assert not any(host.split(":")[0] in uid for uid in first for host in HOSTS)
