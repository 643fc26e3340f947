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
};

struct MemberListOptions {
    std::string format = "text";
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
    Community c;
    store.change(
        Kind::community, {},
        [&](const std::string& bytes) {
            c = read_config(store, bytes);
            if (const Member* existing = c.find_member(opt.id)) {
                throw Error("a member with the id '" + opt.id + "' already exists (" +
                            existing->name + "); choose another id");
            }
            return std::optional(edit_add_member(store.shown(Kind::community), bytes, m));
        },
        [&](const std::string& updated) {
            Community check = read_config(store, updated);
            if (!check.find_member(opt.id) || check.members.size() != c.members.size() + 1) {
                throw Error(
                    "internal error: adding the member would not give a valid plg.yaml; "
                    "nothing was changed");
            }
        });
    inform(ctx, "Added " + m.name + " (" + m.id + ") to " + c.name);
    return 0;
}

int run_member_list(const MemberListOptions& opt, const Context& ctx) {
    Store store = open_store(ctx);
    Community c = load_community(store);
    if (opt.format == "json") {
        nlohmann::json list = nlohmann::json::array();
        for (const auto& m : c.members) {
            list.push_back({{"id", m.id}, {"name", m.name}, {"role", m.role}});
        }
        ctx.out << json_text(list) << '\n';
        return 0;
    }
    size_t id_width = 2;
    size_t name_width = 4;
    for (const auto& m : c.members) {
        id_width = std::max(id_width, m.id.size());
        name_width = std::max(name_width, utf8_length(m.name));
    }
    for (const auto& m : c.members) {
        std::string line = pad(m.id, id_width) + "  " +
                           (m.role.empty() ? m.name : pad(m.name, name_width) + "  " + m.role);
        ctx.out << line << '\n';
    }
    return 0;
}

}  // namespace

void setup_member(CLI::App& app, Commands& commands) {
    CLI::App* member = app.add_subcommand("member", "Add and list the PLG's members");
    member->require_subcommand(1);

    auto add = std::make_shared<MemberAddOptions>();
    CLI::App* add_cmd = member->add_subcommand("add", "Add a member to plg.yaml");
    add_cmd->add_option("ID", add->id, "Short id used in every record (like 'anna')")
        ->required()
        ->check(k_member_id_value);
    add_cmd->add_option("--name", add->name, "Full name")->required()->check(k_one_line_value);
    add_cmd
        ->add_option("--role", add->role,
                     "Role: teacher, school leader, coordinator, subject advisor, "
                     "teacher educator, ...")
        ->check(k_one_line_value);
    add_cmd->footer(R"(
Examples:
  plg member add anna --name "Anna de Vries" --role coordinator
  plg member add jdv --name "Jan de Vries" --role "subject advisor"

The member is added at the end of the members list in plg.yaml; every comment and
blank line in the file stays as it was.)");
    commands.push_back({add_cmd, [add](const Context& ctx) { return run_member_add(*add, ctx); }});

    auto list = std::make_shared<MemberListOptions>();
    CLI::App* list_cmd = member->add_subcommand("list", "List the members");
    add_format_option(*list_cmd, list->format);
    list_cmd->footer(R"(
Examples:
  plg member list
  plg member list --format json | jq -r '.[] | select(.role == "teacher") | .id'

Text output: one member per line, "ID  NAME  ROLE". JSON output: an array of
{"id", "name", "role"} objects ("role" is "" when not recorded).)");
    commands.push_back(
        {list_cmd, [list](const Context& ctx) { return run_member_list(*list, ctx); }});
}

}  // namespace plg::cli
