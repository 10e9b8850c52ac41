"""Interview practice for one question: write an answer, then tick the points it covered.

Anyone may practise; members keep their attempts (and their report lists the questions
they practised). The page works without JavaScript: the written answer travels in the
second form.
"""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from calibration import services
from calibration.models import InterviewAttempt
from calibration.practice import AnswerForm, CoveredForm, answer_points
from content.models import InterviewQuestion

ATTEMPTS_SHOWN = 10


@require_http_methods(["GET", "HEAD", "POST"])
def practise(request, slug):
    question = get_object_or_404(InterviewQuestion, slug=slug)
    points = answer_points(question.answer_points)
    context = {"question": question, "points": points}
    if request.method == "POST" and request.POST.get("step") == "covered":
        form = CoveredForm(request.POST, points=points)
        if not form.is_valid():
            return _page(request, context, covered_form=form, status=400)
        covered = form.cleaned_data["covered"]
        if request.user.is_authenticated:
            services.interview_attempt_save(
                owner=request.user,
                question=question,
                answer=form.cleaned_data["answer"],
                covered=covered,
                points=len(points),
            )
            messages.success(
                request,
                _("Kept: you covered %(covered)d of %(points)d points.")
                % {"covered": len(covered), "points": len(points)},
            )
            return redirect("practice:practise", slug=question.slug)
        context["result"] = {"covered": len(covered), "points": len(points)}
        return _page(request, context, answer_form=AnswerForm())
    if request.method == "POST":
        form = AnswerForm(request.POST)
        if not form.is_valid():
            return _page(request, context, answer_form=form, status=400)
        context["answer"] = form.cleaned_data["answer"]
        covered_form = CoveredForm(initial={"answer": form.cleaned_data["answer"]}, points=points)
        return _page(request, context, covered_form=covered_form)
    return _page(request, context, answer_form=AnswerForm())


def _page(request, context, *, answer_form=None, covered_form=None, status=200):
    attempts = []
    if request.user.is_authenticated:
        attempts = list(
            InterviewAttempt.objects.filter(owner=request.user, question=context["question"])[
                :ATTEMPTS_SHOWN
            ]
        )
    if covered_form is not None and "answer" not in context:
        context["answer"] = covered_form.data.get("answer", "")
    return render(
        request,
        "calibration/practise.html",
        {**context, "answer_form": answer_form, "covered_form": covered_form, "attempts": attempts},
        status=status,
    )
