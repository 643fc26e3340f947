// plg import: registers from spreadsheets and survey tools, as they really
// come (a byte order mark, ';' from Dutch Excel, quoted commas, names typed
// by hand), imported twice; and every way a file or map can be wrong.

#include "e2e.hpp"

using namespace plg::test;

namespace {

const char* k_register_map =
    "# the register the school keeps in Excel\n"
    "columns:\n"
    "  date: Datum\n"
    "  member: Naam\n"
    "  present: Aanwezig\n"
    "  reason: Reden\n"
    "date_format: DD-MM-YYYY\n";

std::string meeting_id(const Fixture& f, const std::string& date, const std::string& title) {
    auto r = f({"meeting", "add", "--date", date, "--title", title, "-q"});
    REQUIRE(r.code == 0);
    return trim(r.out);
}

const std::string k_fix_map =
    "plg: error: fix the map file map.yaml and import again (docs/import.md shows one)\n";

}  // namespace

TEST_CASE("a Dutch Excel register is imported once, whatever is run twice") {
    Fixture f;
    std::string start = meeting_id(f, "2026-09-15", "Start");
    std::string data = meeting_id(f, "2026-10-06", "Data bespreken");
    // A person's comment in the meeting file survives the import.
    std::string file = "meetings/" + start + ".yaml";
    write(f / file, "# startbijeenkomst in de aula\n" + read(f / file));
    write(f / "map.yaml", k_register_map);
    write(f / "register.csv",
          "\xEF\xBB\xBF"
          "Datum;Naam;Aanwezig;Reden\r\n"
          "15-09-2026;Anna de Vries;ja;\r\n"
          "15-09-2026;bram;nee;\"ziek; koorts, thuis\"\r\n"
          "15-09-2026;Jan Smit;ja;\r\n"
          "6-10-2026;CARLA ÖZTÜRK;x;\r\n"
          ";;;\r\n"
          "06-10-2026;anna;1;\r\n");
    auto r = f({"import", "attendance", "register.csv", "--map", "map.yaml"});
    CHECK(r.code == 1);
    CHECK(r.out.empty());
    CHECK(r.err ==
          "Added 4 attendances to 2 meetings (5 rows)\n"
          "register.csv:4: error: 'Jan Smit' (column 'Naam') is no member's id or name; add them "
          "with 'plg member add', or fix the name\n"
          "plg: error: 1 row was not imported (above); fix it in register.csv and import again "
          "(what is already in the records is not added twice)\n");
    CHECK(read(f / file) ==
          "# startbijeenkomst in de aula\n"
          "date: 2026-09-15\n"
          "title: Start\n"
          "attendees:\n"
          "  - anna\n"
          "absent:\n"
          "  - member: bram\n"
          "    reason: ziek; koorts, thuis\n");
    CHECK(read(f / ("meetings/" + data + ".yaml")).find("attendees:\n  - carla\n  - anna\n") !=
          std::string::npos);
    auto before = snapshot(f.dir.path());
    // Again: nothing is added twice, and the row that matched no one is listed again.
    r = f({"import", "attendance", "register.csv", "--map", "map.yaml"});
    CHECK(r.code == 1);
    CHECK(r.err.find("Nothing to add (5 rows; 4 were in the records already)\n") == 0);
    CHECK(snapshot(f.dir.path()) == before);
    // Once the member is added, the last row goes in too.
    REQUIRE(f({"member", "add", "jan", "--name", "Jan Smit", "-q"}).code == 0);
    r = f({"import", "attendance", "register.csv", "--map", "map.yaml"});
    CHECK(r.code == 0);
    CHECK(r.err == "Added 1 attendance to 1 meeting (5 rows; 4 were in the records already)\n");
    auto check = f({"check"});
    CHECK(check.code == 0);
    if (std::string(PLG_TEST_PYTHON) != "") {
        auto py = run({PLG_TEST_PYTHON, "-c",
                       "import yaml,sys; d = yaml.safe_load(open(sys.argv[1])); "
                       "print(d['attendees'], d['absent'])",
                       file},
                      f.dir.path());
        CHECK(py.out == "['anna', 'jan'] [{'member': 'bram', 'reason': 'ziek; koorts, thuis'}]\n");
    }
}

TEST_CASE("import --dry-run says what it would write and writes nothing") {
    Fixture f;
    std::string start = meeting_id(f, "2026-09-15", "Start");
    write(f / "map.yaml", k_register_map);
    write(f / "register.csv",
          "Datum,Naam,Aanwezig,Reden\n15-09-2026,anna,ja,\n15-09-2026,bram,nee,ziek\n");
    auto before = snapshot(f.dir.path());
    auto r = f({"import", "attendance", "register.csv", "--map", "map.yaml", "--dry-run"});
    CHECK(r.code == 0);
    CHECK(r.out == "meetings/" + start + ".yaml: present: anna; absent: bram (ziek)\n");
    CHECK(r.err == "Would add 2 attendances to 1 meeting (2 rows)\n");
    CHECK(snapshot(f.dir.path()) == before);
}

