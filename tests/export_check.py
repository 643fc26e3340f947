#!/usr/bin/env python3
"""Judges one `plg export` of a period with the export's real clients.

Usage: export_check.py CSV_DIR DB.sqlite BOOK.xlsx NETWORK.json CWD [--anonymised]

The three exports and NETWORK.json (`plg network report --format json`) are of
the same PLGs and period; CWD is where plg ran. Checks that:
- the codebook lists every column of every table and nothing else, in each format;
- Python's csv module, the sqlite3 shell and openpyxl read the same values, with
  the types the codebook gives (dates as dates in the workbook, numbers as numbers);
- the database's keys hold (PRAGMA foreign_key_check, integrity_check);
- the views, run by the sqlite3 shell, give each PLG's numbers of the network
  report, and the status table its status over time;
- the records (read with PyYAML) give as many meetings, progress entries,
  reflections and ratings as the tables hold;
- with --anonymised: no member's name and no free text is anywhere, and members
  are M01, M02, ...
Prints the differences and exits 1 when there are any."""

import csv
import datetime as dt
import io
import json
import os
import re
import subprocess
import sys

import openpyxl

from report_check import day, load, records

bad = []


def check(cond, message):
    if not cond:
        bad.append(message)


def typed(kind, value):
    """A value as the codebook's type says, from any of the three readers."""
    if value is None or value == "":
        return None
    if kind in ("integer", "boolean"):
        return int(value)
    if kind == "real":
        return float(value)
    if kind == "date":
        if isinstance(value, dt.datetime):
            return value.date().isoformat()
        return str(value)
    return str(value)


def sqlite(db, sql):
    out = subprocess.run(["sqlite3", "-json", db, sql], capture_output=True, text=True, check=True)
    return json.loads(out.stdout) if out.stdout.strip() else []


