#include <doctest/doctest.h>

#include <sys/stat.h>

#include <algorithm>
#include <fstream>
#include <set>

#include "../support/support.hpp"
#include "plg/store/store.hpp"

using namespace plg;
namespace fs = std::filesystem;
using plg::test::TempDir;

TEST_CASE("plg::find_root") {
    TempDir dir;
    test::write(dir / "plg.yaml", "name: X\n");
    fs::create_directories(dir / "meetings/deep/er");
    CHECK(find_root(dir / "meetings/deep/er") == dir.path());
    CHECK(find_root(dir.path()) == dir.path());
    TempDir other;
    CHECK_FALSE(find_root(other.path()).has_value());
}

TEST_CASE("plg::write_atomic and plg::create_exclusive") {
    TempDir dir;
    auto file = dir / "a.yaml";
    CHECK(create_exclusive(file, "one\n"));
    CHECK_FALSE(create_exclusive(file, "two\n"));
    CHECK(test::read(file) == "one\n");
    write_atomic(file, "three\n");
    CHECK(test::read(file) == "three\n");
    // No temporary file is left behind.
    size_t count = 0;
    for ([[maybe_unused]] auto& e : fs::directory_iterator(dir.path())) {
        ++count;
    }
    CHECK(count == 1);
    CHECK_THROWS_AS(write_atomic(dir / "missing/folder/x.yaml", "x"), Error);
}

TEST_CASE("plg::read_file refuses links, folders and huge files") {
    TempDir dir;
    test::write(dir / "ok.yaml", "x: 1\n");
    fs::create_symlink("/etc/passwd", dir / "link.yaml");
    fs::create_directory(dir / "folder.yaml");
    CHECK(read_file(dir / "ok.yaml", "ok.yaml") == "x: 1\n");
    CHECK_THROWS_WITH_AS(read_file(dir / "link.yaml", "link.yaml"),
                         doctest::Contains("symbolic link"), Error);
    CHECK_THROWS_WITH_AS(read_file(dir / "folder.yaml", "folder.yaml"),
                         doctest::Contains("not a regular file"), Error);
    CHECK_THROWS_WITH_AS(read_file(dir / "missing.yaml", "missing.yaml"),
                         doctest::Contains("cannot read"), Error);
    {
        std::ofstream big(dir / "big.yaml");
        big.seekp(50 << 20);
        big << 'x';
    }
    CHECK_THROWS_WITH_AS(read_file(dir / "big.yaml", "big.yaml"),
                         doctest::Contains("at most 1048576 bytes"), Error);
}

TEST_CASE("plg::read_file reads in one call and still reads what fstat cannot size") {
    TempDir dir;
    test::write(dir / "empty.yaml", "");
    CHECK(read_file(dir / "empty.yaml", "empty.yaml").empty());
    // Exactly at the limit is read; a byte more is refused unread.
    test::write(dir / "limit.yaml", std::string(1 << 20, 'x'));
    CHECK(read_file(dir / "limit.yaml", "limit.yaml").size() == size_t(1 << 20));
    test::write(dir / "over.yaml", std::string((1 << 20) + 1, 'x'));
    CHECK_THROWS_WITH_AS(read_file(dir / "over.yaml", "over.yaml"),
                         doctest::Contains("at most 1048576 bytes"), Error);
    // A regular file whose size fstat gives as 0 but which has bytes (as /proc's
    // have): read on until the end.
    std::string status = read_file("/proc/self/status", "status");
    CHECK(status.find("Name:") == 0);
    CHECK(status.back() == '\n');
    // A FIFO is refused at once: opening it does not wait for a writer.
    REQUIRE(::mkfifo((dir / "fifo.yaml").c_str(), 0600) == 0);
    CHECK_THROWS_WITH_AS(read_file(dir / "fifo.yaml", "fifo.yaml"),
                         doctest::Contains("not a regular file"), Error);
}

