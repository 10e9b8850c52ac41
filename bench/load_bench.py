"""Load benchmark: throughput of the main pages, 50 people taking assessments, a crash.

Run with `make bench` (see the README). In one run, against gunicorn on 127.0.0.1 with
PostgreSQL when DATABASE_URL is set (in a `<name>_bench` database) or SQLite otherwise:

1. seeds 10,000 completed assessments (and a few drafts to answer);
2. measures requests per second and p50/p95 latency with wrk for /healthz, the home
   page, a questionnaire step, the report page and the cached PDF, each as a ratio to
   /healthz (measured first and last; the mean is the reference), and two reference
   pages that bound what any page can reach: the site's layout alone, and a draft's
   data read without drawing a page (bench/reference.py);
3. runs 50 locust users taking whole assessments for 60 s, then checks the database
   holds every answer and completion the server confirmed;
4. runs them again and SIGKILLs a gunicorn worker midway: no confirmed answer may be lost.

Prints a table and writes artifacts/bench.json; exits 1 when a goal is missed.
"""

import argparse
import csv
import http.client
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.server import (  # noqa: E402
    Gunicorn,
    bench_database,
    database_cpu_seconds,
    production_environment,
)

ARTIFACTS = ROOT / "artifacts"
WORK = ARTIFACTS / "bench"
LOCUST = Path(sys.executable).parent / "locust"
# The two references bound what any page can reach (bench/reference.py).
PAGES = [
    "layout only (reference)",
    "draft data only (reference)",
    "home page",
    "questionnaire step",
    "report page",
    "cached PDF",
]
WARM_UP = {"cached PDF": 30, "report page": 8}  # seconds; enough to fill every worker's cache
GOALS = {
    "questionnaire step ratio": 0.5,  # at least this share of /healthz's throughput
    "report page ratio": 0.5,
    "journey p95 ms": 250,
}


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--assessments", type=int, default=10_000)
    parser.add_argument("--seconds", type=int, default=10, help="wrk's time per page")
    parser.add_argument("--connections", type=int, default=8, help="wrk's open connections")
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--journey-seconds", type=int, default=60)
    parser.add_argument("--fault-seconds", type=int, default=30)
    parser.add_argument(
        "--think", default="0.5,1.5", help="seconds a user pauses between pages: min,max"
    )
    parser.add_argument(
        "--workers", type=int, default=int(os.getenv("WEB_CONCURRENCY", 2 * os.cpu_count()))
    )
    return parser.parse_args()


