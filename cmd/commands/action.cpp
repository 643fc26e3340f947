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
    bool cancelled = false;
    bool all = false;
    std::string owner;
    bool overdue = false;
    std::string format = "text";
};

struct ActionShowOptions {
    std::string id;
    std::string format = "text";
};

struct ActionDoneOptions {
    std::string id;
    std::string date;  // when it was done; default today
};

struct ActionEditOptions {
    std::string id;
    std::string text;
    std::string owner;
    std::string due;
};

struct ActionCancelOptions {
    std::string id;
    std::string note;
    std::string date;
};

struct ActionCarryOptions {
    std::string id;
    std::string to;  // the meeting; default the latest one after the action's
    std::string due;
};

// An action's state on `day`, as 'action list' and 'action show' print it.
std::string status_text(const ActionItem& a, Date today) {
    if (a.done) {
        return a.done_on ? tr("done {}", a.done_on->iso()) : tr("done");
    }
    if (a.cancelled) {
        return a.cancelled_on ? tr("cancelled {}", a.cancelled_on->iso()) : tr("cancelled");
    }
    return a.due && *a.due < today ? tr("OVERDUE") : tr("open");
}

// The later meetings that carried an action (moved it on), by date.
nlohmann::json carried_json(const ActionAt& at, const Plg& plg) {
    const ActionItem& a = at.action();
    nlohmann::json carried = nlohmann::json::array();
    if (!a.id.empty()) {
        for (const Meeting* m : carried_in(plg, a.id)) {
            nlohmann::json due = nullptr;
            for (const auto& c : m->carried) {
                if (c.id == a.id && c.due) {
                    due = c.due->iso();
                }
            }
            carried.push_back({{"meeting", m->id}, {"date", m->date.iso()}, {"due", due}});
        }
    }
    return carried;
}

// The action as it stands on `day`: its due date the last one a meeting that
// carried it gave.
ActionItem action_on(const ActionAt& at, const Plg& plg, Date day) {
    ActionItem a = at.action();
    a.due = due_on(plg, a, day);
    return a;
}

nlohmann::json action_json(const ActionAt& at, const Plg& plg, Date today) {
    const ActionItem a = action_on(at, plg, today);
    nlohmann::json j = to_json(a);
    j["id"] = at.ref();
    j["meeting"] = at.meeting->id;
    j["meeting_date"] = at.meeting->date.iso();
    j["carried"] = carried_json(at, plg);
    j["overdue"] = a.open_on(today) && a.due && *a.due < today;
    return j;
}

// `done`: the action is marked done, else cancelled.
void check_date_arg(Date when, Date today, bool done) {
    if (when > today) {
        throw UsageError(done ? tr("--date {} is in the future; an action is marked done on the "
                                   "day it happened, today or earlier",
                                   when.iso())
                              : tr("--date {} is in the future; an action is cancelled on the "
                                   "day it happened, today or earlier",
                                   when.iso()));
    }
}

// The meeting file and place of the action a user named. A stable id is found
// by scanning the meeting files' text, so that only the file that has it is
// parsed; "MEETING#N" reads that one meeting.
struct Located {
    std::string meeting_id;
    size_t number = 0;  // 1-based
    Meeting meeting;    // as read now

    const ActionItem& action() const { return meeting.actions[number - 1]; }
};

Parsed<Meeting> parse_meeting(const Store& store, const std::string& id, const std::string& bytes) {
    return read_meeting(store.shown(Kind::meeting, id), bytes, id, References{});
}

