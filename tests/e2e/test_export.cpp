// plg export: the tables in CSV, SQLite and xlsx, judged by their real clients
// (tests/export_check.py: Python's csv, the sqlite3 shell, openpyxl), and every
// way the destination can be wrong.

#include <nlohmann/json.hpp>

#include "e2e.hpp"

using namespace plg::test;

namespace {

struct Period {
    std::string from;
    std::string to;
};

std::vector<std::string> with_period(std::vector<std::string> args, const Period& p) {
    if (!p.from.empty()) {
        args.insert(args.end(), {"--from", p.from});
    }
    if (!p.to.empty()) {
        args.insert(args.end(), {"--to", p.to});
    }
    return args;
}

// Exports `paths` in all three formats over `p` and has export_check.py judge
// them against the network report of the same period. Returns the rows checked.
void export_and_check(const TempDir& dir, const std::vector<std::string>& paths, const Period& p,
                      bool anonymise) {
    REQUIRE_MESSAGE(std::string(PLG_TEST_PYTHON) != "", "python3 with openpyxl is needed");
    REQUIRE_MESSAGE(std::string(PLG_TEST_SQLITE3) != "", "the sqlite3 shell is needed");
    fs::remove_all(dir / "out");
    fs::create_directories(dir / "out");
    for (const char* format : {"csv", "sqlite", "xlsx"}) {
        std::vector<std::string> args = {"export"};
        args.insert(args.end(), paths.begin(), paths.end());
        args.insert(args.end(), {"--format", format, "-o", std::string("out/export.") + format});
        if (anonymise) {
            args.push_back("--anonymise");
        }
        auto r = run_plg(with_period(args, p), dir.path());
        INFO(format, " ", p.from, "..", p.to, "\n", r.err);
        REQUIRE(r.code == 0);
        CHECK(r.out.empty());
        CHECK(r.err.find("Exported ") == 0);
    }
    std::vector<std::string> args = {"network", "report"};
    args.insert(args.end(), paths.begin(), paths.end());
    args.insert(args.end(), {"--format", "json"});
    auto net = run_plg(with_period(args, p), dir.path());
    REQUIRE(net.code == 0);
    write(dir / "out/network.json", net.out);
    std::vector<std::string> check = {PLG_TEST_PYTHON,
                                      (fs::path(PLG_SOURCE_DIR) / "tests/export_check.py").string(),
                                      (dir / "out/export.csv").string(),
                                      (dir / "out/export.sqlite").string(),
                                      (dir / "out/export.xlsx").string(),
                                      (dir / "out/network.json").string(),
                                      dir.path().string()};
    if (anonymise) {
        check.push_back("--anonymised");
    }
    auto py = run(check, dir.path(), "",
                  {{"PATH", fs::path(PLG_TEST_SQLITE3).parent_path().string() + ":/usr/bin:/bin"}});
    INFO(p.from, "..", p.to, " anonymised: ", anonymise, "\n", py.out, py.err);
    CHECK(py.code == 0);
    CHECK(py.out.find("checked ") != std::string::npos);
}

}  // namespace

TEST_CASE(
    "the examples' exports read the same in csv, sqlite3 and openpyxl, and agree with the "
    "report, over periods") {
    TempDir dir;
    copy_example("riverside-maths", dir / "riverside-maths");
    copy_example("leerteam-rekenen", dir / "leerteam-rekenen");
    for (const auto& p : {Period{"", ""}, Period{"2025-09-01", "2026-01-31"},
                          Period{"", "2026-03-15"}, Period{"2026-02-01", "2026-06-30"}}) {
        export_and_check(dir, {"riverside-maths", "leerteam-rekenen"}, p, false);
    }
    export_and_check(dir, {"riverside-maths", "leerteam-rekenen"}, {}, true);
}

