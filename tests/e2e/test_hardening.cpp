// Regressions from the second hardening round (issue 17): each case failed
// before its fix.

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "e2e.hpp"

using namespace plg::test;

namespace {

// PyYAML's reading of a file, as JSON (dates as text).
std::string pyyaml_json(const fs::path& file) {
    auto r = run({PLG_TEST_PYTHON, "-c",
                  "import json, sys, yaml\n"
                  "print(json.dumps(yaml.safe_load(open(sys.argv[1], encoding='utf-8')), "
                  "default=str, sort_keys=True))\n",
                  file.string()},
                 file.parent_path());
    INFO(r.err);
    REQUIRE(r.code == 0);
    return r.out;
}

}  // namespace

TEST_CASE("in-place edits keep the values they do not mean to change (PyYAML judges)") {
    Fixture team;
    SUBCASE("an entry added after a keep-chomped block keeps its trailing lines") {
        write(team / "goals/a.yaml",
              "title: Lezen\nstatus: active\nprogress:\n  - date: 2026-10-01\n    value: 3\n"
              "    evidence: |+\n      keep\n\n\n");
        REQUIRE(team({"goal", "progress", "a", "--value", "4"}).code == 0);
        CHECK(pyyaml_json(team / "goals/a.yaml").find("\"evidence\": \"keep\\n\\n\\n\"") !=
              std::string::npos);
    }
    SUBCASE("a block at the end of a file without a final newline reads the same after it") {
        write(team / "goals/b.yaml", "title: Lezen\nstatus: active\nmeasure: |\n  no newline");
        REQUIRE(team({"goal", "progress", "b", "--value", "4"}).code == 0);
        CHECK(pyyaml_json(team / "goals/b.yaml").find("\"measure\": \"no newline\"") !=
              std::string::npos);
        CHECK(read(team / "goals/b.yaml") ==
              "title: Lezen\nstatus: active\nmeasure: |-\n  no newline\nprogress:\n"
              "  - {date: 2026-11-23, value: 4}\n");
    }
    SUBCASE("a block's header comment stays when its value is replaced") {
        write(team / "goals/c.yaml",
              "title: Lezen\nstatus: active\nclose_note: >- # why\t\n  old\n");
        REQUIRE(team({"goal", "close", "c", "--dropped", "--note", "new note"}).code == 0);
        CHECK(read(team / "goals/c.yaml") ==
              "title: Lezen\nstatus: dropped\nclosed: 2026-11-23\nclose_note: new note # why\n");
        CHECK(pyyaml_json(team / "goals/c.yaml").find("\"close_note\": \"new note\"") !=
              std::string::npos);
    }
    SUBCASE("a one-line value's comment does not end up inside the block that replaces it") {
        write(team / "goals/d.yaml", "title: Lezen\nstatus: active\nclose_note: old   # why\n");
        REQUIRE(team({"goal", "close", "d", "--dropped", "--note", "two\nlines"}).code == 0);
        CHECK(read(team / "goals/d.yaml") ==
              "title: Lezen\nstatus: dropped\nclosed: 2026-11-23\nclose_note: |- # why\n  two\n"
              "  lines\n");
    }
    CHECK(team({"check"}).code == 0);
}

TEST_CASE("meeting edit keeps a person's own comments that start with '#|'") {
    Fixture team;
    auto added = team({"meeting", "add", "--date", "2026-11-20", "--title", "Start"});
    REQUIRE(added.code == 0);
    fs::path file = team / ("meetings/" + trim(added.out) + ".yaml");
    write(file, "#| my own note\n" + read(file) + "notes: x #| inline\n#| mine too\n");
    write(team / "edit.sh", "#!/bin/sh\nsed -i 's/title: Start/title: Started/' \"$1\"\n");
    fs::permissions(team / "edit.sh", fs::perms::owner_all);
    auto r =
        team({"meeting", "edit", trim(added.out)}, "", {{"VISUAL", (team / "edit.sh").string()}});
    INFO(r.err);
    REQUIRE(r.code == 0);
    CHECK(read(file) ==
          "#| my own note\ndate: 2026-11-20\ntitle: Started\nnotes: x #| inline\n#| mine too\n");
}