TEST_CASE("meetings from a survey export: one per date and title, never twice") {
    Fixture f;
    std::string existing = meeting_id(f, "2026-10-06", "Data bespreken");
    write(f / "kobo-map.yaml",
          "columns:\n  date: meeting_date\n  title: topic\n  minutes: duration\n"
          "  member: teacher\n  present: attended\n");
    write(f / "kobo.csv",
          "meeting_date,topic,duration,teacher,attended\n"
          "2026-11-03T15:30:00.000+02:00,\"Lesson study, round 1\",60,anna,1\n"
          "2026-11-03T15:30:00.000+02:00,\"Lesson study, round 1\",60,bram,0\n"
          "2026-11-03T15:30:00.000+02:00,\"Lesson study, round 1\",,carla,1\n"
          "2026-11-17,Feedback,45,anna,yes\n"
          "2026-10-06,data bespreken,60,bram,yes\n");
    auto r = f({"import", "meetings", "kobo.csv", "--map", "kobo-map.yaml"});
    INFO(r.err);
    CHECK(r.code == 0);
    CHECK(r.err == "Added 1 attendance to 1 meeting, created 2 meetings (5 rows)\n");
    auto ids = files_in(f / "meetings");
    REQUIRE(ids.size() == 3);
    CHECK(r.out ==
          ids[1].substr(0, ids[1].size() - 5) + "\n" + ids[2].substr(0, ids[2].size() - 5) + "\n");
    CHECK(read(f / ("meetings/" + ids[1])) ==
          "date: 2026-11-03\n"
          "title: Lesson study, round 1\n"
          "attendees:\n"
          "  - anna\n"
          "  - carla\n"
          "absent:\n"
          "  - bram\n"
          "minutes: 60\n");
    CHECK(read(f / ("meetings/" + existing + ".yaml")).find("attendees:\n  - bram\n") !=
          std::string::npos);
    auto before = snapshot(f.dir.path());
    r = f({"import", "meetings", "kobo.csv", "--map", "kobo-map.yaml"});
    CHECK(r.code == 0);
    CHECK(r.out.empty());
    CHECK(r.err == "Nothing to add (5 rows; 5 were in the records already)\n");
    CHECK(snapshot(f.dir.path()) == before);
    CHECK(f({"check"}).code == 0);
}

TEST_CASE("rows that match no meeting, or contradict the records, are listed, never guessed") {
    Fixture f;
    meeting_id(f, "2026-09-15", "Start");
    meeting_id(f, "2026-09-29", "Ochtend");
    meeting_id(f, "2026-09-29", "Middag");
    REQUIRE(f({"meeting", "add", "--date", "2026-10-13", "--title", "Lesbezoek", "--attendee",
               "anna", "--absent", "bram", "-q"})
                .code == 0);
    write(f / "map.yaml", "columns: {date: Datum, member: Naam, present: Aanwezig}\n");
    write(f / "r.csv",
          "Datum\tNaam\tAanwezig\n"
          "2026-09-16\tanna\tja\n"
          "2026-09-29\tanna\tja\n"
          "2026-10-13\tbram\tja\n"
          "2026-10-13\tanna\tmisschien\n"
          "15-09-2026\tanna\tja\n");
    auto r = f({"import", "attendance", "r.csv", "--map", "map.yaml"});
    CHECK(r.code == 1);
    CHECK(r.err ==
          "Nothing to add (5 rows)\n"
          "r.csv:2: error: there is no meeting on 2026-09-16; add it first (plg meeting add, or "
          "plg import meetings)\n"
          "r.csv:3: error: there are 2 meetings on 2026-09-29; name the meeting in a column the "
          "map gives as 'meeting'\n"
          "r.csv:4: error: bram is absent in " +
              files_in(f / "meetings")[3].substr(0, files_in(f / "meetings")[3].size() - 5) +
              ", present in this row; change one of the two by hand\n"
              "r.csv:5: error: 'misschien' in the column 'Aanwezig' is neither present nor "
              "absent; give present_values and absent_values in the map\n"
              "r.csv:6: error: '15-09-2026' in the column 'Datum' is not a date like "
              "2026-11-23; fix it, or set date_format in the map\n"
              "plg: error: 5 rows were not imported (above); fix them in r.csv and import again "
              "(what is already in the records is not added twice)\n");
    // With a 'meeting' column, the day with two meetings is told apart by title.
    write(f / "map.yaml",
          "columns: {date: Datum, member: Naam, present: Aanwezig, meeting: Wat}\n");
    write(f / "r.csv", "Datum,Naam,Aanwezig,Wat\n2026-09-29,anna,ja,middag\n");
    r = f({"import", "attendance", "r.csv", "--map", "map.yaml"});
    CHECK(r.code == 0);
    CHECK(r.err == "Added 1 attendance to 1 meeting (1 row)\n");
}

