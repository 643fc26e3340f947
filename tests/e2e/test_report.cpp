// plg report: golden files, an independent computation of every summary number,
// and real Markdown clients (markdownlint-cli2, pandoc) judging the output.

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <sstream>

#include "e2e.hpp"
#include "plg/base/i18n.hpp"

using namespace plg::test;

namespace {

const fs::path k_golden = fs::path(PLG_SOURCE_DIR) / "tests/golden";

// Compares `text` with the golden file `name`; PLG_UPDATE_GOLDEN=1 rewrites it
// instead (scripts/update-golden), for review with git diff.
void golden(const std::string& name, const std::string& text) {
    const char* update = std::getenv("PLG_UPDATE_GOLDEN");
    if (update && std::string(update) == "1") {
        write(k_golden / name, text);
        return;
    }
    INFO("golden file ", name, " (regenerate with scripts/update-golden and review the diff)");
    REQUIRE(fs::exists(k_golden / name));
    CHECK(text == read(k_golden / name));
}

Result report(const fs::path& plg, std::vector<std::string> args = {}) {
    args.insert(args.begin(), "report");
    args.insert(args.begin(), {"-C", plg.string()});
    return run_plg(args, plg);
}

void lint_and_convert(const fs::path& markdown) {
    REQUIRE_MESSAGE(std::string(PLG_TEST_MARKDOWNLINT) != "",
                    "markdownlint-cli2 is needed; run scripts/install-deps");
    REQUIRE_MESSAGE(std::string(PLG_TEST_PANDOC) != "",
                    "pandoc is needed; run scripts/install-deps");
    auto lint = run(
        {PLG_TEST_MARKDOWNLINT, "--config",
         (fs::path(PLG_SOURCE_DIR) / "docs/report.markdownlint.yaml").string(), markdown.string()},
        markdown.parent_path());
    INFO(markdown.string(), lint.out, lint.err);
    CHECK(lint.code == 0);
    for (const char* ext : {".html", ".docx"}) {
        fs::path out = markdown;
        out.replace_extension(ext);
        // The documented route: pandoc's own Markdown reads the metadata block.
        auto pandoc = run(
            {PLG_TEST_PANDOC, "--fail-if-warnings", "-s", markdown.string(), "-o", out.string()},
            markdown.parent_path());
        INFO(ext, pandoc.out, pandoc.err);
        CHECK(pandoc.code == 0);
        CHECK(pandoc.err.empty());
        CHECK(fs::file_size(out) > 1000);
    }
}

}  // namespace

TEST_CASE("the example reports match their golden files") {
    for (const char* example : {"leerteam-rekenen", "riverside-maths"}) {
        for (const std::string& lang : plg::languages()) {  // every catalog, and English
            auto r = report(k_examples / example, {"--lang", lang});
            INFO(example, " ", lang, " ", r.err);
            REQUIRE(r.code == 0);
            CHECK(r.err.empty());
            golden(std::string(example) + "." + lang + ".md", r.out);
            auto html = report(k_examples / example, {"--lang", lang, "--format", "html"});
            REQUIRE(html.code == 0);
            golden(std::string(example) + "." + lang + ".html", html.out);
        }
        auto json = report(k_examples / example, {"--format", "json"});
        REQUIRE(json.code == 0);
        golden(std::string(example) + ".json", json.out);
    }
}

TEST_CASE("the same records give the same bytes") {
    auto a = report(k_examples / "riverside-maths");
    auto b = report(k_examples / "riverside-maths");
    REQUIRE(a.code == 0);
    CHECK(a.out == b.out);
    CHECK(a.out.find("2026-11-23") == std::string::npos);  // no "generated at" stamp
}