TEST_CASE(
    "a generated network's exports agree with the network report, with labels, over "
    "periods") {
    TempDir dir;
    auto gen = run({PLG_TEST_PYTHON, (fs::path(PLG_SOURCE_DIR) / "bench/generate.py").string(),
                    (dir / "net").string(), "--plgs", "12", "--records", "40", "--seed", "3"},
                   dir.path());
    REQUIRE(gen.code == 0);
    REQUIRE(fs::exists(dir / "net/network.yaml"));
    for (const auto& p : {Period{"", ""}, Period{"", "2024-12-31"},
                          Period{"2025-09-01", "2026-07-31"}, Period{"2023-01-01", "2023-12-31"}}) {
        export_and_check(dir, {"net/network.yaml"}, p, false);
    }
    export_and_check(dir, {"net/network.yaml"}, {"2025-01-01", ""}, true);
    // The benchmark's Python reference writes the same 20 tables, value for value.
    auto all = run_plg({"export", "net", "--format", "csv", "-o", "all"}, dir.path());
    REQUIRE(all.code == 0);
    auto ref =
        run({PLG_TEST_PYTHON, (fs::path(PLG_SOURCE_DIR) / "bench/export_reference.py").string(),
             "net", "2026-11-23", "python"},
            dir.path());
    INFO(ref.err);
    REQUIRE(ref.code == 0);
    auto same =
        run({PLG_TEST_PYTHON, (fs::path(PLG_SOURCE_DIR) / "bench/export_reference.py").string(),
             "--compare", "all", "python"},
            dir.path());
    INFO(same.out, same.err);
    CHECK(same.code == 0);
    // network.yaml's labels are columns of plgs.
    auto r =
        run_plg({"export", "net/network.yaml", "--format", "csv", "-o", "labelled"}, dir.path());
    REQUIRE(r.code == 0);
    std::string plgs = read(dir / "labelled/plgs.csv");
    CHECK(plgs.substr(0, plgs.find('\r')).find(",label_") != std::string::npos);
}

TEST_CASE("export of the current PLG; the same records give the same CSV bytes") {
    Fixture f;
    REQUIRE(
        f({"meeting", "add", "--date", "2026-09-15", "--title", "Start, \"samen\"", "--attendee",
           "anna", "--attendee", "bram", "--absent", "carla", "--minutes", "60", "--notes",
           "regel een\nregel twee", "--action", "Toets klaarzetten @bram due:2026-09-22"})
            .code == 0);
    auto r = f({"export", "--format", "csv", "-o", "data"});
    INFO(r.err);
    REQUIRE(r.code == 0);
    CHECK(r.err == "Exported 1 PLG (1 meetings, 22 rows in 20 tables) to data\n");
    std::string meetings = read(f / "data/meetings.csv");
    std::string plg_id = f.dir.path().filename().string();
    // RFC 4180: quoted when a field holds a comma, a quote or a line break; CRLF between rows.
    CHECK(meetings.find("\r\n" + plg_id + ",2026-09-15-start-samen-") != std::string::npos);
    CHECK(meetings.find(",\"Start, \"\"samen\"\"\",,60,1,2,3,0,") != std::string::npos);
    CHECK(meetings.find(",\"regel een\nregel twee\",0,0,1\r\n") != std::string::npos);
    CHECK(read(f / "data/attendance.csv").find(",carla,0,\r\n") != std::string::npos);
    CHECK(read(f / "data/hours.csv").find(plg_id + ",bram,") != std::string::npos);
    CHECK(read(f / "data/codebook.md").find("## attendance\n") != std::string::npos);
    if (std::string(PLG_TEST_MARKDOWNLINT) != "") {
        auto lint = run({PLG_TEST_MARKDOWNLINT, "--config",
                         (fs::path(PLG_SOURCE_DIR) / "docs/report.markdownlint.yaml").string(),
                         "data/codebook.md"},
                        f.dir.path());
        INFO(lint.out, lint.err);
        CHECK(lint.code == 0);
    }
    auto before = snapshot(f / "data");
    // Again into the same folder: plg's own files are replaced, with the same bytes.
    auto again = f({"export", "--format", "csv", "-o", "data", "-q"});
    REQUIRE(again.code == 0);
    CHECK(again.err.empty());
    CHECK(snapshot(f / "data") == before);
    // Nothing temporary is left behind.
    CHECK(files_in(f / "data").size() == 22);
}

TEST_CASE("export refuses a destination it would lose something in, and leaves it as it was") {
    Fixture f;
    fs::create_directories(f / "mine");
    write(f / "mine/notes.txt", "mine\n");
    auto r = f({"export", "--format", "csv", "-o", "mine"});
    CHECK(r.code == 1);
    CHECK(r.err ==
          "plg: error: -o mine holds 'notes.txt', which plg export did not write; give an empty "
          "or new folder (plg replaces only its own files there)\n");
    CHECK(files_in(f / "mine") == std::vector<std::string>{"notes.txt"});

    write(f / "file.csv", "x\n");
    r = f({"export", "--format", "csv", "-o", "file.csv"});
    CHECK(r.code == 1);
    CHECK(r.err.find("-o file.csv is a file; CSV export writes a folder") != std::string::npos);

    r = f({"export", "--format", "sqlite", "-o", "mine"});
    CHECK(r.code == 1);
    CHECK(r.err == "plg: error: -o mine is a folder; give a file name, like export.sqlite\n");

    r = f({"export", "--format", "xlsx", "-o", "plg.yaml"});
    CHECK(r.code == 1);
    CHECK(r.err.find("-o plg.yaml is a record of a PLG") != std::string::npos);

    r = f({"export", "--format", "sqlite", "-o", "no/such/folder/x.sqlite"});
    CHECK(r.code == 1);
    CHECK(r.err.find("the folder 'no/such/folder' does not exist") != std::string::npos);
    r = f({"export", "--format", "csv", "-o", "no/such"});
    CHECK(r.code == 1);
    CHECK(r.err.find("-o no/such: the folder that would hold it does not exist") !=
          std::string::npos);
    CHECK(!fs::exists(f / "no"));

    // The PLG is as it was, and no temporary file is left.
    auto files = snapshot(f.dir.path());
    CHECK(files.count("plg.yaml") == 1);
    for (const auto& [name, text] : files) {
        CHECK(name.find(".tmp") == std::string::npos);
    }
}

