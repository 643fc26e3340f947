#include <algorithm>
#include <ostream>

#include "commands.hpp"
#include "plg/base/slug.hpp"
#include "plg/base/utf8.hpp"
#include "plg/records/json.hpp"
#include "plg/records/records.hpp"

namespace plg::cli {

namespace {

struct ActionListOptions {
    bool open = false;
    bool done = false;
    bool all = false;
    std::string owner;
    bool overdue = false;
    std::string format = "text";
};

struct ActionDoneOptions {
    std::string id;
    std::string date;  // when it was done; default today
};

struct Found {
    const Meeting* meeting;
    size_t number;  // 1-based
    const ActionItem* action;
    bool overdue;
};

int run_action_list(const ActionListOptions& opt, const Context& ctx) {
    Store store = open_store(ctx);
    Plg plg = load_plg(store, ctx);
    if (!opt.owner.empty()) {
        require_member(*plg.community, opt.owner, "--owner");
    }
    bool want_done = opt.done || opt.all;
    bool want_open = opt.open || opt.all || !opt.done;
    std::vector<Found> found;
    for (const auto& m : plg.meetings) {
        for (size_t i = 0; i < m.actions.size(); ++i) {
            const ActionItem& a = m.actions[i];
            bool overdue = !a.done && a.due && *a.due < ctx.today;
            if ((a.done ? !want_done : !want_open) || (opt.overdue && !overdue) ||
                (!opt.owner.empty() && a.owner != opt.owner)) {
                continue;
            }
            found.push_back({&m, i + 1, &a, overdue});
        }
    }
    // Open actions by due date (none last), then by meeting; done ones after them.
    std::stable_sort(found.begin(), found.end(), [](const Found& x, const Found& y) {
        if (x.action->done != y.action->done) {
            return !x.action->done;
        }
        if (x.action->due.has_value() != y.action->due.has_value()) {
            return x.action->due.has_value();
        }
        return x.action->due && *x.action->due < *y.action->due;
    });
    if (opt.format == "json") {
        nlohmann::json list = nlohmann::json::array();
        for (const auto& f : found) {
            nlohmann::json a = to_json(*f.action);
            a["id"] = f.meeting->id + "#" + std::to_string(f.number);
            a["meeting"] = f.meeting->id;
            a["meeting_date"] = f.meeting->date.iso();
            a["overdue"] = f.overdue;
            list.push_back(std::move(a));
        }
        ctx.out << json_text(list) << '\n';
        return 0;
    }
    size_t id_width = 2;
    size_t owner_width = 5;
    for (const auto& f : found) {
        id_width = std::max(id_width, f.meeting->id.size() + 1 + std::to_string(f.number).size());
        owner_width = std::max(owner_width, f.action->owner.size());
    }
    for (const auto& f : found) {
        const ActionItem& a = *f.action;
        std::string status = a.done ? "done " + (a.done_on ? a.done_on->iso() : std::string())
                                    : (f.overdue ? "OVERDUE" : "open");
        ctx.out << pad(f.meeting->id + "#" + std::to_string(f.number), id_width) << "  "
                << pad(a.due ? a.due->iso() : "-", 10) << "  "
                << pad(a.owner.empty() ? "-" : a.owner, owner_width) << "  " << pad(status, 15)
                << "  " << a.text << '\n';
    }
    return 0;
}

int run_action_done(const ActionDoneOptions& opt, const Context& ctx) {
    size_t hash = opt.id.rfind('#');
    std::string meeting_id = opt.id.substr(0, hash);
    size_t number = 0;
    if (hash != std::string::npos) {
        std::string digits = opt.id.substr(hash + 1);
        bool numeric =
            !digits.empty() && digits.size() < 6 &&
            std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; });
        number = numeric ? std::stoul(digits) : 0;
    }
    if (hash == std::string::npos || number == 0 || !is_record_id(meeting_id)) {
        throw UsageError("'" + opt.id +
                         "' is not an action id; action ids look like "
                         "2026-11-23-data-bespreken-k3m9#2 (see 'plg action list')");
    }
    Date when = opt.date.empty() ? ctx.today : date_arg(ctx, opt.date);
    if (when > ctx.today) {
        throw UsageError("--date " + when.iso() +
                         " is in the future; an action is marked done on the day it was done, "
                         "today or earlier");
    }
    Store store = open_store(ctx);
    require_record(store, Kind::meeting, meeting_id, "action done");
    std::string shown = store.shown(Kind::meeting, meeting_id);
    std::optional<ActionItem> already_done;
    std::string text;
    size_t count = 0;
    store.change(
        Kind::meeting, meeting_id,
        [&](const std::string& bytes) -> std::optional<Revision> {
            Parsed<Meeting> before = read_meeting(shown, bytes, meeting_id, References{});
            if (!before.record) {
                throw InvalidRecord(before.problems);
            }
            count = before.record->actions.size();
            if (number > count) {
                throw Error("the meeting " + meeting_id + " has " + std::to_string(count) +
                            " action(s), so there is no #" + std::to_string(number));
            }
            const ActionItem& action = before.record->actions[number - 1];
            text = action.text;
            if (action.done) {
                already_done = action;
                return std::nullopt;
            }
            if (when < before.record->date) {
                throw Error("--date " + when.iso() +
                            " is before the meeting that agreed the action (" +
                            before.record->date.iso() + "); give the day it was done");
            }
            return edit_action_done(shown, bytes, number, when);
        },
        [&](const std::string& updated) {
            Parsed<Meeting> after = read_meeting(shown, updated, meeting_id, References{});
            if (!after.record || after.record->actions.size() != count ||
                !after.record->actions[number - 1].done) {
                throw Error(
                    "internal error: marking the action done would not give a valid meeting; "
                    "nothing was changed");
            }
        });
    if (already_done) {
        inform(ctx,
               "Already done" +
                   (already_done->done_on ? " on " + already_done->done_on->iso() : std::string()) +
                   ": " + text);
        return 0;
    }
    inform(ctx, "Done: " + text);
    return 0;
}

}  // namespace