def main():
    csv_dir, db, book_file, network_file, cwd = sys.argv[1:6]
    anonymised = "--anonymised" in sys.argv[6:]
    with open(network_file, encoding="utf-8") as f:
        network = json.load(f)

    # The codebook, as CSV: table -> [(column, type)].
    with open(os.path.join(csv_dir, "codebook.csv"), encoding="utf-8", newline="") as f:
        codebook_rows = list(csv.DictReader(f))
    tables = {}
    for r in codebook_rows:
        tables.setdefault(r["table"], []).append((r["column"], r["type"]))
    free = {(r["table"], r["column"]) for r in codebook_rows if r["anonymised"] == "1"}
    check("codebook" in tables, "the codebook does not describe itself")
    files = sorted(n[:-4] for n in os.listdir(csv_dir) if n.endswith(".csv"))
    check(files == sorted(tables), f"CSV files {files} are not the codebook's tables {sorted(tables)}")
    book = openpyxl.load_workbook(book_file, read_only=True)
    check(sorted(book.sheetnames) == sorted(tables),
          f"sheets {book.sheetnames} are not the codebook's tables")
    db_tables = [r["name"] for r in sqlite(db, "SELECT name FROM sqlite_master WHERE type = 'table'")]
    check(sorted(db_tables) == sorted(tables), f"database tables {db_tables} are not the codebook's")
    db_codebook = sqlite(db, 'SELECT "table", "column", "type" FROM codebook')
    check([(r["table"], r["column"], r["type"]) for r in db_codebook] ==
          [(r["table"], r["column"], r["type"]) for r in codebook_rows],
          "the database's codebook differs from codebook.csv")

    data = {}
    for name, columns in tables.items():
        names = [c for c, _ in columns]
        kinds = [k for _, k in columns]
        with open(os.path.join(csv_dir, name + ".csv"), encoding="utf-8", newline="") as f:
            raw = f.read()
        check(raw.endswith("\r\n"), f"{name}.csv: rows do not end with CRLF (RFC 4180)")
        rows = list(csv.reader(io.StringIO(raw)))
        check(rows[0] == names, f"{name}.csv: header {rows[0]} is not the codebook's {names}")
        from_csv = [[typed(k, v) for k, v in zip(kinds, r)] for r in rows[1:]]
        info = sqlite(db, f'PRAGMA table_info("{name}")')
        check([c["name"] for c in info] == names, f"{name}: database columns differ")
        want_type = {"text": "TEXT", "date": "TEXT", "integer": "INTEGER", "boolean": "INTEGER",
                     "real": "REAL"}
        check([c["type"] for c in info] == [want_type[k] for k in kinds],
              f"{name}: database column types {[c['type'] for c in info]}")
        db_rows = sqlite(db, f'SELECT * FROM "{name}" ORDER BY rowid')
        from_db = [[typed(k, r[c]) for c, k in zip(names, kinds)] for r in db_rows]
        # Each value is stored with its column's type, not as text.
        for c, k in zip(names, kinds):
            stored = {r["t"] for r in sqlite(db, f'SELECT DISTINCT typeof("{c}") AS t FROM "{name}"')}
            allowed = {"null", {"integer": "integer", "boolean": "integer", "real": "real"}.get(k, "text")}
            if k == "real":
                allowed.add("integer")  # sqlite stores 35.0 in a REAL column as it likes
            check(stored <= allowed, f"{name}.{c}: stored as {stored}")
        sheet = book[name]
        sheet_rows = list(sheet.iter_rows(values_only=True))
        check(list(sheet_rows[0]) == names, f"sheet {name}: header differs")
        from_xlsx = []
        for r in sheet_rows[1:]:
            r = list(r) + [None] * (len(names) - len(r))
            for k, v in zip(kinds, r):
                if v is None:
                    continue
                if k == "date":
                    check(isinstance(v, dt.datetime), f"sheet {name}: date {v!r} is not a date")
                if k in ("integer", "real", "boolean"):
                    check(isinstance(v, (int, float)), f"sheet {name}: {v!r} is not a number")
            from_xlsx.append([typed(k, v) for k, v in zip(kinds, r)])
        check(from_csv == from_db, f"{name}: CSV and SQLite differ")
        # A workbook keeps 15 significant digits, as Excel does.
        close = lambda a, b: a == b or (isinstance(a, float) and isinstance(b, (int, float))
                                        and abs(a - b) <= 1e-12 * max(1.0, abs(a)))
        for i, (a, b) in enumerate(zip(from_csv, from_xlsx)):
            check(all(close(x, y) for x, y in zip(a, b)),
                  f"{name} row {i + 2}: CSV {a} and xlsx {b} differ")
        check(len(from_csv) == len(from_xlsx), f"{name}: CSV and xlsx have different rows")
        data[name] = [dict(zip(names, r)) for r in from_csv]

    check(sqlite(db, "PRAGMA foreign_key_check") == [], "foreign keys do not hold")
    check(sqlite(db, "PRAGMA integrity_check") == [{"integrity_check": "ok"}], "integrity")

    # The views against the network report.
    summary = {r["plg"]: r for r in sqlite(db, "SELECT * FROM plg_summary")}
    rows = {r["path"]: r for r in network["plgs"] if r["readable"]}
    ids = {}
    for path in rows:
        matches = [p for p in summary if p == path or (path == "." and p == os.path.basename(cwd))]
        check(len(matches) == 1, f"{path}: not one row in plg_summary ({matches})")
        if matches:
            ids[path] = matches[0]
    check(len(summary) == len(rows), f"plg_summary has {len(summary)} PLGs, the report {len(rows)}")
    for path, r in rows.items():
        got = summary.get(ids.get(path), {})
        for key in ("status", "meetings_held", "attendance_percent", "person_hours",
                    "goals_achieved", "goals_total", "actions_open", "actions_overdue",
                    "reflections", "average_rating"):
            want, have = r[key], got.get(key)
            same = (want == have if not isinstance(want, float) and not isinstance(have, float)
                    else want is not None and have is not None and abs(want - have) < 0.006)
            check(same, f"{path}: {key} is {have} in plg_summary, {want} in the report")
    points = [p["date"] for p in network["status_over_time"]]
    status = {}
    for s in data["status"]:
        status[(s["plg"], s["date"])] = s["status"]
    for path, r in rows.items():
        for when, want in zip(points, r["status_over_time"]):
            have = status.get((ids.get(path), when))
            if want is not None or have is not None:
                check(want == have, f"{path}: status on {when} is {have} in the export, {want} in the report")
    by_month = sqlite(db, "SELECT * FROM status_by_month")
    check(sum(m["plgs"] for m in by_month) == len(data["status"]), "status_by_month loses rows")
    for m in by_month:
        want = [s["status"] for s in data["status"] if s["month"] == m["month"]]
        for word, column in (("active", "active"), ("at risk", "at_risk"), ("dormant", "dormant")):
            check(m[column] == want.count(word),
                  f"status_by_month {m['month']}: {column} {m[column]}, the rows {want.count(word)}")
        check(m["active"] + m["at_risk"] + m["dormant"] == m["plgs"],
              f"status_by_month {m['month']}: a status none of its columns counts")

    # The records themselves, read with PyYAML.
    period = {p["plg"]: (day(p["period_from"]), day(p["period_to"])) for p in data["plgs"]}
    for path in rows:
        pid = ids.get(path)
        if pid not in period:
            continue
        start, end = period[pid]
        root = os.path.normpath(os.path.join(cwd, path))
        inside = lambda d: start <= day(d) <= end
        meetings = [m for _, m in records(root, "meetings") if inside(m["date"])]
        reflections = [x for _, x in records(root, "reflections") if inside(x["date"])]
        goals = [g for _, g in records(root, "goals")
                 if not g.get("created") or day(g["created"]) <= end]
        count = lambda table: sum(1 for x in data[table] if x["plg"] == pid)
        check(count("meetings") == len(meetings), f"{path}: {count('meetings')} meetings, YAML {len(meetings)}")
        check(count("reflections") == len(reflections), f"{path}: reflections")
        check(count("ratings") == sum(len(x.get("ratings") or {}) for x in reflections),
              f"{path}: ratings")
        check(count("goal_progress") == sum(1 for g in goals for e in g.get("progress") or []
                                            if day(e["date"]) <= end), f"{path}: goal progress")
        check(count("attendance") == sum(
            len(set((m.get("attendees") or []) + [a["member"] if isinstance(a, dict) else a
                                                 for a in m.get("absent") or []]) |
                {mem["id"] for mem in load(os.path.join(root, "plg.yaml"))["members"]
                 if (not mem.get("joined") or day(mem["joined"]) <= day(m["date"])) and
                 (not mem.get("left") or day(m["date"]) <= day(mem["left"]))})
            for m in meetings if m.get("attendees")), f"{path}: attendance rows")
        check(count("hours") == sum(len(m.get("attendees") or []) for m in meetings),
              f"{path}: hours rows")

    if anonymised:
        names = set()
        for path in rows:
            config = load(os.path.join(os.path.normpath(os.path.join(cwd, path)), "plg.yaml"))
            names |= {m["name"] for m in config.get("members") or [] if m.get("name")}
        ids = set()
        for path in rows:
            root = os.path.normpath(os.path.join(cwd, path))
            for folder in ("meetings", "goals", "reflections"):
                ids |= {name for name, _ in records(root, folder)}
        for table, columns in tables.items():
            if table == "codebook":
                continue
            for row in data[table]:
                for column, value in row.items():
                    if (table, column) in free:
                        check(value is None, f"{table}.{column} holds free text: {value!r}")
                    if isinstance(value, str):
                        check(value not in names, f"{table}.{column} holds a name: {value!r}")
                        check(value.split("#")[0] not in ids,
                              f"{table}.{column} holds a record's id: {value!r}")
        for m in data["members"]:
            check(re.fullmatch(r"M\d\d+", m["member"] or ""), f"member id {m['member']!r}")
        with open(db, "rb") as f:
            blob = f.read()
        for n in names:
            check(n.encode() not in blob, f"the database holds the name {n!r}")

    for b in bad[:40]:
        print(b)
    if bad:
        sys.exit(1)
    print(f"checked {sum(len(v) for v in data.values())} rows in {len(tables)} tables")


if __name__ == "__main__":
    main()
