"""Writes of the API app: personal API tokens (shown once, stored hashed, revocable)."""

import secrets

from django.db import transaction
from django.utils import timezone

from api.models import ApiToken
from assessments.tokens import hash_token

TOKEN_PREFIX = "cta_"  # noqa: S105 (the recognisable start of every token, not a secret)
LAST_USED_EVERY_SECONDS = 60  # last-used is written at most once a minute per token


@transaction.atomic
def token_create(*, user, name):
    """A new read-only token for `user`; returns (token row, the token shown once)."""
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    row = ApiToken(user=user, name=name.strip(), token_hash=hash_token(token), prefix=token[:10])
    row.full_clean()
    row.save()
    return row, token


@transaction.atomic
def token_revoke(*, token):
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])


def token_used(*, token, now):
    """Record that the token was used (at most once a minute: one write, not per request)."""
    last = token.last_used_at
    if last is None or (now - last).total_seconds() >= LAST_USED_EVERY_SECONDS:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now


@transaction.atomic
def tokens_delete_of_user(*, user):
    """Every token of the account goes with it (account deletion)."""
    ApiToken.objects.filter(user=user).delete()
