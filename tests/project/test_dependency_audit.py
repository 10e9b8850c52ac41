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
