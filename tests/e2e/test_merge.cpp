// Real git: records added on two branches merge without a conflict.

#include <nlohmann/json.hpp>

#include <set>

#include "e2e.hpp"

using namespace plg::test;

namespace {

struct Repos {
    TempDir dir;
    Repos() {
        REQUIRE_MESSAGE(std::string(PLG_TEST_GIT) != "", "git is needed; run scripts/install-deps");
        REQUIRE(run_plg({"init", "origin", "--name", "X", "--member", "anna=Anna", "--member",
                         "bram=Bram", "--git"},
                        dir.path(), "", k_git_env)
                    .code == 0);
        REQUIRE(plg("origin",
                    {"goal", "add", "--title", "Tafels", "--baseline", "40", "--target", "80"})
                    .code == 0);
        commit("origin", "goal");
        git(".", {"clone", "-q", "origin", "one"});
        git(".", {"clone", "-q", "origin", "two"});
    }
    Result git(const std::string& where, std::vector<std::string> args) {
        args.insert(args.begin(), PLG_TEST_GIT);
        return run(args, dir / where, "", k_git_env);
    }
    Result plg(const std::string& where, std::vector<std::string> args) {
        auto r = run_plg(std::move(args), dir / where);
        INFO(r.err);
        return r;
    }
    void commit(const std::string& where, const std::string& message) {
        git(where, {"add", "-A"});
        REQUIRE(git(where, {"commit", "-qm", message}).code == 0);
    }
    // Merges clone one's work into clone two, as a pull would.
    Result merge() {
        REQUIRE(git("two", {"fetch", "-q", "../one", "HEAD"}).code == 0);
        return git("two", {"merge", "--no-edit", "-q", "FETCH_HEAD"});
    }
};

}  // namespace

TEST_CASE("reflections and progress on one goal from two branches merge cleanly") {
    Repos repos;
    for (const char* clone : {"one", "two"}) {
        std::string who = std::string(clone) == "one" ? "anna" : "bram";
        std::string value = std::string(clone) == "one" ? "52" : "58";
        REQUIRE(repos
                    .plg(clone, {"goal", "progress", "tafels", "--value", value, "--evidence",
                                 "toets van " + who})
                    .code == 0);
        REQUIRE(repos
                    .plg(clone, {"reflect", "add", "--author", who, "--goal", "tafels", "--text",
                                 "Zelfde dag, zelfde doel", "--rate", "collaboration=4"})
                    .code == 0);
        REQUIRE(repos
                    .plg(clone, {"meeting", "add", "--date", "2026-11-23", "--title", "Data",
                                 "--attendee", who})
                    .code == 0);
        repos.commit(clone, std::string("work in ") + clone);
    }
    auto merge = repos.merge();
    INFO(merge.out, merge.err);
    CHECK(merge.code == 0);
    auto check = repos.plg("two", {"check", "--format", "json"});
    INFO(check.out);
    CHECK(check.code == 0);
    auto goal =
        nlohmann::json::parse(repos.plg("two", {"goal", "show", "tafels", "--format", "json"}).out);
    REQUIRE(goal["progress"].size() == 2);
    std::set<std::string> evidence = {goal["progress"][0]["evidence"],
                                      goal["progress"][1]["evidence"]};
    CHECK(evidence == std::set<std::string>{"toets van anna", "toets van bram"});
    auto reflections =
        nlohmann::json::parse(repos.plg("two", {"reflect", "list", "--format", "json"}).out);
    CHECK(reflections.size() == 2);
    auto meetings =
        nlohmann::json::parse(repos.plg("two", {"meeting", "list", "--format", "json"}).out);
    CHECK(meetings.size() == 2);
}

TEST_CASE("closing a goal on one branch and adding progress on another merge cleanly") {
    Repos repos;
    REQUIRE(repos.plg("one", {"goal", "close", "tafels", "--achieved", "--note", "gehaald"}).code ==
            0);
    repos.commit("one", "close");
    REQUIRE(repos.plg("two", {"goal", "progress", "tafels", "--value", "81"}).code == 0);
    repos.commit("two", "progress");
    auto merge = repos.merge();
    INFO(merge.out, merge.err);
    CHECK(merge.code == 0);
    CHECK(repos.plg("two", {"check"}).code == 0);
    auto goal =
        nlohmann::json::parse(repos.plg("two", {"goal", "show", "tafels", "--format", "json"}).out);
    CHECK(goal["status"] == "achieved");
    CHECK(goal["latest"] == 81);
}

