"""The plain invitation links an owner has not copied yet, kept in their session only.

The database keeps a link's hash, never the link (assessments.tokens). So that the owner
can make several links and copy each when they send it, the session that made a link
keeps it until it is copied, revoked or expires, or the round closes; after that,
re-issuing it (services.invitation_reissue) is the way to a link for that colleague.
What is kept says nothing of whether a link was answered: it is the same for every link.
"""

SESSION_KEY = "colleague_links_to_copy"  # {assessment id: {invitation id: token}}


def link_keep(session, *, assessment, invitation, token):
    kept = session.get(SESSION_KEY, {})
    kept.setdefault(str(assessment.pk), {})[str(invitation.pk)] = token
    session[SESSION_KEY] = kept


def link_forget(session, *, assessment, invitation_id):
    """Drop one link (copied or revoked); True when it was kept."""
    kept = session.get(SESSION_KEY, {})
    links = kept.get(str(assessment.pk), {})
    if links.pop(str(invitation_id), None) is None:
        return False
    if not links:
        kept.pop(str(assessment.pk))
    session[SESSION_KEY] = kept
    return True


def links_to_copy(session, *, assessment, live_ids):
    """{invitation id: token} of the live links this session still keeps.

    Links that are no longer live (revoked, expired, the round closed: `live_ids` is then
    empty) are dropped from the session as they are found."""
    kept = session.get(SESSION_KEY, {})
    links = kept.get(str(assessment.pk))
    if not links:
        return {}
    live = {int(pk): token for pk, token in links.items() if int(pk) in live_ids}
    if len(live) != len(links):
        if live:
            kept[str(assessment.pk)] = {str(pk): token for pk, token in live.items()}
        else:
            kept.pop(str(assessment.pk))
        session[SESSION_KEY] = kept
    return live
