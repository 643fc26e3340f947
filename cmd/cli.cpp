// The command line: definitions, parsing, and the one place where errors are
// caught and turned into messages and exit codes.

#include "cli.hpp"

#include <algorithm>
#include <cstdlib>
#include <istream>
#include <new>
#include <ostream>
#include <regex>

#include "commands.hpp"
#include "plg/base/text.hpp"

namespace plg::cli {

namespace fs = std::filesystem;

namespace {

// TRANSLATORS: keep the commands as they are; translate the comments after '#'
// and the text below them.
constexpr std::string_view k_footer =
    N_(R"(
Examples:
  plg init leerteam-rekenen --name "Leerteam rekenen" --language nl --member anna="Anna de Vries"
  plg member add bram --name "Bram Jansen" --role teacher
  plg member list --format json | jq -r '.[].id'
  id=$(plg meeting add --date today --title "Data bespreken" --attendee anna --attendee bram )"
       "\\\n"
       R"(       --action "Rekenmuurtjes maken @bram due:2026-12-01")
  plg action list --overdue
  plg check                      # validate every file; exit 1 on errors (use it in a pre-commit hook)

plg finds its PLG like git finds a repository: in the current folder or the nearest
folder above it that holds plg.yaml. -C DIR or the PLG_DIR variable start the search elsewhere.
Exit codes: 0 success, 1 an error to fix in the records or the request, 2 a usage error.
Run 'plg COMMAND --help' for the flags and examples of each command.)");

// The deepest command the parse reached (the app itself when none).
CLI::App* parsed_command(CLI::App& app) {
    CLI::App* at = &app;
    while (true) {
        auto subs = at->get_subcommands();
        if (subs.empty()) {
            return at;
        }
        at = subs.front();
    }
}

// Returns "plg member add" for the deepest subcommand that was parsed.
std::string command_path(CLI::App& app) {
    std::string path;
    for (CLI::App* at = parsed_command(app); at != nullptr && at != &app; at = at->get_parent()) {
        path = " " + at->get_name() + path;
    }
    return "plg" + path;
}

// Returns the words on the command line that are neither options nor the value of -C or --lang.
std::vector<std::string> command_words(int argc, const char* const* argv) {
    std::vector<std::string> words;
    for (int i = 1; i < argc; ++i) {
        std::string_view arg = argv[i];
        if (arg == "-C" || arg == "--lang") {
            ++i;
        } else if (arg == "--") {
            break;
        } else if (arg.empty() || arg[0] != '-') {
            words.emplace_back(arg);
        }
    }
    return words;
}

// Returns a message for a command word that names no command ("plg memer",
// "plg member remove"), or "" when the words name commands.
std::string unknown_command(CLI::App& app, const std::vector<std::string>& words) {
    CLI::App* at = &app;
    std::string path = "plg";
    for (const auto& word : words) {
        std::vector<std::string> names;
        std::vector<std::string> shown;  // hidden commands (no group) are not offered
        for (const auto* sub : at->get_subcommands({})) {
            names.push_back(sub->get_name());
            if (!sub->get_group().empty()) {
                shown.push_back(sub->get_name());
            }
        }
        if (names.empty()) {
            return "";
        }
        if (std::find(names.begin(), names.end(), word) == names.end()) {
            names = shown;
            std::string hint = did_you_mean(word, names);
            std::string list;
            for (const auto& n : names) {
                list += (list.empty() ? "" : ", ") + n;
            }
            std::string named = (path == "plg" ? "" : path.substr(4) + " ") + word;
            return hint.empty() ? tr("unknown command '{}'; the commands are: {}", named, list)
                                : tr("unknown command '{}'", named) + hint;
        }
        at = at->get_subcommand(word);
        path += " " + word;
    }
    return "";
}

// Returns a message for the first "--name" on the command line that `command`
// (or a command above it) does not have, with the nearest option, or "".
// CLI11 reports it late ("--value is required" for --vaule) or as "arguments
// not expected".
std::string unknown_option(CLI::App& app, CLI::App* command, int argc, const char* const* argv) {
    std::vector<std::string> known;
    for (CLI::App* at = command; at != nullptr; at = at->get_parent()) {
        for (const CLI::Option* o : at->get_options()) {
            for (const auto& name : o->get_lnames()) {
                known.push_back("--" + name);
            }
        }
    }
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg == "--") {
            break;
        }
        if (arg.rfind("--", 0) != 0 || arg.size() < 3) {
            continue;
        }
        arg = arg.substr(0, arg.find('='));
        if (std::find(known.begin(), known.end(), arg) == known.end()) {
            // A cut-short name ("--form") means the one option it begins.
            std::vector<std::string> longer;
            for (const auto& k : known) {
                if (k.rfind(arg, 0) == 0) {
                    longer.push_back(k);
                }
            }
            std::string hint = longer.size() == 1 ? tr("; did you mean '{}'?", longer[0])
                                                  : did_you_mean(arg, known);
            return tr("unknown option '{}' for '{}'", arg, command_path(app)) + hint;
        }
    }
    return "";
}

