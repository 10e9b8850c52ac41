"""The benchmark's own database and gunicorn server, on loopback only."""

import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import dj_database_url
import psutil

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = Path(sys.executable).parent / "gunicorn"


def bench_database(artifacts, suffix="_bench"):
    """(URL of an empty database for this run, function that removes it afterwards).

    With DATABASE_URL set, a `<name>_bench` database on the same PostgreSQL server, so the
    named database is never touched; otherwise a SQLite file among the artifacts.
    """
    url = os.getenv("DATABASE_URL", "")
    if not url:
        path = artifacts / f"{suffix.strip('_')}.sqlite3"
        for stale in artifacts.glob(f"{path.name}*"):
            stale.unlink()
        return f"sqlite:///{path}", lambda: None
    config = dj_database_url.parse(url)
    if "postgresql" not in config["ENGINE"]:
        raise SystemExit(f"make bench runs on PostgreSQL or SQLite, not {config['ENGINE']}")
    import psycopg2
    from psycopg2 import sql

    name = f"{config['NAME']}{suffix}"

    def admin(statement):
        connection = psycopg2.connect(
            dbname=config["NAME"],
            user=config["USER"],
            password=config["PASSWORD"],
            host=config["HOST"],
            port=config["PORT"] or 5432,
        )
        connection.autocommit = True  # CREATE and DROP DATABASE refuse a transaction
        try:
            with connection.cursor() as cursor:
                cursor.execute(sql.SQL(statement).format(sql.Identifier(name)))
        finally:
            connection.close()

    admin("DROP DATABASE IF EXISTS {} WITH (FORCE)")
    admin("CREATE DATABASE {}")
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}")), lambda: admin(
        "DROP DATABASE IF EXISTS {} WITH (FORCE)"
    )


def production_environment(database_url):
    """The settings of a production server, but plain HTTP on loopback.

    `bench.settings` is the production settings with two reference pages added after
    the project's own (bench/reference.py).
    """
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DATABASE_URL": database_url,
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "SESSION_COOKIE_SECURE": "0",
        "CSRF_COOKIE_SECURE": "0",
        "SECURE_HSTS_SECONDS": "0",
        # One connection per worker for the whole run: CPU per request counts every backend.
        "DB_CONN_MAX_AGE": "3600",
    }


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Gunicorn:
    """The app under the repository's gunicorn.conf.py, bound to 127.0.0.1 only."""

    def __init__(self, *, environment, workers, log_path, app="cto_assess.wsgi", port=None):
        self.environment = environment
        self.workers = workers
        self.log_path = log_path
        self.app = app
        self.port = port or _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = None

    def __enter__(self):
        self.log = open(self.log_path, "w", encoding="utf-8")  # noqa: SIM115 (closed on exit)
        self.process = subprocess.Popen(
            [
                str(GUNICORN),
                "--config",
                "gunicorn.conf.py",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                str(self.workers),
                self.app,
            ],
            cwd=ROOT,
            env=self.environment,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"gunicorn stopped at start; see {self.log_path}")
            try:
                with urllib.request.urlopen(self.url + self.probe, timeout=2) as response:  # noqa: S310
                    if response.status == 200 and len(self.worker_pids()) == self.workers:
                        return self
            except OSError:
                pass
            time.sleep(0.2)
        raise SystemExit(f"gunicorn did not answer within 60 s; see {self.log_path}")

    @property
    def probe(self):
        return "/survey/" if self.app.startswith("bench.peer") else "/healthz"

    def worker_pids(self):
        return [child.pid for child in psutil.Process(self.process.pid).children()]

    def cpu_seconds(self):
        """CPU time (user + system) the master and its workers have used so far."""
        master = psutil.Process(self.process.pid)
        return sum(_cpu(process) for process in [master, *master.children()])

    def kill_a_worker(self):
        """SIGKILL one worker, as a crash would; the master starts another."""
        pid = self.worker_pids()[0]
        os.kill(pid, signal.SIGKILL)
        return pid

    def __exit__(self, *_exc):
        _stop(self.process, self.log)


def _stop(process, log):
    """SIGTERM, then SIGKILL after 30 s; close the log."""
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    log.close()


class TaskWorker:
    """`manage.py db_worker`: draws the reports' PDFs beside the server, as in production."""

    def __init__(self, *, environment, log_path):
        self.environment = environment
        self.log_path = log_path

    def __enter__(self):
        self.log = open(self.log_path, "w", encoding="utf-8")  # noqa: SIM115 (closed on exit)
        self.process = subprocess.Popen(
            # At a lower priority than the web workers, as `make run` starts it: a burst of
            # PDFs waits for spare CPU rather than slowing the pages down.
            [sys.executable, "manage.py", "db_worker", "--interval", "0.5", "--no-startup-delay"],
            preexec_fn=lambda: os.nice(10),  # before any thread of this process starts
            cwd=ROOT,
            env=self.environment,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        return self

    def cpu_seconds(self):
        return _cpu(psutil.Process(self.process.pid))

    def __exit__(self, *_exc):
        _stop(self.process, self.log)


def _cpu(process):
    try:
        times = process.cpu_times()
    except psutil.NoSuchProcess:
        return 0.0
    return times.user + times.system


# CPU seconds last read of every PostgreSQL backend seen: a backend that ends keeps what
# it had used when last read, so the total never goes back.
_BACKENDS = {}


def database_cpu_seconds(database_url):
    """CPU time the PostgreSQL backends serving `database_url`'s database have used so far.

    0 for SQLite, whose work is done inside the app's own processes. Backends of other
    databases on the same server (other test runs, say) are not counted. The servers keep
    their connections for the whole run (DB_CONN_MAX_AGE), so no backend's time is lost.
    """
    if not database_url.startswith("postgres"):
        return 0.0
    name = urlsplit(database_url).path.lstrip("/")
    for process in psutil.process_iter(["name", "cmdline"]):
        words = " ".join(process.info["cmdline"] or []).split()
        if process.info["name"] == "postgres" and name in words:
            _BACKENDS[(name, process.pid)] = _cpu(process)
    return sum(cpu for (database, _pid), cpu in _BACKENDS.items() if database == name)
