#include <algorithm>
#include <ostream>

#include "commands.hpp"
#include "editor.hpp"
#include "plg/base/slug.hpp"
#include "plg/base/text.hpp"
#include "plg/base/utf8.hpp"
#include "plg/records/json.hpp"
#include "plg/records/records.hpp"
#include "plg/report/agenda.hpp"
#include "plg/report/minutes.hpp"

namespace plg::cli {

namespace {

struct MeetingAddOptions {
    std::string date;
    std::string title;
    std::string facilitator;
    std::vector<std::string> attendees;
    std::vector<std::string> absent;
    std::vector<std::string> guests;
    std::vector<std::string> roles;  // ROLE=MEMBER
    int minutes = 0;
    std::vector<std::string> focus;
    std::vector<std::string> agenda;
    std::string notes;
    std::vector<std::string> decisions;
    std::vector<std::string> actions;
    std::vector<std::string> carry;  // ids of earlier meetings' open actions
    bool carry_open = false;
    bool from_agenda = false;
    std::vector<std::string> goals;
    EditOptions edit;
};

struct MeetingNextOptions {
    std::string date;
    std::string format = "md";
};

struct MeetingEditOptions {
    std::string id;
    std::string file;
};

struct MeetingListOptions {
    std::string from;
    std::string to;
    std::string member;
    std::string format = "text";
};

struct MeetingShowOptions {
    std::string id;
    std::string format = "text";
    std::string output;
};

// Parses "TEXT @OWNER due:DATE" (owner and due anywhere, both optional).
ActionItem parse_action(const Context& ctx, const std::string& spec) {
    ActionItem a;
    std::string text;
    size_t i = 0;
    while (i < spec.size()) {
        size_t start = spec.find_first_not_of(' ', i);
        if (start == std::string::npos) {
            break;
        }
        size_t end = spec.find(' ', start);
        std::string word =
            spec.substr(start, end == std::string::npos ? std::string::npos : end - start);
        i = end == std::string::npos ? spec.size() : end;
        if (word.size() > 1 && word[0] == '@') {
            if (!a.owner.empty()) {
                throw UsageError(tr("--action '{}' names two owners; give one @OWNER", spec));
            }
            a.owner = word.substr(1);
        } else if (word.rfind("due:", 0) == 0) {
            a.due = parse_date_arg(word.substr(4), ctx.today);
            if (!a.due) {
                throw UsageError(tr("--action '{}': '{}' is not a date; write due:YYYY-MM-DD", spec,
                                    word.substr(4)));
            }
        } else {
            text += (text.empty() ? "" : " ") + word;
        }
    }
    if (text.empty()) {
        throw UsageError(tr("--action '{}' has no text; write \"TEXT @OWNER due:DATE\"", spec));
    }
    a.text = text;
    return a;
}

std::string meeting_help() {
    return trp(
        "Required: date (YYYY-MM-DD) and title. Lists take one item per line ('  - anna') or\n"
        "inline ([anna, bram]). For several lines of notes write 'notes: |' and indent them.\n"
        "absent: a member id, or '- member: carla' with 'reason: ziek' on the next line.\n"
        "guests: names of people who are not members; never counted in attendance.\n"
        "actions: '- text: ...' with 'owner: ID', 'due: YYYY-MM-DD' and 'done: false' below it;\n"
        "  plg gives each new action an 'id' when you save.\n"
        "carried: ids of earlier meetings' open actions taken up again (see 'plg action list').\n"
        "focus: learn, evidence, support, extend (DuFour's four questions).");
}

// The actions a new meeting on `date` carries: those named (each given an id
// if it has none) and, with `all_open`, every action open on that day that an
// earlier meeting agreed.
std::vector<CarriedAction> carried_actions(const Context& ctx, const Store& store, Date date,
                                           const std::vector<std::string>& refs, bool all_open) {
    std::vector<CarriedAction> out;
    auto add = [&](const std::string& id) {
        if (std::none_of(out.begin(), out.end(),
                         [&](const CarriedAction& c) { return c.id == id; })) {
            out.push_back({id, std::nullopt, 0});
        }
    };
    for (const auto& ref : refs) {
        add(ensure_action_id(store, ref));
    }
    if (all_open) {
        Plg plg = load_plg(store, ctx);
        for (const auto& at : all_actions(plg)) {
            if (at.meeting->date < date && at.action().open_on(date)) {
                add(at.action().id.empty() ? ensure_action_id(store, at.ref()) : at.action().id);
            }
        }
    }
    return out;
}

// Refuses a new meeting whose 'carried' names an action that is not an
// earlier meeting's, or that was done or cancelled before the meeting.
void check_carried(const Context& ctx, const Store& store, const Meeting& m) {
    Plg plg = load_plg(store, ctx, false);
    for (const auto& c : m.carried) {
        std::optional<ActionAt> at = find_action(plg, c.id);
        if (!at) {
            throw Error(
                tr("carried: unknown action '{}'; 'plg action list' shows the open actions "
                   "and their ids",
                   c.id));
        }
        const ActionItem& a = at->action();
        if (at->meeting->date >= m.date) {
            throw Error(
                tr("carried: the action '{}' was agreed on {}, not before this meeting ({})", c.id,
                   at->meeting->date.iso(), m.date.iso()));
        }
        if (!a.open_on(m.date)) {
            throw Error(a.done ? tr("carried: the action '{}' was done before {}; carry only open "
                                    "actions",
                                    c.id, m.date.iso())
                               : tr("carried: the action '{}' was cancelled before {}; carry only "
                                    "open actions",
                                    c.id, m.date.iso()));
        }
    }
}

int run_meeting_add(const MeetingAddOptions& opt, const Context& ctx) {
    if (!opt.from_agenda) {
        require_unless_edited(opt.edit, opt.date, "--date");
    }
    require_unless_edited(opt.edit, opt.title, "--title");
    Store store = open_store(ctx);
    const Community c = load_community(store);
    std::vector<std::string> goal_ids = store.ids(Kind::goal);

    // --from-agenda starts from what 'plg meeting next' proposes; flags given
    // replace its parts.
    Meeting m;
    if (opt.from_agenda) {
        Plg plg = load_plg(store, ctx);
        Agenda agenda = build_agenda(plg, optional_date_arg(ctx, opt.date), ctx.today);
        m = agenda_meeting(agenda, document_language(ctx, plg));
        for (const auto& act : agenda.actions) {
            if (act.at.action().id.empty()) {  // written before ids: give it one to carry
                m.carried.push_back({ensure_action_id(store, act.at.ref()), std::nullopt, 0});
            }
        }
        if (!opt.agenda.empty()) {
            m.agenda.clear();
        }
        if (!opt.goals.empty()) {
            m.goals.clear();
        }
        for (const auto& spec : opt.roles) {
            std::erase_if(m.roles, [&](const auto& held) {
                return held.first == spec.substr(0, spec.find('='));
            });
        }
    } else {
        m.date = opt.date.empty() ? ctx.today : date_arg(ctx, opt.date);
    }
    if (!opt.date.empty()) {
        m.date = date_arg(ctx, opt.date);
    }
    m.title = opt.title;
    if (!opt.facilitator.empty()) {
        require_member(c, opt.facilitator, "--facilitator");
        m.facilitator = opt.facilitator;
    }
    for (const auto& id : opt.attendees) {
        require_member(c, id, "--attendee");
        if (std::find(m.attendees.begin(), m.attendees.end(), id) == m.attendees.end()) {
            m.attendees.push_back(id);
        }
    }
    for (const auto& spec : opt.absent) {
        size_t eq = spec.find('=');
        Absence a{spec.substr(0, eq), eq == std::string::npos ? "" : spec.substr(eq + 1)};
        require_member(c, a.member, "--absent");
        if (std::find(m.attendees.begin(), m.attendees.end(), a.member) != m.attendees.end()) {
            throw UsageError(tr("'{}' is given both as --attendee and as --absent", a.member));
        }
        m.absent.push_back(std::move(a));
    }
    m.guests = opt.guests;
    for (const auto& spec : opt.roles) {
        size_t eq = spec.find('=');
        std::string role = spec.substr(0, eq);
        std::string who = eq == std::string::npos ? "" : spec.substr(eq + 1);
        bool word = !role.empty() && role[0] >= 'a' && role[0] <= 'z' &&
                    std::all_of(role.begin(), role.end(), [](char ch) {
                        return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_' ||
                               ch == '-';
                    });
        for (const char* typed : {"y", "n", "yes", "no", "on", "off", "true", "false", "null"}) {
            word = word && role != typed;
        }
        if (!word || who.empty()) {
            throw UsageError(
                tr("--role '{}': give it as ROLE=MEMBER, the role one word of "
                   "lower-case letters, digits, '_' or '-' (like note_taker=anna or "
                   "timekeeper=bram)",
                   spec));
        }
        require_member(c, who, "--role " + role);
        for (const auto& [r, _] : m.roles) {
            if (r == role) {
                throw UsageError(tr("--role {} is given twice", role));
            }
        }
        m.roles.emplace_back(role, who);
    }
    if (opt.minutes > 0) {
        m.minutes = opt.minutes;
    }
    m.focus = opt.focus;
    m.agenda.insert(m.agenda.end(), opt.agenda.begin(), opt.agenda.end());
    m.notes = opt.notes.empty() ? "" : text_arg(ctx, opt.notes);
    m.decisions = opt.decisions;
    for (const auto& spec : opt.actions) {
        ActionItem a = parse_action(ctx, spec);
        if (!a.owner.empty()) {
            require_member(c, a.owner, "--action");
        }
        m.actions.push_back(std::move(a));
    }
    for (const auto& id : opt.goals) {
        require_id(goal_ids, id, "--goal", "goal");
        m.goals.push_back(id);
    }
    if (!opt.carry.empty() || opt.carry_open) {
        for (auto& more : carried_actions(ctx, store, m.date, opt.carry, opt.carry_open)) {
            if (std::none_of(m.carried.begin(), m.carried.end(),
                             [&](const CarriedAction& had) { return had.id == more.id; })) {
                m.carried.push_back(std::move(more));
            }
        }
    }

    std::set<std::string> goals(goal_ids.begin(), goal_ids.end());
    References refs{&c, &goals, nullptr, {}};
    auto read = [&](const std::string& file, const std::string& text) {
        return read_meeting(file, text, "new", refs);
    };
    std::string help = meeting_help();
    if (!goal_ids.empty()) {
        help += "\n" + tr("Goals: {}", join(goal_ids));
    }
    Drafted<Meeting> drafted =
        draft_record<Meeting>(ctx, store, opt.edit, m, template_help(Kind::meeting, c, help), read);
    const Meeting& saved = drafted.record;
    std::string slug = slugify(saved.title);
    std::string base = saved.date.iso() + "-" + (slug.empty() ? "meeting" : slug);
    std::string text = drafted.text;
    if (!saved.actions.empty()) {
        std::vector<std::string> taken = taken_action_ids(store);
        text = with_action_ids(store.shown(Kind::meeting, base), text, base, taken);
    }
    if (!saved.carried.empty()) {
        check_carried(ctx, store, saved);
    }
    std::string id = *store.create(Kind::meeting, base, text);
    drafted.done();
    ctx.out << id << '\n';
    inform(ctx, tr("Added the meeting {}", store.shown(Kind::meeting, id)));
    return 0;
}

int run_meeting_edit(const MeetingEditOptions& opt, const Context& ctx) {
    Store store = open_store(ctx);
    require_record(store, Kind::meeting, opt.id, "meeting edit");
    std::string shown = store.shown(Kind::meeting, opt.id);
    const Community c = load_community(store);
    std::vector<std::string> goal_ids = store.ids(Kind::goal);
    std::set<std::string> goals(goal_ids.begin(), goal_ids.end());
    References refs{&c, &goals, nullptr, {}};
    CheckText check = [&](const std::string& file, const std::string& text) {
        return read_meeting(file, text, opt.id, refs).problems;
    };

    // A broken file can be edited too: that is how it gets fixed.
    std::string original = store.read(Kind::meeting, opt.id);
    // A file that starts with a byte order mark keeps it; the draft goes without.
    const std::string bom = original.rfind("\xEF\xBB\xBF", 0) == 0 ? "\xEF\xBB\xBF" : "";
    std::string body = original.substr(bom.size());
    std::string help = tr("Editing {}; its id stays {}.", shown, opt.id) + "\n" + meeting_help();
    Draft draft =
        edit_existing(ctx, store, Kind::meeting, body, template_help(Kind::meeting, c, help, false),
                      "plg meeting edit " + opt.id + " --file ", check, opt.file);
    if (draft.text == body) {
        draft.done();
        inform(ctx, tr("No changes to {}", shown));
        return 0;
    }
    store.change(
        Kind::meeting, opt.id,
        [&](const std::string& bytes) {
            if (bytes != original) {
                throw Error(
                    tr("{} was changed by someone else while you edited it; nothing was "
                       "written{} (to merge by hand, run 'plg meeting edit {} --file {}')",
                       shown, draft.kept_note, opt.id, store.shown_path(draft.draft)));
            }
            std::vector<std::string> taken = taken_action_ids(store);
            return std::optional(
                Revision{bom + with_action_ids(shown, draft.text, opt.id, taken), {""}});
        },
        [&](const std::string& updated) {
            std::vector<Diagnostic> problems = check(shown, updated);
            if (has_errors(problems)) {
                throw InvalidRecord(problems);
            }
        });
    draft.done();
    inform(ctx, tr("Saved {}", shown));
    return 0;
}

// A meeting's JSON with its attendance as the reports count it: "expected"
// holds the members on its date and anyone it names (null when it records no
// attendance).
nlohmann::json meeting_json(const Meeting& m, const Community& c) {
    nlohmann::json j = to_json(m);
    j["present"] = m.attendees.size();
    j["expected"] = m.attendees.empty() ? nlohmann::json(nullptr)
                                        : nlohmann::json(expected_members(m, c).size());
    return j;
}

int run_meeting_list(const MeetingListOptions& opt, const Context& ctx) {
    Store store = open_store(ctx);
    Plg plg = load_plg(store, ctx, true, {Kind::meeting});
    std::optional<Date> from = optional_date_arg(ctx, opt.from);
    std::optional<Date> to = optional_date_arg(ctx, opt.to);
    if (!opt.member.empty()) {
        require_member(*plg.community, opt.member, "--member");
    }
    std::vector<const Meeting*> shown;
    for (const auto& m : plg.meetings) {
        bool took_part =
            std::find(m.attendees.begin(), m.attendees.end(), opt.member) != m.attendees.end() ||
            m.facilitator == opt.member;
        if ((from && m.date < *from) || (to && m.date > *to) ||
            (!opt.member.empty() && !took_part)) {
            continue;
        }
        shown.push_back(&m);
    }
    if (opt.format == "json") {
        nlohmann::json list = nlohmann::json::array();
        for (const auto* m : shown) {
            list.push_back(meeting_json(*m, *plg.community));
        }
        ctx.out << json_text(list) << '\n';
        return 0;
    }
    // Titles line up to 40 characters. A longer one is shortened with '…' on a
    // terminal, and whole when piped, moving only its own line on (one
    // 300-character title padded every line to 300 columns).
    constexpr size_t k_max_title_width = 40;
    size_t title_width = 5;
    for (const auto* m : shown) {
        title_width = std::max(title_width, std::min(k_max_title_width, utf8_length(m->title)));
    }
    auto title = [&](const std::string& t) {
        if (!ctx.out_terminal || utf8_length(t) <= k_max_title_width) {
            return t;
        }
        return utf8_prefix(t, k_max_title_width - 1) + "\u2026";
    };
    for (const auto* m : shown) {
        ctx.out << m->date.iso() << "  " << pad(title(m->title), title_width) << "  "
                << pad(attendance_text(*m, *plg.community), 5) << "  " << m->id << '\n';
    }
    return 0;
}

int run_meeting_show(const MeetingShowOptions& opt, const Context& ctx) {
    Store store = open_store(ctx);
    Plg plg = load_plg(store, ctx);
    const Meeting& m = find_record(store, plg.meetings, Kind::meeting, opt.id, "meeting show");
    const Community& c = *plg.community;
    if (opt.format == "json") {
        ctx.out << json_text(meeting_json(m, c)) << '\n';
        return 0;
    }
    if (opt.format == "md" || opt.format == "html") {
        // Minutes to send: in the PLG's language, like its reports.
        write_output(
            ctx, opt.output,
            render_minutes(plg, m, document_language(ctx, plg), ctx.today, opt.format == "html"));
        return 0;
    }
    if (!opt.output.empty()) {
        throw UsageError(tr("-o is for --format md or html, the minutes to send"));
    }
    std::ostream& out = ctx.out;
    LabelColumn col(
        {tr("Date:"), tr("Facilitator:"), tr("Present:"), tr("Absent:"), tr("Guests:"),
         tr("Minutes:"), tr("Focus:"), tr("Protocol:"), tr("Goals:"), tr("Dimensions:")},
        14);
    out << m.title << '\n';
    out << col(tr("Date:")) << m.date.iso() << '\n';
    if (!m.facilitator.empty()) {
        out << col(tr("Facilitator:")) << who(c, m.facilitator) << '\n';
    }
    for (const auto& [role, id] : m.roles) {
        out << col(role + ":") << who(c, id) << '\n';
    }
    if (!m.attendees.empty()) {
        out << col(tr("Present:")) << join(m.attendees) << " "
            << tr("({} expected)", attendance_text(m, c)) << '\n';
    } else if (!m.absent.empty()) {
        out << col(tr("Present:")) << tr("nobody recorded") << '\n';
    }
    std::vector<std::string> absent;
    for (const auto& a : m.absent) {
        absent.push_back(a.member + (a.reason.empty() ? "" : " (" + a.reason + ")"));
    }
    // Members expected but not named count as absent, as in the reports.
    for (const auto& id : unrecorded_members(m, c)) {
        absent.push_back(id + " " + tr("(not recorded)"));
    }
    if (!absent.empty()) {
        out << col(tr("Absent:")) << join(absent) << '\n';
    }
    if (!m.guests.empty()) {
        out << col(tr("Guests:")) << join(m.guests) << '\n';
    }
    if (m.minutes) {
        out << col(tr("Minutes:")) << *m.minutes << '\n';
    }
    if (!m.focus.empty()) {
        out << col(tr("Focus:")) << join(m.focus) << '\n';
    }
    if (!m.protocol.empty()) {
        out << col(tr("Protocol:")) << m.protocol << '\n';
    }
    if (!m.goals.empty()) {
        out << col(tr("Goals:")) << join(m.goals) << '\n';
    }
    if (!m.dimensions.empty()) {
        out << col(tr("Dimensions:")) << join(m.dimensions) << '\n';
    }
    print_list(out, tr("Agenda:"), m.agenda);
    print_block(out, tr("Notes:"), m.notes);
    print_block(out, tr("Data:"), m.data);
    print_list(out, tr("Decisions:"), m.decisions);
    auto print_action = [&](const ActionItem& a, const std::string& ref) {
        out << "  [" << (a.done ? 'x' : a.cancelled ? '-' : ' ') << "] " << ref << "  " << a.text;
        std::vector<std::string> details;
        if (!a.owner.empty()) {
            details.push_back(a.owner);
        }
        if (a.due) {
            details.push_back(tr("due {}", a.due->iso()));
        }
        if (a.done_on) {
            details.push_back(tr("done {}", a.done_on->iso()));
        }
        if (a.cancelled) {
            details.push_back(a.cancelled_on ? tr("cancelled {}", a.cancelled_on->iso())
                                             : tr("cancelled"));
        }
        out << (details.empty() ? "" : " (" + join(details) + ")") << '\n';
    };
    if (!m.actions.empty()) {
        out << tr("Actions:") << '\n';
        for (size_t i = 0; i < m.actions.size(); ++i) {
            print_action(m.actions[i], action_ref(m, i));
        }
    }
    if (!m.carried.empty()) {
        out << tr("Carried from earlier meetings:") << '\n';
        for (const auto& carried : m.carried) {
            if (std::optional<ActionAt> at = find_action(plg, carried.id)) {
                print_action(at->action(), carried.id);
            } else {
                out << "  [?] " << carried.id << "  " << tr("(not found; run 'plg check')") << '\n';
            }
        }
    }
    return 0;
}

int run_meeting_next(const MeetingNextOptions& opt, const Context& ctx) {
    Store store = open_store(ctx);
    Plg plg = load_plg(store, ctx);
    Agenda agenda = build_agenda(plg, optional_date_arg(ctx, opt.date), ctx.today);
    if (opt.format == "json") {
        ctx.out << json_text(agenda_json(agenda)) << '\n';
    } else if (opt.format == "yaml") {
        ctx.out << template_meeting(agenda_meeting(agenda, document_language(ctx, plg)));
    } else {
        ctx.out << agenda_markdown(agenda, document_language(ctx, plg));
    }
    return 0;
}

}  // namespace

void setup_meeting(CLI::App& app, Commands& commands) {
    CLI::App* meeting = app.add_subcommand("meeting", trp("Record, edit, list and show meetings"));
    meeting->require_subcommand(1);

    auto add = std::make_shared<MeetingAddOptions>();
    CLI::App* add_cmd = meeting->add_subcommand("add", trp("Record a meeting; prints its id"));
    add_cmd
        ->add_option("--date", add->date,
                     trp("Date of the meeting (YYYY-MM-DD, today, yesterday); required"))
        ->check(k_date_value);
    add_cmd->add_option("--title", add->title, trp("Title; required"))->check(k_one_line_value);
    add_cmd->add_option("--facilitator", add->facilitator, trp("Member who led the meeting"))
        ->type_name("MEMBER");
    add_cmd->add_option("--attendee", add->attendees, trp("Member who was there (repeatable)"))
        ->type_name("MEMBER");
    add_cmd
        ->add_option("--absent", add->absent,
                     trp("Member who was not, optionally why (repeatable)"))
        ->type_name("MEMBER[=REASON]");
    add_cmd
        ->add_option("--guest", add->guests,
                     trp("Someone who took part without being a member (a speaker, a coach), by "
                         "name; shown in the minutes, never counted in attendance (repeatable)"))
        ->check(k_one_line_value)
        ->type_name("NAME");
    add_cmd
        ->add_option("--role", add->roles,
                     trp("Who held a rotating role, like note_taker=anna or timekeeper=bram "
                         "(repeatable)"))
        ->type_name("ROLE=MEMBER");
    add_cmd->add_option("--minutes", add->minutes, trp("Duration in minutes"))
        ->check(CLI::Range(1, 1440))
        ->type_name("N");
    add_cmd
        ->add_option(
            "--focus", add->focus,
            trp("Which of DuFour's questions: learn, evidence, support, extend (repeatable)"))
        ->check(CLI::IsMember(k_focus_values));
    add_cmd->add_option("--agenda", add->agenda, trp("An agenda item (repeatable)"))
        ->check(k_one_line_value);
    add_cmd->add_option("--notes", add->notes, trp("Notes; '-' reads them from standard input"))
        ->type_name("TEXT|-");
    add_cmd->add_option("--decision", add->decisions, trp("A decision (repeatable)"))
        ->check(k_one_line_value);
    add_cmd->add_option("--action", add->actions, trp("An action item (repeatable)"))
        ->type_name("\"TEXT @OWNER due:DATE\"")
        ->check(k_one_line_value);
    add_cmd
        ->add_option(
            "--carry", add->carry,
            trp("An earlier meeting's open action taken up again in this one (repeatable)"))
        ->type_name("ACTION");
    add_cmd->add_flag("--carry-open", add->carry_open,
                      trp("Carry every action still open on the meeting's date"));
    add_cmd->add_flag("--from-agenda", add->from_agenda,
                      trp("Start from 'plg meeting next': its date, roles, agenda, goals and open "
                          "actions (flags given replace those parts)"));
    add_cmd->add_option("--goal", add->goals, trp("A goal worked on (repeatable)"))
        ->type_name("GOAL");
    add_edit_options(*add_cmd, add->edit);
    add_cmd->footer(
        trp(R"(
Examples:
  plg meeting add --date today --title "Data bespreken" --facilitator anna )"
            "\\\n"
            R"(      --attendee anna --attendee bram --absent carla=ziek --minutes 60 )"
            "\\\n"
            R"(      --decision "Verlengde instructie voor de tafels van 7" )"
            "\\\n"
            R"(      --action "Rekenmuurtjes maken @bram due:2026-12-01" --goal tafels-automatiseren
  id=$(plg meeting add --date 2026-11-23 --title "Lesson study" --notes - < notes.txt)
  plg meeting add --edit --attendee anna     # the rest in $VISUAL/$EDITOR

Prints the new meeting's id (also its file name: meetings/ID.yaml) and nothing else on
stdout. Members and goals must exist; a typo is refused with the nearest valid id.
With --edit, what you save is checked first; if it has errors it is kept in
.plg/drafts/ and the message says how to go on from it.)"));
    commands.push_back({add_cmd, [add](const Context& ctx) { return run_meeting_add(*add, ctx); }});

    auto edit = std::make_shared<MeetingEditOptions>();
    CLI::App* edit_cmd = meeting->add_subcommand("edit", trp("Edit a meeting in $VISUAL/$EDITOR"));
    edit_cmd->add_option("ID", edit->id, trp("The meeting's id (see 'plg meeting list')"))
        ->required()
        ->type_name("MEETING");
    edit_cmd->add_option("--file", edit->file, trp("Start from FILE (a kept draft) instead"))
        ->type_name("FILE");
    edit_cmd->footer(trp(R"(
Example:
  plg meeting edit 2025-11-25-data-tempotoets-p7q2

Opens the meeting's file as it is, comments and all. What you save is checked before
it replaces the file; if it has errors, the file is left as it was and your text is
kept in .plg/drafts/ (the message says how to go on from it). The id stays the same
even when you change the date or title.)"));
    commands.push_back(
        {edit_cmd, [edit](const Context& ctx) { return run_meeting_edit(*edit, ctx); }});

    auto list = std::make_shared<MeetingListOptions>();
    CLI::App* list_cmd = meeting->add_subcommand("list", trp("List meetings, oldest first"));
    list_cmd->add_option("--from", list->from, trp("Only meetings on or after DATE"))
        ->check(k_date_value);
    list_cmd->add_option("--to", list->to, trp("Only meetings on or before DATE"))
        ->check(k_date_value);
    list_cmd->add_option("--member", list->member, trp("Only meetings this member attended or led"))
        ->type_name("MEMBER");
    add_format_option(*list_cmd, list->format);
    list_cmd->footer(trp(R"(
Examples:
  plg meeting list --from 2026-01-01
  plg meeting list --member bram --format json | jq length

Text: one meeting per line: DATE  TITLE  PRESENT/RECORDED  ID. JSON: an array of
meetings with the fields of the file plus "id" (see docs/meeting.md).)"));
    commands.push_back(
        {list_cmd, [list](const Context& ctx) { return run_meeting_list(*list, ctx); }});

    auto next = std::make_shared<MeetingNextOptions>();
    CLI::App* next_cmd =
        meeting->add_subcommand("next", trp("Prepare the next meeting: its agenda, or its file"));
    next_cmd
        ->add_option("--date", next->date,
                     trp("The meeting's date (default: one cadence after the last meeting)"))
        ->check(k_date_value);
    next_cmd
        ->add_option(
            "--format", next->format,
            trp("md: the agenda to send round; json: for scripts; yaml: the meeting's file, "
                "to fill in"))
        ->check(CLI::IsMember({"md", "json", "yaml"}))
        ->default_str("md");
    next_cmd->footer(trp(R"(
Examples:
  plg meeting next > agenda.md                # to send round before the meeting
  plg meeting next --date 2026-12-08 --format json | jq '.actions | length'
  plg meeting add --from-agenda --title "Data bespreken" --attendee anna --attendee bram
  plg meeting add --from-agenda --edit        # the same, filled in in $VISUAL/$EDITOR

The agenda holds the date (one cadence after the last meeting, past any break, never
before today, unless --date), the vision and norms, each active goal with its latest value
and target, every open action with its owner and due date (overdue marked), who facilitates
and holds the other roles (whoever held the role longest ago, or never, is next), and the
question of DuFour's four the last meeting focused on. In the PLG's language.)"));
    commands.push_back(
        {next_cmd, [next](const Context& ctx) { return run_meeting_next(*next, ctx); }});

    auto show = std::make_shared<MeetingShowOptions>();
    CLI::App* show_cmd = meeting->add_subcommand("show", trp("Show one meeting"));
    show_cmd->add_option("ID", show->id, trp("The meeting's id (see 'plg meeting list')"))
        ->required()
        ->type_name("MEETING");
    show_cmd
        ->add_option("--format", show->format,
                     trp("text for the terminal, md or html for the minutes to send, json for "
                         "scripts"))
        ->check(CLI::IsMember({"text", "md", "html", "json"}))
        ->default_str("text");
    show_cmd
        ->add_option("-o,--output", show->output,
                     trp("Write the minutes to FILE (atomically) instead of stdout"))
        ->type_name("FILE");
    show_cmd->footer(trp(R"(
Examples:
  plg meeting show 2025-11-25-data-tempotoets-p7q2
  plg meeting show 2025-11-25-data-tempotoets-p7q2 --format html -o notulen.html
  plg meeting show 2025-11-25-data-tempotoets-p7q2 --format md | pandoc -o notulen.docx

The minutes (md, html) are what to send after a meeting: who was there, who was
absent and why, guests, agenda, notes, decisions, the actions agreed with owners and
due dates, the actions still open from earlier meetings, the goals worked on, and the
next meeting. They are in the PLG's language (or --lang).)"));
    commands.push_back(
        {show_cmd, [show](const Context& ctx) { return run_meeting_show(*show, ctx); }});
}

}  // namespace plg::cli
