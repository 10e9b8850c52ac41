"""The development plan page of a completed assessment, and the writes it offers.

Only the person the assessment is about (member or visitor in their session) reaches
these pages; anyone else gets a 404. The reminder email needs an account (an address).
"""

from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from assessments import access
from assessments.models import Assessment
from assessments.reporting.snapshot import read_snapshot, score_snapshot
from content.languages import language_of
from content.models import Item
from plans import services
from plans.calendar import plan_calendar
from plans.forms import HoursForm, ProgressForm, ReassessForm
from plans.models import ActionProgress, ActionStatus
from plans.plan import DEFAULT_HOURS_PER_WEEK
from plans.plan_view import plan_view


def _own_completed(request, assessment_id):
    seen = access.access_for(request, assessment_id)
    if not seen.sees.manage or not seen.assessment.is_completed:
        raise Http404("No such plan")
    # access_for leaves the frozen report out; the plan is drawn from it.
    return Assessment.objects.select_related("target_stage", "company_kind").get(
        pk=seen.assessment.pk
    )


@dataclass(frozen=True)
class Named:
    name: str


@dataclass(frozen=True)
class PlanOfReport:
    """What the plan page shows of the report: its target, kind of company and plan."""

    target_stage: Named
    company_kind: Named | None
    plan: object  # plan_view.PlanView


def _plan_and_report(request, assessment):
    plan = services.plan_for(assessment)
    language = language_of(request)
    snapshot = read_snapshot(assessment.snapshot)
    with translation.override(language):
        drawn = plan_view(
            snapshot,
            score_snapshot(snapshot),
            language=language,
            hours_per_week=plan.hours_per_week,
        )
    if drawn is None:
        raise Http404("This report was completed before plans existed")
    kind = snapshot.company_kind
    report = PlanOfReport(
        target_stage=Named(snapshot.stage(snapshot.target_stage).name[language]),
        company_kind=Named(kind.name[language]) if kind is not None else None,
        plan=drawn,
    )
    return plan, report


def _page(request, assessment, *, status=200, forms=None):
    plan, report = _plan_and_report(request, assessment)
    progress = {
        p.item.slug: p for p in ActionProgress.objects.filter(plan=plan).select_related("item")
    }
    forms = forms or {}
    actions = []
    for action in report.plan.actions:
        state = progress.get(action.item)
        form = forms.get(action.item) or ProgressForm(
            initial={
                "status": state.status if state else ActionStatus.TODO,
                "target_date": state.target_date if state else None,
                "note": state.note if state else "",
            },
            prefix=action.item,
        )
        actions.append({"row": action, "state": state, "form": form})
    done = sum(1 for a in actions if a["state"] and a["state"].status == ActionStatus.DONE)
    return render(
        request,
        "plans/plan.html",
        {
            "assessment": assessment,
            "report": report,
            "plan": plan,
            "actions": actions,
            "done": done,
            "hours_form": forms.get("hours")
            or HoursForm(initial={"hours_per_week": plan.hours_per_week}),
            "reassess_form": forms.get("reassess")
            or ReassessForm(initial={"reassess_on": plan.reassess_on}),
            "can_remind": assessment.owner_id is not None,
            "default_hours": DEFAULT_HOURS_PER_WEEK,
        },
        status=status,
    )


@require_safe
def plan_page(request, assessment_id):
    return _page(request, _own_completed(request, assessment_id))


def _back(assessment, anchor=""):
    return redirect(reverse("plans:plan", args=[assessment.pk]) + anchor)


@require_POST
def hours(request, assessment_id):
    assessment = _own_completed(request, assessment_id)
    form = HoursForm(request.POST)
    if not form.is_valid():
        return _page(request, assessment, status=400, forms={"hours": form})
    services.plan_hours_set(
        plan=services.plan_for(assessment), hours_per_week=form.cleaned_data["hours_per_week"]
    )
    messages.success(
        request,
        _("Your plan now fits %(hours)d hours a week.")
        % {"hours": form.cleaned_data["hours_per_week"]},
    )
    return _back(assessment)


@require_POST
def action(request, assessment_id, item_slug):
    assessment = _own_completed(request, assessment_id)
    plan, report = _plan_and_report(request, assessment)
    if item_slug not in {a.item for a in report.plan.actions}:
        raise Http404("No such action in this plan")
    form = ProgressForm(request.POST, prefix=item_slug)
    if form.is_valid():
        try:
            services.progress_update(
                plan=plan, item=Item.objects.get(slug=item_slug), **form.cleaned_data
            )
        except ValidationError as error:
            for field, errors in error.message_dict.items():
                for message in errors:
                    form.add_error(field, message)
    if not form.is_valid():
        return _page(request, assessment, status=400, forms={item_slug: form})
    messages.success(request, _("Saved."))
    return _back(assessment, f"#action-{item_slug}")


@require_POST
def reassess(request, assessment_id):
    assessment = _own_completed(request, assessment_id)
    if assessment.owner_id is None:
        return HttpResponse(
            _("A reminder needs an account: sign up to keep this assessment and be reminded."),
            status=403,
            content_type="text/plain; charset=utf-8",
        )
    form = ReassessForm(request.POST)
    if form.is_valid():
        try:
            services.reassess_set(
                plan=services.plan_for(assessment), day=form.cleaned_data["reassess_on"]
            )
        except ValidationError as error:
            form.add_error("reassess_on", error.message_dict["reassess_on"])
    if not form.is_valid():
        return _page(request, assessment, status=400, forms={"reassess": form})
    messages.success(request, _("We will email you on that day."))
    return _back(assessment, "#reassess")


@require_safe
def calendar(request, assessment_id):
    assessment = _own_completed(request, assessment_id)
    plan, report = _plan_and_report(request, assessment)
    progress = {
        p.item.slug: p for p in ActionProgress.objects.filter(plan=plan).select_related("item")
    }
    body = plan_calendar(plan=plan, actions=report.plan.actions, progress=progress)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="cto-assess-plan.ics"'
    return response
