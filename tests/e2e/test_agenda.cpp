// plg meeting next: the next meeting's agenda (date by cadence, norms, goals,
// open actions, roles by rotation, last focus) and meeting add --from-agenda.

#include <nlohmann/json.hpp>

#include "e2e.hpp"

using namespace plg::test;

namespace {

// Cadence 14 days, a break over Christmas; anna facilitated twice, bram once,
// carla never; bram took notes last time.
void write_cycle(const Fixture& team) {
    write(team / "plg.yaml",
          "name: Leerteam rekenen\nlanguage: nl\ncadence_days: 14\nfounded: 2026-09-01\n"
          "breaks:\n  - name: Kerstvakantie\n    from: 2026-12-19\n    to: 2027-01-03\n"
          "vision: Alle leerlingen rekenen vlot.\n"
          "norms:\n  - We beginnen op tijd.\n  - We brengen leerlingwerk mee.\n"
          "members:\n  - id: anna\n    name: Anna de Vries\n  - id: bram\n    name: Bram Jansen\n"
          "  - id: carla\n    name: Carla Öztürk\n");
    write(team / "goals/tafels.yaml",
          "title: 80% haalt de tafeltoets\nowners: [anna]\nmeasure: tafeltoets\nunit: '%'\n"
          "baseline: 40\ntarget: 80\nstatus: active\nprogress:\n"
          "  - date: 2026-10-01\n    value: 52.5\n");
    write(team / "meetings/2026-09-10-start-aaaa.yaml",
          "date: 2026-09-10\ntitle: Start\nfacilitator: anna\nroles:\n  notulist: carla\n"
          "focus: [learn]\n");
    write(
        team / "meetings/2026-10-01-data-bbbb.yaml",
        "date: 2026-10-01\ntitle: Data\nfacilitator: bram\nroles:\n  notulist: anna\n"
        "actions:\n  - text: Toets maken\n    id: t7qx\n    owner: bram\n    due: 2026-10-20\n"
        "    done: false\n  - text: Klaar\n    id: k2aa\n    done: true\n    done_on: 2026-10-02\n"
        "  - text: Oud, zonder id\n    owner: carla\n");
    write(team / "meetings/2026-12-10-verder-cccc.yaml",
          "date: 2026-12-10\ntitle: Verder\nfacilitator: anna\nroles:\n  notulist: bram\n"
          "focus: [evidence, support]\n");
}

}  // namespace

