"""assessments.services: every write of an assessment (constraints: test_models.py)."""

import base64
import copy
import hashlib
import re
import threading

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.db import connection
from django.urls import reverse

from assessments import services
from assessments.models import Answer, Assessment
from content.models import Item, RubricLevel, TargetLevel
from tests.factories import (
    AnswerFactory,
    AssessmentFactory,
    CompletedAssessmentFactory,
    ItemFactory,
)
from tests.questionnaire import saved_answers
from tests.real_guide import ItemSlug, StageSlug

CSRF_VALUE = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')


def _start(stage, owner=None, current=StageSlug.TECH_LEAD, target=StageSlug.CTO):
    return services.assessment_start(
        owner=owner or AnonymousUser(), current_stage=stage(current), target_stage=stage(target)
    )


def _answer_everything(assessment, level=2, note=""):
    items = Item.objects.filter(active=True)
    services.answers_save(assessment=assessment, answers={i: (level, note) for i in items})


# --- assessment_start -------------------------------------------------------------------


def test_it_starts_a_visitor_draft_with_an_unguessable_token_stored_hashed(guide, stage):
    assessment, token = _start(stage)

    assessment.refresh_from_db()
    assert assessment.owner is None
    assert assessment.status == Assessment.Status.DRAFT
    assert (assessment.current_stage.slug, assessment.target_stage.slug) == (
        StageSlug.TECH_LEAD,
        StageSlug.CTO,
    )
    assert assessment.completed_at is None and assessment.snapshot is None
    assert re.fullmatch(r"[A-Za-z0-9_-]{22,}", token)
    assert len(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))) * 8 >= 128
    assert assessment.resume_token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert not Assessment.objects.filter(resume_token_hash=token).exists()


def test_it_gives_each_draft_its_own_token(guide, stage):
    (first, first_token), (second, second_token) = _start(stage), _start(stage)
    assert first_token != second_token
    assert first.resume_token_hash != second.resume_token_hash


def test_it_makes_a_member_the_owner_of_their_draft(guide, stage, member):
    assessment, _ = _start(
        stage, owner=member, current=StageSlug.CTO, target=StageSlug.VP_ENGINEERING
    )
    assessment.refresh_from_db()
    assert assessment.owner == member
    assert assessment.current_stage.slug == StageSlug.CTO
    assert assessment.target_stage.slug == StageSlug.VP_ENGINEERING


def test_it_rotates_the_resume_token(guide, stage):
    assessment, old_token = _start(stage)
    new_token = services.assessment_rotate_token(assessment=assessment)
    assessment.refresh_from_db()
    assert new_token != old_token
    assert assessment.resume_token_hash == hashlib.sha256(new_token.encode()).hexdigest()


# --- answers_save -----------------------------------------------------------------------


def test_it_saves_answers_then_updates_them_in_place(db):
    assessment = AssessmentFactory()
    item = ItemFactory()
    services.answers_save(assessment=assessment, answers={item: (1, "first go")})
    first = Answer.objects.get()

    services.answers_save(assessment=assessment, answers={item: (4, "")})

    again = Answer.objects.get()
    assert again.pk == first.pk
    assert (again.level, again.note) == (4, "")


def test_it_saves_a_partial_step_and_leaves_other_answers_alone(db):
    assessment = AssessmentFactory()
    kept, changed, later = ItemFactory(), ItemFactory(), ItemFactory()
    services.answers_save(assessment=assessment, answers={kept: (3, "keep"), changed: (0, "")})

    services.answers_save(assessment=assessment, answers={changed: (2, "now")})

    assert saved_answers(assessment) == {kept.slug: (3, "keep"), changed.slug: (2, "now")}
    assert later.slug not in saved_answers(assessment)


def test_it_refuses_answers_to_a_completed_assessment(guide, stage):
    assessment = CompletedAssessmentFactory(default=3, note="steady")
    before = saved_answers(assessment)
    item = Item.objects.first()

    with pytest.raises(services.AssessmentLocked):
        services.answers_save(assessment=assessment, answers={item: (0, "changed my mind")})

    assert saved_answers(assessment) == before


@pytest.mark.parametrize(
    ("level", "note"),
    [(2, "x" * 1001), (5, ""), (-1, "")],
    ids=["long-note", "level-5", "level-neg"],
)
def test_it_refuses_an_invalid_answer_and_saves_nothing_of_the_call(db, level, note):
    assessment = AssessmentFactory()
    good, bad = ItemFactory(), ItemFactory()
    services.answers_save(assessment=assessment, answers={good: (1, "before")})

    with pytest.raises(ValidationError):
        services.answers_save(assessment=assessment, answers={good: (4, ""), bad: (level, note)})

    assert saved_answers(assessment) == {good.slug: (1, "before")}


def test_it_accepts_a_note_of_exactly_1000_characters(db):
    assessment, item = AssessmentFactory(), ItemFactory()
    services.answers_save(assessment=assessment, answers={item: (2, "é" * 1000)})
    assert saved_answers(assessment) == {item.slug: (2, "é" * 1000)}


