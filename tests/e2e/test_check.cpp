#include "e2e.hpp"

using namespace plg::test;

TEST_CASE("plg check on a clean PLG prints nothing") {
    Fixture team;
    write(team / "meetings/2026-11-20-data.yaml",
          "date: 2026-11-20\ntitle: Data\nfacilitator: anna\nattendees: [anna, bram]\n");
    write(team / "goals/tafels.yaml", "title: Tafels\nowners: [anna]\nbaseline: 40\ntarget: 80\n");
    write(team / "reflections/2026-11-21-bram.yaml",
          "author: bram\ndate: 2026-11-21\nmeeting: 2026-11-20-data\ngoal: tafels\n"
          "ratings:\n  collaboration: 4\n");
    auto r = team({"check"});
    CHECK(r.code == 0);
    CHECK(r.out == "");
    CHECK(r.err == "");
}

TEST_CASE("plg check reports every problem with file, line and column") {
    Fixture team;
    write(team / "meetings/2026-11-20-data.yaml",
          "date: 2026-11-20\ntitle: Data\natendees: [anna]\nfacilitator: brm\n");
    write(team / "meetings/2026-11-21-tabs.yaml", "date: 2026-11-21\ntitle: T\nagenda:\n\t- x\n");
    write(team / "goals/tafels.yaml", "title: Tafels\ntitle: Again\nbaseline: veel\n");
    write(team / "reflections/2026-11-21-x.yaml", "author: zed\ndate: 2026-11-31\n");
    write(team / "reflections/2026-12-01-later.yaml", "author: anna\ndate: 2026-12-01\ntext: hi\n");
    write(team / "meetings/empty.yaml", "");
    write(team / "meetings/notes.txt", "x");
    auto r = team({"check"});
    CHECK(r.code == 1);
    CHECK(r.out ==
          "meetings/notes.txt: warning: ignored: not a '.yaml' record file\n"
          "meetings/2026-11-20-data.yaml:3:1: error: unknown key 'atendees' in a meeting; did "
          "you mean 'attendees'?\n"
          "meetings/2026-11-20-data.yaml:4:14: error: unknown member 'brm' in facilitator; did "
          "you mean 'bram'?\n"
          "meetings/2026-11-21-tabs.yaml:4:1: error: a tab is used for indentation; YAML indents "
          "with spaces only, so replace the tab with spaces\n"
          "meetings/empty.yaml:1:1: error: the file is empty; write the record's fields in it "
          "(docs/file-format.md lists them) or delete it\n"
          "goals/tafels.yaml:2:1: error: duplicate key 'title' (first given at line 1); keep "
          "only one of them. After a git merge this means the goal was changed (or added with "
          "the id 'tafels') on two branches: keep the right line, and put two different goals in "
          "two files (goals/tafels-2.yaml)\n"
          "goals/tafels.yaml:3:11: error: 'baseline' must be a number, like 12 or 7.5, not "
          "'veel'\n"
          "reflections/2026-11-21-x.yaml:1:9: error: unknown member 'zed' in author; add it with "
          "'plg member add zed --name ...' or use one of: anna, bram, carla\n"
          "reflections/2026-11-21-x.yaml:2:7: error: 'date' must be a date written YYYY-MM-DD, "
          "like 2026-11-23, not '2026-11-31'\n"
          "reflections/2026-11-21-x.yaml:1:1: warning: the reflection has no text, prompts or "
          "ratings\n"
          "reflections/2026-12-01-later.yaml:2:7: warning: 'date' 2026-12-01 is in the future\n");
    CHECK(r.err == "8 errors, 3 warnings\n");
}

TEST_CASE("plg check --format json") {
    Fixture team;
    write(team / "goals/g.yaml", "title: G\nowners: [nobody]\n");
    auto r = team({"check", "--format", "json"});
    CHECK(r.code == 1);
    CHECK(r.err == "");
    CHECK(r.out.find("\"ok\": false") != std::string::npos);
    if (std::string(PLG_TEST_JQ) != "") {
        write(team / "out.json", r.out);
        auto jq =
            run({PLG_TEST_JQ, "-r",
                 ".problems[] | \"\\(.file):\\(.line):\\(.column) \\(.severity)\"", "out.json"},
                team.dir.path());
        CHECK(jq.out == "goals/g.yaml:2:10 error\n");
    }
    auto clean = Fixture();
    auto ok = clean({"check", "--format", "json"});
    CHECK(ok.code == 0);
    CHECK(ok.out.find("\"ok\": true") != std::string::npos);
}

TEST_CASE("plg check on hostile files exits 1 without crashing") {
    Fixture team;
    std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n";
    for (char c = 'b'; c <= 'k'; ++c) {
        std::string p(1, char(c - 1));
        bomb += std::string(1, c) + ": &" + c + " [*" + p + ", *" + p + ", *" + p + ", *" + p +
                ", *" + p + ", *" + p + ", *" + p + ", *" + p + ", *" + p + "]\n";
    }
    write(team / "meetings/bomb.yaml", bomb);
    write(team / "meetings/deep.yaml", std::string(10000, '[') + std::string(10000, ']'));
    write(team / "meetings/binary.yaml", std::string("ok\x00\xff\xfe garbage", 13));
    write(team / "meetings/control.yaml", std::string("title: a\0b\n", 11));
    write(team / "meetings/multi.yaml", "date: 2026-01-01\ntitle: a\n---\ndate: 2026-01-02\n");
    {
        std::ofstream big(team / "meetings/big.yaml");
        big.seekp(50 << 20);
        big << 'x';
    }
    fs::create_symlink("/etc/passwd", team / "goals/link.yaml");
    fs::create_directory(team / "goals/dir.yaml");
    auto r = team({"check"});
    CHECK(r.code == 1);
    CHECK(r.out.find("meetings/bomb.yaml:1:4: error: anchors (&a)") != std::string::npos);
    CHECK(r.out.find("meetings/deep.yaml:1:65: error: values are nested more than 64") !=
          std::string::npos);
    CHECK(r.out.find("meetings/binary.yaml:1:4: error: the file is not valid UTF-8 (byte 0xFF)") !=
          std::string::npos);
    CHECK(r.out.find("meetings/control.yaml:1:9: error: control character 0x00") !=
          std::string::npos);
    CHECK(r.out.find("meetings/multi.yaml:3:1: error: a second YAML document") !=
          std::string::npos);
    CHECK(r.out.find("meetings/big.yaml: error: the file is 52428801 bytes") != std::string::npos);
    CHECK(r.out.find("goals/link.yaml: error: is a symbolic link") != std::string::npos);
    CHECK(r.out.find("goals/dir.yaml: error: is not a regular file") != std::string::npos);
    CHECK(r.out.find("root:") == std::string::npos);
}

TEST_CASE("plg check on a broken plg.yaml still checks the records' syntax") {
    Fixture team;
    write(team / "plg.yaml", "name: [broken\n");
    write(team / "meetings/2026-01-01-a.yaml", "date: 2026-01-01\n");
    auto r = team({"check"});
    CHECK(r.code == 1);
    CHECK(r.out.find("plg.yaml:") == 0);
    CHECK(r.out.find("meetings/2026-01-01-a.yaml:1:1: error: a meeting needs 'title'") !=
          std::string::npos);
}
