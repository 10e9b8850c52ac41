"""Benchmark of an organisation's view at scale: 5,000 members, 20,000 shared assessments.

Run with `make bench-org` (PostgreSQL when DATABASE_URL names one, else SQLite). It works
in a throw-away test database, seeds the organisation in bulk (bench/org_seed.py), then
times the heatmap page, coverage, bench and the API's list of shared assessments in
process (Django's test client; medians) and counts their queries. It prints a table and
writes artifacts/bench-org.json; `--members` and `--per-member` change the size.
"""

import argparse
import json
import os
import secrets
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cto_assess.settings_test")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

GOAL_MS = 300
GOAL_QUERIES = 12


def measure(client, url, repeat, **headers):
    """(median ms, queries) of GET url; the first request warms connections and caches."""
    response = client.get(url, **headers)
    assert response.status_code == 200, (url, response.status_code)
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        client.get(url, **headers)
        timings.append((time.perf_counter() - started) * 1000)
    with CaptureQueriesContext(connection) as captured:
        client.get(url, **headers)
    return statistics.median(timings), len(captured)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=5000)
    parser.add_argument("--per-member", type=int, default=4)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        from accounts.services import account_create
        from api.pagination import PER_PAGE as API_PER_PAGE
        from api.services import token_create
        from bench.org_seed import seed_organisation
        from content.guide_loader import DEFAULT_GUIDE_FILE, guide_load, read_guide_file
        from organisations.team.heatmap import PER_PAGE as HEATMAP_PER_PAGE

        guide_load(data=read_guide_file(DEFAULT_GUIDE_FILE))
        owner = account_create(
            username="cto", email="cto@example.com", password=secrets.token_urlsafe(16)
        )
        started = time.perf_counter()
        organisation = seed_organisation(
            members=args.members, per_member=args.per_member, owner=owner
        )
        seeded_s = time.perf_counter() - started
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        client = Client(HTTP_ACCEPT_LANGUAGE="en")
        client.force_login(owner)
        _row, token = token_create(user=owner, name="bench")
        auth = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
        last_heatmap_page = -(-args.members // HEATMAP_PER_PAGE)
        last_api_page = -(-args.members * args.per_member // API_PER_PAGE)
        base = f"/organisations/{organisation.pk}"
        api = f"/api/v1/organisations/{organisation.pk}"
        cases = {
            "heatmap page 1 (by name)": (f"{base}/heatmap/", {}),
            "heatmap last page (by gap)": (
                f"{base}/heatmap/?sort=gap&page={last_heatmap_page}",
                {},
            ),
            "coverage": (f"{base}/coverage/", {}),
            "bench and readiness": (f"{base}/bench/?stage=tech-lead", {}),
            "API shared assessments, page 1": (f"{api}/shared-assessments", auth),
            "API shared assessments, last page": (
                f"{api}/shared-assessments?page={last_api_page}",
                auth,
            ),
            "API coverage": (f"{api}/coverage", auth),
        }
        results = {
            name: measure(client, url, args.repeat, **headers)
            for name, (url, headers) in cases.items()
        }
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)

    load = os.getloadavg()[0]
    print(
        f"{args.members} members, {args.members * args.per_member} shared assessments on "
        f"{connection.vendor} (seeded in {seeded_s:.0f} s; load average {load:.1f})"
    )
    print(f"{'measure (in process, median)':36} {'ms':>8} {'queries':>8}")
    for name, (ms, queries) in results.items():
        verdict = "ok" if ms < GOAL_MS and queries <= GOAL_QUERIES else "SLOW"
        print(f"{name:36} {ms:8.1f} {queries:8d}  {verdict}")
    out = ROOT / "artifacts" / "bench-org.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(
        json.dumps(
            {
                "database": connection.vendor,
                "members": args.members,
                "shared_assessments": args.members * args.per_member,
                "load_average": load,
                "goals": {"median_ms": GOAL_MS, "queries": GOAL_QUERIES},
                "results": {
                    name: {"median_ms": round(ms, 1), "queries": queries}
                    for name, (ms, queries) in results.items()
                },
            },
            indent=2,
        )
    )
    print(f"written to {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
