#!/usr/bin/env python3
"""The edit oracle: plg's in-place edits judged by PyYAML. Generates goal,
meeting and plg.yaml files in the styles people write (comments, blank lines,
blocks of every chomping, inline lists, no final newline, CRLF, a byte order
mark), runs one real plg command on each (goal progress, goal close, action
done, member add, member edit), and fails when
  - the command succeeds and PyYAML reads anything but the old values plus the
    intended change, or cannot read the file; or
  - the command fails and the file changed, or the failure is plg's own
    ("internal error": an edit plg could not make).
Seeded, so a run can be repeated.

  edit_oracle.py --plg build/cmd/plg [--cases 2000] [--seed 1] [--keep DIR]
"""

import argparse
import copy
import datetime
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile

import yaml

TODAY = "2026-11-23"
TEXTS = ["Toets", "yes", "no", "12:30", "0123", "a: b", "# x", "- x", "Zoë en Émile", "50%",
         "twee\nregels", "eindigt\n", "  ingesprongen\nb", "x # y", "'quote'", '"dq"', "null",
         "tab\there", "lang " * 30]


def block(rng, text_lines, indent, chomp=None):
    chomp = chomp if chomp is not None else rng.choice(["", "-", "+"])
    head = rng.choice(["|", ">"]) + chomp
    if rng.random() < 0.2:
        head += rng.choice([" # waarom", "  # note", "\t# tab"])
    body = "\n".join(" " * indent + l if l else "" for l in text_lines)
    tail = ""
    if chomp == "+" or rng.random() < 0.3:
        tail = rng.choice(["", "\n", "\n\n"])
    return head + "\n" + body + "\n" + tail


def scalar(rng, indent, multiline_ok=True):
    r = rng.random()
    words = rng.choice(["Lezen", "Tafels automatiseren", "Begrijpend lezen groep 5", "Data"])
    if r < 0.4:
        return words
    if r < 0.55:
        return "'" + words + "'"
    if r < 0.7:
        return '"' + words + '"'
    if multiline_ok:
        return block(rng, [words, rng.choice(["", "meer tekst", "  ingesprongen"]), "einde"], indent)
    return words


def comment(rng, indent):
    return " " * indent + rng.choice(["# opmerking", "#| eigen", "# metingen (tempotoets)", "#"]) + "\n"


def maybe_blank(rng):
    return "\n" if rng.random() < 0.2 else ""


def progress_item(rng, i):
    date = "2026-%02d-%02d" % (rng.randint(1, 10), rng.randint(1, 28))
    r = rng.random()
    if r < 0.4:
        return "  - {date: %s, value: %d}\n" % (date, rng.randint(1, 90))
    lines = "  - date: %s\n    value: %s\n" % (date, rng.choice(["40", "7.5", "-3"]))
    if rng.random() < 0.6:
        lines += "    evidence: " + scalar(rng, 6)
        if not lines.endswith("\n"):
            lines += "\n"
    if rng.random() < 0.2:
        lines += "    # na de toets\n"
    return lines


def goal_file(rng):
    out = ""
    if rng.random() < 0.2:
        out += comment(rng, 0)
    out += "title: " + scalar(rng, 2)
    out += "\n" if not out.endswith("\n") else ""
    out += maybe_blank(rng)
    if rng.random() < 0.5:
        out += "owners: [anna, bram]" + rng.choice(["", "   # samen"]) + "\n"
    if rng.random() < 0.5:
        out += "baseline: 48\ntarget: 80\n"
    out += "status: active" + rng.choice(["", "  # nog bezig"]) + "\n"
    if rng.random() < 0.3:
        out += "close_note: " + scalar(rng, 2)
        out += "\n" if not out.endswith("\n") else ""
    if rng.random() < 0.4:
        out += "measure: " + scalar(rng, 2)
        out += "\n" if not out.endswith("\n") else ""
    out += maybe_blank(rng)
    r = rng.random()
    if r < 0.15:
        pass
    elif r < 0.3:
        out += "progress:" + rng.choice(["", " # leeg"]) + "\n"
    elif r < 0.4:
        out += "progress: []\n"
    else:
        if rng.random() < 0.2:
            out += comment(rng, 0)
        out += "progress:\n"
        for i in range(rng.randint(1, 3)):
            out += progress_item(rng, i)
            if rng.random() < 0.15:
                out += comment(rng, 2)
    if rng.random() < 0.2:
        out += "unit: " + scalar(rng, 2)
    return out


