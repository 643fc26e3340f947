// --edit, --file and 'meeting edit', driven by scripted editors: what a person
// saves is checked before it is kept, and nothing they typed is ever lost.

#include <nlohmann/json.hpp>

#include "e2e.hpp"

using namespace plg::test;

namespace {

// Makes `script` (sh, with the file to edit as $1) the editor, and returns the
// environment that selects it.
std::map<std::string, std::string> editor(const Fixture& team, const std::string& script,
                                          const std::string& name = "ed.sh") {
    write(team / name, script);
    return {{"EDITOR", "sh " + (team / name).string()}, {"VISUAL", ""}};
}

// An editor that replaces the file with `text` and keeps a copy of what it was shown.
std::map<std::string, std::string> saving(const Fixture& team, const std::string& text) {
    write(team / "saved.yaml", text);
    return editor(team, "cp \"$1\" '" + (team / "shown.yaml").string() + "'\ncp '" +
                            (team / "saved.yaml").string() + "' \"$1\"\n");
}

}  // namespace

TEST_CASE("meeting add --edit shows a template filled from the flags") {
    Fixture team;
    auto env = editor(team, "cp \"$1\" '" + (team / "shown.yaml").string() +
                                "'\nsed -i 's/^title:$/title: Samen plannen/' \"$1\"\n");
    auto r = team({"meeting", "add", "--edit", "--attendee", "anna", "--minutes", "45"}, "", env);
    INFO(r.err);
    REQUIRE(r.code == 0);
    std::string shown = read(team / "shown.yaml");
    CHECK(shown.rfind("#| New meeting.", 0) == 0);
    CHECK(
        shown.find("#| Members: anna (Anna de Vries), bram (Bram Jansen), carla (Carla Öztürk)") !=
        std::string::npos);
    CHECK(shown.find("date: 2026-11-23\ntitle:\nfacilitator:\nroles:\nattendees:\n  - anna\n"
                     "absent:\nguests:\nminutes: 45\n") != std::string::npos);
    // No comments of the person's own: the record is stored in plg's layout.
    std::string id = trim(r.out);
    CHECK(id.rfind("2026-11-23-samen-plannen-", 0) == 0);
    CHECK(read(team / ("meetings/" + id + ".yaml")) ==
          "date: 2026-11-23\ntitle: Samen plannen\nattendees:\n  - anna\nminutes: 45\n");
    CHECK(files_in(team / ".plg/drafts").empty());
}

TEST_CASE("a person's comments in the editor are kept, empty fields dropped") {
    Fixture team;
    auto env =
        saving(team,
               "#| New meeting. Fill in what you want to record, save, and close the editor.\n"
               "date: 2026-11-20\n"
               "# Verslag: Carla\n"
               "title: Lesson study voorbereiden\n"
               "facilitator:\n"
               "attendees: [anna, bram]   # carla kwam later\n"
               "notes: |\n"
               "  yes\n"
               "  12:30 start\n"
               "goals:\n");
    auto r = team({"meeting", "add", "--edit"}, "", env);
    INFO(r.err);
    REQUIRE(r.code == 0);
    CHECK(read(team / ("meetings/" + trim(r.out) + ".yaml")) ==
          "date: 2026-11-20\n"
          "# Verslag: Carla\n"
          "title: Lesson study voorbereiden\n"
          "attendees: [anna, bram]   # carla kwam later\n"
          "notes: |\n"
          "  yes\n"
          "  12:30 start\n");
    CHECK(team({"check"}).code == 0);
}

