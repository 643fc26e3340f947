#!/usr/bin/env python3
"""Judges plg's documents as the people who receive them open them.

- HTML reports, minutes and the network dashboard in headless Chromium, with
  every network request refused: no console message, a screenshot that is not
  blank, and a print to PDF whose text has the report's title and every goal's
  latest value.
- The inline SVG charts parse as XML, have a title, a description and real
  text, and their geometry says the report's numbers: the measured line of a
  goal read back through the axis's grid lines gives the JSON's values, the
  target line its target, the ratings lines the averages, the status cells
  the status over time, the network's bars its counts.
- The Markdown along the documented route (docs/report.md): pandoc to DOCX
  (the charts inside) and to PDF with WeasyPrint; the PDF's text has every
  goal's latest value and every long word of the tables whole (no column so
  narrow that a word is broken inside).

Usage: render_check.py --plg PLG --examples DIR --work DIR
Prints what is wrong and exits 1 when anything is."""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile

SVG = "{http://www.w3.org/2000/svg}"
failures = []


def fail(where, what):
    failures.append(f"{where}: {what}")
    print(f"FAIL {where}: {what}", file=sys.stderr)


def run(args, cwd=None, check=True, env=None):
    p = subprocess.run(args, cwd=cwd, capture_output=True, text=True, env=env, timeout=300)
    if check and p.returncode != 0:
        raise SystemExit(f"{' '.join(args)} exited {p.returncode}:\n{p.stdout}\n{p.stderr}")
    return p


def local_number(value, lang, decimals=2):
    """A number as plg's reports write it: at most `decimals` decimals, the
    language's decimal mark, thousands grouped (docs/report.md)."""
    text = f"{value:.{decimals}f}".rstrip("0").rstrip(".") if decimals else f"{value:.0f}"
    if text == "-0":
        text = "0"
    whole, _, frac = text.partition(".")
    sign = "-" if whole.startswith("-") else ""
    digits = whole.lstrip("-")
    sep = {"en": ",", "nl": ".", "fr": "\u202f"}[lang]
    if len(digits) > 4 or (len(digits) == 4 and lang != "fr"):
        groups = []
        while len(digits) > 3:
            groups.insert(0, digits[-3:])
            digits = digits[:-3]
        digits = sep.join([digits] + groups)
    mark = "." if lang == "en" else ","
    return sign + digits + (mark + frac if frac else "")


# ---- SVG: the charts say the report's numbers ----------------------------------


def svgs_of(html, where):
    charts = {}
    for m in re.finditer(r"<svg\b.*?</svg>", html, re.S):
        try:
            root = ET.fromstring(m.group(0))
        except ET.ParseError as e:
            fail(where, f"an SVG chart is not well-formed XML: {e}")
            continue
        name = root.get("data-chart")
        title = root.find(SVG + "title")
        desc = root.find(SVG + "desc")
        if title is None or not (title.text or "").strip():
            fail(where, f"chart {name} has no <title>")
        if desc is None or not (desc.text or "").strip():
            fail(where, f"chart {name} has no <desc>")
        if not any((t.text or "").strip() for t in root.iter(SVG + "text")):
            fail(where, f"chart {name} has no text")
        charts[name] = root
    return charts


def value_scale(root):
    """The linear map from a y coordinate to a value, from the grid lines."""
    grid = [(float(g.get("y1")), float(g.get("data-value"))) for g in root.iter(SVG + "line")
            if g.get("class") == "grid"]
    if len(grid) < 2:
        return None
    (y0, v0), (y1, v1) = grid[0], grid[-1]
    return lambda y: v0 + (y - y0) * (v1 - v0) / (y1 - y0), abs(v1 - v0)


def path_points(d):
    return [float(y) for _, y in re.findall(r"[ML]([-\d.]+) ([-\d.]+)", d)]


def close(a, b, span):
    return abs(a - b) <= max(span * 0.006, 1e-9)


