// plg goal add|list|show|progress|close, end to end.

#include <nlohmann/json.hpp>

#include "e2e.hpp"

using namespace plg::test;

namespace {

const std::vector<std::string> k_add = {
    "goal",     "add",    "--title",    "Tafels automatiseren in groep 5",
    "--id",     "tafels", "--owner",    "anna",
    "--owner",  "bram",   "--measure",  "tafels goed in 2 minuten",
    "--unit",   "%",      "--baseline", "48",
    "--target", "80",     "--due",      "2026-06-30"};

}  // namespace

TEST_CASE("plg goal add prints the id and writes the file") {
    Fixture team;
    auto r = team(k_add);
    INFO(r.err);
    REQUIRE(r.code == 0);
    CHECK(r.out == "tafels\n");
    CHECK(r.err == "Added the goal goals/tafels.yaml\n");
    CHECK(read(team / "goals/tafels.yaml") ==
          "title: Tafels automatiseren in groep 5\n"
          "owners:\n  - anna\n  - bram\n"
          "measure: tafels goed in 2 minuten\n"
          "unit: \"%\"\n"
          "baseline: 48\ntarget: 80\ndue: 2026-06-30\n"
          "status: active\ncreated: 2026-11-23\n"
          "progress:\n");
    SUBCASE("the id comes from the title without --id") {
        auto s = team({"goal", "add", "--title", "Leesplezier vergroten (groep 6-8)"});
        CHECK(s.code == 0);
        CHECK(s.out == "leesplezier-vergroten-groep-6-8\n");
    }
    SUBCASE("an id that exists is refused and the file is left alone") {
        std::string before = read(team / "goals/tafels.yaml");
        auto again = team({"goal", "add", "--title", "Iets anders", "--id", "tafels"});
        CHECK(again.code == 1);
        CHECK(again.err.find("a goal with the id 'tafels' already exists") != std::string::npos);
        CHECK(read(team / "goals/tafels.yaml") == before);
    }
    CHECK(team({"check"}).code == 0);
}

TEST_CASE("plg goal add refuses bad input, creating nothing") {
    Fixture team;
    auto before = snapshot(team.dir.path());
    struct Case {
        std::vector<std::string> args;
        int code;
        std::string message;
    };
    std::vector<Case> cases = {
        {{"goal", "add"}, 2, "--title is required"},
        {{"goal", "add", "--title", "T", "--owner", "brm"},
         1,
         "--owner: unknown member 'brm'; did you mean 'bram'?"},
        {{"goal", "add", "--title", "T", "--baseline", "veel"}, 2, "--baseline"},
        {{"goal", "add", "--title", "T", "--target", "inf"}, 2, "finite number"},
        {{"goal", "add", "--title", "T", "--due", "2026-02-30"}, 2, "is not a date"},
        {{"goal", "add", "--title", "T", "--id", "../x"}, 2, "is not a valid goal id"},
        {{"goal", "add", "--title", "!!!"}, 2, "gives no usable id"},
        {{"goal", "add", "--file", "x.yaml", "--title", "T"}, 2, "cannot be given together with"},
    };
    for (const auto& c : cases) {
        auto r = team(c.args);
        INFO(c.args[c.args.size() - 1], " ", r.err);
        CHECK(r.code == c.code);
        CHECK(r.out.empty());
        CHECK(r.err.find(c.message) != std::string::npos);
    }
    CHECK(snapshot(team.dir.path()) == before);
}