TEST_CASE("an invalid result is refused with its place, and the text is kept") {
    Fixture team;
    const std::string typed =
        "date: 2026-11-20\n"
        "title: Data bespreken\n"
        "attendees:\n"
        "  - anna\n"
        "  - brm\n"
        "minutes: een uur\n"
        "notes: |\n"
        "  Lange notities die niet verloren mogen gaan.\n";
    auto before = snapshot(team.dir.path());
    auto r = team({"meeting", "add", "--edit"}, "", saving(team, typed));
    CHECK(r.code == 1);
    CHECK(r.out.empty());
    std::vector<std::string> drafts = files_in(team / ".plg/drafts");
    REQUIRE(drafts.size() == 1);
    std::string draft = ".plg/drafts/" + drafts[0];
    CHECK(read(team / draft) == typed);
    CHECK(r.err.find(draft + ":5:5: error: unknown member 'brm' in attendees; did you mean "
                             "'bram'?") != std::string::npos);
    CHECK(r.err.find(draft + ":6:10: error: 'minutes'") != std::string::npos);
    CHECK(r.err.find("nothing was added; your text is kept in " + draft +
                     ": fix it with 'plg meeting add --edit --file " + draft + "'") !=
          std::string::npos);
    CHECK(files_in(team / "meetings").empty());

    // Going on from the draft: the editor opens it, and once it is valid the
    // meeting is added and the draft removed.
    auto fixed = team({"meeting", "add", "--edit", "--file", draft}, "",
                      editor(team, "sed -i 's/brm/bram/; s/een uur/60/' \"$1\"\n", "fix.sh"));
    INFO(fixed.err);
    REQUIRE(fixed.code == 0);
    std::string stored = read(team / ("meetings/" + trim(fixed.out) + ".yaml"));
    CHECK(stored.find("  - bram\nminutes: 60\n") != std::string::npos);
    CHECK(stored.find("Lange notities die niet verloren mogen gaan.") != std::string::npos);
    CHECK(files_in(team / ".plg/drafts").empty());
    (void)before;
}

TEST_CASE("a template saved unchanged, or a failing editor, adds nothing") {
    Fixture team;
    auto before = snapshot(team.dir.path());
    auto unchanged = team({"meeting", "add", "--edit", "--title", "T"}, "", editor(team, "true\n"));
    CHECK(unchanged.code == 1);
    CHECK(unchanged.err.find("the template was saved unchanged, so no meeting was added") !=
          std::string::npos);
    CHECK(files_in(team / ".plg/drafts").empty());

    auto failing = team({"meeting", "add", "--edit"}, "",
                        editor(team, "echo 'title: Half' >> \"$1\"\nexit 3\n", "fail.sh"));
    CHECK(failing.code == 1);
    CHECK(failing.err.find("exited with status 3; nothing was added, and your text is kept in "
                           ".plg/drafts/meeting-") != std::string::npos);
    auto missing =
        team({"meeting", "add", "--edit"}, "", {{"EDITOR", "no-such-editor-plg"}, {"VISUAL", ""}});
    CHECK(missing.code == 1);
    CHECK(missing.err.find("is it installed? set VISUAL or EDITOR") != std::string::npos);
    auto after = snapshot(team.dir.path());
    after.erase("ed.sh");
    after.erase("fail.sh");
    CHECK(after == before);
}

TEST_CASE("VISUAL comes before EDITOR, and editor commands may take arguments") {
    Fixture team;
    write(team / "visual.sh", "sed -i \"s/^title:\\$/title: $2/\" \"$1\"\n");
    std::map<std::string, std::string> env = {
        {"VISUAL", "f() { sh '" + (team / "visual.sh").string() + "' \"$1\" Visueel; }; f"},
        {"EDITOR", "false"}};
    auto r = team({"meeting", "add", "--edit"}, "", env);
    INFO(r.err);
    REQUIRE(r.code == 0);
    CHECK(trim(r.out).rfind("2026-11-23-visueel-", 0) == 0);
}

