// Runs the examples in docs/: every ```console block (or ````console, when the
// output itself holds ``` lines) of a page is part of one
// session in a fresh folder. A line "$ COMMAND" is run with bash (plg on PATH,
// today fixed at 2026-11-23); the lines after it, up to the next "$ " line or
// the end of the block, are the expected stdout and stderr together. A last
// line "(exit N)" gives the expected exit code (default 0). The pages in
// docs/ show plg speaking English (PLG_LANG=en, whatever the example PLG's
// language); those in docs/nl/ and docs/fr/ show it speaking Dutch and French.

#include <algorithm>
#include <sstream>

#include "e2e.hpp"

using namespace plg::test;

namespace {

struct Step {
    std::string command;
    std::string expected;
    int code = 0;
    int line = 0;
};

std::vector<Step> console_steps(const std::string& text) {
    std::vector<Step> steps;
    std::istringstream in(text);
    std::string line;
    bool in_block = false;
    std::string fence;  // "```", or more backticks when the output holds ``` lines
    int number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (!in_block) {
            size_t ticks = line.find_first_not_of('`');
            in_block = ticks >= 3 && ticks != std::string::npos && line.substr(ticks) == "console";
            fence = line.substr(0, ticks == std::string::npos ? 0 : ticks);
            continue;
        }
        if (line == fence) {
            in_block = false;
            continue;
        }
        if (line.rfind("$ ", 0) == 0) {
            steps.push_back({line.substr(2), "", 0, number});
        } else if (!steps.empty()) {
            if (line.rfind("(exit ", 0) == 0) {
                steps.back().code = std::stoi(line.substr(6));
            } else {
                steps.back().expected += line + "\n";
            }
        }
    }
    return steps;
}

}  // namespace

TEST_CASE("the examples in docs/ run as shown") {
    fs::path docs = fs::path(PLG_SOURCE_DIR) / "docs";
    std::vector<fs::path> pages;
    for (const fs::path& folder : {docs, docs / "nl", docs / "fr"}) {
        if (!fs::is_directory(folder)) {
            continue;
        }
        for (auto& e : fs::directory_iterator(folder)) {
            if (e.path().extension() == ".md") {
                pages.push_back(e.path());
            }
        }
    }
    std::sort(pages.begin(), pages.end());
    size_t total = 0;
    for (const auto& page : pages) {
        TempDir dir;
        std::string path = fs::path(PLG_BINARY).parent_path().string() + ":" +
                           std::string(std::getenv("PATH") ? std::getenv("PATH") : "/usr/bin:/bin");
        std::map<std::string, std::string> env = {
            {"PATH", path},
            {"PLG_TODAY", "2026-11-23"},
            {"NO_COLOR", "1"},
            {"PLG_DIR", ""},
            {"GIT_AUTHOR_NAME", "Docs"},
            {"GIT_AUTHOR_EMAIL", "docs@example.org"},
            {"GIT_COMMITTER_NAME", "Docs"},
            {"GIT_COMMITTER_EMAIL", "docs@example.org"},
            {"PLG_EXAMPLES", (fs::path(PLG_SOURCE_DIR) / "examples").string()},
            {"PLG_LANG",
             page.parent_path() == docs ? "en" : page.parent_path().filename().string()},
            {"LANGUAGE", ""},
            {"LC_ALL", ""},
            {"LC_MESSAGES", ""},
            {"LANG", ""}};
        for (const auto& step : console_steps(read(page))) {
            auto r = run({"bash", "-c", step.command + " 2>&1"}, dir.path(), "", env);
            INFO(page.filename().string(), ":", step.line, ": $ ", step.command);
            CHECK(r.out == step.expected);
            CHECK(r.code == step.code);
            ++total;
        }
    }
    CHECK(total > 10);
}

TEST_CASE("every example PLG checks clean and reads the same in PyYAML") {
    fs::path examples = fs::path(PLG_SOURCE_DIR) / "examples";
    size_t count = 0;
    for (auto& e : fs::directory_iterator(examples)) {
        if (!fs::exists(e.path() / "plg.yaml")) {
            continue;
        }
        ++count;
        auto check = run_plg({"check", "--format", "json"}, e.path());
        INFO(e.path().string(), check.out, check.err);
        CHECK(check.code == 0);
        CHECK(check.out.find("\"warnings\": 0") != std::string::npos);
        if (std::string(PLG_TEST_YAMLLINT) != "") {
            auto lint = run({PLG_TEST_YAMLLINT, "--strict", "-c",
                             (fs::path(PLG_SOURCE_DIR) / "docs/yamllint.yaml").string(), "."},
                            e.path());
            INFO(lint.out);
            CHECK(lint.code == 0);
        }
    }
    CHECK(count >= 1);
}
