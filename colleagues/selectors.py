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
    """(invited, answered): every link given out, and the ratings received.

    Revoked links count as invited: if revoking changed the count only for unused links,
    the owner could tell which link had been answered."""
    counts = Invitation.objects.filter(round=round_).aggregate(
        invited=Count("pk"), answered=Count("pk", filter=Q(used=True))
    )
    return counts["invited"], counts["answered"]


def submissions_by_round(rounds):
    """{round id: [disclosure.Submission]} of the rounds, in no meaningful order."""
    by_rating = {}
    rows = ItemRating.objects.filter(rating__round__in=rounds).values_list(
        "rating__round_id",
        "rating_id",
        "rating__relationship",
        "rating__manager_consent",
        "item__slug",
        "level",
    )
    for round_id, rating_id, relationship, consent, slug, level in rows:
        entry = by_rating.setdefault(rating_id, (round_id, relationship, consent, {}))
        entry[3][slug] = level
    result = {}
    for round_id, relationship, consent, levels in by_rating.values():
        result.setdefault(round_id, []).append(Submission(relationship, levels, consent))
    return result


def comments_by_round(rounds):
    """{round id: [comment text]}, sorted by text: their order says nothing of arrival."""
    result = {}
    rows = ColleagueComment.objects.filter(round__in=rounds).order_by("text")
    for round_id, text in rows.values_list("round_id", "text"):
        result.setdefault(round_id, []).append(text)
    return result


def disclosure_of(round_, lines, *, invited, rated, comments):
    """What the owner may see of a round (colleagues.disclosure), from data already read."""
    return disclose(
        invited=invited,
        submissions=rated,
        items=[line.item.slug for line in lines],
        self_levels={line.item.slug: line.self_level for line in lines},
        comments=comments if len(rated) >= MIN_RATERS else (),
        seed=f"{round_.pk}:{len(rated)}",
    )


def colleagues_view_of(assessment, *, language):
    """The ColleaguesView of the assessment's round in `language`, or None without one."""
    round_ = round_of(assessment)
    if round_ is None:
        return None
    lines = round_items(round_)
    invited, _answered = invitation_counts(round_)
    rated = submissions_by_round([round_]).get(round_.pk, [])
    comments = comments_by_round([round_]).get(round_.pk, []) if len(rated) >= MIN_RATERS else []
    disclosure = disclosure_of(round_, lines, invited=invited, rated=rated, comments=comments)
    with translation.override(language):
        return colleagues_view(
            round_=round_,
            names={line.item.slug: str(line.item.name) for line in lines},
            self_levels={line.item.slug: line.self_level for line in lines},
            disclosure=disclosure,
            labels={value: str(label) for value, label in Relationship.choices},
        )


def colleagues_for(seen, *, language):
    """The colleagues' view an audience sees with the report (an access.Access), or None.

    The person sees it; a share viewer only through a link whose owner ticked it.
    """
    share_link = getattr(seen, "share_link", None)
    if seen.sees.manage or (share_link is not None and share_link.show_colleagues):
        return colleagues_view_of(seen.assessment, language=language)
    return None
