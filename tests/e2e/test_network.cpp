// plg network report: many PLG folders, broken ones included.

#include <nlohmann/json.hpp>

#include <pwd.h>
#include <unistd.h>

#include "e2e.hpp"

using namespace plg::test;

TEST_CASE("network report rows agree with each PLG's own report") {
    auto r = run_plg({"network", "report", k_examples.string(), "--format", "json"}, k_examples);
    INFO(r.err);
    REQUIRE(r.code == 0);
    auto json = nlohmann::json::parse(r.out);
    REQUIRE(json["plgs"].size() == 2);
    for (const auto& row : json["plgs"]) {
        auto own = run_plg({"-C", (k_examples / row["path"].get<std::string>()).string(), "report",
                            "--format", "json"},
                           k_examples);
        REQUIRE(own.code == 0);
        auto summary = nlohmann::json::parse(own.out)["summary"];
        INFO(row["path"]);
        for (const char* key : {"meetings_held", "meetings_expected", "attendance_percent",
                                "person_hours", "actions_open", "actions_overdue", "reflections",
                                "last_meeting", "days_since_last_meeting", "status"}) {
            CHECK(row[key] == summary[key]);
        }
        CHECK(row["goals_achieved"] == summary["goals_achieved"]);
    }
    CHECK(json["totals"]["plgs"] == 2);
    CHECK(json["totals"]["meetings_held"] == json["plgs"][0]["meetings_held"].get<int>() +
                                                 json["plgs"][1]["meetings_held"].get<int>());
}

TEST_CASE("a broken PLG gets its row and the rest is reported") {
    TempDir dir;
    copy_example("riverside-maths", dir / "clones/riverside");
    copy_example("leerteam-rekenen", dir / "clones/leerteam");
    fs::create_directories(dir / "clones/kapot/meetings");
    write(dir / "clones/kapot/plg.yaml", "name: Kapot\nmembers:\n  - id: a\n\tname: A\n");
    // A broken meeting in an otherwise good PLG.
    write(dir / "clones/leerteam/meetings/2026-11-20-kapot-abcd.yaml",
          "date: 2026-11-20\ntitle: Dubbel\ntitle: Twee keer\n");
    // A dormant PLG: it last met long ago.
    run_plg({"init", "clones/slapend", "--name", "Slapend", "--cadence", "14", "-q"}, dir.path());
    run_plg(
        {"-C", "clones/slapend", "meeting", "add", "--date", "2025-01-10", "--title", "Eens", "-q"},
        dir.path());

    auto r = run_plg({"network", "report", "clones", "--format", "json"}, dir.path());
    CHECK(r.code == 1);
    CHECK(r.err.find("clones/kapot/plg.yaml:4:1: error:") != std::string::npos);
    CHECK(r.err.find("clones/leerteam/meetings/2026-11-20-kapot-abcd.yaml:3:1: error: duplicate "
                     "key 'title'") != std::string::npos);
    CHECK(r.err.find("2 of 4 PLGs have files with errors") != std::string::npos);
    auto json = nlohmann::json::parse(r.out);
    REQUIRE(json["plgs"].size() == 4);
    // Those needing attention first: unreadable, then dormant, then active.
    CHECK(json["plgs"][0]["path"] == "clones/kapot");
    CHECK(json["plgs"][0]["status"] == "unreadable");
    CHECK(json["plgs"][1]["name"] == "Slapend");
    CHECK(json["plgs"][1]["status"] == "dormant");
    CHECK(json["totals"]["unreadable"] == 1);
    for (const auto& row : json["plgs"]) {
        if (row["path"] == "clones/leerteam") {
            CHECK(row["files_with_errors"] == 1);
            CHECK(row["meetings_held"] == 11);  // the broken meeting is left out
        }
    }
    auto md = run_plg({"network", "report", "clones", "--lang", "nl"}, dir.path());
    CHECK(md.code == 1);
    CHECK(md.out.find("## Problemen") != std::string::npos);
    CHECK(md.out.find("clones/kapot, 1 bestand met fouten: clones/kapot/plg.yaml:4:1") !=
          std::string::npos);
    CHECK(md.out.find("## Aandacht nodig") != std::string::npos);
    CHECK(md.out.find("- Slapend: slapend, laatste bijeenkomst 10 januari 2025") !=
          std::string::npos);
}

