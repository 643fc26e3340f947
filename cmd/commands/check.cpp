#include <nlohmann/json.hpp>

#include <ostream>

#include "commands.hpp"
#include "plg/records/json.hpp"

namespace plg::cli {

namespace {

struct CheckOptions {
    std::string format = "text";
};

int run_check(const CheckOptions& opt, const Context& ctx) {
    Store store = open_store(ctx);
    Plg plg = load(store, ctx.today, load_options());
    size_t errors = 0;
    for (const auto& d : plg.problems) {
        errors += d.severity == Severity::error;
    }
    size_t warnings = plg.problems.size() - errors;
    if (opt.format == "json") {
        nlohmann::json problems = nlohmann::json::array();
        for (const auto& d : plg.problems) {
            problems.push_back({{"file", d.where.file},
                                {"line", d.where.line},
                                {"column", d.where.column},
                                {"severity", d.severity == Severity::error ? "error" : "warning"},
                                {"message", d.message}});
        }
        nlohmann::json records = nlohmann::json::object();
        for (const KindInfo& kind : record_kinds()) {
            records[std::string(kind.plural)] = plg.ids(kind.kind).size();
        }
        nlohmann::json result = {{"ok", errors == 0},
                                 {"errors", errors},
                                 {"warnings", warnings},
                                 {"records", records},
                                 {"problems", problems}};
        ctx.out << json_text(result) << '\n';
    } else {
        print_diagnostics(ctx.out, plg.problems, ctx.color_out);
        if (!plg.problems.empty()) {
            inform(ctx, trn("{} error", "{} errors", errors, errors) + ", " +
                            trn("{} warning", "{} warnings", warnings, warnings));
        }
    }
    return errors == 0 ? 0 : 1;
}

}  // namespace

void setup_check(CLI::App& app, Commands& commands) {
    auto opt = std::make_shared<CheckOptions>();
    CLI::App* sub =
        app.add_subcommand("check", trp("Validate every file and every reference between records"));
    add_format_option(*sub, opt->format);
    sub->footer(trp(R"(
Examples:
  plg check
  plg check --format json | jq '.problems[] | select(.severity == "error")'
  printf '#!/bin/sh\nexec plg check -q\n' > .git/hooks/pre-commit && chmod +x .git/hooks/pre-commit

Prints each problem as FILE:LINE:COL: error: MESSAGE (or warning:), and nothing when
all is well. Checks YAML syntax, types, unknown or duplicate keys, and that attendees,
owners and authors are members, and that goals, meetings and dimensions referred to
exist. Exits 1 when there are errors, 0 when there are none (warnings allowed).)"));
    commands.push_back({sub, [opt](const Context& ctx) { return run_check(*opt, ctx); }});

    // Hidden (no group): the table of record kinds as JSON, for scripts and tests
    // (tests/schema/check.py, scripts/fuzz), so no list of kinds is kept by hand.
    CLI::App* kinds_cmd = app.add_subcommand("__kinds", trp("Print the record kinds as JSON"));
    kinds_cmd->group("");
    commands.push_back({kinds_cmd, [](const Context& ctx) {
                            nlohmann::json list = nlohmann::json::array();
                            for (const KindInfo& kind : kinds()) {
                                list.push_back({{"name", kind.name},
                                                {"plural", kind.plural},
                                                {"folder", kind.folder},
                                                {"schema", kind.schema},
                                                {"command", kind.command}});
                            }
                            ctx.out << json_text(list) << '\n';
                            return 0;
                        }});
}

}  // namespace plg::cli