Located locate_action(const Store& store, const std::string& ref) {
    std::vector<Diagnostic> ignored;
    size_t hash = ref.rfind('#');
    if (hash != std::string::npos) {
        std::string meeting_id = ref.substr(0, hash);
        std::string digits = ref.substr(hash + 1);
        bool numeric =
            !digits.empty() && digits.size() < 6 &&
            std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; });
        if (!numeric || std::stoul(digits) == 0 || !is_record_id(meeting_id)) {
            throw UsageError(
                tr("'{}' is not an action id; action ids look like t7qx, or "
                   "2026-11-23-data-bespreken-k3m9#2 for an action without one "
                   "(see 'plg action list')",
                   ref));
        }
        require_record(store, Kind::meeting, meeting_id, "action");
        Parsed<Meeting> parsed =
            parse_meeting(store, meeting_id, store.read(Kind::meeting, meeting_id));
        if (!parsed.record) {
            throw InvalidRecord(parsed.problems);
        }
        size_t number = std::stoul(digits);
        if (number > parsed.record->actions.size()) {
            size_t count = parsed.record->actions.size();
            throw Error(trn("the meeting {} has {} action, so there is no #{}",
                            "the meeting {} has {} actions, so there is no #{}", count, meeting_id,
                            count, number));
        }
        return {meeting_id, number, std::move(*parsed.record)};
    }
    if (!is_action_id(ref)) {
        throw UsageError(
            tr("'{}' is not an action id; action ids look like t7qx (see 'plg action list')", ref));
    }
    std::vector<Located> found;
    std::vector<std::string> every_id;
    for (const auto& id : store.list(Kind::meeting, ignored)) {
        std::string bytes = store.read(Kind::meeting, id);
        std::vector<std::string> ids;
        scan_action_ids(bytes, ids);
        every_id.insert(every_id.end(), ids.begin(), ids.end());
        if (std::find(ids.begin(), ids.end(), ref) == ids.end()) {
            continue;
        }
        Parsed<Meeting> parsed = parse_meeting(store, id, std::move(bytes));
        if (!parsed.record) {
            throw InvalidRecord(parsed.problems);
        }
        for (size_t i = 0; i < parsed.record->actions.size(); ++i) {
            if (parsed.record->actions[i].id == ref) {
                found.push_back({id, i + 1, *parsed.record});
            }
        }
    }
    if (found.size() > 1) {
        throw Error(
            tr("the action id '{}' is used in {} and in {}; run 'plg check' and give one "
               "of them a new id",
               ref, found[0].meeting_id, found[1].meeting_id));
    }
    if (found.empty()) {
        std::string hint = did_you_mean(ref, every_id);
        throw Error(tr("unknown action '{}'", ref) +
                    (hint.empty() ? tr("; 'plg action list --all' shows the actions") : hint));
    }
    return std::move(found[0]);
}

// Changes one action in its meeting's file: `fields` says what to set, given
// the action as it is when the file is locked. An action without an id gets
// one on the way, so that what is changed can be named again. Returns the
// action's id, or "" when `fields` returned nothing to change.
std::string change_action(
    const Store& store, const Located& at,
    const std::function<std::vector<ActionField>(const ActionItem&, const Meeting&)>& fields) {
    std::string shown = store.shown(Kind::meeting, at.meeting_id);
    std::string id = at.action().id;
    std::vector<std::string> taken =
        id.empty() ? taken_action_ids(store) : std::vector<std::string>{};
    if (id.empty()) {
        id = new_action_id(at.meeting_id + "#" + std::to_string(at.number) + " " + at.action().text,
                           taken);
    }
    bool changed = false;
    size_t count = at.meeting.actions.size();
    store.change(
        Kind::meeting, at.meeting_id,
        [&](const std::string& bytes) -> std::optional<Revision> {
            Parsed<Meeting> now = parse_meeting(store, at.meeting_id, bytes);
            if (!now.record) {
                throw InvalidRecord(now.problems);
            }
            // The file may have changed since it was located: find the action again.
            const Meeting& m = *now.record;
            size_t number = 0;
            for (size_t i = 0; i < m.actions.size(); ++i) {
                if (at.action().id.empty()
                        ? i + 1 == at.number && m.actions[i].text == at.action().text
                        : m.actions[i].id == at.action().id) {
                    number = i + 1;
                }
            }
            if (number == 0) {
                throw Error(
                    tr("{} was changed while plg read it; nothing was written, run the "
                       "command again",
                       shown));
            }
            std::vector<ActionField> set = fields(m.actions[number - 1], m);
            if (set.empty()) {
                return std::nullopt;
            }
            // {"id", ""} asks for nothing but an id; an action that has one keeps it.
            std::erase_if(set, [](const ActionField& f) { return f.key == "id"; });
            if (m.actions[number - 1].id.empty()) {
                set.push_back({"id", id});
            }
            if (set.empty()) {
                return std::nullopt;
            }
            changed = true;
            count = m.actions.size();
            return edit_action(shown, bytes, number, set);
        },
        [&](const std::string& updated) {
            Parsed<Meeting> after = parse_meeting(store, at.meeting_id, updated);
            bool kept = after.record && after.record->actions.size() == count &&
                        std::any_of(after.record->actions.begin(), after.record->actions.end(),
                                    [&](const ActionItem& a) { return a.id == id; });
            if (!kept) {
                throw Error(
                    tr("internal error: changing the action would not give a valid "
                       "meeting; nothing was changed"));
            }
        });
    return changed ? id : std::string();
}

}  // namespace