TEST_CASE("a change waits for the PLG's lock, then gives up naming the holder") {
    Fixture team;
    write(team / "goals/a.yaml", "title: Lezen\nstatus: active\n");
    std::string before = read(team / "goals/a.yaml");
    // Another plg holds the lock (a stopped one, say): this process takes it.
    fs::create_directories(team / ".plg");
    int fd = ::open((team / ".plg/lock").c_str(), O_RDWR | O_CREAT, 0644);
    REQUIRE(fd >= 0);
    REQUIRE(::flock(fd, LOCK_EX) == 0);
    std::string pid = "4242\n";
    REQUIRE(::pwrite(fd, pid.data(), pid.size(), 0) == ssize_t(pid.size()));
    auto r = team({"goal", "progress", "a", "--value", "4"}, "", {{"PLG_LOCK_TIMEOUT", "1.2"}});
    ::close(fd);
    CHECK(r.code == 1);
    CHECK(r.err.find("plg: waiting for another plg (process 4242)") != std::string::npos);
    CHECK(r.err.find("has held this PLG's lock") != std::string::npos);
    CHECK(r.err.find("(kill 4242)") != std::string::npos);
    CHECK(read(team / "goals/a.yaml") == before);
    CHECK(team({"goal", "progress", "a", "--value", "4"}, "", {{"PLG_LOCK_TIMEOUT", "x"}}).code ==
          2);
    // Free again: the change goes through.
    CHECK(team({"goal", "progress", "a", "--value", "4"}).code == 0);
}

TEST_CASE("in-place writes keep the file's permissions and refuse a read-only file") {
    Fixture team;
    write(team / "goals/a.yaml", "title: Lezen\nstatus: active\n");
    for (auto mode : {fs::perms(0600), fs::perms(0664)}) {
        fs::permissions(team / "goals/a.yaml", mode);
        REQUIRE(team({"goal", "progress", "a", "--value", "4"}).code == 0);
        CHECK(fs::status(team / "goals/a.yaml").permissions() == mode);
    }
    fs::permissions(team / "goals/a.yaml", fs::perms(0444));
    std::string before = read(team / "goals/a.yaml");
    auto r = team({"goal", "close", "a", "--achieved"});
    CHECK(r.code == 1);
    CHECK(r.err.find("goals/a.yaml: is read-only, so plg leaves it as it is; to change it, make it "
                     "writable (chmod u+w goals/a.yaml)") != std::string::npos);
    CHECK(read(team / "goals/a.yaml") == before);
    fs::permissions(team / "goals/a.yaml", fs::perms(0644));
}

TEST_CASE("plg does not follow a .plg link, and names a plg.yaml that is not a file") {
    Fixture team;
    write(team / "goals/a.yaml", "title: Lezen\nstatus: active\n");
    TempDir elsewhere;
    fs::remove_all(team / ".plg");
    fs::create_directory_symlink(elsewhere.path(), team / ".plg");
    for (auto args : std::vector<std::vector<std::string>>{
             {"goal", "progress", "a", "--value", "4"},
             {"meeting", "add", "--edit", "--date", "2026-11-20", "--title", "x"}}) {
        auto r = team(args, "", {{"VISUAL", "true"}});
        INFO(r.err);
        CHECK(r.code == 1);
        CHECK(
            r.err.find(".plg: is a symbolic link; plg keeps its lock, cache and drafts in .plg/") !=
            std::string::npos);
    }
    CHECK(fs::is_empty(elsewhere.path()));
    CHECK(team({"report", "-o", "r.md"}).code == 0);  // reading needs no .plg
    CHECK(fs::is_empty(elsewhere.path()));
    fs::remove(team / ".plg");

    TempDir other;
    REQUIRE(::mkfifo((other / "plg.yaml").c_str(), 0644) == 0);
    auto fifo = run_plg({"check"}, other.path());
    CHECK(fifo.code == 1);
    CHECK(fifo.err.find("plg.yaml: is not a regular file") != std::string::npos);
    fs::remove(other / "plg.yaml");
    fs::create_symlink("/dev/zero", other / "plg.yaml");
    auto link = run_plg({"member", "list"}, other.path());
    CHECK(link.code == 1);
    CHECK(link.err.find("plg.yaml: is a symbolic link") != std::string::npos);
}

TEST_CASE("temporary files left by an interrupted plg are removed by the next change") {
    Fixture team;
    write(team / "goals/a.yaml", "title: Lezen\nstatus: active\n");
    pid_t child = ::fork();
    if (child == 0) {
        ::_exit(0);
    }
    ::waitpid(child, nullptr, 0);  // a process id no longer in use
    std::string stale = ".a.yaml." + std::to_string(child) + "-0.tmp";
    std::string live = ".a.yaml." + std::to_string(::getpid()) + "-7.tmp";
    write(team / ("goals/" + stale), "half");
    write(team / ("goals/" + live), "being written");
    REQUIRE(team({"goal", "progress", "a", "--value", "4"}).code == 0);
    CHECK_FALSE(fs::exists(team / ("goals/" + stale)));
    CHECK(fs::exists(team / ("goals/" + live)));
}

