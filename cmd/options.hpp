#pragma once

// What binds flags: CLI11, for the command files and the command-line plumbing
// only (context.hpp, cli.hpp and the library never include it).

#include <CLI/CLI.hpp>

#include <functional>
#include <string>
#include <vector>

#include "context.hpp"

namespace plg::cli {

// A leaf subcommand and the function that runs it once parsing succeeded.
struct Command {
    CLI::App* app;
    std::function<int(const Context&)> run;
};
using Commands = std::vector<Command>;

// Adds "--format text|json" bound to `format`.
void add_format_option(CLI::App& app, std::string& format);

// Validators for flag values; a bad value is a usage error (exit 2).
extern const CLI::Validator k_date_value;       // ISO date, "today" or "yesterday"
extern const CLI::Validator k_member_id_value;  // a well-formed member id
extern const CLI::Validator k_one_line_value;   // non-empty text without line breaks
extern const CLI::Validator k_number_value;     // a number; "7,5" is taken as 7.5

}  // namespace plg::cli
