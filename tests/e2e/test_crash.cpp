// Crash safety and concurrency: plg killed with SIGKILL at many points while it
// writes, and many plg processes writing at once. Every file must be as it was
// or as intended, never partial, and nothing may be lost.

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <random>
#include <set>
#include <thread>

#include <nlohmann/json.hpp>

#include "e2e.hpp"

using namespace plg::test;

namespace {

// Starts plg in `cwd`, kills it with SIGKILL after `delay`, and returns true
// when it finished by itself first.
bool run_and_kill(const std::vector<std::string>& args, const fs::path& cwd,
                  std::chrono::microseconds delay) {
    std::vector<std::string> all = {PLG_BINARY, "-C", cwd.string(), "-q"};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : all) {
        argv.push_back(a.data());
    }
    argv.push_back(nullptr);
    std::vector<std::string> env_strings = {"PLG_TODAY=2026-11-23", "PATH=/usr/bin:/bin"};
    std::vector<char*> envp;
    for (auto& e : env_strings) {
        envp.push_back(e.data());
    }
    envp.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    // Relative paths (report -o FILE) are relative to the PLG folder.
    posix_spawn_file_actions_addchdir_np(&actions, cwd.c_str());
    pid_t pid = 0;
    REQUIRE(posix_spawn(&pid, PLG_BINARY, &actions, nullptr, argv.data(), envp.data()) == 0);
    posix_spawn_file_actions_destroy(&actions);
    std::this_thread::sleep_for(delay);
    ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    return WIFEXITED(status);
}

// Names in `folder` that are not hidden temporary files (".NAME.PID-N.tmp").
std::set<std::string> visible(const fs::path& folder) {
    std::set<std::string> names;
    for (const auto& e : fs::directory_iterator(folder)) {
        std::string name = e.path().filename().string();
        bool temporary =
            name[0] == '.' && name.size() > 4 && name.substr(name.size() - 4) == ".tmp";
        if (!temporary) {
            names.insert(name);
        }
    }
    return names;
}

// Microseconds to wait before the kill, spread over a run of plg (about 0-30 ms),
// then a few runs that are left to finish.
std::vector<std::chrono::microseconds> delays(size_t n) {
    std::mt19937 random(20261123);
    std::uniform_int_distribution<int> pick(0, 30000);
    std::vector<std::chrono::microseconds> out;
    for (size_t i = 0; i < n; ++i) {
        out.emplace_back(i < n / 4 ? int(i) * 200 : pick(random));
    }
    // A few long enough for even a slow (sanitized) build to finish.
    for (size_t i = 0; i < 4; ++i) {
        out.emplace_back(500000);
    }
    return out;
}

constexpr size_t k_kills = 60;

}  // namespace

TEST_CASE("SIGKILL during 'action done' leaves the meeting as it was or as intended") {
    Fixture team;
    auto add = team({"meeting", "add", "--date", "2026-11-20", "--title", "Data", "--action",
                     "Een @anna", "--action", "Twee @bram"});
    REQUIRE(add.code == 0);
    std::string id = add.out.substr(0, add.out.size() - 1);
    fs::path file = team / ("meetings/" + id + ".yaml");
    const std::string before = read(file);
    REQUIRE(team({"action", "done", id + "#2"}).code == 0);
    const std::string after = read(file);
    int finished = 0;
    for (auto delay : delays(k_kills)) {
        write(file, before);
        finished += run_and_kill({"action", "done", id + "#2"}, team.dir.path(), delay);
        std::string now = read(file);
        INFO("killed after ", delay.count(), " µs");
        CHECK((now == before || now == after));
        CHECK(visible(team / "meetings") == std::set<std::string>{".gitkeep", id + ".yaml"});
    }
    CHECK(finished > 0);             // some runs got to the end ...
    CHECK(finished < int(k_kills));  // ... and many were killed first
    CHECK(team({"check"}).code == 0);
}

TEST_CASE("SIGKILL during 'goal progress' and 'meeting add' never leaves a partial file") {
    Fixture team;
    REQUIRE(team({"goal", "add", "--title", "Tafels", "--baseline", "40", "--target", "80"}).code ==
            0);
    fs::path goal = team / "goals/tafels.yaml";
    int value = 41;
    for (auto delay : delays(k_kills)) {
        std::string before = read(goal);
        std::string entry = "  - {date: 2026-11-23, value: " + std::to_string(value) + "}\n";
        run_and_kill({"goal", "progress", "tafels", "--value", std::to_string(value)},
                     team.dir.path(), delay);
        std::string now = read(goal);
        INFO("killed after ", delay.count(), " µs");
        CHECK((now == before || now == before + entry));
        ++value;

        size_t meetings = visible(team / "meetings").size();
        run_and_kill({"meeting", "add", "--date", "2026-11-20", "--title", "Crash"},
                     team.dir.path(), delay);
        CHECK(visible(team / "meetings").size() - meetings <= 1);
    }
    // Every file there is whole: check reads them all.
    auto check = team({"check", "--format", "json"});
    INFO(check.out);
    CHECK(check.code == 0);
}

