"""Private resume tokens: 256 random bits, stored only as a SHA-256 hash."""

import hashlib
import secrets


def new_resume_token():
    """Return (token for the link, hash for the database)."""
    token = secrets.token_urlsafe(32)
    return token, hash_resume_token(token)


def hash_resume_token(token):
    return hashlib.sha256(token.encode("utf-8")).hexdigest()
