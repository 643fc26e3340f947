// What plg writes must read the same in other YAML parsers and pass yamllint.

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "../support/support.hpp"
#include "plg/records/records.hpp"
#include "plg/yaml/yaml.hpp"

using namespace plg;
using plg::test::TempDir;

namespace {

// Multi-line and control-character text on top of the shared one-line cases.
std::vector<std::string> tricky() {
    std::vector<std::string> all = test::k_tricky_texts;
    for (const char* s : {"one trailing newline\n", "two\nlines", "ends with two newlines\n\n",
                          "\ttab first", "  indented first line\nsecond\n", "\nleading newline",
                          "line with trailing space \nnext", "x\u2028y"}) {
        all.emplace_back(s);
    }
    return all;
}

void require_tool(const char* path, const char* name) {
    INFO(name << " is needed for this test; run scripts/install-deps (it installs python3-yaml, "
                 "yamllint, git and jq)");
    REQUIRE(std::string(path) != "");
}

}  // namespace

TEST_CASE("written YAML reads back identically in PyYAML") {
    require_tool(PLG_TEST_PYTHON, "python3 with PyYAML");
    TempDir dir;
    yaml::Value root = yaml::Value::map();
    nlohmann::json expected = nlohmann::json::object();
    const std::vector<std::string> k_tricky = tricky();
    for (size_t i = 0; i < k_tricky.size(); ++i) {
        std::string key = "k" + std::to_string(i);
        root.add(key, yaml::Value::text(k_tricky[i]));
        expected[key] = k_tricky[i];
    }
    yaml::Value list = yaml::Value::list();
    for (const auto& s : k_tricky) {
        list.push(yaml::Value::text(s));
    }
    root.add("list", list);
    expected["list"] = k_tricky;
    test::write(dir / "out.yaml", yaml::render_document(root));
    test::write(dir / "expected.json", expected.dump());
    auto r = test::run(
        {PLG_TEST_PYTHON, "-c",
         "import json, sys, yaml\n"
         "got = yaml.safe_load(open(sys.argv[1], encoding='utf-8'))\n"
         "want = json.load(open(sys.argv[2], encoding='utf-8'))\n"
         "bad = [k for k in want if got.get(k) != want[k]]\n"
         "print('\\n'.join('%s: got %r want %r' % (k, got.get(k), want[k]) for k in bad))\n"
         "sys.exit(1 if bad else 0)\n",
         (dir / "out.yaml").string(), (dir / "expected.json").string()},
        dir.path());
    INFO(r.out, r.err, test::read(dir / "out.yaml"));
    CHECK(r.code == 0);
}

TEST_CASE("written records pass yamllint") {
    require_tool(PLG_TEST_YAMLLINT, "yamllint");
    TempDir dir;
    Meeting m;
    m.date = *Date::parse_iso("2026-11-23");
    m.title = "yes";
    m.attendees = {"anna", "bram"};
    m.notes = "Eerste regel\n  ingesprongen\n\nNa een lege regel";
    m.agenda = {"12:30 lunch", "- x"};
    ActionItem a;
    a.id = "t7qx";
    a.text = "Toets maken";
    a.owner = "anna";
    a.due = Date::parse_iso("2026-12-01");
    a.cancelled = true;
    a.note = "no: niet meer nodig";
    m.actions = {a};
    m.carried = {{"k3m9", Date::parse_iso("2026-12-10"), 0}, {"x2cd", std::nullopt, 0}};
    Goal g;
    g.title = "Tafels: 80% goed";
    g.baseline = 40;
    g.target = 80.5;
    g.progress = {{*Date::parse_iso("2026-11-01"), 55, "toets\nmet twee regels\n", ""}};
    Community c;
    c.name = "Leerteam";
    c.members = {{"anna", "Anna", "on", {}, {}}};
    c.framework = default_framework("en");
    test::write(dir / "meeting.yaml", write_meeting(m));
    test::write(dir / "goal.yaml", write_goal(g));
    test::write(dir / "plg.yaml", write_community(c));
    test::write(dir / "config.yaml",
                test::read(std::filesystem::path(PLG_SOURCE_DIR) / "docs/yamllint.yaml"));
    auto r = test::run({PLG_TEST_YAMLLINT, "--strict", "-c", "config.yaml", "meeting.yaml",
                        "goal.yaml", "plg.yaml"},
                       dir.path());
    INFO(r.out, r.err);
    CHECK(r.code == 0);
}
