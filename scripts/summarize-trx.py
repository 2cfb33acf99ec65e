#!/usr/bin/env python3
"""Prints "passed failed skipped" summed over the TRX files given; a missing or unreadable file counts as one failure."""
import sys
import xml.etree.ElementTree as ET

passed = failed = skipped = 0
for path in sys.argv[1:]:
    try:
        counters = ET.parse(path).getroot().find("{*}ResultSummary/{*}Counters")
        passed += int(counters.get("passed", 0))
        failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0)) + int(counters.get("aborted", 0))
        skipped += int(counters.get("notExecuted", 0))
    except Exception:
        failed += 1
print(passed, failed, skipped)
