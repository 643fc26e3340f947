#include <algorithm>
#include <cmath>
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

struct GoalAddOptions {
    std::string title;
    std::string id;
    std::vector<std::string> owners;
    std::string measure;
    std::string unit;
    std::optional<double> baseline;
    std::optional<double> target;
    std::string due;
    std::string date;  // when the goal was set: 'created'
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
    bool not_achieved = false;
    bool dropped = false;
    std::string date;
    std::string note;
};

double finite(double value, std::string_view flag) {
    if (!std::isfinite(value)) {
        throw UsageError(tr("{} must be a finite number, like 40 or 12.5", flag));
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
    auto goals = store.ids(Kind::goal);
    auto meetings = store.ids(Kind::meeting);
    return {
        load_community(store), {goals.begin(), goals.end()}, {meetings.begin(), meetings.end()}};
}

int run_goal_add(const GoalAddOptions& opt, const Context& ctx) {
    require_unless_edited(opt.edit, opt.title, "--title");
    Store store = open_store(ctx);
    GoalRefs refs = goal_refs(store);
    if (!opt.id.empty() && !is_record_id(opt.id)) {
        throw UsageError(
            tr("--id '{}' is not a valid goal id; use lower-case letters, digits "
               "and '-', like 'tafels-automatiseren'",
               opt.id));
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
    g.created = opt.date.empty() ? ctx.today : date_arg(ctx, opt.date);
    if (*g.created > ctx.today) {
        throw UsageError(
            tr("--date {} is in the future; a goal is set on the day it was agreed, "
               "today or earlier",
               g.created->iso()));
    }

    References check_refs{&refs.community, &refs.goals, &refs.meetings, {}};
    auto read = [&](const std::string& file, const std::string& text) {
        return read_goal(file, text, "new", check_refs);
    };
    std::string help = template_help(
        Kind::goal, refs.community,
        trp("Required: title. Numbers (baseline, target) are plain: 48 or 12.5; dates YYYY-MM-DD.\n"
            "owners is a list of member ids, one per line ('  - anna') or inline ([anna, bram]).\n"
            "Leave 'progress:' as it is: 'plg goal progress' adds the measurements there."));
    Drafted<Goal> drafted = draft_record<Goal>(ctx, store, opt.edit, g, help, read);
    if (!drafted.record.created) {
        // A goal given whole (--file, or an edit that cleared it) is set today;
        // reports for earlier periods leave it out.
        drafted.text = edit_set_created("the new goal", drafted.text, ctx.today).bytes;
        drafted.record.created = ctx.today;
    }
    std::string id = opt.id;
    if (id.empty()) {
        id = slugify(drafted.record.title);
        if (id.empty()) {
            throw UsageError(
                tr("the title '{}' gives no usable id; give one with --id, like --id "
                   "reading-fluency",
                   drafted.record.title));
        }
    }
    if (!store.create(Kind::goal, id, drafted.text)) {
        throw Error(tr("a goal with the id '{}' already exists ({}); choose another with --id{}",
                       id, store.shown(Kind::goal, id), drafted.kept_note));
    }
    drafted.done();
    ctx.out << id << '\n';
    inform(ctx, tr("Added the goal {}", store.shown(Kind::goal, id)));
    return 0;
}

std::string number_with_unit(double value, const std::string& unit) {
    std::string number = local_decimal(format_number(value));
    return unit == "%" ? tr("{}%", number) : number + (unit.empty() ? "" : " " + unit);
}

std::string percent_text(const Goal& g) {
    auto p = g.percent();
    return p ? tr("{}%", fmt::format("{:.0f}", *p)) : std::string("-");
}

// A goal's status in the message language.
std::string status_word(GoalStatus status) {
    // The words of the files are the msgids (the report's labels mark them).
    return std::string(translate(current_language(), "goal status", to_string(status)));
}

// "not-achieved" on the command line (a value without a space completes and
// needs no quotes) is the status "not achieved" of the files.
const std::vector<std::string> k_status_values = {"active", "achieved", "not-achieved", "dropped",
                                                  "all"};

int run_goal_list(const GoalListOptions& opt, const Context& ctx) {
    Store store = open_store(ctx);
    Plg plg = load_plg(store, ctx, true, {Kind::goal});
    std::string wanted = opt.status == "not-achieved" ? "not achieved" : opt.status;
    std::vector<const Goal*> shown;
    for (const auto& g : plg.goals) {
        if (wanted == "all" || to_string(g.status) == wanted) {
            shown.push_back(&g);
        }
    }
    if (opt.format == "json") {
        nlohmann::json list = nlohmann::json::array();
        for (const auto* g : shown) {
            nlohmann::json j = to_json(*g);
            j["overdue"] = g->overdue_on(ctx.today);
            list.push_back(std::move(j));
        }
        ctx.out << json_text(list) << '\n';
        return 0;
    }
    size_t id_width = 2;
    for (const auto* g : shown) {
        id_width = std::max(id_width, g->id.size());
    }
    size_t status_width = 12;
    for (const auto* g : shown) {
        status_width = std::max(status_width, utf8_length(status_word(g->status)));
    }
    for (const auto* g : shown) {
        ctx.out << pad(g->id, id_width) << "  " << pad(status_word(g->status), status_width) << "  "
                << pad(percent_text(*g), 5) << "  " << pad(g->due ? g->due->iso() : "-", 10) << "  "
                << g->title << (g->overdue_on(ctx.today) ? "  " + tr("(past due)") : "") << '\n';
    }
    return 0;
}

int run_goal_show(const GoalShowOptions& opt, const Context& ctx) {
    Store store = open_store(ctx);
    Plg plg = load_plg(store, ctx, true, {Kind::goal});
    const Goal& g = find_record(store, plg.goals, Kind::goal, opt.id, "goal show");
    if (opt.format == "json") {
        ctx.out << json_text(to_json(g)) << '\n';
        return 0;
    }
    const Community& c = *plg.community;
    std::ostream& out = ctx.out;
    LabelColumn col(
        {tr("Status:"), tr("Owners:"), tr("Measure:"), tr("Due:"), tr("Created:"), tr("Progress:")},
        11);
    out << g.title << '\n';
    std::string status =
        g.closed ? tr("{} on {}", status_word(g.status), g.closed->iso()) : status_word(g.status);
    out << col(tr("Status:")) << status << '\n';
    if (!g.owners.empty()) {
        std::vector<std::string> owners;
        for (const auto& id : g.owners) {
            owners.push_back(who(c, id));
        }
        out << col(tr("Owners:")) << join(owners) << '\n';
    }
    if (!g.measure.empty()) {
        out << col(tr("Measure:")) << g.measure << (g.unit.empty() ? "" : " (" + g.unit + ")")
            << '\n';
    }
    if (g.due) {
        out << col(tr("Due:")) << g.due->iso() << '\n';
    }
    if (g.created) {
        out << col(tr("Created:")) << g.created->iso() << '\n';
    }
    auto value = [&](const std::optional<double>& v) {
        return v ? number_with_unit(*v, g.unit) : std::string("?");
    };
    if (g.baseline || g.target || !g.progress.empty()) {
        out << col(tr("Progress:")) << value(g.baseline) << " → " << value(g.latest()) << " → "
            << value(g.target);
        auto p = g.percent();
        out << "  (" << (p ? tr("{}% of the way; ", fmt::format("{:.0f}", *p)) : std::string())
            << tr("baseline → latest → target") << ")\n";
    }
    print_block(out, tr("Note:"), g.close_note);
    if (!g.progress.empty()) {
        out << tr("Entries:") << '\n';
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
                line += "  " + tr("(meeting {})", p.meeting);
            }
            out << line << '\n';
        }
    }
    return 0;
}