std::string ensure_action_id(const Store& store, const std::string& ref) {
    Located at = locate_action(store, ref);
    if (!at.action().id.empty()) {
        return at.action().id;
    }
    return change_action(store, at, [](const ActionItem&, const Meeting&) {
        return std::vector<ActionField>{{"id", ""}};
    });
}

std::vector<std::string> taken_action_ids(const Store& store) {
    std::vector<Diagnostic> ignored;
    std::vector<std::string> taken;
    for (const auto& id : store.list(Kind::meeting, ignored)) {
        scan_action_ids(store.read(Kind::meeting, id), taken);
    }
    return taken;
}

namespace {

int run_action_list(const ActionListOptions& opt, const Context& ctx) {
    Store store = open_store(ctx);
    Plg plg = load_plg(store, ctx, true, {Kind::meeting});
    if (!opt.owner.empty()) {
        require_member(*plg.community, opt.owner, "--owner");
    }
    bool any_state = opt.open || opt.done || opt.cancelled;
    std::vector<std::pair<ActionAt, ActionItem>> found;
    for (const auto& at : all_actions(plg)) {
        ActionItem a = action_on(at, plg, ctx.today);
        bool is_open = !a.done && !a.cancelled;
        bool overdue = is_open && a.due && *a.due < ctx.today;
        bool wanted = opt.all || (is_open && (opt.open || !any_state)) || (a.done && opt.done) ||
                      (a.cancelled && opt.cancelled);
        if (!wanted || (opt.overdue && !overdue) || (!opt.owner.empty() && a.owner != opt.owner)) {
            continue;
        }
        found.push_back({at, std::move(a)});
    }
    // Open actions by due date (none last), then by meeting; closed ones after them.
    std::stable_sort(found.begin(), found.end(), [](const auto& x, const auto& y) {
        const ActionItem& a = x.second;
        const ActionItem& b = y.second;
        bool a_open = !a.done && !a.cancelled;
        bool b_open = !b.done && !b.cancelled;
        if (a_open != b_open) {
            return a_open;
        }
        if (a.due.has_value() != b.due.has_value()) {
            return a.due.has_value();
        }
        return a.due && *a.due < *b.due;
    });
    if (opt.format == "json") {
        nlohmann::json list = nlohmann::json::array();
        for (const auto& [at, _] : found) {
            list.push_back(action_json(at, plg, ctx.today));
        }
        ctx.out << json_text(list) << '\n';
        return 0;
    }
    size_t id_width = 2;
    size_t owner_width = 5;
    size_t status_width = 7;
    for (const auto& [at, a] : found) {
        id_width = std::max(id_width, at.ref().size());
        owner_width = std::max(owner_width, a.owner.size());
        status_width = std::max(status_width, utf8_length(status_text(a, ctx.today)));
    }
    for (const auto& [at, a] : found) {
        size_t moves = a.id.empty() ? 0 : carried_in(plg, a.id).size();
        ctx.out << pad(at.ref(), id_width) << "  " << pad(a.due ? a.due->iso() : "-", 10) << "  "
                << pad(a.owner.empty() ? "-" : a.owner, owner_width) << "  "
                << pad(status_text(a, ctx.today), status_width) << "  " << a.text
                << (moves > 0 ? " " + tr("(carried {}x)", moves) : "") << '\n';
    }
    return 0;
}

int run_action_show(const ActionShowOptions& opt, const Context& ctx) {
    Store store = open_store(ctx);
    Plg plg = load_plg(store, ctx, true, {Kind::meeting});
    std::optional<ActionAt> at = find_action(plg, opt.id);
    if (!at) {
        // Says what is wrong with the id (or suggests one); else its file has errors.
        Located located = locate_action(store, opt.id);
        throw Error(tr("the action '{}' is in {}, which has errors; run 'plg check'", opt.id,
                       store.shown(Kind::meeting, located.meeting_id)));
    }
    const ActionItem a = action_on(*at, plg, ctx.today);
    if (opt.format == "json") {
        ctx.out << json_text(action_json(*at, plg, ctx.today)) << '\n';
        return 0;
    }
    const Community& c = *plg.community;
    std::ostream& out = ctx.out;
    LabelColumn col({tr("Id:"), tr("Owner:"), tr("Due:"), tr("Status:"), tr("Agreed:"),
                     tr("Carried:"), tr("Note:")},
                    14);
    out << a.text << '\n';
    out << col(tr("Id:")) << at->ref() << '\n';
    out << col(tr("Owner:")) << (a.owner.empty() ? "-" : who(c, a.owner)) << '\n';
    out << col(tr("Due:")) << (a.due ? a.due->iso() : "-") << '\n';
    out << col(tr("Status:")) << status_text(a, ctx.today) << '\n';
    out << col(tr("Agreed:")) << at->meeting->date.iso() << "  " << at->meeting->title << " ("
        << at->meeting->id << ")\n";
    if (!a.id.empty()) {
        for (const Meeting* m : carried_in(plg, a.id)) {
            out << col(tr("Carried:")) << m->date.iso() << "  " << m->title << " (" << m->id << ")";
            for (const auto& taken_up : m->carried) {
                if (taken_up.id == a.id && taken_up.due) {
                    out << tr(", due from then {}", taken_up.due->iso());
                }
            }
            out << '\n';
        }
    }
    if (!a.note.empty()) {
        out << col(tr("Note:")) << a.note << '\n';
    }
    return 0;
}

// What closing an action (done or cancelled) found: the action's id, and the
// action as it was when it was closed already.
struct Closed {
    std::string id;
    std::optional<ActionItem> already;
    std::string text;
};

// Marks an open action done or cancelled on --date (default today): `fields`
// gives what to set for that day. Leaves a closed one as it is.
Closed close_action(const Context& ctx, const std::string& ref, const std::string& date, bool done,
                    const std::function<std::vector<ActionField>(Date)>& fields) {
    Date when = date.empty() ? ctx.today : date_arg(ctx, date);
    check_date_arg(when, ctx.today, done);
    Store store = open_store(ctx);
    Located at = locate_action(store, ref);
    Closed closed;
    closed.text = at.action().text;
    closed.id = change_action(store, at, [&](const ActionItem& a, const Meeting& m) {
        if (a.done || a.cancelled) {
            closed.already = a;
            return std::vector<ActionField>{};
        }
        if (when < m.date) {
            throw Error(done ? tr("--date {} is before the meeting that agreed the action ({}); "
                                  "give the day it was done",
                                  when.iso(), m.date.iso())
                             : tr("--date {} is before the meeting that agreed the action ({}); "
                                  "give the day it was cancelled",
                                  when.iso(), m.date.iso()));
        }
        return fields(when);
    });
    return closed;
}

int run_action_done(const ActionDoneOptions& opt, const Context& ctx) {
    Closed closed = close_action(ctx, opt.id, opt.date, true, [](Date when) {
        return std::vector<ActionField>{{"done", "true"}, {"done_on", when.iso()}};
    });
    const std::optional<ActionItem>& already = closed.already;
    if (already && already->cancelled) {
        throw Error(already->cancelled_on
                        ? tr("the action '{}' was cancelled on {}, so it cannot be done; agree it "
                             "again in a meeting if it is back",
                             opt.id, already->cancelled_on->iso())
                        : tr("the action '{}' was cancelled, so it cannot be done; agree it "
                             "again in a meeting if it is back",
                             opt.id));
    }
    if (already) {
        inform(ctx, already->done_on
                        ? tr("Already done on {}: {}", already->done_on->iso(), already->text)
                        : tr("Already done: {}", already->text));
        return 0;
    }
    inform(ctx, tr("Done ({}): {}", closed.id, closed.text));
    return 0;
}

int run_action_edit(const ActionEditOptions& opt, const Context& ctx) {
    if (opt.text.empty() && opt.owner.empty() && opt.due.empty()) {
        throw UsageError(tr("give what to change: --text, --owner or --due"));
    }
    Store store = open_store(ctx);
    if (!opt.owner.empty()) {
        require_member(load_community(store), opt.owner, "--owner");
    }
    std::optional<Date> due = optional_date_arg(ctx, opt.due);
    Located at = locate_action(store, opt.id);
    if (due && !at.action().id.empty()) {
        Plg plg = load_plg(store, ctx, false, {Kind::meeting});
        for (const Meeting* m : carried_in(plg, at.action().id)) {
            for (const auto& c : m->carried) {
                if (c.id == at.action().id && c.due) {
                    throw Error(
                        tr("the action's due date was last set when {} carried it; to "
                           "move it again, carry it to the next meeting with 'plg "
                           "action carry {} --due DATE', or change 'due' under "
                           "'carried' there with 'plg meeting edit {}'",
                           store.shown(Kind::meeting, m->id), c.id, m->id));
                }
            }
        }
    }
    std::string id = change_action(store, at, [&](const ActionItem& a, const Meeting& m) {
        if (due && *due < m.date) {
            throw UsageError(tr("--due {} is before the meeting that agreed the action ({})",
                                due->iso(), m.date.iso()));
        }
        std::vector<ActionField> set;
        if (!opt.text.empty() && opt.text != a.text) {
            set.push_back({"text", opt.text});
        }
        if (!opt.owner.empty() && opt.owner != a.owner) {
            set.push_back({"owner", opt.owner});
        }
        if (due && due != a.due) {
            set.push_back({"due", due->iso()});
        }
        return set;
    });
    inform(ctx, id.empty() ? tr("No changes to {}", opt.id) : tr("Changed the action {}", id));
    return 0;
}

int run_action_cancel(const ActionCancelOptions& opt, const Context& ctx) {
    Closed closed = close_action(ctx, opt.id, opt.date, false, [&](Date when) {
        std::vector<ActionField> set{{"cancelled", "true"}, {"cancelled_on", when.iso()}};
        if (!opt.note.empty()) {
            set.push_back({"note", opt.note});
        }
        return set;
    });
    const std::optional<ActionItem>& already = closed.already;
    if (already && already->done) {
        throw Error(already->done_on ? tr("the action '{}' is done ({}); a done action is not "
                                          "cancelled",
                                          opt.id, already->done_on->iso())
                                     : tr("the action '{}' is done; a done action is not "
                                          "cancelled",
                                          opt.id));
    }
    if (already) {
        inform(ctx, tr("Already cancelled: {}", already->text));
        return 0;
    }
    inform(ctx, tr("Cancelled ({}): {}", closed.id, closed.text));
    return 0;
}

int run_action_carry(const ActionCarryOptions& opt, const Context& ctx) {
    Store store = open_store(ctx);
    Located at = locate_action(store, opt.id);
    const ActionItem& a = at.action();
    if (a.done || a.cancelled) {
        throw Error(a.done ? tr("the action '{}' is done; only an open action is carried to a "
                                "later meeting",
                                opt.id)
                           : tr("the action '{}' is cancelled; only an open action is carried "
                                "to a later meeting",
                                opt.id));
    }
    // The meeting it moves on to: --to, else the latest meeting after it, by
    // the date in the file (a file's name keeps the date it was made with).
    std::string to = opt.to;
    if (to.empty()) {
        Plg plg = load_plg(store, ctx, false, {Kind::meeting});
        std::optional<Date> to_date;
        for (const auto& m : plg.meetings) {
            if (m.date > at.meeting.date && (!to_date || m.date >= *to_date)) {
                to = m.id;
                to_date = m.date;
            }
        }
        if (to.empty()) {
            throw Error(
                tr("no meeting after {} to carry the action to; record it first ('plg "
                   "meeting add'), or give --to MEETING",
                   at.meeting.date.iso()));
        }
    }
    require_record(store, Kind::meeting, to, "--to");
    Parsed<Meeting> target = parse_meeting(store, to, store.read(Kind::meeting, to));
    if (!target.record) {
        throw InvalidRecord(target.problems);
    }
    if (target.record->date <= at.meeting.date) {
        throw UsageError(
            tr("--to {} is on {}, not after the meeting that agreed the action "
               "({}); carry it to a later meeting",
               to, target.record->date.iso(), at.meeting.date.iso()));
    }
    std::optional<Date> due = optional_date_arg(ctx, opt.due);
    if (due && *due < target.record->date) {
        throw UsageError(tr("--due {} is before the meeting it is carried to ({})", due->iso(),
                            target.record->date.iso()));
    }
    // The action first gets its id, then the later meeting names it (with the
    // new due date): an interruption between the two leaves an action with an
    // id that nothing carries, never a 'carried' that names nothing. The action
    // keeps the due date it was agreed with, for reports of earlier periods.
    std::string id = a.id.empty() ? ensure_action_id(store, opt.id) : a.id;
    std::string shown = store.shown(Kind::meeting, to);
    bool already = false;
    store.change(
        Kind::meeting, to,
        [&](const std::string& bytes) -> std::optional<Revision> {
            Parsed<Meeting> now = parse_meeting(store, to, bytes);
            if (!now.record) {
                throw InvalidRecord(now.problems);
            }
            for (const auto& c : now.record->carried) {
                already = already || c.id == id;
            }
            if (already) {
                return std::nullopt;
            }
            return edit_add_carried(shown, bytes, id, due);
        },
        [&](const std::string& updated) {
            Parsed<Meeting> after = parse_meeting(store, to, updated);
            if (!after.record || after.record->carried.empty() ||
                after.record->carried.back().id != id) {
                throw Error(
                    tr("internal error: carrying the action would not give a valid "
                       "meeting; nothing was changed"));
            }
        });
    if (already) {
        inform(ctx, tr("Already carried to {}: {}", shown, a.text));
    } else if (due) {
        inform(ctx, tr("Carried ({}) to {}, due {}: {}", id, shown, due->iso(), a.text));
    } else {
        inform(ctx, tr("Carried ({}) to {}: {}", id, shown, a.text));
    }
    return 0;
}

// The ACTION-ID every action subcommand takes.
void add_action_id(CLI::App& cmd, std::string& id) {
    cmd.add_option("ACTION-ID", id, trp("As 'plg action list' shows it"))
        ->required()
        ->type_name("ACTION");
}

}  // namespace

