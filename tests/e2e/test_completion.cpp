// plg completion bash|zsh|fish, loaded into the real shells: bash completes
// through its own completion function (COMP_WORDS in, COMPREPLY out), fish
// through 'complete -C', zsh with its completion builtins replaced by functions
// that print what they were given. Ids come from the PLG, by way of the hidden
// 'plg __complete KIND'.

#include <nlohmann/json.hpp>

#include "e2e.hpp"

using namespace plg::test;

namespace {

// A PLG with members, a goal, a meeting with one open and one done action.
struct CompletionFixture : Fixture {
    std::string meeting;
    std::string open_action;  // the id of the action still open
    CompletionFixture() {
        REQUIRE((*this)({"goal", "add", "--title", "Tafels", "--id", "tafels"}).code == 0);
        REQUIRE((*this)({"goal", "add", "--title", "Lezen", "--id", "lezen"}).code == 0);
        auto m = (*this)({"meeting", "add", "--date", "2026-11-02", "--title", "Data", "--action",
                          "Toets @bram", "--action", "Lijst @anna"});
        REQUIRE(m.code == 0);
        meeting = m.out.substr(0, m.out.size() - 1);
        REQUIRE((*this)({"action", "done", meeting + "#2"}).code == 0);
        auto open = nlohmann::json::parse((*this)({"action", "list", "--format", "json"}).out);
        REQUIRE(open.size() == 1);
        open_action = open[0]["id"].get<std::string>();
        write(dir / "plg.bash", (*this)({"completion", "bash"}).out);
        write(dir / "_plg", (*this)({"completion", "zsh"}).out);
        write(dir / "plg.fish", (*this)({"completion", "fish"}).out);
    }
    // The environment the shells run in: plg on PATH.
    std::map<std::string, std::string> env() const {
        return {{"PATH", fs::path(PLG_BINARY).parent_path().string() + ":" + std::getenv("PATH")},
                {"PLG_TODAY", "2026-11-23"}};
    }
};

// Returns what bash's completion gives for each line of `lines` (the words
// typed, the last one being completed), as "words -> reply" lines.
std::string bash_complete(const CompletionFixture& f, const std::vector<std::string>& lines) {
    std::string script =
        "source ./plg.bash\n"
        "t() { COMP_WORDS=(\"$@\"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1));\n"
        "  COMPREPLY=(); _plg; echo \"$* -> ${COMPREPLY[*]}\"; }\n";
    for (const auto& l : lines) {
        script += "t " + l + "\n";
    }
    auto r = run({"bash", "--norc", "--noprofile", "-c", script}, f.dir.path(), "", f.env());
    INFO(r.err);
    CHECK(r.code == 0);
    CHECK(r.err == "");
    return r.out;
}

}  // namespace

TEST_CASE("bash completes commands, options, values and the PLG's ids") {
    CompletionFixture f;
    std::string m = f.meeting;
    std::string got = bash_complete(f, {"plg ''",
                                        "plg me",
                                        "plg meeting ''",
                                        "plg meeting add --att",
                                        "plg meeting add --title 'Twee woorden' --attendee ''",
                                        "plg meeting add --goal t",
                                        "plg meeting add --date ''",
                                        "plg goal show ''",
                                        "plg goal progress l",
                                        "plg -q goal close ''",
                                        "plg action done ''",
                                        "plg report --lang ''",
                                        "plg report --format ''",
                                        "plg reflect add --rate col",
                                        "plg completion ''",
                                        "plg goal list --status a",
                                        "plg init --language n",
                                        "plg check --format j",
                                        "plg member add ''",
                                        "plg -C meetings goal show ''"});
    CHECK(got ==
          "plg  -> init member meeting action goal reflect report network check export import help "
          "completion\n"
          "plg me -> member meeting\n"
          "plg meeting  -> add edit list next show\n"
          "plg meeting add --att -> --attendee\n"
          "plg meeting add --title Twee woorden --attendee  -> anna bram carla\n"
          "plg meeting add --goal t -> tafels\n"
          "plg meeting add --date  -> today yesterday\n"
          "plg goal show  -> lezen tafels\n"
          "plg goal progress l -> lezen\n"
          "plg -q goal close  -> lezen tafels\n"
          "plg action done  -> " +
              f.open_action +
              "\n"
              "plg report --lang  -> en fr nl\n"
              "plg report --format  -> md html json\n"
              "plg reflect add --rate col -> collaboration= collective-responsibility=\n"
              "plg completion  -> bash zsh fish\n"
              "plg goal list --status a -> active achieved all\n"
              "plg init --language n -> nl\n"
              "plg check --format j -> json\n"
              "plg member add  -> \n"
              "plg -C meetings goal show  -> lezen tafels\n");
}

