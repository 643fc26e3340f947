// Records over time (docs/report.md, "As of a date"): members who join and
// leave, guests, goals not achieved, the period and founding, and the smaller
// fixes that came with them.

#include <sys/stat.h>

#include <nlohmann/json.hpp>

#include <fstream>
#include <thread>

#include "e2e.hpp"

using namespace plg::test;

namespace {

nlohmann::json report_json(const Fixture& team, std::vector<std::string> args) {
    args.insert(args.begin(), {"report", "--format", "json"});
    auto r = team(args);
    INFO(r.err);
    REQUIRE(r.code == 0);
    return nlohmann::json::parse(r.out);
}

nlohmann::json member_row(const nlohmann::json& report, const std::string& id) {
    for (const auto& row : report["attendance"]) {
        if (row["id"] == id) {
            return row;
        }
    }
    return nullptr;
}

}  // namespace

TEST_CASE("plg member edit: joined, left, name and role, in place") {
    Fixture team;
    std::string before = read(team / "plg.yaml");
    write(team / "plg.yaml", before + "# onderaan\n");
    auto left = team({"member", "edit", "carla", "--left", "2026-10-31"});
    INFO(left.err);
    CHECK(left.code == 0);
    CHECK(left.err == "Changed Carla Öztürk (carla) in plg.yaml\n");
    CHECK(read(team / "plg.yaml").find("    name: Carla Öztürk\n    left: 2026-10-31\n") !=
          std::string::npos);
    CHECK(read(team / "plg.yaml").find("# onderaan\n") != std::string::npos);
    CHECK(team({"member", "edit", "bram", "--joined", "2026-10-01", "--role", "leerkracht"}).code ==
          0);
    CHECK(team({"member", "list"}).out ==
          "anna   Anna de Vries\n"
          "bram   Bram Jansen    leerkracht  since 2026-10-01\n"
          "carla  Carla Öztürk               left 2026-10-31\n");
    CHECK(team({"member", "list", "--on", "2026-09-15"}).out ==
          "anna   Anna de Vries\n"
          "carla  Carla Öztürk   left 2026-10-31\n");
    auto json = nlohmann::json::parse(team({"member", "list", "--format", "json"}).out);
    CHECK(json[1]["joined"] == "2026-10-01");
    CHECK(json[2]["left"] == "2026-10-31");
    CHECK(json[0]["joined"].is_null());

    // Refused, changing nothing: left before joined, an unknown member, nothing to change.
    std::string kept = read(team / "plg.yaml");
    auto early = team({"member", "edit", "bram", "--left", "2026-09-01"});
    CHECK(early.code == 1);
    CHECK(early.err ==
          "plg: error: member 'bram' left (2026-09-01) before joining (2026-10-01); 'left' is "
          "the last day as a member; nothing was changed\n");
    auto unknown = team({"member", "edit", "bran", "--role", "x"});
    CHECK(unknown.code == 1);
    CHECK(unknown.err.find("did you mean 'bram'?") != std::string::npos);
    auto nothing = team({"member", "edit", "bram"});
    CHECK(nothing.code == 2);
    CHECK(nothing.err.find("say what to change with --name, --role, --joined or --left") !=
          std::string::npos);
    auto bad_date = team({"member", "edit", "bram", "--left", "eind oktober"});
    CHECK(bad_date.code == 2);
    CHECK(read(team / "plg.yaml") == kept);
    CHECK(team({"check"}).code == 0);
}

