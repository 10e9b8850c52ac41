"""Template helpers for the guide's scales."""

from django import template

from content.levels import LEVEL_NAMES

register = template.Library()


@register.filter
def level_name(level):
    """0-4 -> its name on the scale (None, Aware, Practitioner, ...)."""
    return LEVEL_NAMES.get(level, "")