TEST_CASE("bash completes file names where a file is asked, and -C finds another PLG") {
    CompletionFixture f;
    Fixture other;
    REQUIRE(other({"goal", "add", "--title", "Elders", "--id", "elders"}).code == 0);
    write(f.dir / "verslag-oud.md", "x");
    std::string got = bash_complete(f, {"plg report -o ver", "plg network report pl",
                                        "plg -C " + other.dir.path().string() + " goal show ''"});
    CHECK(got ==
          "plg report -o ver -> verslag-oud.md\n"
          "plg network report pl -> plg.bash plg.fish plg.yaml\n"
          "plg -C " +
              other.dir.path().string() + " goal show  -> elders\n");
    auto registered = run({"bash", "--norc", "-c", "source ./plg.bash; complete -p plg"},
                          f.dir.path(), "", f.env());
    CHECK(registered.out == "complete -F _plg plg\n");
}

TEST_CASE("every option --help lists is offered by the bash completion") {
    CompletionFixture f;
    for (std::string command : {"meeting add", "goal progress", "reflect add", "report",
                                "network report", "action list", "init"}) {
        std::vector<std::string> args;
        std::string words = "plg " + command + " -";
        for (size_t at = 0, next = 0; at < command.size(); at = next + 1) {
            next = command.find(' ', at);
            next = next == std::string::npos ? command.size() : next;
            args.push_back(command.substr(at, next - at));
        }
        args.push_back("--help");
        std::string help = f(args).out;
        std::string offered = bash_complete(f, {words});
        CAPTURE(command);
        size_t options = 0;
        for (size_t at = help.find("\n  -"); at != std::string::npos;
             at = help.find("\n  -", at + 1)) {
            std::string names = help.substr(at + 3, help.find(' ', at + 3) - at - 3);
            for (size_t s = 0, e = 0; s < names.size(); s = e + 1) {
                e = names.find(',', s);
                e = e == std::string::npos ? names.size() : e;
                std::string name = names.substr(s, e - s);
                CAPTURE(name);
                bool found = offered.find(" " + name + " ") != std::string::npos ||
                             offered.find(" " + name + "\n") != std::string::npos;
                CHECK(found);
                ++options;
            }
        }
        CHECK(options >= 2);
    }
}

TEST_CASE("fish completes through its own 'complete -C'") {
    REQUIRE_MESSAGE(std::string(PLG_TEST_FISH) != "", "fish is needed; run scripts/install-deps");
    CompletionFixture f;
    auto syntax = run({PLG_TEST_FISH, "--no-execute", "plg.fish"}, f.dir.path());
    CHECK(syntax.code == 0);
    CHECK(syntax.err == "");
    std::string script = "source plg.fish\n";
    for (std::string line : {"plg go", "plg goal show ", "plg meeting add --attendee b",
                             "plg report --lang ", "plg action done ", "plg -q meeting add --ti"}) {
        script += "echo '# " + line + "'; complete -C'" + line + "'\n";
    }
    auto r = run({PLG_TEST_FISH, "--no-config", "-c", script}, f.dir.path(), "", f.env());
    INFO(r.err);
    CHECK(r.code == 0);
    CHECK(r.out ==
          "# plg go\ngoal\tSet goals, record progress, close them\n"
          "# plg goal show \nlezen\ntafels\n"
          "# plg meeting add --attendee b\nbram\tMember who was there (repeatable)\n"
          "# plg report --lang \nen\tLanguage: en, fr, nl (default: the PLG's language; outside a "
          "PLG, the locale's)\n"
          "fr\tLanguage: en, fr, nl (default: the PLG's language; outside a PLG, the locale's)\n"
          "nl\tLanguage: en, fr, nl (default: the PLG's language; outside a PLG, the locale's)\n"
          "# plg action done \n" +
              f.open_action +
              "\n"
              "# plg -q meeting add --ti\n--title\tTitle; required\n");
}

