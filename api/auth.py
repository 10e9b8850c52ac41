"""Who an API request is: the member whose personal token it bears (read-only)."""

from django.utils import timezone
from ninja.security import HttpBearer

from api.models import ApiToken
from api.services import token_used
from assessments.tokens import hash_token
from cto_assess.ratelimit import over_limit


class RateLimited(Exception):
    def __init__(self, retry_after):
        super().__init__("rate limited")
        self.retry_after = retry_after


class TokenAuth(HttpBearer):
    """`Authorization: Bearer cta_…`: a live token of an active account, else 401."""

    def authenticate(self, request, token):
        row = (
            ApiToken.objects.select_related("user")
            .filter(token_hash=hash_token(token), revoked_at__isnull=True)
            .first()
        )
        if row is None or not row.user.is_active:
            return None
        request.user = row.user  # counted per member by the rate limit, like pages
        retry_after = over_limit(request, "api")
        if retry_after is not None:
            raise RateLimited(retry_after)
        token_used(token=row, now=timezone.now())
        return row