// Changes the goal `id` with `edit(bytes, goal)`, which returns the new bytes or
// nullopt (nothing to change); `intended(before, after)` says whether the result
// reads as the change meant. Returns the goal as it was before, and as it is
// after the change when there was one.
template <typename Edit, typename Intended>
std::pair<Goal, std::optional<Goal>> change_goal(const Store& store, const std::string& id,
                                                 std::string_view command, std::string_view what,
                                                 Edit edit, Intended intended) {
    require_record(store, Kind::goal, id, command);
    std::string shown = store.shown(Kind::goal, id);
    Goal before;
    std::optional<Goal> changed;
    store.change(
        Kind::goal, id,
        [&](const std::string& bytes) -> std::optional<Revision> {
            Parsed<Goal> parsed = read_goal(shown, bytes, id, References{});
            if (!parsed.record) {
                throw InvalidRecord(parsed.problems);
            }
            before = std::move(*parsed.record);
            return edit(shown, bytes, before);
        },
        [&](const std::string& updated) {
            Parsed<Goal> after = read_goal(shown, updated, id, References{});
            if (!after.record || !intended(before, *after.record)) {
                throw Error(
                    tr("internal error: {} would not give a valid goal; nothing was "
                       "changed",
                       what));
            }
            changed = std::move(*after.record);
        });
    return {std::move(before), std::move(changed)};
}

