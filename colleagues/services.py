"""Writes of the colleagues' view: opening and closing a round, invitations, ratings."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from assessments.reporting.snapshot import read_snapshot
from assessments.tokens import hash_token, new_token
from colleagues.models import (
    COMMENT_MAX_LENGTH,
    ColleagueComment,
    ColleagueRating,
    Invitation,
    ItemRating,
    Relationship,
    Round,
    RoundItem,
)
from content.models import LEVEL_MAX, LEVEL_MIN, Item

MIN_ITEMS = 5
MAX_INVITATIONS = 15  # links not revoked, per round
INVITATION_DAYS = 21
DEFAULT_CATEGORIES = ("soft-skills", "responsibilities", "collaboration")


class RoundClosed(Exception):
    """The round is closed: no invitation is created and no rating stored any more."""


class TooManyInvitations(Exception):
    pass


class InvitationUnusable(Exception):
    """The link was used, revoked, has expired or its round is closed."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


def rateable_items(assessment):
    """[(Item, own level)] of the items the person rated, in the report's order."""
    frozen = read_snapshot(assessment.snapshot)
    order = {c.slug: c.order for c in frozen.categories}
    levels = {item.slug: item.rating for item in frozen.items}
    ranked = sorted(frozen.items, key=lambda i: (order[i.category], i.order))
    by_slug = Item.objects.in_bulk([i.slug for i in ranked], field_name="slug")
    return [(by_slug[i.slug], levels[i.slug]) for i in ranked if i.slug in by_slug]


def default_item_slugs(assessment):
    """Soft skills, responsibilities and collaboration: what others see best."""
    frozen = read_snapshot(assessment.snapshot)
    return [i.slug for i in frozen.items if i.category in DEFAULT_CATEGORIES]


@transaction.atomic
def round_open(*, assessment, item_slugs, display_name=""):
    """Open the (one) colleagues' round of a completed assessment on the chosen items."""
    if not assessment.is_completed:
        raise ValidationError(_("Colleagues rate a completed assessment."))
    if Round.objects.filter(assessment=assessment).exists():
        raise ValidationError(_("This assessment already has a colleagues' round."))
    chosen = set(item_slugs)
    items = [(item, level) for item, level in rateable_items(assessment) if item.slug in chosen]
    if len(items) != len(chosen):
        raise ValidationError(_("Choose items from your assessment."))
    if len(items) < MIN_ITEMS:
        raise ValidationError(
            _("Choose at least %(count)d items for your colleagues.") % {"count": MIN_ITEMS}
        )
    round_ = Round(assessment=assessment, display_name=display_name.strip())
    round_.full_clean(exclude=["assessment"])
    round_.save()
    RoundItem.objects.bulk_create(
        RoundItem(round=round_, item=item, self_level=level, order=n)
        for n, (item, level) in enumerate(items)
    )
    return round_


@transaction.atomic
def round_close(*, round_):
    """Close the round: its links stop working and the colleagues' view freezes."""
    if round_.closed_at is None:
        round_.closed_at = timezone.now()
        round_.save(update_fields=["closed_at"])


@transaction.atomic
def invitation_create(*, round_, relationship):
    """A new link for one colleague; returns (invitation, token shown once)."""
    locked = Round.objects.select_for_update().get(pk=round_.pk)
    if not locked.is_open:
        raise RoundClosed
    if relationship not in Relationship.values:
        raise ValidationError({"relationship": _("Choose how this colleague works with you.")})
    if locked.invitations.filter(revoked_at__isnull=True).count() >= MAX_INVITATIONS:
        raise TooManyInvitations
    token, token_hash = new_token()
    invitation = Invitation.objects.create(
        round=locked,
        relationship=relationship,
        token_hash=token_hash,
        expires_at=timezone.now() + timedelta(days=INVITATION_DAYS),
    )
    return invitation, token


@transaction.atomic
def invitation_revoke(*, invitation):
    if invitation.revoked_at is None:
        invitation.revoked_at = timezone.now()
        invitation.save(update_fields=["revoked_at"])


@transaction.atomic
def invitation_reissue(*, invitation):
    """Revoke a live link and make a new one for the same relationship; (invitation, token).

    The way to a link whose plain form is no longer kept anywhere. It is offered for every
    live link alike, used or not, so it tells the owner nothing about which were answered.
    """
    locked = Invitation.objects.select_for_update().select_related("round").get(pk=invitation.pk)
    if not locked.round.is_open:
        raise RoundClosed
    if not locked.is_live(timezone.now()):
        raise InvitationUnusable("revoked" if locked.revoked_at else "expired")
    invitation_revoke(invitation=locked)
    return invitation_create(round_=locked.round, relationship=locked.relationship)


def invitation_state(invitation, now):
    """ "live", or why the link no longer takes a rating: used, revoked, expired, closed."""
    if invitation.used:
        return "used"
    if invitation.revoked_at is not None:
        return "revoked"
    if invitation.round.closed_at is not None:
        return "closed"
    if invitation.expires_at <= now:
        return "expired"
    return "live"


def _checked_levels(levels, round_slugs):
    """{slug: level or None} for exactly the round's items, each on the scale; else refused."""
    if set(levels) != set(round_slugs):
        raise ValidationError(_("Rate exactly the items of this round."))
    for level in levels.values():
        if level is not None and not (isinstance(level, int) and LEVEL_MIN <= level <= LEVEL_MAX):
            raise ValidationError(_("Each rating is a level from 0 to 4, or can't judge."))
    if all(level is None for level in levels.values()):
        raise ValidationError(_("Rate at least one item, or close this page."))
    return levels


@transaction.atomic
def rating_submit(*, token, levels, comment="", manager_consent=False):
    """Store one colleague's rating through their link, once.

    The invitation is locked, checked and marked used in the same transaction that stores
    the rating; the rating keeps no trace of it (see colleagues.models). A second post
    through the same link finds it used and stores nothing.
    """
    invitation = (
        Invitation.objects.select_for_update()
        .select_related("round")
        .filter(token_hash=hash_token(token))
        .first()
    )
    if invitation is None:
        raise Invitation.DoesNotExist
    state = invitation_state(invitation, timezone.now())
    if state != "live":
        raise InvitationUnusable(state)
    round_items = dict(
        RoundItem.objects.filter(round=invitation.round).values_list("item__slug", "item_id")
    )
    levels = _checked_levels(levels, round_items)
    comment = (comment or "").strip()
    if len(comment) > COMMENT_MAX_LENGTH:
        raise ValidationError(
            _("Keep the comment under %(count)d characters.") % {"count": COMMENT_MAX_LENGTH}
        )
    rating = ColleagueRating.objects.create(
        round=invitation.round,
        relationship=invitation.relationship,
        manager_consent=manager_consent and invitation.relationship == Relationship.MANAGER,
    )
    ItemRating.objects.bulk_create(
        ItemRating(rating=rating, item_id=round_items[slug], level=level)
        for slug, level in levels.items()
    )
    if comment:
        ColleagueComment.objects.create(round=invitation.round, text=comment)
    invitation.used = True
    invitation.save(update_fields=["used"])


@transaction.atomic
def rounds_delete(*, assessments):
    """Delete the rounds of these assessments with everything in them (nothing cascades)."""
    rounds = Round.objects.filter(assessment__in=assessments)
    ItemRating.objects.filter(rating__round__in=rounds).delete()
    ColleagueRating.objects.filter(round__in=rounds).delete()
    ColleagueComment.objects.filter(round__in=rounds).delete()
    Invitation.objects.filter(round__in=rounds).delete()
    RoundItem.objects.filter(round__in=rounds).delete()
    rounds.delete()