TEST_CASE("Ctrl-C in the editor: plg lives on, says so, and keeps the text") {
    Fixture team;
    // The terminal sends Ctrl-C to plg and to the editor's shell alike.
    write(team / "edit.sh",
          "#!/bin/sh\necho 'title: Half typed' >> \"$1\"\n"
          "kill -INT $(ps -o ppid= -p $PPID) $PPID\nsleep 1\n");
    fs::permissions(team / "edit.sh", fs::perms::owner_all);
    auto r = team.spawn({"meeting", "add", "--edit", "--date", "2026-11-20"}, "",
                        {{"VISUAL", (team / "edit.sh").string()}});
    INFO(r.err);
    CHECK(r.code == 1);
    CHECK(r.err.find("was stopped with Ctrl-C; nothing was added, and your text is kept in "
                     ".plg/drafts/meeting-") != std::string::npos);
    auto drafts = files_in(team / ".plg/drafts");
    REQUIRE(drafts.size() == 1);
    CHECK(read(team / (".plg/drafts/" + drafts[0])).find("title: Half typed") != std::string::npos);
}

TEST_CASE("an empty list item is a warning at its '-', not silently dropped") {
    Fixture team;
    write(team / "meetings/2026-11-20-leeg-abcd.yaml",
          "date: 2026-11-20\ntitle: Leeg\nattendees:\n  - anna\n  -\n  - bram\n");
    auto r = team({"check"});
    CHECK(r.code == 0);
    CHECK((r.out + r.err)
              .find("meetings/2026-11-20-leeg-abcd.yaml:5:3: warning: an empty item in "
                    "'attendees' is left out; fill it in or remove its '-' line") !=
          std::string::npos);
}

TEST_CASE("record text cannot become pandoc attributes, and headings and links pass markdownlint") {
    Fixture team;
    REQUIRE(
        team({"goal", "add", "--title", "Lezen {onmouseover=alert(1)}", "--id", "lezen"}).code ==
        0);
    REQUIRE(team({"goal", "add", "--title", "Rekenen verbeteren.", "--id", "rekenen"}).code == 0);
    REQUIRE(team({"meeting", "add", "--date", "2026-11-20", "--title", "Bronnen", "--attendee",
                  "anna", "--decision", "Zie https://example.org/lees_plan_v2 en {.x}."})
                .code == 0);
    auto r = team({"report", "-o", "verslag.md"});
    INFO(r.err);
    REQUIRE(r.code == 0);
    std::string md = read(team / "verslag.md");
    CHECK(md.find("### Lezen \\{onmouseover=alert(1)\\}\n") != std::string::npos);
    CHECK(md.find("### Rekenen verbeteren\n") != std::string::npos);
    CHECK(md.find("<https://example.org/lees_plan_v2>") != std::string::npos);
    auto lint = run({PLG_TEST_MARKDOWNLINT, "--config",
                     (fs::path(PLG_SOURCE_DIR) / "docs/report.markdownlint.yaml").string(),
                     (team / "verslag.md").string()},
                    team.dir.path());
    INFO(lint.out, lint.err);
    CHECK(lint.code == 0);
    // pandoc's own Markdown (the documented route) reads {...} after a heading as attributes.
    auto html = run(
        {PLG_TEST_PANDOC, (team / "verslag.md").string(), "-o", (team / "verslag.html").string()},
        team.dir.path());
    INFO(html.err);
    REQUIRE(html.code == 0);
    std::string page = read(team / "verslag.html");
    CHECK(page.find(" onmouseover=") == std::string::npos);
    CHECK(page.find("{onmouseover=alert(1)}") != std::string::npos);
    CHECK(page.find("href=\"https://example.org/lees_plan_v2\"") != std::string::npos);
}

TEST_CASE("a change that would pass the 100,000-values limit says so and changes nothing") {
    Fixture team;
    std::string text = "title: Groot\nstatus: active\nprogress:\n";
    for (int i = 0; i < 19998; ++i) {
        text += "  - {date: 2026-01-01, value: " + std::to_string(i) + "}\n";
    }
    write(team / "goals/groot.yaml", text);
    auto r = team({"goal", "progress", "groot", "--value", "3"});
    CHECK(r.code == 1);
    CHECK(r.err.find("goals/groot.yaml could not be read after the change (more than 100000 values "
                     "in one file") != std::string::npos);
    CHECK(r.err.find("internal error") == std::string::npos);
    CHECK(read(team / "goals/groot.yaml") == text);
}

