"""Every HTML page the app serves, checked by the Nu Html Checker (vnu), in both languages.

The pages are found by walking the project's URL patterns, as the access-control test
does, but as the people who may see them: a member with a completed report (its plan,
check, colleagues' round and share links), a draft, and an organisation; a visitor; a
share viewer and a colleague with their links; and a stranger on the public pages. Every
answer that is 200 and HTML is written to a folder and given to the checker at once.

The checker is a Java program published as the npm package vnu-jar: `make validate-html`
installs it and runs this test; without it (VNU_JAR unset) the test is skipped.
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import get_resolver

from accounts.services import account_create
from assessments import services
from assessments.models import Assessment
from colleagues import services as colleagues_services
from content.models import InterviewQuestion, Stage
from organisations import services as organisation_services
from tests.factories import CompletedAssessmentFactory
from tests.project.test_access_control import fill, values_for, walk

VNU_JAR = os.environ.get("VNU_JAR", "")

pytestmark = [
    pytest.mark.skipif(
        not (VNU_JAR and Path(VNU_JAR).is_file() and shutil.which("java")),
        reason="the Nu Html Checker is not installed (make validate-html installs it)",
    ),
    pytest.mark.django_db,
]

# Pages whose URL needs a token of its own kind, by route name.
TOKEN_ROUTES = {"assessments:resume", "organisations:join", "shared_report", "colleague_rate"}


class Pages:
    """The HTML documents collected, one file each, named after the page and language."""

    def __init__(self, folder):
        self.folder = folder
        self.names = {}

    def add(self, client, path, label):
        response = client.get(path)
        kind = response.get("Content-Type", "")
        if response.status_code != 200 or not kind.startswith("text/html"):
            return response.status_code
        name = f"{label}-{len(self.names):03d}.html"
        (self.folder / name).write_bytes(response.content)
        self.names[name] = path
        return 200


def _client(language, user=None):
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def people(guide):
    owner = account_create(
        username="owner", email="owner@example.com", password="x-Passw0rd-long-enough"
    )
    completed = CompletedAssessmentFactory(owner=owner)
    link, share_token = services.share_link_create(assessment=completed)
    round_ = colleagues_services.round_open(
        assessment=completed, item_slugs=colleagues_services.default_item_slugs(completed)
    )
    _, rate_token = colleagues_services.invitation_create(round_=round_, relationship="peer")
    stages = list(Stage.objects.order_by("order"))
    draft, _ = services.assessment_start(
        owner=owner, current_stage=stages[1], target_stage=stages[-1]
    )
    organisation = organisation_services.organisation_create(user=owner, name="Acme Tech")
    membership = organisation.memberships.get()
    _, join_token = organisation_services.invitation_create(membership=membership)
    organisation_services.share_create(membership=membership, assessment=completed)
    visitor, resume_token = services.assessment_start(
        owner=None, current_stage=stages[0], target_stage=stages[-1]
    )
    return {
        "owner": owner,
        "completed": completed,
        "draft": draft,
        "link": link,
        "organisation": organisation,
        "tokens": {
            "assessments:resume": resume_token,
            "organisations:join": join_token,
            "shared_report": share_token,
            "colleague_rate": rate_token,
        },
        "visitor": visitor,
    }


def collect(folder, people, language):
    pages = Pages(folder)
    owner_client = _client(language, people["owner"])
    stranger = _client(language)
    routes = [
        (route, name)
        for route, name in walk(get_resolver().url_patterns)
        if not name.startswith(("admin:", "api")) and name not in ("logout", "set_language")
    ]
    for assessment in (people["completed"], people["draft"]):
        values = values_for(assessment, people["link"], organisation=people["organisation"])
        values["<slug:slug>"] = InterviewQuestion.objects.order_by("order").first().slug
        for route, name in routes:
            if name in TOKEN_ROUTES:
                continue
            path = fill(route, values)
            if "<" not in path:
                pages.add(owner_client, path, f"{language}-{name.replace(':', '-')}")
    # The draft's other steps, and the pages the token holders see, each in a fresh browser.
    for number in range(2, 8):
        path = f"/assessments/{people['draft'].pk}/step/{number}/"
        pages.add(owner_client, path, f"{language}-step-{number}")
    for name in sorted(TOKEN_ROUTES):
        route = next(route for route, route_name in routes if route_name == name)
        path = fill(route, {"<str:token>": people["tokens"][name]})
        holder = _client(language)
        pages.add(holder, path, f"{language}-{name.replace(':', '-')}")
        if name == "assessments:resume":  # the visitor's draft, as they see it
            pages.add(holder, f"/assessments/{people['visitor'].pk}/step/1/", f"{language}-vs")
    for path in ("/", "/accounts/login/", "/accounts/signup/"):
        pages.add(stranger, path, f"{language}-public")
    not_found = stranger.get("/no-such-page/")
    (folder / f"{language}-404.html").write_bytes(not_found.content)
    pages.names[f"{language}-404.html"] = "/no-such-page/ (404)"
    return pages


def test_every_page_is_valid_html(people, tmp_path):
    collected = {}
    for language in ("ja", "en"):
        collected.update(collect(tmp_path, people, language).names)
    assert Assessment.objects.filter(completed_at__isnull=False).exists()
    # Enough of the product was reached that a missing page would show.
    for expected in ("assessments-detail", "plans-plan", "colleagues-manage", "dashboard"):
        assert any(expected in name for name in collected), expected
    assert len(collected) >= 60, sorted(collected)

    result = subprocess.run(
        [shutil.which("java"), "-jar", VNU_JAR, "--errors-only", "--format", "json", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    problems = [
        f"{collected.get(Path(m.get('url', '')).name, m.get('url'))}: {m['message']}"
        f" ({m.get('extract', '').strip()[:80]})"
        for m in messages
        if m.get("type") == "error"
    ]
    assert problems == [], "\n".join(problems)