TEST_CASE("network.yaml lists PLGs with labels to group by") {
    TempDir dir;
    copy_example("riverside-maths", dir / "clones/riverside");
    copy_example("leerteam-rekenen", dir / "clones/leerteam");
    write(dir / "network.yaml",
          "# the programme's PLGs\n"
          "plgs:\n"
          "  - path: clones/riverside\n"
          "    labels: {district: Motheo, cluster: \"3\"}\n"
          "  - path: clones/leerteam\n"
          "    labels:\n"
          "      district: Utrecht\n");
    auto r = run_plg({"network", "report", "network.yaml", "-o", "net.md"}, dir.path());
    INFO(r.err);
    CHECK(r.code == 0);
    std::string md = read(dir / "net.md");
    CHECK(md.find("| PLG | Folder | School | cluster | district | Status |") != std::string::npos);
    CHECK(md.find("## By district") != std::string::npos);
    CHECK(md.find("| Motheo | 1 | 1 | 0 | 0 | 12 | 70.9 |") != std::string::npos);
    if (std::string(PLG_TEST_MARKDOWNLINT) != "") {
        auto lint =
            run({PLG_TEST_MARKDOWNLINT, "--config",
                 (fs::path(PLG_SOURCE_DIR) / "docs/report.markdownlint.yaml").string(), "net.md"},
                dir.path());
        INFO(lint.out, lint.err);
        CHECK(lint.code == 0);
    }
    if (std::string(PLG_TEST_PANDOC) != "") {
        auto pandoc =
            run({PLG_TEST_PANDOC, "--fail-if-warnings", "-f", "gfm", "net.md", "-o", "net.docx"},
                dir.path());
        INFO(pandoc.err);
        CHECK(pandoc.code == 0);
    }

    write(dir / "bad.yaml", "plgs:\n  - path: clones/riverside\n    lables: {a: b}\n  - {}\n");
    auto bad = run_plg({"network", "report", "bad.yaml", "--format", "json"}, dir.path());
    CHECK(bad.code == 1);
    CHECK(bad.err.find("bad.yaml:3:5: error: unknown key 'lables' in a network entry; did you "
                       "mean 'labels'?") != std::string::npos);
    CHECK(bad.err.find("bad.yaml:4:5: error: each entry of 'plgs' needs 'path: FOLDER'") !=
          std::string::npos);
    CHECK(nlohmann::json::parse(bad.out)["plgs"].size() == 1);
    // The list is at fault, not the PLGs: the summary says so, not "0 of 1 PLGs".
    CHECK(bad.err.find("0 of 1") == std::string::npos);
    CHECK(bad.err.find("plg: the list of PLGs has errors (above)") != std::string::npos);

    // A PLG named twice with different labels is counted once, and the second is warned about.
    write(dir / "twice.yaml",
          "plgs:\n  - path: clones/riverside\n    labels: {district: Motheo}\n  - path: clones\n"
          "    labels: {district: Xhariep}\n");
    auto twice = run_plg({"network", "report", "twice.yaml", "--format", "json"}, dir.path());
    CHECK(twice.code == 0);
    CHECK(twice.err.find("twice.yaml:4:11: warning: the PLG clones/riverside is named again here "
                         "with the labels {district: Xhariep}; it is counted once, with the "
                         "labels given first (twice.yaml:2:11: {district: Motheo})") !=
          std::string::npos);
    auto rows = nlohmann::json::parse(twice.out)["plgs"];
    CHECK(rows.size() == 2);

    // Regression: a network file that lists itself, or two that list each other,
    // recursed until the stack ran out (exit 139).
    write(dir / "self.yaml", "plgs:\n  - path: self.yaml\n  - path: clones/riverside\n");
    auto self = run_plg({"network", "report", "self.yaml", "--format", "json"}, dir.path());
    CHECK(self.code == 1);
    CHECK(self.err.find("self.yaml:2:11: error: 'self.yaml' is a network file that is already "
                        "being read (it lists itself, directly or through another)") !=
          std::string::npos);
    CHECK(nlohmann::json::parse(self.out)["plgs"].size() == 1);
    write(dir / "a.yaml", "plgs:\n  - path: b.yaml\n");
    write(dir / "b.yaml", "plgs:\n  - path: a.yaml\n  - path: clones/leerteam\n");
    auto pair = run_plg({"network", "report", "a.yaml", "--format", "json"}, dir.path());
    CHECK(pair.code == 1);
    CHECK(pair.err.find("is a network file that is already being read") != std::string::npos);
    CHECK(nlohmann::json::parse(pair.out)["plgs"].size() == 1);
}

