"""Two web nodes behind nginx, with Redis and PostgreSQL: 100 people taking assessments
for 60 s, one node killed halfway. Run with `make bench-two-nodes` (see the README).

nginx (Debian's package, installed when missing) balances 127.0.0.1:PORT over two
gunicorn nodes, each under gunicorn.conf.py with its own workers; both share one
PostgreSQL database (`<name>_bench_nodes`, dropped afterwards), one Redis (the cache of
pages, files and rate limits) and a task worker. Halfway through, the first node is
SIGKILLed with its workers, as a crashed machine would go. Afterwards every answer and
completion the users got a confirmation for must be in the database, and every completed
assessment's report must render. nginx's configuration is generated into a temporary
folder and runs without root.
"""

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.load_bench import WORK, locust  # noqa: E402
from bench.server import (  # noqa: E402
    Gunicorn,
    TaskWorker,
    bench_database,
    production_environment,
)

NGINX_CONF = """
worker_processes 1;
{user}
daemon off;
pid {folder}/nginx.pid;
error_log {folder}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {folder}/body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    upstream nodes {{
        server 127.0.0.1:{first} max_fails=1 fail_timeout=10s;
        server 127.0.0.1:{second} max_fails=1 fail_timeout=10s;
        keepalive 16;
    }}
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass http://nodes;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            # A node that is gone: the request goes to the other (POSTs only if the
            # node refused the connection, so a save is never sent twice).
            proxy_next_upstream error timeout http_502 http_503;
        }}
    }}
}}
"""


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=100)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--think", default="0.5,1.5", help="seconds between pages: min,max")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers per node")
    parser.add_argument("--port", type=int, default=8053, help="nginx; the nodes take +1, +2")
    parser.add_argument(
        "--redis", default="redis://127.0.0.1:6379/14", help="the nodes' shared cache"
    )
    return parser.parse_args()


def nginx_binary():
    """Debian's nginx (`make bench-two-nodes` installs the package when it is missing)."""
    found = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin")
    if not found:
        raise SystemExit("bench: nginx is missing: apt-get install nginx (as root)")
    return found


class Nginx:
    def __init__(self, *, port, nodes):
        self.port, self.nodes, self.url = port, nodes, f"http://127.0.0.1:{port}"

    def __enter__(self):
        self.folder = Path(tempfile.mkdtemp(prefix="cto-assess-nginx-"))
        user = "user root;" if os.geteuid() == 0 else ""  # else nginx runs as who starts it
        conf = self.folder / "nginx.conf"
        conf.write_text(
            NGINX_CONF.format(
                folder=self.folder, port=self.port, first=self.nodes[0], second=self.nodes[1],
                user=user,
            )
        )  # fmt: skip
        self.process = subprocess.Popen(
            [nginx_binary(), "-c", str(conf), "-p", str(self.folder)],
            stdout=subprocess.DEVNULL, stderr=open(self.folder / "stderr.log", "w"),  # noqa: SIM115
        )  # fmt: skip
        time.sleep(1)
        if self.process.poll() is not None:
            raise SystemExit(f"nginx stopped at start; see {self.folder}")
        return self

    def __exit__(self, *_exc):
        self.process.send_signal(signal.SIGQUIT)
        self.process.wait(timeout=30)
        shutil.rmtree(self.folder, ignore_errors=True)


def kill_node(node):
    """SIGKILL a node's master and every worker: the machine is gone."""
    import psutil

    master = psutil.Process(node.process.pid)
    for process in [*master.children(), master]:
        process.kill()


def reports_render(completed):
    """How many completed assessments' reports fail to render (built and drawn afresh)."""
    from assessments.models import Assessment
    from reports.page import page_parts
    from reports.viewing import ReportViewing

    ids = [entry["assessment"] for entry in completed]
    broken = []
    for assessment in Assessment.objects.filter(pk__in=ids).select_related("frozen_report"):
        try:
            viewing = ReportViewing(
                assessment=assessment, language="en", show_notes=True, show_comparison=False
            )
            page_parts(viewing)
            viewing.build()
        except Exception:  # noqa: BLE001 — counted, the run goes on
            broken.append(str(assessment.pk))
    found = Assessment.objects.filter(pk__in=ids, status="completed").count()
    return {"completed": len(ids), "found": found, "broken": broken}


def main():
    args = arguments()
    if not os.getenv("DATABASE_URL", "").startswith("postgres"):
        raise SystemExit("make bench-two-nodes needs DATABASE_URL=postgres://... (two nodes)")
    WORK.mkdir(parents=True, exist_ok=True)
    database_url, drop_database = bench_database(WORK, "_bench_nodes")
    environment = {
        **production_environment(database_url),
        "CACHE_URL": args.redis,
        "TRUSTED_PROXY_COUNT": "1",
    }
    os.environ.update(environment)
    nodes = [args.port + 1, args.port + 2]
    try:
        import django
        from django.core.management import call_command

        django.setup()
        call_command("migrate", verbosity=0)
        call_command("load_guide", verbosity=0)
        call_command("collectstatic", interactive=False, verbosity=0)
        node_logs = [WORK / f"node-{n}.log" for n in (1, 2)]
        with (
            Gunicorn(environment=environment, workers=args.workers, port=nodes[0],
                     log_path=node_logs[0]) as first,
            Gunicorn(environment=environment, workers=args.workers, port=nodes[1],
                     log_path=node_logs[1]) as _second,
            TaskWorker(environment=environment, log_path=WORK / "nodes-worker.log"),
            Nginx(port=args.port, nodes=nodes) as balancer,
        ):  # fmt: skip
            killed = {}

            def kill_halfway(started):
                time.sleep(args.seconds / 2)
                kill_node(first)
                killed["at"] = time.time()

            figures, journal = locust(
                balancer, users=args.users, seconds=args.seconds, think=args.think,
                name="two-nodes", during=kill_halfway,
            )  # fmt: skip
        from bench.integrity import journal_check

        check = journal_check(journal)
        reports = reports_render(journal["completed"])
        after_kill = sum(1 for entry in journal["saved_steps"] if entry["at"] > killed["at"])
    finally:
        from django.db import connections

        connections.close_all()
        drop_database()
    goals = {
        "every confirmed answer stored": (
            f"{check['lost_answers']} lost", check["lost_answers"] == 0
        ),
        "every confirmed completion stored": (
            f"{check['broken_completions']} broken", check["broken_completions"] == 0
        ),
        "every completed report renders": (
            f"{reports['completed'] - len(reports['broken'])} of {reports['completed']}",
            not reports["broken"] and reports["found"] == reports["completed"],
        ),
        "answers confirmed after the kill": (after_kill, after_kill > 0),
    }  # fmt: skip
    print(
        f"\nTwo nodes behind nginx ({args.workers} workers each), Redis, PostgreSQL: "
        f"{args.users} users for {args.seconds} s, node 1 killed at {args.seconds // 2} s: "
        f"{figures['requests']} requests, {figures['rps']}/s, p50 {figures['p50_ms']} ms, "
        f"p95 {figures['p95_ms']} ms, {figures['errors']} failed requests (those in flight "
        f"on the killed node); {check['confirmed_answers']} confirmed answers, "
        f"{check['confirmed_completions']} completions"
    )
    print(f"\n{'goal':40} {'measured':>16}  verdict")
    for goal, (measured, met) in goals.items():
        print(f"{goal:40} {str(measured):>16}  {'met' if met else 'MISSED'}")
    return 0 if all(met for _, met in goals.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
