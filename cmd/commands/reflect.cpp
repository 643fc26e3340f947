#include <algorithm>
#include <ostream>

#include <fmt/format.h>

#include "commands.hpp"
#include "editor.hpp"
#include "plg/base/slug.hpp"
#include "plg/base/text.hpp"
#include "plg/base/utf8.hpp"
#include "plg/records/json.hpp"
#include "plg/records/records.hpp"

namespace plg::cli {

namespace {

struct ReflectAddOptions {
    std::string author;
    std::string date;
    std::string meeting;
    std::string goal;
    std::string text;
    std::string went_well;
    std::string challenge;
    std::string next_step;
    std::vector<std::string> ratings;
    EditOptions edit;
};

struct ReflectListOptions {
    std::string author;
    std::string from;
    std::string to;
    std::string format = "text";
};

struct ReflectShowOptions {
    std::string id;
    std::string format = "text";
};

// Parses "DIMENSION=N" against the PLG's framework.
Rating parse_rating(const Community& c, const std::string& spec) {
    size_t eq = spec.find('=');
    std::vector<std::string> dims = c.dimension_ids();
    if (eq == std::string::npos) {
        throw UsageError(tr("--rate '{}': write DIMENSION=1..5, like collaboration=4", spec));
    }
    std::string typed = spec.substr(0, eq);
    std::string value = spec.substr(eq + 1);
    std::string dim = c.dimension_for(typed);
    if (dim.empty()) {
        std::vector<std::string> names = dims;
        for (const auto& d : c.framework) {
            names.push_back(slugify(d.name, 100));
        }
        std::string close = nearest(slugify(typed, 100), names);
        std::vector<std::string> listed;
        for (const auto& d : c.framework) {
            listed.push_back(d.id + " (" + d.name + ")");
        }
        throw Error(close.empty()
                        ? tr("--rate: unknown dimension '{}'; the PLG's framework has: {}", typed,
                             join(listed))
                        : tr("--rate: unknown dimension '{}' (did you mean '{}'?); the "
                             "PLG's framework has: {}",
                             typed, close, join(listed)));
    }
    if (value.size() != 1 || value[0] < '1' || value[0] > '5') {
        throw UsageError(
            tr("--rate {}={}: a rating is a whole number from 1 to 5 (1 = not at "
               "all, 5 = fully)",
               dim, value));
    }
    return {dim, value[0] - '0'};
}

int run_reflect_add(const ReflectAddOptions& opt, const Context& ctx) {
    require_unless_edited(opt.edit, opt.author, "--author");
    Store store = open_store(ctx);
    const Community c = load_community(store);
    std::vector<std::string> goal_list = store.ids(Kind::goal);
    std::vector<std::string> meeting_list = store.ids(Kind::meeting);

    Reflection r;
    if (!opt.author.empty()) {
        require_member(c, opt.author, "--author");
        r.author = opt.author;
    }
    r.date = opt.date.empty() ? ctx.today : date_arg(ctx, opt.date);
    if (!opt.meeting.empty()) {
        require_id(meeting_list, opt.meeting, "--meeting", "meeting");
        r.meeting = opt.meeting;
    }
    if (!opt.goal.empty()) {
        require_id(goal_list, opt.goal, "--goal", "goal");
        r.goal = opt.goal;
    }
    int from_stdin = 0;
    for (const auto* t : {&opt.text, &opt.went_well, &opt.challenge, &opt.next_step}) {
        from_stdin += *t == "-";
    }
    if (from_stdin > 1) {
        throw UsageError(
            tr("only one of --text, --went-well, --challenge, --next-step can read "
               "standard input ('-')"));
    }
    r.text = text_arg(ctx, opt.text);
    r.went_well = text_arg(ctx, opt.went_well);
    r.challenge = text_arg(ctx, opt.challenge);
    r.next_step = text_arg(ctx, opt.next_step);
    for (const auto& spec : opt.ratings) {
        Rating rating = parse_rating(c, spec);
        if (r.rating(rating.dimension)) {
            throw UsageError(tr("--rate gives '{}' twice", rating.dimension));
        }
        r.ratings.push_back(rating);
    }
    if (!opt.edit.edit && opt.edit.file.empty() && r.text.empty() && r.went_well.empty() &&
        r.challenge.empty() && r.next_step.empty() && r.ratings.empty()) {
        throw UsageError(
            tr("a reflection needs something to say: give --text, --went-well, "
               "--challenge, --next-step or --rate (or write it with --edit)"));
    }

    std::set<std::string> goals(goal_list.begin(), goal_list.end());
    std::set<std::string> meetings(meeting_list.begin(), meeting_list.end());
    References refs{&c, &goals, &meetings, {}};
    auto read = [&](const std::string& file, const std::string& text) {
        return read_reflection(file, text, "new", refs);
    };
    std::string help = template_help(
        Kind::reflection, c,
        trp("Required: author (a member id) and date. Write free text, the three prompts, or "
            "both:\n"
            "went_well (what went well), challenge (what was hard), next_step (what you will do).\n"
            "For several lines write 'text: |' and indent the lines below it by two spaces.\n"
            "ratings: rate the framework's dimensions 1-5 (not all needed), one per line, like\n"
            "  ratings:\n"
            "    collaboration: 4") +
            "\n" + tr("Dimensions: {}", join(c.dimension_ids())));
    Drafted<Reflection> drafted = draft_record<Reflection>(ctx, store, opt.edit, r, help, read);
    const Reflection& saved = drafted.record;
    // Member ids may hold "_", which file names of records do not.
    std::string base = saved.date.iso() + "-" + slugify(saved.author);
    std::string id = *store.create(Kind::reflection, base, drafted.text);
    drafted.done();
    ctx.out << id << '\n';
    inform(ctx, tr("Added the reflection {}", store.shown(Kind::reflection, id)));
    return 0;
}

std::string first_line(const Reflection& r) {
    for (const auto* t : {&r.text, &r.went_well, &r.next_step, &r.challenge}) {
        if (!t->empty()) {
            std::string line = split_lines(*t).empty() ? "" : split_lines(*t).front();
            return utf8_length(line) > 60 ? utf8_prefix(line, 59) + "…" : line;
        }
    }
    return "";
}

int run_reflect_list(const ReflectListOptions& opt, const Context& ctx) {
    Store store = open_store(ctx);
    Plg plg = load_plg(store, ctx, true, {Kind::reflection});
    if (!opt.author.empty()) {
        require_member(*plg.community, opt.author, "--author");
    }
    std::optional<Date> from = optional_date_arg(ctx, opt.from);
    std::optional<Date> to = optional_date_arg(ctx, opt.to);
    std::vector<const Reflection*> shown;
    for (const auto& r : plg.reflections) {
        if ((from && r.date < *from) || (to && r.date > *to) ||
            (!opt.author.empty() && r.author != opt.author)) {
            continue;
        }
        shown.push_back(&r);
    }
    if (opt.format == "json") {
        nlohmann::json list = nlohmann::json::array();
        for (const auto* r : shown) {
            list.push_back(to_json(*r));
        }
        ctx.out << json_text(list) << '\n';
        return 0;
    }
    size_t id_width = 2;
    size_t author_width = 6;
    for (const auto* r : shown) {
        id_width = std::max(id_width, r->id.size());
        author_width = std::max(author_width, r->author.size());
    }
    for (const auto* r : shown) {
        ctx.out << r->date.iso() << "  " << pad(r->author, author_width) << "  "
                << pad(r->id, id_width) << "  " << first_line(*r) << '\n';
    }
    return 0;
}

int run_reflect_show(const ReflectShowOptions& opt, const Context& ctx) {
    Store store = open_store(ctx);
    Plg plg = load_plg(store, ctx, true, {Kind::reflection});
    const Reflection& r =
        find_record(store, plg.reflections, Kind::reflection, opt.id, "reflect show");
    if (opt.format == "json") {
        ctx.out << json_text(to_json(r)) << '\n';
        return 0;
    }
    const Community& c = *plg.community;
    std::ostream& out = ctx.out;
    LabelColumn col({tr("Meeting:"), tr("Goal:")}, 10);
    out << tr("Reflection by {} on {}", who(c, r.author), r.date.iso()) << '\n';
    if (!r.meeting.empty()) {
        out << col(tr("Meeting:")) << r.meeting << '\n';
    }
    if (!r.goal.empty()) {
        out << col(tr("Goal:")) << r.goal << '\n';
    }
    print_block(out, tr("Text:"), r.text);
    print_block(out, tr("Went well:"), r.went_well);
    print_block(out, tr("Challenge:"), r.challenge);
    print_block(out, tr("Next step:"), r.next_step);
    if (!r.ratings.empty()) {
        out << tr("Ratings (1-5):") << '\n';
        size_t width = 0;
        for (const auto& rating : r.ratings) {
            width = std::max(width, rating.dimension.size());
        }
        for (const auto& rating : r.ratings) {
            std::string name = rating.dimension;
            for (const auto& d : c.framework) {
                if (d.id == rating.dimension) {
                    name = d.name;
                }
            }
            out << "  " << rating.value << "  " << std::string(size_t(rating.value), '#')
                << std::string(size_t(5 - rating.value), '.') << "  " << name << '\n';
        }
    }
    return 0;
}

}  // namespace

void setup_reflect(CLI::App& app, Commands& commands) {
    CLI::App* reflect = app.add_subcommand("reflect", trp("Write, list and show reflections"));
    reflect->require_subcommand(1);

    auto add = std::make_shared<ReflectAddOptions>();
    CLI::App* add_cmd = reflect->add_subcommand("add", trp("Write a reflection; prints its id"));
    add_cmd->add_option("--author", add->author, trp("Member who reflects (required)"))
        ->type_name("MEMBER");
    add_cmd->add_option("--date", add->date, trp("Date (default: today)"))->check(k_date_value);
    add_cmd->add_option("--meeting", add->meeting, trp("The meeting it is about"))
        ->type_name("MEETING");
    add_cmd->add_option("--goal", add->goal, trp("The goal it is about"))->type_name("GOAL");
    add_cmd->add_option("--text", add->text, trp("Free text; '-' reads it from standard input"))
        ->type_name("TEXT|-");
    add_cmd->add_option("--went-well", add->went_well, trp("Prompt: what went well"))
        ->type_name("TEXT|-");
    add_cmd->add_option("--challenge", add->challenge, trp("Prompt: what was hard"))
        ->type_name("TEXT|-");
    add_cmd->add_option("--next-step", add->next_step, trp("Prompt: what you will do next"))
        ->type_name("TEXT|-");
    add_cmd
        ->add_option(
            "--rate", add->ratings,
            trp("Rate a dimension of the PLG's framework 1-5: its id, its name, or (default "
                "framework) its Dutch or French id, like samenwerking=4 (repeatable)"))
        ->type_name("DIMENSION=1..5");
    add_edit_options(*add_cmd, add->edit);
    add_cmd->footer(
        trp(R"(
Examples:
  plg reflect add --author bram --meeting 2025-11-25-data-tempotoets-p7q2 )"
            "\\\n"
            R"(      --went-well "De rekenmuurtjes werken" --next-step "Ook in groep 6 proberen" )"
            "\\\n"
            R"(      --rate collaboration=4 --rate inquiry=3
  plg reflect add --author anna --text - < reflectie.txt
  plg reflect add --author carla --edit     # write it in $VISUAL/$EDITOR

Prints the new reflection's id (its file is reflections/ID.yaml) and nothing else on
stdout. 'plg init' gives a PLG eight dimensions; 'cat plg.yaml' shows the framework.)"));
    commands.push_back({add_cmd, [add](const Context& ctx) { return run_reflect_add(*add, ctx); }});

    auto list = std::make_shared<ReflectListOptions>();
    CLI::App* list_cmd = reflect->add_subcommand("list", trp("List reflections, oldest first"));
    list_cmd->add_option("--author", list->author, trp("Only this member's reflections"))
        ->type_name("MEMBER");
    list_cmd->add_option("--from", list->from, trp("Only reflections on or after DATE"))
        ->check(k_date_value);
    list_cmd->add_option("--to", list->to, trp("Only reflections on or before DATE"))
        ->check(k_date_value);
    add_format_option(*list_cmd, list->format);
    list_cmd->footer(trp(R"(
Examples:
  plg reflect list --author bram
  plg reflect list --format json | jq '[.[].ratings.collaboration | numbers] | add / length'

Text: DATE  AUTHOR  ID  the first line of what was written.)"));
    commands.push_back(
        {list_cmd, [list](const Context& ctx) { return run_reflect_list(*list, ctx); }});

    auto show = std::make_shared<ReflectShowOptions>();
    CLI::App* show_cmd = reflect->add_subcommand("show", trp("Show one reflection"));
    show_cmd->add_option("ID", show->id, trp("The reflection's id (see 'plg reflect list')"))
        ->required()
        ->type_name("REFLECTION");
    add_format_option(*show_cmd, show->format);
    commands.push_back(
        {show_cmd, [show](const Context& ctx) { return run_reflect_show(*show, ctx); }});
}

}  // namespace plg::cli
