"""Taking the questionnaire through the test client, as a visitor or a member does.

Plain functions for tests to import; the fixtures built on them are in tests/conftest.py.
Clients ask for English pages so that assertions read like the product's own words.
"""

import re

from django.test import Client
from django.urls import reverse

from assessments import selectors
from assessments.models import Answer, Assessment
from tests.real_guide import StageSlug

PASSWORD = "a-long-test-password-42"
RESUME_URL = re.compile(r'id="resume-url"[^>]*value="([^"]+)"')


def english_browser(**options):
    """A new browser (Django's test client) that asks for English pages."""
    return Client(HTTP_ACCEPT_LANGUAGE="en", **options)


def start_assessment(client, current=StageSlug.TECH_LEAD, target=StageSlug.CTO):
    """Start through the real start view; return the new assessment."""
    before = set(Assessment.objects.values_list("pk", flat=True))
    response = client.post(
        reverse("assessments:start"), {"current_stage": current, "target_stage": target}
    )
    assert response.status_code == 302, response.content[:500]
    return Assessment.objects.exclude(pk__in=before).get()


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
