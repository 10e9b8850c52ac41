"""The read API under /api/v1/ (with its OpenAPI description), and the pages where a
member manages their tokens."""

from django.urls import path, re_path

from api import views
from api.v1 import api

urlpatterns = [
    path("tokens/", views.tokens, name="api_tokens"),
    path("tokens/<int:token_id>/revoke/", views.token_revoke, name="api_token_revoke"),
    path("v1/", views.api_root, name="api_root"),
    path("v1/", api.urls),
    re_path(r"^v1/", views.not_found, name="api_not_found"),
]
