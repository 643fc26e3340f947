#!/usr/bin/env python3
"""Writes a synthetic but realistic network of PLG folders for benchmarks:
   bench/generate.py OUT [--plgs 1000] [--records 150] [--seed 1]
Each PLG gets plg.yaml and, over a few school years, meetings (attendance,
minutes, decisions, actions), goals with progress, and reflections with
ratings: about RECORDS files in all. The same seed gives the same files."""

import argparse
import datetime as dt
import os
import random
import sys

FIRST = ["Anna", "Bram", "Carla", "Dirk", "Eva", "Thandi", "Peter", "Lerato", "Sipho", "Anke",
         "Johan", "Fatima", "Noah", "Lotte", "Sem", "Mila", "Zanele", "Pieter", "Nomsa", "Ruben"]
LAST = ["de Vries", "Jansen", "Öztürk", "van Dam", "Bakker", "Mokoena", "Dlamini", "Nkosi",
        "Botha", "Pretorius", "El Amrani", "Visser", "Smit", "Meijer", "Khumalo"]
TOPICS = ["Data bespreken", "Lesson study", "Looking at learner work", "Planning the term",
          "Tempotoets bespreken", "Error analysis", "Peer observation feedback", "Startbijeenkomst",
          "Differentiation", "Reading fluency", "Feedback in de klas", "Assessment for learning"]
DIMS = ["shared-vision", "collective-responsibility", "interdependence", "reflection",
        "collaboration", "inquiry", "improvement", "shared-learning"]