def check_report_charts(html, report, where):
    charts = svgs_of(html, where)
    for goal in report["goals"]:
        if not goal["progress"]:
            continue
        chart = charts.get("goal-" + goal["id"])
        if chart is None:
            fail(where, f"no chart for goal {goal['id']}")
            continue
        scale = value_scale(chart)
        if scale is None:
            fail(where, f"goal {goal['id']}: no grid lines")
            continue
        to_value, span = scale
        # The baseline is a point of its own unless the first measurement, on the
        # day the goal was set, is the baseline itself.
        first = goal["progress"][0]
        own = goal["baseline"] is not None and not (
            goal.get("created") == first["date"] and first["value"] == goal["baseline"])
        expected = ([goal["baseline"]] if own else []) + [p["value"] for p in goal["progress"]]
        series = [p for p in chart.iter(SVG + "path") if p.get("class") == "series"]
        drawn = [to_value(y) for y in path_points(series[0].get("d"))] if series else []
        if len(drawn) != len(expected) or not all(close(a, b, span) for a, b in zip(drawn, expected)):
            fail(where, f"goal {goal['id']}: the line says {drawn}, the report {expected}")
        targets = [t for t in chart.iter(SVG + "line") if t.get("class") == "target"]
        if goal["target"] is not None:
            if not targets or not close(to_value(float(targets[0].get("y1"))), goal["target"], span):
                fail(where, f"goal {goal['id']}: the target line is not at {goal['target']}")
    ratings = report["reflections"]["ratings"]
    if len(report["reflections"]["rating_periods"]) > 1 and ratings:
        chart = charts.get("ratings")
        if chart is None:
            fail(where, "no ratings chart")
        else:
            to_value, span = value_scale(chart)
            series = {p.get("data-series"): p for p in chart.iter(SVG + "path")
                      if p.get("class") == "series"}
            for t in ratings:
                expected = [v for v in t["averages"].values() if v is not None]
                drawn = [to_value(y) for y in path_points(series[t["name"]].get("d"))] \
                    if t["name"] in series else []
                if len(drawn) != len(expected) or not all(
                        close(a, b, span) for a, b in zip(drawn, expected)):
                    fail(where, f"ratings of {t['name']}: the line says {drawn}, the report {expected}")
    timeline = report["status_over_time"]
    if len(timeline) > 1:
        chart = charts.get("status")
        cells = [r.get("data-status") for r in chart.iter(SVG + "rect") if r.get("data-status")] \
            if chart is not None else []
        expected = [p["status"] or "none" for p in timeline]
        if cells != expected:
            fail(where, f"the status strip says {cells}, the report {expected}")


def check_network_charts(html, network, where):
    charts = svgs_of(html, where)
    bars = charts.get("status-over-time")
    if bars is None:
        fail(where, "no status-over-time chart")
        return
    to_value, _ = value_scale(bars)
    counts = {}
    for r in bars.iter(SVG + "rect"):
        if r.get("data-status"):
            y, h = float(r.get("y")), float(r.get("height"))
            counts[(int(r.get("data-period")), r.get("data-status"))] = round(
                to_value(y) - to_value(y + h))
    for i, p in enumerate(network["status_over_time"]):
        for key, status in (("active", "active"), ("at_risk", "at risk"), ("dormant", "dormant"),
                            ("not_founded", "not founded")):
            if counts.get((i, status), 0) != p[key]:
                fail(where, f"{p['period']}: the bars show {counts.get((i, status), 0)} {status}, "
                            f"the report {p[key]}")
    grid = charts.get("status-per-plg")
    readable = [p for p in network["plgs"] if p["readable"]]
    cells = {}
    for r in grid.iter(SVG + "rect") if grid is not None else []:
        if r.get("data-row"):
            cells[(int(r.get("data-row")), int(r.get("data-period")))] = r.get("data-status")
    periods = [p["period"] for p in network["status_over_time"]]
    for row, plg in enumerate(readable):
        for i, status in enumerate(plg["status_over_time"]):
            if cells.get((row, i)) != status:
                fail(where, f"{plg['path']} {periods[i]}: the grid shows {cells.get((row, i))}, "
                            f"the report {status}")


# ---- Chromium ------------------------------------------------------------------


def chromium_binary():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(name):
            return shutil.which(name)
    raise SystemExit("chromium is needed: run scripts/install-deps test")


def chromium(args, page, work):
    """Runs headless Chromium on `page` with every request refused (a proxy
    that does not exist) and returns its stderr (console messages logged)."""
    profile = os.path.join(work, "chromium-profile")
    cmd = [chromium_binary(), "--headless=new", "--no-sandbox", "--disable-gpu",
           "--no-first-run", "--disable-extensions", "--disable-background-networking",
           "--hide-scrollbars", f"--user-data-dir={profile}", "--enable-logging=stderr",
           "--v=0", "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
           "--virtual-time-budget=3000"] + args + ["file://" + os.path.abspath(page)]
    env = dict(os.environ, HOME=work)
    p = run(cmd, check=False, env=env)
    if p.returncode != 0:
        fail(page, f"chromium exited {p.returncode}: {p.stderr[-2000:]}")
    return p.stderr


