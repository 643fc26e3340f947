#!/usr/bin/env python3
"""The differential test of plg's YAML reader: generates YAML files in every
style a person may write (seeded, so a run can be repeated), reads each with
plg (plg_yaml_dump), PyYAML and a YAML 1.2 reader (the npm package yaml), and
fails when plg accepts a file and either
  - PyYAML refuses it (a file plg accepts must be readable by other tools), or
  - plg reads a value differently from PyYAML where PyYAML and YAML 1.2 agree.
Every scalar is compared as text (no type resolution: that rule is check's).

  differential.py --dump build/tests/plg_yaml_dump [--cases 3000] [--seed 1]
                  [--node-tools tools] [--keep DIR]
"""

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile

import yaml

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

WORDS = ["lezen", "data", "Bram", "goal", "ja", "yes", "no", "on", "null", "~", "12", "0123",
         "12:30", "1e3", "3,5", "2026-11-23", "true", "é", "→", "x", "a b", "the end", "#", "-",
         ":", "?", "!", "&a", "*a", "|", ">", "%", "@", "`", "'", '"', "\\", "[", "]", "{",
         "}", ",", "a: b", "a #b", "a#b", " ", "  ", "\t", "ä ö", "\u00a0", "\u2028", "\u0085",
         "\u0080", "\u009f", "\ufffe", "\uffff", "\ufeff", "\x7f", "日本", "😀"]
ESCAPES = ["\\n", "\\t", "\\\\", '\\"', "\\x41", "\\u00e9", "\\N", "\\_", "\\L", "\\P", "\\e",
           "\\0", "\\a", "\\/", "\\ ", "\\U0001F600", "\\x85", "\\x9f", "\\uFFFE", "\\r",
           "\\b", "\\v", "\\f", "\\xC3"]


def text(rng, words=(1, 4)):
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(*words)))


def word_text(rng):
    # Mostly ordinary words, so that most files are valid and their values compared.
    pool = ["lezen", "data", "Bram", "samen", "doel", "week", "é", "→", "12", "a", "b"]
    if rng.random() < 0.3:
        return text(rng)
    return " ".join(rng.choice(pool) for _ in range(rng.randint(1, 4)))


def plain(rng, indent):
    s = word_text(rng)
    if rng.random() < 0.2:
        # Continued on further lines, maybe with empty or whitespace-only lines.
        lines = [s]
        for _ in range(rng.randint(1, 3)):
            if rng.random() < 0.3:
                lines.append(rng.choice(["", " ", "  ", " " * (indent + 2)]))
            lines.append(" " * (indent + 2) + word_text(rng))
        return "\n".join(lines)
    return s


def single_quoted(rng, indent):
    s = word_text(rng).replace("'", "''")
    if rng.random() < 0.3:
        parts = [s]
        for _ in range(rng.randint(1, 3)):
            parts.append(rng.choice(["", " ", "\n"]) + " " * (indent + 2) + word_text(rng).replace("'", "''"))
        s = "\n".join(parts)
    if rng.random() < 0.2:
        s += "\n" + rng.choice(["", "\n", " \n"]) + " " * rng.randint(0, indent + 2)
    return "'" + s + "'"


def double_quoted(rng, indent):
    parts = []
    for _ in range(rng.randint(1, 4)):
        r = rng.random()
        if r < 0.4:
            parts.append(word_text(rng).replace("\\", "\\\\").replace('"', '\\"'))
        elif r < 0.7:
            parts.append(rng.choice(ESCAPES))
        elif r < 0.85:
            # A line break inside the quotes, maybe after an escaped one or blank lines.
            parts.append(rng.choice(["", "\\"]) + "\n" + rng.choice(["", "\n", " \n", "\n\n"]) +
                         " " * rng.randint(0, indent + 3))
        else:
            parts.append(" " * rng.randint(1, 3))
    s = "".join(parts)
    if rng.random() < 0.15:
        s += "\n" + rng.choice(["", "\n", " \n"]) + " " * rng.randint(0, indent + 2)
    return '"' + s + '"'


