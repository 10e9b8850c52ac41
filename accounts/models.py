"""A member's profile: what the account says about the person beyond logging in.

The profile belongs to the account, so it goes with it (CASCADE). Assessments never
cascade: the account services delete them on purpose.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

DISPLAY_NAME_MAX_LENGTH = 50
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


class Profile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="profile",
        verbose_name=_("user"),
    )
    display_name = models.CharField(
        _("display name"), max_length=DISPLAY_NAME_MAX_LENGTH, blank=True
    )
    # Blank: follow the browser's language.
    preferred_language = models.CharField(
        _("preferred language"), max_length=10, choices=settings.LANGUAGES, blank=True
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")
        constraints = [
            models.CheckConstraint(
                condition=Q(preferred_language__in=["", *LANGUAGE_CODES]),
                name="profile_preferred_language_known",
            ),
        ]

    def __str__(self):
        return self.shown_name

    @property
    def shown_name(self):
        """The name the site greets the member by: their display name, else their username."""
        return self.display_name or self.user.get_username()