TEST_CASE("members count from when they joined until they left, and guests never count") {
    Fixture team;
    REQUIRE(team({"member", "add", "dirk", "--name", "Dirk", "--joined", "2026-10-01"}).code == 0);
    REQUIRE(team({"member", "edit", "carla", "--left", "2026-09-30"}).code == 0);
    for (const char* date : {"2026-09-08", "2026-09-22"}) {
        REQUIRE(team({"meeting", "add", "--date", date, "--title", "Start", "--attendee", "anna",
                      "--attendee", "bram", "--attendee", "carla", "--minutes", "60"})
                    .code == 0);
    }
    auto guest = team({"meeting", "add", "--date", "2026-10-06", "--title", "Met gast",
                       "--attendee", "anna", "--attendee", "bram", "--attendee", "dirk", "--guest",
                       "Marloes Smit (rekenspecialist)", "--minutes", "60"});
    INFO(guest.err);
    REQUIRE(guest.code == 0);
    std::string id = trim(guest.out);
    CHECK(read(team / ("meetings/" + id + ".yaml"))
              .find("guests:\n  - Marloes Smit (rekenspecialist)\n") != std::string::npos);

    auto r = report_json(team, {});
    // Three meetings, three members expected at each (carla until September, dirk after).
    CHECK(r["summary"]["attendance_percent"] == 100);
    CHECK(member_row(r, "dirk")["recorded"] == 1);
    CHECK(member_row(r, "carla")["recorded"] == 2);
    CHECK(member_row(r, "carla")["left"] == "2026-09-30");
    CHECK(r["summary"]["person_hours"] == 9);  // the guest's hour is not counted
    CHECK(r["meetings"][2]["guests"] == 1);
    CHECK(r["meetings"][2]["expected"] == 3);
    // Members of no meeting in the period are not listed.
    auto september = report_json(team, {"--to", "2026-09-30"});
    CHECK(member_row(september, "dirk").is_null());
    auto october = report_json(team, {"--from", "2026-10-01"});
    CHECK(member_row(october, "carla").is_null());

    auto list = team({"meeting", "list"});
    CHECK(list.out.find("3/3    " + id) != std::string::npos);
    auto show = team({"meeting", "show", id});
    CHECK(show.out.find("Present:      anna, bram, dirk (3/3 expected)\n") != std::string::npos);
    CHECK(show.out.find("Guests:       Marloes Smit (rekenspecialist)\n") != std::string::npos);
    auto md = team({"report", "--lang", "en"});
    CHECK(md.out.find("| Dirk (joined 1 October 2026) | 1/1 |") != std::string::npos);
    CHECK(md.out.find("| Carla Öztürk (left 30 September 2026) | 2/2 |") != std::string::npos);

    // Naming a member on a day they were not one is allowed, counted, and warned about.
    write(team / "meetings/2026-09-15-vroeg.yaml",
          "date: 2026-09-15\ntitle: Vroeg\nattendees: [anna, dirk]\n");
    auto check = team({"check"});
    CHECK(check.code == 0);
    CHECK(check.out.find("meetings/2026-09-15-vroeg.yaml:3:19: warning: 'dirk' is named as "
                         "attendee on 2026-09-15, before joining (2026-10-01 in plg.yaml)") !=
          std::string::npos);
}

TEST_CASE("goals close as achieved, not achieved or dropped, on a date; reports see them then") {
    Fixture team;
    REQUIRE(team({"goal", "add", "--title", "Functies", "--id", "functies", "--baseline", "48",
                  "--target", "75", "--due", "2026-10-31"})
                .code == 0);
    // Recorded late: the goal was set on 10 September.
    std::string text = read(team / "goals/functies.yaml");
    text.replace(text.find("created: 2026-11-23"), 19, "created: 2026-09-10");
    write(team / "goals/functies.yaml", text);
    REQUIRE(team({"goal", "progress", "functies", "--value", "63", "--date", "2026-10-01"}).code ==
            0);
    REQUIRE(team({"goal", "progress", "functies", "--value", "71", "--date", "2026-11-10"}).code ==
            0);
    auto future = team({"goal", "close", "functies", "--not-achieved", "--date", "2026-12-01"});
    CHECK(future.code == 2);
    CHECK(future.err.find("is in the future") != std::string::npos);
    auto early = team({"goal", "close", "functies", "--not-achieved", "--date", "2026-01-01"});
    CHECK(early.code == 1);
    CHECK(early.err.find("before the goal was created (2026-09-10)") != std::string::npos);
    auto both = team({"goal", "close", "functies", "--not-achieved", "--dropped"});
    CHECK(both.code == 2);
    auto close = team({"goal", "close", "functies", "--not-achieved", "--date", "2026-11-20",
                       "--note", "71% van 75%"});
    INFO(close.err);
    REQUIRE(close.code == 0);
    CHECK(close.err == "Closed the goal functies as not achieved on 2026-11-20\n");
    CHECK(read(team / "goals/functies.yaml").find("status: not achieved\nclosed: 2026-11-20\n") !=
          std::string::npos);
    CHECK(team({"goal", "list", "--status", "not-achieved"}).out.find("functies  not achieved") ==
          0);

    auto now = report_json(team, {});
    CHECK(now["summary"]["goals_not_achieved"] == 1);
    CHECK(now["summary"]["goals_active"] == 0);
    CHECK(now["goals"][0]["latest"] == 71);
    CHECK(now["goals"][0]["overdue"] == false);
    // The goal was set on 10 September: a report to 5 September does not know it,
    // and later periods see it as it was then.
    CHECK(report_json(team, {"--to", "2026-09-05"})["goals"].empty());
    CHECK(report_json(team, {"--to", "2026-09-10"})["goals"].size() == 1);
    auto mid = report_json(team, {"--to", "2026-11-15"});
    CHECK(mid["summary"]["goals_active"] == 1);
    CHECK(mid["summary"]["goals_not_achieved"] == 0);
    CHECK(mid["summary"]["goals_overdue"] == 1);  // due 31 October, still open then
    CHECK(mid["goals"][0]["status"] == "active");
    CHECK(mid["goals"][0]["closed"].is_null());
    CHECK(mid["goals"][0]["latest"] == 71);
    CHECK(mid["goals"][0]["overdue"] == true);
    auto october = report_json(team, {"--to", "2026-10-15"});
    CHECK(october["goals"][0]["latest"] == 63);
    CHECK(october["goals"][0]["progress"].size() == 1);
    CHECK(october["summary"]["goals_overdue"] == 0);
    auto md = team({"report", "--to", "2026-11-15", "--lang", "en"});
    CHECK(md.out.find("- **Due**: 31 October 2026 (**past due**)") != std::string::npos);
    CHECK(md.out.find("- **Goals**: 1 active, 0 achieved, 0 not achieved, 0 dropped, 1 past their "
                      "due date") != std::string::npos);
}

