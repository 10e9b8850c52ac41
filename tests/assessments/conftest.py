"""Fixtures of the assessments tests: the real guide, a visitor's draft, a member.

Clients ask for English pages so that assertions read like the product's own words.
"""

import re

import pytest
from django.test import Client
from django.urls import reverse

from assessments import selectors
from assessments.models import Answer, Assessment
from content.guide_loader import DEFAULT_GUIDE_FILE, guide_load, read_guide_file
from content.models import Stage

PASSWORD = "a-long-test-password-42"
RESUME_URL = re.compile(r'id="resume-url"[^>]*value="([^"]+)"')


def english_client(**options):
    return Client(HTTP_ACCEPT_LANGUAGE="en", **options)


@pytest.fixture(scope="session")
def _parsed_guide():
    return read_guide_file(DEFAULT_GUIDE_FILE)


@pytest.fixture
def guide(db, _parsed_guide):
    """The real guide (31 items in 5 categories, 7 stages) loaded into the database."""
    guide_load(data=_parsed_guide)
    return _parsed_guide


@pytest.fixture
def client():
    """pytest-django's client, asking for English pages."""
    return english_client()


@pytest.fixture
def stage():
    """A stage of the real guide by slug."""
    return lambda slug: Stage.objects.get(slug=slug)


def start_assessment(client, current="tech-lead", target="cto"):
    """Start through the real start view; return the new assessment."""
    before = set(Assessment.objects.values_list("pk", flat=True))
    response = client.post(
        reverse("assessments:start"), {"current_stage": current, "target_stage": target}
    )
    assert response.status_code == 302, response.content[:500]
    return Assessment.objects.exclude(pk__in=before).get()


@pytest.fixture
def visitor_draft(guide):
    """A visitor (no account) who started an assessment: (client, assessment)."""
    client = english_client()
    return client, start_assessment(client)


@pytest.fixture
def resumed_client(visitor_draft):
    """A NEW browser that opened the visitor's private resume link (shown on step 1)."""
    client, assessment = visitor_draft
    url = resume_url_in(client.get(step_url(assessment, 1)))
    fresh = english_client()
    assert fresh.get(url).status_code == 302
    return fresh


@pytest.fixture
def member_draft(guide, member_client):
    """A member who started an assessment while logged in: (client, assessment)."""
    return member_client, start_assessment(member_client)


@pytest.fixture(params=["owner", "visitor", "resumed"])
def allowed(request, db):
    """(client, draft) for each person who may open it: the member who owns it, the visitor
    whose session holds it, the visitor in a new browser through the resume link.

    `db` is asked for by name (not only through getfixturevalue) so that pytest-django
    opens the test database even when only such tests are selected (`pytest -k`)."""
    if request.param == "owner":
        return request.getfixturevalue("member_draft")
    client, assessment = request.getfixturevalue("visitor_draft")
    if request.param == "resumed":
        client = request.getfixturevalue("resumed_client")
    return client, assessment


@pytest.fixture(params=["visitor_draft", "member_draft"])
def someone_elses_draft(request, db):
    return request.getfixturevalue(request.param)[1]


@pytest.fixture(params=["other-member", "stranger"])
def outsider(request, db):
    """Another member, or a browser with no session: neither may open someone's draft."""
    if request.param == "other-member":
        return request.getfixturevalue("other_member_client")
    return english_client()


@pytest.fixture
def member(django_user_model):
    return django_user_model.objects.create_user(
        username="mina", email="mina@example.com", password=PASSWORD
    )


@pytest.fixture
def member_client(member):
    client = english_client()
    client.force_login(member)
    return client


@pytest.fixture
def other_member(django_user_model):
    return django_user_model.objects.create_user(
        username="olek", email="olek@example.com", password=PASSWORD
    )


@pytest.fixture
def other_member_client(other_member):
    client = english_client()
    client.force_login(other_member)
    return client


def step_url(assessment, number):
    return reverse("assessments:step", args=[assessment.pk, number])


def items_of_step(number):
    """The active items of questionnaire step `number` (1-based), in order."""
    return selectors.step_items(selectors.questionnaire_steps()[number - 1])


def step_count():
    return len(selectors.questionnaire_steps())


def step_data(number, levels=2, notes=None, go="next"):
    """A POST body for a step: `levels` is one level for every item or {slug: level}."""
    notes = notes or {}
    data = {"go": go}
    for item in items_of_step(number):
        level = levels.get(item.slug) if isinstance(levels, dict) else levels
        if level is not None:
            data[f"level-{item.slug}"] = str(level)
        if item.slug in notes:
            data[f"note-{item.slug}"] = notes[item.slug]
    return data


def post_step(client, assessment, number, levels=2, notes=None, go="next"):
    """Post a whole step (every item at `levels` unless a dict leaves some out)."""
    return client.post(step_url(assessment, number), step_data(number, levels, notes, go))


def answer_all(client, assessment, level=2):
    """Answer every item of every step through the step view."""
    for number in range(1, step_count() + 1):
        response = post_step(client, assessment, number, levels=level)
        assert response.status_code == 302, response.content[:500]


def saved_answers(assessment):
    """{item slug: (level, note)} as stored."""
    return {
        slug: (level, note)
        for slug, level, note in Answer.objects.filter(assessment=assessment).values_list(
            "item__slug", "level", "note"
        )
    }


def resume_url_in(response):
    """The resume link shown on a step page, or None."""
    found = RESUME_URL.search(response.content.decode())
    return found.group(1) if found else None