@pytest.mark.django_db(transaction=True)
def test_two_saves_of_the_same_item_at_once_leave_one_row():
    assessment, item = AssessmentFactory(), ItemFactory()
    # SQLite's shared in-memory test database cannot take two writers: take turns there.
    turns = threading.Lock() if connection.vendor == "sqlite" else None
    barrier = threading.Barrier(2)
    errors = []

    def save(level):
        try:
            barrier.wait(timeout=10)
            if turns:
                with turns:
                    services.answers_save(assessment=assessment, answers={item: (level, "")})
            else:
                services.answers_save(assessment=assessment, answers={item: (level, "")})
        except Exception as exc:  # noqa: BLE001 (reported by the assertion below)
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=save, args=(level,)) for level in (1, 3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    try:
        assert errors == []
        assert Answer.objects.filter(assessment=assessment, item=item).count() == 1
        assert Answer.objects.get(assessment=assessment).level in (1, 3)
    finally:
        # Committed rows: remove them even if the flush after this test cannot run.
        services.assessment_delete(assessment=assessment)
        stages = [assessment.current_stage, assessment.target_stage]
        item.rubric_levels.all().delete()
        item.delete()
        item.category.delete()
        for stage in stages:
            stage.delete()


# --- assessment_complete and the freeze -------------------------------------------------


def test_it_refuses_to_complete_a_draft_naming_the_unanswered_items(guide, stage):
    assessment, _ = _start(stage)
    _answer_everything(assessment)
    Answer.objects.filter(item__slug__in=[ItemSlug.CYBERSECURITY, ItemSlug.AI_ML]).delete()

    with pytest.raises(services.AssessmentIncomplete) as refused:
        services.assessment_complete(assessment=assessment)

    assert [item.slug for item in refused.value.missing_items] == [
        ItemSlug.CYBERSECURITY,
        ItemSlug.AI_ML,
    ]
    assert ItemSlug.CYBERSECURITY in str(refused.value)
    assessment.refresh_from_db()
    assert assessment.status == Assessment.Status.DRAFT
    assert assessment.snapshot is None


def test_it_freezes_what_the_report_needs_on_completion(guide, guide_counts, stage):
    assessment = CompletedAssessmentFactory(default=3, note="steady")
    assessment.refresh_from_db()

    assert assessment.status == Assessment.Status.COMPLETED
    assert assessment.completed_at is not None
    snapshot = assessment.snapshot
    assert snapshot["target_stage"] == StageSlug.CTO
    assert snapshot["current_stage"] == StageSlug.TECH_LEAD
    assert len(snapshot["items"]) == guide_counts.active_items
    cloud = next(i for i in snapshot["items"] if i["slug"] == ItemSlug.CLOUD_COMPUTING)
    item = Item.objects.get(slug=ItemSlug.CLOUD_COMPUTING)
    rubric = RubricLevel.objects.get(item=item, level=3)
    assert cloud["name"] == {"ja": item.name_ja, "en": item.name_en}
    assert cloud["rubric"] == {"ja": rubric.text_ja, "en": rubric.text_en}
    assert (cloud["rating"], cloud["note"]) == (3, "steady")
    cto = next(s for s in snapshot["stages"] if s["slug"] == StageSlug.CTO)
    assert cto["profile"][ItemSlug.CLOUD_COMPUTING] == [3, 2]
    assert len(cto["profile"]) == guide_counts.active_items


def test_it_refuses_to_complete_twice(guide, stage):
    assessment = CompletedAssessmentFactory(default=3, note="steady")
    with pytest.raises(services.AssessmentLocked):
        services.assessment_complete(assessment=assessment)


def _page_without_tokens(client, assessment):
    response = client.get(reverse("assessments:detail", args=[assessment.pk]))
    assert response.status_code == 200
    return CSRF_VALUE.sub("", response.content.decode())


def test_later_content_edits_leave_the_completed_assessment_as_it_was(
    guide, stage, member, member_client
):
    assessment = CompletedAssessmentFactory(owner=member, default=3, note="steady")
    snapshot = copy.deepcopy(Assessment.objects.get(pk=assessment.pk).snapshot)
    page = _page_without_tokens(member_client, assessment)
    item = Item.objects.get(slug=ItemSlug.CLOUD_COMPUTING)
    assert item.name_en in page

    Item.objects.filter(pk=item.pk).update(name_en="Renamed by admin", name_ja="改名")
    RubricLevel.objects.filter(item=item).update(text_en="Rewritten rubric", text_ja="書き換え")
    TargetLevel.objects.filter(item=item).update(expected=0, importance=1, core=False)
    Item.objects.filter(slug=ItemSlug.AI_ML).update(active=False)

    assert Assessment.objects.get(pk=assessment.pk).snapshot == snapshot
    after = _page_without_tokens(member_client, assessment)
    assert after == page
    assert "Renamed by admin" not in after


# --- claim, delete, purge ----------------------------------------------------------------


def test_it_gives_a_member_only_the_unowned_assessments_named(guide, stage, member, other_member):
    mine, _ = _start(stage)
    theirs, _ = _start(stage, owner=other_member)
    unrelated, _ = _start(stage)

    claimed = services.assessments_claim(assessment_ids=[mine.pk, theirs.pk], user=member)

    assert claimed == 1
    owners = dict(Assessment.objects.values_list("pk", "owner_id"))
    assert owners == {mine.pk: member.pk, theirs.pk: other_member.pk, unrelated.pk: None}


def test_it_deletes_one_assessment_with_its_answers(db):
    doomed, kept = AnswerFactory().assessment, AnswerFactory().assessment
    AnswerFactory(assessment=doomed)

    services.assessment_delete(assessment=doomed)

    assert list(Assessment.objects.all()) == [kept]
    assert list(Answer.objects.values_list("assessment_id", flat=True)) == [kept.pk]
