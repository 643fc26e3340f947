#include <algorithm>

#include "commands.hpp"
#include "plg/base/slug.hpp"
#include "plg/base/text.hpp"
#include "plg/records/records.hpp"
#include "process.hpp"
#include "schemas.hpp"

namespace fs = std::filesystem;

namespace plg::cli {

namespace {

struct InitOptions {
    std::string dir;
    std::string name;
    std::string school;
    std::string language;  // "" for the language plg speaks (--lang, else the locale's)
    std::string origin;
    std::string founded;
    int cadence = 0;
    std::vector<std::string> members;
    bool git = false;
};

// ".plg" without a slash ignores a link of that name too, so none is committed.
const char* const k_gitignore = "/.plg\n.*.tmp\n";

// Tells VS Code's YAML extension (yaml-language-server) which schema each file
// follows, so the editor checks and completes records as a person types.
std::string vscode_settings() {
    std::string out = "{\n  \"yaml.schemas\": {\n";
    for (const KindInfo& kind : kinds()) {
        std::string files =
            kind.folder.empty() ? "/plg.yaml" : "/" + std::string(kind.folder) + "/*.yaml";
        out += "    \"./.schema/" + std::string(kind.schema) + "\": \"" + files + "\"" +
               (&kind == &kinds().back() ? "\n" : ",\n");
    }
    return out + "  }\n}\n";
}

// Progress entries are appended at the end of a goal's file, so two branches
// that each add one touch the same place. Git's union merge keeps both; if it
// ever joins lines that do not fit, 'plg check' points at them.
// Members added on two branches both append to plg.yaml: the 'plg' merge
// driver (plg __merge-file, set up by 'init --git') joins them; where git has no
// such driver configured it merges plg.yaml line by line, as without the line.
const char* const k_gitattributes =
    "# plg: progress added to one goal on two branches merges without a conflict\n"
    "goals/*.yaml merge=union\n"
    "# plg: members added on two branches merge (git config merge.plg.driver, see plg's docs)\n"
    "plg.yaml merge=plg\n";

// The git configuration of the 'plg' merge driver named in .gitattributes.
const std::vector<std::pair<std::string, std::string>> k_merge_driver = {
    {"merge.plg.name", "plg: members added to plg.yaml on two branches"},
    {"merge.plg.driver", "plg __merge-file %O %A %B"}};

// The same text as docs/yamllint.yaml (a test keeps the two equal).
const char* const k_yamllint =
    R"(# yamllint settings for plg records: yamllint's defaults, less two rules that do
# not fit hand-written records (notes are prose, so lines may be long; files
# hold one document, so '---' is not needed). `plg init` puts a copy of this
# file in every new PLG as .yamllint.yaml, so `yamllint .` works there.
extends: default
rules:
  document-start: disable
  line-length: disable
)";

std::vector<Member> parse_members(const std::vector<std::string>& specs) {
    std::vector<Member> members;
    for (const auto& spec : specs) {
        size_t eq = spec.find('=');
        std::string id = spec.substr(0, eq);
        std::string name = eq == std::string::npos ? "" : spec.substr(eq + 1);
        if (!is_member_id(id)) {
            throw UsageError(
                tr("--member '{}': '{}' is not a valid member id; write ID=FULL NAME "
                   "with an id of lower-case letters, digits, '-' or '_' (like "
                   "anna=\"Anna de Vries\")",
                   spec, id));
        }
        std::string why = name;
        if (k_one_line_value(why) != "") {
            throw UsageError(
                tr("--member '{}' needs a full name on one line after '=' (like "
                   "{}=\"Anna de Vries\")",
                   spec, id));
        }
        if (std::any_of(members.begin(), members.end(),
                        [&](const Member& m) { return m.id == id; })) {
            throw UsageError(tr("--member: the id '{}' is given twice", id));
        }
        members.push_back({id, name, "", std::nullopt, std::nullopt});
    }
    return members;
}

int run_merge_file(const std::vector<std::string>& files, const Context& ctx) {
    const fs::path base = ctx.cwd / files[0];
    const fs::path current = ctx.cwd / files[1];
    const fs::path other = ctx.cwd / files[2];
    std::optional<std::string> merged;
    try {
        merged = merge_member_additions(read_file(base, files[0]), read_file(current, files[1]),
                                        read_file(other, files[2]));
    } catch (const Error&) {
        merged.reset();  // unreadable: git's own merge says what it can
    }
    if (merged) {
        write_atomic(current, *merged);
        return 0;
    }
    std::string output;
    auto status = run_process({"git", "merge-file", "-L", "current", "-L", "base", "-L", "other",
                               current.string(), base.string(), other.string()},
                              ctx.cwd, output);
    return status && *status == 0 ? 0 : 1;
}

void make_git_repository(const fs::path& root, const Context& ctx, const std::string& name) {
    std::string output;
    auto inside = run_process({"git", "rev-parse", "--is-inside-work-tree"}, root, output);
    if (!inside) {
        inform(ctx, "plg: warning: " + tr("git is not installed; the PLG was created without a "
                                          "repository"));
        return;
    }
    if (*inside != 0) {
        output.clear();
        if (run_process({"git", "init", "-q"}, root, output).value_or(1) != 0) {
            throw Error(tr("created the PLG, but 'git init' failed: {}", output));
        }
    }
    for (const auto& [key, value] : k_merge_driver) {
        output.clear();
        run_process({"git", "config", key, value}, root, output);
    }
    output.clear();
    std::vector<std::string> add = {
        "git",    "add", "--", "plg.yaml", ".gitignore", ".gitattributes", ".yamllint.yaml",
        ".schema"};
    for (const KindInfo& kind : record_kinds()) {
        add.emplace_back(kind.folder);
    }
    // Many repositories ignore .vscode/; naming an ignored path makes 'git add' fail.
    if (run_process({"git", "check-ignore", "-q", ".vscode/settings.json"}, root, output)
            .value_or(0) != 0) {
        add.push_back(".vscode/settings.json");
    }
    output.clear();
    if (run_process(add, root, output).value_or(1) != 0) {
        throw Error(tr("created the PLG, but 'git add' failed: {}", output));
    }
    output.clear();
    if (run_process({"git", "commit", "-q", "-m", "Start the PLG " + name}, root, output)
            .value_or(1) != 0) {
        throw Error(
            tr("created the PLG and its repository, but 'git commit' failed: {}Set your "
               "name with 'git config user.name ...' and 'git config user.email ...', "
               "then run 'git commit' in {}",
               output, root.string()));
    }
}

// Returns how to name `root` to the user: relative to where plg was started when
// it is below it, else in full.
std::string shown_path(const fs::path& root, const Context& ctx) {
    fs::path rel = root.lexically_relative(ctx.cwd);
    if (rel.empty() || *rel.begin() == "..") {
        return root.string();
    }
    return rel == "." ? tr("this folder") : rel.string();
}

int run_init(const InitOptions& opt, const Context& ctx) {
    // A new PLG's language is the one plg speaks from here on, unless --lang says otherwise.
    if (ctx.lang.empty() && !opt.language.empty()) {
        set_language(opt.language);
    }
    std::vector<Member> members = parse_members(opt.members);
    fs::path root = (ctx.start / opt.dir).lexically_normal();
    if (root.has_relative_path() && root.filename().empty()) {
        root = root.parent_path();
    }
    Community c;
    c.name = opt.name;
    c.school = opt.school;
    c.founded = opt.founded.empty() ? ctx.today : date_arg(ctx, opt.founded);
    c.origin = opt.origin;
    c.language = opt.language.empty() ? std::string(current_language()) : opt.language;
    if (opt.cadence > 0) {
        c.cadence_days = opt.cadence;
    }
    c.members = members;
    c.framework = default_framework(c.language);
    std::string text = write_community(c);

    std::vector<std::pair<std::string, std::string>> files = {
        {".yamllint.yaml", k_yamllint}, {".vscode/settings.json", vscode_settings()}};
    for (const auto& [name, schema] : schema_files()) {
        if (name != "network.schema.json") {
            files.emplace_back(".schema/" + std::string(name), std::string(schema));
        }
    }
    std::vector<std::string> left_alone;
    std::optional<Store> store = Store::init(root, text, files, left_alone);
    if (!store) {
        throw Error(tr("a PLG already exists in {} (it has a plg.yaml); nothing was changed",
                       shown_path(root, ctx)));
    }
    store->ensure_lines(".gitignore", k_gitignore, ".plg");
    store->ensure_lines(".gitattributes", k_gitattributes, "merge=union");
    if (opt.git) {
        make_git_repository(root, ctx, c.name);
    }
    inform(ctx, members.empty()
                    ? tr("Created the PLG '{}' in {}; add members with 'plg member add ID --name "
                         "NAME'",
                         c.name, shown_path(root, ctx))
                    : trn("Created the PLG '{}' in {} with {} member",
                          "Created the PLG '{}' in {} with {} members", members.size(), c.name,
                          shown_path(root, ctx), members.size()));
    if (std::find(left_alone.begin(), left_alone.end(), ".vscode/settings.json") !=
        left_alone.end()) {
        inform(ctx, tr(".vscode/settings.json exists and was left alone; to have your editor "
                       "check the records, add the \"yaml.schemas\" of editors.md (in plg's "
                       "docs) to it"));
    }
    return 0;
}

}  // namespace