def console_messages(stderr):
    return [line for line in stderr.splitlines()
            if "CONSOLE" in line or "Uncaught" in line or "net::ERR" in line]


def not_blank(png, where):
    try:
        from PIL import Image
    except ImportError:
        raise SystemExit("python3-pil is needed: run scripts/install-deps test")
    image = Image.open(png).convert("RGB")
    small = image.resize((image.width // 4, image.height // 4))
    pixels = list(small.getdata())
    ink = sum(1 for p in pixels if min(p) < 200)
    colours = len(set(pixels))
    if ink < len(pixels) * 0.01 or colours < 16:
        fail(where, f"the screenshot looks blank ({ink} dark pixels of {len(pixels)}, "
                    f"{colours} colours)")


# What Chromium itself asks for (updates, sign-in, dictionaries), not the page.
CHROMIUM_OWN = re.compile(r"^https?://[^/]*(google\.com|googleapis\.com|gvt1\.com|gstatic\.com)/")


def judge_in_browser(page, work, expect_texts, where):
    shot = os.path.join(work, os.path.basename(page) + ".png")
    netlog = os.path.join(work, os.path.basename(page) + ".netlog.json")
    stderr = chromium([f"--screenshot={shot}", "--window-size=1200,2400",
                       f"--log-net-log={netlog}"], page, work)
    for line in console_messages(stderr):
        fail(where, f"the browser logged: {line}")
    if os.path.exists(netlog):
        asked = set(re.findall(r'"url":"([^"]*)"', open(netlog, encoding="utf-8").read()))
        for url in sorted(asked):
            if not url.startswith("file://") and not CHROMIUM_OWN.match(url):
                fail(where, f"the page asked the network for {url}")
    else:
        fail(where, "chromium wrote no net log")
    if os.path.exists(shot):
        not_blank(shot, where)
    else:
        fail(where, "no screenshot")
    pdf = os.path.join(work, os.path.basename(page) + ".pdf")
    chromium([f"--print-to-pdf={pdf}", "--no-pdf-header-footer"], page, work)
    if not os.path.exists(pdf) or open(pdf, "rb").read(5) != b"%PDF-":
        fail(where, "print to PDF made no PDF")
        return
    text = squash(run(["pdftotext", pdf, "-"]).stdout)
    for t in expect_texts:
        if squash(t) not in text:
            fail(where, f"the printed PDF does not say {t!r}")


def squash(text):
    return re.sub(r"\s+", " ", text)


# ---- The Markdown route --------------------------------------------------------


def long_words(texts):
    words = set()
    for t in texts:
        words.update(w for w in re.findall(r"[^\W\d_]{9,}", t))
    return sorted(words)


def target_legends(report, lang):
    word = {"en": "target", "nl": "doel", "fr": "cible"}[lang]
    out = []
    for goal in report["goals"]:
        if goal["progress"] and goal["target"] is not None:
            suffix = ("\u202f%" if lang == "fr" else "%") if goal["unit"] == "%" else ""
            out.append(f"{word} {local_number(goal['target'], lang)}{suffix}")
    return out


def judge_markdown_route(md, report, lang, where):
    folder = os.path.dirname(md)
    docx = md[:-3] + ".docx"
    p = run(["pandoc", "--fail-if-warnings", os.path.basename(md), "-o", os.path.basename(docx)],
            cwd=folder, check=False)
    if p.returncode != 0 or p.stderr.strip():
        fail(where, f"pandoc to DOCX: {p.stderr.strip()}")
    else:
        with zipfile.ZipFile(docx) as z:
            media = [n for n in z.namelist() if n.startswith("word/media/")]
        charts = len(os.listdir(md[:-3] + "-charts"))
        if len(media) < charts:
            fail(where, f"the DOCX holds {len(media)} images, the report has {charts} charts")
    pdf = md[:-3] + ".pdf"
    p = run(["pandoc", os.path.basename(md), "-o", os.path.basename(pdf),
             "--pdf-engine=weasyprint"], cwd=folder, check=False)
    if p.returncode != 0 or not os.path.exists(pdf):
        fail(where, f"pandoc to PDF with WeasyPrint: {p.stderr.strip()}")
        return
    raw = run(["pdftotext", pdf, "-"]).stdout
    text = squash(raw)
    for goal in report["goals"]:
        if goal["progress"]:
            latest = local_number(goal["progress"][-1]["value"], lang) + (
                "%" if goal["unit"] == "%" and lang != "fr" else
                "\u202f%" if goal["unit"] == "%" else "")
            if latest not in text:
                fail(where, f"the PDF does not show goal {goal['id']}'s latest value {latest!r}")
    # The charts are drawn in the PDF: each goal's target line has its legend,
    # which is nowhere else in the report's text.
    for line in target_legends(report, lang):
        if line not in text:
            fail(where, f"the PDF shows no chart legend {line!r}: are the charts drawn?")
    cells = [m["title"] for m in report["meetings"]] + [
        a["text"] for kind in ("open", "completed", "cancelled") for a in report["actions"][kind]]
    tokens = set(re.findall(r"[^\W\d_]+", raw))
    for word in long_words(cells):
        if word not in tokens:
            fail(where, f"the PDF breaks the word {word!r} (a column too narrow)")


# ---- Main ----------------------------------------------------------------------


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--plg", required=True)
    ap.add_argument("--examples", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--generate", help="bench/generate.py, for a network dashboard")
    a = ap.parse_args()
    os.makedirs(a.work, exist_ok=True)
    for tool in ("pandoc", "pdftotext", "weasyprint", "rsvg-convert"):
        if not shutil.which(tool):
            raise SystemExit(f"{tool} is needed: run scripts/install-deps test")
    for example in ("leerteam-rekenen", "riverside-maths"):
        plg_dir = os.path.join(a.examples, example)
        for lang in ("en", "nl"):
            where = f"{example} ({lang})"
            out = os.path.join(a.work, f"{example}-{lang}")
            os.makedirs(out, exist_ok=True)
            base = [a.plg, "-C", plg_dir, "--lang", lang]
            report = json.loads(run(base + ["report", "--format", "json"]).stdout)
            html = os.path.join(out, "verslag.html")
            run(base + ["report", "--format", "html", "-o", html])
            page = open(html, encoding="utf-8").read()
            check_report_charts(page, report, where + " html")
            if re.search(r"""(src|href)=["']?(https?:|//)|url\(|<script|<link""", page):
                fail(where, "the HTML refers to something outside it")
            title = f"{report['plg']['name']}"
            latest = [local_number(g["progress"][-1]["value"], lang)
                      for g in report["goals"] if g["progress"]]
            judge_in_browser(html, out, [title] + latest + target_legends(report, lang),
                             where + " html")
            md = os.path.join(out, "verslag.md")
            run(base + ["report", "-o", md])
            judge_markdown_route(md, report, lang, where + " md")
            # The minutes of the first and the last meeting, as sent after it.
            for m in (report["meetings"][0], report["meetings"][-1]):
                minutes = os.path.join(out, f"notulen-{m['id']}.html")
                run(base + ["meeting", "show", m["id"], "--format", "html", "-o", minutes])
                judge_in_browser(minutes, out, [m["title"]], f"{where} minutes {m['id']}")
    # The network dashboard, over the examples and over a generated network.
    networks = [("examples", [a.examples])]
    if a.generate:
        net = os.path.join(a.work, "network")
        shutil.rmtree(net, ignore_errors=True)
        run([sys.executable, a.generate, "--plgs", "14", "--records", "40", "--today",
             "2026-11-23", net])
        networks.append(("generated", [os.path.join(net, "network.yaml")]))
    for name, paths in networks:
        for lang in ("en", "nl"):
            where = f"network {name} ({lang})"
            base = [a.plg, "--lang", lang, "network", "report", *paths, "--to", "2026-11-23",
                    "--no-cache"]
            network = json.loads(run(base + ["--format", "json"]).stdout)
            html = os.path.join(a.work, f"network-{name}-{lang}.html")
            run(base + ["--format", "html", "-o", html])
            check_network_charts(open(html, encoding="utf-8").read(), network, where)
            judge_in_browser(html, a.work, [p["name"] for p in network["plgs"][:3]], where)
    if failures:
        print(f"{len(failures)} problem(s)", file=sys.stderr)
        return 1
    print("every document opens, prints and says the report's numbers")
    return 0


if __name__ == "__main__":
    sys.exit(main())
