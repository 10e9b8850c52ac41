"""Reads of the colleagues' view: the round of an assessment, and what its owner may see."""

from django.db.models import Count, Q
from django.utils import translation

from colleagues.disclosure import MIN_RATERS, Submission, disclose
from colleagues.models import ColleagueComment, Invitation, ItemRating, Relationship, Round
from colleagues.reporting import colleagues_view


def round_of(assessment):
    """The assessment's round, or None."""
    return Round.objects.filter(assessment_id=assessment.pk).first()


def round_items(round_):
    """The round's RoundItems with their items, in order."""
    return list(round_.round_items.select_related("item__category").order_by("order"))


def invitation_counts(round_):
    """(invited, answered): links given out (used, or not revoked) and ratings received."""
    counts = Invitation.objects.filter(round=round_).aggregate(
        invited=Count("pk", filter=Q(used=True) | Q(revoked_at__isnull=True)),
        answered=Count("pk", filter=Q(used=True)),
    )
    return counts["invited"], counts["answered"]


def submissions(round_):
    """Every rating of the round as disclosure.Submission, in no meaningful order."""
    by_rating = {}
    rows = ItemRating.objects.filter(rating__round=round_).values_list(
        "rating_id", "rating__relationship", "rating__manager_consent", "item__slug", "level"
    )
    for rating_id, relationship, consent, slug, level in rows:
        entry = by_rating.setdefault(rating_id, (relationship, consent, {}))
        entry[2][slug] = level
    return [Submission(rel, levels, consent) for rel, consent, levels in by_rating.values()]


def colleagues_view_of(assessment, *, language):
    """The ColleaguesView of the assessment's round in `language`, or None without one."""
    round_ = round_of(assessment)
    if round_ is None:
        return None
    lines = round_items(round_)
    invited, _answered = invitation_counts(round_)
    rated = submissions(round_)
    comments = []
    if len(rated) >= MIN_RATERS:
        comments = list(
            ColleagueComment.objects.filter(round=round_)
            .order_by("text")
            .values_list("text", flat=True)
        )
    slugs = [line.item.slug for line in lines]
    self_levels = {line.item.slug: line.self_level for line in lines}
    disclosure = disclose(
        invited=invited,
        submissions=rated,
        items=slugs,
        self_levels=self_levels,
        comments=comments,
        seed=f"{round_.pk}:{len(rated)}",
    )
    with translation.override(language):
        names = {line.item.slug: str(line.item.name) for line in lines}
        labels = {value: str(label) for value, label in Relationship.choices}
        return colleagues_view(
            round_=round_,
            names=names,
            self_levels=self_levels,
            disclosure=disclosure,
            labels=labels,
        )


def colleagues_for(seen, *, language):
    """The colleagues' view an audience sees with the report (an access.Access), or None.

    The person sees it; a share viewer only through a link whose owner ticked it.
    """
    share_link = getattr(seen, "share_link", None)
    if seen.sees.manage or (share_link is not None and share_link.show_colleagues):
        return colleagues_view_of(seen.assessment, language=language)
    return None
