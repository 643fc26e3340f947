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

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


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


def plg_numbers(root, today):
    plg = load(os.path.join(root, "plg.yaml"))
    members = [m["id"] for m in plg.get("members") or []]
    cadence = plg.get("cadence_days") or 28
    meetings = folder(root, "meetings")
    goals = folder(root, "goals")
    reflections = folder(root, "reflections")
    dates = [day(m["date"]) for m in meetings] + [day(r["date"]) for r in reflections]
    if plg.get("founded"):
        dates.append(day(plg["founded"]))
    start = min(dates) if dates else today
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
    last = max((day(m["date"]) for m in meetings if day(m["date"]) <= today), default=None)
    since = (today - last).days if last else None
    status = ("dormant" if since is None or since > 4 * cadence
              else "at risk" if since > 2 * cadence else "active")
    open_actions = sum(1 for m in meetings if day(m["date"]) <= today
                       for a in m.get("actions") or [] if not a.get("done"))
    ratings = [v for r in reflections if start <= day(r["date"]) <= today
               for v in (r.get("ratings") or {}).values()]
    return {
        "name": plg["name"],
        "status": status,
        "last_meeting": last.isoformat() if last else None,
        "meetings_held": len(held),
        "meetings_expected": max(1, ((today - start).days + 1) // cadence),
        "attendance_percent": rounded(100 * present / possible, 1) if possible else None,
        "person_hours": rounded(hours, 2),
        "goals_achieved": sum(1 for g in goals if g.get("status") == "achieved"),
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
