#include <nlohmann/json.hpp>

#include "e2e.hpp"

using namespace plg::test;

TEST_CASE("plg init creates a PLG that checks clean") {
    TempDir dir;
    auto r = run_plg(
        {"init", "team", "--name", "Maths PLC", "--school", "Riverside High", "--cadence", "14",
         "--origin", "support", "--member", "tom=Tom O'Neil", "--member", "sue=Sue: the \"boss\""},
        dir.path());
    CHECK(r.code == 0);
    CHECK(r.out == "");
    CHECK(r.err.find("Created the PLG 'Maths PLC'") != std::string::npos);
    CHECK(read(dir / "team/plg.yaml") ==
          "name: Maths PLC\n"
          "school: Riverside High\n"
          "founded: 2026-11-23\n"
          "origin: support\n"
          "language: en\n"
          "cadence_days: 14\n"
          "members:\n"
          "  - id: tom\n"
          "    name: Tom O'Neil\n"
          "  - id: sue\n"
          "    name: \"Sue: the \\\"boss\\\"\"\n"
          "framework:\n"
          "  - id: shared-vision\n"
          "    name: Shared vision and goals\n"
          "  - id: collective-responsibility\n"
          "    name: Collective responsibility\n"
          "  - id: interdependence\n"
          "    name: Interdependence\n"
          "  - id: reflection\n"
          "    name: Structured reflection\n"
          "  - id: collaboration\n"
          "    name: Collaboration\n"
          "  - id: inquiry\n"
          "    name: Inquiry culture\n"
          "  - id: improvement\n"
          "    name: Continuous improvement\n"
          "  - id: shared-learning\n"
          "    name: Shared responsibility for learning\n");
    CHECK(fs::is_directory(dir / "team/meetings"));
    CHECK(fs::is_directory(dir / "team/goals"));
    CHECK(fs::is_directory(dir / "team/reflections"));
    CHECK(read(dir / "team/.gitignore") == "/.plg\n.*.tmp\n");
    CHECK(read(dir / "team/.yamllint.yaml") ==
          read(fs::path(PLG_SOURCE_DIR) / "docs/yamllint.yaml"));
    auto check = run_plg({"check"}, dir / "team");
    CHECK(check.code == 0);
    CHECK(check.out == "");
    CHECK(check.err == "");
}

TEST_CASE("plg init refuses a second PLG in the same folder and changes nothing") {
    TempDir dir;
    REQUIRE(run_plg({"init", "--name", "One"}, dir.path()).code == 0);
    auto before = snapshot(dir.path());
    auto r = run_plg({"init", "--name", "Two"}, dir.path());
    CHECK(r.code == 1);
    CHECK(r.out == "");
    CHECK(r.err.find("plg: error: a PLG already exists in") != std::string::npos);
    CHECK(r.err.find("nothing was changed") != std::string::npos);
    CHECK(snapshot(dir.path()) == before);
}

TEST_CASE("plg init keeps an existing .gitignore") {
    TempDir dir;
    write(dir / ".gitignore", "*.pdf");
    REQUIRE(run_plg({"init", "--name", "One"}, dir.path()).code == 0);
    CHECK(read(dir / ".gitignore") == "*.pdf\n/.plg\n.*.tmp\n");
}

TEST_CASE("plg init usage errors exit 2 and create nothing") {
    TempDir dir;
    struct Case {
        std::vector<std::string> args;
        std::string words;
    };
    std::vector<Case> cases = {
        {{"init"}, "--name is required"},
        {{"init", "--name", ""}, "empty"},
        {{"init", "--name", "a\nb"}, "one line"},
        {{"init", "--name", "X", "--language", "de"}, "'de' is not one of: en fr nl"},
        {{"init", "--name", "X", "--cadence", "0"}, "--cadence"},
        {{"init", "--name", "X", "--cadence", "weekly"}, "--cadence"},
        {{"init", "--name", "X", "--origin", "boss"}, "--origin"},
        {{"init", "--name", "X", "--member", "Anna=Anna"}, "not a valid member id"},
        {{"init", "--name", "X", "--member", "anna"}, "needs a full name"},
        {{"init", "--name", "X", "--member", "anna=A", "--member", "anna=B"}, "given twice"},
        {{"init", "--name", "X", "--bogus"}, "--bogus"},
    };
    for (const auto& c : cases) {
        auto r = run_plg(c.args, dir.path());
        INFO(c.args.back(), " -> ", r.err);
        CHECK(r.code == 2);
        CHECK(r.out == "");
        CHECK(r.err.find(c.words) != std::string::npos);
        CHECK(r.err.find("plg: error:") == 0);
    }
    CHECK(fs::is_empty(dir.path()));
}

