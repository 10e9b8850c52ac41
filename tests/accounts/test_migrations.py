"""Adding the accounts app to a database made before it keeps every row, and gives each
member who is already there exactly one (empty) profile.

The database is built at today's schema with the historical models of that schema (no
accounts migration applied), filled with members, a visitor's draft, a member's draft
with answers, a completed assessment and share links, then migrated forward.
"""

import uuid
from datetime import timedelta

import pytest
from django.contrib.auth.hashers import make_password
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from accounts.models import Profile
from assessments.models import Assessment
from tests.real_guide import StageSlug

# The schema every installation has before the accounts app: the latest migrations of
# content and assessments at the time it was added.
TODAY = [("content", "0002_tools_unique_per_item"), ("assessments", "0002_share_links")]
KEPT = [
    ("auth", "User"),
    ("content", "Category"),
    ("content", "Item"),
    ("content", "Stage"),
    ("assessments", "Assessment"),
    ("assessments", "Answer"),
    ("assessments", "ShareLink"),
]
SNAPSHOT = {"schema": "frozen", "items": [{"item": "cloud", "rating": 3}], "note": "日本語のメモ"}


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return MigrationExecutor(connection).loader


def _rows(apps):
    """Every row of every table that existed before, as plain values, by table."""
    return {
        f"{app}.{model}": list(apps.get_model(app, model).objects.order_by("pk").values())
        for app, model in KEPT
    }


@pytest.fixture
def schema_before_accounts():
    """The historical models of today's schema, with no accounts table in the database."""
    loader = _migrate([*TODAY, ("accounts", None)])
    yield loader.project_state(TODAY).apps
    # Whatever the test did, the tests after it find the database fully migrated.
    _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())


def _content(apps):
    category = apps.get_model("content", "Category").objects.create(
        slug="hard-skills", order=1, name="ハードスキル", name_ja="ハードスキル", name_en="Hard"
    )
    Item = apps.get_model("content", "Item")
    items = [
        Item.objects.create(
            slug=slug, order=n, category=category, name=slug, name_ja=slug, name_en=slug
        )
        for n, slug in enumerate(["cloud", "security"])
    ]
    Stage = apps.get_model("content", "Stage")
    stages = [
        Stage.objects.create(
            slug=slug, order=n, name=slug, role="r", responsibilities="r", next_step="n"
        )
        for n, slug in enumerate([StageSlug.TECH_LEAD, StageSlug.CTO])
    ]
    return items, stages


def _people_and_assessments(apps, items, stages):
    User = apps.get_model("auth", "User")
    Assessment = apps.get_model("assessments", "Assessment")
    Answer = apps.get_model("assessments", "Answer")
    ShareLink = apps.get_model("assessments", "ShareLink")
    password = make_password("an-old-members-password")
    aiko = User.objects.create(username="aiko", email="aiko@example.com", password=password)
    ben = User.objects.create(username="ben", email="ben@example.com", password=password)
    User.objects.create(username="root", password=password, is_staff=True, is_superuser=True)

    def assessment(owner, **fields):
        return Assessment.objects.create(
            owner=owner,
            current_stage=stages[0],
            target_stage=stages[1],
            resume_token_hash=uuid.uuid4().hex * 2,
            **fields,
        )

    visitors_draft = assessment(None)
    aikos_draft = assessment(aiko)
    now = timezone.now()
    completed = assessment(ben, status="completed", completed_at=now, snapshot=SNAPSHOT)
    Answer.objects.create(assessment=visitors_draft, item=items[0], level=1)
    for item in items:
        Answer.objects.create(assessment=aikos_draft, item=item, level=2, note="メモ")
        Answer.objects.create(assessment=completed, item=item, level=3)
    ShareLink.objects.create(
        assessment=completed, token_hash="a" * 64, expires_at=now + timedelta(days=7)
    )
    ShareLink.objects.create(assessment=completed, token_hash="b" * 64, revoked_at=now)


@pytest.mark.django_db(transaction=True)
def test_adding_the_accounts_app_keeps_every_row_and_gives_each_member_a_profile(
    empty_guide, schema_before_accounts
):
    apps = schema_before_accounts
    assert "accounts_profile" not in connection.introspection.table_names()
    items, stages = _content(apps)
    _people_and_assessments(apps, items, stages)
    before = _rows(apps)
    assert {table: len(rows) for table, rows in before.items()} == {
        "auth.User": 3,
        "content.Category": 1,
        "content.Item": 2,
        "content.Stage": 2,
        "assessments.Assessment": 3,
        "assessments.Answer": 5,
        "assessments.ShareLink": 2,
    }

    loader = _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

    # Later migrations add columns, and move the frozen report out of the assessment row
    # (assessments 0004): every value of every row that was there is still there.
    for row in before["assessments.Assessment"]:
        del row["snapshot"]
    after = _rows(loader.project_state(loader.graph.leaf_nodes()).apps)
    assert {
        table: [{key: row[key] for key in before[table][0]} for row in rows]
        for table, rows in after.items()
    } == before
    # The frozen report moved to its own table (assessments 0004): read it as the app does.
    assert Assessment.objects.get(status="completed").snapshot == SNAPSHOT
    user_ids = sorted(row["id"] for row in before["auth.User"])
    profiles = Profile.objects.order_by("user_id")
    assert [profile.user_id for profile in profiles] == user_ids
    assert {(p.display_name, p.preferred_language) for p in profiles} == {("", "")}
