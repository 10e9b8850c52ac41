"""Members: sign up, log in (keeping the visitor's assessment), dashboard, data, erasure."""

import json

from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from assessments import access, selectors, services
from assessments.account_forms import AccountDeleteForm, SignupForm
from assessments.user_data import user_data_export


def _claim_session_assessments(request, user):
    claimed = services.assessments_claim(
        assessment_ids=access.session_assessment_ids(request), user=user
    )
    if claimed:
        messages.success(request, _("The assessment you were taking is now saved to your account."))


class LoginView(auth_views.LoginView):
    """Django's log-in, plus: the visitor's assessments in this session become theirs."""

    def form_valid(self, form):
        response = super().form_valid(form)
        _claim_session_assessments(self.request, form.get_user())
        return response


@require_http_methods(["GET", "POST"])
def signup(request):
    if request.user.is_authenticated:
        return redirect("dashboard")
    form = SignupForm(request.POST or None)
    next_url = _safe_next(request)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        _claim_session_assessments(request, user)
        messages.success(request, _("Welcome! Your account is ready."))
        return redirect(next_url or "dashboard")
    status = 400 if request.method == "POST" else 200
    return render(
        request, "registration/signup.html", {"form": form, "next": next_url}, status=status
    )


def _safe_next(request):
    """The 'next' address to return to, if it stays on this site; else None."""
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate.startswith("/") and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return None


@login_required
def dashboard(request):
    return render(
        request,
        "assessments/dashboard.html",
        {
            "assessments": selectors.member_assessments(request.user),
        },
    )


@login_required
def data_export(request):
    payload = json.dumps(user_data_export(user=request.user), ensure_ascii=False, indent=2)
    response = HttpResponse(payload, content_type="application/json; charset=utf-8")
    filename = f"cto-assess-my-data-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def account_delete(request):
    form = AccountDeleteForm(request.POST or None, user=request.user)
    if request.method == "POST":
        if form.is_valid():
            services.account_delete(user=request.user)
            logout(request)
            messages.success(request, _("Your account and all its assessments were deleted."))
            return redirect("home")
        status = 400
    else:
        status = 200
    return render(
        request,
        "registration/account_delete.html",
        {"form": form, "data_url": reverse("data_export")},
        status=status,
    )
