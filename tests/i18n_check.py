#!/usr/bin/env python3
"""Checks plg's translation catalogs: the test a translator runs too.

    python3 tests/i18n_check.py SOURCE_DIR

Fails (exit 1, one line per problem, as po/LANG.po:LINE: ...) when
- po/plg.pot is not what xgettext extracts from lib/ and cmd/ today
  (run 'bash scripts/po update');
- a catalog lacks a message of plg.pot, leaves one empty, or marks one fuzzy;
- a translation's placeholders differ from the English ones ("{}" for each
  argument in order, "{0}" "{1}" to reorder them, the same format specs);
- a translation adds or drops a line break at the start or end, or a plural
  message has a different number of forms than its Plural-Forms says;
- the header's Language is not the file's name, or msgfmt --check refuses it.
"""

import json
import os
import re
import subprocess
import sys
import tempfile


class Entry:
    def __init__(self):
        self.context = None
        self.msgid = None
        self.plural = None
        self.msgstr = {}  # form index -> text
        self.flags = set()
        self.obsolete = False
        self.line = 0

    def key(self):
        return (self.context or "", self.msgid)


def unquote(text):
    body = text.strip()
    assert body.startswith('"') and body.endswith('"'), body
    body = body[1:-1]
    out = []
    i = 0
    escapes = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "r": "\r"}
    while i < len(body):
        c = body[i]
        if c == "\\" and i + 1 < len(body):
            out.append(escapes.get(body[i + 1], body[i + 1]))
            i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


def parse_po(path):
    """Returns the entries of a .po or .pot file (the header is msgid "")."""
    entries = []
    entry = Entry()
    field = None
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")

    def finish():
        nonlocal entry
        if entry.msgid is not None:
            entries.append(entry)
        entry = Entry()

    for number, raw in enumerate(lines, 1):
        line = raw
        obsolete = line.startswith("#~")
        if obsolete:
            line = line[2:].lstrip()
        if not line.strip():
            finish()
            field = None
            continue
        if line.startswith("#,"):
            entry.flags |= {f.strip() for f in line[2:].split(",")}
            continue
        if line.startswith("#"):
            continue
        if line.startswith("msgctxt "):
            if entry.msgid is not None:
                finish()
            entry.context = unquote(line[8:])
            entry.line = entry.line or number
            field = ("context",)
        elif line.startswith("msgid_plural "):
            entry.plural = unquote(line[13:])
            field = ("plural",)
        elif line.startswith("msgid "):
            if entry.msgid is not None:
                finish()
            entry.msgid = unquote(line[6:])
            entry.line = entry.line or number
            entry.obsolete = obsolete
            field = ("msgid",)
        elif line.startswith("msgstr["):
            index = int(line[7 : line.index("]")])
            entry.msgstr[index] = unquote(line[line.index("]") + 1 :])
            field = ("msgstr", index)
        elif line.startswith("msgstr "):
            entry.msgstr[0] = unquote(line[7:])
            field = ("msgstr", 0)
        elif line.startswith('"') and field:
            text = unquote(line)
            if field[0] == "context":
                entry.context += text
            elif field[0] == "msgid":
                entry.msgid += text
            elif field[0] == "plural":
                entry.plural += text
            else:
                entry.msgstr[field[1]] += text
    finish()
    return entries


PLACEHOLDER = re.compile(r"\{\{|\}\}|\{([^{}]*)\}")


def placeholders(text):
    """Returns the sorted (argument index, spec) of a format string, or a
    string saying what is wrong with it."""
    found = []
    automatic = 0
    explicit = False
    for m in PLACEHOLDER.finditer(text):
        if m.group(1) is None:
            continue
        inner = m.group(1)
        name, _, spec = inner.partition(":")
        if name == "":
            found.append((automatic, spec))
            automatic += 1
        elif name.isdigit():
            explicit = True
            found.append((int(name), spec))
        else:
            return "a named placeholder {%s}; use {} or {0}, {1}..." % inner
    if explicit and automatic:
        return "both {} and numbered placeholders; use one kind"
    stray = PLACEHOLDER.sub("", text)
    if "{" in stray or "}" in stray:
        return "a single { or }; write {{ or }} for a brace"
    return sorted(found)


