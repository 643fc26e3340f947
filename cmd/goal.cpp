#include <algorithm>
#include <cmath>
#include <ostream>

#include <fmt/format.h>

#include "commands.hpp"
#include "editor.hpp"
#include "plg/json.hpp"
#include "plg/records.hpp"
#include "plg/slug.hpp"
#include "plg/text.hpp"
#include "plg/utf8.hpp"

namespace plg::cli {

namespace {

struct GoalAddOptions {
    std::string title;
    std::string id;
    std::vector<std::string> owners;
    std::string measure;
    std::string unit;
    std::optional<double> baseline;
    std::optional<double> target;
    std::string due;
    EditOptions edit;
};

struct GoalListOptions {
    std::string status = "all";
    std::string format = "text";
};

struct GoalShowOptions {
    std::string id;
    std::string format = "text";
};

struct GoalProgressOptions {
    std::string id;
    double value = 0;
    std::string date;
    std::string evidence;
    std::string meeting;
};

struct GoalCloseOptions {
    std::string id;
    bool achieved = false;
    bool dropped = false;
    std::string note;
};

double finite(double value, std::string_view flag) {
    if (!std::isfinite(value)) {
        throw UsageError(std::string(flag) + " must be a finite number, like 40 or 12.5");
    }
    return value;
}

// The goal ids and meeting ids a goal may refer to, for the readers.
struct GoalRefs {
    Community community;
    std::set<std::string> goals;
    std::set<std::string> meetings;
};

GoalRefs goal_refs(const Store& store) {
    Parsed<Community> parsed =
        read_community(store.shown(k_config_file), store.read(k_config_file));
    if (!parsed.record) {
        throw InvalidRecord(parsed.problems);
    }
    std::vector<Diagnostic> ignored;
    auto goals = store.list(k_goals_dir, ignored);
    auto meetings = store.list(k_meetings_dir, ignored);
    return {std::move(*parsed.record),
            {goals.begin(), goals.end()},
            {meetings.begin(), meetings.end()}};
}

int run_goal_add(const GoalAddOptions& opt, const Context& ctx) {
    require_unless_edited(opt.edit, opt.title, "--title");
    Store store = open_store(ctx);
    GoalRefs refs = goal_refs(store);
    if (!opt.id.empty() && !is_record_id(opt.id)) {
        throw UsageError("--id '" + opt.id +
                         "' is not a valid goal id; use lower-case letters, digits and '-', "
                         "like 'tafels-automatiseren'");
    }
    Goal g;
    g.title = opt.title;
    for (const auto& id : opt.owners) {
        require_member(refs.community, id, "--owner");
        if (std::find(g.owners.begin(), g.owners.end(), id) == g.owners.end()) {
            g.owners.push_back(id);
        }
    }
    g.measure = opt.measure;
    g.unit = opt.unit;
    if (opt.baseline) {
        g.baseline = finite(*opt.baseline, "--baseline");
    }
    if (opt.target) {
        g.target = finite(*opt.target, "--target");
    }
    if (!opt.due.empty()) {
        g.due = date_arg(ctx, opt.due);
    }
    g.created = ctx.today;

    References check_refs{&refs.community, &refs.goals, &refs.meetings, {}};
    auto read = [&](const std::string& file, const std::string& text) {
        return read_goal(file, text, "new", check_refs);
    };
    std::string help = template_help(
        "goal", refs.community,
        {"Required: title. Numbers (baseline, target) are plain: 48 or 12.5; dates YYYY-MM-DD.",
         "owners is a list of member ids, one per line ('  - anna') or inline ([anna, bram]).",
         "Leave 'progress:' as it is: 'plg goal progress' adds the measurements there."});
    Drafted<Goal> drafted = draft_record<Goal>(ctx, store, opt.edit, "goal", g, help, read);
    std::string id = opt.id;
    if (id.empty()) {
        id = slugify(drafted.record.title);
        if (id.empty()) {
            throw UsageError("the title '" + drafted.record.title +
                             "' gives no usable id; give one with --id, like --id reading-fluency");
        }
    }
    std::string rel = std::string(k_goals_dir) + "/" + id + ".yaml";
    std::error_code ec;
    std::filesystem::create_directories(store.path(k_goals_dir), ec);
    if (!create_exclusive(store.path(rel), drafted.text)) {
        throw Error("a goal with the id '" + id + "' already exists (" + store.shown(rel) +
                    "); choose another with --id" + drafted.kept_note);
    }
    drafted.done();
    ctx.out << id << '\n';
    inform(ctx, "Added the goal " + store.shown(rel));
    return 0;
}

std::string number_with_unit(double value, const std::string& unit) {
    return format_number(value) + (unit.empty() ? "" : (unit == "%" ? "%" : " " + unit));
}

std::string percent_text(const Goal& g) {
    auto p = g.percent();
    return p ? fmt::format("{:.0f}%", *p) : std::string("-");
}

const std::vector<std::string> k_status_values = {"active", "achieved", "dropped", "all"};

int run_goal_list(const GoalListOptions& opt, const Context& ctx) {
    Store store = open_store(ctx);
    Plg plg = load_plg(store, ctx);
    std::vector<const Goal*> shown;
    for (const auto& g : plg.goals) {
        if (opt.status == "all" || to_string(g.status) == opt.status) {
            shown.push_back(&g);
        }
    }
    if (opt.format == "json") {
        nlohmann::json list = nlohmann::json::array();
        for (const auto* g : shown) {
            list.push_back(to_json(*g));
        }
        ctx.out << list.dump(2) << '\n';
        return 0;
    }
    size_t id_width = 2;
    for (const auto* g : shown) {
        id_width = std::max(id_width, g->id.size());
    }
    for (const auto* g : shown) {
        ctx.out << pad(g->id, id_width) << "  " << pad(std::string(to_string(g->status)), 8) << "  "
                << pad(percent_text(*g), 5) << "  " << pad(g->due ? g->due->iso() : "-", 10) << "  "
                << g->title << '\n';
    }
    return 0;
}

int run_goal_show(const GoalShowOptions& opt, const Context& ctx) {
    Store store = open_store(ctx);
    Plg plg = load_plg(store, ctx);
    const Goal& g = find_record(store, plg.goals, k_goals_dir, opt.id, "goal show", "goal");
    if (opt.format == "json") {
        ctx.out << to_json(g).dump(2) << '\n';
        return 0;
    }
    const Community& c = *plg.community;
    std::ostream& out = ctx.out;
    out << g.title << '\n';
    std::string status(to_string(g.status));
    if (g.closed) {
        status += " on " + g.closed->iso();
    }
    out << "Status:    " << status << '\n';
    if (!g.owners.empty()) {
        std::vector<std::string> owners;
        for (const auto& id : g.owners) {
            owners.push_back(who(c, id));
        }
        out << "Owners:    " << join(owners) << '\n';
    }
    if (!g.measure.empty()) {
        out << "Measure:   " << g.measure << (g.unit.empty() ? "" : " (" + g.unit + ")") << '\n';
    }
    if (g.due) {
        out << "Due:       " << g.due->iso() << '\n';
    }
    if (g.created) {
        out << "Created:   " << g.created->iso() << '\n';
    }
    auto value = [&](const std::optional<double>& v) {
        return v ? number_with_unit(*v, g.unit) : std::string("?");
    };
    if (g.baseline || g.target || !g.progress.empty()) {
        out << "Progress:  " << value(g.baseline) << " → " << value(g.latest()) << " → "
            << value(g.target);
        auto p = g.percent();
        out << "  (" << (p ? fmt::format("{:.0f}% of the way; ", *p) : std::string())
            << "baseline → latest → target)\n";
    }
    print_block(out, "Note", g.close_note);
    if (!g.progress.empty()) {
        out << "Entries:\n";
        size_t width = 0;
        for (const auto& p : g.progress) {
            width = std::max(width, utf8_length(number_with_unit(p.value, g.unit)));
        }
        for (const auto& p : g.progress) {
            std::string line =
                "  " + p.date.iso() + "  " + pad(number_with_unit(p.value, g.unit), width);
            if (!p.evidence.empty()) {
                line += "  " + p.evidence;
            }
            if (!p.meeting.empty()) {
                line += "  (meeting " + p.meeting + ")";
            }
            out << line << '\n';
        }
    }
    return 0;
}

// Reads the goal `id` for a change, under the lock; throws when it is unknown or broken.
std::pair<std::string, Goal> read_goal_for_change(const Store& store, const std::string& id,
                                                  std::string_view flag) {
    std::string rel = std::string(k_goals_dir) + "/" + id + ".yaml";
    std::error_code ec;
    if (!is_record_id(id) || !std::filesystem::exists(store.path(rel), ec)) {
        std::vector<Diagnostic> ignored;
        require_id(store.list(k_goals_dir, ignored), id, flag, "goal");
    }
    std::string bytes = store.read(rel);
    Parsed<Goal> parsed = read_goal(store.shown(rel), bytes, id, References{});
    if (!parsed.record) {
        throw InvalidRecord(parsed.problems);
    }
    return {std::move(bytes), std::move(*parsed.record)};
}

int run_goal_progress(const GoalProgressOptions& opt, const Context& ctx) {
    Store store = open_store(ctx);
    Progress p;
    p.value = finite(opt.value, "--value");
    p.date = opt.date.empty() ? ctx.today : date_arg(ctx, opt.date);
    p.evidence = opt.evidence.empty() ? "" : text_arg(ctx, opt.evidence);
    if (!opt.meeting.empty()) {
        std::vector<Diagnostic> ignored;
        require_id(store.list(k_meetings_dir, ignored), opt.meeting, "--meeting", "meeting");
        p.meeting = opt.meeting;
    }
    Lock lock(store.root());
    std::string rel = std::string(k_goals_dir) + "/" + opt.id + ".yaml";
    auto [bytes, before] = read_goal_for_change(store, opt.id, "goal progress");
    std::string updated = edit_add_progress(store.shown(rel), bytes, p);
    Parsed<Goal> after = read_goal(store.shown(rel), updated, opt.id, References{});
    if (!after.record || after.record->progress.size() != before.progress.size() + 1) {
        throw Error(
            "internal error: adding the progress entry would not give a valid goal; "
            "nothing was changed");
    }
    write_atomic(store.path(rel), updated);
    std::string summary =
        "Progress on " + opt.id + ": " + format_number(p.value) + " on " + p.date.iso();
    if (auto pct = after.record->percent()) {
        summary += fmt::format("; now {:.0f}% of the way to the target", *pct);
    }
    if (before.status != GoalStatus::active) {
        summary += "; note that the goal is " + std::string(to_string(before.status));
    }
    inform(ctx, summary);
    return 0;
}

int run_goal_close(const GoalCloseOptions& opt, const Context& ctx) {
    Store store = open_store(ctx);
    GoalStatus status = opt.achieved ? GoalStatus::achieved : GoalStatus::dropped;
    std::string note = opt.note.empty() ? "" : text_arg(ctx, opt.note);
    Lock lock(store.root());
    std::string rel = std::string(k_goals_dir) + "/" + opt.id + ".yaml";
    auto [bytes, before] = read_goal_for_change(store, opt.id, "goal close");
    if (before.status == status) {
        inform(ctx, "The goal " + opt.id + " is already " + std::string(to_string(status)) +
                        (before.closed ? " (since " + before.closed->iso() + ")" : ""));
        return 0;
    }
    if (before.status != GoalStatus::active) {
        throw Error("the goal " + opt.id + " is already " + std::string(to_string(before.status)) +
                    "; to change that, edit 'status' in " + store.shown(rel));
    }
    std::string updated = edit_close_goal(store.shown(rel), bytes, status, ctx.today, note);
    Parsed<Goal> after = read_goal(store.shown(rel), updated, opt.id, References{});
    if (!after.record || after.record->status != status) {
        throw Error(
            "internal error: closing the goal would not give a valid goal; "
            "nothing was changed");
    }
    write_atomic(store.path(rel), updated);
    inform(ctx, "Closed the goal " + opt.id + " as " + std::string(to_string(status)));
    return 0;
}

}  // namespace

void setup_goal(CLI::App& app, Commands& commands) {
    CLI::App* goal = app.add_subcommand("goal", "Set goals, record progress, close them");
    goal->require_subcommand(1);

    auto add = std::make_shared<GoalAddOptions>();
    CLI::App* add_cmd = goal->add_subcommand("add", "Set a (SMART) goal; prints its id");
    add_cmd->add_option("--title", add->title, "What the goal is, in one line (required)")
        ->check(k_one_line_value);
    add_cmd->add_option("--id", add->id, "The goal's id (default: a slug of the title)")
        ->type_name("SLUG");
    add_cmd->add_option("--owner", add->owners, "Member responsible (repeatable)")
        ->type_name("MEMBER");
    add_cmd->add_option("--measure", add->measure, "How progress is measured")
        ->check(k_one_line_value);
    add_cmd->add_option("--unit", add->unit, "Unit of the values, like % or words/min")
        ->check(k_one_line_value);
    add_cmd->add_option("--baseline", add->baseline, "Value at the start")->type_name("NUM");
    add_cmd->add_option("--target", add->target, "Value to reach")->type_name("NUM");
    add_cmd->add_option("--due", add->due, "Date to reach it by")->check(k_date_value);
    add_edit_options(*add_cmd, add->edit);
    add_cmd->footer(R"(
Examples:
  plg goal add --title "Tafels automatiseren in groep 5" --id tafels-groep5 \
      --owner anna --owner bram --measure "tafels goed in 2 minuten" --unit "%" \
      --baseline 48 --target 80 --due 2026-06-30
  plg goal add --edit                # fill in a commented template in $VISUAL/$EDITOR

Prints the new goal's id (its file is goals/ID.yaml) and nothing else on stdout.)");
    commands.push_back({add_cmd, [add](const Context& ctx) { return run_goal_add(*add, ctx); }});

    auto list = std::make_shared<GoalListOptions>();
    CLI::App* list_cmd = goal->add_subcommand("list", "List goals with how far they have come");
    list_cmd->add_option("--status", list->status, "Which goals: active, achieved, dropped, all")
        ->check(CLI::IsMember(k_status_values))
        ->default_str("all");
    add_format_option(*list_cmd, list->format);
    list_cmd->footer(R"FOOTER(
Examples:
  plg goal list --status active
  plg goal list --format json | jq -r '.[] | "\(.id) \(.percent)"'

Text: ID  STATUS  PERCENT  DUE  TITLE, where PERCENT is how far the latest
progress value has come from the baseline to the target.)FOOTER");
    commands.push_back(
        {list_cmd, [list](const Context& ctx) { return run_goal_list(*list, ctx); }});

    auto show = std::make_shared<GoalShowOptions>();
    CLI::App* show_cmd = goal->add_subcommand("show", "Show a goal: baseline → progress → target");
    show_cmd->add_option("ID", show->id, "The goal's id (see 'plg goal list')")
        ->required()
        ->type_name("GOAL");
    add_format_option(*show_cmd, show->format);
    commands.push_back(
        {show_cmd, [show](const Context& ctx) { return run_goal_show(*show, ctx); }});

    auto progress = std::make_shared<GoalProgressOptions>();
    CLI::App* progress_cmd = goal->add_subcommand("progress", "Record a measured value of a goal");
    progress_cmd->add_option("ID", progress->id, "The goal's id")->required()->type_name("GOAL");
    progress_cmd->add_option("--value", progress->value, "The value measured")
        ->required()
        ->type_name("NUM");
    progress_cmd->add_option("--date", progress->date, "When it was measured (default: today)")
        ->check(k_date_value);
    progress_cmd
        ->add_option("--evidence", progress->evidence,
                     "What the value rests on; '-' reads it from standard input")
        ->type_name("TEXT|-");
    progress_cmd->add_option("--meeting", progress->meeting, "The meeting it was discussed at")
        ->type_name("MEETING");
    progress_cmd->footer(R"(
Example:
  plg goal progress tafels-groep5 --value 62 --date 2026-01-20 \
      --evidence "tempotoets januari" --meeting 2026-01-20-data-januari-h7k2

Adds an entry at the end of the goal's 'progress' list and changes nothing else in
the file: comments and layout stay as they were.)");
    commands.push_back({progress_cmd, [progress](const Context& ctx) {
                            return run_goal_progress(*progress, ctx);
                        }});

    auto close = std::make_shared<GoalCloseOptions>();
    CLI::App* close_cmd = goal->add_subcommand("close", "Mark a goal achieved or dropped (today)");
    close_cmd->add_option("ID", close->id, "The goal's id")->required()->type_name("GOAL");
    auto* achieved = close_cmd->add_flag("--achieved", close->achieved, "The goal was reached");
    auto* dropped = close_cmd->add_flag("--dropped", close->dropped, "The goal was given up");
    achieved->excludes(dropped);
    close_cmd->add_option("--note", close->note, "Why, or what was learned; '-' reads stdin")
        ->type_name("TEXT|-");
    close_cmd->footer(R"(
Examples:
  plg goal close tafels-groep5 --achieved --note "82% in juni"
  plg goal close leesplezier --dropped --note "opgenomen in het schoolplan"

Sets 'status', 'closed' (today) and 'close_note' and changes nothing else.)");
    commands.push_back({close_cmd, [close](const Context& ctx) {
                            if (!close->achieved && !close->dropped) {
                                throw UsageError(
                                    "goal close: say how it ended with --achieved or --dropped");
                            }
                            return run_goal_close(*close, ctx);
                        }});
}

}  // namespace plg::cli
