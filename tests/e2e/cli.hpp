#pragma once

// End-to-end helpers: run the real plg binary in a temporary PLG folder.

#include <doctest/doctest.h>

#include "../support/support.hpp"

namespace plg::test {

// Runs plg with `args` in `cwd`; today is fixed at 2026-11-23 so runs repeat.
inline Result run_plg(std::vector<std::string> args, const fs::path& cwd,
                      const std::string& input = "", std::map<std::string, std::string> env = {}) {
    args.insert(args.begin(), PLG_BINARY);
    env.emplace("PLG_TODAY", "2026-11-23");
    env.emplace("PLG_DIR", "");
    return run(args, cwd, input, env);
}

// A temporary folder holding a fresh PLG with members anna, bram and carla.
struct Fixture {
    TempDir dir;
    Fixture() {
        auto r = run_plg({"init", "--name", "Leerteam rekenen", "--language", "nl", "--cadence",
                          "14", "--member", "anna=Anna de Vries", "--member", "bram=Bram Jansen",
                          "--member", "carla=Carla Öztürk"},
                         dir.path());
        REQUIRE(r.code == 0);
    }
    fs::path operator/(const std::string& rel) const { return dir / rel; }
    Result operator()(std::vector<std::string> args, const std::string& input = "",
                      std::map<std::string, std::string> env = {}) const {
        return run_plg(std::move(args), dir.path(), input, std::move(env));
    }
};

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
