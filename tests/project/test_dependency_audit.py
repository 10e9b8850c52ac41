"""The dependency audit (.ci/audit.py, `make audit`): pip-audit's report read right, a
known-vulnerable pin fails it, and an unreachable service is never taken for a pass."""

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("ci_audit", ROOT / ".ci" / "audit.py")
audit = importlib.util.module_from_spec(spec)
spec.loader.exec_module(audit)

# pip-audit's JSON report, as it writes it.
VULNERABLE = {
    "dependencies": [
        {
            "name": "django",
            "version": "3.2",
            "vulns": [{"id": "PYSEC-2021-98", "fix_versions": ["3.2.1"]}],
        },
        {"name": "asgiref", "version": "3.13.0", "vulns": []},
    ],
    "fixes": [],
}
CLEAN = {"dependencies": [{"name": "django", "version": "5.2.19", "vulns": []}], "fixes": []}
UNREACHABLE = {
    "dependencies": [
        {"name": "django", "skip_reason": "Dependency not found on PyPI and could not be audited"}
    ],
    "fixes": [],
}


def test_a_known_vulnerability_fails_the_audit_and_is_named():
    status, lines = audit.verdict(VULNERABLE)
    assert status == 1
    assert lines == ["audit: django 3.2: PYSEC-2021-98"]


def test_a_package_that_could_not_be_checked_fails_the_audit():
    status, lines = audit.verdict(UNREACHABLE)
    assert status == 1
    assert lines[0].startswith("audit: not checked: django")


def test_clean_requirements_pass():
    assert audit.verdict(CLEAN) == (0, ["audit: no known vulnerability in 1 packages"])


def test_the_canary_tells_a_working_service_from_an_unreachable_one():
    assert audit.service_answers(VULNERABLE) is True
    assert audit.service_answers(UNREACHABLE) is False
    with pytest.raises(SystemExit):
        audit.service_answers(CLEAN)  # a release known to be vulnerable came back clean


@pytest.fixture
def reports(monkeypatch):
    """Serve pip-audit's reports: the canary's first, then the requirements'."""
    served = []

    def fake(files, *, no_deps=False):
        return served.pop(0)

    monkeypatch.setattr(audit, "run_pip_audit", fake)
    monkeypatch.setattr(audit, "index_versions", lambda name: [])  # nothing newer listed
    return served


def test_a_vulnerable_pin_in_the_requirements_fails(reports):
    reports += [VULNERABLE, VULNERABLE]
    assert audit.main(["requirements.txt"]) == 1


def test_safe_requirements_pass_once_the_canary_answers(reports):
    reports += [VULNERABLE, CLEAN]
    assert audit.main(["requirements.txt"]) == 0


@pytest.mark.parametrize(("option", "status"), [([], 1), (["--if-unreachable=warn"], 0)])
def test_an_unreachable_service_fails_unless_told_to_warn(reports, capsys, option, status):
    reports += [UNREACHABLE]
    assert audit.main([*option, "requirements.txt"]) == status
    assert "NOT RUN" in capsys.readouterr().err


# --- runtime pins at the newest patch release the index offers ---------------------------

INDEX = {
    "Django": ["5.2.20", "5.2.19", "5.2.18", "5.1.15", "4.2.30"],
    "redis": ["8.2.0", "8.1.0"],  # 8.2 is a new series, not a patch of 8.1
    "crispy-bootstrap5": ["2026.9", "2026.3"],
}


def test_a_pin_behind_the_newest_patch_release_of_its_series_is_named(tmp_path):
    requirements = tmp_path / "requirements.txt"
    requirements.write_text(
        "# runtime\nDjango==5.2.19\nredis==8.1.0\ncrispy-bootstrap5==2026.9\n-r other.txt\n"
    )
    behind, unknown = audit.behind_patch([requirements], INDEX.get)
    assert behind == [("Django", "5.2.19", "5.2.20")]
    assert unknown == []


def test_a_pin_at_the_newest_patch_passes_and_an_unanswered_lookup_is_unknown(tmp_path):
    requirements = tmp_path / "requirements.txt"
    requirements.write_text("Django==5.2.20\nnobody-knows==1.0\n")
    behind, unknown = audit.behind_patch([requirements], INDEX.get)
    assert behind == [] and unknown == ["nobody-knows"]


def test_the_index_listing_is_read_from_pips_answer():
    answer = "Django (5.2.20)\nAvailable versions: 5.2.20, 5.2.19, 5.1.15\n"
    assert audit.read_index_versions(answer) == ["5.2.20", "5.2.19", "5.1.15"]
    assert audit.read_index_versions("ERROR: No matching distribution found") is None


@pytest.fixture
def index(monkeypatch):
    """The package index as the audit sees it; None for a package it cannot reach."""
    served = dict(INDEX)
    monkeypatch.setattr(audit, "index_versions", served.get)
    return served


def test_a_runtime_pin_behind_its_patch_release_fails_the_audit(reports, index, tmp_path, capsys):
    requirements = tmp_path / "requirements.txt"
    requirements.write_text("Django==5.2.19\n")
    reports += [VULNERABLE, CLEAN]
    assert audit.main([str(requirements)]) == 1
    assert "Django 5.2.19 is behind 5.2.20" in capsys.readouterr().out


def test_the_patch_check_fails_even_when_the_vulnerability_service_is_away(
    reports, index, tmp_path
):
    requirements = tmp_path / "requirements.txt"
    requirements.write_text("Django==5.2.19\n")
    reports += [UNREACHABLE]
    assert audit.main(["--if-unreachable=warn", str(requirements)]) == 1


@pytest.mark.parametrize(("option", "status"), [([], 1), (["--if-unreachable=warn"], 0)])
def test_an_index_that_does_not_answer_fails_unless_told_to_warn(
    reports, monkeypatch, tmp_path, capsys, option, status
):
    monkeypatch.setattr(audit, "index_versions", lambda name: None)
    requirements = tmp_path / "requirements.txt"
    requirements.write_text("Django==5.2.20\n")
    reports += [VULNERABLE, CLEAN]
    assert audit.main([*option, str(requirements)]) == status
    assert "patch releases NOT CHECKED" in capsys.readouterr().err


def test_the_projects_runtime_pins_are_at_their_newest_patch_release_as_recorded():
    """Django 5.2.20 fixed Truncator escaping, build_absolute_uri() with '//' paths and
    admin lookup_allowed: the pin carries it (the index is asked by `make audit`)."""
    pins = dict(audit.pins(ROOT / "requirements.txt"))
    assert pins["Django"] == "5.2.20"
