"""An organisation's invitation carried through log-in and sign-up.

A join link opened logged out keeps the organisation's name and the link in the session,
so the log-in and sign-up pages can say "You are invited to …" and send the person back
to accept it. Only a name and a path of this site are kept: the pages built on accounts
(organisations) put them here, accounts never reads their models.
"""

SESSION_KEY = "invited_to"


def invitation_remember(request, *, organisation_name, join_path):
    request.session[SESSION_KEY] = {"name": organisation_name, "path": join_path}


def invitation_pending(request):
    """{"name", "path"} of the invitation this browser is on its way to accept, or None."""
    pending = request.session.get(SESSION_KEY)
    if isinstance(pending, dict) and str(pending.get("path", "")).startswith("/"):
        return pending
    return None


def invitation_forget(request):
    request.session.pop(SESSION_KEY, None)
