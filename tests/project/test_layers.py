"""The apps' layers point down (import-linter's contract in pyproject.toml), and no app
imports another app's private names."""

import ast
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CONFIG = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
PACKAGES = CONFIG["root_packages"]
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def lint_imports(root):
    """lint-imports run on the project copied at `root`: (exit code, its report)."""
    done = subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--no-logo"],
        cwd=root,
        env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    return done.returncode, done.stdout + done.stderr


def project_copy(tmp_path):
    """The project's packages and pyproject.toml, as plain files under tmp_path."""
    for package in PACKAGES:
        shutil.copytree(
            ROOT / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__")
        )
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def test_the_layers_contract_is_kept(tmp_path):
    code, report = lint_imports(project_copy(tmp_path))
    assert code == 0, report
    assert "1 kept, 0 broken" in report


def test_an_upward_import_breaks_the_contract(tmp_path):
    root = project_copy(tmp_path)
    scoring = root / "assessments" / "scoring.py"
    scoring.write_text(scoring.read_text() + "\nfrom reports import files  # noqa\n")
    code, report = lint_imports(root)
    assert code != 0
    assert "assessments is not allowed to import reports" in report
    assert "assessments.scoring -> reports.files" in report


def test_a_feature_app_importing_another_breaks_the_contract(tmp_path):
    root = project_copy(tmp_path)
    section = root / "plans" / "section.py"
    section.write_text(section.read_text() + "\nimport colleagues.reporting  # noqa\n")
    code, report = lint_imports(root)
    assert code != 0
    assert "plans is not allowed to import colleagues" in report


def _private_imports(path, own_package):
    """(line, what) of each import in `path` of a private name or module of another app."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            package, *parts = node.module.split(".")
            if package not in PACKAGES or package == own_package:
                continue
            private = [p for p in parts if p.startswith("_") and p != "__init__"]
            private += [a.name for a in node.names if a.name.startswith("_")]
            found += [(node.lineno, f"{node.module}: {name}") for name in private]
        elif isinstance(node, ast.Import):
            for alias in node.names:
                package, *parts = alias.name.split(".")
                if package in PACKAGES and package != own_package:
                    found += [(node.lineno, alias.name) for p in parts if p.startswith("_")]
    return found


def test_no_app_imports_another_apps_private_names():
    found = {
        f"{path.relative_to(ROOT)}:{line}": what
        for package in PACKAGES
        for path in (ROOT / package).rglob("*.py")
        for line, what in _private_imports(path, package)
    }
    assert found == {}


def test_the_private_names_check_finds_one(tmp_path):
    module = tmp_path / "v1.py"
    module.write_text("from reports.views import _viewing\nimport colleagues._hidden\n")
    assert _private_imports(module, "api") == [
        (1, "reports.views: _viewing"),
        (2, "colleagues._hidden"),
    ]
    assert _private_imports(module, "reports") == [(2, "colleagues._hidden")]