TEST_CASE("plg::RecordFolder lists with the folder's own types and reads relative to it") {
    TempDir dir;
    for (int i = 0; i < 40; ++i) {
        test::write(dir / "goals" / ("g" + std::to_string(i) + ".yaml"),
                    "title: " + std::to_string(i) + "\n");
    }
    fs::create_symlink("g1.yaml", dir / "goals/link.yaml");
    REQUIRE(::mkfifo((dir / "goals/fifo.yaml").c_str(), 0600) == 0);
    Store store(dir.path(), "x");
    std::vector<Diagnostic> problems;
    RecordFolder goals(store, Kind::goal, problems);
    CHECK(goals.ids().size() == 40);
    CHECK(std::is_sorted(goals.ids().begin(), goals.ids().end()));
    CHECK(problems.size() == 2);  // the link and the FIFO
    CHECK(goals.read("g7") == "title: 7\n");
    CHECK(goals.shown("g7") == "x/goals/g7.yaml");
    CHECK_THROWS_WITH_AS(goals.read("link"), doctest::Contains("symbolic link"), Error);
    try {
        goals.read("g99");
        FAIL("a missing record was read");
    } catch (const Error& e) {
        CHECK(e.where().file == "x/goals/g99.yaml");
        CHECK(std::string(e.what()).find("cannot read the file") != std::string::npos);
    }
    // The folder stays open: renaming the PLG after listing still reads it.
    fs::rename(dir / "goals", dir / "moved");
    CHECK(goals.read("g3") == "title: 3\n");
    // No folder: no records, no problem; a file where the folder should be: one error.
    std::vector<Diagnostic> none;
    CHECK(RecordFolder(store, Kind::meeting, none).ids().empty());
    CHECK(none.empty());
    test::write(dir / "reflections", "x");
    RecordFolder file(store, Kind::reflection, none);
    REQUIRE(none.size() == 1);
    CHECK(none[0].message.find("should be a folder") != std::string::npos);
}

TEST_CASE("plg::load gives the same records and problems on any number of threads") {
    TempDir dir;
    test::write(dir / "plg.yaml", "name: X\nmembers:\n  - id: anna\n    name: Anna\n");
    for (int i = 0; i < 150; ++i) {
        std::string day = "2026-0" + std::to_string(1 + i % 9) + "-1" + std::to_string(i % 10);
        // Every seventh meeting names an unknown member; every eleventh does not parse.
        std::string who = i % 7 == 0 ? "bob" : "anna";
        test::write(
            dir / "meetings" / (day + "-m" + std::to_string(i) + ".yaml"),
            i % 11 == 0 ? "date: [\n" : "date: " + day + "\ntitle: M\nattendees: [" + who + "]\n");
        test::write(dir / "reflections" / (day + "-r" + std::to_string(i) + ".yaml"),
                    "author: anna\ndate: " + day + "\ntext: t" + std::to_string(i) + "\n");
    }
    test::write(dir / "goals/g.yaml", "title: G\nowners: [anna]\nmeeting_typo: 1\n");
    Store store(dir.path(), "");
    Date today = *Date::parse_iso("2026-12-01");
    Plg one = load(store, today, {{Kind::meeting, Kind::goal, Kind::reflection}, 1});
    auto text = [](const Plg& p) {
        std::string out;
        for (const auto& d : p.problems) {
            out += format_diagnostic(d) + "\n";
        }
        for (const auto& m : p.meetings) {
            out += m.id + "\n";
        }
        for (const auto& r : p.reflections) {
            out += r.id + " " + r.text + "\n";
        }
        return out + std::to_string(p.goals.size());
    };
    CHECK(one.meetings.size() == 150 - 14 - 22 + 2);  // 0, 77 count once in both
    CHECK(one.reflections.size() == 150);
    for (unsigned threads : {2u, 3u, 8u}) {
        Plg many = load(store, today, {{Kind::meeting, Kind::goal, Kind::reflection}, threads});
        CHECK(text(many) == text(one));
    }
    // Only the goals: the meetings are listed (a goal may name one), not read.
    Plg goals = load(store, today, {{Kind::goal}, 2});
    CHECK(goals.meetings.empty());
    CHECK(goals.reflections.empty());
    CHECK(goals.goals.empty());  // its unknown key is an error
    REQUIRE(goals.problems.size() == 1);
    CHECK(goals.problems[0].where.file == "goals/g.yaml");
}

