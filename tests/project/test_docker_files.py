"""The image holds only the app's files and runs as an ordinary user; secrets stay out of git."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def lines_of(name):
    text = (ROOT / name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


@pytest.mark.parametrize("entry", [".git", ".venv", ".env", "db.sqlite3", "staticfiles/"])
def test_the_docker_build_context_leaves_out(entry):
    assert entry in lines_of(".dockerignore")


def test_env_files_are_never_committed():
    assert ".env" in lines_of(".gitignore")


def test_the_image_runs_as_a_user_other_than_root():
    instructions = lines_of("Dockerfile")
    users = [line.split()[1] for line in instructions if line.upper().startswith("USER ")]
    assert users and users[-1] not in ("root", "0")
    cmd = next(i for i, line in enumerate(instructions) if line.startswith("CMD"))
    last_user = max(i for i, line in enumerate(instructions) if line.startswith("USER "))
    assert last_user < cmd


def test_compose_publishes_nginx_only_and_nginx_buffers_requests():
    """Gunicorn is reachable only through nginx, which reads requests whole
    (tests/project/test_slow_clients.py shows why, `make slow-clients`)."""
    import yaml

    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    services = compose["services"]
    published = {name for name, service in services.items() if service.get("ports")}
    assert published == {"proxy"}
    assert services["proxy"]["ports"] == ["8000:80"]
    assert services["web"]["environment"]["TRUSTED_PROXY_COUNT"] == "1"
    conf = (ROOT / "deploy" / "nginx.conf").read_text()
    for directive in (
        "proxy_request_buffering on;",
        "client_body_timeout 10s;",
        "client_max_body_size 1m;",
        "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;",
        "server web:8000;",
    ):
        assert directive in conf
