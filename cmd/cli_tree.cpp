#include "cli_tree.hpp"

#include <array>
#include <utility>

namespace plg::cli {

namespace {

// The type names plg's definitions use for values that can be completed.
constexpr std::array<std::pair<std::string_view, ValueKind>, 10> k_kinds{{
    {"MEMBER", ValueKind::member},
    {"GOAL", ValueKind::goal},
    {"MEETING", ValueKind::meeting},
    {"REFLECTION", ValueKind::reflection},
    {"ACTION", ValueKind::action},
    {"DIMENSION", ValueKind::dimension},
    {"FILE", ValueKind::file},
    {"DIR", ValueKind::folder},
    {"PATH", ValueKind::path},
    {"DATE", ValueKind::date},
}};

// Splits "{en,nl}" out of a type name like "TEXT:{en,nl}".
std::vector<std::string> choices_of(const std::string& type_name) {
    std::vector<std::string> choices;
    size_t open = type_name.find('{');
    size_t close = type_name.find('}', open);
    if (open == std::string::npos || close == std::string::npos) {
        return choices;
    }
    std::string list = type_name.substr(open + 1, close - open - 1);
    size_t at = 0;
    while (at <= list.size()) {
        size_t comma = list.find(',', at);
        if (comma == std::string::npos) {
            comma = list.size();
        }
        choices.push_back(list.substr(at, comma - at));
        at = comma + 1;
    }
    return choices;
}

OptionSpec option_spec(const CLI::Option& opt) {
    OptionSpec spec;
    spec.description = opt.get_description();
    spec.positional = opt.get_positional();
    spec.required = opt.get_required();
    spec.default_value = opt.get_default_str();
    if (spec.positional) {
        spec.names.push_back(opt.get_name(true));
    } else {
        for (const auto& s : opt.get_snames()) {
            spec.names.push_back("-" + s);
        }
        for (const auto& l : opt.get_lnames()) {
            spec.names.push_back("--" + l);
        }
    }
    if (opt.get_expected_max() == 0 || opt.get_type_size_max() == 0) {
        return spec;
    }
    spec.repeatable = opt.get_items_expected_max() > 1;
    // CLI11 shows "BASE:CHECK:CHECK", the type name and each validator's
    // description; take them apart again.
    std::string base = opt.get_type_name();
    std::vector<std::string> checks;
    auto& options = const_cast<CLI::Option&>(opt);  // get_validator(int) is not const
    for (int i = 0;; ++i) {
        std::string description;
        try {
            description = options.get_validator(i)->get_description();
        } catch (const CLI::OptionNotFound&) {
            break;
        }
        if (!description.empty()) {
            checks.push_back(description);
        }
    }
    for (auto it = checks.rbegin(); it != checks.rend(); ++it) {
        std::string suffix = ":" + *it;
        if (base.size() > suffix.size() && base.ends_with(suffix)) {
            base.erase(base.size() - suffix.size());
        }
    }
    for (const auto& c : checks) {
        if (c.starts_with("{")) {
            spec.choices = choices_of(c);
            spec.value_name = c;
        }
    }
    if (spec.value_name.empty()) {
        // "TEXT" with a named check (DATE, ID) reads better as the check's name.
        spec.value_name =
            base == "TEXT" && !checks.empty() && checks.front() != "TEXT" ? checks.front() : base;
    }
    spec.kind = ValueKind::text;
    if (!spec.choices.empty()) {
        spec.kind = ValueKind::choice;
        return spec;
    }
    for (const auto& [name, kind] : k_kinds) {
        if (spec.value_name.rfind(name, 0) == 0) {
            spec.kind = kind;
            break;
        }
    }
    return spec;
}

void walk(const CLI::App& app, const std::string& path, std::vector<CommandSpec>& out) {
    CommandSpec command;
    command.path = path;
    command.description = app.get_description();
    command.footer = app.get_footer();
    std::vector<OptionSpec> positionals;
    for (const CLI::Option* opt : app.get_options()) {
        if (opt->get_group().empty()) {
            continue;
        }
        OptionSpec spec = option_spec(*opt);
        (spec.positional ? positionals : command.options).push_back(std::move(spec));
    }
    command.options.insert(command.options.end(), positionals.begin(), positionals.end());
    std::vector<const CLI::App*> children;
    for (const CLI::App* sub : app.get_subcommands({})) {
        if (!sub->get_group().empty()) {
            command.children.push_back(sub->get_name());
            children.push_back(sub);
        }
    }
    out.push_back(std::move(command));
    for (const CLI::App* sub : children) {
        walk(*sub, path.empty() ? sub->get_name() : path + " " + sub->get_name(), out);
    }
}

}  // namespace

std::string_view kind_name(ValueKind kind) {
    switch (kind) {
        case ValueKind::none:
            return "none";
        case ValueKind::text:
            return "text";
        case ValueKind::choice:
            return "choice";
        case ValueKind::date:
            return "date";
        case ValueKind::file:
            return "file";
        case ValueKind::folder:
            return "folder";
        case ValueKind::path:
            return "path";
        case ValueKind::member:
            return "member";
        case ValueKind::goal:
            return "goal";
        case ValueKind::meeting:
            return "meeting";
        case ValueKind::reflection:
            return "reflection";
        case ValueKind::action:
            return "action";
        case ValueKind::dimension:
            return "dimension";
    }
    return "text";
}

std::vector<CommandSpec> command_tree(const CLI::App& app) {
    std::vector<CommandSpec> out;
    walk(app, "", out);
    return out;
}

std::string usage_line(const CommandSpec& command) {
    std::string line = command.path.empty() ? "plg" : "plg " + command.path;
    bool has_options = false;
    std::string positionals;
    for (const auto& o : command.options) {
        if (!o.positional) {
            has_options = true;
            continue;
        }
        std::string word = o.names.front() + (o.repeatable ? "..." : "");
        positionals += " " + (o.required ? word : "[" + word + "]");
    }
    line += has_options ? " [OPTIONS]" : "";
    line += positionals;
    if (!command.children.empty()) {
        line += " COMMAND";
    }
    return line;
}

}  // namespace plg::cli
