#include "editor.hpp"

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <istream>
#include <ostream>
#include <set>

#include "plg/base/text.hpp"

extern char** environ;

namespace fs = std::filesystem;

namespace plg::cli {

namespace {

constexpr std::string_view k_help_mark = "#|";

// Returns `text` without the help lines plg put at its top (`help`, lines
// starting with "#|"). Only those lines go: a person's own comment, even one
// starting with "#|", stays.
std::string strip_help(const std::string& text, const std::string& help) {
    std::set<std::string_view> lines;
    for (size_t start = 0; start < help.size();) {
        size_t nl = help.find('\n', start);
        size_t end = nl == std::string::npos ? help.size() : nl;
        lines.insert(std::string_view(help).substr(start, end - start));
        start = end + 1;
    }
    size_t start = 0;
    while (start < text.size()) {
        size_t nl = text.find('\n', start);
        size_t end = nl == std::string::npos ? text.size() : nl;
        std::string_view line = std::string_view(text).substr(start, end - start);
        if (!line.empty() && line.back() == '\r') {
            line.remove_suffix(1);
        }
        if (line.rfind(k_help_mark, 0) != 0 || lines.count(line) == 0) {
            break;
        }
        start = nl == std::string::npos ? text.size() : nl + 1;
    }
    return text.substr(start);
}

// Returns the editor command: $VISUAL, else $EDITOR, else vi (as git does).
std::string editor_command() {
    for (const char* name : {"VISUAL", "EDITOR"}) {
        const char* value = std::getenv(name);
        if (value && *value) {
            return value;
        }
    }
    return "vi";
}

// Runs the editor on `file` with the terminal, and returns its exit status.
// The command goes through sh, so EDITOR="code --wait" works.
void run_editor(const std::string& file, const std::string& shown) {
    std::string command = editor_command();
    std::string script = command + " \"$1\"";
    std::vector<std::string> args = {"/bin/sh", "-c", script, "sh", file};
    std::vector<char*> argv;
    for (auto& a : args) {
        argv.push_back(a.data());
    }
    argv.push_back(nullptr);
    // Ctrl-C while the editor runs is the editor's (as with git): plg ignores
    // it meanwhile, the editor gets the default handling, and an editor stopped
    // by it ends in the message below, with the text kept.
    posix_spawnattr_t attr;
    ::posix_spawnattr_init(&attr);
    sigset_t defaults;
    sigemptyset(&defaults);
    sigaddset(&defaults, SIGINT);
    sigaddset(&defaults, SIGQUIT);
    ::posix_spawnattr_setsigdefault(&attr, &defaults);
    ::posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGDEF);
    struct sigaction ignore {};
    ignore.sa_handler = SIG_IGN;
    struct sigaction old_int {};
    struct sigaction old_quit {};
    ::sigaction(SIGINT, &ignore, &old_int);
    ::sigaction(SIGQUIT, &ignore, &old_quit);
    pid_t pid = 0;
    int spawned = ::posix_spawn(&pid, "/bin/sh", nullptr, &attr, argv.data(), environ);
    ::posix_spawnattr_destroy(&attr);
    int status = 0;
    if (spawned == 0) {
        while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
        }
    }
    ::sigaction(SIGINT, &old_int, nullptr);
    ::sigaction(SIGQUIT, &old_quit, nullptr);
    if (spawned != 0) {
        throw Error(tr("cannot start the editor '{}'; your text is kept in {}", command, shown));
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        bool ctrl_c = WIFEXITED(status) ? WEXITSTATUS(status) == 130 : WTERMSIG(status) == SIGINT;
        std::string how =
            ctrl_c ? tr("the editor '{}' was stopped with Ctrl-C", command)
            : WIFEXITED(status)
                ? tr("the editor '{}' exited with status {}", command, WEXITSTATUS(status))
                : tr("the editor '{}' was stopped by signal {}", command, WTERMSIG(status));
        std::string hint = WIFEXITED(status) && WEXITSTATUS(status) == 127
                               ? tr(" (is it installed? set VISUAL or EDITOR, like EDITOR=nano)")
                               : "";
        throw Error(tr("{}{}; nothing was added, and your text is kept in {}", how, hint, shown));
    }
}

bool ask_again(const Context& ctx) {
    // TRANSLATORS: the answer is yes when it starts with the first letter of
    // your word for "yes" (next message), or is empty.
    ctx.err << tr("Open the editor again to fix it? [Y/n] ") << std::flush;
    std::string answer;
    if (!std::getline(ctx.in, answer)) {
        return false;
    }
    std::string yes = tr("yes");
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; };
    return answer.empty() || lower(answer[0]) == 'y' ||
           (!yes.empty() && lower(answer[0]) == lower(yes[0]));
}

bool has_errors_in(const std::vector<Diagnostic>& problems) {
    for (const auto& d : problems) {
        if (d.severity == Severity::error) {
            return true;
        }
    }
    return false;
}

// A UTF-8 byte order mark is not part of the record: left in, it would stand
// before the template's help lines and hide a first-line comment.
std::string without_bom(std::string text) {
    if (text.rfind("\xEF\xBB\xBF", 0) == 0) {
        text.erase(0, 3);
    }
    return text;
}

// Opens the editor on the draft at `path` until it holds a valid record (or
// the person gives up). Returns the saved text; throws Error when it is
// invalid, leaving the draft in place.
std::string edit_until_valid(const Context& ctx, const Store& store, const fs::path& path,
                             const std::string& again, const CheckText& check) {
    std::string shown = store.shown_path(path);
    while (true) {
        run_editor(path.string(), shown);
        std::string saved = without_bom(read_file(path, shown));
        std::vector<Diagnostic> problems = check(shown, saved);
        print_diagnostics(ctx.err, problems, ctx.color_err);
        if (!has_errors_in(problems)) {
            return saved;
        }
        if (!ctx.interactive || !ask_again(ctx)) {
            throw Error(tr("nothing was added; your text is kept in {}: fix it with '{}{}'", shown,
                           again, shown));
        }
    }
}

}  // namespace

