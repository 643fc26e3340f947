#include "plg/export/tables.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "plg/records/goal.hpp"
#include "plg/report/report.hpp"
#include "plg/report/status.hpp"
#include "plg/store/store.hpp"

namespace plg {

namespace {

using T = ColumnType;

Column col(std::string name, T type, std::string meaning, std::string allowed = "") {
    return {std::move(name), type, std::move(meaning), std::move(allowed), false};
}
Column text(std::string name, std::string meaning) {
    return {std::move(name), T::text, std::move(meaning), "", true};
}

const Column k_plg = col("plg", T::text, "the PLG: its folder as plg network report names it");
const Column k_meeting =
    col("meeting", T::text,
        "the meeting: its file name without .yaml (with --anonymise its date and a hash of it)");
const Column k_member = col("member", T::text,
                            "the member's id in plg.yaml (with --anonymise a pseudonym: M01, M02, "
                            "... in plg.yaml's order)");
const Column k_goal = col("goal", T::text,
                          "the goal: its file name without .yaml (with --anonymise goal- and a "
                          "hash of it)");
const std::string k_bool = "1, 0";

Reference to_plg() {
    return {{"plg"}, "plgs"};
}
Reference to_meeting() {
    return {{"plg", "meeting"}, "meetings"};
}
Reference to_member(std::string column = "member") {
    return {{"plg", std::move(column)}, "members"};
}
Reference to_goal() {
    return {{"plg", "goal"}, "goals"};
}

std::vector<Table> base_tables() {
    std::string statuses;
    for (GoalStatus s : k_goal_statuses) {
        statuses += (statuses.empty() ? "" : ", ") + std::string(to_string(s));
    }
    std::string origins;
    for (const auto& o : k_origins) {
        origins += (origins.empty() ? "" : ", ") + o;
    }
    return {
        {"plgs",
         "one row per PLG: how it was founded and what it expects of itself",
         {k_plg, col("name", T::text, "the PLG's name (plg.yaml)"),
          col("school", T::text, "the school or organisation (plg.yaml)"),
          col("founded", T::date, "when the PLG was founded"),
          col("origin", T::text,
              "how it started: by mandate, as a development project, or for mutual support",
              origins),
          col("language", T::text, "the PLG's language"),
          col("cadence_days", T::integer,
              "the expected days between meetings, as plg.yaml gives it (empty: not given; plg "
              "then "
              "expects one every 28 days)"),
          col("members", T::integer, "members on the period's last day"),
          col("period_from", T::date, "the first day exported (never before founded)"),
          col("period_to", T::date, "the last day exported: every state is as of this day")},
         {"plg"},
         {}},
        {"members",
         "one row per member in plg.yaml",
         {k_plg, k_member, text("name", "the member's full name (left out with --anonymise)"),
          col("role", T::text, "the member's role (teacher, school_leader, coordinator, ...)"),
          col("joined", T::date, "when the member joined (empty: from the start)"),
          col("left", T::date, "when the member left (empty: still a member)"),
          col("member_at_end", T::boolean, "a member on the period's last day", k_bool)},
         {"plg", "member"},
         {to_plg()}},
        {"dimensions",
         "one row per dimension of the PLG's framework (what reflections rate)",
         {k_plg, col("dimension", T::text, "the dimension's id"),
          col("name", T::text, "the dimension's name"),
          col("position", T::integer, "its place in the framework, from 1")},
         {"plg", "dimension"},
         {to_plg()}},
        {"meetings",
         "one row per meeting in the period",
         {k_plg,
          k_meeting,
          col("date", T::date, "the day it was held"),
          text("title", "the meeting's title"),
          col("facilitator", T::text, "the member who facilitated (member id)"),
          col("minutes", T::integer, "how long it lasted, in minutes (empty: not recorded)"),
          col("attendance_recorded", T::boolean,
              "1 when the meeting lists who attended (the attendance table has its rows)", k_bool),
          col("present", T::integer, "members present (empty when attendance is not recorded)"),
          col("expected", T::integer,
              "members expected: the members on the day, and anyone named present or absent "
              "(empty when attendance is not recorded)"),
          col("guests", T::integer, "guests (never counted in attendance)"),
          col("focus_learn", T::boolean,
              "worked on DuFour's question 1: what should students learn?", k_bool),
          col("focus_evidence", T::boolean,
              "worked on DuFour's question 2: how do we know they have learned it?", k_bool),
          col("focus_support", T::boolean,
              "worked on DuFour's question 3: what if they don't learn it?", k_bool),
          col("focus_extend", T::boolean,
              "worked on DuFour's question 4: what if they already know it?", k_bool),
          text("protocol", "the protocol used"),
          text("data", "the data or student work discussed"),
          text("notes", "the notes"),
          col("agenda_items", T::integer, "items on the agenda"),
          col("decisions", T::integer, "decisions taken"),
          col("actions", T::integer, "actions agreed")},
         {"plg", "meeting"},
         {to_plg(), to_member("facilitator")}},
        {"attendance",
         "one row per member expected at a meeting that records attendance",
         {k_plg, k_meeting, k_member, col("present", T::boolean, "1 present, 0 absent", k_bool),
          text("reason", "why the member was absent, when given")},
         {"plg", "meeting", "member"},
         {to_meeting(), to_member()}},
        {"hours",
         "the hours register: one row per member present at a meeting, for "
         "professional-development credits",
         {k_plg, k_member, k_meeting, col("date", T::date, "the meeting's day"),
          col("minutes", T::integer, "the meeting's length in minutes (empty: not recorded)")},
         {"plg", "member", "meeting"},
         {to_meeting(), to_member()}},
        {"guests",
         "one row per guest at a meeting (not members; never counted)",
         {k_plg, k_meeting,
          col("guest", T::integer, "the guest's place in the meeting's list, from 1"),
          text("name", "the guest's name (left out with --anonymise)")},
         {"plg", "meeting", "guest"},
         {to_meeting()}},
        {"roles",
         "who held which role at a meeting (the facilitator too): shared leadership",
         {k_plg, k_meeting,
          col("role", T::text, "the role (facilitator, note_taker, timekeeper, ...)"), k_member},
         {"plg", "meeting", "role", "member"},
         {to_meeting(), to_member()}},
        {"agenda",
         "one row per agenda item",
         {k_plg, k_meeting, col("item", T::integer, "the item's place on the agenda, from 1"),
          text("text", "the agenda item")},
         {"plg", "meeting", "item"},
         {to_meeting()}},
        {"decisions",
         "one row per decision",
         {k_plg, k_meeting,
          col("decision", T::integer, "the decision's place in the meeting, from 1"),
          text("text", "the decision")},
         {"plg", "meeting", "decision"},
         {to_meeting()}},
        {"meeting_goals",
         "the goals a meeting worked on",
         {k_plg, k_meeting, k_goal},
         {"plg", "meeting", "goal"},
         {to_meeting()}},
        {"meeting_dimensions",
         "the framework's dimensions a meeting worked on",
         {k_plg, k_meeting, col("dimension", T::text, "the dimension's id")},
         {"plg", "meeting", "dimension"},
         {to_meeting(), {{"plg", "dimension"}, "dimensions"}}},
        {"actions",
         "one row per action agreed by the period's last day (also before the period, so that "
         "the open ones are there), as it stood on that day",
         {k_plg,
          col("action", T::text, "the action's id (or MEETING#N for one written without an id)"),
          col("meeting", T::text, "the meeting that agreed it (it may be before the period)"),
          col("agreed", T::date, "that meeting's day"), text("text", "what is to be done"),
          col("owner", T::text, "who does it (member id; empty: nobody named)"),
          col("due", T::date, "the due date it was agreed with"),
          col("due_at_end", T::date,
              "the due date on the period's last day (a meeting that carried it may have moved "
              "it)"),
          col("status", T::text, "open, done or cancelled on the period's last day",
              "open, done, cancelled"),
          col("done_on", T::date, "when it was done (empty: not done, or no date given)"),
          col("cancelled_on", T::date, "when it was cancelled"),
          col("overdue", T::boolean, "1 when open and past due on the period's last day", k_bool),
          col("carried", T::integer, "times later meetings took it up again, by the period's end"),
          text("note", "why it was cancelled, or anything else noted")},
         {"plg", "action"},
         {to_plg(), to_member("owner")}},
        {"action_carries",
         "one row per meeting in the period that took up an earlier action again",
         {k_plg, col("action", T::text, "the action's id"), k_meeting,
          col("due", T::date, "the new due date it gave (empty: unchanged)")},
         {"plg", "action", "meeting"},
         {to_meeting()}},
        {"goals",
         "one row per goal set by the period's last day, as it stood then",
         {k_plg, k_goal, text("title", "the goal"), text("measure", "how progress is measured"),
          col("unit", T::text, "the unit of the values"),
          col("baseline", T::real, "the value at the start"),
          col("target", T::real, "the value aimed at"), col("due", T::date, "when it is due"),
          col("created", T::date, "when it was set (empty: not recorded)"),
          col("status", T::text, "its status on the period's last day", statuses),
          col("closed", T::date, "when it was closed (empty: still active)"),
          col("latest", T::real, "the last value measured by the period's end"),
          col("percent", T::real,
              "the way from baseline to target covered by the latest value, in percent"),
          col("overdue", T::boolean, "1 when still active after its due date", k_bool),
          text("close_note", "the note it was closed with")},
         {"plg", "goal"},
         {to_plg()}},
        {"goal_owners",
         "the members who own a goal",
         {k_plg, k_goal, k_member},
         {"plg", "goal", "member"},
         {to_goal(), to_member()}},
        {"goal_progress",
         "one row per value measured, up to the period's last day",
         {k_plg, k_goal,
          col("entry", T::integer, "the entry's place in the goal's progress, from 1"),
          col("date", T::date, "when it was measured"), col("value", T::real, "the value"),
          text("evidence", "what it was measured on"),
          col("meeting", T::text, "the meeting it was measured at (empty: none named)")},
         {"plg", "goal", "entry"},
         {to_goal()}},
        {"reflections",
         "one row per reflection in the period",
         {k_plg,
          col("reflection", T::text,
              "the reflection: its file name without .yaml (with --anonymise its "
              "date and a hash of it)"),
          col("author", T::text, "who wrote it (member id)"),
          col("date", T::date, "when it was written"),
          col("meeting", T::text, "the meeting it reflects on (empty: none)"),
          col("goal", T::text, "the goal it reflects on (empty: none)"),
          text("text", "the reflection's text"), text("went_well", "what went well"),
          text("challenge", "what was hard"), text("next_step", "the next step"),
          col("ratings", T::integer, "dimensions rated")},
         {"plg", "reflection"},
         {to_plg(), to_member("author")}},
        {"ratings",
         "one row per dimension rated in a reflection",
         {k_plg, col("reflection", T::text, "the reflection"),
          col("author", T::text, "who rated (member id)"), col("date", T::date, "when"),
          col("dimension", T::text, "the dimension's id"),
          col("value", T::integer, "the rating: 1 (not at all) to 5 (fully)", "1, 2, 3, 4, 5")},
         {"plg", "reflection", "dimension"},
         {{{"plg", "reflection"}, "reflections"}, {{"plg", "dimension"}, "dimensions"}}},
        {"status",
         "the PLG's status at the end of each month of the period (the last month: on its last "
         "day)",
         {k_plg, col("month", T::text, "the month, YYYY-MM"),
          col("date", T::date, "the day the status is judged on"),
          col("status", T::text,
              "active (meets regularly), at risk (missed meetings lately) or dormant (quiet "
              "for three cadences)",
              "active, at risk, dormant"),
          col("last_meeting", T::date, "the last meeting on or before that day")},
         {"plg", "month"},
         {to_plg()}},
    };
}

Cell opt(const std::optional<Date>& d) {
    return d ? Cell(*d) : Cell();
}
Cell opt(const std::optional<double>& v) {
    return v ? Cell(*v) : Cell();
}
Cell opt_int(const std::optional<int>& v) {
    return v ? Cell(int64_t(*v)) : Cell();
}
Cell opt_text(const std::string& s) {
    return s.empty() ? Cell() : Cell(s);
}
Cell count(size_t n) {
    return Cell(int64_t(n));
}

bool contains(const std::vector<std::string>& list, const std::string& value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

// The ids as the export writes them: as they are, or, with --anonymise,
// pseudonyms. Members become M01, M02, ... in plg.yaml's order; a meeting,
// reflection or goal id (which holds a title's words or a member's id) becomes
// its date (if it has one) and a hash of the id, the same in every export.
class Ids {
  public:
    Ids(const Community& c, bool anonymise) : m_anonymise(anonymise) {
        for (const auto& m : c.members) {
            member_name(m.id);
        }
    }
    Cell member(const std::string& id) {
        if (id.empty()) {
            return {};
        }
        return m_anonymise ? Cell(member_name(id)) : Cell(id);
    }
    Cell meeting(const std::string& id) { return record(id, ""); }
    Cell reflection(const std::string& id) { return record(id, ""); }
    Cell goal(const std::string& id) { return record(id, "goal-"); }
    // An action's own id is random already; "MEETING#N" hides its meeting.
    Cell action(const std::string& ref) {
        size_t hash = ref.find('#');
        if (!m_anonymise || hash == std::string::npos) {
            return ref;
        }
        return std::get<std::string>(meeting(ref.substr(0, hash))) + ref.substr(hash);
    }

  private:
    std::string member_name(const std::string& id) {
        auto [it, fresh] = m_names.emplace(id, "");
        if (fresh) {
            it->second = fmt::format("M{:02}", m_names.size());
        }
        return it->second;
    }
    Cell record(const std::string& id, std::string_view prefix) {
        if (id.empty()) {
            return {};
        }
        if (!m_anonymise) {
            return id;
        }
        uint64_t h = 1469598103934665603ull;  // FNV-1a
        for (unsigned char ch : id) {
            h = (h ^ ch) * 1099511628211ull;
        }
        std::string out(prefix);
        if (id.size() >= 10 && Date::parse_iso(std::string_view(id).substr(0, 10))) {
            out += id.substr(0, 11);
        }
        static constexpr std::string_view k_alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
        for (int i = 0; i < 8; ++i, h >>= 5) {
            out += k_alphabet[h & 31];
        }
        return out;
    }
    bool m_anonymise;
    std::map<std::string, std::string> m_names;
};

}  // namespace

std::string_view to_string(ColumnType type) {
    switch (type) {
        case ColumnType::text:
            return "text";
        case ColumnType::integer:
            return "integer";
        case ColumnType::real:
            return "real";
        case ColumnType::date:
            return "date";
        case ColumnType::boolean:
            return "boolean";
    }
    return "text";
}

std::vector<Table> export_tables(const std::vector<std::string>& label_keys) {
    std::vector<Table> tables = base_tables();
    for (const auto& key : label_keys) {
        tables[size_t(TableId::plgs)].columns.push_back(
            col("label_" + key, T::text, "the label '" + key + "' network.yaml gives the PLG"));
    }
    return tables;
}

// A row made from its cells, moved in (a braced list would copy every string).
template <class... Cells>
Row row(Cells&&... cells) {
    Row r;
    r.reserve(sizeof...(cells));
    (r.emplace_back(std::forward<Cells>(cells)), ...);
    return r;
}

void export_rows(const Plg& plg, const Report& r, const ExportPlg& id,
                 const std::vector<std::string>& label_keys, bool anonymise, Rows& out) {
    const Community& c = *plg.community;
    Ids ids(c, anonymise);
    Cell p = id.id;
    auto free = [&](const std::string& s) { return anonymise ? Cell() : opt_text(s); };

    Row plg_row = {p,
                   c.name,
                   opt_text(c.school),
                   opt(c.founded),
                   opt_text(c.origin),
                   c.language,
                   opt_int(c.cadence_days),
                   count(c.member_ids_on(r.to).size()),
                   r.from,
                   r.to};
    for (const auto& key : label_keys) {
        auto it = id.labels.find(key);
        plg_row.push_back(it == id.labels.end() ? Cell() : Cell(it->second));
    }
    out[TableId::plgs].push_back(std::move(plg_row));

    for (const auto& m : c.members) {
        out[TableId::members].push_back(row(p, ids.member(m.id), anonymise ? Cell() : Cell(m.name),
                                            opt_text(m.role), opt(m.joined), opt(m.left),
                                            m.member_on(r.to)));
    }
    for (size_t i = 0; i < c.framework.size(); ++i) {
        out[TableId::dimensions].push_back(
            row(p, c.framework[i].id, c.framework[i].name, count(i + 1)));
    }

    for (const Meeting* mp : r.meetings) {
        const Meeting& m = *mp;
        bool recorded = !m.attendees.empty();
        std::vector<std::string> expected =
            recorded ? expected_members(m, c) : std::vector<std::string>{};
        auto focus = [&](const char* q) { return contains(m.focus, q); };
        out[TableId::meetings].push_back(
            row(p, ids.meeting(m.id), m.date, free(m.title), ids.member(m.facilitator),
                opt_int(m.minutes), recorded, recorded ? count(m.attendees.size()) : Cell(),
                recorded ? count(expected.size()) : Cell(), count(m.guests.size()), focus("learn"),
                focus("evidence"), focus("support"), focus("extend"), free(m.protocol),
                free(m.data), free(m.notes), count(m.agenda.size()), count(m.decisions.size()),
                count(m.actions.size())));
        for (const auto& member : expected) {
            bool present = contains(m.attendees, member);
            std::string reason;
            for (const auto& a : m.absent) {
                if (a.member == member) {
                    reason = a.reason;
                }
            }
            out[TableId::attendance].push_back(
                row(p, ids.meeting(m.id), ids.member(member), present, free(reason)));
            if (present) {
                out[TableId::hours].push_back(
                    row(p, ids.member(member), ids.meeting(m.id), m.date, opt_int(m.minutes)));
            }
        }
        for (size_t i = 0; i < m.guests.size(); ++i) {
            out[TableId::guests].push_back(
                row(p, ids.meeting(m.id), count(i + 1), free(m.guests[i])));
        }
        if (!m.facilitator.empty()) {
            out[TableId::roles].push_back(
                row(p, ids.meeting(m.id), std::string("facilitator"), ids.member(m.facilitator)));
        }
        for (const auto& [role, member] : m.roles) {
            if (role != "facilitator" || member != m.facilitator) {
                out[TableId::roles].push_back(row(p, ids.meeting(m.id), role, ids.member(member)));
            }
        }
        for (size_t i = 0; i < m.agenda.size(); ++i) {
            out[TableId::agenda].push_back(
                row(p, ids.meeting(m.id), count(i + 1), free(m.agenda[i])));
        }
        for (size_t i = 0; i < m.decisions.size(); ++i) {
            out[TableId::decisions].push_back(
                row(p, ids.meeting(m.id), count(i + 1), free(m.decisions[i])));
        }
        for (const auto& g : m.goals) {
            out[TableId::meeting_goals].push_back(row(p, ids.meeting(m.id), ids.goal(g)));
        }
        for (const auto& d : m.dimensions) {
            out[TableId::meeting_dimensions].push_back(row(p, ids.meeting(m.id), d));
        }
        for (const auto& carried : m.carried) {
            out[TableId::action_carries].push_back(
                row(p, ids.action(carried.id), ids.meeting(m.id), opt(carried.due)));
        }
    }

    for (const auto& m : plg.meetings) {
        if (m.date > r.to) {
            continue;
        }
        for (size_t i = 0; i < m.actions.size(); ++i) {
            const ActionItem& a = m.actions[i];
            bool done = a.done_by(r.to);
            bool cancelled = !done && a.cancelled_by(r.to);
            std::optional<Date> due = due_on(plg, a, r.to);
            int carried = 0;
            if (!a.id.empty()) {
                for (const Meeting* later : carried_in(plg, a.id)) {
                    carried += later->date <= r.to;
                }
            }
            bool open = !done && !cancelled;
            out[TableId::actions].push_back(
                row(p, ids.action(action_ref(m, i)), ids.meeting(m.id), m.date, free(a.text),
                    ids.member(a.owner), opt(a.due), opt(due),
                    std::string(done        ? "done"
                                : cancelled ? "cancelled"
                                            : "open"),
                    done ? opt(a.done_on) : Cell(), cancelled ? opt(a.cancelled_on) : Cell(),
                    open && due && *due < r.to, count(size_t(carried)), free(a.note)));
        }
    }

    for (const Goal& g : r.goals) {
        out[TableId::goals].push_back(
            row(p, ids.goal(g.id), free(g.title), free(g.measure), opt_text(g.unit),
                opt(g.baseline), opt(g.target), opt(g.due), opt(g.created),
                std::string(to_string(g.status)), opt(g.closed), opt(g.latest()), opt(g.percent()),
                g.overdue_on(r.to), free(g.close_note)));
        for (const auto& owner : g.owners) {
            out[TableId::goal_owners].push_back(row(p, ids.goal(g.id), ids.member(owner)));
        }
        for (size_t i = 0; i < g.progress.size(); ++i) {
            const Progress& e = g.progress[i];
            out[TableId::goal_progress].push_back(row(p, ids.goal(g.id), count(i + 1), e.date,
                                                      e.value, free(e.evidence),
                                                      ids.meeting(e.meeting)));
        }
    }

    for (const auto& x : plg.reflections) {
        if (x.date < r.from || x.date > r.to) {
            continue;
        }
        out[TableId::reflections].push_back(row(p, ids.reflection(x.id), ids.member(x.author),
                                                x.date, ids.meeting(x.meeting), ids.goal(x.goal),
                                                free(x.text), free(x.went_well), free(x.challenge),
                                                free(x.next_step), count(x.ratings.size())));
        for (const auto& rating : x.ratings) {
            out[TableId::ratings].push_back(row(p, ids.reflection(x.id), ids.member(x.author),
                                                x.date, rating.dimension, int64_t(rating.value)));
        }
    }

    MeetingHistory history = history_of(plg);
    for (Date month = r.from;; month = month.end_of_month().plus_days(1)) {
        Date day = std::min(month.end_of_month(), r.to);
        if (auto s = status_on(history, day)) {
            out[TableId::status].push_back(
                row(p, fmt::format("{:04}-{:02}", day.year(), day.month()), day,
                    std::string(to_string(s->status)), opt(s->last_meeting)));
        }
        if (day >= r.to) {
            break;
        }
    }
}

Table codebook_table() {
    return {"codebook",
            "one row per column of every table",
            {col("table", T::text, "the table"), col("column", T::text, "the column"),
             col("type", T::text, "its type", "text, integer, real, date, boolean"),
             col("meaning", T::text, "what it holds"),
             col("allowed", T::text, "the values it may hold, when they are few"),
             col("anonymised", T::boolean, "1 when --anonymise leaves it out", k_bool)},
            {"table", "column"},
            {}};
}

std::vector<Row> codebook_rows(const std::vector<Table>& tables) {
    std::vector<Row> rows;
    for (const auto& t : tables) {
        for (const auto& c : t.columns) {
            rows.push_back({t.name, c.name, std::string(to_string(c.type)), c.meaning,
                            opt_text(c.allowed), c.free_text});
        }
    }
    return rows;
}

std::string codebook_markdown(const std::vector<Table>& tables) {
    auto cell = [](std::string s) {
        std::string out;
        for (char ch : s) {
            out += ch == '|' ? std::string("\\|") : std::string(1, ch);
        }
        return out;
    };
    std::string out =
        "# Codebook\n\n"
        "The tables of `plg export`: one row per observation, joined on the key columns. "
        "Dates are ISO 8601 (YYYY-MM-DD), booleans 1 or 0, an empty field is a value not "
        "recorded. Columns marked *anonymised* are empty in an export made with "
        "`--anonymise`, which also replaces member ids with pseudonyms.\n";
    for (const auto& t : tables) {
        out += fmt::format("\n## {}\n\n{}.\n\n", t.name, t.meaning);
        std::string key;
        for (const auto& k : t.key) {
            key += (key.empty() ? "" : ", ") + ("`" + k + "`");
        }
        out += "Key: " + key + ".";
        for (const auto& ref : t.references) {
            std::string cols;
            for (const auto& c : ref.columns) {
                cols += (cols.empty() ? "" : ", ") + ("`" + c + "`");
            }
            out += fmt::format(" {} joins `{}`.", cols, ref.table);
        }
        out += "\n\n| Column | Type | Meaning | Values |\n| :-- | :-- | :----------- | :-- |\n";
        for (const auto& c : t.columns) {
            std::string meaning = c.meaning + (c.free_text ? " *(anonymised)*" : "");
            out += fmt::format("| `{}` | {} | {} | {} |\n", c.name, to_string(c.type),
                               cell(meaning), cell(c.allowed));
        }
    }
    return out;
}

}  // namespace plg
