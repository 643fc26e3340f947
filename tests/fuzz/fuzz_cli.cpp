// Fuzzes the command-line front end: each input is a command line (arguments
// separated by NUL bytes) run in-process by run_cli(), the function plg's main()
// calls, on a small PLG in a temporary folder that is reset before every run.
//
// Arguments are kept inside that folder: an input with '/' or '..' in any
// argument is rejected, as are the editor and git (which start other programs).
// Beyond "no crash, no hang, no leak", it checks that
//   - the exit code is 0, 1 or 2, never anything else;
//   - a command that fails leaves every file exactly as it was (but a network
//     report that found problems, exit 1, still writes its -o file);
//   - after a command that succeeds, 'plg check' still finds no errors;
//   - --format json output that succeeds parses as JSON.
// PLG_FUZZ_PRINT_DICT=1 makes it print a libFuzzer dictionary of every command,
// option and choice (from the same definitions) and exit: scripts/fuzz uses it.

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "cli.hpp"
#include "cli_tree.hpp"
#include "options.hpp"

namespace fs = std::filesystem;

namespace {

constexpr size_t k_max_args = 24;
constexpr size_t k_max_arg_bytes = 256;

fs::path g_pristine;  // the PLG every run starts from
fs::path g_plg;       // where each run happens (the working folder)
std::map<std::string, std::string> g_pristine_files;

[[noreturn]] void fail(const std::string& what, const std::vector<std::string>& args) {
    std::string line;
    for (const auto& a : args) {
        line += " [" + a + "]";
    }
    std::fprintf(stderr, "plg fuzz: %s\n  command:%s\n", what.c_str(), line.c_str());
    std::abort();
}

struct Outcome {
    int code;
    std::string out;
    std::string err;
};

Outcome run(const std::vector<std::string>& args, const std::string& input = "") {
    std::vector<const char*> argv;
    argv.push_back("plg");
    for (const auto& a : args) {
        argv.push_back(a.c_str());
    }
    std::istringstream in(input);
    std::ostringstream out;
    std::ostringstream err;
    plg::cli::Streams io{in, out, err, false, false};
    int code = plg::cli::run_cli(static_cast<int>(argv.size()), argv.data(), io);
    return {code, out.str(), err.str()};
}

// Every file under `root` (but .plg/, plg's own cache) and its bytes; folders as "/".
std::map<std::string, std::string> snapshot(const fs::path& root) {
    std::map<std::string, std::string> files;
    for (auto it = fs::recursive_directory_iterator(root); it != fs::end(it); ++it) {
        std::string rel = fs::relative(it->path(), root).string();
        if (rel == ".plg") {
            it.disable_recursion_pending();
            continue;
        }
        if (it->is_directory()) {
            files[rel] = "/";
        } else {
            std::ifstream f(it->path(), std::ios::binary);
            files[rel] = std::string(std::istreambuf_iterator<char>(f), {});
        }
    }
    return files;
}

void write(const fs::path& p, const std::string& text) {
    std::ofstream(p, std::ios::binary) << text;
}

// libFuzzer's timer (SIGALRM, installed without SA_RESTART) can interrupt the
// copy with EINTR; that is the harness's business, not plg's, so start again.
void reset() {
    fs::current_path(g_pristine.parent_path());
    for (int attempt = 1;; ++attempt) {
        try {
            fs::remove_all(g_plg);
            fs::copy(g_pristine, g_plg, fs::copy_options::recursive);
            break;
        } catch (const fs::filesystem_error& e) {
            if (e.code() != std::errc::interrupted || attempt == 100) {
                throw;
            }
        }
    }
    fs::current_path(g_plg);
}

void make_pristine() {
    const char* base = std::getenv("TMPDIR");
    std::string tmpl =
        (fs::exists("/dev/shm") ? std::string("/dev/shm") : std::string(base ? base : "/tmp")) +
        "/plg-fuzz-cli-XXXXXX";
    if (::mkdtemp(tmpl.data()) == nullptr) {
        std::fprintf(stderr, "plg fuzz: cannot make a temporary folder\n");
        std::exit(1);
    }
    fs::path work = tmpl;
    g_pristine = work / "pristine";
    g_plg = work / "plg";
    fs::current_path(work);
    Outcome init = run({"init", "pristine", "--name", "Fuzz PLG", "--member", "anna=Anna de Vries",
                        "--member", "bram=Bram Jansen", "--cadence", "14"});
    if (init.code != 0) {
        std::fprintf(stderr, "plg fuzz: init failed: %s\n", init.err.c_str());
        std::exit(1);
    }
    write(g_pristine / "meetings/2026-11-02-data-bespreken-ab12.yaml",
          "date: 2026-11-02\ntitle: Data bespreken\nfacilitator: anna\nattendees:\n  - anna\n"
          "  - bram\nminutes: 60\nactions:\n  - text: Toets maken\n    owner: bram\n"
          "    due: 2026-11-20\n  - text: Klaar\n    owner: anna\n    done: true\n"
          "goals:\n  - tafels\n");
    write(g_pristine / "goals/tafels.yaml",
          "title: Tafels automatiseren\nowners:\n  - anna\nbaseline: 40\ntarget: 80\n"
          "due: 2027-06-30\nstatus: active\ncreated: 2026-11-02\nprogress:\n"
          "  - {date: 2026-11-02, value: 45, meeting: 2026-11-02-data-bespreken-ab12}\n");
    write(g_pristine / "reflections/2026-11-03-bram-cd34.yaml",
          "author: bram\ndate: 2026-11-03\nmeeting: 2026-11-02-data-bespreken-ab12\n"
          "text: Goed gesprek.\nratings:\n  collaboration: 4\n");
    g_pristine_files = snapshot(g_pristine);
    reset();
    Outcome check = run({"check"});
    if (check.code != 0) {
        std::fprintf(stderr, "plg fuzz: the starting PLG has errors:\n%s%s\n", check.out.c_str(),
                     check.err.c_str());
        std::exit(1);
    }
}

void print_dictionary() {
    CLI::App app;
    plg::cli::Commands commands;
    plg::cli::Globals globals;
    plg::cli::build_cli(app, commands, globals);
    std::set<std::string> words = {"today",
                                   "yesterday",
                                   "2026-11-02",
                                   "-",
                                   "tafels",
                                   "anna",
                                   "bram",
                                   "2026-11-02-data-bespreken-ab12#1",
                                   "2026-11-02-data-bespreken-ab12",
                                   "2026-11-03-bram-cd34",
                                   "collaboration=3"};
    for (const auto& c : plg::cli::command_tree(app)) {
        for (const auto& child : c.children) {
            words.insert(child);
        }
        for (const auto& o : c.options) {
            if (!o.positional) {
                words.insert(o.names.begin(), o.names.end());
            }
            words.insert(o.choices.begin(), o.choices.end());
        }
    }
    for (const auto& w : words) {
        std::printf("\"%s\"\n", w.c_str());
    }
    std::exit(0);
}

bool allowed(const std::string& arg) {
    return arg.find('/') == std::string::npos && arg.find("..") == std::string::npos &&
           arg.find("edit") == std::string::npos && arg.find("git") == std::string::npos &&
           arg.find('~') == std::string::npos && arg.find("merge") == std::string::npos;
}

bool has_any(const std::vector<std::string>& args, std::initializer_list<std::string_view> words) {
    for (const auto& a : args) {
        for (auto w : words) {
            if (a == w) {
                return true;
            }
        }
    }
    return false;
}

// The file names given with -o or --output, in each form CLI11 takes.
std::vector<std::string> output_names(const std::vector<std::string>& args) {
    std::vector<std::string> names;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if ((a == "-o" || a == "--output") && i + 1 < args.size()) {
            names.push_back(args[i + 1]);
        } else if (a.rfind("--output=", 0) == 0) {
            names.push_back(a.substr(9));
        } else if (a.rfind("-o", 0) == 0 && a.size() > 2) {
            names.push_back(a.substr(2));  // "-oFILE", and "-o--x" is the file "--x"
        }
    }
    return names;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    if (const char* dict = std::getenv("PLG_FUZZ_PRINT_DICT"); dict && *dict == '1') {
        print_dictionary();
    }
    ::setenv("PLG_TODAY", "2026-11-23", 1);
    ::setenv("EDITOR", "true", 1);
    ::setenv("VISUAL", "true", 1);
    ::setenv("NO_COLOR", "1", 1);
    ::unsetenv("PLG_DIR");
    make_pristine();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::vector<std::string> args(1);
    for (size_t i = 0; i < size; ++i) {
        if (data[i] == 0) {
            args.emplace_back();
        } else {
            args.back() += static_cast<char>(data[i]);
        }
    }
    if (args.size() > k_max_args) {
        return -1;
    }
    for (const auto& a : args) {
        if (a.size() > k_max_arg_bytes || !allowed(a)) {
            return -1;
        }
    }
    reset();
    Outcome result = run(args, "Tekst van standaardinvoer.\n");
    if (result.code < 0 || result.code > 2) {
        fail("exit code " + std::to_string(result.code), args);
    }
    std::map<std::string, std::string> after = snapshot(g_plg);
    if (result.code != 0) {
        // A network report that found problems still writes its report (and says so
        // with exit 1), new or over an existing file that is not a record: that is
        // the one change allowed.
        std::map<std::string, std::string> expected = g_pristine_files;
        if (result.code == 1 && has_any(args, {"network"})) {
            for (const auto& given : output_names(args)) {
                std::string name = fs::path(given).lexically_normal().string();
                bool record = name == "plg.yaml" || name.find('/') != std::string::npos;
                if (!record) {
                    after.erase(name);
                    expected.erase(name);
                }
            }
        }
        if (after != expected) {
            fail("a command that failed changed files", args);
        }
        return 0;
    }
    if (after != g_pristine_files) {
        Outcome check = run({"check"});
        if (check.code != 0) {
            fail(
                "after a command that succeeded, plg check finds errors:\n" + check.out + check.err,
                args);
        }
    }
    // Help can be asked for inside a cluster of short flags ("-hto" is -h -t -o).
    bool help = has_any(args, {"--version"}) || result.out.find("Usage: plg") != std::string::npos;
    if (!help && has_any(args, {"json"}) && !result.out.empty() &&
        !nlohmann::json::accept(result.out)) {
        fail("--format json printed something that is not JSON", args);
    }
    return 0;
}
