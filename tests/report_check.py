#!/usr/bin/env python3
"""An independent computation of a PLG report's numbers, in plain Python and
PyYAML, to check `plg report --format json` against (docs/report.md states the
rules). Usage: report_check.py PLG_DIR REPORT.json TODAY [FROM] [TO]
Prints the differences and exits 1 when there are any."""

import datetime as dt
import json
import math
import os
import sys

import yaml


def load(path):
    with open(path, encoding="utf-8") as f:
        return yaml.safe_load(f)


def rounded(x, digits):
    """Rounds half away from zero, as plg does (Python's round() rounds half to even)."""
    scale = 10 ** digits
    y = abs(x) * scale
    r = math.floor(y)
    r = r + 1 if y - r >= 0.5 else r
    return math.copysign(r / scale, x) if r else 0.0


def day(value):
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def records(root, folder):
    path = os.path.join(root, folder)
    for name in sorted(os.listdir(path)) if os.path.isdir(path) else []:
        if name.endswith(".yaml"):
            yield name[:-5], load(os.path.join(path, name))


def main():
    root, report_file, today = sys.argv[1], sys.argv[2], day(sys.argv[3])
    plg = load(os.path.join(root, "plg.yaml"))
    meetings = sorted(records(root, "meetings"), key=lambda r: (day(r[1]["date"]), r[0]))
    goals = list(records(root, "goals"))
    reflections = list(records(root, "reflections"))
    members = [m["id"] for m in plg.get("members") or []]
    cadence = plg.get("cadence_days") or 28

    end = day(sys.argv[5]) if len(sys.argv) > 5 else today
    if len(sys.argv) > 4 and sys.argv[4]:
        start = day(sys.argv[4])
    else:
        dates = [day(m["date"]) for _, m in meetings] + [day(r["date"]) for _, r in reflections]
        if plg.get("founded"):
            dates.append(day(plg["founded"]))
        start = min(dates) if dates else end
    held = [(i, m) for i, m in meetings if start <= day(m["date"]) <= end]

    def absent_ids(m):
        return [a if isinstance(a, str) else a["member"] for a in m.get("absent") or []]

    present = possible = 0
    hours = 0.0
    without = 0
    for _, m in held:
        att = m.get("attendees") or []
        if att:
            expected = set(members) | set(att) | set(absent_ids(m))
            present += len(att)
            possible += len(expected)
        if m.get("minutes"):
            hours += m["minutes"] * len(att) / 60
        else:
            without += 1
    last = max((day(m["date"]) for _, m in meetings if day(m["date"]) <= end), default=None)
    since = (end - last).days if last else None
    if since is None or since > 4 * cadence:
        status = "dormant"
    elif since > 2 * cadence:
        status = "at risk"
    else:
        status = "active"
    open_actions = overdue = 0
    for _, m in meetings:
        if day(m["date"]) > end:
            continue
        for a in m.get("actions") or []:
            if not a.get("done"):
                open_actions += 1
                if a.get("due") and day(a["due"]) < today:
                    overdue += 1
    status_of = [g.get("status", "active") for _, g in goals]
    expected_meetings = max(1, ((end - start).days + 1) // cadence)

    want = {
        "meetings_held": len(held),
        "meetings_expected": expected_meetings,
        "attendance_percent": rounded(100 * present / possible, 1) if possible else None,
        "person_hours": rounded(hours, 2),
        "meetings_without_minutes": without,
        "goals_active": status_of.count("active"),
        "goals_achieved": status_of.count("achieved"),
        "goals_dropped": status_of.count("dropped"),
        "actions_open": open_actions,
        "actions_overdue": overdue,
        "reflections": sum(1 for _, r in reflections if start <= day(r["date"]) <= end),
        "last_meeting": last.isoformat() if last else None,
        "days_since_last_meeting": since,
        "status": status,
    }
    with open(report_file, encoding="utf-8") as f:
        got = json.load(f)
    bad = []
    for key, value in want.items():
        if got["summary"].get(key) != value:
            bad.append(f"summary.{key}: plg says {got['summary'].get(key)!r}, Python {value!r}")
    if got["period"] != {"from": start.isoformat(), "to": end.isoformat()}:
        bad.append(f"period: plg says {got['period']}, Python {start} to {end}")

    # Per member: meetings attended out of those that record attendance.
    for row in got["attendance"]:
        attended = sum(1 for _, m in held if row["id"] in (m.get("attendees") or []))
        if row["attended"] != attended:
            bad.append(f"attendance {row['id']}: plg says {row['attended']}, Python {attended}")

    # Goals: the latest value by date and the percentage of the way.
    for g in got["goals"]:
        raw = dict(goals)[g["id"]]
        progress = sorted(raw.get("progress") or [], key=lambda p: day(p["date"]))
        latest = progress[-1]["value"] if progress else None
        if g["latest"] != latest:
            bad.append(f"goal {g['id']} latest: plg says {g['latest']}, Python {latest}")
        b, t = raw.get("baseline"), raw.get("target")
        pct = None
        if latest is not None and b is not None and t is not None and b != t:
            pct = rounded((latest - b) / (t - b) * 100, 1)
        if g["percent"] != pct:
            bad.append(f"goal {g['id']} percent: plg says {g['percent']}, Python {pct}")

    # Average rating per dimension over the whole period.
    for dim in got["reflections"]["ratings"]:
        values = [r["ratings"][dim["dimension"]] for _, r in reflections
                  if start <= day(r["date"]) <= end and dim["dimension"] in (r.get("ratings") or {})]
        if dim["count"] != len(values):
            bad.append(f"ratings {dim['dimension']}: plg counts {dim['count']}, Python {len(values)}")

    for line in bad:
        print(line)
    print(f"checked {len(want)} summary numbers, {len(got['attendance'])} members, "
          f"{len(got['goals'])} goals, {len(got['reflections']['ratings'])} dimensions")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