def header_field(entries, name):
    for e in entries:
        if e.msgid == "" and e.context is None:
            for line in e.msgstr.get(0, "").split("\n"):
                if line.startswith(name + ":"):
                    return line[len(name) + 1 :].strip()
    return None


def nplurals(entries):
    forms = header_field(entries, "Plural-Forms") or ""
    m = re.search(r"nplurals\s*=\s*(\d+)", forms)
    return int(m.group(1)) if m else 2


def is_format(entry):
    # Messages of trp() and the --edit templates are not formats; every other
    # message is. A message is a format when its English has a placeholder or
    # a doubled brace: a translation must then keep its braces valid.
    return "python-brace-format" in entry.flags or bool(
        re.search(r"\{\}|\{\d+(:[^{}]*)?\}|\{:[^{}]*\}|\{\{|\}\}", entry.msgid + (entry.plural or ""))
    )


def edges(text):
    return (text.startswith("\n"), text.endswith("\n"))


def check_catalog(path, template, problems):
    entries = parse_po(path)
    lang = os.path.splitext(os.path.basename(path))[0]
    declared = header_field(entries, "Language")
    if declared != lang:
        problems.append(f"{path}:1: the header says Language: {declared!r}; it should be {lang!r}")
    forms = nplurals(entries)
    by_key = {e.key(): e for e in entries if not e.obsolete and e.msgid != ""}
    for t in template:
        if t.msgid == "":
            continue
        e = by_key.get(t.key())
        where = f"{path}:{e.line if e else 1}"
        shown = (f"[{t.context}] " if t.context else "") + repr(t.msgid)[:80]
        if e is None:
            problems.append(f"{path}:1: no translation of {shown} (run 'bash scripts/po update')")
            continue
        if "fuzzy" in e.flags:
            problems.append(f"{where}: the translation of {shown} is marked fuzzy; check it and remove the mark")
            continue
        wanted = [e.msgstr.get(i, "") for i in range(forms)] if t.plural is not None else [e.msgstr.get(0, "")]
        if t.plural is not None and len(e.msgstr) != forms:
            problems.append(f"{where}: {shown} has {len(e.msgstr)} plural forms; Plural-Forms says {forms}")
        if any(text == "" for text in wanted):
            problems.append(f"{where}: {shown} is not translated")
            continue
        if is_format(t):
            english = placeholders(t.plural if t.plural is not None else t.msgid)
            if isinstance(english, str):
                problems.append(f"{where}: the English of {shown} has {english}")
                continue
            union = set()
            for text in wanted:
                got = placeholders(text)
                if isinstance(got, str):
                    problems.append(f"{where}: the translation of {shown} has {got}")
                    break
                if t.plural is None and got != english:
                    problems.append(
                        f"{where}: the translation of {shown} has the placeholders {got}; the English has {english}"
                    )
                    break
                if t.plural is not None and not set(got) <= set(english):
                    problems.append(f"{where}: a plural form of {shown} has a placeholder the English lacks")
                    break
                union |= set(got)
            else:
                if t.plural is not None and union != set(english):
                    problems.append(f"{where}: the plural forms of {shown} drop a placeholder of the English")
        for text in wanted:
            if edges(text) != edges(t.msgid):
                problems.append(f"{where}: the translation of {shown} starts or ends with a line break where the English does not, or the other way round")
                break
    result = subprocess.run(
        ["msgfmt", "--check", "--output-file=" + os.devnull, path], capture_output=True, text=True
    )
    if result.returncode != 0:
        problems.append(f"{path}:1: msgfmt --check refuses it:\n{result.stderr.strip()}")


SELF_TEST_TEMPLATE = r'''msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"

msgid "Added the goal {}"
msgstr ""

msgid "{} of {}"
msgstr ""

msgid "kept"
msgstr ""

msgid "{} error"
msgid_plural "{} errors"
msgstr[0] ""
msgstr[1] ""

msgctxt "decimal separator"
msgid "."
msgstr ""

msgid "missing"
msgstr ""

msgid "Line\n"
msgstr ""
'''

