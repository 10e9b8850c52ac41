"""A member's personal API tokens: create (shown once), list, revoke; and the API's JSON 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from api import services
from api.forms import TokenForm
from api.models import ApiToken
from cto_assess.ratelimit import ratelimited

NEW_TOKEN_KEY = "new_api_token"  # noqa: S105 (a session key name, not a secret)


@login_required
@require_http_methods(["GET", "POST"])
@ratelimited("api_token")
def tokens(request):
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        _row, token = services.token_create(user=request.user, name=form.cleaned_data["name"])
        request.session[NEW_TOKEN_KEY] = token
        return redirect("api_tokens")
    return render(
        request,
        "api/tokens.html",
        {
            "form": form,
            "new_token": request.session.pop(NEW_TOKEN_KEY, None),
            "tokens": ApiToken.objects.filter(user=request.user, revoked_at__isnull=True),
            "openapi_url": request.build_absolute_uri(reverse("api:openapi-json")),
            "api_root": request.build_absolute_uri("/api/v1/"),
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def token_revoke(request, token_id):
    token = get_object_or_404(ApiToken, pk=token_id, user=request.user, revoked_at__isnull=True)
    services.token_revoke(token=token)
    messages.success(request, _("The token no longer works."))
    return redirect("api_tokens")


# The API's own addresses take no CSRF token (its clients hold a token, never a cookie):
# a method they do not take is the API's JSON 405, an unknown address its JSON 404.
@csrf_exempt
@require_safe
def api_root(request):
    """Where the API is described (public, like the description itself)."""
    return JsonResponse(
        {"openapi": request.build_absolute_uri(reverse("api:openapi-json")), "version": "1"}
    )


@csrf_exempt
def not_found(request):
    return JsonResponse(
        {"error": {"code": "not_found", "message": "No such endpoint."}}, status=404
    )