TEST_CASE("plg goal progress, show, list and close") {
    Fixture team;
    REQUIRE(team(k_add).code == 0);
    auto meeting = team({"meeting", "add", "--date", "2026-01-20", "--title", "Data januari"});
    REQUIRE(meeting.code == 0);
    std::string meeting_id = meeting.out.substr(0, meeting.out.size() - 1);

    auto p1 = team({"goal", "progress", "tafels", "--value", "56", "--date", "2026-01-20",
                    "--evidence", "tempotoets januari", "--meeting", meeting_id});
    INFO(p1.err);
    REQUIRE(p1.code == 0);
    CHECK(p1.out.empty());
    CHECK(p1.err == "Progress on tafels: 56 on 2026-01-20; now 25% of the way to the target\n");
    REQUIRE(team({"goal", "progress", "tafels", "--value", "64"}).code == 0);

    auto show = team({"goal", "show", "tafels"});
    CHECK(show.code == 0);
    CHECK(show.out ==
          "Tafels automatiseren in groep 5\n"
          "Status:    active\n"
          "Owners:    Anna de Vries (anna), Bram Jansen (bram)\n"
          "Measure:   tafels goed in 2 minuten (%)\n"
          "Due:       2026-06-30\n"
          "Created:   2026-11-23\n"
          "Progress:  48% → 64% → 80%  (50% of the way; baseline → latest → target)\n"
          "Entries:\n"
          "  2026-01-20  56%  tempotoets januari  (meeting " +
              meeting_id +
              ")\n"
              "  2026-11-23  64%\n");

    auto json = nlohmann::json::parse(team({"goal", "show", "tafels", "--format", "json"}).out);
    CHECK(json["latest"] == 64);
    CHECK(json["percent"] == 50);
    CHECK(json["progress"].size() == 2);
    CHECK(json["progress"][0]["meeting"] == meeting_id);
    CHECK(json["baseline"] == 48);

    CHECK(team({"goal", "list"}).out ==
          "tafels  active        50%    2026-06-30  Tafels automatiseren in groep 5  (past due)\n");
    CHECK(team({"goal", "list", "--status", "achieved"}).out.empty());

    auto close = team({"goal", "close", "tafels", "--achieved", "--note", "64% is genoeg"});
    INFO(close.err);
    CHECK(close.code == 0);
    CHECK(close.err == "Closed the goal tafels as achieved on 2026-11-23\n");
    auto closed = nlohmann::json::parse(team({"goal", "list", "--format", "json"}).out);
    CHECK(closed[0]["status"] == "achieved");
    CHECK(closed[0]["closed"] == "2026-11-23");
    CHECK(closed[0]["close_note"] == "64% is genoeg");
    CHECK(team({"goal", "list", "--status", "active"}).out.empty());
    // Closing again the same way is a no-op; the other way is refused.
    CHECK(team({"goal", "close", "tafels", "--achieved"}).code == 0);
    auto other = team({"goal", "close", "tafels", "--dropped"});
    CHECK(other.code == 1);
    CHECK(other.err.find("is already closed as achieved") != std::string::npos);
    CHECK(team({"check"}).code == 0);
}

TEST_CASE("plg goal progress and close errors change nothing") {
    Fixture team;
    REQUIRE(team(k_add).code == 0);
    auto before = snapshot(team.dir.path());
    struct Case {
        std::vector<std::string> args;
        int code;
        std::string message;
    };
    std::vector<Case> cases = {
        {{"goal", "progress", "tafel", "--value", "3"}, 1, "did you mean 'tafels'?"},
        {{"goal", "progress", "tafels"}, 2, "--value is required"},
        {{"goal", "progress", "tafels", "--value", "drie"}, 2, "--value"},
        {{"goal", "progress", "tafels", "--value", "nan"}, 2, "finite number"},
        {{"goal", "progress", "tafels", "--value", "3", "--meeting", "nope"},
         1,
         "unknown meeting 'nope'"},
        {{"goal", "progress", "tafels", "--value", "3", "--date", "morgen"}, 2, "is not a date"},
        {{"goal", "close", "tafels"}, 2, "--achieved, --not-achieved or --dropped"},
        {{"goal", "close", "tafels", "--achieved", "--dropped"},
         2,
         "cannot be given together with"},
        {{"goal", "close", "../plg", "--achieved"}, 1, "unknown goal"},
        {{"goal", "show", "taf"}, 1, "did you mean 'tafels'?"},
    };
    for (const auto& c : cases) {
        auto r = team(c.args);
        INFO(c.args[2], " ", r.err);
        CHECK(r.code == c.code);
        CHECK(r.err.find(c.message) != std::string::npos);
    }
    CHECK(snapshot(team.dir.path()) == before);
    // A broken goal file is reported with its place, and left as it is.
    write(team / "goals/tafels.yaml", read(team / "goals/tafels.yaml") + "status: dropped\n");
    auto broken = team({"goal", "progress", "tafels", "--value", "3"});
    CHECK(broken.code == 1);
    CHECK(broken.err.find("goals/tafels.yaml:13:1: error: duplicate key 'status'") !=
          std::string::npos);
}

TEST_CASE("goal progress and close change only the bytes they must") {
    Fixture team;
    const std::string hand =
        "# Doel uit de startbijeenkomst van september\n"
        "title: Tafels automatiseren\n"
        "\n"
        "owners: [anna, bram]   # samen\n"
        "baseline: 48\n"
        "target: 80\n"
        "status: active  # nog bezig\n"
        "\n"
        "# metingen (tempotoets)\n"
        "progress:\n"
        "  - date: 2025-10-01\n"
        "    value: 52 # eerste meting\n";
    write(team / "goals/tafels.yaml", hand);
    REQUIRE(team({"goal", "progress", "tafels", "--value", "60", "--evidence", "yes"}).code == 0);
    std::string after_progress = hand + "  - {date: 2026-11-23, value: 60, evidence: \"yes\"}\n";
    CHECK(read(team / "goals/tafels.yaml") == after_progress);
    REQUIRE(team({"goal", "close", "tafels", "--dropped", "--note", "12:30"}).code == 0);
    std::string after_close = after_progress;
    after_close.replace(after_close.find("status: active"), 14, "status: dropped");
    after_close.insert(after_close.find("\n# metingen"),
                       "closed: 2026-11-23\nclose_note: \"12:30\"\n");
    CHECK(read(team / "goals/tafels.yaml") == after_close);
    CHECK(team({"check"}).code == 0);
}