TEST_CASE("network report usage errors and missing paths") {
    TempDir dir;
    CHECK(run_plg({"network", "report"}, dir.path()).code == 2);
    CHECK(run_plg({"network"}, dir.path()).code == 2);
    auto missing = run_plg({"network", "report", "nergens"}, dir.path());
    CHECK(missing.code == 1);
    CHECK(
        missing.err.find("nergens: error: 'nergens' is neither a folder nor a network.yaml file") !=
        std::string::npos);
    auto empty = run_plg({"network", "report", "."}, dir.path());
    CHECK(empty.code == 0);
    CHECK(empty.err.find("warning: no PLG") != std::string::npos);
    CHECK(run_plg({"network", "report", ".", "--from", "2026-02-01", "--to", "2026-01-01"},
                  dir.path())
              .code == 2);
}

TEST_CASE("the network cache is never stale") {
    TempDir dir;
    copy_example("leerteam-rekenen", dir / "net/leerteam");
    copy_example("riverside-maths", dir / "net/riverside");
    auto both = [&] {
        auto cached = run_plg({"network", "report", "net", "--format", "json"}, dir.path());
        auto fresh =
            run_plg({"network", "report", "net", "--format", "json", "--no-cache"}, dir.path());
        REQUIRE(cached.code == fresh.code);
        CHECK(cached.out == fresh.out);
        return nlohmann::json::parse(fresh.out);
    };
    auto row = [](const nlohmann::json& j, const std::string& path) {
        for (const auto& r : j["plgs"]) {
            if (r["path"] == path) {
                return r;
            }
        }
        return nlohmann::json();
    };
    auto first = both();
    REQUIRE(fs::exists(dir / "net/leerteam/.plg/network-row.json"));
    CHECK(both() == first);

    SUBCASE("an edit that keeps the size and the modification time") {
        fs::path file;
        for (const auto& e : fs::directory_iterator(dir / "net/riverside/meetings")) {
            if (e.path().filename().string().rfind("2026-11-03", 0) == 0) {
                file = e.path();
            }
        }
        REQUIRE(!file.empty());
        auto when = fs::last_write_time(file);
        std::string text = read(file);
        size_t at = text.find("minutes: 60");
        REQUIRE(at != std::string::npos);
        text.replace(at, 11, "minutes: 90");
        write(file, text);
        fs::last_write_time(file, when);
        auto after = both();
        CHECK(row(after, "net/riverside")["person_hours"].get<double>() ==
              doctest::Approx(row(first, "net/riverside")["person_hours"].get<double>() + 2.5));
    }
    SUBCASE("a record added, a record removed") {
        REQUIRE(run_plg({"-C", "net/leerteam", "meeting", "add", "--date", "2026-11-22", "--title",
                         "Extra", "--attendee", "anna", "-q"},
                        dir.path())
                    .code == 0);
        auto added = both();
        CHECK(row(added, "net/leerteam")["meetings_held"] ==
              row(first, "net/leerteam")["meetings_held"].get<int>() + 1);
        for (const auto& e : fs::directory_iterator(dir / "net/leerteam/reflections")) {
            fs::remove(e.path());
            break;
        }
        auto removed = both();
        CHECK(row(removed, "net/leerteam")["reflections"] ==
              row(first, "net/leerteam")["reflections"].get<int>() - 1);
    }
    SUBCASE("a git checkout of an older state") {
        REQUIRE_MESSAGE(std::string(PLG_TEST_GIT) != "", "git is needed");
        fs::path repo = dir / "net/riverside";
        auto git = [&](std::vector<std::string> args) {
            args.insert(args.begin(), PLG_TEST_GIT);
            return run(args, repo, "", k_git_env);
        };
        REQUIRE(git({"init", "-q"}).code == 0);
        git({"add", "-A"});
        REQUIRE(git({"commit", "-qm", "all"}).code == 0);
        for (const auto& e : fs::directory_iterator(repo / "meetings")) {
            if (e.path().filename().string().rfind("2026-1", 0) == 0) {
                fs::remove(e.path());
            }
        }
        git({"add", "-A"});
        REQUIRE(git({"commit", "-qm", "fewer"}).code == 0);
        auto fewer = both();
        CHECK(row(fewer, "net/riverside")["meetings_held"] == 10);
        REQUIRE(git({"checkout", "-q", "HEAD~1"}).code == 0);
        CHECK(both() == first);
    }
    SUBCASE("a damaged cache is read past") {
        write(dir / "net/leerteam/.plg/network-row.json", "{\"key\": 1, garbage");
        CHECK(both() == first);
        write(dir / "net/leerteam/.plg/network-row.json", "");
        CHECK(both() == first);
    }
    SUBCASE("a cache edited by hand, with its key intact, is not trusted") {
        // Regression: an edited status indexed the labels (1000000000 crashed), a
        // cadence of 0 divided by zero.
        both();
        fs::path cache = dir / "net/leerteam/.plg/network-row.json";
        auto good = nlohmann::json::parse(read(cache));
        // (Not a structured binding: clang 14 cannot capture one in INFO's lambda.)
        for (const auto& change :
             {std::pair{"status", 1000000000}, std::pair{"status", -1}, std::pair{"cadence", 0}}) {
            auto edited = good;
            edited[change.first] = change.second;
            write(cache, edited.dump());
            INFO(change.first, " ", change.second);
            CHECK(both() == first);
        }
    }
    SUBCASE("another period or another day is not taken from the cache") {
        auto period = run_plg(
            {"network", "report", "net", "--format", "json", "--from", "2026-09-01"}, dir.path());
        auto period_fresh = run_plg(
            {"network", "report", "net", "--format", "json", "--from", "2026-09-01", "--no-cache"},
            dir.path());
        CHECK(period.out == period_fresh.out);
        CHECK(period.out !=
              run_plg({"network", "report", "net", "--format", "json"}, dir.path()).out);
    }
}