TEST_CASE("every number agrees with an independent Python computation, over many periods") {
    REQUIRE_MESSAGE(std::string(PLG_TEST_PYTHON) != "", "python3 with PyYAML is needed");
    TempDir dir;
    struct Period {
        std::string from;
        std::string to;
    };
    // The whole life; terms and school years in the past; periods that start
    // before founding, end in a break, end before a goal closed or an action was
    // done; and periods before a PLG existed (refused, and said why).
    const std::vector<Period> periods = {
        {"", ""},
        {"2026-03-01", "2026-06-30"},
        {"2025-01-01", "2026-01-31"},
        {"2026-11-01", ""},
        {"", "2025-12-31"},
        {"2026-06-01", "2026-10-12"},
        {"2025-09-01", "2026-07-31"},
        {"2026-09-15", "2026-10-20"},
        {"", "2026-07-25"},
        {"2025-06-01", "2025-08-31"},
    };
    int refused = 0;
    for (const char* example : {"leerteam-rekenen", "riverside-maths"}) {
        for (const auto& p : periods) {
            std::vector<std::string> args = {"--format", "json"};
            if (!p.from.empty()) {
                args.insert(args.end(), {"--from", p.from});
            }
            if (!p.to.empty()) {
                args.insert(args.end(), {"--to", p.to});
            }
            auto r = report(k_examples / example, args);
            write(dir / "report.json", r.out);
            std::vector<std::string> check = {
                PLG_TEST_PYTHON,
                (fs::path(PLG_SOURCE_DIR) / "tests/report_check.py").string(),
                (k_examples / example).string(),
                (dir / "report.json").string(),
                "2026-11-23",
                p.from};
            if (!p.to.empty()) {
                check.push_back(p.to);
            }
            auto py = run(check, dir.path());
            INFO(example, " ", p.from, "..", p.to, "\n", r.err, py.out, py.err);
            CHECK(py.code == 0);
            if (py.out == "founded after the period\n") {
                ++refused;
                CHECK(r.code == 1);
                CHECK(r.out == "");
                CHECK(r.err.find("was founded on") != std::string::npos);
                CHECK(r.err.find("give a --to on or after") != std::string::npos);
            } else {
                CHECK(r.code == 0);
                CHECK(py.out.find("checked 22 summary numbers") != std::string::npos);
            }
        }
    }
    CHECK(refused == 3);  // riverside to 2025-12-31, both before September 2025
}

TEST_CASE("the reports pass markdownlint and convert with pandoc without warnings") {
    TempDir dir;
    for (const char* example : {"leerteam-rekenen", "riverside-maths"}) {
        for (const std::string& lang : plg::languages()) {
            fs::path out = dir / (std::string(example) + "-" + lang + ".md");
            auto r = run_plg({"-C", (k_examples / example).string(), "report", "--lang", lang, "-o",
                              out.string()},
                             dir.path());
            REQUIRE(r.code == 0);
            lint_and_convert(out);
        }
    }
}

TEST_CASE("text from records cannot break the report's layout or inject HTML") {
    Fixture team;
    const std::string evil =
        "a | b <script>alert(1)</script> <img src=x onerror=alert(2)> **bold** "
        "`code` [link](javascript:alert(3)) # kop";
    const std::string evil_lines = evil + "\n- lijst\n\n| x | y |";
    auto m =
        team({"meeting", "add", "--date", "2026-11-20", "--title", "| <b>Titel</b> |", "--attendee",
              "anna", "--decision", evil, "--action", "<i>x</i> | y @bram", "--minutes", "60"});
    INFO(m.err);
    REQUIRE(m.code == 0);
    REQUIRE(team({"goal", "add", "--title", "<script>doel</script> | 1. kop", "--id", "doel",
                  "--baseline", "0", "--target", "10"})
                .code == 0);
    REQUIRE(team({"goal", "progress", "doel", "--value", "5", "--evidence", evil_lines}).code == 0);
    REQUIRE(team({"reflect", "add", "--author", "carla", "--next-step", evil_lines, "--rate",
                  "collaboration=3"})
                .code == 0);
    auto r = team({"report", "-o", "verslag.md"});
    INFO(r.err);
    REQUIRE(r.code == 0);
    std::string md = read(team / "verslag.md");
    CHECK(md.find("<script") == std::string::npos);
    CHECK(md.find("<img") == std::string::npos);
    CHECK(md.find("<b>") == std::string::npos);
    // Every table row has as many cells as its header.
    std::istringstream lines(md);
    std::string line;
    size_t header_cells = 0;
    while (std::getline(lines, line)) {
        if (line.rfind("| ", 0) != 0) {
            header_cells = 0;
            continue;
        }
        size_t cells = 0;
        for (size_t i = 0; i < line.size(); ++i) {
            cells += line[i] == '|' && (i == 0 || line[i - 1] != '\\');
        }
        if (header_cells == 0) {
            header_cells = cells;
        }
        INFO(line);
        CHECK(cells == header_cells);
    }
    lint_and_convert(team / "verslag.md");
    std::string html = read(team / "verslag.html");
    CHECK(html.find("<script") == std::string::npos);
    // The only images are plg's own charts, in the folder beside the report.
    for (size_t at = html.find("<img"); at != std::string::npos; at = html.find("<img", at + 1)) {
        const std::string src = "src=\"verslag-charts/";
        CHECK(html.compare(html.find("src=", at), src.size(), src) == 0);
    }
    CHECK(html.find("href=\"javascript") == std::string::npos);
    // plg's own HTML, of the report and of the minutes: the user's text is text.
    // Notes (quoted with their lines) and the vision carry it too.
    auto meetings = nlohmann::json::parse(team({"meeting", "list", "--format", "json"}).out);
    const std::string id = meetings[0]["id"];
    std::string file = read(team / ("meetings/" + id + ".yaml"));
    write(team / ("meetings/" + id + ".yaml"),
          file + "notes: |\n  " + evil + "\n  - lijst\n\n  </blockquote><svg onload=alert(4)>\n");
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"report", "--format", "html"}, {"meeting", "show", id, "--format", "html"}}) {
        auto page = team(args);
        INFO(args[0], page.err);
        REQUIRE(page.code == 0);
        CHECK(page.out.find("<script") == std::string::npos);
        CHECK(page.out.find("<img") == std::string::npos);
        CHECK(page.out.find("<b>") == std::string::npos);
        CHECK(page.out.find("<i>") == std::string::npos);
        CHECK(page.out.find("<svg onload") == std::string::npos);
        CHECK(page.out.find("</blockquote><svg") == std::string::npos);
        CHECK(page.out.find("href=\"javascript") == std::string::npos);
        CHECK(page.out.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
        // Every <svg> is plg's own chart.
        for (size_t at = page.out.find("<svg"); at != std::string::npos;
             at = page.out.find("<svg", at + 1)) {
            const std::string own = "<svg xmlns=\"http://www.w3.org/2000/svg\" data-chart=";
            CHECK(page.out.compare(at, own.size(), own) == 0);
        }
    }
}

