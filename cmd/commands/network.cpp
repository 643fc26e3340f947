#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <thread>

#include "commands.hpp"
#include "plg/network/network.hpp"
#include "plg/records/json.hpp"

namespace plg::cli {

namespace {

struct NetworkReportOptions {
    std::vector<std::string> paths;
    std::string from;
    std::string to;
    std::string format = "md";
    std::string output;
    std::string charts;
    unsigned jobs = 0;
    bool no_cache = false;
};

// The user's own cache folder, for PLGs whose folders they cannot write:
// $XDG_CACHE_HOME/plg, else ~/.cache/plg; empty when neither is known.
std::filesystem::path user_cache_folder() {
    const char* xdg = std::getenv("XDG_CACHE_HOME");
    if (xdg && *xdg == '/') {
        return std::filesystem::path(xdg) / "plg";
    }
    const char* home = std::getenv("HOME");
    if (home && *home == '/') {
        return std::filesystem::path(home) / ".cache/plg";
    }
    return {};
}

int run_network_report(const NetworkReportOptions& opt, const Context& ctx) {
    plg::ReportOptions period;
    period.today = ctx.today;
    period.from = optional_date_arg(ctx, opt.from);
    period.to = optional_date_arg(ctx, opt.to);
    if (period.from && period.to && *period.from > *period.to) {
        throw UsageError(tr("--from {} is after --to {}", period.from->iso(), period.to->iso()));
    }
    if (!opt.charts.empty() && opt.format != "md") {
        throw UsageError(
            tr("--charts is for --format md (html draws its charts inline); leave "
               "it out"));
    }
    ChartStyle charts = chart_style(opt.charts, opt.output);
    std::vector<Diagnostic> problems;
    std::vector<NetworkMember> members = find_network(opt.paths, ctx.cwd, problems);
    unsigned jobs = opt.jobs ? opt.jobs : std::max(1u, std::thread::hardware_concurrency());
    CacheOptions cache{!opt.no_cache, user_cache_folder()};
    NetworkReport report = build_network(std::move(members), period, jobs, cache);
    report.problems = std::move(problems);
    std::string language(current_language());
    std::string text;
    if (opt.format == "json") {
        text = network_json_text(report);
    } else if (opt.format == "html") {
        text = render_network_html(report, language);
    } else {
        MarkdownDocument doc = render_network_markdown(
            report, language, {charts, chart_folder_name(opt.output), false});
        write_chart_files(ctx, opt.output, doc.charts);
        text = std::move(doc.text);
    }
    write_output(ctx, opt.output, text);
    if (report.fallback_caches > 0) {
        inform(ctx, trn("{} PLG folder cannot be written, so its cache is kept in {}",
                        "{} PLG folders cannot be written, so their caches are kept in {}",
                        report.fallback_caches, report.fallback_caches, cache.fallback.string()));
    }
    print_diagnostics(ctx.err, report.problems, ctx.color_err);
    if (has_problems(report)) {
        size_t broken = 0;
        for (const auto& row : report.rows) {
            if (row.files_with_errors > 0) {
                ++broken;
                if (!row.errors.empty()) {
                    print_diagnostics(ctx.err, {row.errors.front()}, ctx.color_err);
                }
            }
        }
        if (broken > 0) {
            ctx.err << "plg: "
                    << trn("{} of {} PLG has files with errors (the report says which); run 'plg "
                           "check' in it to see them all",
                           "{} of {} PLGs have files with errors (the report says which); run "
                           "'plg check' in each to see them all",
                           report.rows.size(), broken, report.rows.size())
                    << '\n';
        }
        if (has_errors(report.problems)) {
            ctx.err << "plg: "
                    << tr("the list of PLGs has errors (above); fix them so that the report "
                          "covers every PLG as you meant")
                    << '\n';
        }
        return 1;
    }
    return 0;
}

}  // namespace

void setup_network(CLI::App& app, Commands& commands) {
    CLI::App* network = app.add_subcommand("network", trp("Reports across many PLGs"));
    network->require_subcommand(1);
    auto opt = std::make_shared<NetworkReportOptions>();
    CLI::App* cmd = network->add_subcommand("report", trp("One report across many PLG folders"));
    cmd->add_option("PATH", opt->paths,
                    trp("A PLG folder, a folder holding PLG folders (searched), or a network.yaml"))
        ->required()
        ->type_name("PATH");
    cmd->add_option("--from", opt->from,
                    trp("Start of the period (default: the earliest founding)"))
        ->check(k_date_value);
    cmd->add_option("--to", opt->to, trp("End of the period (default: today)"))
        ->check(k_date_value);
    cmd->add_option("--format", opt->format,
                    trp("md for people (and pandoc), html for a browser (a dashboard), json for "
                        "scripts"))
        ->check(CLI::IsMember({"md", "html", "json"}))
        ->default_str("md");
    cmd->add_option("--charts", opt->charts,
                    trp("How Markdown shows the charts: svg files beside -o FILE (the default "
                        "with -o), text (the default on stdout), mermaid (GitHub, GitLab) or none"))
        ->check(CLI::IsMember({"svg", "text", "mermaid", "none"}))
        ->type_name("STYLE");
    cmd->add_option("-o,--output", opt->output, trp("Write to FILE (atomically) instead of stdout"))
        ->type_name("FILE");
    cmd->add_option("-j,--jobs", opt->jobs, trp("Threads to read with (default: one per core)"))
        ->check(CLI::Range(1, 256))
        ->type_name("N");
    cmd->add_flag("--no-cache", opt->no_cache,
                  trp("Read every record again; neither use nor update .plg/network-row.json"));
    cmd->footer(trp(R"(
Examples:
  plg network report clones/                     # every PLG folder below clones/
  plg network report network.yaml --lang nl -o netwerk.md
  plg network report network.yaml --format html -o dashboard.html
  plg network report clones/ --format json | jq -r '.plgs[] | select(.status != "active") | .name'

network.yaml lists PLG folders (or folders of them) with optional labels to group by:
  plgs:
    - path: clones/riverside-maths
      labels: {district: Motheo, cluster: "3"}
One row per PLG, those needing attention first; a PLG with broken files still gets its
row (saying what is wrong and where), and the exit code is then 1. See docs/network.md.)"));
    commands.push_back({cmd, [opt](const Context& ctx) { return run_network_report(*opt, ctx); }});
    setup_network_pull(*network, commands);
}

}  // namespace plg::cli
