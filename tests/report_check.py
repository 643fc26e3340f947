#!/usr/bin/env python3
"""An independent computation of a PLG report's numbers, in plain Python and
PyYAML, to check `plg report --format json` against (docs/report.md states the
rules). Every number is as the records said on the period's last day.

Usage: report_check.py PLG_DIR REPORT.json TODAY [FROM] [TO]
Prints the differences and exits 1 when there are any. When the PLG was founded
after TO there is nothing to report: then REPORT.json is not read and the script
prints "founded after the period" (the caller checks that plg refused)."""

import datetime as dt
import json
import math
import os
import sys

import yaml

ONE_DAY = dt.timedelta(days=1)


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


def days_between(a, b):
    """Every day from a to b, both included."""
    while a <= b:
        yield a
        a += ONE_DAY


class Calendar:
    """Break days as a set, and status by walking days one at a time: slow and
    plain, unlike plg's interval arithmetic."""

    def __init__(self, plg, meetings):
        self.cadence = plg.get("cadence_days") or 28
        self.founded = day(plg["founded"]) if plg.get("founded") else None
        self.off = set()
        for b in plg.get("breaks") or []:
            self.off.update(days_between(day(b["from"]), day(b["to"])))
        self.meetings = sorted(day(m["date"]) for _, m in meetings)

    def working(self, a, b):
        return sum(1 for d in days_between(a, b) if d not in self.off)

    def expected(self, a, b):
        n = self.working(a, b)
        return max(1, n // self.cadence) if n > 0 else 0

    def status(self, on):
        """(status, last meeting, quiet days, window start, held, expected), or
        None before the founding date."""
        c = self.cadence
        if self.founded and on < self.founded:
            return None
        start = self.founded or (self.meetings[0] if self.meetings else None)
        if start is None or on < start:
            return ("dormant", None, 0, on, 0, 0)
        past = [m for m in self.meetings if m <= on]
        last = past[-1] if past else None
        quiet = self.working(last + ONE_DAY if last else start, on)
        # The window: walk back from `on` until 6c working days are in it.
        window, count, d = on, 0, on
        while d >= start and count < 6 * c:
            if d not in self.off:
                count += 1
            window = d
            d -= ONE_DAY
        held = sum(1 for m in past if m >= window)
        expected = self.expected(window, on)
        if quiet > 4 * c:
            status = "dormant"
        elif quiet > 2 * c or 2 * held < expected:
            status = "at risk"
        else:
            status = "active"
        return (status, last, quiet, window, held, expected)


def month_end(d):
    nxt = dt.date(d.year + d.month // 12, d.month % 12 + 1, 1)
    return nxt - ONE_DAY


def timeline(start, end):
    """(label, day) for each month of the period, or quarter, or year."""
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    step = 1 if months <= 12 else 3 if months <= 48 else 12
    first_month = (start.month - 1) // step * step + 1
    y, m = start.year, first_month
    out = []
    while dt.date(y, m, 1) <= end:
        last_y, last_m = y + (m + step - 2) // 12, (m + step - 2) % 12 + 1
        point = min(month_end(dt.date(last_y, last_m, 1)), end)
        label = (f"{y}-{m:02d}" if step == 1 else f"{y}-Q{(m - 1) // 3 + 1}" if step == 3
                 else f"{y}")
        out.append((label, point))
        y, m = y + (m + step - 1) // 12, (m + step - 1) % 12 + 1
    return out


def member_on(member, on):
    joined = day(member["joined"]) if member.get("joined") else None
    left = day(member["left"]) if member.get("left") else None
    return (joined is None or joined <= on) and (left is None or on <= left)


def absent_ids(m):
    return [a if isinstance(a, str) else a["member"] for a in m.get("absent") or []]


def main():
    root, report_file, today = sys.argv[1], sys.argv[2], day(sys.argv[3])
    plg = load(os.path.join(root, "plg.yaml"))
    meetings = sorted(records(root, "meetings"), key=lambda r: (day(r[1]["date"]), r[0]))
    goals = list(records(root, "goals"))
    reflections = list(records(root, "reflections"))
    members = plg.get("members") or []
    cal = Calendar(plg, meetings)

    end = day(sys.argv[5]) if len(sys.argv) > 5 else today
    if cal.founded and cal.founded > end:
        print("founded after the period")
        return 0
    if len(sys.argv) > 4 and sys.argv[4]:
        start = day(sys.argv[4])
    else:
        dates = [day(m["date"]) for _, m in meetings] + [day(r["date"]) for _, r in reflections]
        if cal.founded:
            dates.append(cal.founded)
        start = min(min(dates), end) if dates else end
    if cal.founded and start < cal.founded:
        start = cal.founded
    in_period = lambda d: start <= day(d) <= end
    held = [(i, m) for i, m in meetings if in_period(m["date"])]

    present = possible = 0
    hours = 0.0
    without = 0
    per_member = {}
    for _, m in held:
        att = m.get("attendees") or []
        if att:
            expected = {x["id"] for x in members if member_on(x, day(m["date"]))}
            expected |= set(att) | set(absent_ids(m))
            present += len(att)
            possible += len(expected)
            for who in expected:
                a, r = per_member.get(who, (0, 0))
                per_member[who] = (a + (who in att), r + 1)
        if m.get("minutes"):
            hours += m["minutes"] * len(att) / 60
        else:
            without += 1
    status, last, quiet, window, held_recently, expected_recently = cal.status(end)

    # An action is open on `end` when agreed by then and neither done nor
    # cancelled by then; carried counts each action once, however many
    # meetings of the period took it up; cancelled counts those cancelled in it.
    def carried_ids(m):
        return [c["id"] if isinstance(c, dict) else c for c in m.get("carried") or []]

    def due_then(a):
        # The due date of the last meeting up to `end` that carried it with one.
        due = a.get("due")
        for _, m in sorted(meetings, key=lambda x: day(x[1]["date"])):
            if day(m["date"]) > end:
                continue
            for c in m.get("carried") or []:
                if isinstance(c, dict) and c["id"] == a.get("id") and c.get("due"):
                    due = c["due"]
        return due

    open_actions = overdue = cancelled = 0
    carried = set()
    for _, m in meetings:
        if in_period(m["date"]):
            carried.update(carried_ids(m))
        for a in m.get("actions") or []:
            if a.get("cancelled") and a.get("cancelled_on") and in_period(a["cancelled_on"]):
                cancelled += 1
        if day(m["date"]) > end:
            continue
        for a in m.get("actions") or []:
            def by_end(flag, on):
                return a.get(flag) and (not a.get(on) or day(a[on]) <= end)
            if not by_end("done", "done_on") and not by_end("cancelled", "cancelled_on"):
                open_actions += 1
                due = due_then(a)
                if due and day(due) < end:
                    overdue += 1

    # Goals as they stood on `end`: set by then, closed only if closed by then,
    # progress measured by then.
    goals_then = {}
    for gid, g in goals:
        if g.get("created") and day(g["created"]) > end:
            continue
        closed = day(g["closed"]) if g.get("closed") else None
        state = g.get("status", "active")
        if closed and closed > end:
            state = "active"
        progress = sorted((p for p in g.get("progress") or [] if day(p["date"]) <= end),
                          key=lambda p: day(p["date"]))
        goals_then[gid] = (state, progress, g)
    states = [s for s, _, _ in goals_then.values()]
    goals_overdue = sum(1 for s, _, g in goals_then.values()
                        if s == "active" and g.get("due") and day(g["due"]) < end)

    points = timeline(start, end)
    over = []
    for _, point in points:
        s = cal.status(point)
        over.append(s[0] if s else None)
    before = cal.status(start - ONE_DAY)
    was_dormant = bool(before) and before[0] == "dormant"
    revived = False
    for s in over:
        if s == "dormant":
            was_dormant = True
        elif s == "active" and was_dormant:
            revived = True

    want = {
        "meetings_held": len(held),
        "meetings_expected": cal.expected(start, end),
        "break_days": (end - start).days + 1 - cal.working(start, end),
        "attendance_percent": rounded(100 * present / possible, 1) if possible else None,
        "person_hours": rounded(hours, 2),
        "meetings_without_minutes": without,
        "goals_active": states.count("active"),
        "goals_achieved": states.count("achieved"),
        "goals_not_achieved": states.count("not achieved"),
        "goals_dropped": states.count("dropped"),
        "goals_overdue": goals_overdue,
        "actions_open": open_actions,
        "actions_overdue": overdue,
        "actions_carried": len(carried),
        "actions_cancelled": cancelled,
        "reflections": sum(1 for _, r in reflections if in_period(r["date"])),
        "last_meeting": last.isoformat() if last else None,
        "days_since_last_meeting": (end - last).days if last else None,
        "quiet_days": quiet,
        "recent": {"from": window.isoformat(), "held": held_recently,
                   "expected": expected_recently},
        "status": status,
        "revived": revived,
    }
    with open(report_file, encoding="utf-8") as f:
        got = json.load(f)
    bad = []
    for key, value in want.items():
        if got["summary"].get(key) != value:
            bad.append(f"summary.{key}: plg says {got['summary'].get(key)!r}, Python {value!r}")
    if got["period"] != {"from": start.isoformat(), "to": end.isoformat()}:
        bad.append(f"period: plg says {got['period']}, Python {start} to {end}")
    want_over = [{"period": label, "date": point.isoformat(), "status": s}
                 for (label, point), s in zip(points, over)]
    if got["status_over_time"] != want_over:
        bad.append(f"status_over_time: plg says {got['status_over_time']}, Python {want_over}")

    # Per member: meetings attended out of those where they were expected.
    rows = {row["id"]: row for row in got["attendance"]}
    listed = {x["id"] for x in members
              if (not x.get("joined") or day(x["joined"]) <= end)
              and (not x.get("left") or day(x["left"]) >= start)} | set(per_member)
    if set(rows) != listed:
        bad.append(f"attendance members: plg lists {sorted(rows)}, Python {sorted(listed)}")
    for who, (attended, recorded) in per_member.items():
        row = rows.get(who, {})
        if (row.get("attended"), row.get("recorded")) != (attended, recorded):
            bad.append(f"attendance {who}: plg says {row.get('attended')}/{row.get('recorded')}, "
                       f"Python {attended}/{recorded}")

    # Goals: those set by the end, their status, latest value and percentage then.
    if sorted(g["id"] for g in got["goals"]) != sorted(goals_then):
        bad.append(f"goals: plg lists {sorted(g['id'] for g in got['goals'])}, "
                   f"Python {sorted(goals_then)}")
    for g in got["goals"]:
        if g["id"] not in goals_then:
            continue
        state, progress, raw = goals_then[g["id"]]
        latest = progress[-1]["value"] if progress else None
        b, t = raw.get("baseline"), raw.get("target")
        pct = None
        if latest is not None and b is not None and t is not None and b != t:
            pct = rounded((latest - b) / (t - b) * 100, 1)
        for key, value in (("status", state), ("latest", latest), ("percent", pct),
                           ("progress", len(progress))):
            have = len(g["progress"]) if key == "progress" else g[key]
            if have != value:
                bad.append(f"goal {g['id']} {key}: plg says {have!r}, Python {value!r}")

    # Actions open on the last day are shown as not done, even when done later.
    for a in got["actions"]["open"]:
        if a["done"] or a["done_on"] is not None or a["cancelled"]:
            bad.append(f"action {a['id']} is open on {end} but shown done or cancelled")

    # Average rating per dimension over the whole period.
    for dim in got["reflections"]["ratings"]:
        values = [r["ratings"][dim["dimension"]] for _, r in reflections
                  if in_period(r["date"]) and dim["dimension"] in (r.get("ratings") or {})]
        if dim["count"] != len(values):
            bad.append(f"ratings {dim['dimension']}: plg counts {dim['count']}, Python {len(values)}")

    # DuFour's questions: how many meetings of the period worked on each.
    want_focus = {q: sum(1 for _, m in held if q in (m.get("focus") or []))
                  for q in ("learn", "evidence", "support", "extend")}
    want_focus["none"] = sum(1 for _, m in held if not m.get("focus"))
    if got["focus"] != want_focus:
        bad.append(f"focus: plg says {got['focus']}, Python {want_focus}")

    # What changed since the day before the period, when the PLG existed then:
    # what a report ending that day would have said.
    began = cal.founded or (min(day(m["date"]) for _, m in meetings) if meetings else None)
    if began is None or began >= start:
        if got["changes"] is not None:
            bad.append(f"changes: plg says {got['changes']}, Python none (the period starts when "
                       f"the PLG began)")
    else:
        since = start - ONE_DAY
        then = cal.status(since)
        changed = []
        for gid, (state, progress, raw) in sorted(goals_then.items()):
            is_new = bool(raw.get("created")) and day(raw["created"]) > since
            closed = day(raw["closed"]) if raw.get("closed") else None
            state_before = None if is_new else (
                "active" if closed and closed > since else raw.get("status", "active"))
            before = [p for p in progress if day(p["date"]) <= since]
            if is_new or len(before) < len(progress) or state_before != state:
                changed.append({"goal": gid, "new": is_new,
                                "before": None if is_new or not before else before[-1]["value"],
                                "after": progress[-1]["value"] if progress else None,
                                "status_before": state_before, "status": state})
        want_changes = {
            "since": since.isoformat(),
            "status_before": then[0] if then else None,
            "goals": changed,
            "joined": [x["id"] for x in members
                       if x.get("joined") and start <= day(x["joined"]) <= end],
            "left": [x["id"] for x in members if x.get("left") and start <= day(x["left"]) < end],
        }
        have = dict(got["changes"] or {})
        have["goals"] = sorted(have.get("goals", []), key=lambda g: g["goal"])
        if have != want_changes:
            bad.append(f"changes: plg says {have}, Python {want_changes}")

    for line in bad:
        print(line)
    print(f"checked {len(want)} summary numbers, {len(points)} points over time, "
          f"{len(got['attendance'])} members, {len(got['goals'])} goals, "
          f"{len(got['reflections']['ratings'])} dimensions")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
