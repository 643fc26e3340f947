// plg network pull: clones what network.yaml lists and is missing, fetches
// what is there, through the user's own git; never overwrites local work.

#include <nlohmann/json.hpp>

#include <unistd.h>
#include <atomic>
#include <mutex>

#include "commands.hpp"
#include "plg/base/text.hpp"
#include "plg/base/threads.hpp"
#include "plg/base/utf8.hpp"
#include "plg/network/network.hpp"
#include "plg/records/json.hpp"
#include "process.hpp"

namespace plg::cli {

namespace {

namespace fs = std::filesystem;

struct PullOptions {
    std::string file = "network.yaml";
    std::string format = "text";
    unsigned jobs = 4;
};

enum class Outcome { cloned, updated, unchanged, failed };

std::string_view outcome_word(Outcome o) {
    switch (o) {
        case Outcome::cloned:
            return "cloned";
        case Outcome::updated:
            return "updated";
        case Outcome::unchanged:
            return "unchanged";
        case Outcome::failed:
            return "failed";
    }
    return "failed";
}

struct Pulled {
    const NetworkEntry* entry = nullptr;
    std::string shown;
    Outcome outcome = Outcome::failed;
    std::string why;  // for a failure
};

// git never asks for a password or a host key here (several run at once, and
// a prompt would wait for ever); keys in an ssh-agent and credential helpers
// still work.
std::vector<std::string> git_env() {
    std::vector<std::string> env = {"GIT_TERMINAL_PROMPT=0"};
    if (!std::getenv("GIT_SSH_COMMAND")) {
        env.push_back("GIT_SSH_COMMAND=ssh -o BatchMode=yes");
    }
    return env;
}

// The last line git wrote that says what went wrong.
std::string git_said(const std::string& output) {
    std::vector<std::string> lines = split_lines(output);
    for (auto it = lines.rbegin(); it != lines.rend(); ++it) {
        std::string line = *it;
        if (!line.empty()) {
            return line;
        }
    }
    return "";
}

struct Git {
    std::vector<std::string> env = git_env();

