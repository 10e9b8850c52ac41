"""The development plan page and its writes: the person only, clear 4xx on bad input."""

from dataclasses import replace
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape

from assessments import services
from assessments.models import Answer
from content.models import Stage
from plans.models import ActionProgress, Plan
from tests.assessments.report_helpers import client_in, pdf_text, visitor_client
from tests.factories import CompletedAssessmentFactory
from tests.questionnaire import english_browser
from tests.real_guide import ItemSlug, StageSlug

pytestmark = pytest.mark.usefixtures("guide")


@pytest.fixture
def completed(member):
    assessment = CompletedAssessmentFactory(owner=member, default=1)
    return assessment


@pytest.fixture
def own(member, completed):
    client = english_browser()
    client.force_login(member)
    return client


def _url(name, assessment, *args):
    return reverse(f"plans:{name}", args=[assessment.pk, *args])


def _first_action(client, assessment):
    return client.get(_url("plan", assessment)).context["actions"][0]["row"]


def test_the_owner_sees_the_plan_with_its_actions_and_budget(own, completed):
    response = own.get(_url("plan", completed))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Your development plan towards" in html
    assert "What level 2 looks like" in html
    assert "3 hours a week for 12 weeks gives 36" in html
    assert Plan.objects.get(assessment=completed).hours_per_week == 3


def test_the_plan_page_is_in_japanese_too(member, completed):
    client = english_browser()
    client.force_login(member)
    response = client.get(_url("plan", completed), HTTP_ACCEPT_LANGUAGE="ja")
    assert "に向けた成長計画" in response.content.decode()


def test_someone_else_gets_404_everywhere(completed, other_member_client):
    action = ItemSlug.AI_ML
    assert other_member_client.get(_url("plan", completed)).status_code == 404
    assert other_member_client.get(_url("calendar", completed)).status_code == 404
    for name, args in (("hours", ()), ("reassess", ()), ("action", (action,))):
        response = other_member_client.post(_url(name, completed, *args), {"hours_per_week": 5})
        assert response.status_code == 404
    assert not Plan.objects.filter(assessment=completed).exists()


def test_a_draft_has_no_plan(member, own):
    draft, _ = services.assessment_start(
        owner=member,
        current_stage=Stage.objects.get(slug=StageSlug.TECH_LEAD),
        target_stage=Stage.objects.get(slug=StageSlug.CTO),
    )
    assert own.get(_url("plan", draft)).status_code == 404


def test_hours_fit_the_plan_and_the_report_follows(own, completed):
    response = own.post(_url("hours", completed), {"hours_per_week": "10"})
    assert response.status_code == 302
    assert Plan.objects.get(assessment=completed).hours_per_week == 10
    report = own.get(reverse("assessments:detail", args=[completed.pk]))
    assert "fitted to 10 hours a week for 12 weeks" in report.content.decode()


@pytest.mark.parametrize("hours", ["0", "41", "-1", "three", ""])
def test_hours_outside_1_to_40_are_refused(own, completed, hours):
    response = own.post(_url("hours", completed), {"hours_per_week": hours})
    assert response.status_code == 400
    assert "invalid-feedback" in response.content.decode()
    assert Plan.objects.get(assessment=completed).hours_per_week == 3


def test_progress_is_saved_for_an_action_of_the_plan(own, completed):
    action = _first_action(own, completed)
    day = timezone.localdate() + timedelta(days=30)
    response = own.post(
        _url("action", completed, action.item),
        {
            f"{action.item}-status": "doing",
            f"{action.item}-target_date": day.isoformat(),
            f"{action.item}-note": "Started the book",
        },
    )
    assert response.status_code == 302
    progress = ActionProgress.objects.get(plan__assessment=completed, item__slug=action.item)
    assert (progress.status, progress.target_date, progress.note) == (
        "doing",
        day,
        "Started the book",
    )


@pytest.mark.parametrize(
    ("status", "day"),
    [("finished", 30), ("", 30), ("done", -1)],
    ids=["unknown-status", "no-status", "past-date"],
)
def test_bad_progress_is_refused_and_nothing_changes(own, completed, status, day):
    action = _first_action(own, completed)
    response = own.post(
        _url("action", completed, action.item),
        {
            f"{action.item}-status": status,
            f"{action.item}-target_date": (timezone.localdate() + timedelta(days=day)).isoformat(),
        },
    )
    assert response.status_code == 400
    assert not ActionProgress.objects.exists()


