"""Known vulnerabilities in the pinned requirements: pip-audit, and a proof that it works.

    python .ci/audit.py [--if-unreachable=fail|warn] REQUIREMENTS...

First a canary: a requirements file pinning a Django release with published advisories
(CANARY) goes through the same pip-audit command. If pip-audit reports its advisories,
the vulnerability service answers and the real audit counts: any known vulnerability in
REQUIREMENTS (and the packages they pull in) fails, and so does any package it could not
check. If the canary could not be checked at all, the service is out of reach: that fails
too, unless --if-unreachable=warn, which says so loudly and exits 0. pip-audit asks the
package index's JSON API (`-s pypi`, its default) or OSV (`-s osv`, AUDIT_SERVICE=osv).

Then, whether or not that service answered, every runtime pin (requirements.txt) must be
the newest patch release of its series (same major.minor) that the package index offers
(`pip index versions`): a patch release behind fails, so fixes published without an
advisory, or while the vulnerability service is out of reach, are not missed. An index
that does not answer fails too, unless --if-unreachable=warn.
"""

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

CANARY = "Django==3.2"  # advisories published against it from 2021 on
RUNTIME = "requirements.txt"  # the pins whose patch releases must be the newest
PIP_AUDIT = Path(sys.executable).parent / "pip-audit"


def run_pip_audit(requirement_files, *, no_deps=False):
    """pip-audit's JSON report over the files: {"dependencies": [...]}."""
    command = [str(PIP_AUDIT), "--format", "json", "--progress-spinner", "off"]
    command += ["--vulnerability-service", os.getenv("AUDIT_SERVICE", "pypi")]
    if no_deps:
        command.append("--no-deps")
    for path in requirement_files:
        command += ["--requirement", str(path)]
    result = subprocess.run(command, capture_output=True, text=True)
    try:
        return json.loads(result.stdout)
    except json.JSONDecodeError:
        return {"dependencies": [], "error": (result.stdout + result.stderr).strip()[-2000:]}


def findings(report):
    """(vulnerable, unchecked): [(name, version, [ids])] and [(name, why)]."""
    vulnerable, unchecked = [], []
    for dependency in report.get("dependencies", []):
        if dependency.get("skip_reason"):
            unchecked.append((dependency["name"], dependency["skip_reason"]))
        elif dependency.get("vulns"):
            ids = [vuln["id"] for vuln in dependency["vulns"]]
            vulnerable.append((dependency["name"], dependency.get("version", "?"), ids))
    if report.get("error"):
        unchecked.append(("pip-audit", report["error"]))
    return vulnerable, unchecked


def service_answers(canary_report):
    """True when the canary's advisories came back; False when it could not be checked.
    Raises when it was checked and found clean: then the audit itself is broken."""
    vulnerable, unchecked = findings(canary_report)
    if vulnerable:
        return True
    if unchecked:
        return False
    raise SystemExit(f"audit: {CANARY} came back with no advisory: pip-audit is not working")


def verdict(report):
    """(exit status, lines to print) for the real audit's report."""
    vulnerable, unchecked = findings(report)
    lines = [f"audit: {name} {version}: {', '.join(ids)}" for name, version, ids in vulnerable]
    lines += [f"audit: not checked: {name}: {why}" for name, why in unchecked]
    if vulnerable or unchecked:
        return 1, lines
    checked = len(report.get("dependencies", []))
    return 0, [f"audit: no known vulnerability in {checked} packages"]


def pins(path):
    """[(name, version)] of the `name==version` lines of a requirements file."""
    found = []
    for line in Path(path).read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if "==" in line and not line.startswith("-"):
            name, version = line.split("==", 1)
            found.append((name.strip(), version.split(";", 1)[0].strip()))
    return found


def read_index_versions(answer):
    """The versions in `pip index versions`' answer, newest first; None without a list."""
    for line in answer.splitlines():
        if line.startswith("Available versions:"):
            return [v.strip() for v in line.split(":", 1)[1].split(",") if v.strip()]
    return None


def index_versions(name):
    """The releases the package index offers for `name`, or None if it did not answer."""
    command = [sys.executable, "-m", "pip", "index", "versions", name]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return read_index_versions(result.stdout)


def _release(version):
    """(major, minor, patch...) as numbers, for ordering; None for what does not parse."""
    parts = version.split(".")
    if not all(part.isdigit() for part in parts):
        return None
    return tuple(int(part) for part in parts)


def behind_patch(files, lookup):
    """(behind, unknown): [(name, pinned, newest patch)] and [names the index did not list]."""
    behind, unknown = [], []
    for path in files:
        for name, pinned in pins(path):
            available = lookup(name)
            release = _release(pinned)
            if available is None:
                unknown.append(name)
                continue
            if release is None:
                continue
            same_series = [
                r for r in map(_release, available) if r and r[:2] == release[:2] and r > release
            ]
            if same_series:
                behind.append((name, pinned, ".".join(map(str, max(same_series)))))
    return behind, unknown


def patch_verdict(files, if_unreachable):
    """(exit status, lines, warnings) of the patch-release check of the runtime pins."""
    runtime = [path for path in files if Path(path).name == RUNTIME]
    behind, unknown = behind_patch(runtime, index_versions)
    lines = [f"audit: {name} {pinned} is behind {newest}" for name, pinned, newest in behind]
    warnings = []
    status = 1 if behind else 0
    if unknown:
        warnings.append(
            "audit: patch releases NOT CHECKED: the package index did not answer for "
            + ", ".join(unknown)
        )
        if if_unreachable != "warn":
            status = 1
    if not behind and not unknown and runtime:
        lines.append("audit: every runtime pin is at the newest patch release of its series")
    return status, lines, warnings


def main(argv):
    if_unreachable = "fail"
    files = []
    for argument in argv:
        if argument.startswith("--if-unreachable="):
            if_unreachable = argument.split("=", 1)[1]
        else:
            files.append(argument)
    patch_status, lines, warnings = patch_verdict(files, if_unreachable)
    if lines:
        print("\n".join(lines))
    for warning in warnings:
        print(warning, file=sys.stderr)
    with tempfile.TemporaryDirectory() as work:
        canary = Path(work) / "canary.txt"
        canary.write_text(CANARY + "\n")
        if not service_answers(run_pip_audit([canary], no_deps=True)):
            print(
                "audit: NOT RUN: the vulnerability service did not answer for the canary "
                f"({CANARY}); no vulnerability was checked",
                file=sys.stderr,
            )
            return max(patch_status, 0 if if_unreachable == "warn" else 1)
    print(f"audit: the service answers ({CANARY} shows its advisories)")
    status, lines = verdict(run_pip_audit(files))
    print("\n".join(lines))
    return max(status, patch_status)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
