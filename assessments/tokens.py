"""Private link tokens (resume and share links): 256 random bits, stored only as SHA-256."""

import hashlib
import secrets


def new_token():
    """Return (token for the link, hash for the database)."""
    token = secrets.token_urlsafe(32)
    return token, hash_token(token)


def hash_token(token):
    return hashlib.sha256(token.encode("utf-8")).hexdigest()