def block(rng, indent):
    style = rng.choice("|>")
    chomp = rng.choice(["", "-", "+"])
    digit = ""
    content_indent = indent + 2
    if rng.random() < 0.2:
        digit = "2"
        content_indent = indent + 2
    header = style + (digit + chomp if rng.random() < 0.5 else chomp + digit)
    if rng.random() < 0.15:
        header += rng.choice([" # why", "\t# why", " \t", "\t"])
    lines = []
    for _ in range(rng.randint(1, 5)):
        r = rng.random()
        if r < 0.55:
            lines.append(" " * content_indent + word_text(rng))
        elif r < 0.7:
            lines.append(" " * (content_indent + rng.randint(1, 3)) + word_text(rng))
        elif r < 0.85:
            lines.append("")
        else:
            lines.append(" " * rng.randint(1, content_indent + 3))
    if digit == "" and lines and lines[0].strip() == "" and rng.random() < 0.5:
        lines.insert(0, " " * content_indent + word_text(rng))
    trailing = rng.choice(["", "", "\n", "\n\n", "\n" + " " * rng.randint(1, 4), "\n  \n"])
    return header + "\n" + "\n".join(lines) + trailing


def scalar(rng, indent):
    r = rng.random()
    if r < 0.3:
        return plain(rng, indent)
    if r < 0.45:
        return single_quoted(rng, indent)
    if r < 0.7:
        return double_quoted(rng, indent)
    return block(rng, indent)


def value(rng, indent, depth):
    r = rng.random()
    if depth < 2 and r < 0.15:
        items = []
        for _ in range(rng.randint(1, 3)):
            if rng.random() < 0.5 and depth < 1:
                items.append(" " * (indent + 2) + "- " + mapping(rng, indent + 4, depth + 1).lstrip())
            else:
                items.append(" " * (indent + 2) + "- " + scalar(rng, indent + 2))
        return "\n" + "\n".join(items)
    if depth < 2 and r < 0.2:
        return "[" + ", ".join(rng.choice(["a", "b c", '"d, e"', "'f'", "1", "yes"])
                               for _ in range(rng.randint(0, 3))) + "]"
    if r < 0.25:
        return ""
    return scalar(rng, indent)


KEYS = ["title", "notes", "evidence", "agenda", "text", "name", "close_note", "date", "value"]


def mapping(rng, indent, depth):
    out = []
    keys = rng.sample(KEYS, rng.randint(1, 4))
    for k in keys:
        if rng.random() < 0.1:
            out.append(" " * indent + "# " + word_text(rng))
        if rng.random() < 0.1:
            out.append("")
        v = value(rng, indent, depth)
        sep = "" if v.startswith("\n") or v == "" else " "
        out.append(" " * indent + k + ":" + sep + v)
    return "\n".join(out)


def document(rng):
    doc = mapping(rng, 0, 0)
    ending = rng.choice(["\n", "\n", "\n", "", "\n\n", "\n# end\n"])
    return doc + ending


def pyyaml_tree(node):
    if isinstance(node, yaml.ScalarNode):
        if not node.style and node.value in ("", "~", "null", "Null", "NULL"):
            return None
        return node.value
    if isinstance(node, yaml.SequenceNode):
        return [pyyaml_tree(n) for n in node.value]
    return {"map": [[k.value, pyyaml_tree(v)] for k, v in node.value]}


