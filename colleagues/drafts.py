"""A colleague's rating in progress, kept in their own session until they send it.

The rating form saves itself as the colleague answers (site.js), or on "Save and finish
later" without JavaScript. The draft lives in the rater's session only, under a keyed
digest of their link (salted apart from the hash the invitation is stored under and from
the digest of links just used), so nothing in the tables the owner's pages read changes
while someone drafts. It is read only through a live link by the session that wrote it,
and goes when the rating is sent or on the first visit after the link has ended.
"""

from django.utils.crypto import salted_hmac

SESSION_KEY = "colleague_rating_drafts"  # {link digest: RatingForm.draft()}
DRAFTS_KEPT = 5  # a colleague asked by several people keeps a draft for each


def _digest(token):
    return salted_hmac("colleagues.rating-draft", token).hexdigest()[:32]


def draft_of(session, token):
    """The draft this session keeps for the link, or None."""
    return session.get(SESSION_KEY, {}).get(_digest(token))


def draft_keep(session, token, draft):
    kept = session.get(SESSION_KEY, {})
    kept.pop(_digest(token), None)
    kept[_digest(token)] = draft  # the newest last: the oldest goes first when over
    session[SESSION_KEY] = dict(list(kept.items())[-DRAFTS_KEPT:])


def draft_discard(session, token):
    """Forget the link's draft (sent, or the link ended); writes the session only if kept."""
    kept = session.get(SESSION_KEY, {})
    if _digest(token) in kept:
        del kept[_digest(token)]
        session[SESSION_KEY] = kept