TEST_CASE("goal add --edit and reflect add --edit") {
    Fixture team;
    auto goal = team({"goal", "add", "--edit", "--owner", "anna"}, "",
                     saving(team,
                            "title: Leesplezier\nowners:\n  - anna\nbaseline: 3.5\ntarget: 4\n"
                            "status: active\nprogress:\n"));
    INFO(goal.err);
    REQUIRE(goal.code == 0);
    CHECK(goal.out == "leesplezier\n");
    std::string shown = read(team / "shown.yaml");
    CHECK(shown.find("\ntitle:\nowners:\n  - anna\nmeasure:\nunit:\nbaseline:\ntarget:\ndue:\n"
                     "status: active\ncreated: 2026-11-23\nprogress:\n") != std::string::npos);
    CHECK(read(team / "goals/leesplezier.yaml") ==
          "title: Leesplezier\nowners:\n  - anna\nbaseline: 3.5\ntarget: 4\nstatus: active\n"
          "created: 2026-11-23\nprogress:\n");

    auto reflection = team({"reflect", "add", "--edit", "--author", "carla"}, "",
                           saving(team,
                                  "author: carla\ndate: 2026-11-23\ngoal: leesplezier\n"
                                  "went_well: |\n  Voorlezen werkt.\n  Ook in groep 4.\n"
                                  "ratings:\n  collaboration: 5\n"));
    INFO(reflection.err);
    REQUIRE(reflection.code == 0);
    CHECK(read(team / "shown.yaml").find("#| Dimensions: shared-vision,") != std::string::npos);
    auto json = nlohmann::json::parse(
        team({"reflect", "show", trim(reflection.out), "--format", "json"}).out);
    CHECK(json["went_well"] == "Voorlezen werkt.\nOok in groep 4.\n");
    CHECK(json["ratings"]["collaboration"] == 5);
    CHECK(team({"check"}).code == 0);
}

TEST_CASE("--file takes a whole record; an invalid file is refused and left alone") {
    Fixture team;
    write(team / "r.yaml", "author: anna\ndate: 2026-11-02\ntext: Uit een bestand\n");
    auto ok = team({"reflect", "add", "--file", "r.yaml"});
    INFO(ok.err);
    REQUIRE(ok.code == 0);
    CHECK(trim(ok.out).rfind("2026-11-02-anna-", 0) == 0);
    CHECK(fs::exists(team / "r.yaml"));

    write(team / "bad.yaml", "author: anna\ndate: 2026-11-02\nratings:\n  inquiry: 9\n");
    auto bad = team({"reflect", "add", "--file", "bad.yaml"});
    CHECK(bad.code == 1);
    CHECK(bad.err.find("bad.yaml:4:12: error: 'ratings.inquiry' must be a whole number from 1 "
                       "to 5") != std::string::npos);
    CHECK(read(team / "bad.yaml") == "author: anna\ndate: 2026-11-02\nratings:\n  inquiry: 9\n");
}

TEST_CASE("meeting edit keeps the file's comments and refuses an invalid result") {
    Fixture team;
    auto add = team({"meeting", "add", "--date", "2026-11-20", "--title", "Data"});
    REQUIRE(add.code == 0);
    std::string id = trim(add.out);
    std::string rel = "meetings/" + id + ".yaml";
    const std::string hand = "# door Anna\ndate: 2026-11-20\ntitle: Data   # voorlopig\n";
    write(team / rel, hand);

    auto same = team({"meeting", "edit", id}, "", editor(team, "true\n"));
    CHECK(same.code == 0);
    CHECK(same.err == "No changes to " + rel + "\n");

    auto changed = team(
        {"meeting", "edit", id}, "",
        editor(team,
               "cp \"$1\" '" + (team / "shown.yaml").string() + "'\necho 'minutes: 50' >> \"$1\"\n",
               "add.sh"));
    INFO(changed.err);
    REQUIRE(changed.code == 0);
    CHECK(read(team / "shown.yaml").find("#| Editing " + rel) != std::string::npos);
    CHECK(read(team / rel) == hand + "minutes: 50\n");

    auto before = snapshot(team.dir.path());
    auto bad = team({"meeting", "edit", id}, "",
                    editor(team, "echo 'title: Twee keer' >> \"$1\"\n", "bad.sh"));
    CHECK(bad.code == 1);
    CHECK(bad.err.find("error: duplicate key 'title'") != std::string::npos);
    CHECK(bad.err.find("fix it with 'plg meeting edit " + id + " --file .plg/drafts/") !=
          std::string::npos);
    auto after = snapshot(team.dir.path());
    after.erase("bad.sh");
    CHECK(after == before);
    REQUIRE(files_in(team / ".plg/drafts").size() == 1);
    CHECK(read(team / (".plg/drafts/" + files_in(team / ".plg/drafts")[0]))
              .find("title: Twee keer") != std::string::npos);

    // Someone else changes the file while the editor is open: nothing is overwritten.
    auto race =
        team({"meeting", "edit", id}, "",
             editor(team,
                    "echo 'notes: mijn versie' >> \"$1\"\necho 'protocol: hun versie' >> '" +
                        (team / rel).string() + "'\n",
                    "race.sh"));
    CHECK(race.code == 1);
    CHECK(race.err.find("was changed by someone else while you edited it") != std::string::npos);
    // The hint names the kept draft, so the command it gives can be run as it is.
    CHECK(race.err.find("(to merge by hand, run 'plg meeting edit " + id +
                        " --file .plg/drafts/meeting-") != std::string::npos);
    CHECK(read(team / rel) == hand + "minutes: 50\nprotocol: hun versie\n");

    CHECK(team({"meeting", "edit", "nope"}).code == 1);
}