TEST_CASE("the benchmark's generator and Python reference agree with plg (small run)") {
    REQUIRE_MESSAGE(std::string(PLG_TEST_PYTHON) != "", "python3 with PyYAML is needed");
    REQUIRE_MESSAGE(fs::exists("/usr/bin/time"), "GNU time is needed; run scripts/install-deps");
    REQUIRE_MESSAGE(fs::exists("/usr/bin/strace"), "strace is needed; run scripts/install-deps");
    TempDir dir;
    auto r = run(
        {PLG_TEST_PYTHON, (fs::path(PLG_SOURCE_DIR) / "bench/run").string(), "--plg", PLG_BINARY,
         "--dir", dir.path().string(), "--plgs", "6", "--records", "40", "--runs", "1"},
        dir.path());
    INFO(r.out, r.err);
    CHECK(r.code == 0);
    CHECK(r.out.find("plg and the Python reference agree on 6 PLGs") != std::string::npos);
    // Every side of every comparison is printed, with its ratio.
    for (const char* line :
         {"| `plg network report`, repeated over unchanged files |",
          "| PyYAML CSafeLoader only loading every file (`bench/pyyaml_load.py`) |",
          "| yaml-cpp's bare event parse of every file, 1 thread (`plg-yaml-events`) |",
          "- plg's cold CPU time against yaml-cpp's bare event parse: **",
          "- cold report against PyYAML merely loading the files: **",
          "- warm run against the `find` walk: **", "- one new meeting against a warm run: **",
          "- cores kept busy on the uneven network (CPU time / wall time): **", "| `plg check` |",
          "| `plg action done` (an edit in place, fsync) |",
          "- CSV export against the Python script: **"}) {
        CHECK_MESSAGE(r.out.find(line) != std::string::npos, line);
    }
    // strace counted the files each write opened: only those it needs.
    CHECK(r.out.find("| `plg goal progress` | 2 | plg.yaml and the goal |") != std::string::npos);
    CHECK(r.out.find("| `plg action done` | 2 | plg.yaml and the action's meeting |") !=
          std::string::npos);
    CHECK(r.out.find("Each write opened exactly the records it needs") != std::string::npos);
    CHECK(r.out.find("plg and the Python reference wrote the same 20 tables") != std::string::npos);
    CHECK(r.out.find("| `plg export --format xlsx` |") != std::string::npos);
    CHECK(r.out.find("| `plg report --format html -o FILE` |") != std::string::npos);
}