SELF_TEST_CATALOG = r'''msgid ""
msgstr ""
"Language: xx\n"
"MIME-Version: 1.0\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Content-Transfer-Encoding: 8bit\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\n"

msgid "Added the goal {}"
msgstr "Doel toegevoegd"

msgid "{} of {}"
msgstr "{1} van {0}"

#, fuzzy
msgid "kept"
msgstr "bewaard"

msgid "{} error"
msgid_plural "{} errors"
msgstr[0] "{} fout"

msgctxt "decimal separator"
msgid "."
msgstr ","

msgid "Line\n"
msgstr "Regel"
'''


def self_test():
    """Shows that check_catalog finds each mistake it is there for, and
    accepts what is right (a reordered {1} {0}, a context)."""
    with tempfile.TemporaryDirectory() as tmp:
        template_path = os.path.join(tmp, "plg.pot")
        catalog_path = os.path.join(tmp, "xx.po")
        with open(template_path, "w", encoding="utf-8") as f:
            f.write(SELF_TEST_TEMPLATE)
        with open(catalog_path, "w", encoding="utf-8") as f:
            f.write(SELF_TEST_CATALOG)
        problems = []
        check_catalog(catalog_path, parse_po(template_path), problems)
    expected = {
        "Added the goal": "the placeholders",
        "'kept'": "marked fuzzy",
        "'{} error'": "plural forms",
        "'missing'": "no translation",
        "Line": "line break",
    }
    failures = []
    for what, words in expected.items():
        if not any(what in p and words in p for p in problems):
            failures.append(f"self-test: no problem '{words}' reported for {what}")
    for p in problems:
        if "{} of {}" in p or "decimal separator" in p:
            failures.append(f"self-test: a right translation was refused: {p}")
    for f in failures:
        print(f)
    if failures:
        print("problems reported were:\n" + "\n".join(problems), file=sys.stderr)
        return 1
    print(f"self-test: the {len(expected)} kinds of mistake are found, the right ones accepted")
    return 0


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "--self-test":
        return self_test()
    root = sys.argv[1] if len(sys.argv) > 1 else "."
    problems = []
    pot = os.path.join(root, "po", "plg.pot")
    with tempfile.TemporaryDirectory() as tmp:
        fresh = os.path.join(tmp, "plg.pot")
        env = dict(os.environ, PLG_POT_OUT=fresh)
        subprocess.run(["bash", os.path.join(root, "scripts", "po"), "pot-to", fresh], check=True, env=env)
        now = {e.key(): e for e in parse_po(fresh)}
        kept = {e.key(): e for e in parse_po(pot)}
        for key in now.keys() - kept.keys():
            problems.append(f"{pot}:1: {key[1][:80]!r} is in the code but not in plg.pot; run 'bash scripts/po update'")
        for key in kept.keys() - now.keys():
            problems.append(f"{pot}:1: {key[1][:80]!r} is in plg.pot but no longer in the code; run 'bash scripts/po update'")
        template = list(now.values())
    catalogs = sorted(f for f in os.listdir(os.path.join(root, "po")) if f.endswith(".po"))
    if not catalogs:
        problems.append("po/: no catalogs")
    for name in catalogs:
        check_catalog(os.path.join(root, "po", name), template, problems)
    # The JSON Schema editors check plg.yaml with knows the same languages.
    schema_path = os.path.join(root, "docs", "schema", "plg.schema.json")
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    allowed = sorted(v for v in schema["properties"]["language"]["enum"] if v is not None)
    spoken = sorted(["en"] + [os.path.splitext(n)[0] for n in catalogs])
    if allowed != spoken:
        problems.append(f"{schema_path}:1: properties.language.enum is {allowed}; with the catalogs in po/ it should be {spoken}")
    for p in problems:
        print(p)
    if problems:
        print(f"{len(problems)} problem(s) in the catalogs", file=sys.stderr)
        return 1
    print(f"{len(catalogs)} catalogs, {len(template) - 1} messages each: complete and consistent")
    return 0


if __name__ == "__main__":
    sys.exit(main())
