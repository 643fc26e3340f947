#include <set>
#include <sstream>

#include "e2e.hpp"

using namespace plg::test;

TEST_CASE("usage errors exit 2 with a message on stderr") {
    Fixture team;
    struct Case {
        std::vector<std::string> args;
        std::string words;
    };
    std::vector<Case> cases = {
        {{}, "Usage: plg"},
        {{"frobnicate"}, "unknown command 'frobnicate'"},
        {{"chek"}, "did you mean 'check'?"},
        {{"member"}, "a command is required"},
        {{"member", "remove", "x"},
         "unknown command 'member remove'; the commands are: add, edit, list"},
        {{"member", "ad", "x"}, "did you mean 'add'?"},
        {{"check", "--format", "xml"}, "'xml' is not one of: text json"},
        {{"check", "extra"}, "extra"},
        {{"--bogus", "check"}, "--bogus"},
        {{"-C", "/nonexistent/folder", "check"}, "/nonexistent/folder"},
        {{"member", "list", "--format"}, "--format"},
    };
    for (const auto& c : cases) {
        auto r = team.spawn(c.args);  // the exit status of the real process
        INFO(r.err);
        CHECK(r.code == 2);
        CHECK(r.out == "");
        CHECK(r.err.find(c.words) != std::string::npos);
    }
}

TEST_CASE("--help and --version exit 0 on stdout") {
    Fixture team;
    for (std::vector<std::string> args : {std::vector<std::string>{"--help"},
                                          {"init", "--help"},
                                          {"member", "add", "--help"},
                                          {"member", "list", "--help"},
                                          {"check", "--help"},
                                          {"-h"}}) {
        auto r = team(args);
        CHECK(r.code == 0);
        CHECK(r.err == "");
        CHECK(r.out.find("Usage:") != std::string::npos);
        CHECK(r.out.find("Example") != std::string::npos);
    }
    auto v = team({"--version"});
    CHECK(v.code == 0);
    CHECK(v.out == "plg 0.1.0\n");
}

TEST_CASE("global flags work before and after the command") {
    Fixture team;
    auto quiet = team({"member", "add", "dirk", "--name", "Dirk", "-q"});
    CHECK(quiet.code == 0);
    CHECK(quiet.err == "");
    auto before = team({"-q", "--no-color", "member", "add", "eva", "--name", "Eva"});
    CHECK(before.code == 0);
    CHECK(before.err == "");
}

TEST_CASE("no colour when output is not a terminal or NO_COLOR is set") {
    Fixture team;
    write(team / "goals/g.yaml", "title: G\nowners: [nobody]\n");
    auto r = team({"check"}, "", {{"NO_COLOR", "1"}});
    CHECK(r.out.find('\033') == std::string::npos);
    CHECK(r.err.find('\033') == std::string::npos);
}

TEST_CASE("a misspelt option gets the nearest one, before any other complaint") {
    Fixture team;
    auto typo = team({"goal", "progress", "tafels", "--vaule", "72"});
    CHECK(typo.code == 2);
    CHECK(typo.err ==
          "plg: error: unknown option '--vaule' for 'plg goal progress'; did you mean '--value'?\n"
          "Run 'plg goal progress --help' for usage and examples.\n");
    auto extra = team({"goal", "progress", "tafels", "--value", "72", "--evidnce", "x"});
    CHECK(extra.code == 2);
    CHECK(extra.err.find("unknown option '--evidnce' for 'plg goal progress'; did you mean "
                         "'--evidence'?") != std::string::npos);
    auto cut = team({"meeting", "list", "--form", "json"});
    CHECK(cut.err.find("did you mean '--format'?") != std::string::npos);
    auto global = team({"meeting", "list", "--no-colour"});
    CHECK(global.err.find("did you mean '--no-color'?") != std::string::npos);
}

TEST_CASE("plg help COMMAND is COMMAND --help, and hidden commands are never offered") {
    Fixture team;
    for (auto words : std::vector<std::vector<std::string>>{{}, {"goal"}, {"meeting", "add"}}) {
        std::vector<std::string> help = {"help"};
        help.insert(help.end(), words.begin(), words.end());
        std::vector<std::string> flag = words;
        flag.push_back("--help");
        auto a = team(help);
        auto b = team(flag);
        CHECK(a.code == 0);
        // CLI11 lists "Excludes:" in the order of the options' addresses: compare as sets.
        auto word_set = [](const std::string& text) {
            std::multiset<std::string> all;
            std::istringstream in(text);
            for (std::string w; in >> w;) {
                all.insert(w);
            }
            return all;
        };
        CHECK(word_set(a.out) == word_set(b.out));
        CHECK(a.out.find("Usage: plg") != std::string::npos);
    }
    auto unknown = team({"help", "gaol"});
    CHECK(unknown.code == 2);
    CHECK(unknown.err.find("unknown command 'gaol'; did you mean 'goal'?") != std::string::npos);
    auto wrong = team({"helpp"});
    CHECK(wrong.code == 2);
    CHECK(wrong.err.find("__") == std::string::npos);
    CHECK(team({"--help"}).out.find("__") == std::string::npos);
}