def test_an_item_outside_the_plan_is_not_found(own, completed):
    shown = {a["row"].item for a in own.get(_url("plan", completed)).context["actions"]}
    outside = next(
        slug
        for slug in (ItemSlug.CLOUD_COMPUTING, ItemSlug.AI_ML, ItemSlug.HR_TEAM)
        if slug not in shown
    )
    response = own.post(_url("action", completed, outside), {f"{outside}-status": "done"})
    assert response.status_code == 404


def test_a_member_is_reminded_once_on_the_day(own, completed, member):
    member.email = "mina@example.com"
    member.save()
    day = timezone.localdate() + timedelta(days=1)
    assert (
        own.post(_url("reassess", completed), {"reassess_on": day.isoformat()}).status_code == 302
    )
    call_command("send_reassessment_reminders")
    assert mail.outbox == [], "not before the day"
    Plan.objects.filter(assessment=completed).update(reassess_on=timezone.localdate())
    call_command("send_reassessment_reminders", "--base-url", "https://cto.example.com/")
    call_command("send_reassessment_reminders")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["mina@example.com"]
    assert "https://cto.example.com/assessments/start/" in mail.outbox[0].body


def test_a_past_reassessment_date_is_refused(own, completed):
    yesterday = timezone.localdate() - timedelta(days=1)
    response = own.post(_url("reassess", completed), {"reassess_on": yesterday.isoformat()})
    assert response.status_code == 400
    assert Plan.objects.get(assessment=completed).reassess_on is None


def test_a_visitor_follows_the_plan_but_needs_an_account_for_a_reminder():
    assessment = CompletedAssessmentFactory(default=1)
    visitor = visitor_client(assessment)
    assert visitor.get(_url("plan", assessment)).status_code == 200
    day = (timezone.localdate() + timedelta(days=5)).isoformat()
    assert visitor.post(_url("reassess", assessment), {"reassess_on": day}).status_code == 403


def test_the_calendar_holds_the_dated_actions_and_the_reassessment(own, completed):
    action = _first_action(own, completed)
    day = timezone.localdate() + timedelta(days=10)
    own.post(
        _url("action", completed, action.item),
        {f"{action.item}-status": "todo", f"{action.item}-target_date": day.isoformat()},
    )
    own.post(_url("reassess", completed), {"reassess_on": (day + timedelta(days=60)).isoformat()})
    response = own.get(_url("calendar", completed))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    body = response.content.decode()
    assert body.startswith("BEGIN:VCALENDAR")
    assert body.count("BEGIN:VEVENT") == 2
    assert f"DTSTART;VALUE=DATE:{day:%Y%m%d}" in body


def test_the_plan_page_runs_a_fixed_number_of_queries(
    own, completed, django_assert_max_num_queries
):
    own.get(_url("plan", completed))
    with django_assert_max_num_queries(12):
        own.get(_url("plan", completed))


def test_deleting_the_assessment_deletes_its_plan(own, completed):
    action = _first_action(own, completed)
    own.post(_url("action", completed, action.item), {f"{action.item}-status": "done"})
    services.assessment_delete(assessment=completed)
    assert not Plan.objects.exists() and not ActionProgress.objects.exists()


def test_a_retake_starts_from_the_last_answers_when_asked(own, completed):
    response = own.post(
        reverse("assessments:start"),
        {
            "current_stage": StageSlug.TECH_LEAD,
            "target_stage": StageSlug.CTO,
            "start_from_last": "on",
        },
    )
    assert response.status_code == 302
    retake = completed.__class__.objects.exclude(pk=completed.pk).get()
    before = dict(Answer.objects.filter(assessment=completed).values_list("item_id", "level"))
    after = dict(Answer.objects.filter(assessment=retake).values_list("item_id", "level"))
    assert after == before


def test_a_retake_starts_empty_when_not_asked(own, completed):
    own.post(
        reverse("assessments:start"),
        {"current_stage": StageSlug.TECH_LEAD, "target_stage": StageSlug.CTO},
    )
    retake = completed.__class__.objects.exclude(pk=completed.pk).get()
    assert not Answer.objects.filter(assessment=retake).exists()


