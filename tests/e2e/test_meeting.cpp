#include <nlohmann/json.hpp>

#include <regex>
#include <set>
#include <thread>

#include "e2e.hpp"
#include "plg/records/meeting.hpp"

using namespace plg::test;

namespace {

const std::regex k_meeting_id(R"(2026-11-20-data-bespreken-[a-z2-9]{4}\n)");

}  // namespace

TEST_CASE("plg meeting add prints the id and writes the file") {
    Fixture team;
    auto r = team({"meeting",       "add",
                   "--date",        "2026-11-20",
                   "--title",       "Data bespreken",
                   "--facilitator", "anna",
                   "--attendee",    "anna",
                   "--attendee",    "bram",
                   "--absent",      "carla=ziek",
                   "--minutes",     "60",
                   "--focus",       "evidence",
                   "--agenda",      "Toets 3",
                   "--decision",    "Verlengde instructie",
                   "--action",      "Rekenmuurtjes maken @bram due:2026-12-01",
                   "--action",      "Ouders mailen"});
    INFO(r.err);
    REQUIRE(r.code == 0);
    CHECK(std::regex_match(r.out, k_meeting_id));
    std::string id = r.out.substr(0, r.out.size() - 1);
    // Each action gets an id of its own, made from the meeting and the action.
    std::vector<std::string> ids = {
        plg::new_action_id("2026-11-20-data-bespreken#1 Rekenmuurtjes maken", {}),
        plg::new_action_id("2026-11-20-data-bespreken#2 Ouders mailen", {})};
    CHECK(read(team / ("meetings/" + id + ".yaml")) ==
          "date: 2026-11-20\n"
          "title: Data bespreken\n"
          "facilitator: anna\n"
          "attendees:\n  - anna\n  - bram\n"
          "absent:\n  - member: carla\n    reason: ziek\n"
          "minutes: 60\n"
          "focus:\n  - evidence\n"
          "agenda:\n  - Toets 3\n"
          "decisions:\n  - Verlengde instructie\n"
          "actions:\n"
          "  - text: Rekenmuurtjes maken\n    id: " +
              ids[0] +
              "\n    owner: bram\n    due: 2026-12-01\n    done: false\n"
              "  - text: Ouders mailen\n    id: " +
              ids[1] + "\n    done: false\n");
    CHECK(team({"check"}).out == "");
    auto today = team({"meeting", "add", "--date", "today", "--title", "Vandaag", "-q"});
    CHECK(today.out.rfind("2026-11-23-vandaag-", 0) == 0);
    CHECK(today.err == "");
}

TEST_CASE("plg meeting add refuses unknown ids and bad values, creating nothing") {
    Fixture team;
    write(team / "goals/tafels.yaml", "title: Tafels\n");
    auto before = snapshot(team.dir.path());
    struct Case {
        std::vector<std::string> extra;
        int code;
        std::string words;
    };
    std::vector<Case> cases = {
        {{"--attendee", "brm"}, 1, "--attendee: unknown member 'brm'; did you mean 'bram'?"},
        {{"--facilitator", "zed"}, 1, "--facilitator: unknown member 'zed'; 'plg member list'"},
        {{"--absent", "anan=ziek"}, 1, "did you mean 'anna'?"},
        {{"--goal", "tafel"}, 1, "--goal: unknown goal 'tafel'; did you mean 'tafels'?"},
        {{"--action", "Iets @brm"}, 1, "--action: unknown member 'brm'"},
        {{"--action", "@bram due:2026-12-01"}, 2, "has no text"},
        {{"--action", "X due:soon"}, 2, "'soon' is not a date"},
        {{"--action", "X @anna @bram"}, 2, "two owners"},
        {{"--attendee", "anna", "--absent", "anna"}, 2, "both as --attendee and as --absent"},
        {{"--minutes", "0"}, 2, "--minutes"},
        {{"--focus", "fun"}, 2, "'fun' is not one of: learn evidence support extend"},
    };
    for (const auto& c : cases) {
        std::vector<std::string> args = {"meeting", "add", "--date", "2026-11-20", "--title", "T"};
        args.insert(args.end(), c.extra.begin(), c.extra.end());
        auto r = team(args);
        INFO(c.extra.back(), " -> ", r.err);
        CHECK(r.code == c.code);
        CHECK(r.out == "");
        CHECK(r.err.find(c.words) != std::string::npos);
    }
    for (std::vector<std::string> args :
         {std::vector<std::string>{"meeting", "add", "--title", "T"},
          {"meeting", "add", "--date", "2026-02-30", "--title", "T"},
          {"meeting", "add", "--date", "tomorrow", "--title", "T"},
          {"meeting", "add", "--date", "2026-11-20"},
          {"meeting", "add", "--date", "2026-11-20", "--title", "two\nlines"}}) {
        auto r = team(args);
        CHECK(r.code == 2);
        CHECK(r.out == "");
    }
    CHECK(snapshot(team.dir.path()) == before);
}