// Regression (found by fuzz_import): a control character in a register's title
// made writing the new meeting throw halfway through the import.
TEST_CASE("a text plg does not keep in records is listed, and the other rows imported") {
    Fixture f;
    write(f / "map.yaml", "columns: {date: d, title: t, member: w, reason: r, present: p}\n");
    write(f / "r.csv",
          "d,t,w,p,r\n2026-09-15,Start\x01,anna,1,\n2026-09-16,Tweede,anna,0,ziek\x07\n"
          "2026-09-17,Derde,anna,1,\n");
    auto r = f({"import", "meetings", "r.csv", "--map", "map.yaml"});
    CHECK(r.code == 1);
    CHECK(r.err.find("Created 1 meeting (3 rows)\n"
                     "r.csv:2: error: column 't': the text \"Start\\x01\" holds the control "
                     "character 0x01") == 0);
    CHECK(r.err.find("r.csv:3: error: column 'r': the text \"ziek\\x07\"") != std::string::npos);
    CHECK(files_in(f / "meetings").size() == 1);
    CHECK(f({"check"}).code == 0);
}

TEST_CASE("a broken register or map is refused with where and why, nothing written") {
    Fixture f;
    meeting_id(f, "2026-09-15", "Start");
    write(f / "ok.csv", "Datum,Naam\n2026-09-15,anna\n");
    auto before = snapshot(f.dir.path());
    struct Case {
        std::string map;
        std::string csv;
        std::string err;
    };
    for (const auto& c : std::vector<Case>{
             {"columns:\n  date: Datum\n  membr: Naam\n", "ok.csv",
              "map.yaml:3:3: error: unknown column 'membr' for importing attendance; did you "
              "mean 'member'?; the columns are: date, member, present, reason, meeting\n"
              "map.yaml:1:1: error: the map needs 'columns:' with 'member: HEADER', the CSV "
              "column that holds it\n" +
                  k_fix_map},
             {"colums:\n  date: Datum\n", "ok.csv",
              "map.yaml:1:1: error: unknown key 'colums' in a map file; did you mean 'columns'?; "
              "the keys are: columns, separator, date_format, present_values, absent_values\n"
              "map.yaml:1:1: error: the map needs 'columns:' with 'date: HEADER', the CSV column "
              "that holds it\n"
              "map.yaml:1:1: error: the map needs 'columns:' with 'member: HEADER', the CSV "
              "column that holds it\n" +
                  k_fix_map},
             {"columns: {date: Datum, member: Lid}\n", "ok.csv",
              "plg: error: ok.csv:1: the map's member column 'Lid' is not in the header; its "
              "columns are: 'Datum', 'Naam'\n"},
             {"columns: {date: Datum, member: Naam}\ndate_format: 23-11\n", "ok.csv",
              "map.yaml:2:14: error: date_format must be YYYY-MM-DD, DD-MM-YYYY or MM/DD/YYYY\n" +
                  k_fix_map},
             {"columns: [Datum]\n", "ok.csv",
              "map.yaml:1:10: error: 'columns' must be a mapping like 'date: Datum'\n" + k_fix_map},
             {"columns: {date: Datum, member: Naam}\n", "latin1.csv",
              "plg: error: latin1.csv:2: is not UTF-8; save it as \"CSV UTF-8\" (in "
              "LibreOffice: character set Unicode (UTF-8))\n"},
             {"columns: {date: Datum, member: Naam}\n", "open.csv",
              "plg: error: open.csv:2: a quoted field is never closed with '\"'; close it, or "
              "double a '\"' inside it\n"},
             {"columns: {date: Datum, member: Naam}\n", "empty.csv",
              "plg: error: empty.csv:1: the file has no header row; its first line must name the "
              "columns\n"},
             {"columns: {date: Datum, member: Naam}\n", "missing.csv",
              "plg: error: missing.csv: cannot read the file: No such file or directory\n"},
         }) {
        write(f / "map.yaml", c.map);
        write(f / "latin1.csv", "Datum,Naam\n2026-09-15,Bj\xf6rn\n");
        write(f / "open.csv", "Datum,Naam\n2026-09-15,\"anna\n");
        write(f / "empty.csv", "\n\n");
        auto r = f({"import", "attendance", c.csv, "--map", "map.yaml"});
        INFO(c.map, c.csv);
        CHECK(r.code == 1);
        CHECK(r.err == c.err);
        for (const char* extra : {"map.yaml", "latin1.csv", "open.csv", "empty.csv"}) {
            fs::remove(f / extra);
        }
        CHECK(snapshot(f.dir.path()) == before);
    }
    auto r = f({"import", "attendance", "ok.csv"});
    CHECK(r.code == 2);
    CHECK(r.err.find("--map") != std::string::npos);
    r = f({"import", "register", "ok.csv", "--map", "m.yaml"});
    CHECK(r.code == 2);
}
