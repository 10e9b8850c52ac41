"""Load benchmark: our pages beside a peer's, a PDF burst, 50 people, a crash.

Run with `make bench` (see the README). In one run, against gunicorn on 127.0.0.1 with
PostgreSQL when DATABASE_URL is set (in `<name>_bench` and `<name>_bench_peer` databases)
or SQLite otherwise, with a task worker beside our server as in production:

1. seeds 10,000 completed assessments (and drafts to answer), and the peer's survey
   (django-survey-and-report, bench/peer/) served under the same gunicorn.conf.py;
2. measures, in interleaved rounds (bench/side_by_side.py), our "draft data only"
   reference, questionnaire step, report page and step POST beside the peer's survey
   page and response POST: req/s and CPU ms per request, medians, and the goals as
   ratios; then /healthz, the layout, the home page and the cached PDF once, for scale;
3. asks for 50 PDFs nobody asked for before while wrk measures the step page: the
   requests queue them for the worker, and the step's p95 must stay under 250 ms;
4. runs 50 locust users taking whole assessments for 60 s, then checks the database
   holds every answer and completion the server confirmed;
5. runs them again and SIGKILLs a gunicorn worker midway: no confirmed answer may be lost.

Prints a table with every goal marked met or missed, writes artifacts/bench.json, and
exits 1 when a goal is missed.
"""

import argparse
import csv
import http.client
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import side_by_side  # noqa: E402
from bench.server import (  # noqa: E402
    Gunicorn,
    TaskWorker,
    bench_database,
    database_cpu_seconds,
    production_environment,
)

ARTIFACTS = ROOT / "artifacts"
WORK = ARTIFACTS / "bench"
LOCUST = Path(sys.executable).parent / "locust"
# Measured once, for scale: what the site's cheapest pages and a drawn PDF reach.
PAGES = ["healthz", "layout only (reference)", "home page", "cached PDF"]
WARM_UP = {"cached PDF": 30}  # seconds: the worker draws the PDFs the warm-up queues
JOURNEY_P95_MS = 250


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
    parser.add_argument("--rounds", type=int, default=3, help="interleaved side-by-side rounds")
    parser.add_argument("--port", type=int, default=8051, help="our server; the peer's is +1")
    parser.add_argument(
        "--report-warm-up",
        type=int,
        default=side_by_side.WARM_UP_SECONDS["report page"],
        help="seconds of the report page's warm-up: every worker draws every report once",
    )
    parser.add_argument(
        "--side-by-side-only",
        action="store_true",
        help="measure the side-by-side pages and their goals only (no burst, no users)",
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


def prepare_peer(environment):
    """Migrate the peer's database and add its survey; return its targets files."""
    from bench import targets

    output = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "peer" / "seed.py")],
        env={**environment, "DJANGO_SETTINGS_MODULE": "bench.peer.settings"},
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    survey = json.loads(output.strip().splitlines()[-1])
    pages = targets.peer_targets(survey["survey"], survey["questions"], survey["choices"])
    return targets.write(WORK, pages)


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
    """wrk once on each page of PAGES, for scale."""
    results = {}
    for page in PAGES:
        target = target_files[page]
        if page != "cached PDF":  # its first answer says "preparing" (202)
            check_page(server, target)
        # Warm up: connections, each worker's templates and caches.
        wrk(server.url, target, seconds=WARM_UP.get(page, 3), connections=4)
        app_cpu, database_cpu = server.cpu_seconds(), database_cpu_seconds(database_url)
        results[page] = figures = wrk(
            server.url, target, seconds=args.seconds, connections=args.connections
        )
        requests = max(1, figures["requests"])
        figures["app_cpu_ms"] = round((server.cpu_seconds() - app_cpu) * 1000 / requests, 2)
        database_cpu = max(0.0, database_cpu_seconds(database_url) - database_cpu)
        figures["db_cpu_ms"] = round(database_cpu * 1000 / requests, 2)
        print(f"bench: {page}: {results[page]['rps']} requests/s")
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
    """{goal: (what was measured, met)} for every goal of the run."""
    table, load, crash, burst = (
        results["side_by_side"],
        results["load"],
        results["fault"],
        results["pdf_burst"],
    )
    goals = {goal: (measured, met) for goal, measured, met in side_by_side.goals(table)}
    goals["no errors in the pages' runs"] = (
        sum(p["errors"] for p in [*table.values(), *results["pages"].values()]),
        all(p["errors"] == 0 for p in [*table.values(), *results["pages"].values()]),
    )
    goals[f"{burst['pdfs']} PDFs at once: step p95 < {JOURNEY_P95_MS} ms"] = (
        f"{burst['p95_ms']} ms",
        burst["p95_ms"] < JOURNEY_P95_MS and burst["errors"] == 0,
    )
    goals[f"{burst['pdfs']} PDFs at once: every one drawn"] = (
        f"{burst['pdfs_drawn']} in {burst['all_drawn_after_s']} s",
        burst["pdfs_drawn"] == burst["pdfs"],
    )
    goals[f"{load['users']} users, {load['seconds']} s: 0 errors"] = (
        load["errors"],
        load["errors"] == 0,
    )
    goals[f"{load['users']} users: p95 < {JOURNEY_P95_MS} ms (idle machine)"] = (
        f"{load['p95_ms']} ms",
        load["p95_ms"] < JOURNEY_P95_MS,
    )
    goals["every confirmed answer and completion stored"] = (
        f"{load['integrity']['lost_answers']} lost, "
        f"{load['integrity']['broken_completions']} broken",
        load["integrity"]["lost_answers"] == 0 and load["integrity"]["broken_completions"] == 0,
    )
    goals["worker killed: no confirmed answer lost"] = (
        f"{crash['integrity']['lost_answers']} lost",
        crash["integrity"]["lost_answers"] == 0 and crash["integrity"]["broken_completions"] == 0,
    )
    goals["worker killed: answers confirmed after it"] = (
        crash["confirmed_after_kill"],
        crash["confirmed_after_kill"] > 0,
    )
    return goals