void setup_action(CLI::App& app, Commands& commands) {
    CLI::App* action = app.add_subcommand(
        "action", trp("List, show, change, carry, cancel and finish action items"));
    action->require_subcommand(1);

    auto list = std::make_shared<ActionListOptions>();
    CLI::App* list_cmd =
        action->add_subcommand("list", trp("List action items across all meetings"));
    auto* open = list_cmd->add_flag("--open", list->open, trp("Open actions (the default)"));
    auto* done = list_cmd->add_flag("--done", list->done, trp("Actions that are done"));
    auto* cancelled = list_cmd->add_flag("--cancelled", list->cancelled, trp("Cancelled actions"));
    auto* all = list_cmd->add_flag("--all", list->all, trp("Every action"));
    all->excludes(open)->excludes(done)->excludes(cancelled);
    list_cmd->add_option("--owner", list->owner, trp("Only actions of this member"))
        ->type_name("MEMBER");
    list_cmd->add_flag("--overdue", list->overdue, trp("Only open actions past their due date"));
    add_format_option(*list_cmd, list->format);
    list_cmd->footer(trp(R"FOOTER(
Examples:
  plg action list                    # open actions, soonest due first
  plg action list --overdue --owner bram
  plg action list --done --cancelled # what was closed, either way
  plg action list --all --format json | jq -r 'group_by(.owner)[] | "\(.[0].owner): \(length)"'

Text: ID  DUE  OWNER  STATUS  TEXT, with "(carried 2x)" after an action taken up again
in later meetings. ID is the action's own id (like t7qx); an action written before
plg gave ids shows MEETING-ID#N instead. "Overdue" means open with a due date before
today.)FOOTER"));
    commands.push_back(
        {list_cmd, [list](const Context& ctx) { return run_action_list(*list, ctx); }});

    auto show = std::make_shared<ActionShowOptions>();
    CLI::App* show_cmd = action->add_subcommand("show", trp("Show one action and its history"));
    add_action_id(*show_cmd, show->id);
    add_format_option(*show_cmd, show->format);
    show_cmd->footer(trp(R"(
Example:
  plg action show t7qx

Shows who owns it, when it is due, the meeting that agreed it, each later meeting
that carried it, and whether it is open, done or cancelled.)"));
    commands.push_back(
        {show_cmd, [show](const Context& ctx) { return run_action_show(*show, ctx); }});

    auto done_opt = std::make_shared<ActionDoneOptions>();
    CLI::App* done_cmd = action->add_subcommand("done", trp("Mark an action item done"));
    add_action_id(*done_cmd, done_opt->id);
    done_cmd->add_option("--date", done_opt->date, trp("When it was done (default: today)"))
        ->check(k_date_value);
    done_cmd->footer(trp(R"(
Examples:
  plg action done t7qx
  plg action done t7qx --date 2025-12-03
  plg action done 2025-11-25-data-tempotoets-p7q2#1   # an action without an id

Sets 'done: true' and 'done_on' (today, or --date) on that action in the meeting's file and
changes nothing else in it: comments and layout stay as they were. An action without an
id gets one on the way.)"));
    commands.push_back(
        {done_cmd, [done_opt](const Context& ctx) { return run_action_done(*done_opt, ctx); }});

    auto edit = std::make_shared<ActionEditOptions>();
    CLI::App* edit_cmd =
        action->add_subcommand("edit", trp("Change an action's text, owner or due date"));
    add_action_id(*edit_cmd, edit->id);
    edit_cmd->add_option("--text", edit->text, trp("What is to be done"))->check(k_one_line_value);
    edit_cmd->add_option("--owner", edit->owner, trp("Who does it"))->type_name("MEMBER");
    edit_cmd->add_option("--due", edit->due, trp("When it is due"))->check(k_date_value);
    edit_cmd->footer(trp(R"(
Examples:
  plg action edit t7qx --due 2026-01-15
  plg action edit t7qx --owner carla --text "Oefenkaart voor ouders vertalen"

Changes only what you give, in the meeting that agreed the action; comments and layout
stay. To move an action on to a later meeting, use 'plg action carry'.)"));
    commands.push_back(
        {edit_cmd, [edit](const Context& ctx) { return run_action_edit(*edit, ctx); }});

    auto cancel = std::make_shared<ActionCancelOptions>();
    CLI::App* cancel_cmd =
        action->add_subcommand("cancel", trp("Cancel an action item that will not be done"));
    add_action_id(*cancel_cmd, cancel->id);
    cancel_cmd->add_option("--note", cancel->note, trp("Why it is cancelled"))
        ->check(k_one_line_value);
    cancel_cmd->add_option("--date", cancel->date, trp("When it was cancelled (default: today)"))
        ->check(k_date_value);
    cancel_cmd->footer(trp(R"(
Example:
  plg action cancel t7qx --note "Niet meer nodig: de methode heeft een oefenkaart"

Sets 'cancelled: true', 'cancelled_on' and 'note' on the action. A cancelled action is
neither open nor overdue; reports count it as cancelled.)"));
    commands.push_back(
        {cancel_cmd, [cancel](const Context& ctx) { return run_action_cancel(*cancel, ctx); }});

    auto carry = std::make_shared<ActionCarryOptions>();
    CLI::App* carry_cmd =
        action->add_subcommand("carry", trp("Carry an open action forward to a later meeting"));
    add_action_id(*carry_cmd, carry->id);
    carry_cmd
        ->add_option("--to", carry->to,
                     trp("The meeting it is taken up in (default: the latest meeting after it)"))
        ->type_name("MEETING");
    carry_cmd->add_option("--due", carry->due, trp("A new due date"))->check(k_date_value);
    carry_cmd->footer(trp(R"(
Examples:
  plg action carry t7qx                       # to the latest meeting
  plg action carry t7qx --to 2026-01-20-bijsturen-h5v1 --due 2026-02-01

Adds the action's id (with --due, and the new due date) to the later meeting's 'carried'
list. It stays one action with one id: agreed in its meeting, moved on in each meeting
that carries it, done or cancelled once. The due date it was agreed with stays where it
was, so a report for an earlier period still sees the date that held then. 'plg meeting add
--carry ID' and 'plg meeting next' do the same for a new meeting.)"));
    commands.push_back(
        {carry_cmd, [carry](const Context& ctx) { return run_action_carry(*carry, ctx); }});
}

}  // namespace plg::cli
