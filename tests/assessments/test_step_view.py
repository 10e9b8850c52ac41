"""One questionnaire step per category: the form, saving, navigation, who may open it."""

import re

import pytest
from django import forms
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape
from pytest_django.asserts import assertContains, assertRedirects

from assessments import services
from assessments.forms import StepRow, StepTextarea
from content.models import Category, Item
from tests import real_guide
from tests.factories import ItemFactory
from tests.questionnaire import (
    answer_all,
    items_of_step,
    post_step,
    saved_answers,
    step_url,
)
from tests.real_guide import ItemSlug

# Session, the guide's version, assessment, answers; a member adds the user. The steps,
# items and rubric levels are kept per process under the guide's version (guide_version).
VISITOR_STEP_QUERIES = 4
MEMBER_STEP_QUERIES = 5
LAST_STEP = real_guide.guide_counts().steps


def _checked(response, item):
    """The level whose radio is checked for an item, or None."""
    found = re.search(
        rf'name="level-{item.slug}" id="[^"]+" value="(\d)" checked', response.content.decode()
    )
    return int(found.group(1)) if found else None


def test_it_shows_each_item_as_a_fieldset_of_five_rubric_levels_and_a_note(allowed, guide_counts):
    client, assessment = allowed
    response = client.get(step_url(assessment, 1))

    assert response.status_code == 200
    assertContains(response, '<h1 class="h3">Hard skills (technical)</h1>', html=False)
    items = items_of_step(1)
    assert len(items) == guide_counts.step_sizes[0]
    assertContains(response, "<fieldset", count=len(items))
    assertContains(response, "<legend", count=len(items))
    for item in items:
        assertContains(response, f'<fieldset class="item-question card mb-4" id="item-{item.slug}"')
        assertContains(response, f">{escape(item.name_en)}</legend>")
        assertContains(response, f'type="radio" name="level-{item.slug}"', count=5)
        for rubric in item.rubric_levels.all():
            assertContains(response, f'value="{rubric.level}"')
            assertContains(response, escape(rubric.text_en))
        assertContains(response, f'name="note-{item.slug}"', count=1)
        assertContains(response, f'name="evidence-{item.slug}"', count=1)
        # Each item's note and its example (for a rating of 3 or 4) take 1,000 characters.
        assertContains(response, 'maxlength="1000"', count=2 * len(items))


def test_it_shows_the_step_and_how_many_items_are_answered(allowed, guide_counts):
    client, assessment = allowed
    steps, items = guide_counts.steps, guide_counts.active_items
    first = client.get(step_url(assessment, 1))
    assertContains(first, f"Step 1 of {steps}")
    assertContains(first, f"0 of {items} items answered")

    post_step(client, assessment, 1, levels={ItemSlug.CLOUD_COMPUTING: 1, ItemSlug.AI_ML: 4})
    second = client.get(step_url(assessment, 2))

    assertContains(second, f"Step 2 of {steps}")
    assertContains(second, f"2 of {items} items answered")
    assertContains(second, 'aria-current="step">2. Soft skills')
    assertContains(second, f'aria-valuenow="2" aria-valuemin="0" aria-valuemax="{items}"')


def test_it_saves_a_whole_step_and_goes_to_the_next(allowed):
    client, assessment = allowed
    response = post_step(client, assessment, 1, levels=3)

    assertRedirects(response, step_url(assessment, 2), fetch_redirect_response=False)
    assert saved_answers(assessment) == {item.slug: (3, "") for item in items_of_step(1)}


def test_it_saves_a_partial_step_with_notes(allowed):
    client, assessment = allowed
    response = post_step(
        client,
        assessment,
        1,
        levels={ItemSlug.CLOUD_COMPUTING: 0, ItemSlug.CYBERSECURITY: 4},
        notes={ItemSlug.CYBERSECURITY: "  ISO 27001 audit lead  "},
    )

    assert response.status_code == 302
    assert saved_answers(assessment) == {
        ItemSlug.CLOUD_COMPUTING: (0, ""),
        ItemSlug.CYBERSECURITY: (4, "ISO 27001 audit lead"),
    }


def test_it_changes_an_answer_in_place_and_keeps_the_others(allowed, guide_counts):
    client, assessment = allowed
    post_step(client, assessment, 1, levels=1)
    post_step(client, assessment, 1, levels={ItemSlug.AI_ML: 4}, notes={ItemSlug.AI_ML: "now"})

    answers = saved_answers(assessment)
    assert answers.pop(ItemSlug.AI_ML) == (4, "now")
    assert set(answers.values()) == {(1, "")} and len(answers) == guide_counts.step_sizes[0] - 1


