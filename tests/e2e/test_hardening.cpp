// Regressions from the second hardening round (issue 17): each case failed
// before its fix.

#include <sys/stat.h>

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
    auto r = team({"meeting", "edit", trim(added.out)}, "",
                  {{"VISUAL", (team / "edit.sh").string()}});
    INFO(r.err);
    REQUIRE(r.code == 0);
    CHECK(read(file) ==
          "#| my own note\ndate: 2026-11-20\ntitle: Started\nnotes: x #| inline\n#| mine too\n");
}
