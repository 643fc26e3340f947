#!/usr/bin/env python3
"""An independent computation of a network report's numbers over time, in plain
Python and PyYAML (the rules of docs/network.md; the status rule and calendar
are report_check.py's, which walks days one at a time).

Usage: network_check.py NETWORK.json CWD TODAY [FROM] [TO]
CWD is the folder plg ran in (the report names PLG folders relative to it).
Checks, for every PLG, that it is left out exactly when founded after the
period; its status at each point of the period and whether it revived; the
counts per point; and survival by founding year and origin. Prints the
differences and exits 1 when there are any."""

import json
import os
import sys

from report_check import Calendar, day, load, records, timeline, ONE_DAY

SURVIVAL_MONTHS = (6, 12, 24)


def plus_months(d, n):
    y, m = divmod(d.month - 1 + n, 12)
    y, m = d.year + y, m + 1
    for last in (31, 30, 29, 28):
        try:
            return d.replace(year=y, month=m, day=min(d.day, last))
        except ValueError:
            continue
    raise ValueError(d)


def main():
    report_file, cwd, today = sys.argv[1], sys.argv[2], day(sys.argv[3])
    given_from = day(sys.argv[4]) if len(sys.argv) > 4 and sys.argv[4] else None
    end = day(sys.argv[5]) if len(sys.argv) > 5 else today
    with open(report_file, encoding="utf-8") as f:
        got = json.load(f)
    bad = []

    plgs = {}
    for entry in got["plgs"] + got["founded_after_period"]:
        root = os.path.normpath(os.path.join(cwd, entry["path"]))
        config = load(os.path.join(root, "plg.yaml"))
        meetings = list(records(root, "meetings"))
        plgs[entry["path"]] = (config, Calendar(config, meetings))

    # Left out exactly when founded after the period's end.
    for path, (config, cal) in plgs.items():
        later = cal.founded is not None and cal.founded > end
        listed = any(e["path"] == path for e in got["founded_after_period"])
        if later != listed:
            bad.append(f"{path}: founded {cal.founded}, left out: plg {listed}, Python {later}")

    inside = {p: v for p, v in plgs.items()
              if not any(e["path"] == p for e in got["founded_after_period"])}
    start = given_from or min((c.founded for _, c in inside.values() if c.founded), default=end)
    if got["period"] != {"from": start.isoformat(), "to": end.isoformat()}:
        bad.append(f"period: plg says {got['period']}, Python {start} to {end}")
    points = timeline(start, end)

    counts = [{"active": 0, "at_risk": 0, "dormant": 0, "not_founded": 0} for _ in points]
    dormant_in_period = revived_total = 0
    for row in got["plgs"]:
        _, cal = inside[row["path"]]
        over = []
        for _, point in points:
            s = cal.status(point)
            over.append(s[0] if s else None)
        for i, s in enumerate(over):
            counts[i][{"active": "active", "at risk": "at_risk", "dormant": "dormant",
                       None: "not_founded"}[s]] += 1
        if row["status_over_time"] != over:
            bad.append(f"{row['path']} status over time: plg {row['status_over_time']}, "
                       f"Python {over}")
        before = cal.status(start - ONE_DAY)
        was_dormant = bool(before) and before[0] == "dormant"
        revived = False
        dormant_seen = was_dormant or "dormant" in over
        for s in over:
            if s == "dormant":
                was_dormant = True
            elif s == "active" and was_dormant:
                revived = True
        dormant_in_period += dormant_seen
        revived_total += revived
        if row["revived"] != revived:
            bad.append(f"{row['path']} revived: plg {row['revived']}, Python {revived}")
        status = cal.status(end)[0]
        if row["status"] != status:
            bad.append(f"{row['path']} status: plg {row['status']}, Python {status}")

    want_points = [dict(period=label, date=point.isoformat(), **c)
                   for (label, point), c in zip(points, counts)]
    if got["status_over_time"] != want_points:
        bad.append(f"status over time: plg {got['status_over_time']}, Python {want_points}")
    for key, value in (("dormant_in_period", dormant_in_period), ("revived", revived_total),
                       ("plgs", len(got["plgs"]))):
        if got["totals"][key] != value:
            bad.append(f"totals.{key}: plg {got['totals'][key]}, Python {value}")

    # Survival: active on the day 6, 12 and 24 months after founding, of those
    # that old by the period's end; by founding year, by origin, and in all.
    groups = {}
    for row in got["plgs"]:
        config, cal = inside[row["path"]]
        if cal.founded is None:
            continue
        for key in (("by_cohort", str(cal.founded.year)), ("by_origin", config.get("origin") or ""),
                    ("all", "all")):
            g = groups.setdefault(key, {"plgs": 0, "old": [0, 0, 0], "active": [0, 0, 0]})
            g["plgs"] += 1
            for i, months in enumerate(SURVIVAL_MONTHS):
                then = plus_months(cal.founded, months)
                if then <= end:
                    g["old"][i] += 1
                    s = cal.status(then)
                    g["active"][i] += bool(s) and s[0] == "active"
    checked = 0
    survival = got["survival"]
    for kind in ("by_cohort", "by_origin", "all"):
        rows = [survival[kind]] if kind == "all" else survival[kind]
        seen = set()
        for r in rows:
            g = groups.get((kind, r["group"]))
            seen.add(r["group"])
            if g is None or r["plgs"] != g["plgs"]:
                bad.append(f"survival {kind} {r['group']}: plg {r['plgs']} PLGs, Python "
                           f"{g and g['plgs']}")
                continue
            for i, months in enumerate(SURVIVAL_MONTHS):
                cell = r["months_after_founding"][str(months)]
                if (cell["old_enough"], cell["active"]) != (g["old"][i], g["active"][i]):
                    bad.append(f"survival {kind} {r['group']} {months} months: plg "
                               f"{cell['active']}/{cell['old_enough']}, Python "
                               f"{g['active'][i]}/{g['old'][i]}")
                checked += 1
        missing = {k[1] for k in groups if k[0] == kind} - seen
        if missing:
            bad.append(f"survival {kind}: plg leaves out {sorted(missing)}")

    for line in bad:
        print(line)
    print(f"checked {len(got['plgs'])} PLGs over {len(points)} points, "
          f"{len(got['founded_after_period'])} founded after the period, {checked} survival cells")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
