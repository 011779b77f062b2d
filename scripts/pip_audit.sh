#!/bin/sh
# Audits requirements.txt for known vulnerabilities with pip-audit, strictly: any vulnerability,
# and any package that could not be audited, fails. The one exception is a machine that cannot
# reach the vulnerability service at all (every package "not found", or no connection): then
# nothing was audited, and it says so loudly instead of failing the build offline.
set -u
cd "$(dirname "$0")/.."
PIP_AUDIT="${PIP_AUDIT:-.venv/bin/pip-audit}"
REPORT="$(mktemp)"
ERRORS="$(mktemp)"
trap 'rm -f "$REPORT" "$ERRORS"' EXIT

"$PIP_AUDIT" -r requirements.txt --format json --progress-spinner off --output "$REPORT" 2>"$ERRORS"
STATUS=$?

.venv/bin/python - "$REPORT" "$ERRORS" "$STATUS" <<'PYTHON'
import json
import re
import sys

report_path, errors_path, status = sys.argv[1], sys.argv[2], int(sys.argv[3])
errors = open(errors_path, encoding="utf-8", errors="replace").read()
UNREACHABLE = re.compile(
    r"ConnectionError|ConnectTimeout|ReadTimeout|Max retries exceeded|Name or service not known"
    r"|Temporary failure in name resolution|Network is unreachable|Connection refused|ProxyError",
)
NOT_FOUND = "Dependency not found on PyPI"
LOUD = "pip-audit: vulnerability service unreachable, dependencies NOT audited"

try:
    report = json.load(open(report_path, encoding="utf-8"))
except (OSError, ValueError):
    report = None

if report is None:
    if UNREACHABLE.search(errors):
        print(f"!!! {LOUD} !!!\n{errors.strip()[-2000:]}")
        sys.exit(0)
    print(f"pip-audit failed (exit {status}) without a report:\n{errors.strip()}", file=sys.stderr)
    sys.exit(status or 1)

dependencies = report.get("dependencies", [])
vulnerable = [d for d in dependencies if d.get("vulns")]
skipped = [d for d in dependencies if d.get("skip_reason")]
for dependency in vulnerable:
    for vuln in dependency["vulns"]:
        fixes = ", ".join(vuln.get("fix_versions") or []) or "no fixed version"
        print(f"{dependency['name']} {dependency.get('version', '')}: {vuln['id']} (fixed in {fixes})")
if vulnerable:
    sys.exit(1)

unreachable = bool(dependencies) and all(
    NOT_FOUND in d.get("skip_reason", "") or UNREACHABLE.search(d.get("skip_reason", "")) for d in dependencies
)
if unreachable:
    print(f"!!! {LOUD} ({len(dependencies)} packages, every one unknown to the service) !!!")
    sys.exit(0)
if skipped:
    for dependency in skipped:
        print(f"not audited: {dependency['name']}: {dependency['skip_reason']}")
    sys.exit(1)
if status != 0:
    print(errors.strip(), file=sys.stderr)
    sys.exit(status)
print(f"pip-audit: {len(dependencies)} packages audited, no known vulnerabilities")
PYTHON