def meeting_file(rng):
    out = "date: 2026-11-%02d\ntitle: %s" % (rng.randint(1, 22), scalar(rng, 2))
    out += "\n" if not out.endswith("\n") else ""
    out += maybe_blank(rng)
    if rng.random() < 0.5:
        out += "notes: " + scalar(rng, 2)
        out += "\n" if not out.endswith("\n") else ""
    if rng.random() < 0.2:
        out += comment(rng, 0)
    out += "actions:\n"
    for i in range(rng.randint(1, 3)):
        r = rng.random()
        if r < 0.3:
            out += "  - {text: %s, owner: anna}\n" % rng.choice(["Toets maken", "Data ophalen"])
        else:
            out += "  - text: " + scalar(rng, 6)
            out += "\n" if not out.endswith("\n") else ""
            if rng.random() < 0.5:
                out += "    owner: bram\n"
            if rng.random() < 0.3:
                out += "    due: 2026-12-01\n"
            if rng.random() < 0.2:
                out += "    done: false\n"
    if rng.random() < 0.3:
        out += "decisions:\n  - " + scalar(rng, 4, multiline_ok=False) + "\n"
    return out


def config_file(rng):
    out = "name: " + scalar(rng, 2)
    out += "\n" if not out.endswith("\n") else ""
    out += "founded: 2026-01-01\n" + maybe_blank(rng)
    if rng.random() < 0.3:
        out += "vision: " + scalar(rng, 2)
        out += "\n" if not out.endswith("\n") else ""
    out += "members:\n"
    for mid, name in (("anna", "Anna de Vries"), ("bram", "Bram Jansen")):
        if rng.random() < 0.3:
            out += "  - {id: %s, name: %s}\n" % (mid, name)
        else:
            out += "  - id: %s\n    name: %s\n" % (mid, rng.choice([name, "'" + name + "'"]))
            if rng.random() < 0.3:
                out += "    role: teacher" + rng.choice(["", " # vak"]) + "\n"
        if rng.random() < 0.15:
            out += comment(rng, 2)
    if rng.random() < 0.3:
        out += "norms:\n  - " + scalar(rng, 4, multiline_ok=False) + "\n"
    return out


def styled(rng, text):
    """The same document with the file-level variations people's editors make."""
    if rng.random() < 0.15 and text.endswith("\n"):
        text = text[:-1]
    if rng.random() < 0.1:
        text = text.replace("\n", "\r\n")
    if rng.random() < 0.1:
        text = "\ufeff" + text
    return text


def load(path):
    with open(path, encoding="utf-8-sig") as f:
        return yaml.safe_load(f)


