"""Two-step verification: the code at log-in, and a member's page to turn it on or off."""

import django_otp
from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from accounts import two_factor
from accounts.forms import CodeForm, TwoFactorDisableForm
from accounts.views import after_login
from cto_assess.ratelimit import ratelimited

WRONG_CODE = gettext_lazy("That code is not right, or it has expired.")


@require_http_methods(["GET", "POST"])
@ratelimited("otp")
def login_code(request):
    """The second step of a log-in whose password was right: the code."""
    pending = two_factor.pending_get(request)
    if pending is None:
        return redirect("login")
    user = get_user_model().objects.filter(pk=pending["user"], is_active=True).first()
    if user is None:
        two_factor.pending_end(request)
        return redirect("login")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = two_factor.code_verify(user=user, code=form.cleaned_data["code"])
        if device is not None:
            two_factor.pending_end(request)
            login(request, user, backend=pending["backend"])
            django_otp.login(request, device)
            return after_login(request, redirect(pending["next"]), user)
        if two_factor.pending_failed(request, pending):
            messages.error(request, _("Too many wrong codes. Please log in again."))
            return redirect("login")
        form.add_error("code", WRONG_CODE)
    status = 400 if request.method == "POST" else 200
    return render(request, "registration/login_code.html", {"form": form}, status=status)


@login_required
def two_factor_overview(request):
    return render(
        request,
        "accounts/two_factor.html",
        {
            "enabled": two_factor.has_confirmed_device(request.user),
            "form": TwoFactorDisableForm(user=request.user, prefix="off"),
            "codes_form": TwoFactorDisableForm(user=request.user, prefix="codes"),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
@ratelimited("otp")
def two_factor_setup(request):
    """The QR code and secret of a new authenticator; a matching code turns it on and
    shows the backup codes, this once."""
    device = two_factor.totp_device_for_setup(user=request.user)
    if device is None:
        return redirect("two_factor")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = two_factor.totp_confirm(device=device, code=form.cleaned_data["code"])
        if codes is not None:
            django_otp.login(request, device)
            messages.success(request, _("Two-step verification is on."))
            return render(request, "accounts/two_factor_backup_codes.html", {"codes": codes})
        form.add_error("code", WRONG_CODE)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "accounts/two_factor_setup.html",
        {
            "form": form,
            "qr_svg": two_factor.qr_svg(device.config_url),
            "secret": two_factor.secret_for_typing(device),
        },
        status=status,
    )


@login_required
@require_POST
@ratelimited("otp")
def two_factor_backup_codes(request):
    """Ten new backup codes (the old ones stop working), for the password and a code."""
    form = TwoFactorDisableForm(request.POST, user=request.user, prefix="codes")
    if not form.is_valid():
        return _overview_refused(request, codes_form=form)
    codes = two_factor.backup_codes_replace(user=request.user)
    messages.success(request, _("Your old backup codes no longer work."))
    return render(request, "accounts/two_factor_backup_codes.html", {"codes": codes})


def _overview_refused(request, **forms):
    context = {
        "enabled": two_factor.has_confirmed_device(request.user),
        "form": TwoFactorDisableForm(user=request.user, prefix="off"),
        "codes_form": TwoFactorDisableForm(user=request.user, prefix="codes"),
        **forms,
    }
    return render(request, "accounts/two_factor.html", context, status=400)


@login_required
@require_POST
@ratelimited("otp")
def two_factor_disable(request):
    form = TwoFactorDisableForm(request.POST, user=request.user, prefix="off")
    if not form.is_valid():
        return _overview_refused(request, form=form)
    two_factor.two_factor_disable(user=request.user)
    messages.success(request, _("Two-step verification is off."))
    return redirect("two_factor")
