#include <set>
#include <thread>

#include "commands.hpp"
#include "plg/export/export.hpp"

namespace plg::cli {

namespace {

namespace fs = std::filesystem;

struct ExportOptions {
    std::vector<std::string> paths;
    std::string format;
    std::string output;
    std::string from;
    std::string to;
    bool anonymise = false;
    unsigned jobs = 0;
};

// The PLGs to export: the current one, or those the paths name (as for
// plg network report), each with its plgs.plg id.
std::vector<ExportSource> sources(const ExportOptions& opt, const Context& ctx,
                                  std::vector<Diagnostic>& problems) {
    std::vector<ExportSource> out;
    if (opt.paths.empty()) {
        Store store = open_store(ctx);
        std::error_code ec;
        fs::path shown = fs::relative(store.root(), ctx.cwd, ec);
        out.push_back({store.root(),
                       ec || shown == "." ? "" : shown.string(),
                       {store.root().filename().string(), {}}});
        return out;
    }
    for (auto& m : find_network(opt.paths, ctx.cwd, problems)) {
        std::string id = m.shown == "." ? m.root.filename().string() : m.shown;
        out.push_back({m.root, m.shown, {id, m.labels}});
    }
    return out;
}

int run_export(const ExportOptions& opt, const Context& ctx) {
    plg::ExportOptions options;
    options.period.today = ctx.today;
    options.period.from = optional_date_arg(ctx, opt.from);
    options.period.to = optional_date_arg(ctx, opt.to);
    if (options.period.from && options.period.to && *options.period.from > *options.period.to) {
        throw UsageError(
            tr("--from {} is after --to {}", options.period.from->iso(), options.period.to->iso()));
    }
    if (opt.output == "-") {
        throw UsageError(
            tr("-o -: an export is files, not a stream; give a folder (csv) or a "
               "file name (sqlite, xlsx), like export.{}",
               opt.format));
    }
    options.anonymise = opt.anonymise;
    options.threads = opt.jobs ? opt.jobs : std::max(1u, std::thread::hardware_concurrency());

    std::vector<Diagnostic> problems;
    std::vector<ExportSource> plgs = sources(opt, ctx, problems);
    std::set<std::string> keys;
    for (const auto& s : plgs) {
        for (const auto& [k, v] : s.plg.labels) {
            keys.insert(k);
        }
    }
    std::vector<std::string> label_keys(keys.begin(), keys.end());
    std::vector<Table> tables = export_tables(label_keys);

    std::unique_ptr<TableWriter> writer;
    if (opt.format == "csv") {
        writer = csv_writer(ctx.cwd / opt.output, opt.output, tables);
    } else {
        bool sqlite = opt.format == "sqlite";
        fs::path file =
            output_target(ctx.cwd, opt.output, sqlite ? "export.sqlite" : "export.xlsx");
        writer = sqlite ? sqlite_writer(file, opt.output, tables)
                        : xlsx_writer(file, opt.output, tables);
    }
    ExportSummary summary = export_plgs(plgs, options, label_keys, *writer);

    size_t rows = 0;
    for (size_t n : summary.rows) {
        rows += n;
    }
    inform(ctx, trn("Exported {} PLG ({} meetings, {} rows in {} tables) to {}",
                    "Exported {} PLGs ({} meetings, {} rows in {} tables) to {}", summary.plgs,
                    summary.plgs, summary.rows[size_t(TableId::meetings)], rows, tables.size(),
                    opt.output));
    if (!summary.founded_after.empty()) {
        std::string names;
        for (const auto& n : summary.founded_after) {
            names += (names.empty() ? "" : ", ") + n;
        }
        inform(ctx,
               "plg: " + trn("left out {} PLG founded after the period: {}",
                             "left out {} PLGs founded after the period: {}",
                             summary.founded_after.size(), summary.founded_after.size(), names));
    }
    print_diagnostics(ctx.err, problems, ctx.color_err);
    print_diagnostics(ctx.err, summary.problems, ctx.color_err);
    if (summary.plgs_with_errors > 0) {
        ctx.err << "plg: error: "
                << trn("{} PLG has files with errors, which the export leaves out (above); run "
                       "'plg check' in it to see them all",
                       "{} PLGs have files with errors, which the export leaves out (above); run "
                       "'plg check' in each to see them all",
                       summary.plgs_with_errors, summary.plgs_with_errors)
                << '\n';
        return 1;
    }
    if (has_errors(problems)) {
        ctx.err << "plg: "
                << tr("the list of PLGs has errors (above); fix them so that the export "
                      "covers every PLG as you meant")
                << '\n';
        return 1;
    }
    return 0;
}

}  // namespace

void setup_export(CLI::App& app, Commands& commands) {
    auto opt = std::make_shared<ExportOptions>();
    CLI::App* cmd = app.add_subcommand(
        "export", trp("Tidy tables for R, Stata or a spreadsheet: CSV, SQLite or xlsx"));
    cmd->add_option("PATH", opt->paths,
                    trp("A PLG folder, a folder holding PLG folders (searched), or a network.yaml "
                        "(default: the current PLG)"))
        ->type_name("PATH");
    cmd->add_option("--format", opt->format,
                    trp("csv (a folder of files and a codebook), sqlite (one database) or xlsx "
                        "(one workbook)"))
        ->required()
        ->check(CLI::IsMember({"csv", "sqlite", "xlsx"}));
    cmd->add_option("-o,--output", opt->output,
                    trp("Where to write: a folder for csv, a file for sqlite and xlsx"))
        ->required()
        ->type_name("DEST");
    cmd->add_option("--from", opt->from, trp("Start of the period (default: when each PLG began)"))
        ->check(k_date_value);
    cmd->add_option("--to", opt->to, trp("End of the period (default: today)"))
        ->check(k_date_value);
    cmd->add_flag("--anonymise,--anonymize", opt->anonymise,
                  trp("Member ids become pseudonyms (M01, M02, ...), names and free text are "
                      "left out: for sharing with researchers"));
    cmd->add_option("-j,--jobs", opt->jobs, trp("Threads to read with (default: one per core)"))
        ->check(CLI::Range(1, 256))
        ->type_name("N");
    cmd->footer(trp(R"(
Examples:
  plg export --format xlsx -o leerteam.xlsx          # this PLG, one sheet per table
  plg export network.yaml --format sqlite -o programme.sqlite
  sqlite3 programme.sqlite 'SELECT name, status, person_hours FROM plg_summary'
  plg export clones/ --format csv -o data/ --anonymise --to 2026-06-30

Tables, one row per observation, joined on their key columns (plg, meeting,
member, goal, ...): plgs, members, dimensions, meetings, attendance, hours,
guests, roles, agenda, decisions, meeting_goals, meeting_dimensions, actions,
action_carries, goals, goal_owners, goal_progress, reflections, ratings, status.
The codebook (codebook.csv and codebook.md, a table or sheet in the others)
says what every column means. Records of the period; every state as the records
said on its last day, as in plg report. The output appears whole or not at all.
See docs/export.md.)"));
    commands.push_back({cmd, [opt](const Context& ctx) { return run_export(*opt, ctx); }});
}

}  // namespace plg::cli