// Regression: the period used to be checked inside each worker thread, where the
// exception ended the program ("terminate called ...", exit 134).
TEST_CASE("a period that starts after it ends is one error, before any PLG is read") {
    TempDir dir;
    for (const char* name : {"a", "b"}) {
        REQUIRE(run_plg({"init", name, "--name", name, "-q"}, dir.path()).code == 0);
    }
    for (const char* format : {"md", "json"}) {
        for (const char* cache : {"--no-cache", "-q"}) {
            auto r = run_plg(
                {"network", "report", "--from", "2030-01-01", "a", "b", "--format", format, cache},
                dir.path());
            CHECK(r.code == 1);
            CHECK(r.out.empty());
            CHECK(r.err ==
                  "plg: error: the period starts (2030-01-01) after it ends (2026-11-23); check "
                  "--from and --to\n");
        }
    }
    auto r = run_plg({"network", "report", "--from", "2026-12-01", "--to", "2026-11-30", "a", "b"},
                     dir.path());
    CHECK(r.code == 2);
    CHECK(r.err.find("plg: error: --from 2026-12-01 is after --to 2026-11-30\n") == 0);
    CHECK_FALSE(fs::exists(dir / "a/.plg/network-row.json"));
}

// Regression (fuzz_cli): a path that is not UTF-8 made the JSON writer throw, and
// with the cache on, it threw in a worker thread, which ended the program.
TEST_CASE("paths that are not UTF-8 are reported, in JSON too") {
    TempDir dir;
    REQUIRE(run_plg({"init", "a", "--name", "A", "-q"}, dir.path()).code == 0);
    fs::create_directories(dir / "clones\xff");
    copy_example("riverside-maths", dir / "clones\xff/riverside");
    for (const char* cache : {"--no-cache", "-q"}) {
        for (const char* format : {"json", "md"}) {
            INFO(cache, " ", format);
            auto r = spawn_plg({"network", "report", "\xff\xfe missing", "a", "clones\xff",
                                "--format", format, cache},
                               dir.path());
            CHECK(r.code == 1);
            CHECK(r.err.find("internal error") == std::string::npos);
            CHECK(r.err.find("missing") != std::string::npos);
            if (std::string(format) == "json") {
                auto json = nlohmann::json::parse(r.out);
                CHECK(json["plgs"].size() == 2);
                CHECK(json["problems"][0].get<std::string>().find("missing") != std::string::npos);
            }
        }
    }
}

