"""Taking an assessment: start, one step per category, review, submit, resume."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from assessments import access, selectors, services, signals
from assessments.forms import StartForm, StepForm
from assessments.views.keeping import locked_page, pop_token, show_token_once
from cto_assess.ratelimit import ratelimited
from guide_version.cache import guide_kept


@require_http_methods(["GET", "POST"])
@ratelimited("start")
def start(request):
    last = selectors.last_completed(
        user=request.user, session_ids=access.session_assessment_ids(request)
    )
    form = StartForm(request.POST or None, last_completed=last)
    if request.method == "POST":
        if form.is_valid():
            from_last = form.cleaned_data.get("start_from_last")
            assessment, token = services.assessment_start(
                owner=request.user,
                current_stage=form.cleaned_data["current_stage"],
                target_stage=form.cleaned_data["target_stage"],
                company_kind=form.cleaned_data["company_kind"],
                answers_from=form.last_completed if from_last else None,
            )
            access.remember(request, assessment, may_claim=True)
            if assessment.owner_id is None:
                show_token_once(request, assessment, token)
            return redirect("assessments:step", assessment.pk, 1)
        return render(request, "assessments/start.html", {"form": form}, status=400)
    return render(request, "assessments/start.html", {"form": form})


@require_http_methods(["GET", "POST"])
def step(request, assessment_id, number):
    assessment = access.get_assessment_for(request, assessment_id)
    if assessment.is_completed:
        if request.method == "POST":
            return locked_page(request, assessment)
        return redirect("assessments:detail", assessment.pk)
    guide = guide_kept()
    steps = selectors.questionnaire_steps(guide)
    if not 1 <= number <= len(steps):
        raise Http404("No such step")
    category = steps[number - 1]
    items = selectors.step_items(category, guide)
    answers = selectors.answers_by_item(assessment)
    form = StepForm(request.POST or None, items=items, answers=answers)
    status = 200
    if request.method == "POST":
        unexpected = form.unexpected_fields()
        if unexpected:
            messages.error(
                request,
                _(
                    "Nothing was saved: the answers sent do not belong to this "
                    "step. Please answer the questions shown below."
                ),
            )
            status = 400
        elif form.is_valid():
            try:
                services.answers_save(assessment=assessment, answers=form.answers())
            except services.AssessmentLocked:
                return locked_page(request, assessment)
            answered_now = set(answers) | {item.pk for item in form.answers()}
            left_open = [item for item in items if item.pk not in answered_now]
            return _after_step_saved(request, assessment, number, len(steps), left_open)
        else:
            messages.error(
                request, _("Nothing was saved: please correct the answers marked below.")
            )
            status = 400
    return render(
        request,
        "assessments/step.html",
        {
            "assessment": assessment,
            "category": category,
            "form": form,
            "rows": form.rows(guide),
            "number": number,
            "step_count": len(steps),
            "steps": steps,
            "answered": len(answers),
            "total": sum(step.active_count for step in steps),
            "resume_url": pop_token(request, assessment),
            "left_open": _left_open(request, items, answers),
            "next_url": _next_url(assessment, number, len(steps)),
        },
        status=status,
    )


def _left_open(request, items, answers):
    """The step's unanswered items, when the person just tried to move on without them."""
    if request.method != "GET" or "unanswered" not in request.GET:
        return []
    return [item for item in items if item.pk not in answers]


def _next_url(assessment, number, step_count):
    if number >= step_count:
        return reverse("assessments:review", args=[assessment.pk])
    return reverse("assessments:step", args=[assessment.pk, number + 1])


def _after_step_saved(request, assessment, number, step_count, left_open):
    where = request.POST.get("go", "next")
    if where in ("next", "review") and left_open and request.POST.get("partial") != "ok":
        # Saved; before moving on, say how many are open here and offer to go on or stay.
        url = reverse("assessments:step", args=[assessment.pk, number])
        return redirect(f"{url}?unanswered={len(left_open)}#unanswered")
    if where == "back" and number > 1:
        return redirect("assessments:step", assessment.pk, number - 1)
    if where == "stay" or (where == "back" and number == 1):
        messages.success(request, _("Your answers are saved."))
        return redirect("assessments:step", assessment.pk, number)
    if where == "review" or number >= step_count:
        return redirect("assessments:review", assessment.pk)
    return redirect("assessments:step", assessment.pk, number + 1)


def review(request, assessment_id):
    assessment = access.get_assessment_for(request, assessment_id)
    if assessment.is_completed:
        return redirect("assessments:detail", assessment.pk)
    return _render_review(request, assessment)


def _render_review(request, assessment, missing=None, status=200):
    categories = selectors.review_categories(assessment)
    steps = {c.pk: n for n, c in enumerate(categories, start=1)}
    for category in categories:
        category.step_number = steps[category.pk]
    for item in missing or []:
        item.step_number = steps.get(item.category_id)
    total = sum(len(c.active_items) for c in categories)
    answered = sum(1 for c in categories for item in c.active_items if item.answer)
    # What is left, with a link to each: Submit waits until nothing is.
    left_open = [item for c in categories for item in c.active_items if not item.answer]
    for item in left_open:
        item.step_number = steps.get(item.category_id)
    return render(
        request,
        "assessments/review.html",
        {
            "assessment": assessment,
            "categories": categories,
            "answered": answered,
            "total": total,
            "missing": missing,
            "left_open": left_open,
            "resume_url": pop_token(request, assessment),
        },
        status=status,
    )


@require_POST
def submit(request, assessment_id):
    assessment = access.get_assessment_for(request, assessment_id)
    try:
        services.assessment_complete(assessment=assessment)
    except services.AssessmentLocked:
        return locked_page(request, assessment)
    except services.AssessmentIncomplete as incomplete:
        return _render_review(request, assessment, missing=incomplete.missing_items, status=400)
    signals.assessment_submitted.send(sender=submit, request=request, assessment=assessment)
    messages.success(request, _("Your assessment is complete."))
    return redirect("assessments:detail", assessment.pk)


@ratelimited("resume", methods=("GET", "HEAD"))
def resume(request, token):
    """The private resume link: lets this browser open the visitor's assessment again."""
    assessment = access.access_by_resume_token(request, token).assessment
    messages.info(request, _("Welcome back: your answers are as you left them."))
    return redirect("assessments:detail", assessment.pk)


@require_http_methods(["GET", "POST"])
def delete(request, assessment_id):
    assessment = access.get_assessment_for(request, assessment_id, with_stages=True)
    if request.method == "POST":
        services.assessment_delete(assessment=assessment)
        access.forget(request, assessment)
        messages.success(request, _("The assessment and its answers were deleted."))
        return redirect("dashboard" if request.user.is_authenticated else "home")
    return render(request, "assessments/delete.html", {"assessment": assessment})
