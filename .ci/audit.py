"""Known vulnerabilities in the pinned requirements: pip-audit, and a proof that it works.

    python .ci/audit.py [--if-unreachable=fail|warn] REQUIREMENTS...

First a canary: a requirements file pinning a Django release with published advisories
(CANARY) goes through the same pip-audit command. If pip-audit reports its advisories,
the vulnerability service answers and the real audit counts: any known vulnerability in
REQUIREMENTS (and the packages they pull in) fails, and so does any package it could not
check. If the canary could not be checked at all, the service is out of reach: that fails
too, unless --if-unreachable=warn, which says so loudly and exits 0. pip-audit asks the
package index's JSON API (`-s pypi`, its default) or OSV (`-s osv`, AUDIT_SERVICE=osv).
"""

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

CANARY = "Django==3.2"  # advisories published against it from 2021 on
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


def main(argv):
    if_unreachable = "fail"
    files = []
    for argument in argv:
        if argument.startswith("--if-unreachable="):
            if_unreachable = argument.split("=", 1)[1]
        else:
            files.append(argument)
    with tempfile.TemporaryDirectory() as work:
        canary = Path(work) / "canary.txt"
        canary.write_text(CANARY + "\n")
        if not service_answers(run_pip_audit([canary], no_deps=True)):
            print(
                "audit: NOT RUN: the vulnerability service did not answer for the canary "
                f"({CANARY}); nothing was checked",
                file=sys.stderr,
            )
            return 0 if if_unreachable == "warn" else 1
    print(f"audit: the service answers ({CANARY} shows its advisories)")
    status, lines = verdict(run_pip_audit(files))
    print("\n".join(lines))
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
