#!/usr/bin/env python3
"""Counts one test suite's results for test.sh.

    summarize.py trx  NAME RESULTS.trx EXIT_CODE    (dotnet test's TRX file)
    summarize.py node NAME OUTPUT.txt  EXIT_CODE    (node --test output, TAP or spec reporter)

Prints "passed failed skipped" on stdout, and on stderr a line for people: the suite's counts and the names
of its failed and skipped tests. A suite that failed without reporting a failure (no or unreadable results,
a crashed test host, a compile error, a non-zero exit with zero failures) counts as one failed test, so the
run fails.
"""
import re
import sys
import xml.etree.ElementTree as ET


def from_trx(path):
    root = ET.parse(path).getroot()
    counters = root.find("{*}ResultSummary/{*}Counters")
    if counters is None:
        raise ValueError("no ResultSummary/Counters")
    count = lambda name: int(counters.get(name, 0) or 0)
    passed = count("passed")
    failed = count("failed") + count("error") + count("timeout") + count("aborted")
    skipped = count("notExecuted")
    failed_names, skipped_names = [], []
    for result in root.findall(".//{*}UnitTestResult"):
        outcome = result.get("outcome", "")
        if outcome in ("Failed", "Error", "Timeout", "Aborted"):
            failed_names.append(result.get("testName", "?"))
        elif outcome == "NotExecuted":
            skipped_names.append(result.get("testName", "?"))
    return passed, failed, skipped, failed_names, skipped_names


ANSI = re.compile(r"\x1b\[[0-9;]*m")


def from_node(path):
    with open(path, encoding="utf-8", errors="replace") as file:
        lines = [ANSI.sub("", line.rstrip("\n")) for line in file]
    totals = {}
    for line in lines:
        # TAP reporter "# pass 12"; spec reporter "ℹ pass 12". The last summary wins.
        match = re.match(r"^(?:#|ℹ)\s+(pass|fail|skipped|todo|cancelled)\s+(\d+)\s*$", line)
        if match:
            totals[match.group(1)] = int(match.group(2))
    if "pass" not in totals:
        raise ValueError("no '# pass N' summary")
    failed_names = [m.group(1) for m in (re.match(r"^\s*not ok \d+ - (.*)$", l) for l in lines) if m]
    skipped_names = [m.group(1) for m in (re.match(r"^\s*ok \d+ - (.*?) # SKIP\b", l) for l in lines) if m]
    failed = totals.get("fail", 0) + totals.get("cancelled", 0)
    return totals["pass"], failed, totals.get("skipped", 0), failed_names, skipped_names


def main():
    kind, name, path, exit_code = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    note = ""
    try:
        passed, failed, skipped, failed_names, skipped_names = (from_trx if kind == "trx" else from_node)(path)
    except Exception as error:  # missing file, crash before any result, unparsable output
        passed, failed, skipped, failed_names, skipped_names = 0, 1, 0, [], []
        note = f" (no results: {error}; counted as 1 failure)"
    if exit_code != 0 and failed == 0:
        failed = 1
        note = note or f" (exited with {exit_code} but reported no failed test; counted as 1 failure)"
    line = f"{name}: {passed} passed, {failed} failed" + (f", {skipped} skipped" if skipped else "") + note
    print(line, file=sys.stderr)
    for test in failed_names:
        print(f"  failed:  {test}", file=sys.stderr)
    for test in skipped_names:
        print(f"  skipped: {test}", file=sys.stderr)
    print(passed, failed, skipped)


if __name__ == "__main__":
    main()