TEST_CASE("SIGKILL during 'report -o' leaves no report or the whole report") {
    Fixture team;
    for (int i = 0; i < 30; ++i) {
        REQUIRE(team({"meeting", "add", "--date",
                      "2026-10-" + std::string(i < 9 ? "0" : "") + std::to_string(i + 1), "--title",
                      "Bijeenkomst " + std::to_string(i), "--attendee", "anna", "--minutes", "60",
                      "--decision", "Besluit " + std::to_string(i)})
                    .code == 0);
    }
    REQUIRE(team({"goal", "add", "--id", "tafels", "--title", "Tafels", "--baseline", "40",
                  "--target", "80", "--unit", "%"})
                .code == 0);
    REQUIRE(team({"goal", "progress", "tafels", "--value", "55", "--date", "2026-10-20"}).code ==
            0);
    // The whole report and its charts, written once without a kill.
    fs::create_directory(team / "ref");
    REQUIRE(team({"report", "-o", "ref/verslag.md"}).code == 0);
    const std::string whole = read(team / "ref/verslag.md");
    std::set<std::string> charts = visible(team / "ref/verslag-charts");
    REQUIRE(charts.size() >= 2);
    int written = 0;
    for (auto delay : delays(k_kills)) {
        fs::remove(team / "verslag.md");
        fs::remove_all(team / "verslag-charts");
        run_and_kill({"report", "-o", "verslag.md"}, team.dir.path(), delay);
        INFO("killed after ", delay.count(), " µs");
        // The charts are written first, each whole, so the report never links a missing one.
        if (fs::exists(team / "verslag.md")) {
            CHECK(read(team / "verslag.md") == whole);
            CHECK(visible(team / "verslag-charts") == charts);
            ++written;
        }
        if (fs::exists(team / "verslag-charts")) {
            for (const auto& name : visible(team / "verslag-charts")) {
                CHECK(read(team / "verslag-charts" / name) ==
                      read(team / "ref/verslag-charts" / name));
            }
        }
        for (const auto& name : visible(team.dir.path())) {
            CHECK((name == "verslag.md" || name == "verslag-charts" || name == "ref" ||
                   name == "plg.yaml" || name == "meetings" || name == "goals" ||
                   name == "reflections" || name[0] == '.'));
        }
    }
    CHECK(written > 0);  // the runs left to finish wrote it whole
}

TEST_CASE("twenty writers at once on one goal and one meeting lose nothing") {
    Fixture team;
    REQUIRE(team({"goal", "add", "--title", "Tafels", "--baseline", "0", "--target", "100"}).code ==
            0);
    std::vector<std::string> actions;
    for (int i = 1; i <= 20; ++i) {
        actions.push_back("--action");
        actions.push_back("Actie " + std::to_string(i));
    }
    std::vector<std::string> add = {"meeting", "add", "--date", "2026-11-20", "--title", "Veel"};
    add.insert(add.end(), actions.begin(), actions.end());
    auto m = team(add);
    REQUIRE(m.code == 0);
    std::string id = m.out.substr(0, m.out.size() - 1);

    std::vector<Result> results(40);
    std::vector<std::thread> threads;
    for (int i = 0; i < 20; ++i) {
        threads.emplace_back([&, i] {
            results[size_t(i)] =
                team.spawn({"goal", "progress", "tafels", "--value", std::to_string(i)});
        });
        threads.emplace_back([&, i] {
            results[size_t(20 + i)] =
                team.spawn({"action", "done", id + "#" + std::to_string(i + 1)});
        });
    }
    for (auto& t : threads) {
        t.join();
    }
    for (const auto& r : results) {
        INFO(r.err);
        CHECK(r.code == 0);
    }
    auto goal = nlohmann::json::parse(team({"goal", "show", "tafels", "--format", "json"}).out);
    std::set<int> values;
    for (const auto& p : goal["progress"]) {
        values.insert(p["value"].get<int>());
    }
    CHECK(values.size() == 20);
    auto meeting = nlohmann::json::parse(team({"meeting", "show", id, "--format", "json"}).out);
    for (const auto& a : meeting["actions"]) {
        CHECK(a["done"] == true);
    }
    CHECK(team({"check"}).code == 0);
}
