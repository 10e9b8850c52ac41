"""What wrk asks for on each page: many people's pages, each with that person's session.

One file per page, one "path<TAB>cookie[<TAB>form body]" a line (bench/throughput.lua
reads them; a line with a body is a POST).
"""

import secrets
from urllib.parse import urlencode

from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore

from assessments.models import Assessment
from assessments.selectors import questionnaire_steps, step_items
from bench import seed

DRAFTS = 200  # distinct people answering a step
# A report is rendered once per worker process, then served from that worker's cache:
# few enough reports that the warm-up fills every worker's cache (see load_bench.WARM_UP).
REPORTS = 40
PDF_REPORTS = 4
PDF_BURST = 50  # PDFs asked for at once while the step page is measured


def member_session(user):
    """A stored session of a logged-in member, as django.contrib.auth.login leaves it."""
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return session.session_key


def _cookie(session_key, csrf_token=None):
    # A browser that has opened a form before also sends its CSRF cookie.
    return f"sessionid={session_key}; csrftoken={csrf_token or secrets.token_hex(16)}"


def _step_posts(count):
    """(path, cookie, body) saving a whole step of a visitor's draft, as the browser posts
    it: a level for every item, empty notes, the CSRF token of the cookie, go on."""
    steps = questionnaire_steps()
    lines = []
    for n in range(count):
        draft = seed.visitor_draft(seed=10_000 + n)
        number = n % len(steps) + 1
        items = step_items(steps[number - 1])
        token = secrets.token_hex(16)  # Django takes an unmasked secret as the form's token
        fields = [("csrfmiddlewaretoken", token), ("go", "next")]
        for item in items:
            fields += [(f"level-{item.slug}", str((n + item.order) % 5)), (f"note-{item.slug}", "")]
        lines.append(
            (
                f"/assessments/{draft.pk}/step/{number}/",
                _cookie(seed.visitor_session([draft]), token),
                urlencode(fields),
            )
        )
    return lines


def peer_targets(survey_id, questions, choices):
    """The peer's survey page (GET) and its response (POST), as our pages are asked for."""
    page = [(f"/survey/{survey_id}/", "")]
    posts = []
    for n in range(DRAFTS):
        token = secrets.token_hex(16)
        fields = [("csrfmiddlewaretoken", token)]
        fields += [(f"question_{q}", choices[(n + q) % len(choices)]) for q in questions]
        posts.append((f"/survey/{survey_id}/", f"csrftoken={token}", urlencode(fields)))
    return {"peer survey page": page, "peer response POST": posts}


def write(folder, pages):
    """Write one targets file per page into `folder`; return {page: path}."""
    paths = {}
    for page, lines in pages.items():
        paths[page] = folder / f"targets-{page.replace(' ', '-')}.txt"
        paths[page].write_text("".join("\t".join(line) + "\n" for line in lines))
    return paths


def _reports(count):
    """(path, cookie) of completed reports: half members' (with a previous one), half not."""
    completed = Assessment.objects.filter(status=Assessment.Status.COMPLETED)
    members = list(completed.filter(owner__isnull=False).select_related("owner")[: count // 2])
    visitors = list(completed.filter(owner__isnull=True)[: count - len(members)])
    return [(f"/assessments/{a.pk}/", _cookie(member_session(a.owner))) for a in members] + [
        (f"/assessments/{a.pk}/", _cookie(seed.visitor_session([a]))) for a in visitors
    ]


def _reports_after(skip, count=PDF_BURST):
    """(path, cookie) of `count` visitors' reports that no other page of the run opens."""
    completed = Assessment.objects.filter(
        status=Assessment.Status.COMPLETED, owner__isnull=True
    ).order_by("-completed_at")[skip : skip + count]
    return [(f"/assessments/{a.pk}/", _cookie(seed.visitor_session([a]))) for a in completed]


def _steps(count):
    """(path, cookie) of questionnaire steps of visitors' drafts, half answered."""
    steps = questionnaire_steps()
    lines = []
    for n in range(count):
        draft = seed.visitor_draft(answered_steps_of=steps[: n % len(steps)], seed=n)
        lines.append(
            (
                f"/assessments/{draft.pk}/step/{n % len(steps) + 1}/",
                _cookie(seed.visitor_session([draft])),
            )
        )
    return lines


def write_target_files(folder):
    """Write one targets file per page into `folder`; return {page: path}."""
    reports = _reports(REPORTS)
    steps = _steps(DRAFTS)
    pages = {
        "healthz": [("/healthz", "")],
        "layout only (reference)": [("/bench/layout-only/", "")],
        "draft data only (reference)": [
            (f"/bench/draft-data/{path.split('/')[2]}/", cookie) for path, cookie in steps
        ],
        "home page": [("/", "")],
        "questionnaire step": steps,
        "report page": reports,
        "step POST": _step_posts(DRAFTS),
        "cached PDF": [
            (f"{path}report.pdf", cookie)
            for path, cookie in reports[: PDF_REPORTS // 2] + reports[-PDF_REPORTS // 2 :]
        ],
        # PDFs nobody has asked for yet: the burst queues them all at once.
        "PDF burst": [(f"{path}report.pdf", cookie) for path, cookie in _reports_after(REPORTS)],
    }
    return write(folder, pages)
