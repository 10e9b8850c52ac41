"""Secret tokens never reach a log: resume, share, invitation, sign-up and password-reset
links carry them in their paths, and a log-in's `next=` carries such a path
percent-encoded.

One pattern masks them in gunicorn's access log (MaskingGunicornLogger, named by
gunicorn.conf.py: request line, path, query and every header such as the Referer) and in
the app's own records (MaskTokensFilter on the stdout handler). Add a pattern here when a
new URL carries a token.
"""

import logging
import re

# A slash as written, or percent-encoded once or twice (a link inside a next= parameter).
_SLASH = r"(?:/|%(?:25)?2[Ff])"
# A token's characters: anything up to the next separator, a percent-encoded ':' included
# (a sign-up link's signed value).
_LINK_PART = r"(?:[^/?#&%\s\"']|%(?:25)?3[Aa])+"
TOKEN_IN_PATH = re.compile(
    rf"({_SLASH}(?:assessments{_SLASH}resume|shared|rate|accounts{_SLASH}signup{_SLASH}confirm"
    rf"|organisations{_SLASH}join){_SLASH})({_LINK_PART})"
    # A password reset: /accounts/reset/<the user's id>/<token>/, but not its next steps.
    rf"|({_SLASH}accounts{_SLASH}reset{_SLASH}{_LINK_PART}{_SLASH})(?!set-password\b)({_LINK_PART})"
)
# A personal API token wherever it appears (an Authorization header, a pasted URL).
API_LINK_PART = re.compile(r"\b(cta_)[A-Za-z0-9_-]+")
MASK = "[token]"


def mask_tokens(text):
    """`text` with every token of a resume, share, invitation or sign-up link, and every
    API token, replaced by MASK."""
    if not isinstance(text, str):
        return text
    if "cta_" in text:
        text = API_LINK_PART.sub(rf"\g<1>{MASK}", text)
    if "/" not in text and "%" not in text:
        return text
    return TOKEN_IN_PATH.sub(_masked, text)


def _masked(match):
    return (match.group(1) or match.group(3)) + MASK


class MaskTokensFilter(logging.Filter):
    """Masks tokens in the message and in the request path that formatters print."""

    def filter(self, record):
        message = record.getMessage()
        masked = mask_tokens(message)
        if masked != message:
            record.msg, record.args = masked, None
        request = getattr(record, "request", None)
        if request is not None and isinstance(getattr(request, "path", None), str):
            record.masked_path = mask_tokens(request.path)
        return True


try:
    from gunicorn.glogging import Logger as _GunicornLogger
except ImportError:  # gunicorn is only needed to serve, not to import this module
    _GunicornLogger = object


class MaskingGunicornLogger(_GunicornLogger):
    """Gunicorn's logger, with tokens masked in every atom of the access log."""

    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        return {key: mask_tokens(value) for key, value in atoms.items()}
