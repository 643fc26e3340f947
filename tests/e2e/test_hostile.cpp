// The hostile-input suite: every file in tests/hostile/ (and a few made here:
// huge, deep, links, folders) through plg check, plg report and plg network
// report. Each gives its exact error with file:line:col, or safe output, exits
// 1 where it is an error, and never crashes, hangs or writes outside the PLG.

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

#include "e2e.hpp"

using namespace plg::test;

namespace {

struct Case {
    std::string file;
    std::string where;  // "LINE:COL", or "" when the file is fine
    std::string message;
};

std::vector<Case> corpus() {
    std::vector<Case> cases;
    std::ifstream in(fs::path(PLG_SOURCE_DIR) / "tests/hostile/expected.tsv");
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') {
            continue;
        }
        std::istringstream fields(line);
        Case c;
        std::getline(fields, c.file, '\t');
        std::getline(fields, c.where, '\t');
        std::getline(fields, c.message);
        if (c.where == "ok") {
            c.where.clear();
        }
        cases.push_back(c);
    }
    return cases;
}

// Runs check, report and network report on the PLG with one bad meeting file
// `name` and checks what each says.
void judge(const Fixture& team, const std::string& name, const std::string& expected) {
    INFO(name);
    auto check = team({"check"});
    CHECK(check.code == (expected.empty() ? 0 : 1));
    CHECK((check.out + check.err).find(expected) != std::string::npos);
    auto report = team({"report"});
    // The report is still written, but a broken file makes the exit code 1 and
    // is named, so that a scheduled report job does not hide missing data.
    CHECK(report.code == (expected.empty() ? 0 : 1));
    CHECK(report.out.find("---\ntitle: \"Leerteam rekenen: Verslag\"\n") == 0);
    CHECK(report.out.find("<script") == std::string::npos);
    CHECK(report.out.find("<img") == std::string::npos);
    if (!expected.empty()) {
        CHECK(report.err.find("plg: error: the report leaves out 1 file with errors; fix it "
                              "('plg check' lists every problem):\n  meetings/") == 0);
        CHECK(report.err.find(expected) != std::string::npos);
    }
    auto network = run_plg({"network", "report", ".", "--format", "json"}, team.dir.path());
    CHECK(network.code == (expected.empty() ? 0 : 1));
    auto json = nlohmann::json::parse(network.out, nullptr, false);
    REQUIRE(!json.is_discarded());
    REQUIRE(json["plgs"].size() == 1);
    CHECK(json["plgs"][0]["readable"] == true);
    if (!expected.empty()) {
        CHECK(json["plgs"][0]["errors"][0].get<std::string>().find(expected) != std::string::npos);
    }
}

}  // namespace

TEST_CASE("every file of the hostile corpus gets its exact error, or reads fine") {
    Fixture team;
    auto cases = corpus();
    REQUIRE(cases.size() >= 25);
    for (const auto& c : cases) {
        std::string name = "2026-11-20-" + c.file;
        fs::path target = team / ("meetings/" + name);
        fs::copy_file(fs::path(PLG_SOURCE_DIR) / "tests/hostile" / c.file, target);
        std::string expected =
            c.where.empty() ? "" : "meetings/" + name + ":" + c.where + ": error: " + c.message;
        judge(team, c.file, expected);
        fs::remove(target);
    }
}

TEST_CASE("huge, deep and long files are refused in bounded time and memory") {
    Fixture team;
    SUBCASE("a 50 MB file is refused unread") {
        {
            std::ofstream out(team / "meetings/2026-11-20-huge.yaml", std::ios::binary);
            std::string line = "notes: " + std::string(1000, 'x') + "\n";
            for (int i = 0; i < 50 * 1024; ++i) {
                out << line;
            }
        }
        judge(team, "huge",
              "meetings/2026-11-20-huge.yaml: error: the file is 51609600 bytes; plg reads records "
              "of at most 1048576 bytes");
    }
    SUBCASE("10,000 levels of nesting") {
        write(
            team / "meetings/2026-11-20-deep.yaml",
            "date: 2026-11-20\ntitle: " + std::string(10000, '[') + std::string(10000, ']') + "\n");
        judge(team, "deep", "meetings/2026-11-20-deep.yaml:2:");
    }
    SUBCASE("a single line of 1 MB") {
        write(team / "meetings/2026-11-20-line.yaml",
              "date: 2026-11-20\ntitle: " + std::string(1000000, 'a') + " b: c\n");
        judge(team, "line", "meetings/2026-11-20-line.yaml:2:");
    }
    SUBCASE("an alias bomb") {
        std::string bomb = "date: 2026-11-20\ntitle: x\na: &a [\"lol\",\"lol\",\"lol\"]\n";
        for (char c = 'b'; c <= 'k'; ++c) {
            std::string p(1, char(c - 1));
            bomb += std::string(1, c) + ": &" + c + " [*" + p + ",*" + p + ",*" + p + ",*" + p +
                    ",*" + p + ",*" + p + "]\n";
        }
        write(team / "meetings/2026-11-20-bomb.yaml", bomb);
        judge(team, "bomb", "meetings/2026-11-20-bomb.yaml:3:4: error: anchors (&a)");
    }
}

TEST_CASE("links, folders and odd names where records should be") {
    Fixture team;
    SUBCASE("a link pointing outside the PLG is refused, not followed") {
        TempDir outside;
        write(outside / "secret.yaml", "date: 2026-11-20\ntitle: Not yours\n");
        fs::create_symlink(outside / "secret.yaml", team / "meetings/2026-11-20-link.yaml");
        judge(
            team, "link",
            "meetings/2026-11-20-link.yaml: error: is a symbolic link; plg does not follow links");
        CHECK(team({"meeting", "list"}).out.find("Not yours") == std::string::npos);
    }
    SUBCASE("a folder named like a record") {
        fs::create_directories(team / "meetings/2026-11-20-folder.yaml");
        auto check = team({"check"});
        CHECK(check.code == 1);
        CHECK((check.out + check.err).find("meetings/2026-11-20-folder.yaml") != std::string::npos);
    }
    SUBCASE("the record folder itself is a link") {
        TempDir outside;
        fs::remove_all(team / "goals");
        fs::create_directory_symlink(outside.path(), team / "goals");
        auto check = team({"check"});
        CHECK(check.code == 1);
        CHECK((check.out + check.err)
                  .find("goals: error: should be a folder of records, but is a file or a link") !=
              std::string::npos);
    }
    SUBCASE("file names that are not record ids") {
        write(team / "meetings/Data Bespreken.yaml", "date: 2026-11-20\ntitle: x\n");
        auto check = team({"check"});
        CHECK(check.code == 1);
        CHECK((check.out + check.err).find("meetings/Data Bespreken.yaml") != std::string::npos);
    }
    SUBCASE("a broken plg.yaml") {
        write(team / "plg.yaml", "name: [Leerteam\n");
        auto check = team({"check"});
        CHECK(check.code == 1);
        CHECK((check.out + check.err).find("plg.yaml:2:1: error: YAML syntax error") !=
              std::string::npos);
        auto report = team({"report"});
        CHECK(report.code == 1);
        CHECK(report.out.empty());
        auto network = run_plg({"network", "report", ".", "--format", "json"}, team.dir.path());
        CHECK(network.code == 1);
        CHECK(nlohmann::json::parse(network.out)["plgs"][0]["status"] == "unreadable");
    }
    // Nothing was written outside the PLG folder.
    CHECK(!fs::exists(team.dir.path().parent_path() / "secret.yaml"));
}
