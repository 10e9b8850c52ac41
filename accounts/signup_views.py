"""Signing up by email (see accounts/signup.py for why it never says an account exists)."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts import services
from accounts.forms import SignupForm, SignupPasswordForm
from accounts.invited import invitation_pending
from accounts.signup import (
    account_exists,
    signup_email_send,
    signup_keep,
    signup_kept_ids,
    signup_link_read,
)
from accounts.views import after_login, safe_next, with_next
from cto_assess.ratelimit import over_limit, ratelimited


@require_http_methods(["GET", "POST"])
@ratelimited("signup")
def signup(request):
    if request.user.is_authenticated:
        return redirect("dashboard")
    form = SignupForm(request.POST or None)
    invited = invitation_pending(request)
    next_url = safe_next(request) or (invited["path"] if invited else None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        # Looked up for every address alike: the answer takes the same work either way.
        keep = signup_keep(request)
        # One mailbox gets a few mails an hour, whoever asks from wherever; past that the
        # same page, with nothing sent (a 429 would tell that someone tried this address).
        if over_limit(request, "signup_email", scope=f"email:{email.lower()}") is None:
            signup_email_send(request=request, email=email, next_url=next_url, keep=keep)
        request.session["signup_email"] = form.cleaned_data["email"]
        return redirect("signup_sent")
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "registration/signup.html",
        {
            "form": form,
            "next": next_url,
            "invited": invited,
            "login_url": with_next(reverse("login"), next_url),
        },
        status=status,
    )


def signup_sent(request):
    """The one answer to step one, whatever the address."""
    return render(
        request, "registration/signup_sent.html", {"email": request.session.get("signup_email")}
    )


@require_http_methods(["GET", "POST"])
@ratelimited("signup")
def signup_confirm(request, token):
    """Step two, from the emailed link: choose a password; the account is made and logged
    in, with the assessments this browser holds and those the link carries (the browser
    that asked for it held them, whichever browser opens it)."""
    link = signup_link_read(token)
    if link is None:
        return render(
            request,
            "registration/signup_link_invalid.html",
            {"hours": settings.SIGNUP_LINK_HOURS},
            status=400,
        )
    email, next_url, keep = link
    if request.user.is_authenticated or account_exists(email):
        return render(request, "registration/signup_link_used.html", {"email": email})
    form = SignupPasswordForm(request.POST or None, email=email)
    if request.method == "POST" and form.is_valid():
        try:
            user = services.account_create(
                username=email, email=email, password=form.cleaned_data["new_password1"]
            )
        except (IntegrityError, ValidationError):  # the same link, submitted twice at once
            return render(request, "registration/signup_link_used.html", {"email": email})
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Welcome! Your account is ready."))
        # Only a page of this site was ever signed into the link (safe_next at step one).
        return after_login(
            request, redirect(next_url or "dashboard"), user, kept_ids=signup_kept_ids(keep)
        )
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "registration/signup_confirm.html",
        {"form": form, "email": email},
        status=status,
    )