TEST_CASE("plg init --git makes a repository with a first commit") {
    REQUIRE_MESSAGE(std::string(PLG_TEST_GIT) != "", "git is needed; run scripts/install-deps");
    TempDir dir;
    const auto& env = k_git_env;
    auto r = run_plg({"init", "repo", "--name", "Git PLG", "--git"}, dir.path(), "", env);
    INFO(r.err);
    REQUIRE(r.code == 0);
    auto log = run({PLG_TEST_GIT, "log", "--oneline"}, dir / "repo");
    CHECK(log.out.find("Start the PLG Git PLG") != std::string::npos);
    auto files = run({PLG_TEST_GIT, "ls-files"}, dir / "repo");
    CHECK(files.out ==
          ".gitattributes\n.gitignore\n.schema/goal.schema.json\n.schema/meeting.schema.json\n"
          ".schema/plg.schema.json\n.schema/reflection.schema.json\n.vscode/settings.json\n"
          ".yamllint.yaml\ngoals/.gitkeep\nmeetings/.gitkeep\nplg.yaml\n"
          "reflections/.gitkeep\n");
    auto status = run({PLG_TEST_GIT, "status", "--porcelain"}, dir / "repo");
    CHECK(status.out == "");

    // Inside a repository that ignores .vscode/, the rest is still added and committed.
    REQUIRE(run({PLG_TEST_GIT, "init", "-q", "outer"}, dir.path()).code == 0);
    write(dir / "outer/.gitignore", ".vscode/\n");
    auto inner = run_plg({"init", "outer/plc", "--name", "Inner", "--git"}, dir.path(), "", env);
    INFO(inner.err);
    CHECK(inner.code == 0);
    auto committed = run({PLG_TEST_GIT, "ls-files"}, dir / "outer");
    CHECK(committed.out.find("plc/plg.yaml\n") != std::string::npos);
    CHECK(committed.out.find(".vscode") == std::string::npos);
    CHECK(fs::exists(dir / "outer/plc/.vscode/settings.json"));
}

TEST_CASE("plg init sets up editors: the schemas and VS Code's yaml.schemas") {
    TempDir dir;
    auto r = run_plg({"init", "team", "--name", "Team"}, dir.path());
    REQUIRE(r.code == 0);
    for (std::string kind : {"plg", "meeting", "goal", "reflection"}) {
        CAPTURE(kind);
        CHECK(read(dir / ("team/.schema/" + kind + ".schema.json")) ==
              read(fs::path(PLG_SOURCE_DIR) / "docs/schema" / (kind + ".schema.json")));
    }
    auto settings = nlohmann::json::parse(read(dir / "team/.vscode/settings.json"));
    std::map<std::string, std::string> expected = {
        {"./.schema/plg.schema.json", "/plg.yaml"},
        {"./.schema/meeting.schema.json", "/meetings/*.yaml"},
        {"./.schema/goal.schema.json", "/goals/*.yaml"},
        {"./.schema/reflection.schema.json", "/reflections/*.yaml"}};
    CHECK(settings["yaml.schemas"].get<std::map<std::string, std::string>>() == expected);
    for (const auto& [schema, glob] : expected) {
        CHECK(fs::exists(dir / "team" / schema));
    }

    // Settings a person already has are left alone, with a message saying what to add.
    fs::create_directories(dir / "own/.vscode");
    write(dir / "own/.vscode/settings.json", "{\"editor.tabSize\": 2}\n");
    auto own = run_plg({"init", "own", "--name", "Own"}, dir.path());
    CHECK(own.code == 0);
    CHECK(read(dir / "own/.vscode/settings.json") == "{\"editor.tabSize\": 2}\n");
    CHECK(own.err.find(".vscode/settings.json exists and was left alone") != std::string::npos);
    CHECK(fs::exists(dir / "own/.schema/meeting.schema.json"));
}