def norm(v):
    return json.loads(json.dumps(v, default=str))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--plg", required=True)
    ap.add_argument("--cases", type=int, default=int(os.environ.get("PLG_EDIT_CASES", "2000")))
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--keep")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    root = args.keep or tempfile.mkdtemp(prefix="plg-edits-")
    env = dict(os.environ, PLG_TODAY=TODAY, NO_COLOR="1")
    env.pop("PLG_DIR", None)
    failures = []
    counts = {"applied": 0, "refused": 0}
    reasons = {}

    for case in range(args.cases):
        plg_dir = os.path.join(root, "c%05d" % case)
        for sub in ("meetings", "goals", "reflections"):
            os.makedirs(os.path.join(plg_dir, sub))
        config = styled(rng, config_file(rng))
        with open(os.path.join(plg_dir, "plg.yaml"), "w", encoding="utf-8", newline="") as f:
            f.write(config)
        kind = rng.choice(["progress", "close", "done", "member add", "member edit"])
        if kind in ("progress", "close"):
            path = os.path.join(plg_dir, "goals", "g.yaml")
            text = styled(rng, goal_file(rng))
        elif kind == "done":
            path = os.path.join(plg_dir, "meetings", "2026-11-01-m-abcd.yaml")
            text = styled(rng, meeting_file(rng))
        else:
            path = os.path.join(plg_dir, "plg.yaml")
            text = config
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        try:
            before = norm(load(path))
        except yaml.YAMLError:
            continue  # the generator made a file PyYAML refuses: nothing to judge against
        raw_before = open(path, "rb").read()
        words = rng.choice(TEXTS)
        if kind == "progress":
            value = rng.choice(["4", "7.5", "-2", "1e16", "0.25"])
            cmd = ["goal", "progress", "g", "--value", value]
            item = {"date": TODAY, "value": float(value) if "." in value or "e" in value else int(value)}
            if rng.random() < 0.6:
                cmd += ["--evidence", words]
                item["evidence"] = words
            expected = copy.deepcopy(before)
            expected["progress"] = (expected.get("progress") or []) + [norm(item)]
        elif kind == "close":
            how = rng.choice(["achieved", "dropped", "not-achieved"])
            cmd = ["goal", "close", "g", "--" + how]
            expected = copy.deepcopy(before)
            expected["status"] = how.replace("-", " ")
            expected["closed"] = TODAY
            if rng.random() < 0.6:
                cmd += ["--note", words]
                expected["close_note"] = words
        elif kind == "done":
            new_id = None
            n = len(before.get("actions") or [])
            k = rng.randint(1, max(n, 1))
            cmd = ["action", "done", "2026-11-01-m-abcd#%d" % k]
            expected = copy.deepcopy(before)
            if n:
                expected["actions"][k - 1]["done"] = True
                expected["actions"][k - 1]["done_on"] = TODAY
                # An action without an id gets a new one: four characters, a letter first.
                new_id = None if "id" in expected["actions"][k - 1] else k - 1
        elif kind == "member add":
            cmd = ["member", "add", "carla", "--name", words.replace("\n", " ").strip() or "Carla"]
            member = {"id": "carla", "name": cmd[-1]}
            if rng.random() < 0.5:
                cmd += ["--role", "coach"]
                member["role"] = "coach"
            expected = copy.deepcopy(before)
            expected["members"] = (expected.get("members") or []) + [member]
        else:
            name = words.replace("\n", " ").strip() or "Anna"
            cmd = ["member", "edit", "anna", "--name", name]
            expected = copy.deepcopy(before)
            for m in expected.get("members") or []:
                if m.get("id") == "anna":
                    m["name"] = name
        r = subprocess.run([args.plg, "-C", plg_dir] + cmd, capture_output=True, text=True, env=env)
        raw_after = open(path, "rb").read()
        shown = "%s: plg %s\n(before)\n%s" % (path, " ".join(cmd),
                                             raw_before.decode("utf-8", "replace"))
        if r.returncode != 0:
            counts["refused"] += 1
            reason = r.stderr.strip().splitlines()[-1] if r.stderr.strip() else "?"
            reason = reason.split(": error: ")[-1][:90]
            reasons[reason] = reasons.get(reason, 0) + 1
            if raw_after != raw_before:
                failures.append((shown, "failed (%s) but changed the file" % r.stderr.strip()))
            elif "internal error" in r.stderr:
                failures.append((shown, r.stderr.strip()))
            continue
        counts["applied"] += 1
        try:
            after = norm(load(path))
        except yaml.YAMLError as e:
            failures.append((shown, "PyYAML cannot read the result: %s" % e))
            continue
        if kind == "done" and new_id is not None:
            got = ((after.get("actions") or [{}] * (new_id + 1))[new_id] or {}).get("id")
            if isinstance(got, str) and re.fullmatch(r"[a-z][a-z2-9]{3}", got):
                expected["actions"][new_id]["id"] = got
        if after != expected:
            failures.append((shown, "PyYAML reads\n  %s\nexpected\n  %s" %
                             (json.dumps(after, ensure_ascii=False),
                              json.dumps(expected, ensure_ascii=False))))

    print("edit oracle: %d cases, %d edits applied, %d refused, %d failures" %
          (args.cases, counts["applied"], counts["refused"], len(failures)))
    for reason, n in sorted(reasons.items(), key=lambda kv: -kv[1])[:8]:
        print("  refused %4d: %s" % (n, reason))
    for shown, why in failures[:int(os.environ.get("PLG_ORACLE_SHOW", "10"))]:
        print("--- %s\n%s" % (shown, why))
    if failures:
        print("the cases are kept in %s" % root)
    elif not args.keep:
        shutil.rmtree(root)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
