"""Our pages beside the peer's (django-survey-and-report), measured in interleaved rounds.

Each round runs wrk once on every page, one after the other, so that whatever else the
machine is doing falls on every page alike; the table shows each page's median over the
rounds, and the goals are ratios of those medians. CPU milliseconds per request (the
server's processes plus the PostgreSQL backends of its database) are read beside req/s:
they stay steady on a busy machine when req/s does not.
"""

import statistics
import threading
import time
import urllib.request

# (page, which server): ours, or the peer's.
SIDE_BY_SIDE = [
    ("draft data only (reference)", "ours"),
    ("questionnaire step", "ours"),
    ("report page", "ours"),
    ("peer survey page", "peer"),
    ("step POST", "ours"),
    ("peer response POST", "peer"),
]
GOALS = [
    # (goal, page, reference page, at least this ratio)
    ("questionnaire step >= 0.5x draft data only", "questionnaire step",
     "draft data only (reference)", 0.5),
    ("questionnaire step >= 2.5x peer survey page", "questionnaire step", "peer survey page", 2.5),
    ("report page >= 0.8x draft data only", "report page", "draft data only (reference)", 0.8),
    ("step POST >= 2x peer response POST", "step POST", "peer response POST", 2.0),
]  # fmt: skip
P95_GOAL_MS = 250
# Each worker process draws each of the 40 reports once, then serves it from its cache.
WARM_UP_SECONDS = {"report page": 8}


def measure(server, target, wrk, database_cpu_seconds, *, seconds, connections):
    """wrk once on one page; its figures with CPU ms per request (app, database)."""
    app_cpu, database_cpu = server.cpu_seconds(), database_cpu_seconds(server.database_url)
    figures = wrk(server.url, target, seconds=seconds, connections=connections)
    requests = max(1, figures["requests"])
    figures["app_cpu_ms"] = (server.cpu_seconds() - app_cpu) * 1000 / requests
    # A backend that ended meanwhile takes its time with it: never below zero.
    database_cpu = max(0.0, database_cpu_seconds(server.database_url) - database_cpu)
    figures["db_cpu_ms"] = database_cpu * 1000 / requests
    return figures


def interleaved(servers, target_files, wrk, database_cpu_seconds, *, rounds, seconds, connections):
    """{page: median figures and every round's req/s} over `rounds` interleaved rounds."""
    for page, side in SIDE_BY_SIDE:  # warm-up: connections, templates, caches
        seconds_to_warm = WARM_UP_SECONDS.get(page, 3)
        wrk(servers[side].url, target_files[page], seconds=seconds_to_warm, connections=4)
    runs = {page: [] for page, _ in SIDE_BY_SIDE}
    for round_number in range(1, rounds + 1):
        for page, side in SIDE_BY_SIDE:
            figures = measure(
                servers[side], target_files[page], wrk, database_cpu_seconds,
                seconds=seconds, connections=connections,
            )  # fmt: skip
            runs[page].append(figures)
            print(f"bench: round {round_number}: {page}: {figures['rps']} requests/s")
    table = {}
    for page, figures in runs.items():
        table[page] = {
            key: round(statistics.median(f[key] for f in figures), 2)
            for key in ("rps", "p50_ms", "p95_ms", "app_cpu_ms", "db_cpu_ms")
        }
        table[page]["errors"] = sum(f["errors"] for f in figures)
        table[page]["rps_by_round"] = [f["rps"] for f in figures]
    return table


def _cpu_ms(row):
    return row["app_cpu_ms"] + row["db_cpu_ms"]


def goals(table):
    """[(goal, measured, met)] of the side-by-side goals: judged on the ratio of req/s,
    shown beside the ratio of CPU ms per request (what req/s would be on an idle machine
    where CPU is the limit)."""
    verdicts = []
    for goal, page, reference, at_least in GOALS:
        ratio = round(table[page]["rps"] / max(table[reference]["rps"], 0.1), 2)
        by_cpu = round(_cpu_ms(table[reference]) / max(_cpu_ms(table[page]), 0.01), 2)
        verdicts.append((goal, f"{ratio}x (CPU {by_cpu}x)", ratio >= at_least))
    return verdicts


def pdf_burst(server, worker, step_target, burst_target, wrk, *, seconds, connections):
    """The step page measured while 50 PDFs nobody asked for yet are asked for at once:
    the requests queue them for the worker, and the step page's p95 must stay low."""
    lines = [line.split("\t") for line in burst_target.read_text().splitlines()]
    answers = []

    def ask(path, cookie):
        request = urllib.request.Request(server.url + path, headers={"Cookie": cookie})  # noqa: S310
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 (loopback)
            answers.append(response.status)

    def burst():
        time.sleep(1)
        threads = [threading.Thread(target=ask, args=(p, c)) for p, c in lines]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    worker_cpu = worker.cpu_seconds()
    side = threading.Thread(target=burst)
    side.start()
    figures = wrk(server.url, step_target, seconds=seconds, connections=connections)
    side.join()
    # How long until the worker has drawn them all (asked again; 200 once drawn).
    started, drawn = time.monotonic(), 0
    while time.monotonic() - started < 120:
        answers.clear()
        for path, cookie in lines:
            ask(path, cookie)
        drawn = answers.count(200)
        if drawn == len(lines):
            break
        time.sleep(2)
    figures.update(
        pdfs=len(lines),
        pdfs_drawn=drawn,
        all_drawn_after_s=round(time.monotonic() - started + seconds, 1),
        worker_cpu_ms_per_pdf=round((worker.cpu_seconds() - worker_cpu) * 1000 / len(lines)),
    )
    return figures
