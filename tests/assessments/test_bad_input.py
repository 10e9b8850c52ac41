"""Bad input gets a clear message and a 4xx, never a 500; nothing already saved is lost."""

import uuid
from urllib.parse import urlencode

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from pytest_django.asserts import assertContains

from assessments import services
from assessments.models import Assessment
from tests.questionnaire import (
    answer_all,
    english_browser,
    items_of_step,
    post_step,
    saved_answers,
    step_url,
)
from tests.real_guide import ItemSlug, StageSlug

SAVED = {ItemSlug.CLOUD_COMPUTING: 3, ItemSlug.CYBERSECURITY: 1}
SAVED_NOTES = {ItemSlug.CLOUD_COMPUTING: "AWS since 2015"}


@pytest.fixture
def draft_with_answers(visitor_draft):
    """A visitor's draft with two answers of step 1 already saved."""
    client, assessment = visitor_draft
    assert post_step(client, assessment, 1, levels=SAVED, notes=SAVED_NOTES).status_code == 302
    return client, assessment, saved_answers(assessment)


@pytest.mark.parametrize("level", ["5", "-1", "abc", "2.0", " 2", "02", "1e0", "２", "9" * 400])
def test_a_level_out_of_range_or_not_a_number_is_400(draft_with_answers, level):
    client, assessment, before = draft_with_answers

    response = client.post(
        step_url(assessment, 1),
        {"level-cloud-computing": "0", "level-data-engineering": level, "go": "next"},
    )

    assertContains(response, "Nothing was saved", status_code=400)
    assertContains(response, 'id="id_level-data-engineering-error"', status_code=400)
    assert saved_answers(assessment) == before


def test_an_item_of_another_step_is_400(draft_with_answers):
    client, assessment, before = draft_with_answers
    elsewhere = items_of_step(2)[0]

    response = client.post(
        step_url(assessment, 1),
        {"level-ai-ml": "2", f"level-{elsewhere.slug}": "4", "go": "next"},
    )

    assertContains(response, "the answers sent do not belong to this step", status_code=400)
    assert saved_answers(assessment) == before


@pytest.mark.parametrize("key", ["level-no-such-item", "note-no-such-item", "level-", "note-"])
def test_an_answer_to_no_item_is_400(draft_with_answers, key):
    client, assessment, before = draft_with_answers
    response = client.post(step_url(assessment, 1), {"level-ai-ml": "2", key: "1"})
    assertContains(response, "do not belong to this step", status_code=400)
    assert saved_answers(assessment) == before


@pytest.mark.parametrize("number", [0, 6, 99999999999999999999])
def test_a_step_out_of_range_is_404(draft_with_answers, number):
    client, assessment, before = draft_with_answers
    assert client.post(step_url(assessment, number), {"go": "next"}).status_code == 404
    assert client.get(step_url(assessment, number)).status_code == 404
    assert saved_answers(assessment) == before


def test_a_stage_that_does_not_exist_on_start_is_400(guide):
    client = english_browser()
    response = client.post(
        reverse("assessments:start"), {"current_stage": "overlord", "target_stage": StageSlug.CTO}
    )
    assert response.status_code == 400
    assert not Assessment.objects.exists()


def test_a_note_of_1001_characters_is_400(draft_with_answers):
    client, assessment, before = draft_with_answers
    response = client.post(
        step_url(assessment, 1),
        {"level-cloud-computing": "4", "note-cloud-computing": "x" * 1001, "level-ai-ml": "1"},
    )
    assertContains(response, "at most 1000 characters", status_code=400)
    assert saved_answers(assessment) == before


def test_a_note_of_1000_characters_is_saved(draft_with_answers):
    client, assessment, _ = draft_with_answers
    response = client.post(step_url(assessment, 1), {"level-ai-ml": "1", "note-ai-ml": "ノ" * 1000})
    assert response.status_code == 302
    assert saved_answers(assessment)[ItemSlug.AI_ML] == (1, "ノ" * 1000)


def test_a_note_the_textarea_accepts_is_saved_even_with_line_breaks(draft_with_answers):
    client, assessment, _ = draft_with_answers
    typed = ("x" * 99 + "\n") * 10  # 1000 characters as the browser's textarea counts them
    response = client.post(
        step_url(assessment, 1), {"level-ai-ml": "2", "note-ai-ml": typed.replace("\n", "\r\n")}
    )
    assert response.status_code == 302
    level, note = saved_answers(assessment)[ItemSlug.AI_ML]
    assert level == 2 and note.replace("\r\n", "\n") == typed.strip()


def test_a_note_without_a_level_is_400(draft_with_answers):
    client, assessment, before = draft_with_answers
    response = client.post(step_url(assessment, 1), {"note-ai-ml": "no level chosen"})
    assertContains(response, "Choose a level to keep your note", status_code=400)
    assert saved_answers(assessment) == before


def test_a_note_with_a_null_character_is_400(draft_with_answers):
    client, assessment, before = draft_with_answers
    response = client.post(step_url(assessment, 1), {"level-ai-ml": "1", "note-ai-ml": "a\x00b"})
    assert response.status_code == 400
    assert saved_answers(assessment) == before