int run_goal_progress(const GoalProgressOptions& opt, const Context& ctx) {
    Store store = open_store(ctx);
    Progress p;
    p.value = finite(opt.value, "--value");
    p.date = opt.date.empty() ? ctx.today : date_arg(ctx, opt.date);
    p.evidence = opt.evidence.empty() ? "" : text_arg(ctx, opt.evidence);
    if (!opt.meeting.empty()) {
        require_id(store.ids(Kind::meeting), opt.meeting, "--meeting", "meeting");
        p.meeting = opt.meeting;
    }
    auto [before, after] = change_goal(
        store, opt.id, "goal progress", tr("adding the progress entry"),
        [&](const std::string& shown, const std::string& bytes, const Goal&) {
            return std::optional(edit_add_progress(shown, bytes, p));
        },
        [](const Goal& was, const Goal& is) {
            return is.progress.size() == was.progress.size() + 1;
        });
    std::string summary =
        tr("Progress on {}: {} on {}", opt.id, local_decimal(format_number(p.value)), p.date.iso());
    if (auto pct = after->percent()) {
        summary += tr("; now {}% of the way to the target", fmt::format("{:.0f}", *pct));
    }
    if (before.status != GoalStatus::active) {
        summary += tr("; note that the goal's status is {}", status_word(before.status));
    }
    inform(ctx, summary);
    return 0;
}

int run_goal_close(const GoalCloseOptions& opt, const Context& ctx) {
    Store store = open_store(ctx);
    GoalStatus status = opt.achieved       ? GoalStatus::achieved
                        : opt.not_achieved ? GoalStatus::not_achieved
                                           : GoalStatus::dropped;
    Date when = opt.date.empty() ? ctx.today : date_arg(ctx, opt.date);
    if (when > ctx.today) {
        throw UsageError(
            tr("--date {} is in the future; a goal is closed on the day it ended, "
               "today or earlier",
               when.iso()));
    }
    std::string note = opt.note.empty() ? "" : text_arg(ctx, opt.note);
    auto [before, after] = change_goal(
        store, opt.id, "goal close", tr("closing the goal"),
        [&](const std::string& shown, const std::string& bytes,
            const Goal& goal) -> std::optional<Revision> {
            if (goal.status == status) {
                return std::nullopt;
            }
            if (goal.status != GoalStatus::active) {
                throw Error(
                    tr("the goal {} is already closed as {}; to change that, edit "
                       "'status' in {}",
                       opt.id, status_word(goal.status), shown));
            }
            if (goal.created && when < *goal.created) {
                throw Error(
                    tr("--date {} is before the goal was created ({}); give the day it "
                       "ended",
                       when.iso(), goal.created->iso()));
            }
            return edit_close_goal(shown, bytes, status, when, note);
        },
        [&](const Goal&, const Goal& is) { return is.status == status; });
    if (!after) {
        inform(ctx, before.closed
                        ? tr("The goal {} is already closed as {} (since {})", opt.id,
                             status_word(status), before.closed->iso())
                        : tr("The goal {} is already closed as {}", opt.id, status_word(status)));
        return 0;
    }
    inform(ctx, tr("Closed the goal {} as {} on {}", opt.id, status_word(status), when.iso()));
    return 0;
}

}  // namespace

