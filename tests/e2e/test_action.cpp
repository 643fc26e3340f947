#include <nlohmann/json.hpp>

#include "e2e.hpp"

using namespace plg::test;

namespace {

const char* const k_meeting =
    "# Verslag door Bram\n"
    "date: 2026-11-01\n"
    "title: Data\n"
    "\n"
    "actions:\n"
    "  # eerst dit\n"
    "  - text: Toets maken   # belangrijk\n"
    "    owner: bram\n"
    "    due: 2026-11-10\n"
    "\n"
    "  - text: Ouders mailen\n"
    "    owner: anna\n"
    "    due: 2026-12-01\n"
    "    done: false  # na de toets\n"
    "  - text: Klaar\n"
    "    done: true\n"
    "    done_on: 2026-11-02\n"
    "# einde\n";

}  // namespace

TEST_CASE("plg action list filters open, done, overdue and owner") {
    Fixture team;
    write(team / "meetings/2026-11-01-data-aaaa.yaml", k_meeting);
    auto open = team({"action", "list"});
    CHECK(open.code == 0);
    CHECK(open.out ==
          "2026-11-01-data-aaaa#1  2026-11-10  bram   OVERDUE          Toets maken\n"
          "2026-11-01-data-aaaa#2  2026-12-01  anna   open             Ouders mailen\n");
    CHECK(team({"action", "list", "--overdue"}).out.find("#2") == std::string::npos);
    CHECK(team({"action", "list", "--owner", "anna"}).out.find("#1") == std::string::npos);
    CHECK(team({"action", "list", "--done"}).out ==
          "2026-11-01-data-aaaa#3  -           -      done 2026-11-02  Klaar\n");
    auto json = nlohmann::json::parse(team({"action", "list", "--all", "--format", "json"}).out);
    REQUIRE(json.size() == 3);
    CHECK(json[0]["id"] == "2026-11-01-data-aaaa#1");
    CHECK(json[0]["overdue"] == true);
    CHECK(json[0]["meeting"] == "2026-11-01-data-aaaa");
    CHECK(json[2]["done"] == true);
    CHECK(team({"action", "list", "--open", "--done"}).code == 2);
    auto bad_owner = team({"action", "list", "--owner", "bran"});
    CHECK(bad_owner.code == 1);
    CHECK(bad_owner.err.find("did you mean 'bram'?") != std::string::npos);
}

TEST_CASE("plg action done changes exactly the intended bytes") {
    Fixture team;
    auto file = team / "meetings/2026-11-01-data-aaaa.yaml";
    write(file, k_meeting);
    auto first = team({"action", "done", "2026-11-01-data-aaaa#1"});
    CHECK(first.code == 0);
    CHECK(first.out == "");
    std::string expected = k_meeting;
    std::string anchor = "    due: 2026-11-10\n";
    expected.insert(expected.find(anchor) + anchor.size(),
                    "    done: true\n    done_on: 2026-11-23\n");
    CHECK(read(file) == expected);
    auto second = team({"action", "done", "2026-11-01-data-aaaa#2"});
    CHECK(second.code == 0);
    expected.replace(expected.find("done: false  # na de toets"), 26,
                     "done: true  # na de toets\n    done_on: 2026-11-23");
    CHECK(read(file) == expected);
    auto again = team({"action", "done", "2026-11-01-data-aaaa#3"});
    CHECK(again.code == 0);
    CHECK(again.err == "Already done on 2026-11-02: Klaar\n");
    CHECK(read(file) == expected);
    CHECK(team({"check"}).code == 0);
}

TEST_CASE("plg action done errors change nothing") {
    Fixture team;
    write(team / "meetings/2026-11-01-data-aaaa.yaml", k_meeting);
    write(team / "meetings/2026-11-02-kapot-bbbb.yaml",
          "date: 2026-11-02\ntitle: K\ntitle: K2\nactions:\n  - text: X\n");
    auto before = snapshot(team.dir.path());
    struct Case {
        std::string id;
        int code;
        std::string words;
    };
    for (const auto& c : std::vector<Case>{
             {"2026-11-01-data-aaaa#4", 1, "has 3 action(s), so there is no #4"},
             {"2026-11-01-data-aaab#1", 1, "did you mean '2026-11-01-data-aaaa'?"},
             {"2026-11-01-data-aaaa", 2, "is not an action id"},
             {"2026-11-01-data-aaaa#0", 2, "is not an action id"},
             {"2026-11-01-data-aaaa#x", 2, "is not an action id"},
             {"../../plg#1", 2, "is not an action id"},
             {"2026-11-02-kapot-bbbb#1", 1, "duplicate key 'title'"},
         }) {
        auto r = team({"action", "done", c.id});
        INFO(c.id, " -> ", r.err);
        CHECK(r.code == c.code);
        CHECK(r.err.find(c.words) != std::string::npos);
    }
    CHECK(snapshot(team.dir.path()) == before);
}