void setup_action(CLI::App& app, Commands& commands) {
    CLI::App* action = app.add_subcommand("action", "List action items and mark them done");
    action->require_subcommand(1);

    auto list = std::make_shared<ActionListOptions>();
    CLI::App* list_cmd = action->add_subcommand("list", "List action items across all meetings");
    auto* open = list_cmd->add_flag("--open", list->open, "Only open actions (the default)");
    auto* done = list_cmd->add_flag("--done", list->done, "Only actions that are done");
    auto* all = list_cmd->add_flag("--all", list->all, "Open and done actions");
    open->excludes(done)->excludes(all);
    done->excludes(all);
    list_cmd->add_option("--owner", list->owner, "Only actions of this member")
        ->type_name("MEMBER");
    list_cmd->add_flag("--overdue", list->overdue, "Only open actions past their due date");
    add_format_option(*list_cmd, list->format);
    list_cmd->footer(R"FOOTER(
Examples:
  plg action list                    # open actions, soonest due first
  plg action list --overdue --owner bram
  plg action list --all --format json | jq -r 'group_by(.owner)[] | "\(.[0].owner): \(length)"'

Text: ID  DUE  OWNER  STATUS  TEXT, where ID is MEETING-ID#N, the id 'plg action done'
takes. "Overdue" means open with a due date before today.)FOOTER");
    commands.push_back(
        {list_cmd, [list](const Context& ctx) { return run_action_list(*list, ctx); }});

    auto done_opt = std::make_shared<ActionDoneOptions>();
    CLI::App* done_cmd = action->add_subcommand("done", "Mark an action item done");
    done_cmd->add_option("ACTION-ID", done_opt->id, "MEETING-ID#N, as 'plg action list' shows it")
        ->required()
        ->type_name("ACTION");
    done_cmd->add_option("--date", done_opt->date, "When it was done (default: today)")
        ->check(k_date_value);
    done_cmd->footer(R"(
Examples:
  plg action done 2025-11-25-data-tempotoets-p7q2#2
  plg action done 2025-11-25-data-tempotoets-p7q2#1 --date 2025-12-03

Sets 'done: true' and 'done_on' (today, or --date) on that action in the meeting's file and
changes nothing else in it: comments and layout stay as they were.)");
    commands.push_back(
        {done_cmd, [done_opt](const Context& ctx) { return run_action_done(*done_opt, ctx); }});
}

}  // namespace plg::cli
