"""Secret tokens never reach a log: resume, share, invitation and sign-up links carry
them in their paths.

One pattern masks them in gunicorn's access log (MaskingGunicornLogger, named by
gunicorn.conf.py: request line, path, query and every header such as the Referer) and in
the app's own records (MaskTokensFilter on the stdout handler). Add a pattern here when a
new URL carries a token.
"""

import logging
import re

TOKEN_IN_PATH = re.compile(
    r"(/(?:assessments/resume|shared|rate|accounts/signup/confirm|organisations/join)/)"
    r"([^/?#\s\"']+)"
)
# A personal API token wherever it appears (an Authorization header, a pasted URL).
API_TOKEN = re.compile(r"\b(cta_)[A-Za-z0-9_-]+")
MASK = "[token]"


def mask_tokens(text):
    """`text` with every token of a resume, share, invitation or sign-up link, and every
    API token, replaced by MASK."""
    if not isinstance(text, str):
        return text
    if "cta_" in text:
        text = API_TOKEN.sub(rf"\g<1>{MASK}", text)
    if "/" not in text:
        return text
    return TOKEN_IN_PATH.sub(rf"\g<1>{MASK}", text)


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
