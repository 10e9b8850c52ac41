"""Fixtures shared by the whole suite: the real guide, the people who use the site, and
the tools of the guide's own tests.

The guide is loaded once per test database (one per xdist worker), not once per test:
django_db_setup loads it when the database is built, and a receiver of post_migrate loads
it again after every flush, since a transactional test (transaction=True, live_server)
ends with a flush that empties every table and the tests after it must find the guide as
the others do, whatever the order. Every other test runs in a transaction that is rolled
back, so each finds the guide exactly as the data file has it. Tests that load into an
empty database ask for `empty_guide`.
"""

import copy
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection
from django.db.models.query import QuerySet
from django.db.models.signals import post_migrate
from django.test import Client
from django.utils import translation

from content import models as content
from content.guide_export import guide_dump
from content.guide_loader import guide_load
from tests import real_guide
from tests.questionnaire import (
    PASSWORD,
    english_browser,
    resume_url_in,
    start_assessment,
    step_url,
)
from tests.two_factor import verified_client


def _load_the_guide_after_a_flush(sender, **kwargs):
    """Django's flush sends post_migrate once it has emptied every table: load the guide."""
    if "plan" in kwargs:
        # Sent by migrate, not flush: the guide went in with django_db_setup, and a test
        # that migrates (tests/project/test_migrations.py) needs its tables as it left them.
        return
    guide_load(data=real_guide.parsed_guide())


post_migrate.connect(
    _load_the_guide_after_a_flush,
    sender=apps.get_app_config("content"),
    dispatch_uid="tests.conftest.load_the_guide_after_a_flush",
)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, django_db_keepdb, django_db_createdb):
    """The test database, with the real guide loaded into it.

    A database kept by --reuse-db may hold rows that an interrupted run committed, or rows
    the data file no longer has (the loader never deletes): it is flushed instead, which
    loads the guide afresh. An in-memory SQLite database is always new."""
    in_memory = connection.vendor == "sqlite" and connection.is_in_memory_db()
    with django_db_blocker.unblock():
        if django_db_keepdb and not django_db_createdb and not in_memory:
            call_command("flush", interactive=False, verbosity=0)
        else:
            guide_load(data=real_guide.parsed_guide())


@pytest.fixture(autouse=True)
def _reset_language():
    """Each test starts in the default language, whatever the previous one activated."""
    translation.activate("ja")
    yield
    translation.deactivate()


# --- the guide ---------------------------------------------------------------------------


@pytest.fixture
def guide(db):
    """The real guide, in the database since it was built; returns the parsed data file
    (do not mutate it: see guide_data)."""
    return real_guide.parsed_guide()


@pytest.fixture
def guide_data():
    """A deep copy of the parsed data file, free to mutate."""
    return copy.deepcopy(real_guide.parsed_guide())


@pytest.fixture
def guide_counts():
    """How many items, categories, stages, steps... the real guide has (see tests.real_guide)."""
    return real_guide.guide_counts()


# Leaves first: every foreign key between content rows is PROTECT.
CONTENT_MODELS_LEAVES_FIRST = (
    content.KnowledgeChoice,
    content.KnowledgeCheck,
    content.TargetOverride,
    content.PracticeAction,
    content.Tool,
    content.RubricLevel,
    content.TargetLevel,
    content.Resource,
    content.InterviewQuestion,
    content.Trend,
    content.LearningStep,
    content.CompanyKind,
    content.Item,
    content.Category,
    content.Stage,
)


@pytest.fixture
def empty_guide(db):
    """No guide in the database, for the tests that load into nothing.

    The rows are deleted inside the test's transaction and the rollback brings them back;
    in a transactional test, the flush that ends it loads the guide again."""
    for model in CONTENT_MODELS_LEAVES_FIRST:
        model.objects.all().delete()
    assert all(rows == [] for rows in content_snapshot().values()), "a content model is left"


def content_snapshot():
    """Every row of every content table (many-to-many links included), as plain values."""
    # A plain QuerySet: modeltranslation's manager would leave the _ja / _en columns out.
    models = apps.get_app_config("content").get_models(include_auto_created=True)
    return {
        model._meta.db_table: [
            tuple(sorted(row.items())) for row in QuerySet(model).order_by("pk").values()
        ]
        for model in models
    }


@pytest.fixture
def snapshot():
    return content_snapshot


@pytest.fixture
def write_guide(tmp_path):
    """Write guide data (or raw text) to a file under tmp_path and return its path."""

    def write(data, name="guide.yaml"):
        path = tmp_path / name
        path.write_text(data if isinstance(data, str) else guide_dump(data), encoding="utf-8")
        return path

    return write


@pytest.fixture
def run_command():
    """Run a management command; return what it wrote to stdout."""

    def run(*args, **options):
        stdout = StringIO()
        call_command(*args, stdout=stdout, stderr=StringIO(), **options)
        return stdout.getvalue()

    return run


@pytest.fixture
def stage():
    """A stage of the real guide by slug."""
    return lambda slug: content.Stage.objects.get(slug=slug)


# --- the people who use the site ---------------------------------------------------------


# `client` is pytest-django's: a browser that states no language, so it gets the site's
# default (Japanese). Tests that read English pages ask for this one.
@pytest.fixture
def english_client():
    """A browser that asks for English pages (Accept-Language: en)."""
    return english_browser()


@pytest.fixture
def visitor_draft(guide):
    """A visitor (no account) who started an assessment: (client, assessment)."""
    client = english_browser()
    return client, start_assessment(client)


@pytest.fixture
def resumed_client(visitor_draft):
    """A NEW browser that opened the visitor's private resume link (shown on step 1)."""
    client, assessment = visitor_draft
    url = resume_url_in(client.get(step_url(assessment, 1)))
    fresh = english_browser()
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
    return english_browser()


@pytest.fixture
def member(django_user_model):
    return django_user_model.objects.create_user(
        username="mina", email="mina@example.com", password=PASSWORD
    )


@pytest.fixture
def member_client(member):
    client = english_browser()
    client.force_login(member)
    return client


@pytest.fixture
def admin_client(admin_user):
    """pytest-django's admin client, with the second step that admin asks staff for."""
    return verified_client(Client(), admin_user)


@pytest.fixture
def other_member(django_user_model):
    return django_user_model.objects.create_user(
        username="olek", email="olek@example.com", password=PASSWORD
    )


@pytest.fixture
def other_member_client(other_member):
    client = english_browser()
    client.force_login(other_member)
    return client


@pytest.fixture(autouse=True, scope="session")
def _own_cache_keys_removed_at_the_end():
    """A shared cache (Redis) keeps nothing of this run once it is over."""
    yield
    from django.core.cache import caches

    for name in caches.settings:
        caches[name].clear()