TEST_CASE("plg report: periods, output file and errors") {
    Fixture team;
    auto empty = team({"report"});
    INFO(empty.err);
    CHECK(empty.code == 0);
    CHECK(empty.out.find("---\ntitle: \"Leerteam rekenen: Verslag\"\n") == 0);
    // Founded 83 days ago and never met: more than 4 cadences (56 days), dormant.
    CHECK(empty.out.find("- **Status**: slapend") != std::string::npos);
    CHECK(empty.out.find("## Bijeenkomsten") == std::string::npos);  // nothing to say: left out
    auto json = nlohmann::json::parse(team({"report", "--format", "json"}).out);
    CHECK(json["summary"]["status"] == "dormant");
    CHECK(json["summary"]["meetings_held"] == 0);
    CHECK(json["summary"]["attendance_percent"].is_null());

    auto written = team({"report", "--lang", "en", "-o", "report.md"});
    CHECK(written.code == 0);
    CHECK(written.out.empty());
    CHECK(written.err == "Wrote report.md\n");
    CHECK(read(team / "report.md").find("---\ntitle: \"Leerteam rekenen: Report\"\n") == 0);

    struct Case {
        std::vector<std::string> args;
        int code;
        std::string message;
    };
    std::vector<Case> cases = {
        {{"report", "--lang", "de"}, 2, "--lang"},
        {{"report", "--format", "xml"}, 2, "--format"},
        {{"report", "--charts", "svg"},
         2,
         "--charts svg writes the charts as files beside the report"},
        {{"report", "--format", "html", "--charts", "text"}, 2, "--charts is for --format md"},
        {{"report", "--from", "2026-11-01", "--to", "2026-10-01"},
         2,
         "--from 2026-11-01 is after --to 2026-10-01"},
        {{"report", "--from", "2026-13-01"}, 2, "is not a date"},
        {{"report", "-o", "meetings"}, 1, "is a folder"},
        {{"report", "-o", "missing/dir/report.md"},
         1,
         "-o missing/dir/report.md: the folder 'missing/dir' does not exist"},
        // A report written over a record would lose it (found by fuzz_cli's oracle).
        {{"report", "-o", "plg.yaml"}, 1, "-o plg.yaml is a record of a PLG"},
        {{"report", "-o", "goals/../plg.yaml"}, 1, "is a record of a PLG"},
        {{"report", "-o", "meetings/verslag.yaml"}, 1, "is a record of a PLG"},
        {{"network", "report", ".", "-o", "plg.yaml"}, 1, "is a record of a PLG"},
    };
    auto before = snapshot(team.dir.path());
    for (const auto& c : cases) {
        auto r = team(c.args);
        INFO(c.args[1], " ", r.err);
        CHECK(r.code == c.code);
        CHECK(r.err.find(c.message) != std::string::npos);
    }
    CHECK(snapshot(team.dir.path()) == before);
}

