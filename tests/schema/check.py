#!/usr/bin/env python3
"""Checks that docs/schema/*.schema.json agree with plg's own reader.

For every PLG found under the folders given (and every network.yaml), each
record file that `plg check` accepts must validate against its schema with
ajv-cli, the validator editors' tooling is built on. Files are read as an
editor's yaml-language-server reads them (tests/schema/yaml-to-json.mjs).
With --reject --kind KIND, each file given must instead be refused by KIND's
schema (the hostile files whose errors a schema can see).

  check.py --plg PLG [--reject --kind KIND] PATH...
Needs tools/node_modules (scripts/install-deps).
Prints one line per file that disagrees and exits 1 if any does.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Record folder -> schema name, from plg's own table of kinds (plg __kinds).
KINDS: dict[str, str] = {}


FORCED_KIND = ""


def kind_of(path: Path) -> str:
    if FORCED_KIND:
        return FORCED_KIND
    if path.name == "plg.yaml":
        return KINDS[""]
    if path.name == "network.yaml":
        return "network"
    return KINDS[path.parent.name]


def accepted_records(plg: str, root: Path) -> list[Path]:
    """The record files of the PLG at root that plg check reports no error in."""
    # Run in the PLG, so that plg names files relative to it.
    check = subprocess.run([os.path.abspath(plg), "check", "--format", "json"], cwd=root,
                           env=dict(os.environ, PLG_DIR=""),
                           capture_output=True, text=True, check=False)
    report = json.loads(check.stdout) if check.stdout.strip() else {"problems": []}
    bad = {p["file"] for p in report["problems"] if p["severity"] == "error"}
    if check.returncode not in (0, 1) or (not check.stdout.strip()):
        return []  # plg.yaml itself unreadable: nothing to compare
    files = [root / "plg.yaml"]
    for folder in KINDS:
        if folder and (root / folder).is_dir():
            files += sorted(p for p in (root / folder).glob("*.yaml")
                            if p.is_file() and not p.is_symlink())
    return [f for f in files if os.path.relpath(f, root) not in bad]


def validate(files: list[Path]) -> dict[Path, str]:
    """Validates each file against its kind's schema; returns file -> 'valid' or why not."""
    results: dict[Path, str] = {}
    with tempfile.TemporaryDirectory() as tmp:
        by_kind: dict[str, list[Path]] = {}
        for f in files:
            by_kind.setdefault(kind_of(f), []).append(f)
        for kind, group in by_kind.items():
            out = Path(tmp) / kind
            out.mkdir()
            conv = subprocess.run(["node", "tests/schema/yaml-to-json.mjs", str(out)]
                                  + [str(f) for f in group], cwd=ROOT,
                                  capture_output=True, text=True, check=True)
            numbered = {}
            for line in conv.stdout.splitlines():
                n, name, *error = line.split("\t")
                if error:
                    results[Path(name)] = error[0]
                else:
                    numbered[str(out / f"{n}.json")] = Path(name)
            if not numbered:
                continue
            ajv = subprocess.run(["tools/node_modules/.bin/ajv", "validate", "--spec=draft7",
                                  "-c", "ajv-formats", "--allow-union-types", "--strict=true",
                                  "--errors=line", "-s", f"docs/schema/{kind}.schema.json",
                                  "-d", str(out / "*.json")],
                                 cwd=ROOT, capture_output=True, text=True, check=False)
            lines = (ajv.stdout + ajv.stderr).splitlines()
            for i, line in enumerate(lines):
                words = line.rsplit(" ", 1)
                if len(words) == 2 and words[0] in numbered and words[1] in ("valid", "invalid"):
                    why = words[1] if words[1] == "valid" else \
                        "invalid: " + (lines[i + 1] if i + 1 < len(lines) else "")
                    results[numbered[words[0]]] = why
            for json_file, name in numbered.items():
                results.setdefault(name, "ajv said nothing: " + ajv.stderr.strip()[:200])
    return results


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--plg", required=True)
    ap.add_argument("--reject", action="store_true")
    ap.add_argument("--kind", default="", help="a schema name: plg, meeting, ..., network")
    ap.add_argument("paths", nargs="+")
    args = ap.parse_args()
    kinds = json.loads(subprocess.run([os.path.abspath(args.plg), "__kinds"], capture_output=True,
                                      text=True, check=True).stdout)
    for kind in kinds:
        KINDS[kind["folder"]] = kind["schema"].removesuffix(".schema.json")
    if args.kind and args.kind not in list(KINDS.values()) + ["network"]:
        ap.error(f"--kind {args.kind}: not a schema; the schemas are "
                 + ", ".join(list(KINDS.values()) + ["network"]))
    global FORCED_KIND
    FORCED_KIND = args.kind
    if args.reject:
        files = [Path(p).resolve() for p in args.paths]
    else:
        files = []
        for p in (Path(q).resolve() for q in args.paths):
            roots = [p] if (p / "plg.yaml").is_file() else \
                sorted(q.parent for q in p.rglob("plg.yaml") if ".plg" not in q.parts)
            for root in roots:
                try:
                    str(root).encode("utf-8")
                except UnicodeEncodeError:
                    continue  # a test's folder that is not UTF-8 on purpose; node cannot name it
                files += accepted_records(args.plg, root)
            files += sorted(q for q in p.rglob("network.yaml") if q.is_file())
    results = validate(files)
    wrong = 0
    for f in files:
        result = results.get(f, "not validated")
        ok = result.startswith(("invalid", "error")) if args.reject else result == "valid"
        if not ok:
            wrong += 1
            expected = "refused by the schema" if args.reject else "valid (plg accepts it)"
            print(f"{f}: {result}; expected {expected}")
    print(f"{len(files)} files, {wrong} disagreeing", file=sys.stderr)
    return 1 if wrong or not files else 0


if __name__ == "__main__":
    sys.exit(main())