// The language plg speaks on this command line: --lang LANG; else PLG_LANG;
// else the language of the PLG it runs in (plg.yaml's "language"); else the
// locale's. Read before the parse, so that everything the parse prints is in
// it too. (PLG_LANG is for messages only: a report is in --lang, else in the
// PLG's language.)
std::string choose_language(int argc, const char* const* argv) {
    std::string dir;
    for (int i = 1; i < argc; ++i) {
        std::string_view arg = argv[i];
        if (arg == "--") {
            break;
        }
        std::string_view lang;
        if (arg == "--lang" && i + 1 < argc) {
            lang = argv[i + 1];
        } else if (arg.rfind("--lang=", 0) == 0) {
            lang = arg.substr(7);
        } else if (arg == "-C" && i + 1 < argc) {
            dir = argv[++i];
        }
        if (!lang.empty() && has_language(lang)) {
            return std::string(lang);
        }
    }
    if (const char* env = std::getenv("PLG_LANG"); env && has_language(env)) {
        return env;
    }
    std::error_code ec;
    fs::path start = fs::current_path(ec);
    if (!dir.empty()) {
        start = fs::absolute(dir, ec);
    } else if (const char* env = std::getenv("PLG_DIR"); env && *env) {
        start = fs::absolute(env, ec);
    }
    try {
        if (std::optional<Store> store = Store::find(start, start)) {
            Parsed<Community> c =
                read_community(store->shown(Kind::community), store->read(Kind::community));
            if (c.record && has_language(c.record->language)) {
                return c.record->language;
            }
        }
    } catch (const std::exception&) {
        // An unreadable plg.yaml: the command says so, in the locale's language.
    }
    return language_from_environment();
}

// CLI11's parse error in the message language: its English messages, matched
// by their words (CLI11 2.1.2), said again with plg's; any other as it is.
std::string parse_error_message(const CLI::ParseError& e) {
    std::string what = e.what();
    std::smatch m;
    static const std::regex required("(.+) is required");
    static const std::regex extras("The following arguments? (?:was|were) not expected: (.*)");
    static const std::regex missing("(.+): [0-9]+ required (.+) missing");
    static const std::regex excludes("(.+) excludes (.+)");
    static const std::regex requires_other("(.+) requires (.+)");
    static const std::regex convert("Could not convert: (.+) = (.*)");
    static const std::regex not_in("(.+): (.*) not in \\{(.*)\\}");
    static const std::regex range("(.+): Value (.*) not in range (.+) to (.+)");
    static const std::regex flag_value("(.+): too many inputs for a flag");
    static const std::regex no_folder("(.+): Directory does not exist: (.*)");
    static const std::regex not_folder("(.+): Directory is actually a file: (.*)");
    if (what == "A subcommand is required") {
        return tr("a command is required");
    }
    if (std::regex_match(what, m, extras)) {
        return tr("unexpected argument: {}", m[1].str());
    }
    if (std::regex_match(what, m, required)) {
        return tr("{} is required", m[1].str());
    }
    if (std::regex_match(what, m, missing)) {
        return tr("{} needs a value ({})", m[1].str(), m[2].str());
    }
    if (std::regex_match(what, m, range)) {
        return tr("{}: {} is not from {} to {}", m[1].str(), m[2].str(), m[3].str(), m[4].str());
    }
    if (std::regex_match(what, m, not_in)) {
        std::string allowed = m[3].str();
        std::replace(allowed.begin(), allowed.end(), ',', ' ');
        return tr("{}: '{}' is not one of: {}", m[1].str(), m[2].str(), allowed);
    }
    if (std::regex_match(what, m, excludes)) {
        return tr("{} cannot be given together with {}", m[1].str(), m[2].str());
    }
    if (std::regex_match(what, m, requires_other)) {
        return tr("{} needs {} too", m[1].str(), m[2].str());
    }
    if (std::regex_match(what, m, convert)) {
        return tr("{}: '{}' is not a valid value", m[1].str(), m[2].str());
    }
    if (std::regex_match(what, m, flag_value)) {
        return tr("{} takes no value", m[1].str());
    }
    if (std::regex_match(what, m, no_folder)) {
        return tr("{}: the folder '{}' does not exist", m[1].str(), m[2].str());
    }
    if (std::regex_match(what, m, not_folder)) {
        return tr("{}: '{}' is a file, not a folder", m[1].str(), m[2].str());
    }
    return what;
}

