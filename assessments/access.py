"""May this request see this assessment, and as whom: one answer for every page.

Who a request is to an assessment is its audience. Each audience sees a defined part of
it (SEES); views ask through `access_for`, `access_by_share_token` or
`access_by_resume_token` and draw only the parts the audience sees. Anyone else gets a
404, never a 403, so nobody learns that an assessment exists.
"""

import enum
from dataclasses import dataclass

from django.http import Http404
from django.utils import timezone

from assessments.models import Assessment, ShareLink
from assessments.tokens import hash_token
from cto_assess.private import VISITOR_SESSION_KEY as SESSION_KEY

# The visitor's assessments this session may take into an account at sign-up or log-in: the
# ones it started (it holds them whatever happens to their resume link)...
CLAIMABLE_KEY = "claimable_assessment_ids"
# ...and the ones it opened with their resume link, while that link is still the current one
# (id -> the hash of the link it came through): a link once replaced claims nothing.
LINKS_KEY = "assessment_links"


class KeptInAnAccount(Http404):
    """A visitor's assessment this browser held is now kept in an account (claimed after a
    sign-up, perhaps from another browser): a 404 all the same, whose page says to log in.
    Only the browser that held it hears this; anyone else gets the plain 404."""


class Audience(enum.StrEnum):
    OWNER = "owner"  # the member it belongs to
    VISITOR = "visitor"  # the browser session holding a visitor's assessment (no account)
    SHARE_VIEWER = "share-viewer"  # whoever opens one of its live share links
    COLLEAGUE = "colleague"  # a colleague the owner invited to rate them
    ORGANISATION_ADMIN = "organisation-admin"  # an admin of an organisation it is shared with


@dataclass(frozen=True)
class Parts:
    """The parts of an assessment an audience sees."""

    report: bool  # the completed report: readiness, items, plan, downloads
    notes: bool  # the person's own notes on their ratings
    comparison: bool  # what moved since their previous assessment
    draft: bool  # a draft's answers, and answering them
    manage: bool  # deleting it, share links, resume links


_THE_PERSON = Parts(report=True, notes=True, comparison=True, draft=True, manage=True)

SEES = {
    Audience.OWNER: _THE_PERSON,
    Audience.VISITOR: _THE_PERSON,
    Audience.SHARE_VIEWER: Parts(
        report=True, notes=False, comparison=False, draft=False, manage=False
    ),
    # Colleagues rate the person on the rubric; they never see the person's own ratings.
    Audience.COLLEAGUE: Parts(
        report=False, notes=False, comparison=False, draft=False, manage=False
    ),
    # An organisation sees the report a member chose to share: never notes, drafts, or an
    # earlier assessment that was not shared with it.
    Audience.ORGANISATION_ADMIN: Parts(
        report=True, notes=False, comparison=False, draft=False, manage=False
    ),
}


@dataclass(frozen=True)
class Access:
    """An assessment as one audience may see it."""

    assessment: Assessment
    audience: Audience
    share_link: ShareLink | None = None  # the link a share viewer came through

    @property
    def sees(self):
        return SEES[self.audience]


def remember(request, assessment, *, may_claim=False):
    """Let this browser session open the (visitor's) assessment from now on, and take it
    into an account if `may_claim` (see CLAIMABLE_KEY)."""
    keys = (SESSION_KEY, CLAIMABLE_KEY) if may_claim else (SESSION_KEY,)
    for key in keys:
        ids = request.session.get(key, [])
        if str(assessment.pk) not in ids:
            request.session[key] = [*ids, str(assessment.pk)]


def remember_link(request, assessment):
    """This session holds the visitor's assessment through its current resume link."""
    remember(request, assessment)
    links = request.session.get(LINKS_KEY, {})
    if links.get(str(assessment.pk)) != assessment.resume_token_hash:
        request.session[LINKS_KEY] = {**links, str(assessment.pk): assessment.resume_token_hash}


def remember_relinked(request, assessment):
    """This session has just replaced the resume link: it holds the assessment through the
    new one (the session that made it keeps holding it as its maker)."""
    if str(assessment.pk) not in request.session.get(CLAIMABLE_KEY, []):
        remember_link(request, assessment)