TEST_CASE("zsh loads the script and completes with its completion builtins") {
    REQUIRE_MESSAGE(std::string(PLG_TEST_ZSH) != "", "zsh is needed; run scripts/install-deps");
    CompletionFixture f;
    auto syntax = run({PLG_TEST_ZSH, "-n", "_plg"}, f.dir.path());
    CHECK(syntax.code == 0);
    CHECK(syntax.err == "");
    // compadd and _describe only exist inside a completion; these stand-ins print
    // what the script hands them.
    std::string script = R"(compdef() { print -r -- "compdef $*"; }
source ./_plg
compadd() {
  if (( ${@[(I)-a]} )); then print -r -- "compadd ${@[1,-2]}: ${(P)${@[-1]}}"
  else print -r -- "compadd $*"; fi
}
_describe() { print -r -- "describe: ${(P)${@[-1]}}"; }
_files() { print -r -- "files $*"; }
t() { words=("$@"); CURRENT=${#words}; _plg; }
t plg goal ''
t plg meeting add --attendee ''
t plg goal show ''
t plg reflect add --rate ''
t plg report --lang ''
t plg report -o ''
t plg action done ''
)";
    auto r = run({PLG_TEST_ZSH, "-f", "-c", script}, f.dir.path(), "", f.env());
    INFO(r.err);
    CHECK(r.code == 0);
    CHECK(r.out ==
          "compdef _plg plg\n"
          "describe: add:Set a (SMART) goal; prints its id list:List goals with how far they have "
          "come show:Show a goal: baseline → progress → target progress:Record a measured value "
          "of a goal close:Mark a goal achieved, not achieved or dropped\n"
          "compadd -a: anna bram carla\n"
          "compadd -a: lezen tafels\n"
          "compadd -S  -a: collaboration= collective-responsibility= improvement= "
          "inquiry= interdependence= reflection= shared-learning= shared-vision=\n"
          "compadd -- en fr nl\n"
          "files \n"
          "compadd -a: " +
              f.open_action + "\n");
}

TEST_CASE("plg __complete lists ids, and nothing at all outside a PLG") {
    CompletionFixture f;
    CHECK(f({"__complete", "member"}).out == "anna\nbram\ncarla\n");
    CHECK(f({"__complete", "goal"}).out == "lezen\ntafels\n");
    CHECK(f({"__complete", "meeting"}).out == f.meeting + "\n");
    CHECK(f({"__complete", "action"}).out == f.open_action + "\n");
    // A broken record costs only its own id.
    write(f / "goals/kapot.yaml", "title: [unclosed\n");
    auto broken = f({"__complete", "goal"});
    CHECK(broken.code == 0);
    CHECK(broken.out == "lezen\ntafels\n");
    CHECK(broken.err == "");
    TempDir nowhere;
    auto outside = run_plg({"__complete", "member"}, nowhere.path());
    CHECK(outside.code == 0);
    CHECK(outside.out == "");
    CHECK(outside.err == "");
    // Hidden from --help; the shell name is checked.
    CHECK(f({"--help"}).out.find("__complete") == std::string::npos);
    auto bad = f({"completion", "tcsh"});
    CHECK(bad.code == 2);
    CHECK(bad.err.find("'tcsh' is not one of: bash zsh fish") != std::string::npos);
}
