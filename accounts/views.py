"""Members: log in (keeping the visitor's assessment), dashboard, settings, data, erasure.
Signing up is in signup_views.py, two-step verification in two_factor_views.py."""

import json
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts import selectors, services, two_factor
from accounts.backends import username_locks_lift
from accounts.dashboard import dashboard_rows
from accounts.forms import AccountDeleteForm, AccountSettingsForm, LoginForm
from accounts.invited import invitation_pending
from accounts.member_data import member_data
from assessments import access
from assessments import services as assessment_services
from cto_assess.private import clear_site_data
from cto_assess.ratelimit import ratelimited


def _claim_session_assessments(request, user, also=()):
    claimable = access.claimable_assessment_ids(request)
    claimable += [pk for pk in also if pk not in claimable]
    claimed = assessment_services.assessments_claim(assessment_ids=claimable, user=user)
    if claimed:
        messages.success(request, _("The assessment you were taking is now saved to your account."))
    if access.held_unclaimable_count(request, claimable):
        # Said plainly, with the way: the newest link, opened here, lets it be added.
        messages.warning(
            request,
            _(
                "An assessment open in this browser was not added to your account: it was "
                "opened with a resume link that has since been replaced. Open the newest "
                "resume link in this browser, then choose “Add it to my account”."
            ),
        )


def _switch_language(response, language):
    """Show the next pages in the member's language, with the cookie that
    django.views.i18n.set_language would set; messages added after this call are
    written in it too."""
    translation.activate(language)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )


def _follow_browser_language(response):
    response.delete_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )


def after_login(request, response, user, kept_ids=()):
    """What every log-in does once the person is in: their language, and the visitor's
    assessments this session may take (and `kept_ids`, which a sign-up link carried)
    become theirs."""
    profile = services.profile_get_or_create(user=user)
    if profile.preferred_language:
        _switch_language(response, profile.preferred_language)
    _claim_session_assessments(request, user, also=kept_ids)
    return response


@method_decorator(ratelimited("login"), name="dispatch")
class LoginView(auth_views.LoginView):
    """Django's log-in, plus: a code when the person turned two-step verification on
    (or is staff with an authenticator), the member's language, and the visitor's
    assessments in this session become theirs."""

    form_class = LoginForm

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["invited"] = invitation_pending(self.request)
        if context["invited"] and not context.get("next"):
            context["next"] = context["invited"]["path"]  # accepting it comes next
        context["signup_url"] = with_next(reverse("signup"), context.get("next"))
        return context

    def form_valid(self, form):
        user = form.get_user()
        if two_factor.has_confirmed_device(user):
            two_factor.pending_begin(self.request, user=user, next_url=self.get_success_url())
            return redirect("login_code")
        response = super().form_valid(form)
        return after_login(self.request, response, user)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Django's new password from the emailed link; it also lifts the locks that wrong
    passwords put on the account, so the owner can log in at once whoever guessed."""

    def form_valid(self, form):
        response = super().form_valid(form)
        username_locks_lift(form.user)
        return response


class LogoutView(auth_views.LogoutView):
    """Django's log-out, asking the browser to forget this site's cache, cookies and
    storage too."""

    def post(self, request, *args, **kwargs):
        return clear_site_data(super().post(request, *args, **kwargs))


def with_next(url, next_url):
    """`url` that returns to `next_url` (a page of this site) afterwards, if there is one."""
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url


def safe_next(request):
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
        "accounts/dashboard.html",
        {
            "rows": dashboard_rows(
                selectors.member_assessments(user=request.user), user=request.user
            ),
            "profile": services.profile_get_or_create(user=request.user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def account_settings(request):
    profile = services.profile_get_or_create(user=request.user)
    form = AccountSettingsForm(
        request.POST or None,
        initial={
            "display_name": profile.display_name,
            "preferred_language": profile.preferred_language,
        },
    )
    if request.method == "POST" and form.is_valid():
        previous_language = profile.preferred_language
        profile = services.profile_update(profile=profile, **form.cleaned_data)
        response = redirect("account_settings")
        if profile.preferred_language:
            _switch_language(response, profile.preferred_language)
        elif previous_language:
            # Back to the browser's language; a choice made in the header since then goes too.
            _follow_browser_language(response)
        messages.success(request, _("Your settings are saved."))
        return response
    status = 400 if request.method == "POST" else 200
    return render(request, "accounts/settings.html", {"form": form}, status=status)


@login_required
def data_export(request):
    profile = services.profile_get_or_create(user=request.user)
    data = member_data(user=request.user, profile=profile)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
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