void setup_init(CLI::App& app, Commands& commands) {
    auto opt = std::make_shared<InitOptions>();
    CLI::App* sub =
        app.add_subcommand("init", trp("Start a new PLG: plg.yaml and the record folders"));
    sub->add_option("DIR", opt->dir, trp("Folder for the PLG (created if missing; default: here)"))
        ->type_name("DIR");
    sub->add_option("--name", opt->name, trp("The PLG's name"))
        ->required()
        ->check(k_one_line_value);
    sub->add_option("--school", opt->school, trp("School or organisation"))
        ->check(k_one_line_value);
    sub->add_option("--language", opt->language,
                    "The PLG's language (" + join(languages()) +
                        "): of its reports, agenda and of everything plg says in it (default: "
                        "--lang, else the locale's, else en)")
        ->check(CLI::IsMember(languages()))
        ->type_name("LANG");
    sub->add_option("--origin", opt->origin,
                    trp("How it started: mandate, project (development project) or support "
                        "(mutual support)"))
        ->check(CLI::IsMember(k_origins));
    sub->add_option(
           "--founded", opt->founded,
           trp("When the PLG started (default: today); reports never count from earlier, so "
               "give the date of its first meeting when you record past ones"))
        ->check(k_date_value)
        ->type_name("DATE");
    sub->add_option("--cadence", opt->cadence, trp("Days expected between meetings (e.g. 14)"))
        ->check(CLI::Range(1, 366))
        ->type_name("DAYS");
    sub->add_option("--member", opt->members, trp("A member, as ID=\"FULL NAME\" (repeatable)"))
        ->type_name("ID=NAME");
    sub->add_flag("--git", opt->git, trp("Also run 'git init' and commit the new PLG"));
    sub->footer(trp(R"(
Examples:
  plg init --name "Maths PLC" --school "Riverside High" --cadence 14
  plg init leerteam --name "Leerteam rekenen groep 5" --language nl )"
                    "\\\n"
                    R"(      --member anna="Anna de Vries" --member bram="Bram Jansen" --git

Creates DIR/plg.yaml (the PLG's name, members and reflection framework), the folders
meetings/, goals/ and reflections/, a .gitignore for plg's cache, a .gitattributes that
lets git merge progress on one goal, and members, from two branches, and a .yamllint.yaml.
With --git it also configures the merge driver for members (in a clone, run once:
git config merge.plg.driver 'plg __merge-file %O %A %B'). Refuses, changing nothing,
when DIR already holds a PLG.)"));
    commands.push_back({sub, [opt](const Context& ctx) { return run_init(*opt, ctx); }});

    // Hidden (no group): git's merge driver for plg.yaml (.gitattributes names it;
    // 'init --git' configures it). Writes the merge into CURRENT; exit 1 leaves
    // git's own conflict markers there.
    auto files = std::make_shared<std::vector<std::string>>();
    CLI::App* merge = app.add_subcommand(
        "__merge-file", trp("Merge plg.yaml for git: members added on both branches are kept"));
    merge->group("");
    merge->add_option("BASE CURRENT OTHER", *files, trp("The three versions git gives (%O %A %B)"))
        ->required()
        ->expected(3);
    commands.push_back(
        {merge, [files](const Context& ctx) { return run_merge_file(*files, ctx); }});
}

}  // namespace plg::cli
