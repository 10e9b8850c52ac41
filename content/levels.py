"""Names of the 0-4 levels, shared by every page."""

from django.utils.translation import gettext_lazy as _

LEVEL_NAMES = {
    0: _("None"),
    1: _("Aware"),
    2: _("Practitioner"),
    3: _("Leads it"),
    4: _("Sets the standard"),
}
