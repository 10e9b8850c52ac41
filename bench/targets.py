"""What wrk asks for on each page: many people's pages, each with that person's session.

One file per page, one "path<TAB>cookie" a line (bench/throughput.lua reads them).
"""

import secrets

from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore

from assessments.models import Assessment
from assessments.selectors import questionnaire_steps
from bench import seed

DRAFTS = 200  # distinct people answering a step
# A report is rendered once per worker process, then served from that worker's cache:
# few enough reports that the warm-up fills every worker's cache (see load_bench.WARM_UP).
REPORTS = 40
PDF_REPORTS = 4


def member_session(user):
    """A stored session of a logged-in member, as django.contrib.auth.login leaves it."""
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return session.session_key


def _cookie(session_key):
    # A browser that has opened a form before also sends its CSRF cookie.
    return f"sessionid={session_key}; csrftoken={secrets.token_hex(16)}"


def _reports(count):
    """(path, cookie) of completed reports: half members' (with a previous one), half not."""
    completed = Assessment.objects.filter(status=Assessment.Status.COMPLETED)
    members = list(completed.filter(owner__isnull=False).select_related("owner")[: count // 2])
    visitors = list(completed.filter(owner__isnull=True)[: count - len(members)])
    return [(f"/assessments/{a.pk}/", _cookie(member_session(a.owner))) for a in members] + [
        (f"/assessments/{a.pk}/", _cookie(seed.visitor_session([a]))) for a in visitors
    ]


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
        "cached PDF": [
            (f"{path}report.pdf", cookie)
            for path, cookie in reports[: PDF_REPORTS // 2] + reports[-PDF_REPORTS // 2 :]
        ],
    }
    paths = {}
    for page, lines in pages.items():
        paths[page] = folder / f"targets-{page.replace(' ', '-')}.txt"
        paths[page].write_text("".join(f"{path}\t{cookie}\n" for path, cookie in lines))
    return paths