def q(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def make_plg(root, n, records, rng, today, years=0):
    os.makedirs(root)
    for sub in ("meetings", "goals", "reflections"):
        os.makedirs(os.path.join(root, sub))
    size = rng.randint(4, 9)
    ids = []
    lines = []
    for i in range(size):
        mid = f"m{i + 1}"
        ids.append(mid)
        lines.append(f"  - id: {mid}\n    name: {rng.choice(FIRST)} {rng.choice(LAST)}\n    role: teacher\n")
    cadence = rng.choice([14, 21, 28, 28, 35])
    if years:
        founded = today - dt.timedelta(days=int(365.25 * years))
        stopped = today
    else:
        founded = today - dt.timedelta(days=rng.randint(200, 1500))
        # Some PLGs stop meeting: the ones going dormant the report must find.
        stopped = today - dt.timedelta(days=rng.choice([0, 0, 0, 10, 40, 90, 200, 400]))
    language = rng.choice(['en', 'nl'])
    origin = rng.choice(["mandate", "project", "support", None])
    # The long school holiday of each year: summer in the Netherlands, December
    # and January in South Africa.
    breaks = ""
    for year in range(founded.year - 1, today.year + 1):
        start, end = ((dt.date(year, 7, 18), dt.date(year, 8, 30)) if language == "nl"
                      else (dt.date(year, 12, 10), dt.date(year + 1, 1, 12)))
        breaks += f"  - {{name: holiday, from: {start.isoformat()}, to: {end.isoformat()}}}\n"
    write(os.path.join(root, "plg.yaml"),
          f"name: {q(f'PLG {n:04d}')}\nschool: {q(f'School {rng.randint(1, 400)}')}\n"
          f"founded: {founded.isoformat()}\n" + (f"origin: {origin}\n" if origin else "") +
          f"language: {language}\ncadence_days: {cadence}\nbreaks:\n{breaks}members:\n" +
          "".join(lines))
    goals = rng.randint(2, 4)
    meetings = int((records - goals) * 0.55)
    reflections = records - goals - meetings
    span = max(1, (stopped - founded).days)
    # Some PLGs fall silent for a while and come back: the revivals to count.
    gap = (0, 0)
    if not years and rng.random() < 0.25 and span > 500:
        gap_start = rng.randint(100, span - 300)
        gap = (gap_start, gap_start + rng.randint(150, 250))
    meeting_ids = []
    for i in range(meetings):
        offset = span * i // meetings
        if gap[0] <= offset < gap[1]:
            continue
        date = founded + dt.timedelta(days=offset)
        title = rng.choice(TOPICS)
        mid = f"{date.isoformat()}-m{i:03d}-{n:04d}"
        meeting_ids.append((mid, date))
        present = [x for x in ids if rng.random() < 0.85] or ids[:1]
        absent = [x for x in ids if x not in present]
        text = f"date: {date.isoformat()}\ntitle: {q(title)}\nfacilitator: {rng.choice(present)}\n"
        text += "attendees:\n" + "".join(f"  - {x}\n" for x in present)
        if absent:
            text += "absent:\n" + "".join(f"  - {x}\n" for x in absent)
        if rng.random() < 0.9:
            text += f"minutes: {rng.choice([45, 60, 60, 75, 90])}\n"
        text += "notes: |\n  We looked at the results of the last test.\n  Next time: bring work.\n"
        text += f"decisions:\n  - {q('Decision ' + str(i))}\n"
        text += "actions:\n"
        for a in range(rng.randint(0, 2)):
            due = date + dt.timedelta(days=14)
            done = rng.random() < 0.8 and due < today
            text += (f"  - text: {q('Action ' + str(a))}\n    owner: {rng.choice(ids)}\n"
                     f"    due: {due.isoformat()}\n    done: {'true' if done else 'false'}\n")
            if done:
                text += f"    done_on: {(due - dt.timedelta(days=2)).isoformat()}\n"
        write(os.path.join(root, "meetings", mid + ".yaml"), text)
    for g in range(goals):
        baseline = rng.randint(20, 50)
        target = baseline + rng.randint(10, 40)
        status = rng.choice(["active", "active", "achieved", "not achieved", "dropped"])
        closed = founded + dt.timedelta(days=span * 6 // 7)
        text = (f"title: {q(f'Goal {g}')}\nowners:\n  - {rng.choice(ids)}\nunit: \"%\"\n"
                f"baseline: {baseline}\ntarget: {target}\nstatus: {status}\n" +
                (f"closed: {closed.isoformat()}\n" if status != "active" else "") +
                f"created: {founded.isoformat()}\nprogress:\n")
        value = baseline
        for p in range(rng.randint(2, 6)):
            value += rng.randint(-2, 8)
            date = founded + dt.timedelta(days=span * (p + 1) // 7)
            text += f"  - {{date: {date.isoformat()}, value: {value}, evidence: test {p}}}\n"
        write(os.path.join(root, "goals", f"goal-{g}.yaml"), text)
    for r in range(reflections):
        date = founded + dt.timedelta(days=span * r // max(1, reflections))
        author = rng.choice(ids)
        text = (f"author: {author}\ndate: {date.isoformat()}\n"
                f"went_well: {q('We shared learner work')}\nnext_step: {q('Try it in class')}\n"
                "ratings:\n")
        for d in rng.sample(DIMS, rng.randint(2, 5)):
            text += f"  {d}: {rng.randint(1, 5)}\n"
        write(os.path.join(root, "reflections", f"{date.isoformat()}-{author}-{r:03d}.yaml"), text)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--plgs", type=int, default=1000)
    ap.add_argument("--records", type=int, default=150)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--today", default="2026-11-23")
    ap.add_argument("--years", type=int, default=0,
                    help="every PLG founded this many years ago and still meeting")
    args = ap.parse_args()
    if os.path.exists(args.out):
        sys.exit(f"{args.out} exists; give a new folder")
    rng = random.Random(args.seed)
    today = dt.date.fromisoformat(args.today)
    for n in range(args.plgs):
        make_plg(os.path.join(args.out, f"plg-{n:04d}"), n, args.records, rng, today, args.years)
    # The programme's list of its PLGs, with the labels it groups them by.
    districts = ["Motheo", "Lejweleputswa", "Thabo Mofutsanyana", "Fezile Dabi", "Xhariep"]
    lines = ["plgs:\n"]
    for n in range(args.plgs):
        lines.append(f"  - path: plg-{n:04d}\n    labels: {{district: {districts[n % 5]}, "
                     f"cluster: \"{n % 7 + 1}\"}}\n")
    write(os.path.join(args.out, "network.yaml"), "".join(lines))


if __name__ == "__main__":
    main()
