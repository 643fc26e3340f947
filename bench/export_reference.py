#!/usr/bin/env python3
"""What a researcher would write instead of plg export: the same tidy CSV tables,
in straightforward Python with PyYAML (CSafeLoader), one PLG after another.
   bench/export_reference.py FOLDER TODAY OUT_DIR   (run in the folder plg runs in)
   bench/export_reference.py --compare PLG_CSV_DIR OUT_DIR   (exit 1 when they differ)
The rules are those of docs/export.md for the records bench/generate.py writes
(no guests, roles, carried actions or frameworks of their own); bench/run checks
that both write the same values."""

import csv
import datetime as dt
import os
import sys

from reference import day, load, status_on


DIMS = ["shared-vision", "collective-responsibility", "interdependence", "reflection",
        "collaboration", "inquiry", "improvement", "shared-learning"]
HEADERS = {
    "plgs": "plg,name,school,founded,origin,language,cadence_days,members,period_from,period_to",
    "members": "plg,member,name,role,joined,left,member_at_end",
    "dimensions": "plg,dimension,name,position",
    "meetings": "plg,meeting,date,title,facilitator,minutes,attendance_recorded,present,expected,"
                "guests,focus_learn,focus_evidence,focus_support,focus_extend,protocol,data,notes,"
                "agenda_items,decisions,actions",
    "attendance": "plg,meeting,member,present,reason",
    "hours": "plg,member,meeting,date,minutes",
    "guests": "plg,meeting,guest,name",
    "roles": "plg,meeting,role,member",
    "agenda": "plg,meeting,item,text",
    "decisions": "plg,meeting,decision,text",
    "meeting_goals": "plg,meeting,goal",
    "meeting_dimensions": "plg,meeting,dimension",
    "actions": "plg,action,meeting,agreed,text,owner,due,due_at_end,status,done_on,cancelled_on,"
               "overdue,carried,note",
    "action_carries": "plg,action,meeting,due",
    "goals": "plg,goal,title,measure,unit,baseline,target,due,created,status,closed,latest,"
             "percent,overdue,close_note",
    "goal_owners": "plg,goal,member",
    "goal_progress": "plg,goal,entry,date,value,evidence,meeting",
    "reflections": "plg,reflection,author,date,meeting,goal,text,went_well,challenge,next_step,"
                   "ratings",
    "ratings": "plg,reflection,author,date,dimension,value",
    "status": "plg,month,date,status,last_meeting",
}


def named(root, sub):
    path = os.path.join(root, sub)
    if not os.path.isdir(path):
        return []
    return [(f[:-5], load(os.path.join(path, f))) for f in sorted(os.listdir(path))
            if f.endswith(".yaml")]


def iso(d):
    return day(d).isoformat() if d else None