def forget(request, assessment):
    for key in (SESSION_KEY, CLAIMABLE_KEY):
        ids = request.session.get(key, [])
        request.session[key] = [i for i in ids if i != str(assessment.pk)]
    links = request.session.get(LINKS_KEY, {})
    if str(assessment.pk) in links:
        request.session[LINKS_KEY] = {k: v for k, v in links.items() if k != str(assessment.pk)}


def session_assessment_ids(request):
    return list(request.session.get(SESSION_KEY, []))


def claimable_assessment_ids(request):
    """The visitor's assessments this session may take into an account: the ones it made
    or re-linked, and the ones it holds through their current resume link."""
    ids = list(request.session.get(CLAIMABLE_KEY, []))
    links = {k: v for k, v in request.session.get(LINKS_KEY, {}).items() if k not in ids}
    if links:
        current = Assessment.objects.filter(pk__in=list(links), owner__isnull=True).values_list(
            "pk", "resume_token_hash"
        )
        ids += [str(pk) for pk, token_hash in current if links.get(str(pk)) == token_hash]
    return ids


def held_unclaimable_count(request, claimable_ids):
    """How many visitor's assessments this session opens but may not take into an account
    (it holds them through a resume link that was replaced since)."""
    held = set(request.session.get(SESSION_KEY, [])) - set(claimable_ids)
    if not held:
        return 0
    return Assessment.objects.filter(pk__in=list(held), owner__isnull=True).count()


def audience_of(request, assessment):
    """OWNER or VISITOR if this request is the person the assessment is about, else None."""
    if assessment.owner_id is not None:
        if request.user.is_authenticated and assessment.owner_id == request.user.pk:
            return Audience.OWNER
        return None
    key = str(assessment.pk)
    if key not in request.session.get(SESSION_KEY, []):
        return None
    # The session that made it keeps it; one that came through a resume link holds it
    # while that link is the current one: replacing the link ends every session that
    # held it through the old one.
    if key in request.session.get(CLAIMABLE_KEY, []):
        return Audience.VISITOR
    if request.session.get(LINKS_KEY, {}).get(key) == assessment.resume_token_hash:
        return Audience.VISITOR
    return None


def access_for(request, assessment_id, *, with_stages=False):
    """The person's own assessment (with its stages if asked) as an Access; else Http404.

    Most pages never show the stages (the report has them in its frozen data), and
    loading two translated stage rows costs more than the rest of the lookup.
    """
    assessments = Assessment.objects.all()
    if with_stages:
        assessments = assessments.select_related("current_stage", "target_stage")
    # The frozen report has its own row: views that need it read it (once) when they do.
    assessment = assessments.filter(pk=assessment_id).first()
    audience = audience_of(request, assessment) if assessment is not None else None
    if audience is None:
        if assessment is not None and _held_before_it_was_kept(request, assessment):
            raise KeptInAnAccount("No such assessment")
        raise Http404("No such assessment")
    return Access(assessment, audience)


def _held_before_it_was_kept(request, assessment):
    return (
        assessment.owner_id is not None
        and not request.user.is_authenticated
        and str(assessment.pk) in request.session.get(SESSION_KEY, [])
    )


def get_assessment_for(request, assessment_id, *, with_stages=False):
    """The assessment itself, if this request is its owner or visitor; else Http404."""
    return access_for(request, assessment_id, with_stages=with_stages).assessment


def access_by_share_token(token):
    """The completed assessment behind a live share link, seen by a share viewer; else 404."""
    link = (
        ShareLink.objects.select_related("assessment")  # its frozen report: when not cached
        .filter(token_hash=hash_token(token))
        .first()
    )
    if link is None or not link.is_live(timezone.now()) or not link.assessment.is_completed:
        raise Http404("No such report")
    return Access(link.assessment, Audience.SHARE_VIEWER, share_link=link)


def access_by_resume_token(request, token):
    """The assessment a private resume link opens for this request; else Http404.

    A visitor's link gives this browser session the visitor's access from now on; a
    member's assessment opens only for that member, whoever holds the link.
    """
    assessment = Assessment.objects.filter(resume_token_hash=hash_token(token)).first()
    if assessment is None:
        raise Http404("No such assessment")
    if assessment.owner_id is None:
        remember_link(request, assessment)
    audience = audience_of(request, assessment)
    if audience is None:
        raise Http404("No such assessment")
    return Access(assessment, audience)
