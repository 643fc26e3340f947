#!/usr/bin/env python3
"""Adds the members listed in a CSV file to the PLG in this folder.

The CSV has a header row with the columns id, name and (optionally) role, as a
spreadsheet exports it (UTF-8, with or without a byte-order mark; names may hold
commas when quoted). Members that already exist are reported and left alone.

    python3 import-members.py members.csv
"""
import csv
import subprocess
import sys

added = failed = 0
with open(sys.argv[1], newline="", encoding="utf-8-sig") as f:
    for row in csv.DictReader(f):
        args = ["plg", "member", "add", row["id"].strip(), "--name", row["name"].strip()]
        if (row.get("role") or "").strip():
            args += ["--role", row["role"].strip()]
        result = subprocess.run(args, check=False)
        added += result.returncode == 0
        failed += result.returncode != 0
print(f"{added} added, {failed} not added", file=sys.stderr)
sys.exit(1 if failed else 0)
