#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <ostream>

#include "commands.hpp"
#include "plg/base/text.hpp"
#include "plg/records/json.hpp"
#include "plg/report/report.hpp"

namespace plg::cli {

namespace {

struct ReportOptions {
    std::string from;
    std::string to;
    std::string format = "md";
    std::string output;
    std::string charts;
    bool full_minutes = false;
};

int run_report(const ReportOptions& opt, const Context& ctx) {
    Store store = open_store(ctx);
    Plg plg = load_plg(store, ctx, false);
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
    Report report = build_report(plg, period);
    // --lang, else the PLG's language: a Dutch PLG's report is Dutch from any shell.
    std::string language = document_language(ctx, plg);
    std::string text;
    if (opt.format == "json") {
        text = json_text(report_json(report)) + "\n";
    } else if (opt.format == "html") {
        text = render_html(report, language, {ChartStyle::svg, {}, opt.full_minutes});
    } else {
        ChartStyle charts = chart_style(opt.charts, opt.output);
        MarkdownDocument doc = render_markdown(
            report, language, {charts, chart_folder_name(opt.output), opt.full_minutes});
        write_chart_files(ctx, opt.output, doc.charts);
        text = std::move(doc.text);
    }
    write_output(ctx, opt.output, text);
    // The report is written, but a scheduled job must not take it for complete.
    std::vector<Diagnostic> broken = broken_files(plg);
    if (!broken.empty()) {
        ctx.err << "plg: error: "
                << trn("the report leaves out {} file with errors; fix it ('plg check' lists "
                       "every problem):",
                       "the report leaves out {} files with errors; fix them ('plg check' lists "
                       "every problem):",
                       broken.size(), broken.size())
                << '\n';
        for (const auto& d : broken) {
            ctx.err << "  " << format_diagnostic(d) << '\n';
        }
        return 1;
    }
    return 0;
}

}  // namespace

void setup_report(CLI::App& app, Commands& commands) {
    auto opt = std::make_shared<ReportOptions>();
    CLI::App* cmd = app.add_subcommand("report", trp("The PLG's report in Markdown (or JSON)"));
    cmd->add_option("--from", opt->from, trp("Start of the period (default: when the PLG began)"))
        ->check(k_date_value);
    cmd->add_option("--to", opt->to, trp("End of the period (default: today)"))
        ->check(k_date_value);
    cmd->add_option("--format", opt->format,
                    trp("md for people (and pandoc), html for a browser, json for scripts"))
        ->check(CLI::IsMember({"md", "html", "json"}))
        ->default_str("md");
    cmd->add_option("--charts", opt->charts,
                    trp("How Markdown shows the charts: svg files beside -o FILE (the default "
                        "with -o), text (the default on stdout), mermaid (GitHub, GitLab) or none"))
        ->check(CLI::IsMember({"svg", "text", "mermaid", "none"}))
        ->type_name("STYLE");
    cmd->add_flag("--full-minutes", opt->full_minutes,
                  trp("Every meeting's notes in full (they are shortened to 600 characters)"));
    cmd->add_option("-o,--output", opt->output, trp("Write to FILE (atomically) instead of stdout"))
        ->type_name("FILE");
    cmd->footer(trp(R"(
Examples:
  plg report --format html -o verslag.html     # open in a browser, print to PDF
  plg report -o verslag.md                     # charts in verslag-charts/, then:
  pandoc verslag.md -o verslag.docx
  pandoc verslag.md -o verslag.pdf --pdf-engine=weasyprint
  plg report --from 2026-01-01 --to 2026-03-31 --format json | jq .summary

Sections: summary and status over time, what changed since the last report, vision
and norms, meetings (their focus on DuFour's four questions, agenda and notes),
attendance and hours per member, roles, goals with a chart, actions, decisions,
reflections (ratings over time, what went well, challenges, next steps). Sections
with nothing to say are left out. The same records always give the same bytes.
Every number is as the records said on the period's last day. A file with errors is
left out of the report, named on stderr, and makes the exit code 1. See
docs/report.md.)"));
    commands.push_back({cmd, [opt](const Context& ctx) { return run_report(*opt, ctx); }});
}

}  // namespace plg::cli
