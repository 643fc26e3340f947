#include <nlohmann/json.hpp>

#include <algorithm>
#include <ostream>

#include "commands.hpp"
#include "plg/base/utf8.hpp"
#include "plg/records/json.hpp"
#include "plg/records/records.hpp"

namespace plg::cli {

namespace {

struct MemberAddOptions {
    std::string id;
    std::string name;
    std::string role;
    std::string joined;
};

struct MemberEditOptions {
    std::string id;
    std::optional<std::string> name;
    std::optional<std::string> role;
    std::string joined;
    std::string left;
};

struct MemberListOptions {
    std::string format = "text";
    std::string on;
};

// Reads plg.yaml's bytes; throws InvalidRecord when they have errors.
Community read_config(const Store& store, const std::string& bytes) {
    Parsed<Community> parsed = read_community(store.shown(Kind::community), bytes);
    if (!parsed.record) {
        throw InvalidRecord(parsed.problems);
    }
    return std::move(*parsed.record);
}

int run_member_add(const MemberAddOptions& opt, const Context& ctx) {
    Store store = open_store(ctx);
    Member m{opt.id, opt.name, opt.role, std::nullopt, std::nullopt};
    if (!opt.joined.empty()) {
        m.joined = date_arg(ctx, opt.joined);
    }
    Community c;
    store.change(
        Kind::community, {},
        [&](const std::string& bytes) {
            c = read_config(store, bytes);
            if (const Member* existing = c.find_member(opt.id)) {
                throw Error(tr("a member with the id '{}' already exists ({}); choose another id",
                               opt.id, existing->name));
            }
            return std::optional(edit_add_member(store.shown(Kind::community), bytes, m));
        },
        [&](const std::string& updated) {
            Community check = read_config(store, updated);
            if (!check.find_member(opt.id) || check.members.size() != c.members.size() + 1) {
                throw Error(
                    tr("internal error: adding the member would not give a valid "
                       "plg.yaml; nothing was changed"));
            }
        });
    inform(ctx, tr("Added {} ({}) to {}", m.name, m.id, c.name));
    return 0;
}

int run_member_edit(const MemberEditOptions& opt, const Context& ctx) {
    MemberChange change{opt.name, opt.role, std::nullopt, std::nullopt};
    if (!opt.joined.empty()) {
        change.joined = date_arg(ctx, opt.joined);
    }
    if (!opt.left.empty()) {
        change.left = date_arg(ctx, opt.left);
    }
    if (!change.name && !change.role && !change.joined && !change.left) {
        throw UsageError(
            tr("member edit: say what to change with --name, --role, --joined or --left"));
    }
    Store store = open_store(ctx);
    Community c;
    store.change(
        Kind::community, {},
        [&](const std::string& bytes) {
            c = read_config(store, bytes);
            require_member(c, opt.id, "member edit");
            return std::optional(edit_member(store.shown(Kind::community), bytes, opt.id, change));
        },
        [&](const std::string& updated) {
            // The file was valid before; an error now comes from the change itself.
            Parsed<Community> parsed = read_community(store.shown(Kind::community), updated);
            if (!parsed.record) {
                for (const auto& d : parsed.problems) {
                    if (d.severity == Severity::error) {
                        throw Error(tr("{}; nothing was changed", d.message));
                    }
                }
            }
            Community check = read_config(store, updated);
            const Member* m = check.find_member(opt.id);
            if (!m || check.members.size() != c.members.size() ||
                (change.name && m->name != *change.name) ||
                (change.joined && m->joined != change.joined) ||
                (change.left && m->left != change.left)) {
                throw Error(
                    tr("internal error: the change would not give the intended "
                       "plg.yaml; nothing was changed"));
            }
        });
    const Member* m = c.find_member(opt.id);
    inform(ctx, tr("Changed {} ({}) in {}", change.name ? *change.name : m->name, opt.id,
                   store.shown(Kind::community)));
    return 0;
}

std::string tenure(const Member& m) {
    if (m.joined && m.left) {
        return tr("{} to {}", m.joined->iso(), m.left->iso());
    }
    if (m.joined) {
        return tr("since {}", m.joined->iso());
    }
    if (m.left) {
        return tr("left {}", m.left->iso());
    }
    return "";
}

int run_member_list(const MemberListOptions& opt, const Context& ctx) {
    Store store = open_store(ctx);
    Community c = load_community(store);
    std::vector<const Member*> shown;
    std::optional<Date> on;
    if (!opt.on.empty()) {
        on = date_arg(ctx, opt.on);
    }
    for (const auto& m : c.members) {
        if (!on || m.member_on(*on)) {
            shown.push_back(&m);
        }
    }
    if (opt.format == "json") {
        nlohmann::json list = nlohmann::json::array();
        for (const auto* m : shown) {
            list.push_back(to_json(*m));
        }
        ctx.out << json_text(list) << '\n';
        return 0;
    }
    size_t id_width = 2;
    size_t name_width = 4;
    size_t role_width = 0;
    for (const auto* m : shown) {
        id_width = std::max(id_width, m->id.size());
        name_width = std::max(name_width, utf8_length(m->name));
        role_width = std::max(role_width, utf8_length(m->role));
    }
    for (const auto* m : shown) {
        std::string when = tenure(*m);
        std::string line = pad(m->id, id_width) + "  " + pad(m->name, name_width);
        if (role_width > 0) {
            line += "  " + pad(m->role, role_width);
        }
        if (!when.empty()) {
            line += "  " + when;
        }
        while (!line.empty() && line.back() == ' ') {
            line.pop_back();
        }
        ctx.out << line << '\n';
    }
    return 0;
}

}  // namespace

void setup_member(CLI::App& app, Commands& commands) {
    CLI::App* member = app.add_subcommand("member", trp("Add, change and list the PLG's members"));
    member->require_subcommand(1);

    auto add = std::make_shared<MemberAddOptions>();
    CLI::App* add_cmd = member->add_subcommand("add", trp("Add a member to plg.yaml"));
    add_cmd->add_option("ID", add->id, trp("Short id used in every record (like 'anna')"))
        ->required()
        ->check(k_member_id_value);
    add_cmd->add_option("--name", add->name, trp("Full name"))->required()->check(k_one_line_value);
    add_cmd
        ->add_option("--role", add->role,
                     trp("Role: teacher, school leader, coordinator, subject advisor, "
                         "teacher educator, ..."))
        ->check(k_one_line_value);
    add_cmd
        ->add_option("--joined", add->joined,
                     trp("The member's first day (default: none, a member from the start)"))
        ->check(k_date_value)
        ->type_name("DATE");
    add_cmd->footer(trp(R"(
Examples:
  plg member add anna --name "Anna de Vries" --role coordinator
  plg member add jdv --name "Jan de Vries" --role "subject advisor"
  plg member add fatima --name "Fatima El Amrani" --joined 2026-08-31

A member with a 'joined' date is expected at meetings from that day on, and
not counted absent from earlier ones.

The member is added at the end of the members list in plg.yaml; every comment and
blank line in the file stays as it was.)"));
    commands.push_back({add_cmd, [add](const Context& ctx) { return run_member_add(*add, ctx); }});

    auto edit = std::make_shared<MemberEditOptions>();
    CLI::App* edit_cmd = member->add_subcommand(
        "edit", trp("Change a member's name, role, or when they joined or left"));
    edit_cmd->add_option("ID", edit->id, trp("The member's id (it never changes)"))
        ->required()
        ->check(k_member_id_value);
    edit_cmd->add_option("--name", edit->name, trp("New full name"))->check(k_one_line_value);
    edit_cmd->add_option("--role", edit->role, trp("New role"))->check(k_one_line_value);
    edit_cmd->add_option("--joined", edit->joined, trp("The member's first day"))
        ->check(k_date_value)
        ->type_name("DATE");
    edit_cmd
        ->add_option("--left", edit->left,
                     trp("The member's last day; they stay in plg.yaml and in the history"))
        ->check(k_date_value)
        ->type_name("DATE");
    edit_cmd->footer(trp(R"(
Examples:
  plg member edit gijs --left 2026-07-17
  plg member edit anna --role "team leader" --name "Anna de Vries-Bakker"

Changes only the values given, in place: every comment and blank line in
plg.yaml stays. A member who left stays listed, so the meetings and reflections
that name them keep their meaning; from the day after 'left' they are no longer
expected at meetings. Refuses, changing nothing, a 'left' before 'joined'. To
remove a 'joined' or 'left' date, delete its line in plg.yaml.)"));
    commands.push_back(
        {edit_cmd, [edit](const Context& ctx) { return run_member_edit(*edit, ctx); }});

    auto list = std::make_shared<MemberListOptions>();
    CLI::App* list_cmd = member->add_subcommand("list", trp("List the members"));
    add_format_option(*list_cmd, list->format);
    list_cmd->add_option("--on", list->on, trp("Only those who were members on DATE"))
        ->check(k_date_value)
        ->type_name("DATE");
    list_cmd->footer(trp(R"(
Examples:
  plg member list
  plg member list --on today
  plg member list --format json | jq -r '.[] | select(.role == "teacher") | .id'

Text output: one member per line, "ID  NAME  ROLE  WHEN" (WHEN: "since DATE",
"DATE to DATE" or "left DATE" for members with 'joined' or 'left'). JSON output:
an array of {"id", "name", "role", "joined", "left"} objects ("role" is "" when
not recorded; the dates are null).)"));
    commands.push_back(
        {list_cmd, [list](const Context& ctx) { return run_member_list(*list, ctx); }});
}

}  // namespace plg::cli