bool use_color(bool disabled, bool terminal) {
    return !disabled && std::getenv("NO_COLOR") == nullptr && terminal;
}

void print_error(std::ostream& err, bool color, const std::string& message) {
    err << (color ? "plg: \033[1;91merror:\033[0m " : "plg: error: ") << message << '\n';
}

// plg help [COMMAND...]: the same text as 'plg COMMAND --help', on stdout.
void setup_help(CLI::App& app, Commands& commands) {
    auto words = std::make_shared<std::vector<std::string>>();
    CLI::App* help = app.add_subcommand("help", trp("Show how to use plg, or one command"));
    help->add_option("COMMAND", *words,
                     trp("The command, and its subcommand (plg help goal progress)"))
        ->type_name("COMMAND");
    help->footer(trp("\nExamples:\n  plg help\n  plg help goal progress\n"));
    commands.push_back(
        {help, [&app, words](const Context& ctx) {
             if (std::string unknown = unknown_command(app, *words); !unknown.empty()) {
                 throw UsageError(unknown);
             }
             CLI::App* at = &app;
             std::string path = "plg";
             for (const auto& w : *words) {
                 at = at->get_subcommand(w);
                 path += " " + w;
             }
             // Not at->help(): it hands over to the command parsed, 'help'.
             ctx.out << at->get_formatter()->make_help(at, path, CLI::AppFormatMode::Normal);
             return 0;
         }});
}

}  // namespace

void build_cli(CLI::App& app, Commands& commands, Globals& globals) {
    app.description(
        trp("plg keeps the records of a professional learning community (PLG) as YAML\n"
            "files in a git-friendly folder, and turns them into Markdown reports."));
    app.name("plg");
    app.fallthrough();
    app.require_subcommand(1);
    app.get_formatter()->column_width(34);
    // The words CLI11 itself puts in --help, in the message language. The help
    // flag is set before any subcommand is added: each copies it.
    for (std::string_view label :
         {N_("Usage"), N_("OPTIONS"), N_("SUBCOMMAND"), N_("SUBCOMMANDS"), N_("REQUIRED"),
          N_("Positionals"), N_("Needs"), N_("Excludes"), N_("Env")}) {
        app.get_formatter()->label(std::string(label), trp(label));
    }
    app.option_defaults()->group(trp("Options"));
    app.set_help_flag("-h,--help", trp("Print this help message and exit"));
    app.set_version_flag("--version", std::string("plg ") + PLG_VERSION,
                         trp("Display program version information and exit"));
    app.add_option("-C", globals.dir, trp("Run as if plg was started in DIR"))
        ->check(CLI::ExistingDirectory.name("DIR"))
        ->type_name("DIR");
    app.add_flag("--no-color", globals.no_color,
                 trp("Never colour the output (NO_COLOR does the same)"));
    app.add_flag("-q,--quiet", globals.quiet,
                 trp("Print only data and errors, no progress messages"));
    app.add_option("--lang", globals.lang,
                   tr("Language: {} (default: the PLG's language; outside a PLG, the locale's)",
                      join(languages())))
        ->check(CLI::IsMember(languages()))
        ->type_name("LANG");
    setup_init(app, commands);
    setup_member(app, commands);
    setup_meeting(app, commands);
    setup_action(app, commands);
    setup_goal(app, commands);
    setup_reflect(app, commands);
    setup_report(app, commands);
    setup_network(app, commands);
    setup_check(app, commands);
    setup_export(app, commands);
    setup_import(app, commands);
    setup_help(app, commands);
    setup_completion(app, commands);
    app.footer(trp(k_footer));
    // Options and subcommands are listed under the heading of their group,
    // CLI11's "Options" and "Subcommands"; a hidden one has none and stays hidden.
    const std::string options = trp("Options");
    const std::string subcommands = trp(N_("Subcommands"));
    std::vector<CLI::App*> todo = {&app};
    while (!todo.empty()) {
        CLI::App* at = todo.back();
        todo.pop_back();
        for (CLI::Option* o : at->get_options()) {
            if (o->get_group() == "Options") {
                o->group(options);
            }
        }
        for (CLI::App* sub : at->get_subcommands({})) {
            if (sub->get_group() == "Subcommands") {
                sub->group(subcommands);
            }
            todo.push_back(sub);
        }
    }
}