TEST_CASE("plg::Store::list reports what cannot be a record") {
    TempDir dir;
    test::write(dir / "meetings/2026-01-01-a.yaml", "x");
    test::write(dir / "meetings/.2026-01-01-a.yaml.123-0.tmp", "x");
    test::write(dir / "meetings/notes.yml", "x");
    test::write(dir / "meetings/README.md", "x");
    test::write(dir / "meetings/Bad Name.yaml", "x");
    fs::create_directory(dir / "meetings/sub.yaml");
    fs::create_symlink("../../outside.yaml", dir / "meetings/link.yaml");
    Store store(dir.path(), "");
    std::vector<Diagnostic> problems;
    auto ids = store.list(Kind::meeting, problems);
    CHECK(ids == std::vector<std::string>{"2026-01-01-a"});
    auto has = [&](const std::string& file, const std::string& words, Severity s) {
        return std::any_of(problems.begin(), problems.end(), [&](const Diagnostic& d) {
            return d.where.file == file && d.severity == s &&
                   d.message.find(words) != std::string::npos;
        });
    };
    CHECK(has("meetings/notes.yml", "rename", Severity::warning));
    CHECK(has("meetings/README.md", "ignored", Severity::warning));
    CHECK(has("meetings/Bad Name.yaml", "not a valid record name", Severity::error));
    CHECK(has("meetings/sub.yaml", "not a regular file", Severity::error));
    CHECK(has("meetings/link.yaml", "symbolic link", Severity::error));
    CHECK(problems.size() == 5);
    CHECK(store.list(Kind::goal, problems).empty());
}

TEST_CASE("plg::load collects every problem and keeps every good record") {
    TempDir dir;
    test::write(dir / "plg.yaml", "name: X\nmembers:\n  - id: anna\n    name: Anna\n");
    test::write(dir / "meetings/2026-01-01-a.yaml",
                "date: 2026-01-01\ntitle: A\nattendees: [anna]\n");
    test::write(dir / "meetings/2026-01-02-b.yaml",
                "date: 2026-01-02\ntitle: B\nattendees: [bob]\n");
    test::write(dir / "goals/g.yaml", "title: G\nowners: [anna]\n");
    test::write(dir / "reflections/2026-01-03-anna.yaml",
                "author: anna\ndate: 2026-01-03\ngoal: g\ntext: ok\n");
    Store store(dir.path(), "pl");
    Plg plg = load(store, *Date::parse_iso("2026-06-01"));
    REQUIRE(plg.community);
    CHECK(plg.meetings.size() == 1);
    CHECK(plg.goals.size() == 1);
    CHECK(plg.reflections.size() == 1);
    REQUIRE(plg.problems.size() == 1);
    CHECK(format_diagnostic(plg.problems[0]) ==
          "pl/meetings/2026-01-02-b.yaml:3:13: error: unknown member 'bob' in attendees; add it "
          "with 'plg member add bob --name ...' or use one of: anna");
}

TEST_CASE("plg::Store::file builds a record's path from a checked id only") {
    Store store("/nowhere", "team");
    CHECK(store.file(Kind::community) == "plg.yaml");
    CHECK(store.file(Kind::meeting, "2026-01-01-a-k3m9") == "meetings/2026-01-01-a-k3m9.yaml");
    CHECK(store.file(Kind::goal, "tafels") == "goals/tafels.yaml");
    CHECK(store.shown(Kind::reflection, "2026-01-01-anna-ab12") ==
          "team/reflections/2026-01-01-anna-ab12.yaml");
    for (const char* bad : {"../plg", "..", "a/b", "", "A", "a.yaml", "/etc/passwd", "a\nb"}) {
        INFO(bad);
        CHECK_THROWS_WITH_AS(store.file(Kind::goal, bad), doctest::Contains("not a valid goal id"),
                             Error);
        CHECK_FALSE(store.exists(Kind::goal, bad));
    }
}