void add_edit_options(CLI::App& app, EditOptions& options) {
    std::vector<CLI::Option*> others;
    for (CLI::Option* o : app.get_options()) {
        if (o->get_name() != "--help" && !o->get_lnames().empty()) {
            others.push_back(o);
        }
    }
    app.add_flag(
        "--edit", options.edit,
        trp("Write the record in $VISUAL/$EDITOR, on a template filled in from the flags"));
    CLI::Option* file =
        app.add_option("--file", options.file,
                       trp("Take the whole record from FILE (YAML, as in the template); with "
                           "--edit, edit it first"))
            ->type_name("FILE");
    for (CLI::Option* o : others) {
        file->excludes(o);
    }
}

void require_unless_edited(const EditOptions& options, const std::string& value,
                           std::string_view flag) {
    if (value.empty() && !options.edit && options.file.empty()) {
        throw UsageError(tr("{} is required (or write the record by hand with --edit)", flag));
    }
}

bool has_comment(std::string_view text) {
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '#' &&
            (i == 0 || text[i - 1] == ' ' || text[i - 1] == '\n' || text[i - 1] == '\t')) {
            return true;
        }
    }
    return false;
}

std::string template_help(Kind kind, const Community& c, const std::string& text, bool adding) {
    std::string out;
    auto lines = [&](const std::string& s) {
        for (const auto& l : split_lines(s)) {
            out += std::string(k_help_mark) + (l.empty() ? "" : " " + l) + "\n";
        }
    };
    if (adding) {
        lines(kind == Kind::meeting ? tr("New meeting. Fill in what you want to record, save, "
                                         "and close the editor.")
              : kind == Kind::goal  ? tr("New goal. Fill in what you want to record, save, and "
                                          "close the editor.")
                                    : tr("New reflection. Fill in what you want to record, "
                                          "save, and close the editor."));
        lines(
            tr("These '#|' lines are dropped, and so are fields left empty. Your own\n"
               "'# comments' stay. Save without changes to cancel."));
    } else {
        lines(
            tr("Change what you want, save, and close the editor. These '#|' lines\n"
               "are dropped; everything else is kept as you write it."));
    }
    std::vector<std::string> members;
    for (const auto& m : c.members) {
        members.push_back(m.id + " (" + m.name + ")");
    }
    if (!members.empty()) {
        lines(tr("Members: {}", join(members)));
    }
    lines(text);
    return out;
}

void Draft::done() const {
    if (!draft.empty() && store != nullptr) {
        store->remove_draft(draft);
    }
}

Draft draft_text(const Context& ctx, const Store& store, const EditOptions& options, Kind kind,
                 const std::string& from_flags, const std::string& help, const CheckText& check) {
    std::string again = "plg " + std::string(kind_info(kind).command) + " add --edit --file ";
    if (!options.file.empty()) {
        fs::path file = fs::absolute(ctx.cwd / options.file);
        std::string text = without_bom(read_file(file, options.file));
        if (!options.edit) {
            std::vector<Diagnostic> problems = check(options.file, text);
            if (has_errors_in(problems)) {
                throw InvalidRecord(problems);
            }
            print_diagnostics(ctx.err, problems, ctx.color_err);
            return {strip_help(text, help), true, {}, {}, nullptr};
        }
        fs::path path = store.is_draft(file) ? file : store.create_draft(kind, text);
        std::string saved = edit_until_valid(ctx, store, path, again, check);
        return {strip_help(saved, help), true, path,
                tr("; your text is kept in {}", store.shown_path(path)), &store};
    }
    if (!options.edit) {
        return {from_flags, false, {}, {}, nullptr};
    }
    fs::path path = store.create_draft(kind, help + from_flags);
    std::string shown = store.shown_path(path);
    CheckText unless_unchanged = [&](const std::string& file, const std::string& text) {
        if (strip_help(text, help) == from_flags) {
            store.remove_draft(path);
            throw Error(kind == Kind::meeting ? tr("the template was saved unchanged, so no "
                                                   "meeting was added")
                        : kind == Kind::goal  ? tr("the template was saved unchanged, so no goal "
                                                    "was added")
                                              : tr("the template was saved unchanged, so no "
                                                    "reflection was added"));
        }
        return check(file, text);
    };
    std::string saved = edit_until_valid(ctx, store, path, again, unless_unchanged);
    return {strip_help(saved, help), true, path, tr("; your text is kept in {}", shown), &store};
}

Draft edit_existing(const Context& ctx, const Store& store, Kind kind, const std::string& text,
                    const std::string& help, const std::string& again, const CheckText& check,
                    const std::string& file) {
    fs::path path;
    std::string start = without_bom(text);
    if (!file.empty()) {
        fs::path given = fs::absolute(ctx.cwd / file);
        start = without_bom(read_file(given, file));
        if (store.is_draft(given)) {
            path = given;  // a kept draft: go on editing it where it is
            store.write_draft(path, help + strip_help(start, help));
        }
    }
    if (path.empty()) {
        path = store.create_draft(kind, help + strip_help(start, help));
    }
    std::string shown = store.shown_path(path);
    std::string saved = edit_until_valid(ctx, store, path, again, check);
    return {strip_help(saved, help), true, path, tr("; your text is kept in {}", shown), &store};
}

}  // namespace plg::cli
