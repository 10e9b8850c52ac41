"""Levels 0-4 and level bands (from -> to), as fields and database checks of the guide's rows."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

LEVEL_MIN, LEVEL_MAX = 0, 4


def band_constraints(prefix):
    """A level band from -> to: both in 0-4, from below to (both may be unknown)."""
    return [
        models.CheckConstraint(
            condition=Q(level_from__isnull=True)
            | Q(level_from__gte=LEVEL_MIN, level_from__lt=LEVEL_MAX),
            name=f"{prefix}_level_from_range",
        ),
        models.CheckConstraint(
            condition=Q(level_to__isnull=True) | Q(level_to__gt=LEVEL_MIN, level_to__lte=LEVEL_MAX),
            name=f"{prefix}_level_to_range",
        ),
        models.CheckConstraint(
            condition=Q(level_from__isnull=True)
            | Q(level_to__isnull=True)
            | Q(level_from__lt=models.F("level_to")),
            name=f"{prefix}_band_rises",
        ),
    ]


def level_field(label, blank=False):
    return models.PositiveSmallIntegerField(
        label,
        null=True,
        blank=blank,
        validators=[MinValueValidator(LEVEL_MIN), MaxValueValidator(LEVEL_MAX)],
    )