TEST_CASE(
    "plg::Store::shown joins a record's path as lexically_normal would, however the root is "
    "written") {
    namespace fs = std::filesystem;
    for (const char* root : {"", ".", "./", "team", "team/", "../net/plg-1", "../../a//b/./c/",
                             "./x/../y", "/abs/plg", "/", "..", "a/.."}) {
        Store store("/nowhere", root);
        for (const char* rel : {"meetings/2026-01-01-a.yaml", "plg.yaml", "goals/g.yaml",
                                "./plg.yaml", "meetings/../plg.yaml", ".plg/drafts/x.yaml"}) {
            INFO(root, " + ", rel);
            std::string expected = (fs::path(root) / rel).lexically_normal().string();
            CHECK(store.shown(rel) == expected);
        }
    }
}

TEST_CASE("plg::Store::create names records by their kind's id rule") {
    TempDir dir;
    test::write(dir / "plg.yaml", "name: X\n");
    Store store(dir.path(), "");
    // A dated kind: the base and four random characters; never the same name twice.
    std::set<std::string> ids;
    for (int i = 0; i < 20; ++i) {
        auto id = store.create(Kind::meeting, "2026-01-01-data", "date: 2026-01-01\ntitle: T\n");
        REQUIRE(id);
        CHECK(id->size() == std::string("2026-01-01-data-abcd").size());
        CHECK(id->rfind("2026-01-01-data-", 0) == 0);
        CHECK(test::read(dir / ("meetings/" + *id + ".yaml")) == "date: 2026-01-01\ntitle: T\n");
        ids.insert(*id);
    }
    CHECK(ids.size() == 20);
    // A chosen id: exactly that name, and never over another file.
    CHECK(store.create(Kind::goal, "tafels", "title: A\n") == std::optional<std::string>("tafels"));
    CHECK_FALSE(store.create(Kind::goal, "tafels", "title: B\n"));
    CHECK(test::read(dir / "goals/tafels.yaml") == "title: A\n");
    CHECK_THROWS_AS(store.create(Kind::goal, "../escape", "title: C\n"), Error);
    CHECK_FALSE(fs::exists(dir / "escape.yaml"));
    CHECK(store.ids(Kind::goal) == std::vector<std::string>{"tafels"});
}

TEST_CASE("plg::Store::change writes only a verified change") {
    TempDir dir;
    test::write(dir / "plg.yaml", "name: X\n");
    test::write(dir / "goals/g.yaml", "title: G # a comment\n");
    Store store(dir.path(), "");
    auto append = [](const std::string& bytes) {
        return std::optional(Revision{bytes + "unit: '%'\n", {"unit"}});
    };
    auto accept = [](const std::string&) {};

    SUBCASE("a change that verifies replaces the file") {
        CHECK(store.change(Kind::goal, "g", append, accept));
        CHECK(test::read(dir / "goals/g.yaml") == "title: G # a comment\nunit: '%'\n");
    }
    SUBCASE("nothing to change writes nothing") {
        CHECK_FALSE(store.change(
            Kind::goal, "g", [](const std::string&) { return std::optional<Revision>(); }, accept));
        CHECK_FALSE(store.change(
            Kind::goal, "g",
            [](const std::string& b) {
                return std::optional(Revision{b, {}});
            },
            accept));
        CHECK(test::read(dir / "goals/g.yaml") == "title: G # a comment\n");
    }
    SUBCASE("a change that fails verification leaves the file as it was") {
        CHECK_THROWS_WITH_AS(store.change(Kind::goal, "g", append,
                                          [](const std::string&) { throw Error("not intended"); }),
                             "not intended", Error);
        CHECK_THROWS_WITH_AS(
            store.change(
                Kind::goal, "g",
                [](const std::string&) -> std::optional<Revision> { throw Error("cannot edit"); },
                accept),
            "cannot edit", Error);
        CHECK(test::read(dir / "goals/g.yaml") == "title: G # a comment\n");
    }
    SUBCASE("a change to a value the edit does not name is refused, the file left as it was") {
        auto retitle = [](const std::string&) {
            return std::optional(Revision{"title: H # a comment\nunit: '%'\n", {"unit"}});
        };
        CHECK_THROWS_WITH_AS(store.change(Kind::goal, "g", retitle, accept),
                             doctest::Contains("would also change the value at 'title' (line 1)"),
                             Error);
        auto drop = [](const std::string&) {
            return std::optional(Revision{"unit: x\n", {"unit"}});
        };
        CHECK_THROWS_WITH_AS(store.change(Kind::goal, "g", drop, accept),
                             doctest::Contains("'title', which would be removed"), Error);
        CHECK(test::read(dir / "goals/g.yaml") == "title: G # a comment\n");
    }
    SUBCASE("a record without a file, or a bad id, is an error") {
        CHECK_THROWS_WITH_AS(store.change(Kind::goal, "missing", append, accept),
                             doctest::Contains("has no file (goals/missing.yaml)"), Error);
        CHECK_THROWS_AS(store.change(Kind::goal, "../plg", append, accept), Error);
        CHECK(test::read(dir / "plg.yaml") == "name: X\n");
    }
    SUBCASE("the community is plg.yaml") {
        CHECK(store.change(Kind::community, {}, append, accept));
        CHECK(test::read(dir / "plg.yaml") == "name: X\nunit: '%'\n");
    }
    // No temporary file is left behind in any case.
    for (auto& e : fs::directory_iterator(dir / "goals")) {
        CHECK(e.path().filename() == "g.yaml");
    }
}

