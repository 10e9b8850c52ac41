"""Slow clients cannot stall gunicorn behind nginx (`make slow-clients`, not in the suite).

Gunicorn's sync workers each serve one request at a time, reading its body as it comes:
three clients sending a POST body one byte a second hold three workers, and every other
request waits (the audit: /healthz took 34 s, then every worker was killed). nginx, as
docker-compose and `make bench-two-nodes` put it in front, reads the whole body first
and hands gunicorn only complete requests. This starts gunicorn with the production
settings and two workers, nginx as bench/two_nodes.py starts it, and measures /healthz
while slow clients trickle their bodies: through nginx it answers at once; straight to
gunicorn (the control, which shows the test can fail) it does not.

It needs nginx (`make slow-clients` installs Debian's package when missing) and about a
minute, so it runs only when SLOW_CLIENTS=1.
"""

import http.client
import os
import secrets
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

pytestmark = [
    pytest.mark.slow_clients,
    pytest.mark.skipif(os.getenv("SLOW_CLIENTS") != "1", reason="run by `make slow-clients`"),
]

SLOW_CLIENTS = 4  # more than gunicorn's workers
TRICKLE_SECONDS = 12


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def gunicorn(tmp_path_factory):
    work = tmp_path_factory.mktemp("slow-clients")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "CACHE_URL"))}
    env.update(
        DJANGO_SETTINGS_MODULE="cto_assess.settings",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="0",
        TRUSTED_PROXY_COUNT="1",
        DATABASE_URL=f"sqlite:///{work / 'db.sqlite3'}",
        STATIC_ROOT=str(work / "static"),
        LOG_LEVEL="WARNING",
        WEB_CONCURRENCY="2",
    )
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--no-input"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )
    port = _free_port()
    log = open(work / "gunicorn.log", "w")  # noqa: SIM115 (closed below)
    process = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "--config", "gunicorn.conf.py"]
        + ["--bind", f"127.0.0.1:{port}", "cto_assess.wsgi"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        _wait_for(port)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


@pytest.fixture(scope="module")
def nginx(gunicorn):
    from bench.two_nodes import Nginx

    with Nginx(port=_free_port(), nodes=[gunicorn, gunicorn]) as proxy:
        yield proxy.port


def _wait_for(port, deadline=60):
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        try:
            if _healthz(port, timeout=2) is not None:
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise RuntimeError(f"nothing answers on {port}")


def _healthz(port, timeout):
    """Seconds /healthz took, or None when it did not answer within `timeout`."""
    started = time.monotonic()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", "/healthz")
        status = connection.getresponse().status
    except TimeoutError:
        return None
    finally:
        connection.close()
    assert status == 200
    return time.monotonic() - started


def _trickle(port, stop):
    """A POST whose body arrives one byte a second."""
    with socket.create_connection(("127.0.0.1", port)) as sock:
        sock.sendall(
            b"POST /accounts/login/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            # A CSRF cookie, so that the check reads the body (without one it refuses first).
            b"Cookie: csrftoken=" + b"a" * 32 + b"\r\n"
            b"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 200\r\n\r\n"
        )
        while not stop.wait(1):
            try:
                sock.sendall(b"x")
            except OSError:
                return


def _healthz_while_slow_clients(port):
    stop = threading.Event()
    clients = [
        threading.Thread(target=_trickle, args=(port, stop), daemon=True)
        for _ in range(SLOW_CLIENTS)
    ]
    for client in clients:
        client.start()
    try:
        time.sleep(2)  # every slow client is connected and sending
        return [_healthz(port, timeout=4) for _ in range(3)]
    finally:
        stop.set()
        for client in clients:
            client.join(timeout=5)


def test_slow_clients_cannot_stall_gunicorn_behind_nginx(nginx):
    took = _healthz_while_slow_clients(nginx)
    assert all(t is not None and t < 1.0 for t in took), took


def test_without_nginx_the_same_slow_clients_stall_gunicorn(gunicorn):
    """The control: what nginx prevents happens when gunicorn faces the clients."""
    took = _healthz_while_slow_clients(gunicorn)
    assert any(t is None for t in took), took
