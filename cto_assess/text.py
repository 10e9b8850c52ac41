"""Names that can reach a mail header (a subject, say) hold one line of printable text.

A line break in a subject would let a name add headers of its own (Django refuses to send
it, which was a 500 after the invitation link had been made); other control characters
have no place in a name either. Forms refuse them at input (no_control_characters);
`one_line` flattens a name stored before that rule, where it goes into a header.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def no_control_characters(value):
    if value and CONTROL.search(value):
        raise ValidationError(
            _("Use one line of text: no line breaks or other control characters."),
            code="control_characters",
        )


def one_line(text):
    """`text` with every control character or line break made a space."""
    return " ".join(CONTROL.sub(" ", text or "").split())