TEST_CASE("plg::Store::init makes a PLG once") {
    TempDir dir;
    std::vector<std::string> left_alone;
    test::write(dir / "team/.editor/settings", "mine\n");
    auto store =
        Store::init(dir / "team", "name: X\n",
                    {{".editor/settings", "plg's\n"}, {".schema/a.json", "{}"}}, left_alone);
    REQUIRE(store);
    CHECK(test::read(dir / "team/plg.yaml") == "name: X\n");
    for (const KindInfo& kind : record_kinds()) {
        CHECK(fs::is_regular_file(dir / "team" / std::string(kind.folder) / ".gitkeep"));
    }
    CHECK(test::read(dir / "team/.schema/a.json") == "{}");
    CHECK(test::read(dir / "team/.editor/settings") == "mine\n");
    CHECK(left_alone == std::vector<std::string>{".editor/settings"});
    // A second time nothing changes.
    CHECK_FALSE(Store::init(dir / "team", "name: Y\n", {}, left_alone));
    CHECK(test::read(dir / "team/plg.yaml") == "name: X\n");

    store->ensure_lines(".gitignore", ".plg/\n", ".plg/");
    store->ensure_lines(".gitignore", ".plg/\n", ".plg/");
    CHECK(test::read(dir / "team/.gitignore") == ".plg/\n");
    test::write(dir / "team/.gitattributes", "*.png binary");
    store->ensure_lines(".gitattributes", "x merge=union\n", "merge=union");
    CHECK(test::read(dir / "team/.gitattributes") == "*.png binary\nx merge=union\n");
}

TEST_CASE("plg::find_plg_folders stops at its limit and never enters the system's folders") {
    TempDir dir;
    fs::path deep = dir.path();
    for (int i = 0; i < 12; ++i) {
        deep /= "d" + std::to_string(i);
    }
    fs::create_directories(deep);
    test::write(deep / "plg.yaml", "name: Deep\n");
    FolderSearch all = find_plg_folders(dir.path());
    CHECK_FALSE(all.stopped);
    CHECK(all.found == std::vector<fs::path>{deep});
    FolderSearch few = find_plg_folders(dir.path(), 5);
    CHECK(few.stopped);
    CHECK(few.found.empty());
    CHECK(few.visited <= 6);
    FolderSearch proc = find_plg_folders("/proc");
    CHECK(proc.visited == 1);
    CHECK(proc.found.empty());
}