def prepare(count):
    """Migrate, load the guide, collect static files, seed; return the pages' targets."""
    import django
    from django.core.management import call_command

    django.setup()
    from bench import seed, targets

    call_command("migrate", verbosity=0)
    call_command("load_guide", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    started = time.perf_counter()
    seed.completed_assessments(count=count, members=count // 50, per_member=10)
    print(f"bench: seeded {count} completed assessments in {time.perf_counter() - started:.0f} s")
    return targets.write_target_files(WORK)


def wrk(url, target_file, *, seconds, connections):
    """Run wrk over the targets; return its figures as a dict."""
    output = subprocess.run(
        ["/usr/bin/env", "wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s",
         "-s", str(ROOT / "bench" / "throughput.lua"), url, "--", str(target_file)],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    figures = json.loads(output.strip().splitlines()[-1])
    errors = sum(figures["errors"].values())
    return {
        "rps": round(figures["requests"] / (figures["duration_us"] / 1e6), 1),
        "p50_ms": round(figures["p50_us"] / 1000, 1),
        "p95_ms": round(figures["p95_us"] / 1000, 1),
        "requests": figures["requests"],
        "errors": errors,
    }


def check_page(server, target_file):
    """The page answers 200 to the first of its targets (not a redirect, not an error)."""
    path, _, cookie = target_file.read_text(encoding="utf-8").splitlines()[0].partition("\t")
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
    connection.request("GET", path, headers={"Cookie": cookie} if cookie else {})
    status = connection.getresponse().status
    connection.close()
    if status != 200:
        raise SystemExit(f"bench: {path} answered {status}, not 200")


def throughput(server, target_files, args, database_url):
    """wrk on every page; /healthz first and last, the ratio is to their mean."""
    results = {}
    for page in ["healthz", *PAGES, "healthz again"]:
        target = target_files[page.removesuffix(" again")]
        check_page(server, target)
        # Warm up: connections, each worker's templates and caches.
        wrk(server.url, target, seconds=WARM_UP.get(page, 3), connections=4)
        app_cpu, database_cpu = server.cpu_seconds(), database_cpu_seconds(database_url)
        results[page] = figures = wrk(
            server.url, target, seconds=args.seconds, connections=args.connections
        )
        requests = max(1, figures["requests"])
        figures["app_cpu_ms"] = round((server.cpu_seconds() - app_cpu) * 1000 / requests, 2)
        database_cpu = database_cpu_seconds(database_url) - database_cpu
        figures["db_cpu_ms"] = round(database_cpu * 1000 / requests, 2)
        print(f"bench: {page}: {results[page]['rps']} requests/s")
    reference = (results["healthz"]["rps"] + results["healthz again"]["rps"]) / 2
    for figures in results.values():
        figures["ratio_to_healthz"] = round(figures["rps"] / reference, 3)
    return results


def locust(server, *, users, seconds, think, name, during=None):
    """Run the journey users; return (aggregated figures, journal). `during(t0)` runs beside."""
    journal_path, csv_prefix = WORK / f"{name}-journal.json", WORK / name
    process = subprocess.Popen(
        [str(LOCUST), "-f", str(ROOT / "bench" / "journey.py"), "--headless",
         "--users", str(users), "--spawn-rate", str(max(1, users // 5)),
         "--run-time", f"{seconds}s", "--host", server.url, "--csv", str(csv_prefix),
         "--only-summary", "--loglevel", "WARNING", "--stop-timeout", "10"],
        env={**os.environ, "BENCH_JOURNAL": str(journal_path), "BENCH_THINK_SECONDS": think},
        stdout=subprocess.DEVNULL, stderr=open(WORK / f"{name}-locust.log", "w"),  # noqa: SIM115
    )  # fmt: skip
    side = threading.Thread(target=during, args=(time.time(),)) if during else None
    if side:
        side.start()
    process.wait()
    if side:
        side.join()
    with open(f"{csv_prefix}_stats.csv", encoding="utf-8") as stats:
        rows = {row["Name"]: row for row in csv.DictReader(stats)}
    total = rows["Aggregated"]
    figures = {
        "users": users,
        "seconds": seconds,
        "think_seconds": think,
        "requests": int(total["Request Count"]),
        "errors": int(total["Failure Count"]),
        "rps": round(float(total["Requests/s"]), 1),
        "p50_ms": float(total["50%"]),
        "p95_ms": float(total["95%"]),
        "by_request": {
            label: {"requests": int(row["Request Count"]), "p95_ms": float(row["95%"])}
            for label, row in rows.items()
            if label != "Aggregated"
        },
    }
    return figures, json.loads(journal_path.read_text(encoding="utf-8"))


def journeys(server, args):
    from bench.integrity import journal_check

    figures, journal = locust(
        server, users=args.users, seconds=args.journey_seconds, think=args.think, name="load"
    )
    figures["integrity"] = journal_check(journal)
    return figures


def fault(server, args):
    """The same load; a worker is killed a third of the way in."""
    from bench.integrity import journal_check

    killed = {}

    def kill_midway(started):
        time.sleep(args.fault_seconds / 3)
        killed["pid"], killed["at"] = server.kill_a_worker(), time.time()

    figures, journal = locust(
        server,
        users=args.users,
        seconds=args.fault_seconds,
        think=args.think,
        name="fault",
        during=kill_midway,
    )
    figures["killed_worker"] = killed["pid"]
    figures["confirmed_after_kill"] = sum(
        1 for entry in journal["saved_steps"] if entry["at"] > killed["at"]
    )
    figures["integrity"] = journal_check(journal)
    return figures


def verdicts(results):
    pages, load, crash = results["pages"], results["load"], results["fault"]
    return {
        "questionnaire step at >= 0.5x /healthz": pages["questionnaire step"]["ratio_to_healthz"]
        >= GOALS["questionnaire step ratio"],
        "report page at >= 0.5x /healthz": pages["report page"]["ratio_to_healthz"]
        >= GOALS["report page ratio"],
        "no errors in the pages' runs": all(p["errors"] == 0 for p in pages.values()),
        f"{load['users']} users: 0 errors": load["errors"] == 0,
        f"{load['users']} users: p95 < 250 ms": load["p95_ms"] < GOALS["journey p95 ms"],
        "every confirmed answer and completion stored": load["integrity"]["lost_answers"] == 0
        and load["integrity"]["broken_completions"] == 0,
        "worker killed: no confirmed answer lost": crash["integrity"]["lost_answers"] == 0
        and crash["integrity"]["broken_completions"] == 0,
        "worker killed: answers confirmed after it": crash["confirmed_after_kill"] > 0,
    }


def print_table(results):
    pages = results["pages"]
    print(
        f"\n{'page':28} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'x healthz':>10} "
        f"{'app CPU ms':>11} {'db CPU ms':>10} {'errors':>7}"
    )
    for page, row in pages.items():
        print(
            f"{page:28} {row['rps']:>8} {row['p50_ms']:>8} {row['p95_ms']:>8} "
            f"{row['ratio_to_healthz']:>10} {row['app_cpu_ms']:>11} {row['db_cpu_ms']:>10} "
            f"{row['errors']:>7}"
        )
    for name in ("load", "fault"):
        run = results[name]
        check = run["integrity"]
        print(
            f"\n{name}: {run['users']} users for {run['seconds']} s, {run['think_seconds']} s "
            f"between pages: {run['requests']} requests, "
            f"{run['rps']}/s, p50 {run['p50_ms']} ms, p95 {run['p95_ms']} ms, "
            f"{run['errors']} errors; {check['confirmed_answers']} confirmed answers, "
            f"{check['lost_answers']} lost; {check['confirmed_completions']} completions, "
            f"{check['broken_completions']} broken"
        )
    print()
    for goal, met in results["goals"].items():
        print(f"  [{'met' if met else 'MISSED'}] {goal}")


def main():
    args = arguments()
    WORK.mkdir(parents=True, exist_ok=True)
    database_url, drop_database = bench_database(WORK)
    environment = production_environment(database_url)
    os.environ.update(environment)
    try:
        target_files = prepare(args.assessments)
        results = {
            "database": database_url.split(":", 1)[0],
            "workers": args.workers,
            "cores": os.cpu_count(),
            "assessments": args.assessments,
            "connections": args.connections,
        }
        with Gunicorn(
            environment=environment, workers=args.workers, log_path=WORK / "gunicorn.log"
        ) as server:
            results["pages"] = throughput(server, target_files, args, database_url)
            results["load"] = journeys(server, args)
            results["fault"] = fault(server, args)
    finally:
        from django.db import connections

        connections.close_all()
        drop_database()
    results["goals"] = verdicts(results)
    print_table(results)
    (ARTIFACTS / "bench.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(f"\nWrote {ARTIFACTS / 'bench.json'}")
    return 0 if all(results["goals"].values()) else 1


if __name__ == "__main__":
    sys.exit(main())