TEST_CASE("the network over time agrees with an independent Python computation, over periods") {
    REQUIRE_MESSAGE(std::string(PLG_TEST_PYTHON) != "", "python3 with PyYAML is needed");
    TempDir dir;
    // 30 PLGs founded over four years, some stopping, some pausing and coming back.
    auto gen = run({PLG_TEST_PYTHON, (fs::path(PLG_SOURCE_DIR) / "bench/generate.py").string(),
                    (dir / "net").string(), "--plgs", "30", "--records", "40", "--seed", "7"},
                   dir.path());
    REQUIRE(gen.code == 0);
    struct Period {
        std::string from;
        std::string to;
    };
    int left_out = 0;
    int revived = 0;
    for (const auto& p : {Period{"", ""}, Period{"", "2024-12-31"},
                          Period{"2025-09-01", "2026-07-31"}, Period{"2026-01-01", ""},
                          Period{"2023-01-01", "2023-12-31"}, Period{"2022-06-01", "2026-11-23"}}) {
        std::vector<std::string> args = {"network", "report", "net", "--format", "json"};
        if (!p.from.empty()) {
            args.insert(args.end(), {"--from", p.from});
        }
        if (!p.to.empty()) {
            args.insert(args.end(), {"--to", p.to});
        }
        auto r = run_plg(args, dir.path());
        INFO(p.from, "..", p.to, "\n", r.err);
        REQUIRE(r.code == 0);
        write(dir / "network.json", r.out);
        auto json = nlohmann::json::parse(r.out);
        left_out += int(json["founded_after_period"].size());
        revived += json["totals"]["revived"].get<int>();
        std::vector<std::string> check = {
            PLG_TEST_PYTHON,
            (fs::path(PLG_SOURCE_DIR) / "tests/network_check.py").string(),
            (dir / "network.json").string(),
            dir.path().string(),
            "2026-11-23",
            p.from};
        if (!p.to.empty()) {
            check.push_back(p.to);
        }
        auto py = run(check, dir.path());
        INFO(py.out, py.err);
        CHECK(py.code == 0);
        CHECK(py.out.find("checked ") != std::string::npos);
    }
    CHECK(left_out > 0);  // the cases are there to be checked
    CHECK(revived > 0);
    // The Markdown says who was left out, and shows the status over time.
    auto md = run_plg({"network", "report", "net", "--to", "2024-12-31"}, dir.path());
    CHECK(md.out.find("Not in this report, founded after 31 December 2024: ") != std::string::npos);
    CHECK(md.out.find("## Status over time\n") != std::string::npos);
    CHECK(md.out.find("## Survival\n") != std::string::npos);
}

TEST_CASE("the row cache is the PLG's own: reported from another folder, nothing is read again") {
    TempDir dir;
    copy_example("leerteam-rekenen", dir / "clones/leerteam");
    copy_example("riverside-maths", dir / "clones/riverside");
    write(dir / "clones/leerteam/meetings/2026-11-20-kapot-abcd.yaml",
          "date: 2026-11-20\ntitle: Dubbel\ntitle: Twee keer\n");
    fs::create_directories(dir / "elders/diep");
    auto first = run_plg({"network", "report", "clones", "--format", "json"}, dir.path());
    REQUIRE(first.code == 1);
    const fs::path cache = dir / "clones/leerteam/.plg/network-row.json";
    REQUIRE(fs::exists(cache));
    const std::string cached = read(cache);
    const auto written = fs::last_write_time(cache);
    // The same PLGs from another folder: the caches answer, and are not rewritten.
    auto other =
        run_plg({"network", "report", "../../clones", "--format", "json"}, dir / "elders/diep");
    REQUIRE(other.code == 1);
    CHECK(read(cache) == cached);
    CHECK(fs::last_write_time(cache) == written);
    // Each run names the broken file from where it was run.
    CHECK(first.err.find("clones/leerteam/meetings/2026-11-20-kapot-abcd.yaml:3:1: error:") !=
          std::string::npos);
    CHECK(other.err.find("../../clones/leerteam/meetings/2026-11-20-kapot-abcd.yaml:3:1: error:") !=
          std::string::npos);
    // The cache keeps the file relative to the PLG.
    CHECK(cached.find("\"meetings/2026-11-20-kapot-abcd.yaml\"") != std::string::npos);
    auto a = nlohmann::json::parse(first.out);
    auto b = nlohmann::json::parse(other.out);
    for (size_t i = 0; i < a["plgs"].size(); ++i) {
        CHECK(a["plgs"][i]["meetings_held"] == b["plgs"][i]["meetings_held"]);
        CHECK(a["plgs"][i]["person_hours"] == b["plgs"][i]["person_hours"]);
        CHECK(b["plgs"][i]["path"] == "../../" + a["plgs"][i]["path"].get<std::string>());
    }
    // And the same from inside the PLG itself.
    auto inside = run_plg({"network", "report", ".", "--format", "json"}, dir / "clones/leerteam");
    const std::string here = "meetings/2026-11-20-kapot-abcd.yaml:3:1: error:";
    INFO(inside.err);
    CHECK((inside.err.rfind(here, 0) == 0 || inside.err.find("\n" + here) != std::string::npos));
    CHECK(read(cache) == cached);
}