int run_cli(int argc, const char* const* argv, const Streams& io) {
    set_language(choose_language(argc, argv));
    CLI::App app;
    Commands commands;
    Globals globals;
    build_cli(app, commands, globals);

    bool color_err = use_color(globals.no_color, io.err_is_terminal);
    if (std::string unknown = unknown_command(app, command_words(argc, argv)); !unknown.empty()) {
        print_error(io.err, color_err, unknown);
        io.err << tr("Run 'plg --help' for the list of commands.") << '\n';
        return k_exit_usage;
    }

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e, io.out, io.err);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e, io.out, io.err);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e, io.out, io.err);
    } catch (const CLI::ParseError& e) {
        std::string where = command_path(app);
        if (where == "plg" && argc <= 1) {
            io.err << app.help();
            return k_exit_usage;
        }
        std::string message = unknown_option(app, parsed_command(app), argc, argv);
        print_error(io.err, color_err, message.empty() ? parse_error_message(e) : message);
        io.err << tr("Run '{} --help' for usage and examples.", where) << '\n';
        return k_exit_usage;
    }

    // --no-color and --quiet may have been given after the command: read them now.
    color_err = use_color(globals.no_color, io.err_is_terminal);
    std::error_code ec;
    fs::path cwd = fs::current_path(ec);
    fs::path start = cwd;
    if (!globals.dir.empty()) {
        start = fs::absolute(globals.dir, ec);
    } else if (const char* env = std::getenv("PLG_DIR"); env && *env) {
        start = fs::absolute(env, ec);
    }
    std::optional<Date> today = today_from_environment();
    if (!today) {
        print_error(io.err, color_err,
                    tr("PLG_TODAY='{}' is not a date; set it to YYYY-MM-DD (like 2026-11-23), or "
                       "unset it to use today's date",
                       std::getenv("PLG_TODAY")));
        return k_exit_usage;
    }
    Context ctx{cwd,
                start,
                *today,
                io.in,
                io.out,
                io.err,
                use_color(globals.no_color, io.out_is_terminal),
                color_err,
                globals.quiet,
                io.in_is_terminal && io.err_is_terminal && !globals.quiet,
                io.out_is_terminal,
                globals.lang};
    try {
        for (const auto& command : commands) {
            if (command.app->parsed()) {
                int code = command.run(ctx);
                io.out.flush();
                if (!io.out) {
                    print_error(io.err, color_err, tr("cannot write the output"));
                    return k_exit_error;
                }
                return code;
            }
        }
        io.err << app.help();
        return k_exit_usage;
    } catch (const UsageError& e) {
        print_error(io.err, color_err, e.what());
        io.err << tr("Run '{} --help' for usage and examples.", command_path(app)) << '\n';
        return k_exit_usage;
    } catch (const InvalidRecord& e) {
        print_diagnostics(io.err, e.problems(), color_err);
        print_error(io.err, color_err,
                    tr("the file has errors; fix them (see 'plg check') and run the command "
                       "again"));
        return k_exit_error;
    } catch (const Error& e) {
        std::string where = format_diagnostic({Severity::error, e.where(), ""});
        where = e.where().file.empty() ? "" : where.substr(0, where.find(": error: ")) + ": ";
        print_error(io.err, color_err, where + e.what());
        return k_exit_error;
    }
}

int run_cli_guarded(int argc, const char* const* argv, const Streams& io) {
    try {
        return run_cli(argc, argv, io);
    } catch (const std::bad_alloc&) {
        io.err << "plg: error: " << tr("out of memory") << '\n';
    } catch (const std::exception& e) {
        io.err << "plg: error: " << tr("internal error: {}", e.what()) << '\n'
               << tr("This is a bug in plg; please report it with the command you ran.") << '\n';
    } catch (...) {
        io.err << "plg: error: " << tr("internal error") << '\n';
    }
    return k_exit_error;
}

}  // namespace plg::cli
