"""Each item's radios are drawn once per process, guide version and language; a request
only marks the chosen one, and the page is the same as when every radio was drawn."""

import pytest
from django.utils import translation

from assessments import selectors
from assessments.forms import StepForm
from guide_version.cache import GuideCache


@pytest.fixture
def items(guide):
    return selectors.step_items(selectors.questionnaire_steps()[0])


def _html(items, data, guide):
    form = StepForm(data, items=items, answers={})
    form.is_valid()
    return [str(row.options.html()) for row in form.rows(guide)]


@pytest.mark.parametrize("chosen", ["0", "2", "4"])
def test_only_the_chosen_radio_is_checked(items, chosen):
    first = items[0]
    html = _html(items, {f"level-{first.slug}": chosen}, GuideCache().current())
    assert html[0].count(" checked>") == 1
    assert f'value="{chosen}" checked>' in html[0]
    assert all(" checked" not in other for other in html[1:])


@pytest.mark.parametrize("sent", ["9", "", '1" onfocus="x', "２"])
def test_a_value_that_is_no_level_checks_nothing(items, sent):
    html = _html(items, {f"level-{items[0].slug}": sent}, GuideCache().current())
    assert " checked" not in html[0]


def test_kept_radios_are_the_radios_drawn_afresh(items):
    worker = GuideCache()
    data = {f"level-{item.slug}": str(n % 5) for n, item in enumerate(items)}
    fresh = _html(items, data, None)
    _html(items, {}, worker.current())  # drawn once, none chosen
    assert _html(items, data, worker.current()) == fresh


def test_each_language_has_its_own_radios(items):
    worker = GuideCache()
    with translation.override("en"):
        english = _html(items, {}, worker.current())[0]
    with translation.override("ja"):
        japanese = _html(items, {}, worker.current())[0]
    assert english != japanese
    assert items[0].rubric_levels.all()[0].text_en in english
    assert items[0].rubric_levels.all()[0].text_ja in japanese