TEST_CASE("actions are open, done or overdue as they were on the period's last day") {
    Fixture team;
    auto m = team({"meeting", "add", "--date", "2026-09-08", "--title", "Start", "--action",
                   "Toets maken @bram due:2026-09-20"});
    REQUIRE(m.code == 0);
    std::string id = trim(m.out);
    REQUIRE(team({"action", "done", id + "#1"}).code == 0);  // done today, 23 November
    auto september = report_json(team, {"--to", "2026-09-30"});
    CHECK(september["summary"]["actions_open"] == 1);
    CHECK(september["summary"]["actions_overdue"] == 1);
    CHECK(september["actions"]["open"][0]["done"] == false);
    CHECK(september["actions"]["open"][0]["done_on"].is_null());
    auto mid = report_json(team, {"--to", "2026-09-15"});
    CHECK(mid["summary"]["actions_overdue"] == 0);  // not due yet
    auto now = report_json(team, {});
    CHECK(now["summary"]["actions_open"] == 0);
    CHECK(now["actions"]["completed"].size() == 1);
}

TEST_CASE("a period never starts before founding, and one that ends before it is refused") {
    Fixture team;  // founded 2026-09-01
    auto r = report_json(team, {"--from", "2026-01-01"});
    CHECK(r["period"]["from"] == "2026-09-01");
    CHECK(r["summary"]["meetings_expected"] == 6);  // 84 days / 14
    auto before = team({"report", "--to", "2026-03-31"});
    CHECK(before.code == 1);
    CHECK(before.out == "");
    CHECK(before.err ==
          "plg: error: 'Leerteam rekenen' was founded on 2026-09-01, after the period ends "
          "(2026-03-31), so there is nothing to report; give a --to on or after 2026-09-01\n");
    // A record dated before founding is counted by no report: check says so.
    write(team / "meetings/2026-08-20-oud.yaml", "date: 2026-08-20\ntitle: Oud\n");
    auto check = team({"check"});
    CHECK(check.out.find("meetings/2026-08-20-oud.yaml:1:7: warning: this meeting is dated "
                         "2026-08-20, before the PLG was founded (2026-09-01 in plg.yaml)") !=
          std::string::npos);
}

TEST_CASE("breaks: expected meetings and the dormancy clock skip them") {
    Fixture team;  // founded 2026-09-01, cadence 14
    std::string config = read(team / "plg.yaml");
    config.replace(config.find("cadence_days: 14\n"), 17,
                   "cadence_days: 14\nbreaks:\n  - {name: Herfstvakantie, from: 2026-10-17, to: "
                   "2026-11-08}\n");
    write(team / "plg.yaml", config);
    REQUIRE(team({"meeting", "add", "--date", "2026-10-14", "--title", "Voor de vakantie"}).code ==
            0);
    auto r = report_json(team, {"--from", "2026-09-01"});
    CHECK(r["summary"]["break_days"] == 23);
    CHECK(r["summary"]["meetings_expected"] == 4);  // (84 - 23) days / 14
    // 40 days since the meeting, 17 of them outside the break: active by recency,
    // but 1 of the 4 meetings expected in the last 84 working days is too few.
    CHECK(r["summary"]["days_since_last_meeting"] == 40);
    CHECK(r["summary"]["quiet_days"] == 17);
    CHECK(r["summary"]["status"] == "at risk");
    CHECK(r["summary"]["recent"]["held"] == 1);
    CHECK(r["status_over_time"].size() == 3);
    CHECK(r["status_over_time"][0]["status"] == "at risk");  // September: no meeting yet
    auto bad = config;
    bad.replace(bad.find("to: 2026-11-08"), 14, "to: 2026-10-01");
    write(team / "plg.yaml", bad);
    auto check = team({"check"});
    CHECK(check.code == 1);
    CHECK(check.out.find("plg.yaml:6:50: error: the break ends (2026-10-01) before it starts "
                         "(2026-10-17)") != std::string::npos);
}

