"""Personal API tokens: read-only, named, revocable; stored only as a SHA-256 hash."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

NAME_MAX_LENGTH = 60


class ApiToken(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,  # account deletion removes tokens on purpose
        related_name="api_tokens",
        verbose_name=_("user"),
    )
    name = models.CharField(_("name"), max_length=NAME_MAX_LENGTH)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    # The token's first characters, so the member can tell their tokens apart.
    prefix = models.CharField(_("starts with"), max_length=12, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"