TEST_CASE("a PLG folder that cannot be written is cached in the user's cache folder, said once") {
    TempDir dir;
    copy_example("leerteam-rekenen", dir / "clones/leerteam");
    copy_example("riverside-maths", dir / "clones/riverside");
    // A .plg that is a file: plg cannot keep its cache there.
    fs::remove_all(dir / "clones/leerteam/.plg");
    write(dir / "clones/leerteam/.plg", "not a folder\n");
    const std::map<std::string, std::string> env = {{"XDG_CACHE_HOME", (dir / "cache").string()}};
    auto first = run_plg({"network", "report", "clones", "--format", "json"}, dir.path(), "", env);
    INFO(first.err);
    REQUIRE(first.code == 0);
    CHECK(first.err == "1 PLG folder cannot be written, so its cache is kept in " +
                           (dir / "cache/plg").string() + "\n");
    size_t kept = 0;
    for (const auto& e : fs::recursive_directory_iterator(dir / "cache/plg")) {
        kept += e.path().filename() == "network-row.json";
    }
    CHECK(kept == 1);
    CHECK(read(dir / "clones/leerteam/.plg") == "not a folder\n");  // left as it was
    auto second = run_plg({"network", "report", "clones", "--format", "json"}, dir.path(), "", env);
    CHECK(second.out == first.out);
    CHECK(second.err == first.err);
    // Without a cache folder to fall back on, the PLG simply goes without.
    auto none = run_plg({"network", "report", "clones", "--format", "json"}, dir.path(), "",
                        {{"XDG_CACHE_HOME", ""}, {"HOME", ""}});
    CHECK(none.out == first.out);
    CHECK(none.err.empty());

    // As another user, who may read the clones but not write them.
    // (Only as root, and where that user can run this build of plg at all.)
    struct passwd* nobody = ::getpwnam("nobody");
    bool can =
        ::geteuid() == 0 && nobody && fs::exists("/usr/sbin/runuser") &&
        run({"/usr/sbin/runuser", "-u", "nobody", "--", PLG_BINARY, "--version"}, fs::path("/"))
                .code == 0;
    if (!can) {
        MESSAGE("not run as another user: needs root, runuser and a build 'nobody' can run");
    }
    if (can) {
        fs::permissions(dir.path(), fs::perms(0755));
        fs::remove(dir / "clones/leerteam/.plg");
        // riverside's own cache, written above, would answer for it: start without.
        fs::remove_all(dir / "clones/riverside/.plg");
        fs::create_directory(dir / "theirs");
        REQUIRE(::chown((dir / "theirs").c_str(), nobody->pw_uid, nobody->pw_gid) == 0);
        auto as_nobody = [&] {
            return run(
                {"/usr/sbin/runuser", "-u", "nobody", "--", "env",
                 "XDG_CACHE_HOME=" + (dir / "theirs").string(), "PLG_TODAY=2026-11-23",
                 "PLG_LANG=en", PLG_BINARY, "network", "report", "clones", "--format", "json"},
                dir.path());
        };
        auto a = as_nobody();
        INFO(a.err);
        CHECK(a.code == 0);
        CHECK(a.err == "2 PLG folders cannot be written, so their caches are kept in " +
                           (dir / "theirs/plg").string() + "\n");
        auto b = as_nobody();
        CHECK(b.out == a.out);
        kept = 0;
        for (const auto& e : fs::recursive_directory_iterator(dir / "theirs/plg")) {
            kept += e.path().filename() == "network-row.json";
        }
        CHECK(kept == 2);
        CHECK(nlohmann::json::parse(a.out)["plgs"] == nlohmann::json::parse(first.out)["plgs"]);
    }
}