TEST_CASE("the minutes of a meeting: who came, what was agreed, what is still open, what next") {
    const fs::path team = k_examples / "leerteam-rekenen";
    auto show = [&](std::vector<std::string> args) {
        args.insert(args.begin(), {"-C", team.string(), "meeting", "show"});
        return run_plg(args, team);
    };
    auto md = show({"2026-01-20-bijsturen-h5v1", "--format", "md"});
    INFO(md.err);
    REQUIRE(md.code == 0);
    CHECK(md.out.find("---\ntitle: \"Notulen: Bijsturen na de kerstvakantie\"\n") == 0);
    for (const char* line :
         {"- **Gespreksleider**: Dirk van Dam\n", "- **Duur**: 45 minuten\n",
          "- **Aanwezig**: Anna de Vries, Bram Jansen, Dirk van Dam, Gijs Mulder (4/6)\n",
          // Absent with the reason given; one without a reason.
          "- **Afwezig**: Carla Öztürk, Eva Bakker (ziek)\n",
          "- Doel 'ouders betrekken' stopt; oefentijd in de klas gaat voor\n",
          // The action agreed here, as it was agreed (done later, on 26 January).
          "| Planning tweede helft schooljaar rondsturen | Anna de Vries | 27 januari 2026 |\n",
          // An earlier meeting's action, still open that day, taken up again here with a
          // new due date.
          "## Openstaande acties uit eerdere bijeenkomsten\n",
          "| Rekenmuurtjes voor de tafels van 7 maken | Bram Jansen | 6 februari 2026; in deze "
          "bijeenkomst opnieuw opgepakt | 25 november 2025 |\n",
          "- Ouders oefenen thuis mee met de tafelkaart: laatste meting 6 op 1 december 2025, "
          "doel 30\n",
          "## Volgende bijeenkomst\n\n10 februari 2026: Tussenmeting en verrijking\n"}) {
        INFO(line);
        CHECK(md.out.find(line) != std::string::npos);
    }
    // Other actions open that day: none but the one carried (the rest were done by then).
    CHECK(md.out.find("Oefenkaart voor ouders maken") == std::string::npos);
    // The last meeting: the next one by the cadence, said to be not yet planned.
    auto last = show({"2026-11-10-oefenbladen-uitproberen-jbe3", "--format", "md", "--lang", "en"});
    REQUIRE(last.code == 0);
    CHECK(last.out.find("## Next meeting\n\n1 December 2026 (by the cadence; not yet planned)\n") !=
          std::string::npos);
    // HTML: one page, the same content, no script.
    auto html = show({"2026-01-20-bijsturen-h5v1", "--format", "html"});
    REQUIRE(html.code == 0);
    CHECK(html.out.find("<!DOCTYPE html>\n<html lang=\"nl\">") == 0);
    CHECK(html.out.find("<h1>Notulen: Bijsturen na de kerstvakantie</h1>") != std::string::npos);
    CHECK(html.out.find("<li><strong>Afwezig</strong>: Carla Öztürk, Eva Bakker (ziek)</li>") !=
          std::string::npos);
    CHECK(html.out.find("<script") == std::string::npos);
    // -o writes the file; its errors name the flag; text has no -o.
    TempDir dir;
    auto written = show(
        {"2026-01-20-bijsturen-h5v1", "--format", "html", "-o", (dir / "notulen.html").string()});
    CHECK(written.code == 0);
    CHECK(read(dir / "notulen.html") == html.out);
    auto text_o = show({"2026-01-20-bijsturen-h5v1", "-o", (dir / "x.txt").string()});
    CHECK(text_o.code == 2);
    CHECK(text_o.err.find("-o is for --format md or html") != std::string::npos);
    CHECK(!fs::exists(dir / "x.txt"));
    auto unknown = show({"2099-01-01-nope", "--format", "md"});
    CHECK(unknown.code != 0);
    CHECK(unknown.out.empty());
    // Every meeting's minutes of both examples, in two languages, pass markdownlint
    // (one run over them all) and convert with pandoc without a warning.
    std::vector<std::string> files;
    for (const char* example : {"leerteam-rekenen", "riverside-maths"}) {
        auto list =
            run_plg({"-C", (k_examples / example).string(), "meeting", "list", "--format", "json"},
                    dir.path());
        REQUIRE(list.code == 0);
        for (const auto& m : nlohmann::json::parse(list.out)) {
            for (const char* lang : {"en", "nl"}) {
                fs::path out = dir / (m["id"].get<std::string>() + "-" + lang + ".md");
                auto r = run_plg(
                    {"-C", (k_examples / example).string(), "--lang", lang, "meeting", "show",
                     m["id"].get<std::string>(), "--format", "md", "-o", out.string()},
                    dir.path());
                REQUIRE(r.code == 0);
                files.push_back(out.string());
                auto pandoc = run({PLG_TEST_PANDOC, "--fail-if-warnings", "-s", out.string(), "-o",
                                   out.string() + ".html"},
                                  dir.path());
                INFO(out.string(), pandoc.err);
                CHECK(pandoc.code == 0);
                CHECK(pandoc.err.empty());
            }
        }
    }
    REQUIRE(std::string(PLG_TEST_MARKDOWNLINT) != "");
    files.insert(files.begin(),
                 {PLG_TEST_MARKDOWNLINT, "--config",
                  (fs::path(PLG_SOURCE_DIR) / "docs/report.markdownlint.yaml").string()});
    auto lint = run(files, dir.path());
    INFO(lint.out, lint.err);
    CHECK(lint.code == 0);
}
