"""A member's API tokens, for their data download (never the tokens themselves)."""

from api.models import ApiToken


def _when(moment):
    return moment.isoformat() if moment else None


def api_tokens_data(user):
    return [
        {
            "name": token.name,
            "starts_with": token.prefix,
            "created_at": _when(token.created_at),
            "last_used_at": _when(token.last_used_at),
            "revoked_at": _when(token.revoked_at),
        }
        for token in ApiToken.objects.filter(user=user).order_by("created_at")
    ]
