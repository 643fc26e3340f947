// plg network pull against repositories made in the test: one good, one
// unreachable, one not a PLG, one with local changes, one that diverges, and a
// bundle; run twice and more. Runs the real binary: it starts git processes.

#include <nlohmann/json.hpp>

#include "e2e.hpp"

using namespace plg::test;

namespace {

const std::map<std::string, std::string> k_git_env = {
    {"GIT_AUTHOR_NAME", "Test"},        {"GIT_AUTHOR_EMAIL", "test@example.org"},
    {"GIT_COMMITTER_NAME", "Test"},     {"GIT_COMMITTER_EMAIL", "test@example.org"},
    {"GIT_CONFIG_GLOBAL", "/dev/null"}, {"GIT_CONFIG_NOSYSTEM", "1"}};

void git(const fs::path& in, const std::vector<std::string>& args) {
    std::vector<std::string> all = {PLG_TEST_GIT};
    all.insert(all.end(), args.begin(), args.end());
    auto r = run(all, in, "", k_git_env);
    INFO(args.front(), ": ", r.out, r.err);
    REQUIRE(r.code == 0);
}

// A repository holding the example PLG `example` (or just a README), and a bare clone of it.
void make_repository(const fs::path& dir, const std::string& example) {
    if (example.empty()) {
        fs::create_directories(dir);
        write(dir / "README", "not a PLG\n");
    } else {
        copy_example(example, dir);
    }
    git(dir, {"init", "-q", "-b", "main"});
    git(dir, {"add", "-A"});
    git(dir, {"commit", "-q", "-m", "start"});
    git(dir.parent_path(),
        {"clone", "-q", "--bare", dir.filename().string(), dir.filename().string() + ".git"});
}

void commit_to(const fs::path& work, const std::string& line) {
    write(work / "plg.yaml", read(work / "plg.yaml") + line + "\n");
    git(work, {"commit", "-q", "-a", "-m", line});
}

Result pull(const TempDir& dir, std::vector<std::string> args = {}) {
    args.insert(args.begin(), {"network", "pull"});
    std::map<std::string, std::string> env = k_git_env;
    env["PLG_LANG"] = "en";
    return spawn_plg(args, dir.path(), "", env);
}

}  // namespace

TEST_CASE("network pull clones, fetches, and never overwrites local work") {
    REQUIRE_MESSAGE(std::string(PLG_TEST_GIT) != "", "git is needed");
    TempDir dir;
    make_repository(dir / "src/good", "riverside-maths");
    make_repository(dir / "src/notplg", "");
    make_repository(dir / "src/changes", "riverside-maths");
    make_repository(dir / "src/lt", "leerteam-rekenen");
    git(dir / "src/lt", {"bundle", "create", "-q", "../lt.bundle", "HEAD", "main"});
    write(dir / "network.yaml",
          "plgs:\n"
          "  - path: clones/good\n"
          "    remote: src/good.git\n"
          "    branch: main\n"
          "    labels: {district: Motheo}\n"
          "  - path: clones/missing\n"
          "    remote: src/nowhere.git\n"
          "  - path: clones/notplg\n"
          "    remote: src/notplg.git\n"
          "  - path: clones/changes\n"
          "    remote: src/changes.git\n"
          "  - remote: src/lt.bundle\n");

    auto r = pull(dir);
    INFO(r.out, r.err);
    CHECK(r.code == 1);
    CHECK(r.out == "clones/missing  cannot clone src/nowhere.git: fatal: repository '" +
                       (dir / "src/nowhere.git").string() +
                       "' does not exist\n"
                       "clones/notplg   is not a PLG: the clone has no plg.yaml\n");
    CHECK(r.err == "Pulled 5 PLGs: 3 cloned, 0 updated, 0 unchanged, 2 failed\n");
    CHECK(fs::exists(dir / "clones/good/plg.yaml"));
    CHECK(fs::exists(dir / "lt/plg.yaml"));  // a remote without a path: named after it
    CHECK(fs::exists(dir / "clones/good/.git/shallow"));
    CHECK(!fs::exists(dir / "clones/missing"));
    // The report reads what was pulled.
    auto report = run_plg({"network", "report", "network.yaml", "--format", "json"}, dir.path());
    auto json = nlohmann::json::parse(report.out);
    CHECK(json["plgs"].size() == 3);
    CHECK(report.err.find("network.yaml:6:11: error: 'clones/missing' is not cloned yet; run "
                          "'plg network pull network.yaml'") != std::string::npos);

    // Second run: nothing to clone; the remote moved on for one, a person
    // changed a file in another.
    commit_to(dir / "src/good", "# a new meeting was recorded");
    git(dir / "src/good", {"push", "-q", "../good.git", "main"});
    write(dir / "clones/changes/plg.yaml", read(dir / "clones/changes/plg.yaml") + "# mine\n");
    std::string mine = read(dir / "clones/changes/plg.yaml");
    r = pull(dir, {"--format", "json"});
    CHECK(r.code == 1);
    auto rows = nlohmann::json::parse(r.out);
    REQUIRE(rows.size() == 5);
    std::map<std::string, std::string> result;
    for (const auto& row : rows) {
        result[row["path"].get<std::string>()] = row["result"].get<std::string>();
    }
    CHECK(result["clones/good"] == "updated");
    CHECK(result["clones/changes"] == "failed");
    CHECK(result["clones/notplg"] == "failed");
    CHECK(result["clones/missing"] == "failed");
    CHECK(result["lt"] == "unchanged");
    CHECK(read(dir / "clones/good/plg.yaml").find("# a new meeting was recorded") !=
          std::string::npos);
    CHECK(read(dir / "clones/changes/plg.yaml") == mine);
    CHECK(rows[3]["why"] ==
          "has local changes (1 file); commit or stash it, plg never overwrites them");

    // Third: a local commit the remote does not have, and a new one there: diverged.
    commit_to(dir / "clones/good", "# recorded here");
    commit_to(dir / "src/good", "# recorded there");
    git(dir / "src/good", {"push", "-q", "../good.git", "main"});
    r = pull(dir);
    CHECK(r.code == 1);
    CHECK(r.out.find("clones/good     has diverged from src/good.git: it has commits the remote "
                     "does not; plg never overwrites them (merge or rebase by hand)\n") !=
          std::string::npos);
    CHECK(read(dir / "clones/good/plg.yaml").find("# recorded here") != std::string::npos);
    CHECK(read(dir / "clones/good/plg.yaml").find("# recorded there") == std::string::npos);
}

TEST_CASE("network pull: a missing network file, and a folder that is not a clone") {
    TempDir dir;
    auto r = pull(dir);
    CHECK(r.code == 1);
    CHECK(r.err ==
          "plg: error: network.yaml: no such network file; give the network.yaml that lists the "
          "PLGs and their remotes\n");
    fs::create_directories(dir / "clones/mine");
    write(dir / "clones/mine/notes.txt", "mine\n");
    // (Not named network.yaml: the schema test holds every network.yaml the tests leave valid.)
    write(dir / "typo.yaml",
          "plgs:\n  - path: clones/mine\n    remote: https://example.invalid/x.git\n"
          "    remot: typo\n");
    r = pull(dir, {"typo.yaml"});
    CHECK(r.code == 1);
    CHECK(r.err.find("typo.yaml:4:5: error: unknown key 'remot' in a network entry; did you "
                     "mean 'remote'?") == 0);
    CHECK(r.out ==
          "clones/mine  is a folder but not a git clone; plg leaves it alone (move it away, and "
          "plg clones the PLG there)\n");
    CHECK(read(dir / "clones/mine/notes.txt") == "mine\n");
}