def month_end(d):
    nxt = dt.date(d.year + d.month // 12, d.month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def member_on(m, on):
    return ((not m.get("joined") or day(m["joined"]) <= on) and
            (not m.get("left") or on <= day(m["left"])))


def export_plg(root, pid, today, out):
    plg = load(os.path.join(root, "plg.yaml"))
    members = plg.get("members") or []
    meetings = sorted(named(root, "meetings"), key=lambda x: (day(x[1]["date"]), x[0]))
    goals = named(root, "goals")
    reflections = sorted(named(root, "reflections"), key=lambda x: (day(x[1]["date"]), x[0]))
    founded = day(plg["founded"]) if plg.get("founded") else None
    end = today
    start = founded or min([day(m["date"]) for _, m in meetings] + [end])
    cadence = plg.get("cadence_days") or 28
    breaks = [(day(b["from"]), day(b["to"])) for b in plg.get("breaks") or []]
    inside = lambda d: start <= day(d) <= end

    out["plgs"].append([pid, plg["name"], plg.get("school"), iso(founded), plg.get("origin"),
                        plg.get("language", "en"), plg.get("cadence_days"),
                        sum(1 for m in members if member_on(m, end)), iso(start), iso(end)])
    for m in members:
        out["members"].append([pid, m["id"], m.get("name"), m.get("role"), iso(m.get("joined")),
                               iso(m.get("left")), int(member_on(m, end))])
    for i, d in enumerate(DIMS):
        out["dimensions"].append([pid, d, None, i + 1])

    for mid, m in meetings:
        if not inside(m["date"]):
            continue
        date = day(m["date"])
        present = m.get("attendees") or []
        absent = [a if isinstance(a, str) else a["member"] for a in m.get("absent") or []]
        reasons = {a["member"]: a.get("reason") for a in m.get("absent") or []
                   if isinstance(a, dict)}
        expected = [x["id"] for x in members if member_on(x, date)]
        for x in present + absent:
            if x not in expected:
                expected.append(x)
        focus = m.get("focus") or []
        out["meetings"].append([
            pid, mid, iso(date), m.get("title"), m.get("facilitator"), m.get("minutes"),
            int(bool(present)), len(present) if present else None,
            len(expected) if present else None, len(m.get("guests") or []),
            int("learn" in focus), int("evidence" in focus), int("support" in focus),
            int("extend" in focus), m.get("protocol"), m.get("data"), m.get("notes"),
            len(m.get("agenda") or []), len(m.get("decisions") or []), len(m.get("actions") or [])])
        if present:
            for x in expected:
                out["attendance"].append([pid, mid, x, int(x in present), reasons.get(x)])
                if x in present:
                    out["hours"].append([pid, x, mid, iso(date), m.get("minutes")])
        if m.get("facilitator"):
            out["roles"].append([pid, mid, "facilitator", m["facilitator"]])
        for i, text in enumerate(m.get("agenda") or []):
            out["agenda"].append([pid, mid, i + 1, text])
        for i, text in enumerate(m.get("decisions") or []):
            out["decisions"].append([pid, mid, i + 1, text])
        for g in m.get("goals") or []:
            out["meeting_goals"].append([pid, mid, g])

    for mid, m in meetings:
        if day(m["date"]) > end:
            continue
        for i, a in enumerate(m.get("actions") or []):
            done = bool(a.get("done")) and (not a.get("done_on") or day(a["done_on"]) <= end)
            cancelled = not done and bool(a.get("cancelled")) and (
                not a.get("cancelled_on") or day(a["cancelled_on"]) <= end)
            due = day(a["due"]) if a.get("due") else None
            is_open = not done and not cancelled
            out["actions"].append([
                pid, a.get("id") or f"{mid}#{i + 1}", mid, iso(m["date"]), a.get("text"),
                a.get("owner"), iso(due), iso(due),
                "done" if done else "cancelled" if cancelled else "open",
                iso(a.get("done_on")) if done else None,
                iso(a.get("cancelled_on")) if cancelled else None,
                int(is_open and due is not None and due < end), 0, a.get("note")])

    for gid, g in goals:
        if g.get("created") and day(g["created"]) > end:
            continue
        status = g.get("status") or "active"
        closed = day(g["closed"]) if g.get("closed") else None
        note = g.get("close_note")
        if closed and closed > end:
            status, closed, note = "active", None, None
        progress = [p for p in g.get("progress") or [] if day(p["date"]) <= end]
        latest = progress[-1]["value"] if progress else None
        base, target = g.get("baseline"), g.get("target")
        percent = ((latest - base) / (target - base) * 100
                   if latest is not None and base is not None and target is not None
                   and base != target else None)
        due = day(g["due"]) if g.get("due") else None
        out["goals"].append([pid, gid, g.get("title"), g.get("measure"), g.get("unit"), base,
                             target, iso(due), iso(g.get("created")), status, iso(closed), latest,
                             percent, int(status == "active" and due is not None and due < end),
                             note])
        for owner in g.get("owners") or []:
            out["goal_owners"].append([pid, gid, owner])
        for i, p in enumerate(progress):
            out["goal_progress"].append([pid, gid, i + 1, iso(p["date"]), p["value"],
                                         p.get("evidence"), p.get("meeting")])

    for rid, r in reflections:
        if not inside(r["date"]):
            continue
        ratings = r.get("ratings") or {}
        out["reflections"].append([pid, rid, r["author"], iso(r["date"]), r.get("meeting"),
                                   r.get("goal"), r.get("text"), r.get("went_well"),
                                   r.get("challenge"), r.get("next_step"), len(ratings)])
        for d, v in ratings.items():
            out["ratings"].append([pid, rid, r["author"], iso(r["date"]), d, v])

    dates = sorted(day(m["date"]) for _, m in meetings)
    month = start
    while True:
        point = min(month_end(month), end)
        status, last = status_on(dates, breaks, founded, cadence, point)
        out["status"].append([pid, f"{point.year:04d}-{point.month:02d}", iso(point),
                              status, iso(last)])
        if point >= end:
            break
        month = month_end(month) + dt.timedelta(days=1)


def compare(mine, theirs):
    """Compares plg's CSV tables with these, value by value, as the codebook types
    them (plg writes 35.0 as 35, Python as 35.0). The default framework's names
    are in the PLG's language, which this script does not know: left out."""
    types = {}
    with open(os.path.join(mine, "codebook.csv"), newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            types[(r["table"], r["column"])] = r["type"]

    def typed(kind, v):
        if v == "":
            return None
        if kind in ("integer", "boolean"):
            return int(v == "True") if v in ("True", "False") else int(v)
        return float(v) if kind == "real" else v

    differ = []
    for name in HEADERS:
        rows = []
        for side in (mine, theirs):
            with open(os.path.join(side, name + ".csv"), newline="", encoding="utf-8") as f:
                table = list(csv.reader(f))
            rows.append([[None if (name, c) == ("dimensions", "name") else typed(types[(name, c)], v)
                          for c, v in zip(table[0], row)] for row in table[1:]])
        if rows[0] != rows[1]:
            first = next((i for i, (x, y) in enumerate(zip(*rows)) if x != y), None)
            differ.append(f"{name}: plg {len(rows[0])} rows, Python {len(rows[1])}" +
                          (f"; row {first + 2}: plg {rows[0][first]}, Python {rows[1][first]}"
                           if first is not None else ""))
    for d in differ:
        print(d)
    if differ:
        sys.exit(1)
    print(f"plg and the Python reference wrote the same {len(HEADERS)} tables")


def main():
    if sys.argv[1] == "--compare":
        compare(sys.argv[2], sys.argv[3])
        return
    top, today, dest = sys.argv[1], dt.date.fromisoformat(sys.argv[2]), sys.argv[3]
    out = {name: [] for name in HEADERS}
    for dirpath, dirnames, filenames in os.walk(top):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        if "plg.yaml" in filenames:
            export_plg(dirpath, os.path.relpath(dirpath), today, out)
            dirnames[:] = []
    os.makedirs(dest, exist_ok=True)
    for name, header in HEADERS.items():
        with open(os.path.join(dest, name + ".csv"), "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f)
            w.writerow(header.split(","))
            w.writerows([["" if v is None else v for v in row] for row in out[name]])


if __name__ == "__main__":
    main()
