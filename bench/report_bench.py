"""Benchmark of the report: build, page render, PDF render and cached PDF download.

Run with `make bench-report`. It works in a throw-away test database (SQLite unless
DATABASE_URL is set), prints medians and writes them to artifacts/bench-report.json.
"""

import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cto_assess.settings_test")

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

GOALS_MS = {
    "build report object": None,
    "render report page": 50,
    "render PDF": 1500,
    "cached PDF download": 50,
}


def median_ms(action, repeat):
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def completed_assessment(client):
    from assessments import services
    from assessments.models import Assessment
    from content.models import Item

    client.post("/assessments/start/", {"current_stage": "tech-lead", "target_stage": "cto"})
    assessment = Assessment.objects.get()
    answers = {
        item: ((item.order + item.category.order) % 5, "")
        for item in Item.objects.filter(active=True).select_related("category")
    }
    services.answers_save(assessment=assessment, answers=answers)
    return services.assessment_complete(assessment=assessment)


def main():
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        from content.guide_loader import DEFAULT_GUIDE_FILE, guide_load, read_guide_file
        from reports.files import report_pdf
        from reports.report import build_report

        guide_load(data=read_guide_file(DEFAULT_GUIDE_FILE))
        client = Client(HTTP_ACCEPT_LANGUAGE="ja")
        assessment = completed_assessment(client)
        page, pdf = f"/assessments/{assessment.pk}/", f"/assessments/{assessment.pk}/report.pdf"
        assert client.get(page).status_code == 200
        results = {
            "build report object": median_ms(lambda: build_report(assessment, language="ja"), 50),
            # The page caches its frozen report: empty the cache to time the rendering.
            "render report page": median_ms(lambda: (cache.clear(), client.get(page)), 30),
            "render PDF": median_ms(
                lambda: report_pdf(build_report(assessment, language="ja"), show_notes=True), 5
            ),
        }
        cache.clear()
        client.get(pdf)  # fills the cache
        results["cached PDF download"] = median_ms(lambda: client.get(pdf), 50)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)

    print(f"{'measure (31 items, median)':32} {'ms':>9} {'goal':>8}")
    for name, value in results.items():
        goal = GOALS_MS[name]
        verdict = "" if goal is None else ("ok" if value < goal else "SLOW")
        print(f"{name:32} {value:9.1f} {('< ' + str(goal)) if goal else '':>8} {verdict}")
    out = ROOT / "artifacts" / "bench-report.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps({"median_ms": results, "goals_ms": GOALS_MS}, indent=2))
    print(f"written to {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