TEST_CASE("two goals added with one id on two branches are named as such after the merge") {
    Repos repos;
    REQUIRE(repos.plg("one", {"goal", "add", "--title", "Lezen", "--target", "80"}).code == 0);
    repos.commit("one", "goal on one");
    REQUIRE(
        repos.plg("two", {"goal", "add", "--title", "Lezen", "--target", "60", "--baseline", "20"})
            .code == 0);
    repos.commit("two", "goal on two");
    auto merged = repos.merge();
    INFO(merged.out, merged.err);
    REQUIRE(merged.code == 0);  // the union driver joins the two files without a conflict
    auto check = repos.plg("two", {"check"});
    CHECK(check.code == 1);
    CHECK((check.out + check.err)
              .find("goals/lezen.yaml:4:1: error: duplicate key 'target' (first given at line 3); "
                    "keep only one of them. After a git merge this means the goal was changed (or "
                    "added with the id 'lezen') on two branches") != std::string::npos);
}

TEST_CASE("members added on two branches merge, with the merge driver 'plg init --git' sets up") {
    Repos repos;
    // init --git configured the driver in origin; a clone configures it once.
    auto driver = repos.git("origin", {"config", "merge.plg.driver"});
    CHECK(trim(driver.out) == "plg __merge-file %O %A %B");
    CHECK(read(repos.dir / "origin/.gitattributes").find("plg.yaml merge=plg\n") !=
          std::string::npos);
    for (const char* clone : {"one", "two"}) {
        repos.git(clone, {"config", "merge.plg.driver",
                          std::string(PLG_BINARY) + " __merge-file %O %A %B"});
    }
    std::string config = read(repos.dir / "two/plg.yaml");
    write(repos.dir / "two/plg.yaml", "# Leerteam, sinds september\n" + config);
    repos.commit("two", "a comment");
    REQUIRE(repos.plg("one", {"member", "add", "carla", "--name", "Carla"}).code == 0);
    repos.commit("one", "carla");
    REQUIRE(repos.plg("two", {"member", "add", "dirk", "--name", "Dirk", "--role", "coach"}).code ==
            0);
    repos.commit("two", "dirk");
    auto merged = repos.merge();
    INFO(merged.out, merged.err);
    REQUIRE(merged.code == 0);
    std::string after = read(repos.dir / "two/plg.yaml");
    CHECK(after.rfind("# Leerteam, sinds september\n", 0) == 0);
    auto list = repos.plg("two", {"member", "list", "--format", "json"});
    REQUIRE(list.code == 0);
    auto members = nlohmann::json::parse(list.out);
    std::set<std::string> ids;
    for (const auto& m : members) {
        ids.insert(m["id"].get<std::string>());
    }
    CHECK(ids == std::set<std::string>{"anna", "bram", "carla", "dirk"});
    CHECK(repos.plg("two", {"check"}).code == 0);

    SUBCASE("one id added differently on both sides is a conflict for a person") {
        REQUIRE(repos.plg("one", {"member", "add", "eva", "--name", "Eva A"}).code == 0);
        repos.commit("one", "eva a");
        REQUIRE(repos.git("two", {"pull", "-q", "--no-rebase", "../one", "HEAD"}).code == 0);
        REQUIRE(repos.plg("two", {"member", "add", "fenna", "--name", "Fenna"}).code == 0);
        repos.commit("two", "fenna");
        REQUIRE(repos.plg("one", {"member", "add", "fenna", "--name", "Fenna B"}).code == 0);
        repos.commit("one", "fenna b");
        auto clash = repos.merge();
        CHECK(clash.code != 0);
        CHECK(read(repos.dir / "two/plg.yaml").find("<<<<<<<") != std::string::npos);
    }
}