    std::optional<int> operator()(std::vector<std::string> args, const fs::path& in,
                                  std::string& output) const {
        args.insert(args.begin(), "git");
        output.clear();
        return run_process(args, in, output, env);
    }
};

Pulled pull_one(const NetworkEntry& e, const fs::path& network_dir, const Context& ctx) {
    Pulled r{&e, display_path(e.path, ctx.cwd), Outcome::failed, ""};
    Git git;
    std::string out;
    // A remote that names something on this machine (a bare repository, a
    // clone, a bundle on a USB stick) is relative to network.yaml, like paths.
    // A URL has "://"; scp-like "host:path" has a ':' before any '/'.
    std::string remote = e.remote;
    size_t colon = remote.find(':');
    bool path_like = remote.find("://") == std::string::npos &&
                     (colon == std::string::npos || remote.find('/') < colon);
    std::error_code ec;
    fs::path local = fs::path(remote).is_absolute() ? fs::path(remote) : network_dir / remote;
    bool on_disk = path_like && fs::exists(local, ec);
    bool bundle = on_disk && fs::is_regular_file(local, ec);
    if (path_like) {
        remote = fs::absolute(local, ec).lexically_normal().string();
    }
    PathType type = path_type(e.path);
    bool empty_folder = type == PathType::folder && fs::is_empty(e.path, ec);
    if (type == PathType::missing || empty_folder) {
        std::vector<std::string> args = {"clone", "--quiet"};
        if (!bundle) {
            // Shallow: the records' latest state is what plg reads.
            args.push_back("--depth=1");
            if (on_disk) {
                remote = "file://" + remote;  // git ignores --depth for a plain path
            }
        }
        if (!e.branch.empty()) {
            args.insert(args.end(), {"--branch", e.branch});
        }
        args.insert(args.end(), {"--", remote, e.path.string()});
        fs::create_directories(e.path.parent_path(), ec);
        auto rc = git(args, ctx.cwd, out);
        if (!rc) {
            r.why = tr("git is not installed; install it (Debian: apt install git)");
            return r;
        }
        if (*rc != 0) {
            r.why = tr("cannot clone {}: {}", e.remote, git_said(out));
            return r;
        }
        r.outcome = Outcome::cloned;
    } else if (type != PathType::folder) {
        r.why = tr("is a file, not a folder; move it away, and plg clones the PLG there");
        return r;
    } else if (!fs::exists(e.path / ".git", ec)) {
        r.why =
            tr("is a folder but not a git clone; plg leaves it alone (move it away, and plg "
               "clones the PLG there)");
        return r;
    } else {
        auto rc = git({"status", "--porcelain"}, e.path, out);
        if (!rc || *rc != 0) {
            r.why = tr("git cannot read the clone: {}", git_said(out));
            return r;
        }
        if (!out.empty()) {
            size_t files = split_lines(out).size();
            r.why =
                trn("has local changes ({} file); commit or stash it, plg never overwrites "
                    "them",
                    "has local changes ({} files); commit or stash them, plg never "
                    "overwrites them",
                    files, files);
            return r;
        }
        git({"rev-parse", "HEAD"}, e.path, out);
        std::string before = out;
        std::vector<std::string> fetch = {"fetch", "--quiet", "--", remote};
        if (!e.branch.empty()) {
            fetch.push_back(e.branch);
        }
        rc = git(fetch, e.path, out);
        if (!rc || *rc != 0) {
            r.why = tr("cannot fetch from {}: {}", e.remote, git_said(out));
            return r;
        }
        rc = git({"merge", "--ff-only", "--quiet", "FETCH_HEAD"}, e.path, out);
        if (!rc || *rc != 0) {
            r.why =
                tr("has diverged from {}: it has commits the remote does not; plg never "
                   "overwrites them (merge or rebase by hand)",
                   e.remote);
            return r;
        }
        git({"rev-parse", "HEAD"}, e.path, out);
        r.outcome = out == before ? Outcome::unchanged : Outcome::updated;
    }
    if (!fs::exists(e.path / "plg.yaml", ec) && find_plg_folders(e.path, 1000).found.empty()) {
        r.why = tr("is not a PLG: the clone has no plg.yaml");
        r.outcome = Outcome::failed;
    }
    return r;
}

int run_pull(const PullOptions& opt, const Context& ctx) {
    fs::path file = ctx.cwd / opt.file;
    if (path_type(file) != PathType::file) {
        throw Error(
            tr("{}: no such network file; give the network.yaml that lists the PLGs and "
               "their remotes",
               opt.file));
    }
    std::vector<Diagnostic> problems;
    std::vector<NetworkEntry> entries = read_network_entries(file, opt.file, problems);
    print_diagnostics(ctx.err, problems, ctx.color_err);
    std::vector<const NetworkEntry*> todo;
    for (const auto& e : entries) {
        if (!e.remote.empty()) {
            todo.push_back(&e);
        }
    }
    std::vector<Pulled> results(todo.size());
    std::atomic<size_t> next{0};
    std::atomic<size_t> done{0};
    std::mutex progress;
    bool show_progress = !ctx.quiet && ::isatty(STDERR_FILENO);
    auto work = [&] {
        for (size_t i = next++; i < todo.size(); i = next++) {
            try {
                results[i] = pull_one(*todo[i], file.parent_path(), ctx);
            } catch (const std::exception& x) {
                results[i] = {todo[i], todo[i]->given, Outcome::failed, x.what()};
            }
            size_t n = ++done;
            if (show_progress) {
                std::lock_guard lock(progress);
                ctx.err << "\r" << tr("pulling: {} of {}", n, todo.size()) << std::flush;
            }
        }
    };
    run_on_threads(opt.jobs, todo.size(), work);
    if (show_progress && !todo.empty()) {
        ctx.err << "\r\033[K";
    }

    int counts[4] = {0, 0, 0, 0};
    for (const auto& r : results) {
        ++counts[int(r.outcome)];
    }
    if (opt.format == "json") {
        nlohmann::json rows = nlohmann::json::array();
        for (const auto& r : results) {
            rows.push_back({{"path", r.shown},
                            {"remote", r.entry->remote},
                            {"branch", r.entry->branch},
                            {"result", outcome_word(r.outcome)},
                            {"why", r.why}});
        }
        ctx.out << json_text(rows) << '\n';
    } else if (counts[int(Outcome::failed)] > 0) {
        size_t width = 0;
        for (const auto& r : results) {
            width = std::max(width, utf8_length(r.shown));
        }
        for (const auto& r : results) {
            if (r.outcome == Outcome::failed) {
                ctx.out << pad(r.shown, width) << "  " << r.why << '\n';
            }
        }
    }
    size_t without = entries.size() - todo.size();
    inform(ctx, tr("Pulled {}: {} cloned, {} updated, {} unchanged, {} failed",
                   trn("{} PLG", "{} PLGs", todo.size(), todo.size()), counts[int(Outcome::cloned)],
                   counts[int(Outcome::updated)], counts[int(Outcome::unchanged)],
                   counts[int(Outcome::failed)]) +
                    (without ? " " + trn("({} entry without a remote)",
                                         "({} entries without a remote)", without, without)
                             : std::string()));
    return counts[int(Outcome::failed)] > 0 || has_errors(problems) ? 1 : 0;
}

}  // namespace

void setup_network_pull(CLI::App& network, Commands& commands) {
    auto opt = std::make_shared<PullOptions>();
    CLI::App* cmd = network.add_subcommand(
        "pull", trp("Clone or update every PLG network.yaml lists with a remote, through git"));
    cmd->add_option("NETWORK", opt->file, trp("The network file (default: network.yaml)"))
        ->type_name("NETWORK.yaml");
    cmd->add_option("--format", opt->format, trp("text for people, json for scripts"))
        ->check(CLI::IsMember({"text", "json"}))
        ->default_str("text");
    cmd->add_option("-j,--jobs", opt->jobs, trp("How many to pull at once (default: 4)"))
        ->check(CLI::Range(1, 64))
        ->type_name("N");
    cmd->footer(trp(R"(
Examples:
  plg network pull                       # network.yaml in this folder
  plg network pull programme/network.yaml -j 8 && plg network report programme/network.yaml

network.yaml gives each PLG's git remote (a URL, a path, or a bundle file) beside its path:
  plgs:
    - path: clones/riverside-maths
      remote: git@git.example.org:school/riverside-maths.git
      branch: main                     # optional: the remote's default branch
    - remote: https://example.org/leerteam.git   # path: leerteam, beside network.yaml
    - path: clones/usb-stick
      remote: ../usb/free-state.bundle           # handed over as a git bundle
A missing PLG is cloned (shallow), an existing clone is fetched and fast-forwarded.
A clone with local changes or commits the remote does not have is never
overwritten: it is listed with why, like a remote that cannot be reached or a
clone that is not a PLG, and the exit code is 1. git runs as you, with your SSH
keys and credential helpers, and never stops to ask for a password. See
docs/network.md.)"));
    commands.push_back({cmd, [opt](const Context& ctx) { return run_pull(*opt, ctx); }});
}

}  // namespace plg::cli