TEST_CASE("meeting list lines titles up to 40 characters, shortening a longer one on a terminal") {
    Fixture team;
    std::string long_title(300, 'x');
    REQUIRE(team({"meeting", "add", "--date", "2026-11-20", "--title", long_title}).code == 0);
    REQUIRE(team({"meeting", "add", "--date", "2026-11-21", "--title", "Kort"}).code == 0);
    auto r = team({"meeting", "list"});
    REQUIRE(r.code == 0);
    std::istringstream lines(r.out);
    std::string first;
    std::string second;
    std::getline(lines, first);
    std::getline(lines, second);
    CHECK(first.find(long_title + "  ") != std::string::npos);
    CHECK(second.rfind("2026-11-21  Kort" + std::string(36, ' ') + "  ", 0) == 0);
    CHECK(second.size() < 100);
    // On a terminal (script(1) gives plg one) the long title is shortened with '…'.
    auto tty = run({"script", "-qec", std::string(PLG_BINARY) + " meeting list", "/dev/null"},
                   team.dir.path(), "", {{"PLG_TODAY", "2026-11-23"}, {"PLG_DIR", ""}});
    INFO(tty.out, tty.err);
    CHECK(tty.code == 0);
    CHECK(tty.out.find("2026-11-20  " + std::string(39, 'x') + "\u2026  ") != std::string::npos);
}

TEST_CASE("a decimal comma: taken from a flag, explained in a file") {
    Fixture team;
    REQUIRE(team({"goal", "add", "--title", "Lezen", "--id", "lezen", "--baseline", "62,5",
                  "--target", "80"})
                .code == 0);
    REQUIRE(team({"goal", "progress", "lezen", "--value", "70,25"}).code == 0);
    std::string goal = read(team / "goals/lezen.yaml");
    CHECK(goal.find("baseline: 62.5\n") != std::string::npos);
    CHECK(goal.find("value: 70.25}") != std::string::npos);
    auto bad = team({"goal", "progress", "lezen", "--value", "7,5,1"});
    CHECK(bad.code == 2);
    CHECK(bad.err.find("--value: '7,5,1' is not a number; write it like 12, 7.5 or 7,5") !=
          std::string::npos);
    write(team / "goals/lezen.yaml", "title: Lezen\nstatus: active\ntarget: 62,5\n");
    auto check = team({"check"});
    CHECK(check.code == 1);
    CHECK(check.out.find("goals/lezen.yaml:3:9: error: 'target' is written 62,5, which YAML reads "
                         "as text: numbers in a file take a point, so write 62.5") !=
          std::string::npos);
}

TEST_CASE(
    "action done --date records the day it was done, never before the meeting or later than "
    "today") {
    Fixture team;
    auto added = team({"meeting", "add", "--date", "2026-11-20", "--title", "Acties", "--action",
                       "Toets maken @anna"});
    REQUIRE(added.code == 0);
    std::string id = trim(added.out) + "#1";
    fs::path file = team / ("meetings/" + trim(added.out) + ".yaml");
    std::string before = read(file);
    auto early = team({"action", "done", id, "--date", "2026-11-19"});
    CHECK(early.code == 1);
    CHECK(early.err.find("--date 2026-11-19 is before the meeting that agreed the action "
                         "(2026-11-20)") != std::string::npos);
    auto late = team({"action", "done", id, "--date", "2026-11-30"});
    CHECK(late.code == 2);
    CHECK(read(file) == before);
    REQUIRE(team({"action", "done", id, "--date", "2026-11-21"}).code == 0);
    CHECK(read(file).find("    done: true\n    done_on: 2026-11-21\n") != std::string::npos);
}

TEST_CASE("meeting add --role records who held a rotating role") {
    Fixture team;
    auto added = team({"meeting", "add", "--date", "2026-11-20", "--title", "Rollen", "--role",
                       "note_taker=anna", "--role", "timekeeper=bram"});
    REQUIRE(added.code == 0);
    CHECK(read(team / ("meetings/" + trim(added.out) + ".yaml")) ==
          "date: 2026-11-20\ntitle: Rollen\nroles:\n  note_taker: anna\n  timekeeper: bram\n");
    for (auto bad : std::vector<std::string>{"yes=anna", "Note=anna", "note_taker", "x=anan"}) {
        auto r = team({"meeting", "add", "--date", "2026-11-20", "--title", "R", "--role", bad});
        INFO(bad, r.err);
        CHECK(r.code != 0);
    }
    CHECK(team({"meeting", "add", "--date", "2026-11-20", "--title", "R", "--role", "x=anna",
                "--role", "x=bram"})
              .code == 2);
    write(team / "meetings/2026-11-21-r-abcd.yaml",
          "date: 2026-11-21\ntitle: R\nroles:\n  on: anna\n");
    auto check = team({"check"});
    CHECK(check.out.find("meetings/2026-11-21-r-abcd.yaml:4:3: error: the role 'on' is read by "
                         "other YAML tools as a yes/no value") != std::string::npos);
}