TEST_CASE("plg meeting next: the agenda in the PLG's language, roles by rotation") {
    Fixture team;
    write_cycle(team);
    // One cadence after 10 December is 24 December, in the break: the first day after it.
    auto r = team({"meeting", "next"}, "", {{"PLG_TODAY", "2026-12-12"}});
    INFO(r.err);
    REQUIRE(r.code == 0);
    CHECK(r.out ==
          "# Agenda: Leerteam rekenen\n"
          "\n"
          "Volgende bijeenkomst: 4 januari 2027 (25 dagen na de vorige bijeenkomst op 10 december "
          "2026)\n"
          "\n"
          "Vorige keer (10 december 2026) ging het vooral over: hoe we weten dat ze het geleerd "
          "hebben; wat we doen als ze het niet leren.\n"
          "\n"
          "## Rollen\n"
          "\n"
          "- Gespreksleider: Carla Öztürk\n"
          "- Notulist: Anna de Vries\n"
          "\n"
          "Om de beurt: wie de rol het langst geleden (of nog nooit) had, is nu aan de beurt.\n"
          "\n"
          "## 1. Opening en onze afspraken\n"
          "\n"
          "*Alle leerlingen rekenen vlot.*\n"
          "\n"
          "- We beginnen op tijd.\n"
          "- We brengen leerlingwerk mee.\n"
          "\n"
          "## 2. Doelen: waar staan we?\n"
          "\n"
          "- **80% haalt de tafeltoets**: laatste meting 52,5 % op 1 oktober 2026, doel 80 %\n"
          "\n"
          "## 3. Openstaande acties\n"
          "\n"
          "- `t7qx` Toets maken (Bram Jansen, **uiterlijk 20 oktober 2026 (te laat)**)\n"
          "- `2026-10-01-data-bbbb#3` Oud, zonder id (Carla Öztürk)\n"
          "\n"
          "## 4. Afsluiting: besluiten, acties en rollen voor de volgende keer\n");

    // Never before today; a given date is kept, and roles rotate as of it.
    auto late = nlohmann::json::parse(
        team({"meeting", "next", "--format", "json"}, "", {{"PLG_TODAY", "2027-02-01"}}).out);
    CHECK(late["date"] == "2027-02-01");
    CHECK(late["date_from_cadence"] == false);
    auto given =
        nlohmann::json::parse(team({"meeting", "next", "--date", "2026-11-01", "--format", "json"},
                                   "", {{"PLG_TODAY", "2026-12-12"}})
                                  .out);
    CHECK(given["date"] == "2026-11-01");
    CHECK(given["last_meeting"]["id"] == "2026-10-01-data-bbbb");
    CHECK(given["facilitator"] == "carla");
    CHECK(given["roles"]["notulist"] == "bram");
    CHECK(given["actions"].size() == 2);
    CHECK(given["goals"][0]["latest"] == 52.5);

    // In English for an English PLG.
    std::string config = read(team / "plg.yaml");
    config.replace(config.find("language: nl"), 12, "language: en");
    write(team / "plg.yaml", config);
    auto en = team({"meeting", "next"}, "", {{"PLG_TODAY", "2026-12-12"}});
    CHECK(en.out.find("Next meeting: 4 January 2027 (25 days after the last meeting, on 10 "
                      "December 2026)") != std::string::npos);
    CHECK(en.out.find("**due 20 October 2026 (overdue)**") != std::string::npos);
}

TEST_CASE("plg meeting add --from-agenda starts from the agenda, and flags replace its parts") {
    Fixture team;
    write_cycle(team);
    std::map<std::string, std::string> env{{"PLG_TODAY", "2027-01-04"}};
    auto yaml = team({"meeting", "next", "--format", "yaml"}, "", env);
    CHECK(yaml.out.find(
              "date: 2027-01-04\ntitle:\nfacilitator: carla\nroles:\n  notulist: anna\n") == 0);
    CHECK(yaml.out.find("carried:\n  - t7qx\ngoals:\n  - tafels\n") != std::string::npos);

    auto r = team({"meeting", "add", "--from-agenda", "--title", "Na de vakantie", "--attendee",
                   "carla", "--attendee", "anna", "--role", "notulist=bram"},
                  "", env);
    INFO(r.err);
    REQUIRE(r.code == 0);
    std::string id = r.out.substr(0, r.out.size() - 1);
    std::string text = read(team / ("meetings/" + id + ".yaml"));
    CHECK(text.find("date: 2027-01-04\ntitle: Na de vakantie\nfacilitator: carla\nroles:\n  "
                    "notulist: bram\n") == 0);
    // The old action got an id in its own meeting, and both open actions are carried.
    std::string old = read(team / "meetings/2026-10-01-data-bbbb.yaml");
    const std::string marker = "  - text: Oud, zonder id\n    id: ";
    size_t at = old.find(marker);
    REQUIRE(at != std::string::npos);
    std::string old_id = old.substr(at + marker.size(), 4);
    CHECK(text.find("carried:\n  - t7qx\n  - " + old_id + "\n") != std::string::npos);
    CHECK(team({"check"}, "", env).code == 0);
    // The next agenda finds nothing new to carry twice: the same two, still open.
    auto next = nlohmann::json::parse(team({"meeting", "next", "--format", "json"}, "", env).out);
    CHECK(next["actions"].size() == 2);
    CHECK(team({"meeting", "next", "--format", "html"}, "", env).code == 2);
}