@pytest.mark.parametrize("url_name", ["step", "submit", "new_resume_link", "delete", "start"])
def test_a_post_without_the_csrf_token_is_403(draft_with_answers, url_name):
    client, assessment, before = draft_with_answers
    no_token = english_browser(enforce_csrf_checks=True)
    no_token.cookies = client.cookies  # the same browser session, without the form's token
    if url_name == "step":
        url = step_url(assessment, 1)
    elif url_name == "start":
        url = reverse("assessments:start")
    else:
        url = reverse(f"assessments:{url_name}", args=[assessment.pk])

    response = no_token.post(url, {"level-cloud-computing": "0", "current_stage": StageSlug.CTO})

    assert response.status_code == 403
    assert saved_answers(assessment) == before
    assert list(Assessment.objects.values_list("pk", "status")) == [(assessment.pk, "draft")]


def test_a_post_to_someone_elses_assessment_is_404(draft_with_answers, outsider):
    _, assessment, before = draft_with_answers
    assert post_step(outsider, assessment, 1, levels=0).status_code == 404
    assert outsider.post(reverse("assessments:submit", args=[assessment.pk])).status_code == 404
    assert outsider.post(reverse("assessments:delete", args=[assessment.pk])).status_code == 404
    assert saved_answers(assessment) == before


def test_a_post_to_a_completed_assessment_is_409(visitor_draft):
    client, assessment = visitor_draft
    answer_all(client, assessment, level=2)
    services.assessment_complete(assessment=assessment)
    before = saved_answers(assessment)

    response = post_step(client, assessment, 1, levels=4)

    assertContains(response, "This assessment is completed", status_code=409)
    assert saved_answers(assessment) == before


@pytest.mark.parametrize(
    "path",
    [
        "/assessments/{random}/",
        "/assessments/{random}/step/1/",
        "/assessments/{random}/review/",
        "/assessments/not-a-uuid/step/1/",
        "/assessments/{id}/step/-1/",
        "/assessments/{id}/step/one/",
    ],
)
def test_an_assessment_or_step_that_does_not_exist_is_404(draft_with_answers, path):
    client, assessment, _ = draft_with_answers
    url = path.format(random=uuid.uuid4(), id=assessment.pk)
    assert client.get(url).status_code == 404
    assert client.post(url, {"level-ai-ml": "1"}).status_code == 404


@pytest.mark.parametrize(
    ("step", "goes_to"), [("3", 3), ("²", 1), ("①", 1), ("abc", 1), ("", 1), ("9" * 30, 1)]
)
def test_a_new_resume_link_with_an_odd_step_number_is_not_a_500(draft_with_answers, step, goes_to):
    client, assessment, before = draft_with_answers
    client.raise_request_exception = False  # "²" once made this view raise ValueError (a 500)

    response = client.post(
        reverse("assessments:new_resume_link", args=[assessment.pk]), {"step": step}
    )

    assert response.status_code == 302
    assert response["Location"] == step_url(assessment, goes_to)
    assert saved_answers(assessment) == before


# --- fuzzing the step form ---------------------------------------------------------------

STEP_1_SLUGS = [
    ItemSlug.CLOUD_COMPUTING,
    ItemSlug.PROGRAMMING_LANGUAGES,
    ItemSlug.SYSTEM_ARCHITECTURE,
    ItemSlug.DATA_ENGINEERING,
    ItemSlug.CYBERSECURITY,
    ItemSlug.DEVOPS_AUTOMATION,
    ItemSlug.AI_ML,
]
keys = st.one_of(
    st.sampled_from([f"{kind}-{slug}" for kind in ("level", "note") for slug in STEP_1_SLUGS]),
    st.builds("{}{}".format, st.sampled_from(["level-", "note-"]), st.text(max_size=30)),
    st.just("go"),
)
values = st.one_of(
    st.sampled_from(["0", "1", "2", "3", "4", "5", "-1", "", " ", "2.5", "NaN", "٣", "²"]),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.text(max_size=50),
    st.text(min_size=990, max_size=1010),
    st.text(alphabet="x", min_size=5000, max_size=20000),
)


@hypothesis_settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(body=st.dictionaries(keys, values, max_size=8))
def test_no_malformed_step_post_is_a_500_or_loses_an_answer(draft_with_answers, body):
    client, assessment, _ = draft_with_answers
    client.raise_request_exception = False
    before = saved_answers(assessment)

    response = client.post(
        step_url(assessment, 1), urlencode(body), content_type="application/x-www-form-urlencoded"
    )

    assert response.status_code in {302, 400}, (response.status_code, body)
    after = saved_answers(assessment)
    if response.status_code == 400:
        assert after == before
    else:
        assert set(before) <= set(after)
        assert all(0 <= level <= 4 and len(note) <= 1000 for level, note in after.values())
        assert set(after) <= set(STEP_1_SLUGS)