void setup_goal(CLI::App& app, Commands& commands) {
    CLI::App* goal = app.add_subcommand("goal", trp("Set goals, record progress, close them"));
    goal->require_subcommand(1);

    auto add = std::make_shared<GoalAddOptions>();
    CLI::App* add_cmd = goal->add_subcommand("add", trp("Set a (SMART) goal; prints its id"));
    add_cmd->add_option("--title", add->title, trp("What the goal is, in one line (required)"))
        ->check(k_one_line_value);
    add_cmd->add_option("--id", add->id, trp("The goal's id (default: a slug of the title)"))
        ->type_name("SLUG");
    add_cmd->add_option("--owner", add->owners, trp("Member responsible (repeatable)"))
        ->type_name("MEMBER");
    add_cmd->add_option("--measure", add->measure, trp("How progress is measured"))
        ->check(k_one_line_value);
    add_cmd->add_option("--unit", add->unit, trp("Unit of the values, like % or words/min"))
        ->check(k_one_line_value);
    add_cmd->add_option("--baseline", add->baseline, trp("Value at the start"))
        ->transform(k_number_value)
        ->type_name("NUM");
    add_cmd->add_option("--target", add->target, trp("Value to reach"))
        ->transform(k_number_value)
        ->type_name("NUM");
    add_cmd->add_option("--due", add->due, trp("Date to reach it by"))->check(k_date_value);
    add_cmd
        ->add_option("--date", add->date,
                     trp("When the goal was set (default: today); reports count it from then"))
        ->check(k_date_value);
    add_edit_options(*add_cmd, add->edit);
    add_cmd->footer(
        trp(R"(
Examples:
  plg goal add --title "Tafels automatiseren in groep 5" --id tafels-groep5 )"
            "\\\n"
            R"(      --owner anna --owner bram --measure "tafels goed in 2 minuten" --unit "%" )"
            "\\\n"
            R"(      --baseline 48 --target 80 --due 2026-06-30
  plg goal add --edit                # fill in a commented template in $VISUAL/$EDITOR

Prints the new goal's id (its file is goals/ID.yaml) and nothing else on stdout.)"));
    commands.push_back({add_cmd, [add](const Context& ctx) { return run_goal_add(*add, ctx); }});

    auto list = std::make_shared<GoalListOptions>();
    CLI::App* list_cmd =
        goal->add_subcommand("list", trp("List goals with how far they have come"));
    list_cmd
        ->add_option("--status", list->status,
                     trp("Which goals: active, achieved, not-achieved, dropped, all"))
        ->check(CLI::IsMember(k_status_values))
        ->default_str("all");
    add_format_option(*list_cmd, list->format);
    list_cmd->footer(trp(R"FOOTER(
Examples:
  plg goal list --status active
  plg goal list --format json | jq -r '.[] | "\(.id) \(.percent)"'

Text: ID  STATUS  PERCENT  DUE  TITLE, where PERCENT is how far the latest
progress value has come from the baseline to the target; "(past due)" marks an
active goal whose due date has passed. JSON: as 'goal show --format json', with
"overdue" (true for such a goal).)FOOTER"));
    commands.push_back(
        {list_cmd, [list](const Context& ctx) { return run_goal_list(*list, ctx); }});

    auto show = std::make_shared<GoalShowOptions>();
    CLI::App* show_cmd =
        goal->add_subcommand("show", trp("Show a goal: baseline → progress → target"));
    show_cmd->add_option("ID", show->id, trp("The goal's id (see 'plg goal list')"))
        ->required()
        ->type_name("GOAL");
    add_format_option(*show_cmd, show->format);
    commands.push_back(
        {show_cmd, [show](const Context& ctx) { return run_goal_show(*show, ctx); }});

    auto progress = std::make_shared<GoalProgressOptions>();
    CLI::App* progress_cmd =
        goal->add_subcommand("progress", trp("Record a measured value of a goal"));
    progress_cmd->add_option("ID", progress->id, trp("The goal's id"))
        ->required()
        ->type_name("GOAL");
    progress_cmd->add_option("--value", progress->value, trp("The value measured (7.5 or 7,5)"))
        ->required()
        ->transform(k_number_value)
        ->type_name("NUM");
    progress_cmd->add_option("--date", progress->date, trp("When it was measured (default: today)"))
        ->check(k_date_value);
    progress_cmd
        ->add_option("--evidence", progress->evidence,
                     trp("What the value rests on; '-' reads it from standard input"))
        ->type_name("TEXT|-");
    progress_cmd->add_option("--meeting", progress->meeting, trp("The meeting it was discussed at"))
        ->type_name("MEETING");
    progress_cmd->footer(
        trp(R"(
Example:
  plg goal progress tafels-groep5 --value 62 --date 2026-01-20 )"
            "\\\n"
            R"(      --evidence "tempotoets januari" --meeting 2026-01-20-data-januari-h7k2

Adds an entry at the end of the goal's 'progress' list and changes nothing else in
the file: comments and layout stay as they were.)"));
    commands.push_back({progress_cmd, [progress](const Context& ctx) {
                            return run_goal_progress(*progress, ctx);
                        }});

    auto close = std::make_shared<GoalCloseOptions>();
    CLI::App* close_cmd =
        goal->add_subcommand("close", trp("Mark a goal achieved, not achieved or dropped"));
    close_cmd->add_option("ID", close->id, trp("The goal's id"))->required()->type_name("GOAL");
    auto* achieved =
        close_cmd->add_flag("--achieved", close->achieved, trp("The goal was reached"));
    auto* not_achieved =
        close_cmd->add_flag("--not-achieved", close->not_achieved,
                            trp("The goal ended (its time was up) without reaching the target"));
    auto* dropped = close_cmd->add_flag("--dropped", close->dropped,
                                        trp("The goal was given up before its end"));
    achieved->excludes(not_achieved)->excludes(dropped);
    not_achieved->excludes(dropped);
    close_cmd->add_option("--date", close->date, trp("The day it ended (default: today)"))
        ->check(k_date_value)
        ->type_name("DATE");
    close_cmd->add_option("--note", close->note, trp("Why, or what was learned; '-' reads stdin"))
        ->type_name("TEXT|-");
    close_cmd->footer(trp(R"(
Examples:
  plg goal close tafels-groep5 --achieved --note "82% in juni"
  plg goal close grade11-functions --not-achieved --date 2026-10-13 )"
                          "\\\n"
                          R"(      --note "Ended at 71% against 75%"
  plg goal close leesplezier --dropped --note "opgenomen in het schoolplan"

Sets 'status', 'closed' (--date, else today) and 'close_note' and changes nothing
else. Reports for a period that ends before the 'closed' date show the goal
still active, with the measurements made by then.)"));
    commands.push_back({close_cmd, [close](const Context& ctx) {
                            if (!close->achieved && !close->not_achieved && !close->dropped) {
                                throw UsageError(
                                    tr("goal close: say how it ended with --achieved, "
                                       "--not-achieved or --dropped"));
                            }
                            return run_goal_close(*close, ctx);
                        }});
}

}  // namespace plg::cli