def test_going_back_keeps_the_answers_of_both_steps(allowed):
    client, assessment = allowed
    post_step(
        client,
        assessment,
        1,
        levels={ItemSlug.CLOUD_COMPUTING: 3},
        notes={ItemSlug.CLOUD_COMPUTING: "AWS"},
    )
    response = post_step(client, assessment, 2, levels={ItemSlug.COMMUNICATION: 2}, go="back")

    assertRedirects(response, step_url(assessment, 1), fetch_redirect_response=False)
    step_1 = client.get(step_url(assessment, 1))
    assert _checked(step_1, Item.objects.get(slug=ItemSlug.CLOUD_COMPUTING)) == 3
    assert _checked(step_1, Item.objects.get(slug=ItemSlug.AI_ML)) is None
    assertContains(step_1, ">\nAWS</textarea>")
    assert (
        _checked(client.get(step_url(assessment, 2)), Item.objects.get(slug=ItemSlug.COMMUNICATION))
        == 2
    )


@pytest.mark.parametrize(
    ("number", "go", "goes_to"),
    [
        (1, "next", 2),
        (2, "back", 1),
        (1, "back", 1),
        (3, "stay", 3),
        (2, "review", "review"),
        (LAST_STEP, "next", "review"),
        (LAST_STEP, "review", "review"),
        (LAST_STEP - 1, "somewhere-else", LAST_STEP),
    ],
)
def test_it_goes_where_the_button_says(visitor_draft, number, go, goes_to):
    client, assessment = visitor_draft
    response = post_step(client, assessment, number, levels=2, go=go)

    expected = (
        reverse("assessments:review", args=[assessment.pk])
        if goes_to == "review"
        else step_url(assessment, goes_to)
    )
    assertRedirects(response, expected, fetch_redirect_response=False)
    assert len(saved_answers(assessment)) == len(items_of_step(number))


def test_staying_on_a_step_says_the_answers_are_saved(visitor_draft):
    client, assessment = visitor_draft
    response = client.post(step_url(assessment, 3), {"go": "stay"}, follow=True)
    assertContains(response, "Your answers are saved.")


def test_the_last_step_offers_review_and_the_first_has_no_back(visitor_draft):
    client, assessment = visitor_draft
    first, last = client.get(step_url(assessment, 1)), client.get(step_url(assessment, LAST_STEP))
    assertContains(first, 'value="next"')
    assert 'value="back"' not in first.content.decode()
    assertContains(last, 'value="review"')
    assertContains(last, 'value="back"')


@pytest.mark.parametrize("number", [0, LAST_STEP + 1, 1000])
def test_a_step_that_does_not_exist_is_404(visitor_draft, number):
    client, assessment = visitor_draft
    assert client.get(step_url(assessment, number)).status_code == 404


def test_nobody_else_can_see_or_answer_a_step(someone_elses_draft, outsider):
    assessment = someone_elses_draft

    assert outsider.get(step_url(assessment, 1)).status_code == 404
    assert post_step(outsider, assessment, 1, levels=4).status_code == 404
    assert saved_answers(assessment) == {}


def test_a_completed_assessment_opens_its_report_instead(visitor_draft):
    client, assessment = visitor_draft
    answer_all(client, assessment)
    services.assessment_complete(assessment=assessment)

    response = client.get(step_url(assessment, 2))
    assertRedirects(response, reverse("assessments:detail", args=[assessment.pk]))


def _count_step_queries(client, assessment):
    client.get(step_url(assessment, 1))  # the resume link is shown (and forgotten) once
    with CaptureQueriesContext(connection) as queries:
        response = client.get(step_url(assessment, 1))
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    ("persona", "expected"),
    [("visitor_draft", VISITOR_STEP_QUERIES), ("member_draft", MEMBER_STEP_QUERIES)],
)
def test_the_step_page_runs_a_fixed_number_of_queries(db, request, guide_counts, persona, expected):
    client, assessment = request.getfixturevalue(persona)
    post_step(client, assessment, 1, levels=2)
    with_the_guide = _count_step_queries(client, assessment)

    hard_skills = Category.objects.get(slug="hard-skills")
    more = [ItemFactory(category=hard_skills) for _ in range(30)]
    post_step(client, assessment, 1, levels=1)
    response = client.get(step_url(assessment, 1))
    assertContains(response, f"Step 1 of {guide_counts.steps}")
    answered, items = guide_counts.step_sizes[0] + 30, guide_counts.active_items + 30
    assertContains(response, f"{answered} of {items} items answered")
    assertContains(response, f'name="level-{more[-1].slug}"', count=5)
    with_30_more = _count_step_queries(client, assessment)

    assert with_the_guide == with_30_more == expected <= 12