TEST_CASE("titles that try to leave the folder give safe file names") {
    Fixture team;
    for (const std::string& title : std::vector<std::string>{"../../etc/passwd", "/", "🎉🎉",
                                                             std::string(300, 'x'), "Één café"}) {
        auto r = team({"meeting", "add", "--date", "2026-11-20", "--title", title});
        REQUIRE(r.code == 0);
        std::string id = r.out.substr(0, r.out.size() - 1);
        INFO(title, " -> ", id);
        CHECK(id.find('/') == std::string::npos);
        CHECK(id.find("..") == std::string::npos);
        CHECK(id.size() <= 70);
        CHECK(fs::exists(team / ("meetings/" + id + ".yaml")));
    }
    CHECK(team({"check"}).code == 0);
    CHECK(!fs::exists(team.dir.path().parent_path() / "etc"));
}

TEST_CASE("text from flags and stdin reads the same in PyYAML as in --format json") {
    REQUIRE_MESSAGE(std::string(PLG_TEST_PYTHON) != "", "python3 with PyYAML is needed");
    Fixture team;
    std::vector<std::string> args = {"meeting", "add", "--date", "2026-11-20", "--title", "yes"};
    for (const auto& t : k_tricky_texts) {
        args.push_back("--agenda");
        args.push_back(t);
        args.push_back("--decision");
        args.push_back(t);
    }
    args.insert(args.end(), {"--notes", "-"});
    std::string notes =
        "  first line indented\n# not a comment\nkey: value\n\n- dash\ntrailing newlines\n\n";
    auto r = team(args, notes);
    INFO(r.err);
    REQUIRE(r.code == 0);
    std::string id = r.out.substr(0, r.out.size() - 1);
    auto shown = team({"meeting", "show", id, "--format", "json"});
    REQUIRE(shown.code == 0);
    auto json = nlohmann::json::parse(shown.out);
    CHECK(json["notes"] == notes);
    CHECK(json["title"] == "yes");
    write(team / "shown.json", shown.out);
    auto py =
        run({PLG_TEST_PYTHON, "-c",
             "import json, sys, yaml\n"
             "got = yaml.safe_load(open(sys.argv[1], encoding='utf-8'))\n"
             "want = json.load(open(sys.argv[2], encoding='utf-8'))\n"
             "bad = [k for k in ('title', 'agenda', 'decisions', 'notes') if got[k] != want[k]]\n"
             "bad += [] if str(got['date']) == want['date'] else ['date']\n"
             "print(bad)\n"
             "sys.exit(1 if bad else 0)\n",
             (team / ("meetings/" + id + ".yaml")).string(), (team / "shown.json").string()},
            team.dir.path());
    INFO(py.out, py.err);
    CHECK(py.code == 0);
}

TEST_CASE("twenty meeting adds at once give twenty distinct valid files") {
    Fixture team;
    std::vector<Result> results(20);
    std::vector<std::thread> threads;
    for (size_t i = 0; i < results.size(); ++i) {
        threads.emplace_back([&, i] {
            results[i] = team.spawn({"meeting", "add", "--date", "2026-11-20", "--title",
                                     "Data bespreken", "--attendee", "anna"});
        });
    }
    for (auto& t : threads) {
        t.join();
    }
    std::set<std::string> ids;
    for (const auto& r : results) {
        CHECK(r.code == 0);
        ids.insert(r.out);
    }
    CHECK(ids.size() == 20);
    size_t files = 0;
    for (auto& e : fs::directory_iterator(team / "meetings")) {
        files += e.path().extension() == ".yaml";
    }
    CHECK(files == 20);
    auto check = team({"check", "--format", "json"});
    CHECK(check.code == 0);
    CHECK(check.out.find("\"meetings\": 20") != std::string::npos);
}

