#!/usr/bin/env python3
"""What a coordinator would write instead of plg: the network report's numbers
in straightforward Python with PyYAML (CSafeLoader), one PLG after another.
   bench/reference.py FOLDER TODAY  -> JSON on stdout, one object per PLG
The rules are those of docs/report.md; bench/run checks both agree."""

import datetime as dt
import json
import math
import os
import sys

import yaml

if not hasattr(yaml, "CSafeLoader"):  # the pure-Python loader is ~10x slower: no fair side
    sys.exit(f"{sys.argv[0]}: this Python's PyYAML has no CSafeLoader (libyaml); "
             "install python3-yaml (scripts/install-deps test)")
Loader = yaml.CSafeLoader


def load(path):
    with open(path, encoding="utf-8") as f:
        return yaml.load(f, Loader=Loader)


def rounded(x, digits):
    """Rounds half away from zero, as plg does (Python's round() rounds half to even)."""
    scale = 10 ** digits
    y = abs(x) * scale
    r = math.floor(y)
    r = r + 1 if y - r >= 0.5 else r
    return math.copysign(r / scale, x) if r else 0.0


def day(v):
    return v if isinstance(v, dt.date) else dt.date.fromisoformat(str(v))


def folder(root, name):
    path = os.path.join(root, name)
    if not os.path.isdir(path):
        return []
    return [load(os.path.join(path, f)) for f in sorted(os.listdir(path)) if f.endswith(".yaml")]


def working(breaks, a, b):
    """Days from a to b, both included, outside the breaks (which do not overlap)."""
    if a > b:
        return 0
    n = (b - a).days + 1
    for lo, hi in breaks:
        lo, hi = max(lo, a), min(hi, b)
        if lo <= hi:
            n -= (hi - lo).days + 1
    return n


def expected(breaks, a, b, cadence):
    n = working(breaks, a, b)
    return max(1, n // cadence) if n > 0 else 0


def status_on(dates, breaks, founded, cadence, on):
    """docs/report.md's rule: the days since the last meeting and how many of the
    meetings expected in the last six cadences were held, breaks left out."""
    start = founded or (dates[0] if dates else None)
    if start is None or on < start:
        return "dormant", None
    past = [d for d in dates if d <= on]
    last = past[-1] if past else None
    quiet = working(breaks, last + dt.timedelta(days=1) if last else start, on)
    want = 6 * cadence
    window = on - dt.timedelta(days=want - 1)
    while window > start:
        have = working(breaks, window, on)
        if have >= want:
            break
        window -= dt.timedelta(days=want - have)
    window = max(window, start)
    held = sum(1 for d in past if d >= window)
    if quiet > 4 * cadence:
        return "dormant", last
    if quiet > 2 * cadence or 2 * held < expected(breaks, window, on, cadence):
        return "at risk", last
    return "active", last


def plg_numbers(root, today):
    plg = load(os.path.join(root, "plg.yaml"))
    members = [m["id"] for m in plg.get("members") or []]
    cadence = plg.get("cadence_days") or 28
    meetings = folder(root, "meetings")
    goals = folder(root, "goals")
    reflections = folder(root, "reflections")
    breaks = [(day(b["from"]), day(b["to"])) for b in plg.get("breaks") or []]
    founded = day(plg["founded"]) if plg.get("founded") else None
    dates = [day(m["date"]) for m in meetings] + [day(r["date"]) for r in reflections]
    if founded:
        dates.append(founded)
    start = max(min(dates), founded) if founded else (min(dates) if dates else today)
    held = [m for m in meetings if start <= day(m["date"]) <= today]
    present = possible = 0
    hours = 0.0
    for m in held:
        att = m.get("attendees") or []
        if att:
            absent = [a if isinstance(a, str) else a["member"] for a in m.get("absent") or []]
            present += len(att)
            possible += len(set(members) | set(att) | set(absent))
        if m.get("minutes"):
            hours += m["minutes"] * len(att) / 60
    status, last = status_on(sorted(day(m["date"]) for m in meetings), breaks, founded, cadence,
                             today)
    open_actions = sum(1 for m in meetings if day(m["date"]) <= today
                       for a in m.get("actions") or [] if not a.get("done"))
    ratings = [v for r in reflections if start <= day(r["date"]) <= today
               for v in (r.get("ratings") or {}).values()]
    return {
        "name": plg["name"],
        "status": status,
        "last_meeting": last.isoformat() if last else None,
        "meetings_held": len(held),
        "meetings_expected": expected(breaks, start, today, cadence),
        "attendance_percent": rounded(100 * present / possible, 1) if possible else None,
        "person_hours": rounded(hours, 2),
        "goals_achieved": sum(1 for g in goals if g.get("status") == "achieved"
                              and (not g.get("closed") or day(g["closed"]) <= today)),
        "goals_total": len(goals),
        "actions_open": open_actions,
        "average_rating": rounded(sum(ratings) / len(ratings), 2) if ratings else None,
    }


def main():
    top, today = sys.argv[1], dt.date.fromisoformat(sys.argv[2])
    rows = []
    for dirpath, dirnames, filenames in os.walk(top):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        if "plg.yaml" in filenames:
            rows.append(plg_numbers(dirpath, today))
            dirnames[:] = []
    json.dump(sorted(rows, key=lambda r: r["name"]), sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