TEST_CASE("progress evidence reads the same in PyYAML as in --format json") {
    REQUIRE_MESSAGE(std::string(PLG_TEST_PYTHON) != "", "python3 with PyYAML is needed");
    Fixture team;
    REQUIRE(team(k_add).code == 0);
    for (const auto& t : k_tricky_texts) {
        auto r = team({"goal", "progress", "tafels", "--value", "50.5", "--evidence", t});
        INFO(t, r.err);
        REQUIRE(r.code == 0);
    }
    auto json = team({"goal", "show", "tafels", "--format", "json"});
    write(team / "shown.json", json.out);
    auto py = run({PLG_TEST_PYTHON, "-c",
                   "import json, sys, yaml\n"
                   "got = yaml.safe_load(open('goals/tafels.yaml', encoding='utf-8'))\n"
                   "want = json.load(open(sys.argv[1], encoding='utf-8'))\n"
                   "pairs = zip(got['progress'], want['progress'])\n"
                   "bad = [(g, w) for g, w in pairs if g['evidence'] != w['evidence']\n"
                   "       or g['value'] != w['value'] or str(g['date']) != w['date']]\n"
                   "print(bad)\n"
                   "sys.exit(1 if bad or len(got['progress']) != len(want['progress']) else 0)\n",
                   (team / "shown.json").string()},
                  team.dir.path());
    INFO(py.out, py.err);
    CHECK(py.code == 0);
    if (std::string(PLG_TEST_YAMLLINT) != "") {
        auto lint = run({PLG_TEST_YAMLLINT, "--strict", "goals/tafels.yaml"}, team.dir.path());
        INFO(lint.out);
        CHECK(lint.code == 0);
    }
}

TEST_CASE("goal text reads the same in PyYAML as in --format json") {
    REQUIRE_MESSAGE(std::string(PLG_TEST_PYTHON) != "", "python3 with PyYAML is needed");
    Fixture team;
    for (size_t i = 0; i < k_tricky_texts.size(); ++i) {
        const std::string& t = k_tricky_texts[i];
        if (t.find_first_of("\r\n") != std::string::npos ||
            t.find_first_not_of(" \t") == std::string::npos) {
            continue;  // --title, --measure and --unit take one line
        }
        std::string id = "g" + std::to_string(i);
        auto r = team({"goal", "add", "--id", id, "--title", t, "--measure", t, "--unit", t});
        INFO(t, r.err);
        REQUIRE(r.code == 0);
        REQUIRE(team({"goal", "close", id, "--dropped", "--note", t}).code == 0);
    }
    auto json = team({"goal", "list", "--format", "json"});
    write(team / "shown.json", json.out);
    auto py =
        run({PLG_TEST_PYTHON, "-c",
             "import json, sys, yaml\n"
             "bad = []\n"
             "for want in json.load(open(sys.argv[1], encoding='utf-8')):\n"
             "    got = yaml.safe_load(open('goals/' + want['id'] + '.yaml', encoding='utf-8'))\n"
             "    for k in ('title', 'measure', 'unit', 'close_note', 'status'):\n"
             "        if got.get(k) != want[k]: bad.append((want['id'], k, got.get(k)))\n"
             "print(bad)\n"
             "sys.exit(1 if bad else 0)\n",
             (team / "shown.json").string()},
            team.dir.path());
    INFO(py.out, py.err);
    CHECK(py.code == 0);
}

TEST_CASE("goal add --date records when a goal was set, for goals recorded after the fact") {
    Fixture team;
    auto r = team({"goal", "add", "--title", "Lezen", "--date", "2026-09-08", "--baseline", "40",
                   "--target", "60"});
    INFO(r.err);
    REQUIRE(r.code == 0);
    CHECK(read(team / "goals/lezen.yaml").find("created: 2026-09-08\n") != std::string::npos);
    // Progress measured that day is no warning; a report on September counts the goal.
    CHECK(team({"goal", "progress", "lezen", "--value", "42", "--date", "2026-09-08"}).code == 0);
    auto check = team({"check"});
    CHECK(check.out.empty());
    auto report = team({"report", "--to", "2026-09-30", "--format", "json"});
    CHECK(report.out.find("\"goals_active\": 1") != std::string::npos);
    auto before = snapshot(team.dir.path());
    auto future = team({"goal", "add", "--title", "Later", "--date", "2026-11-24"});
    CHECK(future.code == 2);
    CHECK(future.err.find("--date 2026-11-24 is in the future; a goal is set on the day it was "
                          "agreed") != std::string::npos);
    CHECK(snapshot(team.dir.path()) == before);
}
