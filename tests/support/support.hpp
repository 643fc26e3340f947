#pragma once

// Helpers shared by plg's test binaries: temporary folders, files, and running a
// program with captured stdout, stderr and exit code.

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

extern char** environ;

namespace plg::test {

namespace fs = std::filesystem;

// A fresh folder under $TMPDIR (or /tmp), removed with everything in it.
class TempDir {
  public:
    TempDir() {
        const char* base = std::getenv("TMPDIR");
        std::string pattern = std::string(base && *base ? base : "/tmp") + "/plg-test-XXXXXX";
        if (::mkdtemp(pattern.data()) == nullptr) {
            throw std::runtime_error("mkdtemp failed");
        }
        m_path = pattern;
    }
    ~TempDir() {
        keep_records();
        std::error_code ec;
        fs::remove_all(m_path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const fs::path& path() const { return m_path; }
    fs::path operator/(const std::string& rel) const { return m_path / rel; }

  private:
    // With PLG_TEST_KEEP_RECORDS=DIR, copies the records of every PLG in this
    // folder to a new folder under DIR before it goes, so that the schema test
    // can check every file the tests wrote (tests/schema/check.py).
    void keep_records() const {
        const char* keep = std::getenv("PLG_TEST_KEEP_RECORDS");
        if (keep == nullptr || *keep == '\0') {
            return;
        }
        std::error_code ec;
        fs::create_directories(keep, ec);
        std::string pattern = std::string(keep) + "/records-XXXXXX";
        if (::mkdtemp(pattern.data()) == nullptr) {
            return;
        }
        for (auto it = fs::recursive_directory_iterator(m_path, ec); it != fs::end(it);
             it.increment(ec)) {
            const fs::path& p = it->path();
            if (it->is_symlink(ec) || p.filename() == ".plg" || p.filename() == ".git") {
                it.disable_recursion_pending();
                continue;
            }
            std::string name = p.filename().string();
            std::string folder = p.parent_path().filename().string();
            bool record = name == "plg.yaml" || name == "network.yaml" ||
                          ((folder == "meetings" || folder == "goals" || folder == "reflections") &&
                           p.extension() == ".yaml" &&
                           fs::exists(p.parent_path().parent_path() / "plg.yaml", ec));
            if (record && it->is_regular_file(ec)) {
                fs::path to = fs::path(pattern) / fs::relative(p, m_path, ec);
                fs::create_directories(to.parent_path(), ec);
                fs::copy_file(p, to, ec);
            }
        }
    }

    fs::path m_path;
};

inline std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

inline void write(const fs::path& p, const std::string& text) {
    fs::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary);
    out << text;
}

// Text that YAML parsers are apt to read as something else, or to mangle.
inline const std::vector<std::string> k_tricky_texts = {"yes",
                                                        "no",
                                                        "on",
                                                        "off",
                                                        "y",
                                                        "n",
                                                        "true",
                                                        "False",
                                                        "0123",
                                                        "12:30",
                                                        "2026-11-23",
                                                        "null",
                                                        "~",
                                                        "- x",
                                                        "# x",
                                                        ": x",
                                                        "x: y",
                                                        "x #y",
                                                        "  leading spaces",
                                                        "trailing spaces  ",
                                                        "quote \" backslash \\",
                                                        "quotes ' and \"",
                                                        "é ë ü ß",
                                                        "emoji 🎉👩‍🏫",
                                                        "1e3",
                                                        ".inf",
                                                        "0x1F",
                                                        "+1",
                                                        "-1",
                                                        "'single'",
                                                        "\"double\"",
                                                        "@at",
                                                        "%percent",
                                                        "`backtick`",
                                                        "!bang",
                                                        "&amp",
                                                        "*star",
                                                        "[list]",
                                                        "{map}",
                                                        "|pipe",
                                                        ">fold",
                                                        "?q",
                                                        ",comma",
                                                        "<<",
                                                        "=",
                                                        "~tilde",
                                                        "a\\nb",
                                                        "<script>alert(1)</script>",
                                                        "| table | cell |",
                                                        "no-break\u00a0space"};

// A git identity for tests that commit.
inline const std::map<std::string, std::string> k_git_env = {
    {"GIT_AUTHOR_NAME", "Test"},
    {"GIT_AUTHOR_EMAIL", "test@example.org"},
    {"GIT_COMMITTER_NAME", "Test"},
    {"GIT_COMMITTER_EMAIL", "test@example.org"}};

struct Result {
    int code = -1;
    std::string out;
    std::string err;
};

// Runs `args` in `cwd` with `input` on stdin and `env` added to (or, with an
// empty value, removed from) the environment.
inline Result run(const std::vector<std::string>& args, const fs::path& cwd,
                  const std::string& input = "",
                  const std::map<std::string, std::string>& env = {}) {
    TempDir io;
    write(io / "in", input);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, (io / "in").c_str(), O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, (io / "out").c_str(), O_WRONLY | O_CREAT, 0644);
    posix_spawn_file_actions_addopen(&actions, 2, (io / "err").c_str(), O_WRONLY | O_CREAT, 0644);
    posix_spawn_file_actions_addchdir_np(&actions, cwd.c_str());

    std::map<std::string, std::string> vars;
    for (char** e = environ; *e; ++e) {
        std::string kv = *e;
        size_t eq = kv.find('=');
        vars[kv.substr(0, eq)] = kv.substr(eq + 1);
    }
    for (const auto& [k, v] : env) {
        if (v.empty()) {
            vars.erase(k);
        } else {
            vars[k] = v;
        }
    }
    std::vector<std::string> env_strings;
    for (const auto& [k, v] : vars) {
        env_strings.push_back(k + "=" + v);
    }
    std::vector<char*> envp;
    for (auto& s : env_strings) {
        envp.push_back(s.data());
    }
    envp.push_back(nullptr);
    std::vector<std::string> arg_copy = args;
#ifdef PLG_BINARY
    // PLG_TEST_WRAPPER="valgrind -q ..." runs every plg under that program (the
    // memcheck pass of scripts/test).
    if (const char* wrapper = std::getenv("PLG_TEST_WRAPPER");
        wrapper && *wrapper && arg_copy.front() == PLG_BINARY) {
        std::vector<std::string> words;
        std::string w = wrapper;
        for (size_t at = 0, next = 0; at < w.size(); at = next + 1) {
            next = w.find(' ', at);
            next = next == std::string::npos ? w.size() : next;
            if (next > at) {
                words.push_back(w.substr(at, next - at));
            }
        }
        arg_copy.insert(arg_copy.begin(), words.begin(), words.end());
    }
#endif
    std::vector<char*> argv;
    for (auto& a : arg_copy) {
        argv.push_back(a.data());
    }
    argv.push_back(nullptr);

    pid_t pid = 0;
    Result r;
    if (::posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), envp.data()) != 0) {
        posix_spawn_file_actions_destroy(&actions);
        r.err = "cannot start " + args[0];
        return r;
    }
    posix_spawn_file_actions_destroy(&actions);
    int status = 0;
    ::waitpid(pid, &status, 0);
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    r.out = read(io / "out");
    r.err = read(io / "err");
    return r;
}

}  // namespace plg::test