TEST_CASE("export usage errors exit 2 and say what is missing") {
    Fixture f;
    auto r = f({"export", "-o", "x"});
    CHECK(r.code == 2);
    CHECK(r.err.find("--format") != std::string::npos);
    r = f({"export", "--format", "csv"});
    CHECK(r.code == 2);
    CHECK(r.err.find("--output") != std::string::npos);
    r = f({"export", "--format", "parquet", "-o", "x"});
    CHECK(r.code == 2);
    CHECK(r.err.find("parquet") != std::string::npos);
    r = f({"export", "--format", "csv", "-o", "x", "--from", "2026-10-01", "--to", "2026-09-01"});
    CHECK(r.code == 2);
    CHECK(r.err.find("plg: error: --from 2026-10-01 is after --to 2026-09-01\n") == 0);
    CHECK(!fs::exists(f / "x"));
    r = f({"export", "--format", "sqlite", "-o", "-"});
    CHECK(r.code == 2);
    CHECK(r.err.find("plg: error: -o -: an export is files, not a stream; give a folder (csv) or "
                     "a file name (sqlite, xlsx), like export.sqlite\n") == 0);
    TempDir empty;
    r = run_plg({"export", "--format", "csv", "-o", "x"}, empty.path());
    CHECK(r.code == 1);
    CHECK(r.err.find("no PLG found") != std::string::npos);
    CHECK(!fs::exists(empty / "x"));
}

TEST_CASE("export of PLGs with broken files writes what can be read and exits 1") {
    TempDir dir;
    copy_example("riverside-maths", dir / "net/riverside-maths");
    copy_example("leerteam-rekenen", dir / "net/leerteam-rekenen");
    write(dir / "net/leerteam-rekenen/meetings/2026-01-05-kapot.yaml", "date: [\n");
    fs::create_directories(dir / "net/not-a-plg-yet/meetings");
    write(dir / "net/empty/plg.yaml", "name: [\n");
    auto r = run_plg({"export", "net", "--format", "sqlite", "-o", "net.sqlite"}, dir.path());
    INFO(r.err);
    CHECK(r.code == 1);
    CHECK(r.err.find("Exported 2 PLGs") == 0);
    CHECK(r.err.find("net/leerteam-rekenen/meetings/2026-01-05-kapot.yaml:") != std::string::npos);
    CHECK(r.err.find("net/empty/plg.yaml:") != std::string::npos);
    CHECK(r.err.find("plg: error: 2 PLGs have files with errors, which the export leaves out") !=
          std::string::npos);
    REQUIRE(fs::exists(dir / "net.sqlite"));
    auto q = run({PLG_TEST_SQLITE3, (dir / "net.sqlite").string(),
                  "SELECT count(*) FROM plgs; SELECT count(*) FROM meetings WHERE meeting LIKE "
                  "'%kapot%'"},
                 dir.path());
    CHECK(q.out == "2\n0\n");
}

TEST_CASE("PLGs founded after the period are left out of the export, and said") {
    TempDir dir;
    copy_example("riverside-maths", dir / "riverside-maths");
    auto r =
        run_plg({"export", "riverside-maths", "--format", "csv", "-o", "old", "--to", "2020-01-01"},
                dir.path());
    INFO(r.err);
    CHECK(r.code == 0);
    CHECK(r.err ==
          "Exported 0 PLGs (0 meetings, 0 rows in 20 tables) to old\n"
          "plg: left out 1 PLG founded after the period: riverside-maths\n");
    CHECK(read(dir / "old/plgs.csv") ==
          "plg,name,school,founded,origin,language,cadence_days,members,period_from,period_to\r\n");
}
