#pragma once

// End-to-end helpers: run the real plg binary in a temporary PLG folder.

#include <doctest/doctest.h>

#include <algorithm>
#include <mutex>
#include <optional>
#include <sstream>

#include "../support/support.hpp"
#include "cli.hpp"  // cmd/cli.hpp: run_cli_guarded

namespace plg::test {

// The example PLGs in the source tree.
inline const fs::path k_examples = fs::path(PLG_SOURCE_DIR) / "examples";

// Runs the real plg binary with `args` in `cwd`, with `input` on stdin and `env`
// added to the environment (an empty value removes a variable): for what only a
// process shows (exit statuses, signals, concurrency, outside programs).
inline Result spawn_plg(std::vector<std::string> args, const fs::path& cwd,
                        const std::string& input = "",
                        std::map<std::string, std::string> env = {}) {
    args.insert(args.begin(), PLG_BINARY);
    env.emplace("PLG_TODAY", "2026-11-23");
    env.emplace("PLG_DIR", "");
    // Messages in English, even in the tests' Dutch PLGs, unless a test says
    // otherwise (PLG_LANG "" for the PLG's language); reports stay in the PLG's.
    env.emplace("PLG_LANG", "en");
    for (const char* locale : {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"}) {
        env.emplace(locale, "");
    }
    return run(args, cwd, input, env);
}

// Runs plg's whole command line in this process (run_cli_guarded, which main()
// is): the same parsing, commands and messages as the binary, without starting
// a process. The working folder and environment are the process's own, so this
// is set and restored around the run, one run at a time.
inline Result run_in_process(const std::vector<std::string>& args, const fs::path& cwd,
                             const std::string& input,
                             const std::map<std::string, std::string>& env) {
    static std::mutex one_at_a_time;
    std::lock_guard lock(one_at_a_time);
    std::map<std::string, std::optional<std::string>> saved;
    for (const auto& [k, v] : env) {
        const char* old = std::getenv(k.c_str());
        saved[k] = old ? std::optional<std::string>(old) : std::nullopt;
        if (v.empty()) {
            ::unsetenv(k.c_str());
        } else {
            ::setenv(k.c_str(), v.c_str(), 1);
        }
    }
    fs::path before = fs::current_path();
    fs::current_path(cwd);
    std::istringstream in(input);
    std::ostringstream out;
    std::ostringstream err;
    std::vector<const char*> argv = {"plg"};
    for (const auto& a : args) {
        argv.push_back(a.c_str());
    }
    argv.push_back(nullptr);
    Result r;
    r.code = plg::cli::run_cli_guarded(int(args.size() + 1), argv.data(),
                                       plg::cli::Streams{in, out, err, false, false, false});
    r.out = out.str();
    r.err = err.str();
    fs::current_path(before);
    for (const auto& [k, v] : saved) {
        if (v) {
            ::setenv(k.c_str(), v->c_str(), 1);
        } else {
            ::unsetenv(k.c_str());
        }
    }
    return r;
}

// Runs plg with `args` in `cwd`; today is fixed at 2026-11-23 so runs repeat.
// In this process by default; as the real binary when PLG_TEST_WRAPPER is set
// (the valgrind pass wraps every plg run) or PLG_TEST_SPAWN=1.
inline Result run_plg(std::vector<std::string> args, const fs::path& cwd,
                      const std::string& input = "", std::map<std::string, std::string> env = {}) {
    const char* wrapper = std::getenv("PLG_TEST_WRAPPER");
    const char* spawn = std::getenv("PLG_TEST_SPAWN");
    if ((wrapper && *wrapper) || (spawn && std::string(spawn) == "1")) {
        return spawn_plg(std::move(args), cwd, input, std::move(env));
    }
    env.emplace("PLG_TODAY", "2026-11-23");
    env.emplace("PLG_DIR", "");
    // Messages in English, even in the tests' Dutch PLGs, unless a test says
    // otherwise (PLG_LANG "" for the PLG's language); reports stay in the PLG's.
    env.emplace("PLG_LANG", "en");
    for (const char* locale : {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"}) {
        env.emplace(locale, "");
    }
    return run_in_process(args, cwd, input, env);
}

// Copies the example PLG `name` to `to` (its folder is created).
inline void copy_example(const std::string& name, const fs::path& to) {
    fs::create_directories(to.parent_path());
    fs::copy(k_examples / name, to, fs::copy_options::recursive);
}

// Returns `s` without its trailing newlines (an id plg printed).
inline std::string trim(const std::string& s) {
    return s.substr(0, s.find_last_not_of('\n') + 1);
}

// A temporary folder holding a fresh PLG with members anna, bram and carla,
// founded on 1 September 2026 (the tests' today is 23 November 2026).
struct Fixture {
    TempDir dir;
    Fixture() {
        auto r = run_plg({"init", "--name", "Leerteam rekenen", "--language", "nl", "--cadence",
                          "14", "--founded", "2026-09-01", "--member", "anna=Anna de Vries",
                          "--member", "bram=Bram Jansen", "--member", "carla=Carla Öztürk"},
                         dir.path());
        REQUIRE(r.code == 0);
    }
    fs::path operator/(const std::string& rel) const { return dir / rel; }
    Result operator()(std::vector<std::string> args, const std::string& input = "",
                      std::map<std::string, std::string> env = {}) const {
        return run_plg(std::move(args), dir.path(), input, std::move(env));
    }
    // The same as the real binary, in a process of its own.
    Result spawn(std::vector<std::string> args, const std::string& input = "",
                 std::map<std::string, std::string> env = {}) const {
        return spawn_plg(std::move(args), dir.path(), input, std::move(env));
    }
};

// The names of the files in `folder` (not .gitkeep), sorted.
inline std::vector<std::string> files_in(const fs::path& folder) {
    std::vector<std::string> names;
    if (fs::exists(folder)) {
        for (const auto& e : fs::directory_iterator(folder)) {
            if (e.path().filename() != ".gitkeep") {
                names.push_back(e.path().filename().string());
            }
        }
    }
    std::sort(names.begin(), names.end());
    return names;
}

// Returns every file under `root` with its contents (relative paths), for "nothing else changed"
// checks.
inline std::map<std::string, std::string> snapshot(const fs::path& root) {
    std::map<std::string, std::string> files;
    for (auto& e : fs::recursive_directory_iterator(root)) {
        // .plg/ is plg's own ignored folder (its lock file, its cache).
        if (e.is_regular_file() && e.path().string().find("/.plg/") == std::string::npos) {
            files[fs::relative(e.path(), root).string()] = read(e.path());
        }
    }
    return files;
}

}  // namespace plg::test