TEST_CASE("on a terminal, an invalid result reopens the editor when asked") {
    // script(1) (util-linux, always on Debian) gives plg a terminal.
    REQUIRE(fs::exists("/usr/bin/script"));
    Fixture team;
    write(team / "twice.sh",
          "n=$(cat '" + (team / "count").string() +
              "' 2>/dev/null || echo 0); n=$((n+1)); echo $n > '" + (team / "count").string() +
              "'\n"
              "if [ $n -eq 1 ]; then sed -i 's/^title:$/title: [kapot/' \"$1\"\n"
              "else sed -i 's/^title: \\[kapot$/title: Tweede poging/' \"$1\"; fi\n");
    std::string command = "EDITOR='sh " + (team / "twice.sh").string() + "' VISUAL= '" +
                          PLG_BINARY + "' meeting add --edit";
    auto r =
        run({"/usr/bin/script", "-qec", command, "/dev/null"}, team.dir.path(), "y\n",
            {{"PLG_TODAY", "2026-11-23"}, {"PLG_DIR", ""}, {"NO_COLOR", "1"}, {"PLG_LANG", "en"}});
    INFO(r.out, r.err);
    CHECK(r.code == 0);
    CHECK(r.out.find("error: YAML syntax error") != std::string::npos);
    CHECK(r.out.find("Open the editor again to fix it? [Y/n]") != std::string::npos);
    CHECK(read(team / "count") == "2\n");
    std::vector<std::string> meetings = files_in(team / "meetings");
    REQUIRE(meetings.size() == 1);
    CHECK(meetings[0].rfind("2026-11-23-tweede-poging-", 0) == 0);
    CHECK(files_in(team / ".plg/drafts").empty());
}

TEST_CASE("a file that starts with a byte order mark is edited like any other") {
    Fixture team;
    auto add = team({"meeting", "add", "--date", "2026-11-20", "--title", "Data"});
    REQUIRE(add.code == 0);
    std::string id = trim(add.out);
    std::string rel = "meetings/" + id + ".yaml";
    const std::string bom = "\xEF\xBB\xBF";
    const std::string hand = "# door Anna\ndate: 2026-11-20\ntitle: Data\n";
    write(team / rel, bom + hand);

    auto same = team({"meeting", "edit", id}, "", editor(team, "true\n"));
    INFO(same.err);
    CHECK(same.code == 0);
    CHECK(same.err == "No changes to " + rel + "\n");
    auto changed =
        team({"meeting", "edit", id}, "", editor(team, "echo 'minutes: 50' >> \"$1\"\n", "add.sh"));
    INFO(changed.err);
    CHECK(changed.code == 0);
    CHECK(read(team / rel) == bom + hand + "minutes: 50\n");  // the mark stays where it was

    // --file: a comment on the first line, after the mark, is kept.
    write(team / "doel.yaml", bom + "# uit het jaarplan\ntitle: Lezen\n");
    REQUIRE(team({"goal", "add", "--file", "doel.yaml"}).code == 0);
    CHECK(read(team / "goals/lezen.yaml") ==
          "# uit het jaarplan\ntitle: Lezen\ncreated: 2026-11-23\n");
}
