"""Never losing an answer: saving a step in the background, and the way back to it.

The step page posts its form here while the person answers (site.js); the step's own
button still saves everything, so nothing here is needed without JavaScript. A visitor
may ask for a new resume link, or have it emailed, from every step, the review and
their report.
"""

import re

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.mail import send_mail
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from assessments import access, selectors, services
from assessments.forms import StepForm
from cto_assess.limits import FORM_TYPES
from guide_version.cache import guide_kept

NEW_TOKEN_KEY = "resume_link_to_show"  # noqa: S105 (a session key name, not a secret)


def resume_url(request, token):
    return request.build_absolute_uri(reverse("assessments:resume", args=[token]))


def show_token_once(request, assessment, token):
    request.session[NEW_TOKEN_KEY] = {"id": str(assessment.pk), "token": token}


def pop_token(request, assessment):
    """The resume link, if it was just made for this assessment (shown once)."""
    pending = request.session.get(NEW_TOKEN_KEY)
    if pending and pending["id"] == str(assessment.pk):
        del request.session[NEW_TOKEN_KEY]
        return resume_url(request, pending["token"])
    return None


def locked_page(request, assessment):
    return render(request, "assessments/locked.html", {"assessment": assessment}, status=409)


def _refusal(message, status, **extra):
    return JsonResponse({"saved": False, "error": str(message), **extra}, status=status)


@require_POST
def autosave(request, assessment_id, number):
    """Save what the step's form holds now; answer JSON (the step page's status line)."""
    assessment = access.get_assessment_for(request, assessment_id)
    if assessment.is_completed:
        return _refusal(_("This assessment is completed: its answers can no longer change."), 409)
    guide = guide_kept()
    steps = selectors.questionnaire_steps(guide)
    if not 1 <= number <= len(steps):
        raise Http404("No such step")
    if request.content_type not in FORM_TYPES:
        # The page posts its form; anything else (JSON, well-formed or not) saves nothing.
        return _refusal(_("Not saved: send the step's form."), 400)
    items = selectors.step_items(steps[number - 1], guide)
    form = StepForm(request.POST, items=items, answers={})
    if form.unexpected_fields():
        return _refusal(_("Not saved: the answers sent do not belong to this step."), 400)
    if not form.is_valid():
        errors = {name: [str(e) for e in errs] for name, errs in form.errors.items()}
        # A note waiting for its level is not lost: the page keeps it and the status says so.
        answers = form.answers() if set(errors) <= _level_fields(form) else None
        if answers:
            _save(assessment, answers)
        return _refusal(_("Not saved yet: choose a level to keep your note."), 400, errors=errors)
    try:
        _save(assessment, form.answers())
    except services.AssessmentLocked:
        return _refusal(_("This assessment is completed: its answers can no longer change."), 409)
    return JsonResponse({"saved": True, "answered": len(selectors.answers_by_item(assessment))})


def _level_fields(form):
    return {form.level_name(item) for item in form.items}


def _save(assessment, answers):
    if answers:
        services.answers_save(assessment=assessment, answers=answers)


def _back_to(request, assessment):
    """Where the resume-link forms send the visitor back: their step, review or report."""
    page = request.POST.get("page", "step")
    if page == "review" and not assessment.is_completed:
        return redirect("assessments:review", assessment.pk)
    if page == "report" or assessment.is_completed:
        return redirect("assessments:detail", assessment.pk)
    number = request.POST.get("step", "1")
    # ASCII digits only: str.isdigit() also accepts "²", which int() refuses.
    step = int(number) if re.fullmatch(r"[0-9]{1,3}", number) else 1
    return redirect("assessments:step", assessment.pk, step)


def _visitors_assessment(request, assessment_id):
    """A visitor's assessment (draft or report) seen by its visitor; a member's: 409."""
    assessment = access.get_assessment_for(request, assessment_id)
    return assessment, assessment.owner_id is not None and assessment.is_completed


@require_POST
def new_resume_link(request, assessment_id):
    assessment, refused = _visitors_assessment(request, assessment_id)
    if refused:
        return locked_page(request, assessment)
    token = services.assessment_rotate_token(assessment=assessment)
    # A fresh link cuts the older one off, and every session that held it through that one.
    access.remember_relinked(request, assessment)
    if "application/json" in request.headers.get("Accept", ""):
        return JsonResponse({"url": resume_url(request, token)})  # site.js copies it at once
    show_token_once(request, assessment, token)
    messages.info(request, _("Here is your new resume link. The previous one no longer works."))
    return _back_to(request, assessment)


class ResumeEmailForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("Your email address"), max_length=254)


@require_POST
def email_resume_link(request, assessment_id):
    """Email a new resume link to the address given; the address is not kept."""
    assessment, refused = _visitors_assessment(request, assessment_id)
    if refused:
        return locked_page(request, assessment)
    form = ResumeEmailForm(request.POST)
    if not form.is_valid():
        context = {"assessment": assessment, "form": form, "back": request.POST}
        return render(request, "assessments/resume_email.html", context, status=400)
    token = services.assessment_rotate_token(assessment=assessment)
    access.remember_relinked(request, assessment)
    link = resume_url(request, token)
    send_mail(
        subject=_("Your CTO Assess resume link"),
        message=_(
            "Open this link to come back to your assessment from any browser:\n\n%(link)s\n\n"
            "Anyone with the link can open your assessment, so keep it private. "
            "It replaces any link you were given before."
        )
        % {"link": link},
        from_email=None,
        recipient_list=[form.cleaned_data["email"]],
    )
    messages.success(
        request,
        _("We emailed a new resume link to %(email)s. Earlier links no longer work.")
        % {"email": form.cleaned_data["email"]},
    )
    return _back_to(request, assessment)


@login_required
@require_POST
def claim(request, assessment_id):
    """Take the visitor's assessment this browser holds into the member's account. Holding it
    is the claiming rule (access.audience_of: the browser started it, or came through its
    current resume link); any other browser gets the same 404 as an outsider."""
    seen = access.access_for(request, assessment_id)
    assessment = seen.assessment
    if seen.audience == access.Audience.OWNER:
        return redirect("assessments:detail", assessment.pk)
    services.assessments_claim(assessment_ids=[assessment.pk], user=request.user)
    messages.success(request, _("The assessment is now saved to your account."))
    return redirect("assessments:detail", assessment.pk)
