#pragma once

// The command line as data, read from the CLI11 definitions that parse it. The
// completion scripts, docs/cli.md and the man page are all generated from this,
// so none of them is a hand-kept list that can drift from the parser.

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace plg::cli {

// What an option's value (or a positional) is, for completion.
enum class ValueKind {
    none,        // a flag: takes no value
    text,        // free text: nothing to complete
    choice,      // one of `choices`
    date,        // a date: today, yesterday or YYYY-MM-DD
    file,        // a file name
    folder,      // a folder name
    path,        // a file or folder name
    member,      // a member id of the current PLG
    goal,        // a goal id
    meeting,     // a meeting id
    reflection,  // a reflection id
    action,      // an open action item, MEETING-ID#N
    dimension,   // a dimension of the framework, as "ID="
};

std::string_view kind_name(ValueKind kind);

struct OptionSpec {
    std::vector<std::string> names;  // "-o", "--output"; for a positional its NAME
    std::string value_name;          // "FILE", "MEMBER", "{en,nl}"; empty for flags
    std::string description;
    ValueKind kind = ValueKind::none;
    std::vector<std::string> choices;
    bool positional = false;
    bool required = false;
    bool repeatable = false;
    std::string default_value;
};

struct CommandSpec {
    std::string path;  // "" for plg itself, "meeting add" for a subcommand
    std::string description;
    std::string footer;                 // examples and notes, as --help shows them
    std::vector<std::string> children;  // names of the subcommands
    std::vector<OptionSpec> options;    // flags and options, then positionals
};

// Every visible command, plg itself first, in the order --help lists them.
// Hidden commands (those with an empty group) are left out.
std::vector<CommandSpec> command_tree(const CLI::App& app);

// "Usage: plg meeting add [OPTIONS]" without the "Usage: " and with positionals.
std::string usage_line(const CommandSpec& command);

}  // namespace plg::cli