TEST_CASE("plg meeting list and show") {
    Fixture team;
    write(team / "meetings/2026-09-01-start-aaaa.yaml",
          "date: 2026-09-01\ntitle: Start\nfacilitator: anna\nattendees: [anna, bram]\nabsent: "
          "[carla]\n");
    write(team / "meetings/2026-10-01-data-bbbb.yaml",
          "date: 2026-10-01\ntitle: Data\nattendees: [carla]\nnotes: |\n  Regel een\n  Regel twee\n"
          "actions:\n  - text: Toets\n    owner: carla\n    due: 2026-10-15\n");
    auto all = team({"meeting", "list"});
    CHECK(all.code == 0);
    // One definition of attendance everywhere: those expected are the members
    // on the day, so carla alone is 1 of 3, as in the report.
    CHECK(all.out ==
          "2026-09-01  Start  2/3    2026-09-01-start-aaaa\n"
          "2026-10-01  Data   1/3    2026-10-01-data-bbbb\n");
    CHECK(team({"meeting", "list", "--from", "2026-09-15"}).out.find("Start") == std::string::npos);
    CHECK(team({"meeting", "list", "--to", "2026-09-15"}).out.find("Data") == std::string::npos);
    CHECK(team({"meeting", "list", "--member", "carla"}).out ==
          "2026-10-01  Data   1/3    2026-10-01-data-bbbb\n");
    auto unknown = team({"meeting", "list", "--member", "carl"});
    CHECK(unknown.code == 1);
    CHECK(unknown.err.find("did you mean 'carla'?") != std::string::npos);
    auto json = nlohmann::json::parse(team({"meeting", "list", "--format", "json"}).out);
    REQUIRE(json.size() == 2);
    CHECK(json[0]["id"] == "2026-09-01-start-aaaa");
    CHECK(json[0]["absent"][0]["member"] == "carla");
    CHECK(json[1]["actions"][0]["id"] == "2026-10-01-data-bbbb#1");
    CHECK(json[1]["minutes"].is_null());
    CHECK(json[1]["present"] == 1);
    CHECK(json[1]["expected"] == 3);

    auto show = team({"meeting", "show", "2026-10-01-data-bbbb"});
    CHECK(show.code == 0);
    CHECK(show.out ==
          "Data\n"
          "Date:         2026-10-01\n"
          "Present:      carla (1/3 expected)\n"
          "Absent:       anna (not recorded), bram (not recorded)\n"
          "Notes:\n"
          "  Regel een\n"
          "  Regel twee\n"
          "Actions:\n"
          "  [ ] 2026-10-01-data-bbbb#1  Toets (carla, due 2026-10-15)\n");
    auto missing = team({"meeting", "show", "2026-10-01-data"});
    CHECK(missing.code == 1);
    CHECK(missing.err.find("did you mean '2026-10-01-data-bbbb'?") != std::string::npos);
    write(team / "meetings/2026-10-02-kapot-cccc.yaml", "date: 2026-10-02\n");
    auto broken = team({"meeting", "show", "2026-10-02-kapot-cccc"});
    CHECK(broken.code == 1);
    CHECK(broken.err.find("1 file has errors") != std::string::npos);
    CHECK(broken.err.find("has errors; run 'plg check'") != std::string::npos);
}

TEST_CASE("meetings added on two git branches merge without conflict") {
    REQUIRE_MESSAGE(std::string(PLG_TEST_GIT) != "", "git is needed");
    TempDir dir;
    const auto& env = k_git_env;
    REQUIRE(run_plg({"init", "origin", "--name", "X", "--member", "anna=Anna", "--member",
                     "bram=Bram", "--git"},
                    dir.path(), "", env)
                .code == 0);
    run({PLG_TEST_GIT, "clone", "-q", "origin", "one"}, dir.path(), "", env);
    run({PLG_TEST_GIT, "clone", "-q", "origin", "two"}, dir.path(), "", env);
    for (const char* clone : {"one", "two"}) {
        std::string who = std::string(clone) == "one" ? "anna" : "bram";
        auto add = run_plg({"meeting", "add", "--date", "2026-11-20", "--title", "Data bespreken",
                            "--attendee", who},
                           dir / clone);
        REQUIRE(add.code == 0);
        run({PLG_TEST_GIT, "add", "-A"}, dir / clone, "", env);
        run({PLG_TEST_GIT, "commit", "-qm", std::string("meeting from ") + clone}, dir / clone, "",
            env);
    }
    REQUIRE(run({PLG_TEST_GIT, "push", "-q", "origin", "HEAD:refs/heads/from-one"}, dir / "one", "",
                env)
                .code == 0);
    REQUIRE(run({PLG_TEST_GIT, "fetch", "-q", "../one", "HEAD"}, dir / "two", "", env).code == 0);
    auto merge =
        run({PLG_TEST_GIT, "merge", "--no-edit", "-q", "FETCH_HEAD"}, dir / "two", "", env);
    INFO(merge.out, merge.err);
    CHECK(merge.code == 0);
    auto check = run_plg({"check", "--format", "json"}, dir / "two");
    CHECK(check.code == 0);
    CHECK(check.out.find("\"meetings\": 2") != std::string::npos);
}
