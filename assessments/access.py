"""Who may open an assessment: its owner, or the visitor whose session holds it.

Anyone else gets a 404, never a 403, so nobody learns that an assessment exists.
"""

from django.http import Http404

from assessments.models import Assessment

SESSION_KEY = "assessment_ids"


def remember(request, assessment):
    """Let this browser session open the (visitor's) assessment from now on."""
    ids = request.session.get(SESSION_KEY, [])
    if str(assessment.pk) not in ids:
        request.session[SESSION_KEY] = [*ids, str(assessment.pk)]


def forget(request, assessment):
    ids = request.session.get(SESSION_KEY, [])
    request.session[SESSION_KEY] = [i for i in ids if i != str(assessment.pk)]


def session_assessment_ids(request):
    return list(request.session.get(SESSION_KEY, []))


def can_open(request, assessment):
    if assessment.owner_id is not None:
        return request.user.is_authenticated and assessment.owner_id == request.user.pk
    return str(assessment.pk) in request.session.get(SESSION_KEY, [])


def get_assessment_for(request, assessment_id, *, with_stages=False):
    """The assessment (with its stages if asked), if this request may open it; else Http404.

    Most pages never show the stages (the report has them in its frozen data), and
    loading two translated stage rows costs more than the rest of the lookup.
    """
    assessments = Assessment.objects.all()
    if with_stages:
        assessments = assessments.select_related("current_stage", "target_stage")
    # The frozen report is large; views that need it read it (once) when they do.
    assessment = assessments.defer("snapshot").filter(pk=assessment_id).first()
    if assessment is None or not can_open(request, assessment):
        raise Http404("No such assessment")
    return assessment
