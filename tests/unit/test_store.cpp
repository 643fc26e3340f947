#include <doctest/doctest.h>

#include <sys/stat.h>

#include <algorithm>

#include "../support/support.hpp"
#include "plg/store.hpp"

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
    auto ids = store.list("meetings", problems);
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
    CHECK(store.list("goals", problems).empty());
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