def _textareas(response, field="note"):
    """The notes' (or examples') textareas on the page."""
    return re.findall(
        rf'<textarea name="{field}-.*?</textarea>', response.content.decode(), flags=re.S
    )


def test_the_notes_are_drawn_exactly_as_djangos_textarea_would_draw_them(allowed, monkeypatch):
    client, assessment = allowed
    # A note kept, a note too long (refused), a note with characters to escape.
    post_step(
        client,
        assessment,
        1,
        levels={ItemSlug.CYBERSECURITY: 2},
        notes={ItemSlug.CYBERSECURITY: "kept"},
    )
    response = post_step(
        client,
        assessment,
        1,
        levels={ItemSlug.CYBERSECURITY: 2, ItemSlug.AI_ML: 1},
        notes={ItemSlug.CYBERSECURITY: '<b>"A & B"</b>\r\nline two', ItemSlug.AI_ML: "x" * 1001},
    )
    assert response.status_code == 400
    form = response.context["form"]
    # The page draws them in Python (StepTextarea); Django draws them from its template.
    monkeypatch.setattr(StepTextarea, "_render", forms.Textarea._render)
    drawn_by_django = [str(form[form.note_name(item)]) for item in form.items]
    evidence_by_django = [str(form[form.evidence_name(item)]) for item in form.items]

    assert _textareas(response) == drawn_by_django
    assert _textareas(response, "evidence") == evidence_by_django
    assert 'aria-invalid="true"' not in drawn_by_django[0]
    # The refused note points at its message, which is on the page.
    refused = next(html for html in drawn_by_django if 'aria-invalid="true"' in html)
    described_by = re.search(r'aria-describedby="([^"]+)"', refused).group(1).split()
    error_id = next(i for i in described_by if i.endswith("_error"))
    assertContains(response, f'<p class="text-danger small" id="{error_id}">', status_code=400)
    for element_id in described_by:  # its help too: what the note is for
        assertContains(response, f'id="{element_id}"', status_code=400)


@pytest.mark.parametrize("value", [None, "", "plain", '<b>"A & B"</b>\n\nline', 42])
def test_a_step_textarea_is_djangos_textarea_byte_for_byte(value):
    attrs = {"rows": 2, "class": "form-control", "disabled": True, "hidden": False, "title": "<&>"}
    ours = StepTextarea(attrs=attrs).render("note-x", value, attrs={"id": "id_note-x"})
    assert ours == forms.Textarea(attrs=attrs).render("note-x", value, attrs={"id": "id_note-x"})


def test_the_level_options_follow_each_persons_choice_language_and_the_rubric(allowed):
    client, assessment = allowed
    item = items_of_step(1)[0]
    post_step(client, assessment, 1, levels={item.slug: 3})
    assert _checked(client.get(step_url(assessment, 1)), item) == 3
    post_step(client, assessment, 1, levels={item.slug: 1})
    assert _checked(client.get(step_url(assessment, 1)), item) == 1

    rubric = item.rubric_levels.get(level=1)
    rubric.text_en = "Edited in admin a moment ago"
    rubric.save()
    assertContains(client.get(step_url(assessment, 1)), "Edited in admin a moment ago", count=1)

    japanese = client.get(step_url(assessment, 1), HTTP_ACCEPT_LANGUAGE="ja")
    assertContains(japanese, escape(rubric.text_ja))
    assert _checked(japanese, item) == 1


def test_a_step_first_shown_is_the_page_its_template_draws_byte_for_byte(allowed, monkeypatch):
    """Each item's blank fieldset is kept (StepRow); the chosen level and the two boxes'
    text put in make the page the template draws in full, in both languages."""
    client, assessment = allowed
    post_step(
        client,
        assessment,
        1,
        levels={ItemSlug.CYBERSECURITY: 3, ItemSlug.AI_ML: 0},
        notes={ItemSlug.CYBERSECURITY: '<b>"A & B"</b>\r\nline two', ItemSlug.AI_ML: "   "},
    )
    token = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')

    def pages():
        return [
            token.sub(
                "", client.get(step_url(assessment, 1), HTTP_ACCEPT_LANGUAGE=lang).content.decode()
            )
            for lang in ("en", "ja")
        ]

    pages()  # the blank fieldsets kept
    kept = pages()
    monkeypatch.setattr(StepRow, "html", StepRow._drawn)
    assert kept == pages()
    assert "&lt;b&gt;&quot;A &amp; B&quot;&lt;/b&gt;\nline two</textarea>" in kept[0]
    assert 'value="3" checked>' in kept[0]