NODE_READER = r"""
const fs = require('fs');
const YAML = require(process.argv[1]);
const files = fs.readFileSync(0, 'utf8').split('\n').filter(Boolean);
function tree(n) {
  if (n === null || n === undefined) return null;
  if (YAML.isScalar(n)) {
    if (n.value === null) return null;
    if (n.type === 'PLAIN' && ['', '~', 'null', 'Null', 'NULL'].includes(n.value)) return null;
    return String(n.value);
  }
  if (YAML.isSeq(n)) return n.items.map(tree);
  if (YAML.isMap(n)) return {map: n.items.map(p => [String(p.key.value), tree(p.value)])};
  return '<other>';
}
for (const f of files) {
  const src = fs.readFileSync(f, 'utf8');
  let line;
  try {
    const doc = YAML.parseDocument(src, {schema: 'failsafe', uniqueKeys: true});
    line = doc.errors.length ? {file: f, error: doc.errors[0].message} : {file: f, value: tree(doc.contents)};
  } catch (e) {
    line = {file: f, error: String(e)};
  }
  process.stdout.write(JSON.stringify(line) + '\n');
}
"""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dump", required=True)
    ap.add_argument("--cases", type=int, default=int(os.environ.get("PLG_DIFF_CASES", "3000")))
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--node-tools", default=os.path.join(os.path.dirname(__file__), "..", "tools"))
    ap.add_argument("--keep", help="write the files here and keep them")
    args = ap.parse_args()

    rng = random.Random(args.seed)
    folder = args.keep or tempfile.mkdtemp(prefix="plg-diff-")
    os.makedirs(folder, exist_ok=True)
    files = []
    for i in range(args.cases):
        path = os.path.join(folder, "%06d.yaml" % i)
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(document(rng))
        files.append(path)
    listing = "\n".join(files) + "\n"

    plg = {}
    out = subprocess.run([args.dump, "-"], input=listing, capture_output=True, text=True,
                         check=True).stdout
    for line in out.split("\n"):
        if not line:
            continue
        r = json.loads(line)
        plg[r["file"]] = r

    yaml12 = {}
    module = os.path.abspath(os.path.join(args.node_tools, "node_modules", "yaml"))
    if not os.path.isdir(module):
        sys.exit("differential.py: the npm package yaml is missing; run scripts/install-deps test")
    out = subprocess.run(["node", "-e", NODE_READER, module], input=listing, capture_output=True,
                         text=True, check=True).stdout
    for line in out.split("\n"):
        if not line:
            continue
        r = json.loads(line)
        yaml12[r["file"]] = r

    accepted = compared = 0
    failures = []
    for path in files:
        p = plg[path]
        if "value" not in p:
            continue
        accepted += 1
        with open(path, encoding="utf-8", newline="") as f:
            src = f.read()
        try:
            py = pyyaml_tree(yaml.compose(src, Loader=Loader))
        except yaml.YAMLError as e:
            failures.append((path, "plg accepts it, PyYAML refuses it: %s" % str(e).replace("\n", " ")))
            continue
        y = yaml12[path]
        if "value" not in y:
            continue  # the YAML 1.2 reader refuses it: no agreement to hold plg to
        if py != y["value"]:
            continue  # the two other readers disagree between themselves
        compared += 1
        if p["value"] != py:
            failures.append((path, "plg reads %s, PyYAML and YAML 1.2 read %s" %
                             (json.dumps(p["value"], ensure_ascii=False),
                              json.dumps(py, ensure_ascii=False))))

    print("differential: %d files, %d accepted by plg, %d compared with both readers, %d failures"
          % (len(files), accepted, compared, len(failures)))
    kinds = {}
    for _, why in failures:
        kind = why.split(":")[0] if "refuses" in why else "plg reads a value differently"
        kinds[kind] = kinds.get(kind, 0) + 1
    for kind, n in sorted(kinds.items(), key=lambda kv: -kv[1]):
        print("  %5d  %s" % (n, kind))
    for path, why in failures[:10]:
        print("--- %s\n%s\n%s" % (path, open(path, encoding="utf-8", newline="").read(), why))
    if not args.keep and not failures:
        shutil.rmtree(folder)
    elif failures:
        print("the files are kept in %s" % folder)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