def test_a_retakes_report_opens_with_what_changed_and_the_plan_done(own, completed, member):
    action = _first_action(own, completed)
    own.post(_url("action", completed, action.item), {f"{action.item}-status": "done"})
    retake = CompletedAssessmentFactory(owner=member, default=2)
    html = own.get(reverse("assessments:detail", args=[retake.pk])).content.decode()
    assert "you finished 1 action of its plan" in html
    items = html[html.index('id="items-heading"') :]
    assert '<th scope="col" class="text-end">Change</th>' in items
    assert items.count('<span class="text-success">+1</span>') == len(
        Answer.objects.filter(assessment=retake)
    )
    assert html.index("What moved since your previous assessment") < html.index(
        'id="summary-heading"'
    )


def test_the_dashboard_shows_readiness_its_change_and_plan_progress(own, completed, member):
    action = _first_action(own, completed)
    own.post(_url("action", completed, action.item), {f"{action.item}-status": "done"})
    CompletedAssessmentFactory(owner=member, default=2)
    rows = own.get(reverse("dashboard")).context["rows"]
    latest, first = rows[0], rows[1]
    assert first.plan_done == 1 and first.plan_total >= 1
    assert latest.change == round(latest.readiness - first.readiness, 1)
    assert latest.change > 0


def test_the_members_data_export_holds_the_plan(own, completed):
    action = _first_action(own, completed)
    own.post(_url("action", completed, action.item), {f"{action.item}-status": "doing"})
    data = own.get(reverse("data_export")).json()
    plan = data["assessments"][0]["plan"]
    assert plan["hours_per_week"] == 3
    assert plan["actions"] == [
        {**plan["actions"][0], "item": action.item, "status": "doing", "target_date": None}
    ]


def test_the_plan_says_what_the_next_action_needs_and_offers_the_hours_that_fit_it(own, completed):
    own.post(_url("hours", completed), {"hours_per_week": "1"})  # 12 hours in 12 weeks
    page = own.get(_url("plan", completed))
    plan_view = page.context["report"].plan
    assert plan_view.later, "at 1 hour a week some focus area must wait"
    waiting = plan_view.later[0]
    offered = plan_view.fitting_hours_per_week
    html = page.content.decode()

    assert f"The next action, {waiting.item_name}, needs about {waiting.hours} hours" in html
    assert f"{plan_view.hours_left} hours are left in these 12 weeks" in html
    assert f"Fit it: {offered} hours a week" in html

    own.post(_url("hours", completed), {"hours_per_week": str(offered)})  # the offered button
    refitted = own.get(_url("plan", completed)).context["report"].plan
    assert waiting.item in [row.item for row in refitted.actions]


@pytest.mark.parametrize("language", ["en", "ja"])
def test_the_reports_plan_says_what_the_plan_page_says_of_the_next_action(
    member, completed, language
):
    client = client_in(language)
    client.force_login(member)
    client.post(_url("hours", completed), {"hours_per_week": "1"})
    plan_view = client.get(_url("plan", completed)).context["report"].plan
    said = plan_view.next_fit
    waiting = plan_view.later[0]
    assert waiting.item_name in said and str(plan_view.fitting_hours_per_week) in said
    assert "。 " not in said, "Japanese sentences follow each other with no space"

    shown = f'<p class="small plan-next-fit">{escape(said)}</p>'
    report = client.get(reverse("assessments:detail", args=[completed.pk]))
    assert shown in report.content.decode()
    assert shown in client.get(_url("plan", completed)).content.decode()
    pdf = client.get(reverse("assessments:export", args=[completed.pk, "pdf"])).content
    assert "".join(said.split()) in "".join(pdf_text(pdf).split())


def test_the_next_action_waits_in_words_when_no_hours_a_week_would_fit_it(guide):
    from assessments.reporting.snapshot import read_snapshot, score_snapshot
    from plans.plan_view import plan_view

    assessment = CompletedAssessmentFactory(default=0)
    snapshot = read_snapshot(assessment.snapshot)
    drawn = plan_view(snapshot, score_snapshot(snapshot), language="en", hours_per_week=1)
    assert drawn.later and drawn.fitting_hours_per_week
    beyond = replace(drawn, fitting_hours_per_week=None)  # more than the most hours a week
    with translation.override("en"):
        said = beyond.next_fit
        assert replace(drawn, later=[]).next_fit == ""
    assert said.startswith(f"The next action, {drawn.later[0].item_name}, needs")
    assert said.endswith("Take it when these are done.")
