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
          "2026-11-01-data-aaaa#1  2026-11-10  bram   OVERDUE  Toets maken\n"
          "2026-11-01-data-aaaa#2  2026-12-01  anna   open     Ouders mailen\n");
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
    CHECK(team({"action", "list", "--all", "--done"}).code == 2);
    CHECK(team({"action", "list", "--open", "--done"}).out.find("#3") != std::string::npos);
    auto bad_owner = team({"action", "list", "--owner", "bran"});
    CHECK(bad_owner.code == 1);
    CHECK(bad_owner.err.find("did you mean 'bram'?") != std::string::npos);
}

TEST_CASE("plg action done changes exactly the intended bytes") {
    Fixture team;
    auto file = team / "meetings/2026-11-01-data-aaaa.yaml";
    write(file, k_meeting);
    // An action without an id gets one on the way, right below its text.
    auto new_id = [&](const std::string& after_line) {
        std::string text = read(file);
        size_t at = text.find(after_line);
        REQUIRE(at != std::string::npos);
        std::string line = text.substr(at + after_line.size(), 13);
        REQUIRE(line.rfind("    id: ", 0) == 0);
        return line.substr(8, 4);
    };
    auto first = team({"action", "done", "2026-11-01-data-aaaa#1"});
    CHECK(first.code == 0);
    CHECK(first.out == "");
    std::string id1 = new_id("  - text: Toets maken   # belangrijk\n");
    CHECK(first.err == "Done (" + id1 + "): Toets maken\n");
    std::string expected = k_meeting;
    std::string anchor = "    due: 2026-11-10\n";
    expected.insert(expected.find(anchor) + anchor.size(),
                    "    done: true\n    done_on: 2026-11-23\n");
    std::string text_line = "  - text: Toets maken   # belangrijk\n";
    expected.insert(expected.find(text_line) + text_line.size(), "    id: " + id1 + "\n");
    CHECK(read(file) == expected);
    auto second = team({"action", "done", "2026-11-01-data-aaaa#2"});
    CHECK(second.code == 0);
    std::string id2 = new_id("  - text: Ouders mailen\n");
    CHECK(id2 != id1);
    expected.replace(expected.find("done: false  # na de toets"), 26,
                     "done: true  # na de toets\n    done_on: 2026-11-23");
    expected.insert(expected.find("  - text: Ouders mailen\n") + 24, "    id: " + id2 + "\n");
    CHECK(read(file) == expected);
    // Once it has an id, the id names it, wherever the list puts it.
    CHECK(team({"action", "done", id2}).err == "Already done on 2026-11-23: Ouders mailen\n");
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
             {"2026-11-01-data-aaaa#4", 1, "has 3 actions, so there is no #4"},
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

namespace {

const char* const k_agreed =
    "date: 2026-10-01\n"
    "title: Afspraken\n"
    "actions:\n"
    "  - text: Toets maken\n"
    "    id: t7qx\n"
    "    owner: bram\n"
    "    due: 2026-10-10\n"
    "    done: false\n"
    "  - text: Ouders mailen\n"
    "    id: m2rw\n"
    "    owner: anna\n"
    "    done: false\n";

const char* const k_later =
    "date: 2026-10-15\n"
    "title: Verder\n"
    "# onze notities\n"
    "notes: Kort\n";

}  // namespace

TEST_CASE(
    "an action's life: edit, carry with a new due date, cancel, show, and the report as of each "
    "day") {
    Fixture team;
    auto agreed = team / "meetings/2026-10-01-afspraken-aaaa.yaml";
    auto later = team / "meetings/2026-10-15-verder-bbbb.yaml";
    write(agreed, k_agreed);
    write(later, k_later);

    auto edit = team({"action", "edit", "m2rw", "--owner", "carla", "--due", "2026-10-20"});
    CHECK(edit.code == 0);
    CHECK(edit.err == "Changed the action m2rw\n");
    CHECK(read(agreed).find("    owner: carla\n    done: false\n    due: 2026-10-20\n") !=
          std::string::npos);
    CHECK(team({"action", "edit", "m2rw", "--owner", "carla"}).err == "No changes to m2rw\n");

    auto carry = team({"action", "carry", "t7qx", "--due", "2026-10-30"});
    CHECK(carry.code == 0);
    CHECK(carry.err ==
          "Carried (t7qx) to meetings/2026-10-15-verder-bbbb.yaml, due 2026-10-30: Toets maken\n");
    CHECK(read(later) == std::string(k_later) + "carried:\n  - id: t7qx\n    due: 2026-10-30\n");
    // The action keeps the due date it was agreed with.
    CHECK(read(agreed).find("    due: 2026-10-10\n") != std::string::npos);
    CHECK(team({"action", "carry", "t7qx"}).err.find("Already carried") != std::string::npos);

    auto show = team({"action", "show", "t7qx"});
    CHECK(show.code == 0);
    CHECK(show.out ==
          "Toets maken\n"
          "Id:           t7qx\n"
          "Owner:        Bram Jansen (bram)\n"
          "Due:          2026-10-30\n"
          "Status:       OVERDUE\n"
          "Agreed:       2026-10-01  Afspraken (2026-10-01-afspraken-aaaa)\n"
          "Carried:      2026-10-15  Verder (2026-10-15-verder-bbbb), due from then 2026-10-30\n");
    auto json = nlohmann::json::parse(team({"action", "show", "t7qx", "--format", "json"}).out);
    CHECK(json["due"] == "2026-10-30");
    CHECK(json["carried"][0]["meeting"] == "2026-10-15-verder-bbbb");
    CHECK(json["carried"][0]["due"] == "2026-10-30");

    // As of 12 October the due date was still 10 October; as of 31 October it is the carried one.
    auto on = [&](const char* to) {
        auto r = team({"report", "--from", "2026-09-01", "--to", to, "--format", "json"});
        REQUIRE(r.code == 0);
        return nlohmann::json::parse(r.out);
    };
    auto oct12 = on("2026-10-12");
    CHECK(oct12["summary"]["actions_open"] == 2);
    CHECK(oct12["summary"]["actions_overdue"] == 1);
    CHECK(oct12["summary"]["actions_carried"] == 0);
    CHECK(oct12["actions"]["open"][0]["due"] == "2026-10-10");
    auto oct20 = on("2026-10-20");
    CHECK(oct20["summary"]["actions_overdue"] == 0);
    CHECK(oct20["summary"]["actions_carried"] == 1);

    auto cancel =
        team({"action", "cancel", "m2rw", "--note", "Niet meer nodig", "--date", "2026-10-25"});
    CHECK(cancel.code == 0);
    CHECK(cancel.err == "Cancelled (m2rw): Ouders mailen\n");
    CHECK(read(agreed).find("    cancelled: true\n    cancelled_on: 2026-10-25\n    note: Niet "
                            "meer nodig\n") != std::string::npos);
    auto oct24 = on("2026-10-24");
    CHECK(oct24["summary"]["actions_open"] == 2);
    CHECK(oct24["summary"]["actions_cancelled"] == 0);
    auto oct31 = on("2026-10-31");
    CHECK(oct31["summary"]["actions_open"] == 1);
    CHECK(oct31["summary"]["actions_overdue"] == 1);
    CHECK(oct31["summary"]["actions_cancelled"] == 1);
    CHECK(oct31["actions"]["cancelled"][0]["note"] == "Niet meer nodig");
    auto md = team({"report", "--from", "2026-09-01", "--to", "2026-10-31"});
    CHECK(md.out.find("1 open, 1 te laat, 1 doorgeschoven, 1 geschrapt") != std::string::npos);
    CHECK(md.out.find("1× doorgeschoven") != std::string::npos);
    CHECK(md.out.find("### Geschrapt in deze periode") != std::string::npos);

    auto list = team({"action", "list", "--all"});
    CHECK(list.out ==
          "t7qx  2026-10-30  bram   OVERDUE               Toets maken (carried 1x)\n"
          "m2rw  2026-10-20  carla  cancelled 2026-10-25  Ouders mailen\n");
    CHECK(team({"action", "list", "--cancelled"}).out.find("m2rw") != std::string::npos);
    CHECK(team({"action", "list"}).out.find("m2rw") == std::string::npos);
    CHECK(team({"check"}).code == 0);
}

TEST_CASE("action edit, cancel and carry refuse what would be wrong, and change nothing") {
    Fixture team;
    write(team / "meetings/2026-10-01-afspraken-aaaa.yaml", k_agreed);
    write(team / "meetings/2026-10-15-verder-bbbb.yaml", k_later);
    REQUIRE(team({"action", "cancel", "m2rw", "--date", "2026-10-05"}).code == 0);
    auto before = snapshot(team.dir.path());
    struct Case {
        std::vector<std::string> args;
        int code;
        std::string words;
    };
    for (const auto& c : std::vector<Case>{
             {{"action", "edit", "t7qx"}, 2, "give what to change: --text, --owner or --due"},
             {{"action", "edit", "t7qy", "--due", "2026-11-01"}, 1, "did you mean 't7qx'?"},
             {{"action", "edit", "t7qx", "--owner", "dirk"}, 1, "unknown member 'dirk'"},
             {{"action", "edit", "t7qx", "--due", "2026-09-30"}, 2, "before the meeting"},
             {{"action", "done", "m2rw"}, 1, "was cancelled on 2026-10-05, so it cannot be done"},
             {{"action", "cancel", "t7qx", "--date", "2026-09-01"}, 1, "before the meeting"},
             {{"action", "cancel", "t7qx", "--date", "2026-12-01"}, 2, "is in the future"},
             {{"action", "carry", "m2rw"}, 1, "only an open action is carried"},
             {{"action", "carry", "t7qx", "--to", "2026-10-01-afspraken-aaaa"},
              2,
              "not after the meeting that agreed the action"},
             {{"action", "carry", "t7qx", "--to", "2026-10-15-verder-bbbc"},
              1,
              "did you mean '2026-10-15-verder-bbbb'?"},
             {{"action", "carry", "t7qx", "--due", "2026-10-14"},
              2,
              "before the meeting it is carried to"},
             {{"action", "show", "T7QX"}, 2, "is not an action id"},
             {{"meeting", "add", "--date", "2026-10-20", "--title", "X", "--carry", "m2rw"},
              1,
              "was cancelled before 2026-10-20; carry only open actions"},
             {{"meeting", "add", "--date", "2026-09-20", "--title", "X", "--carry", "t7qx"},
              1,
              "not before this meeting"},
         }) {
        auto r = team(c.args);
        INFO(c.args[1], " ", c.args[2], " -> ", r.err);
        CHECK(r.code == c.code);
        CHECK(r.err.find(c.words) != std::string::npos);
    }
    CHECK(snapshot(team.dir.path()) == before);
}

TEST_CASE("meeting add gives new actions ids and carries open actions; check finds broken links") {
    Fixture team;
    write(team / "meetings/2026-10-01-afspraken-aaaa.yaml", k_agreed);
    auto id = team({"meeting", "add", "--date", "2026-10-20", "--title", "Verder", "--carry-open",
                    "--action", "Nieuwe toets @anna due:2026-11-01"});
    REQUIRE(id.code == 0);
    std::string text = read(team / ("meetings/" + id.out.substr(0, id.out.size() - 1) + ".yaml"));
    CHECK(text.find("carried:\n  - t7qx\n  - m2rw\n") != std::string::npos);
    size_t at = text.find("  - text: Nieuwe toets\n    id: ");
    REQUIRE(at != std::string::npos);
    std::string new_id = text.substr(at + 30, 4);
    CHECK(new_id != "t7qx");
    CHECK(team({"action", "show", new_id}).out.find("Nieuwe toets") == 0);
    auto show = team({"meeting", "show", id.out.substr(0, id.out.size() - 1)});
    CHECK(show.out.find("Carried from earlier meetings:\n  [ ] t7qx  Toets maken (bram, due "
                        "2026-10-10)\n  [ ] m2rw  Ouders mailen (anna)\n") != std::string::npos);
    CHECK(team({"check"}).code == 0);

    // A hand-made duplicate id and a 'carried' naming nothing are found by check.
    write(team / "meetings/2026-10-02-kopie-cccc.yaml",
          "date: 2026-10-02\ntitle: Kopie\nactions:\n  - text: Ook\n    id: t7qx\n"
          "carried:\n  - t7qz\n");
    auto check = team({"check"});
    CHECK(check.code == 1);
    CHECK(check.err.find("meetings/2026-10-02-kopie-cccc.yaml:4:5: error: the action id 't7qx' "
                         "is also used in meetings/2026-10-01-afspraken-aaaa.yaml") !=
          std::string::npos);
    CHECK(check.err.find("meetings/2026-10-02-kopie-cccc.yaml:7:5: error: 'carried' names the "
                         "action 't7qz', which no meeting has; did you mean 't7qx'?") !=
          std::string::npos);
    CHECK(team({"action", "done", "t7qx"}).err.find("is used in") != std::string::npos);
}

TEST_CASE("action carry without --to takes the latest meeting by the date in it, not in its name") {
    Fixture team;
    auto first = team({"meeting", "add", "--date", "2026-11-02", "--title", "Start", "--action",
                       "Toets nakijken @anna"});
    REQUIRE(first.code == 0);
    // Moved to a later day by hand after it was made: the name keeps the old date.
    write(team / "meetings/2026-11-09-verzet.yaml", "date: 2026-11-20\ntitle: Verzet\n");
    write(team / "meetings/2026-11-16-gewoon.yaml", "date: 2026-11-16\ntitle: Gewoon\n");
    auto list = team({"action", "list"});
    std::string id = list.out.substr(0, list.out.find(' '));
    auto carry = team({"action", "carry", id});
    INFO(carry.err);
    CHECK(carry.code == 0);
    CHECK(carry.err == "Carried (" + id + ") to meetings/2026-11-09-verzet.yaml: Toets nakijken\n");
    CHECK(read(team / "meetings/2026-11-09-verzet.yaml") ==
          "date: 2026-11-20\ntitle: Verzet\ncarried:\n  - " + id + "\n");
    CHECK(read(team / "meetings/2026-11-16-gewoon.yaml") == "date: 2026-11-16\ntitle: Gewoon\n");
}