def _row(page, row, reference=None):
    ratio = f"{row['rps'] / reference:.2f}" if reference else ""
    cpu = f"{row['app_cpu_ms']:.1f} + {row['db_cpu_ms']:.1f}"
    return (
        f"{page:30} {row['rps']:>8} {ratio:>8} {cpu:>14} {row['p50_ms']:>7} {row['p95_ms']:>7} "
        f"{row['errors']:>6}"
    )


def print_table(results):
    table = results["side_by_side"]
    reference = table["draft data only (reference)"]["rps"]
    header = (
        f"{'page':30} {'req/s':>8} {'x draft':>8} {'CPU ms/req':>14} {'p50 ms':>7} "
        f"{'p95 ms':>7} {'errors':>6}"
    )
    print(
        f"\nSide by side ({results['rounds']} interleaved rounds, medians; CPU = app + "
        f"database; load average at the start {results['load_average_at_start']}):"
    )
    print(header)
    for page, row in table.items():
        print(_row(page, row, reference))
    print("\nOnce, for scale:")
    print(header)
    for page, row in results["pages"].items():
        print(_row(page, row, reference))
    burst = results["pdf_burst"]
    print(
        f"\nPDF burst: {burst['pdfs']} PDFs asked for at once during {burst['requests']} step "
        f"requests: step p50 {burst['p50_ms']} ms, p95 {burst['p95_ms']} ms; "
        f"{burst['pdfs_drawn']} drawn within {burst['all_drawn_after_s']} s, "
        f"worker CPU {burst['worker_cpu_ms_per_pdf']} ms per PDF"
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
    print(f"\n{'goal':56} {'measured':>22}  verdict")
    for goal, (measured, met) in results["goals"].items():
        print(f"{goal:56} {str(measured):>22}  {'met' if met else 'MISSED'}")


def side_by_side_report(results):
    """Print and write the side-by-side table and its goals alone (--side-by-side-only)."""
    table = results["side_by_side"]
    reference = table["draft data only (reference)"]["rps"]
    print(f"\nSide by side ({results['rounds']} interleaved rounds, medians; CPU ms = app + db):")
    for page, row in table.items():
        print(_row(page, row, reference))
    goals = {goal: (measured, met) for goal, measured, met in side_by_side.goals(table)}
    for goal, (measured, met) in goals.items():
        print(f"{goal:56} {str(measured):>22}  {'met' if met else 'MISSED'}")
    results["goals"] = goals
    (ARTIFACTS / "bench.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0 if all(met for _, met in goals.values()) else 1


def main():
    args = arguments()
    side_by_side.WARM_UP_SECONDS["report page"] = args.report_warm_up
    WORK.mkdir(parents=True, exist_ok=True)
    database_url, drop_database = bench_database(WORK)
    peer_url, drop_peer = bench_database(WORK, "_bench_peer")
    files = WORK / "report-files"
    environment = production_environment(database_url)
    environment["FILES_CACHE_URL"] = f"file://{files}"
    os.environ.update(environment)
    try:
        shutil.rmtree(files, ignore_errors=True)
        target_files = prepare(args.assessments)
        target_files.update(prepare_peer({**environment, "PEER_DATABASE_URL": peer_url}))
        results = {
            "database": database_url.split(":", 1)[0],
            "workers": args.workers,
            "cores": os.cpu_count(),
            "assessments": args.assessments,
            "connections": args.connections,
            "rounds": args.rounds,
            "load_average_at_start": ", ".join(f"{x:.1f}" for x in os.getloadavg()),
        }
        peer_environment = {
            **environment,
            "DJANGO_SETTINGS_MODULE": "bench.peer.settings",
            "PEER_DATABASE_URL": peer_url,
        }
        with (
            Gunicorn(
                environment=environment, workers=args.workers, port=args.port,
                log_path=WORK / "gunicorn.log",
            ) as server,
            TaskWorker(environment=environment, log_path=WORK / "worker.log") as worker,
            Gunicorn(
                environment=peer_environment, workers=args.workers, port=args.port + 1,
                log_path=WORK / "gunicorn-peer.log", app="bench.peer.wsgi",
            ) as peer,
        ):  # fmt: skip
            server.database_url, peer.database_url = database_url, peer_url
            results["side_by_side"] = side_by_side.interleaved(
                {"ours": server, "peer": peer}, target_files, wrk, database_cpu_seconds,
                rounds=args.rounds, seconds=args.seconds, connections=args.connections,
            )  # fmt: skip
            if args.side_by_side_only:
                return side_by_side_report(results)
            results["pages"] = throughput(server, target_files, args, database_url)
            results["pdf_burst"] = side_by_side.pdf_burst(
                server, worker, target_files["questionnaire step"], target_files["PDF burst"],
                wrk, seconds=args.seconds, connections=args.connections,
            )  # fmt: skip
            results["load"] = journeys(server, args)
            results["fault"] = fault(server, args)
    finally:
        from django.db import connections

        connections.close_all()
        drop_database()
        drop_peer()
    results["goals"] = verdicts(results)
    print_table(results)
    (ARTIFACTS / "bench.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(f"\nWrote {ARTIFACTS / 'bench.json'}")
    return 0 if all(met for _, met in results["goals"].values()) else 1


if __name__ == "__main__":
    sys.exit(main())