TEST_CASE("-o writes into a FIFO, follows a symlink, and never replaces a special file") {
    Fixture team;
    fs::path fifo = team / "pipe";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    // A reader on the other end: plg must open the FIFO and write into it.
    std::string got;
    std::thread reader([&] { got = read(fifo); });
    auto r = team({"report", "-o", "pipe"});
    if (r.code != 0) {
        std::ofstream(fifo) << "";  // let the reader go
    }
    reader.join();
    CHECK(r.code == 0);
    CHECK(got.find("---\ntitle: \"Leerteam rekenen: Verslag\"\n") == 0);
    CHECK(fs::is_fifo(fifo));

    fs::create_symlink("echt.md", team / "link.md");
    REQUIRE(team({"report", "-o", "link.md"}).code == 0);
    CHECK(fs::is_symlink(team / "link.md"));
    CHECK(read(team / "echt.md").find("---\ntitle: \"Leerteam rekenen: Verslag\"\n") == 0);
    REQUIRE(team({"report", "-o", "link.md", "--format", "json"}).code == 0);
    CHECK(fs::is_symlink(team / "link.md"));
    CHECK(read(team / "echt.md").find("{") == 0);

    // A link into the PLG's own records is refused like the record itself.
    fs::create_symlink("plg.yaml", team / "stiekem.md");
    std::string config = read(team / "plg.yaml");
    auto refused = team({"report", "-o", "stiekem.md"});
    CHECK(refused.code == 1);
    CHECK(refused.err.find("is a record of a PLG") != std::string::npos);
    CHECK(read(team / "plg.yaml") == config);

    // Files git and plg keep are refused too (issue 17): .gitattributes and the
    // other hidden files at the PLG's top, and anything in .git/ or .plg/.
    fs::create_directories(team / ".git");
    write(team / ".git/HEAD", "ref: refs/heads/main\n");
    std::string attributes = read(team / ".gitattributes");
    for (const char* kept : {".gitattributes", ".git/HEAD", ".schema/plg.schema.json"}) {
        auto refused_kept = team({"report", "-o", kept});
        INFO(kept, refused_kept.err);
        CHECK(refused_kept.code == 1);
        CHECK(refused_kept.err.find("git or plg keeps") != std::string::npos);
    }
    CHECK(read(team / ".gitattributes") == attributes);
    CHECK(read(team / ".git/HEAD") == "ref: refs/heads/main\n");
}

TEST_CASE("smaller fixes: ids with '_', PLG_TODAY, goal add --file, hints") {
    Fixture team;
    REQUIRE(team({"member", "add", "jan_de_vries", "--name", "Jan de Vries"}).code == 0);
    auto reflect = team({"reflect", "add", "--author", "jan_de_vries", "--text", "Goed."});
    INFO(reflect.err);
    REQUIRE(reflect.code == 0);
    CHECK(trim(reflect.out).find("2026-11-23-jan-de-vries-") == 0);
    CHECK(team({"reflect", "list"}).out.find("jan_de_vries") != std::string::npos);
    CHECK(team({"check"}).code == 0);

    auto today = team({"report"}, "", {{"PLG_TODAY", "23-11-2026"}});
    CHECK(today.code == 2);
    CHECK(today.err.find("PLG_TODAY='23-11-2026' is not a date; set it to YYYY-MM-DD") !=
          std::string::npos);

    write(team / "doel.yaml", "# uit het jaarplan\ntitle: Lezen\n");
    REQUIRE(team({"goal", "add", "--file", "doel.yaml"}).code == 0);
    CHECK(read(team / "goals/lezen.yaml") ==
          "# uit het jaarplan\ntitle: Lezen\ncreated: 2026-11-23\n");

    auto unknown = team({"reflect", "add", "--author", "anna", "--meeting", "zzz", "--text", "x"});
    CHECK(unknown.code == 1);
    CHECK(unknown.err.find("'plg meeting list' shows them") != std::string::npos);
    write(team / "bad.yaml", "author: anna\ndate: 2026-11-02\nratings:\n  inquiry: 9\n");
    auto hint = team({"reflect", "add", "--edit", "--file", "bad.yaml"}, "",
                     {{"EDITOR", "true"}, {"VISUAL", ""}});
    CHECK(hint.code == 1);
    CHECK(hint.err.find("'plg reflect add --edit --file .plg/drafts/") != std::string::npos);
}
