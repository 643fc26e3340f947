// The Markdown form of a report. Every word a reader sees comes from a Labels
// table, one per language: adding a language is adding one table.

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "plg/network.hpp"
#include "plg/records.hpp"
#include "plg/report.hpp"
#include "plg/text.hpp"

namespace plg {

namespace {

struct Labels {
    std::string_view code;
    std::array<std::string_view, 12> months;
    std::array<std::string_view, 12> short_months;
    std::string_view decimal;
    std::string_view report;          // "Report"
    std::string_view period_from_to;  // "{} to {}"
    std::string_view summary;
    std::string_view meetings_held;  // "{} of {} expected (one every {} days)"
    std::string_view cadence_assumed;
    std::string_view attendance_rate;
    std::string_view not_recorded;
    std::string_view person_hours;
    std::string_view without_minutes;  // "({} meeting(s) without a duration)"
    std::string_view goals_line;       // "{} active, {} achieved, {} dropped"
    std::string_view actions_line;     // "{} open, {} overdue"
    std::string_view reflections;
    std::string_view last_meeting_label;
    std::string_view last_meeting;  // "{} ({} days before {})"
    std::string_view never;
    std::string_view status;
    std::array<std::string_view, 3> statuses;  // active, at risk, dormant
    std::string_view status_rule;              // "active: ... {} ..."
    std::string_view meetings;
    std::string_view date;
    std::string_view title;
    std::string_view facilitator;
    std::string_view attendance;
    std::string_view decisions;
    std::string_view member;
    std::string_view attended;
    std::string_view hours;
    std::string_view roles;
    std::string_view roles_intro;
    std::string_view goals;
    std::string_view owners;
    std::string_view due;
    std::string_view progress;    // "baseline → latest → target"
    std::string_view of_the_way;  // "{}% of the way"
    std::array<std::string_view, 3> goal_statuses;
    std::string_view measured;  // "Measured"
    std::string_view value;
    std::string_view evidence;
    std::string_view baseline;
    std::string_view target;
    std::string_view actions;
    std::string_view open_actions;
    std::string_view completed_actions;
    std::string_view owner;
    std::string_view action;
    std::string_view overdue;
    std::string_view agreed;
    std::string_view done_on;
    std::string_view dimension;
    std::string_view trend;
    std::string_view ratings_intro;
    std::string_view next_steps;
    std::string_view quarter;  // "Q"
    std::string_view per_month;
    std::string_view per_quarter;
    std::string_view none;
    std::string_view network_title;
    std::string_view plgs_line;
    std::string_view unreadable_line;
    std::string_view totals;
    std::string_view questions;
    std::string_view q_age;
    std::string_view q_sustained;
    std::string_view q_cost;
    std::string_view q_goals;
    std::string_view plg;
    std::string_view school;
    std::string_view rating;
    std::string_view attention;
    std::string_view attention_line;
    std::string_view problems;
    std::string_view problems_intro;
    std::string_view groups;
    std::string_view unlabelled;
    std::string_view files_with_errors;
    std::string_view unreadable;
};

constexpr Labels k_english{
    "en",
    {"January", "February", "March", "April", "May", "June", "July", "August", "September",
     "October", "November", "December"},
    {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
    ".",
    "Report",
    "{} to {}",
    "Summary",
    "{} of {} expected (one every {} days)",
    " (no cadence in plg.yaml; {} days assumed)",
    "Attendance",
    "not recorded",
    "Person-hours",
    " ({} meeting(s) without a duration)",
    "{} active, {} achieved, {} dropped",
    "{} open, {} overdue",
    "Reflections",
    "Last meeting",
    "{} ({} days before {})",
    "none",
    "Status",
    {"active", "at risk", "dormant"},
    "Active: the last meeting was at most {} days ago (twice the cadence); at risk: at most {} "
    "days; dormant: longer, or no meeting yet.",
    "Meetings",
    "Date",
    "Title",
    "Facilitator",
    "Attendance",
    "Decisions",
    "Member",
    "Attended",
    "Hours",
    "Roles",
    "Who led meetings and held the other roles (shared leadership):",
    "Goals",
    "Owners",
    "Due",
    "Baseline → latest → target",
    "{}% of the way",
    {"active", "achieved", "dropped"},
    "Measured",
    "Value",
    "Evidence",
    "baseline",
    "target",
    "Actions",
    "Open",
    "Completed in this period",
    "Owner",
    "Action",
    "overdue",
    "Agreed",
    "Done",
    "Dimension",
    "Trend",
    "Average self-assessment per {} (1 = not at all, 5 = fully):",
    "Next steps",
    "Q",
    "month",
    "quarter",
    "—",
    "Network report",
    "{} PLGs: {} active, {} at risk, {} dormant",
    ", {} that could not be read",
    "Totals",
    "Programme questions",
    "How long have they existed? Founded a median of {} months before {} (from {} to {} months); "
    "{} record no founding date.",
    "Did they stay active? {} of {} ({}) met within twice their cadence; {} are at risk and {} "
    "dormant.",
    "What do they cost? {} person-hours in meetings, {} per PLG on average.",
    "Do they reach their goals? {} of {} goals achieved ({}).",
    "PLG",
    "School",
    "Rating",
    "Needing attention",
    "{}: {}, last meeting {}",
    "Problems",
    "These PLGs have files plg could not read; their numbers leave those files out.",
    "By {}",
    "(none)",
    "{} file(s) with errors",
    "unreadable",
};

constexpr Labels k_dutch{
    "nl",
    {"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
     "oktober", "november", "december"},
    {"jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"},
    ",",
    "Verslag",
    "{} tot en met {}",
    "Samenvatting",
    "{} van {} verwacht (elke {} dagen)",
    " (geen ritme in plg.yaml; {} dagen aangenomen)",
    "Aanwezigheid",
    "niet bijgehouden",
    "Persoonsuren",
    " ({} bijeenkomst(en) zonder duur)",
    "{} actief, {} behaald, {} gestopt",
    "{} open, {} te laat",
    "Reflecties",
    "Laatste bijeenkomst",
    "{} ({} dagen voor {})",
    "geen",
    "Status",
    {"actief", "risico", "slapend"},
    "Actief: de laatste bijeenkomst was hooguit {} dagen geleden (twee keer het ritme); risico: "
    "hooguit {} dagen; slapend: langer, of nog geen bijeenkomst.",
    "Bijeenkomsten",
    "Datum",
    "Titel",
    "Voorzitter",
    "Aanwezig",
    "Besluiten",
    "Lid",
    "Aanwezig",
    "Uren",
    "Rollen",
    "Wie de bijeenkomsten leidde en de andere rollen had (gedeeld leiderschap):",
    "Doelen",
    "Eigenaars",
    "Deadline",
    "Beginwaarde → laatste → doel",
    "{}% van de weg",
    {"actief", "behaald", "gestopt"},
    "Metingen",
    "Waarde",
    "Onderbouwing",
    "begin",
    "doel",
    "Acties",
    "Open",
    "Afgerond in deze periode",
    "Eigenaar",
    "Actie",
    "te laat",
    "Afgesproken",
    "Klaar",
    "Dimensie",
    "Trend",
    "Gemiddelde zelfbeoordeling per {} (1 = helemaal niet, 5 = helemaal):",
    "Volgende stappen",
    "K",
    "maand",
    "kwartaal",
    "—",
    "Netwerkverslag",
    "{} PLG's: {} actief, {} risico, {} slapend",
    ", {} niet te lezen",
    "Totalen",
    "Vragen van het programma",
    "Hoe lang bestaan ze? Opgericht gemiddeld (mediaan) {} maanden voor {} (van {} tot {} "
    "maanden); {} zonder oprichtingsdatum.",
    "Blijven ze actief? {} van {} ({}) kwamen bijeen binnen twee keer hun ritme; {} lopen risico "
    "en {} zijn slapend.",
    "Wat kosten ze? {} persoonsuren in bijeenkomsten, gemiddeld {} per PLG.",
    "Halen ze hun doelen? {} van {} doelen behaald ({}).",
    "PLG",
    "School",
    "Beoordeling",
    "Aandacht nodig",
    "{}: {}, laatste bijeenkomst {}",
    "Problemen",
    "Deze PLG's hebben bestanden die plg niet kon lezen; hun cijfers laten die bestanden weg.",
    "Per {}",
    "(geen)",
    "{} bestand(en) met fouten",
    "niet te lezen",
};

constexpr std::array<const Labels*, 2> k_labels = {&k_english, &k_dutch};

const Labels& labels_for(std::string_view language) {
    for (const auto* l : k_labels) {
        if (l->code == language) {
            return *l;
        }
    }
    return k_english;
}

std::string long_date(Date d, const Labels& l) {
    return fmt::format("{} {} {}", d.day(), l.months[d.month() - 1], d.year());
}

std::string short_date(Date d, const Labels& l) {
    return fmt::format("{} {}", d.day(), l.short_months[d.month() - 1]);
}

std::string number(double v, const Labels& l, int decimals = 1) {
    std::string s = fmt::format("{:.{}f}", v, decimals);
    // Drop trailing zeros: 12.50 -> 12.5, 40.0 -> 40.
    if (s.find('.') != std::string::npos) {
        s.erase(s.find_last_not_of('0') + 1);
        if (s.back() == '.') {
            s.pop_back();
        }
    }
    if (s == "-0") {
        s = "0";
    }
    size_t dot = s.find('.');
    if (dot != std::string::npos) {
        s.replace(dot, 1, l.decimal);
    }
    return s;
}

std::string percent(double v, const Labels& l) {
    return number(v, l, 0) + "%";
}

std::string period_label(const std::string& period, const Labels& l) {
    // "2025-09" -> "sep 2025"; "2025-Q3" -> "Q3 2025".
    std::string year = period.substr(0, 4);
    if (period.size() == 7 && period[5] == 'Q') {
        return std::string(l.quarter) + period.substr(6) + " " + year;
    }
    int month = std::stoi(period.substr(5, 2));
    return std::string(l.short_months[size_t(month - 1)]) + " " + year;
}

std::string member_name(const Community& c, const std::string& id) {
    const Member* m = c.find_member(id);
    return m ? m->name : id;
}

class Writer {
  public:
    Writer() = default;

    void heading(int level, const std::string& text) {
        block();
        m_out += std::string(size_t(level), '#') + " " + text + "\n";
        m_open = true;
    }
    void paragraph(const std::string& text) {
        block();
        m_out += text + "\n";
        m_open = true;
    }
    void bullet(const std::string& text) {
        if (!m_in_list) {
            block();
        }
        m_out += "- " + text + "\n";
        m_in_list = true;
        m_open = true;
    }
    void table(const std::vector<std::string>& header, const std::vector<bool>& right,
               const std::vector<std::vector<std::string>>& rows) {
        block();
        m_out += "| " + join(header, " | ") + " |\n|";
        for (size_t i = 0; i < header.size(); ++i) {
            m_out += right[i] ? " ---: |" : " --- |";
        }
        m_out += "\n";
        for (const auto& row : rows) {
            m_out += "| " + join(row, " | ") + " |\n";
        }
        m_open = true;
    }
    void code(std::string_view language, const std::string& text) {
        block();
        m_out += "```" + std::string(language) + "\n" + text + "```\n";
        m_open = true;
    }
    std::string take() { return std::move(m_out); }

  private:
    // Starts a new block: one blank line after the last one.
    void block() {
        if (m_open) {
            m_out += "\n";
        }
        m_in_list = false;
    }
    std::string m_out;
    bool m_open = false;
    bool m_in_list = false;
};

// A text bar chart of a goal's values, for terminals and pandoc.
std::string text_chart(const Goal& g, const Labels& l) {
    struct Row {
        std::string label;
        double value;
    };
    std::vector<Row> rows;
    if (g.baseline) {
        rows.push_back({std::string(l.baseline), *g.baseline});
    }
    for (const auto& p : g.progress) {
        rows.push_back({p.date.iso(), p.value});
    }
    if (g.target) {
        rows.push_back({std::string(l.target), *g.target});
    }
    double high = 0;
    double low = 0;
    for (const auto& r : rows) {
        high = std::max(high, r.value);
        low = std::min(low, r.value);
    }
    size_t label_width = 0;
    size_t value_width = 0;
    for (const auto& r : rows) {
        label_width = std::max(label_width, r.label.size());
        value_width = std::max(value_width, number(r.value, l, 2).size());
    }
    std::string out;
    constexpr int k_width = 40;
    for (const auto& r : rows) {
        int filled = high > low ? int(std::lround((r.value - low) / (high - low) * k_width)) : 0;
        std::string value = number(r.value, l, 2);
        out += r.label + std::string(label_width - r.label.size(), ' ') + "  " +
               std::string(value_width - value.size(), ' ') + value;
        if (filled > 0) {
            out += "  ";
        }
        for (int i = 0; i < filled; ++i) {
            out += "█";
        }
        out += "\n";
    }
    return out;
}

// Returns `s` safe inside a quoted Mermaid string: characters that end the
// string, start a statement or could read as markup become spaces.
std::string mermaid_text(std::string_view s) {
    std::string out;
    for (char c : s) {
        bool unsafe = std::string_view("\"<>;#{}[]`\\\n\r\t").find(c) != std::string_view::npos;
        char put = unsafe ? ' ' : c;
        if (put != ' ' || (!out.empty() && out.back() != ' ')) {
            out += put;
        }
    }
    while (!out.empty() && out.back() == ' ') {
        out.pop_back();
    }
    return out;
}

// A Mermaid line chart of a goal (GitHub and GitLab draw it): the measured
// values, with the baseline first, and the target as a second, flat line.
std::string mermaid_chart(const Goal& g, const Labels& l) {
    std::vector<std::string> labels;
    std::vector<std::string> values;
    std::vector<std::string> target;
    double low = g.baseline.value_or(g.progress.front().value);
    double high = low;
    auto add = [&](const std::string& label, double v) {
        labels.push_back("\"" + label + "\"");
        values.push_back(fmt::format("{}", v));
        low = std::min(low, v);
        high = std::max(high, v);
        if (g.target) {
            target.push_back(fmt::format("{}", *g.target));
        }
    };
    if (g.baseline) {
        add(std::string(l.baseline), *g.baseline);
    }
    for (const auto& p : g.progress) {
        add(short_date(p.date, l) + " " + std::to_string(p.date.year()), p.value);
    }
    if (g.target) {
        low = std::min(low, *g.target);
        high = std::max(high, *g.target);
    }
    double floor = std::floor(std::min(0.0, low));
    double ceiling = std::ceil(high == floor ? floor + 1 : high);
    std::string out = "xychart-beta\n";
    out += "    title \"" + mermaid_text(g.title) + "\"\n";
    out += "    x-axis [" + join(labels, ", ") + "]\n";
    out += "    y-axis \"" + mermaid_text(g.unit.empty() ? std::string(l.value) : g.unit) + "\" " +
           fmt::format("{} --> {}", floor, ceiling) + "\n";
    out += "    line [" + join(values, ", ") + "]\n";
    if (g.target) {
        out += "    line [" + join(target, ", ") + "]\n";
    }
    return out;
}

}  // namespace

std::vector<std::string> report_languages() {
    std::vector<std::string> codes;
    for (const auto* l : k_labels) {
        codes.emplace_back(l->code);
    }
    return codes;
}

std::string markdown_inline(std::string_view text) {
    std::string out;
    bool space = false;
    for (char c : text) {
        if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
            space = !out.empty();
            continue;
        }
        if (space) {
            out += ' ';
            space = false;
        }
        switch (c) {
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '&':
                out += "&amp;";
                break;
            case '|':
            case '\\':
            case '`':
            case '*':
            case '_':
            case '[':
            case ']':
            case '#':
            case '~':
            case '!':
            case '$':
                out += '\\';
                out += c;
                break;
            default:
                out += c;
        }
    }
    // A leading "-", "+" or "1." would start a list; escape it.
    if (!out.empty() && (out[0] == '-' || out[0] == '+' || out[0] == '=')) {
        out.insert(0, "\\");
    }
    size_t digits = out.find_first_not_of("0123456789");
    if (digits > 0 && digits != std::string::npos && (out[digits] == '.' || out[digits] == ')')) {
        out.insert(digits, "\\");
    }
    return out;
}

std::string render_markdown(const Report& r, std::string_view language) {
    const Labels& l = labels_for(language);
    const Community& c = *r.community;
    Writer w;
    auto esc = [](std::string_view s) { return markdown_inline(s); };

    w.heading(1, esc(c.name) + ": " + std::string(l.report));
    std::string sub = c.school.empty() ? "" : esc(c.school) + ", ";
    w.paragraph(sub + fmt::format(fmt::runtime(l.period_from_to), long_date(r.from, l),
                                  long_date(r.to, l)));

    // 1. Summary
    w.heading(2, std::string(l.summary));
    std::string held = fmt::format(fmt::runtime(l.meetings_held), r.meetings_held,
                                   r.meetings_expected, r.cadence_days);
    if (!r.cadence_given) {
        held += fmt::format(fmt::runtime(l.cadence_assumed), r.cadence_days);
    }
    w.bullet("**" + std::string(l.meetings) + "**: " + held);
    w.bullet("**" + std::string(l.attendance_rate) + "**: " +
             (r.attendance_percent ? percent(*r.attendance_percent, l) + " (" +
                                         std::to_string(r.attendance_present) + "/" +
                                         std::to_string(r.attendance_possible) + ")"
                                   : std::string(l.not_recorded)));
    std::string hours = number(r.person_hours, l);
    if (r.meetings_without_minutes > 0) {
        hours += fmt::format(fmt::runtime(l.without_minutes), r.meetings_without_minutes);
    }
    w.bullet("**" + std::string(l.person_hours) + "**: " + hours);
    w.bullet(
        "**" + std::string(l.goals) + "**: " +
        fmt::format(fmt::runtime(l.goals_line), r.goals_active, r.goals_achieved, r.goals_dropped));
    w.bullet("**" + std::string(l.actions) +
             "**: " + fmt::format(fmt::runtime(l.actions_line), r.actions_open, r.actions_overdue));
    w.bullet("**" + std::string(l.reflections) + "**: " + std::to_string(r.reflections));
    w.bullet("**" + std::string(l.last_meeting_label) + "**: " +
             (r.last_meeting
                  ? fmt::format(fmt::runtime(l.last_meeting), long_date(*r.last_meeting, l),
                                *r.days_since_last_meeting, long_date(r.to, l))
                  : std::string(l.never)));
    w.bullet("**" + std::string(l.status) + "**: " + std::string(l.statuses[size_t(r.status)]));
    w.paragraph(fmt::format(fmt::runtime(l.status_rule), 2 * r.cadence_days, 4 * r.cadence_days));

    // 2. Meetings
    if (!r.meetings.empty()) {
        w.heading(2, std::string(l.meetings));
        std::vector<std::vector<std::string>> rows;
        for (const auto* m : r.meetings) {
            std::string present =
                m->attendees.empty()
                    ? std::string(l.none)
                    : fmt::format("{}/{}", m->attendees.size(), expected_members(*m, c).size());
            rows.push_back(
                {long_date(m->date, l), esc(m->title),
                 m->facilitator.empty() ? std::string(l.none) : esc(member_name(c, m->facilitator)),
                 present, std::to_string(m->decisions.size())});
        }
        w.table({std::string(l.date), std::string(l.title), std::string(l.facilitator),
                 std::string(l.attendance), std::string(l.decisions)},
                {false, false, false, true, true}, rows);
    }

    // 3. Attendance per member, and roles
    bool any_recorded = std::any_of(r.members.begin(), r.members.end(),
                                    [](const MemberStats& s) { return s.recorded > 0; });
    if (any_recorded) {
        w.heading(2, std::string(l.attendance));
        std::vector<std::vector<std::string>> rows;
        for (const auto& s : r.members) {
            rows.push_back(
                {esc(s.name), std::to_string(s.attended) + "/" + std::to_string(s.recorded),
                 s.recorded ? percent(100.0 * s.attended / s.recorded, l) : std::string(l.none),
                 number(s.hours, l)});
        }
        w.table({std::string(l.member), std::string(l.attended), "%", std::string(l.hours)},
                {false, true, true, true}, rows);
    }
    bool any_roles = std::any_of(r.members.begin(), r.members.end(), [](const MemberStats& s) {
        return s.facilitated > 0 || !s.roles.empty();
    });
    if (any_roles) {
        w.heading(2, std::string(l.roles));
        w.paragraph(std::string(l.roles_intro));
        for (const auto& s : r.members) {
            std::vector<std::string> held_roles;
            if (s.facilitated) {
                held_roles.push_back(std::string(l.facilitator) + " " +
                                     std::to_string(s.facilitated) + "×");
            }
            for (const auto& [role, count] : s.roles) {
                held_roles.push_back(esc(role) + " " + std::to_string(count) + "×");
            }
            if (!held_roles.empty()) {
                w.bullet(esc(s.name) + ": " + join(held_roles));
            }
        }
    }

    // 4. Goals
    if (!r.goals.empty()) {
        w.heading(2, std::string(l.goals));
        for (const auto* g : r.goals) {
            w.heading(3, esc(g->title));
            std::vector<std::string> owners;
            for (const auto& id : g->owners) {
                owners.push_back(esc(member_name(c, id)));
            }
            auto value = [&](const std::optional<double>& v) {
                return v ? number(*v, l, 2) + (g->unit == "%" ? "%" : "") : std::string("?");
            };
            std::string unit = g->unit.empty() || g->unit == "%" ? "" : " " + esc(g->unit);
            w.bullet("**" + std::string(l.status) +
                     "**: " + std::string(l.goal_statuses[size_t(g->status)]) +
                     (g->closed ? " (" + long_date(*g->closed, l) + ")" : ""));
            if (!owners.empty()) {
                w.bullet("**" + std::string(l.owners) + "**: " + join(owners));
            }
            if (g->due) {
                w.bullet("**" + std::string(l.due) + "**: " + long_date(*g->due, l));
            }
            if (!g->measure.empty()) {
                w.bullet("**" + std::string(l.measured) + "**: " + esc(g->measure));
            }
            std::string way = g->percent() ? ", " + fmt::format(fmt::runtime(l.of_the_way),
                                                                number(*g->percent(), l, 0))
                                           : "";
            w.bullet("**" + std::string(l.progress) + "**: " + value(g->baseline) + " → " +
                     value(g->latest()) + " → " + value(g->target) + unit + way);
            if (!g->close_note.empty()) {
                w.bullet(esc(g->close_note));
            }
            if (!g->progress.empty()) {
                std::vector<std::vector<std::string>> rows;
                for (const auto& p : g->progress) {
                    rows.push_back({long_date(p.date, l), number(p.value, l, 2),
                                    p.evidence.empty() ? std::string(l.none) : esc(p.evidence)});
                }
                w.table({std::string(l.date), std::string(l.value), std::string(l.evidence)},
                        {false, true, false}, rows);
                w.code("mermaid", mermaid_chart(*g, l));
                w.code("text", text_chart(*g, l));
            }
        }
    }

    // 5. Actions
    if (!r.open_actions.empty() || !r.completed_actions.empty()) {
        w.heading(2, std::string(l.actions));
        if (!r.open_actions.empty()) {
            w.heading(3, std::string(l.open_actions));
            std::vector<std::vector<std::string>> rows;
            for (const auto& a : r.open_actions) {
                std::string due =
                    a.action->due ? long_date(*a.action->due, l) : std::string(l.none);
                if (a.overdue) {
                    due = "**" + due + " (" + std::string(l.overdue) + ")**";
                }
                rows.push_back({esc(a.action->text),
                                a.action->owner.empty() ? std::string(l.none)
                                                        : esc(member_name(c, a.action->owner)),
                                due, long_date(a.meeting->date, l)});
            }
            w.table({std::string(l.action), std::string(l.owner), std::string(l.due),
                     std::string(l.agreed)},
                    {false, false, false, false}, rows);
        }
        if (!r.completed_actions.empty()) {
            w.heading(3, std::string(l.completed_actions));
            std::vector<std::vector<std::string>> rows;
            for (const auto& a : r.completed_actions) {
                rows.push_back({esc(a.action->text),
                                a.action->owner.empty() ? std::string(l.none)
                                                        : esc(member_name(c, a.action->owner)),
                                long_date(*a.action->done_on, l)});
            }
            w.table({std::string(l.action), std::string(l.owner), std::string(l.done_on)},
                    {false, false, false}, rows);
        }
    }

    // 6. Decisions
    if (!r.decisions.empty()) {
        w.heading(2, std::string(l.decisions));
        for (const auto& d : r.decisions) {
            w.bullet(long_date(d.meeting->date, l) + ": " + esc(d.text));
        }
    }

    // 7. Reflections
    if (r.reflections > 0) {
        w.heading(2, std::string(l.reflections));
        if (!r.ratings.empty()) {
            w.paragraph(fmt::format(fmt::runtime(l.ratings_intro),
                                    r.rating_by_quarter ? l.per_quarter : l.per_month));
            std::vector<std::string> header = {std::string(l.dimension)};
            std::vector<bool> right = {false};
            for (const auto& p : r.rating_periods) {
                header.push_back(period_label(p, l));
                right.push_back(true);
            }
            header.push_back(std::string(l.trend));
            right.push_back(false);
            std::vector<std::vector<std::string>> rows;
            for (const auto& t : r.ratings) {
                std::vector<std::string> row = {esc(t.name)};
                for (const auto& a : t.averages) {
                    row.push_back(a ? number(*a, l, 1) : std::string(l.none));
                }
                std::string trend = std::string(l.none);
                std::string direction = trend_of(t, r.rating_periods.size());
                if (direction != "none") {
                    std::string arrow = direction == "up" ? "↑" : (direction == "down" ? "↓" : "→");
                    trend = arrow + " " + number(*t.first, l, 1) + " → " + number(*t.last, l, 1);
                }
                row.push_back(trend);
                rows.push_back(std::move(row));
            }
            w.table(header, right, rows);
        }
        if (!r.next_steps.empty()) {
            w.heading(3, std::string(l.next_steps));
            for (const auto* x : r.next_steps) {
                w.bullet(long_date(x->date, l) + ", " + esc(member_name(c, x->author)) + ": " +
                         esc(x->next_step));
            }
        }
    }
    return w.take();
}

namespace {

std::string share(int part, int whole, const Labels& l) {
    return whole > 0 ? percent(100.0 * part / whole, l) : std::string(l.none);
}

std::vector<std::string> network_row(const NetworkRow& r, const Labels& l, bool with_labels,
                                     const std::vector<std::string>& keys) {
    std::vector<std::string> row;
    row.push_back(markdown_inline(r.readable ? r.name : r.member.shown));
    row.push_back(r.readable ? markdown_inline(r.school.empty() ? std::string(l.none) : r.school)
                             : std::string(l.none));
    if (with_labels) {
        for (const auto& k : keys) {
            auto it = r.member.labels.find(k);
            row.push_back(it == r.member.labels.end() ? std::string(l.none)
                                                      : markdown_inline(it->second));
        }
    }
    if (!r.readable) {
        row.push_back("**" + std::string(l.unreadable) + "**");
        for (int i = 0; i < 7; ++i) {
            row.push_back(std::string(l.none));
        }
        return row;
    }
    row.push_back(r.status == Activity::active
                      ? std::string(l.statuses[0])
                      : "**" + std::string(l.statuses[size_t(r.status)]) + "**");
    row.push_back(r.last_meeting ? r.last_meeting->iso() : std::string(l.none));
    row.push_back(std::to_string(r.meetings_held) + "/" + std::to_string(r.meetings_expected));
    row.push_back(r.attendance_percent ? percent(*r.attendance_percent, l) : std::string(l.none));
    row.push_back(number(r.person_hours, l));
    row.push_back(std::to_string(r.goals_achieved) + "/" + std::to_string(r.goals_total));
    row.push_back(std::to_string(r.actions_open));
    row.push_back(r.average_rating ? number(*r.average_rating, l, 1) : std::string(l.none));
    return row;
}

}  // namespace

std::string render_network_markdown(const NetworkReport& n, std::string_view language) {
    const Labels& l = labels_for(language);
    Writer w;
    w.heading(1, std::string(l.network_title));
    w.paragraph(
        fmt::format(fmt::runtime(l.period_from_to), long_date(n.from, l), long_date(n.to, l)));

    NetworkTotals t = network_totals(n);
    int readable = int(n.rows.size()) - t.unreadable;

    w.heading(2, std::string(l.summary));
    w.paragraph(
        fmt::format(fmt::runtime(l.plgs_line), n.rows.size(), t.active, t.at_risk, t.dormant) +
        (t.unreadable ? fmt::format(fmt::runtime(l.unreadable_line), t.unreadable) : "") + ".");
    w.bullet("**" + std::string(l.meetings) + "**: " + std::to_string(t.meetings_held));
    w.bullet("**" + std::string(l.attendance_rate) +
             "**: " + share(t.attendance_present, t.attendance_possible, l));
    w.bullet("**" + std::string(l.person_hours) + "**: " + number(t.person_hours, l));
    w.bullet("**" + std::string(l.goals) + "**: " + std::to_string(t.goals_achieved) + "/" +
             std::to_string(t.goals_total));
    w.bullet("**" + std::string(l.actions) + "**: " + std::to_string(t.actions_open));

    w.heading(2, std::string(l.questions));
    if (!t.ages_in_months.empty()) {
        w.bullet(fmt::format(fmt::runtime(l.q_age), t.ages_in_months[t.ages_in_months.size() / 2],
                             long_date(n.to, l), t.ages_in_months.front(), t.ages_in_months.back(),
                             t.without_founding));
    }
    w.bullet(fmt::format(fmt::runtime(l.q_sustained), t.active, readable,
                         share(t.active, readable, l), t.at_risk, t.dormant));
    w.bullet(fmt::format(fmt::runtime(l.q_cost), number(t.person_hours, l),
                         number(readable ? t.person_hours / readable : 0, l)));
    w.bullet(fmt::format(fmt::runtime(l.q_goals), t.goals_achieved, t.goals_total,
                         share(t.goals_achieved, t.goals_total, l)));

    std::vector<std::string> header = {std::string(l.plg), std::string(l.school)};
    std::vector<bool> right = {false, false};
    for (const auto& k : n.label_keys) {
        header.push_back(markdown_inline(k));
        right.push_back(false);
    }
    for (auto [label, r] :
         {std::pair{l.status, false}, std::pair{l.last_meeting_label, false},
          std::pair{l.meetings, true}, std::pair{l.attendance_rate, true}, std::pair{l.hours, true},
          std::pair{l.goals, true}, std::pair{l.open_actions, true}, std::pair{l.rating, true}}) {
        header.push_back(std::string(label));
        right.push_back(r);
    }
    w.heading(2, "PLGs");
    std::vector<std::vector<std::string>> rows;
    for (const auto& r : n.rows) {
        rows.push_back(network_row(r, l, true, n.label_keys));
    }
    if (!rows.empty()) {
        w.table(header, right, rows);
    }

    std::vector<const NetworkRow*> attention;
    for (const auto& r : n.rows) {
        if (r.readable && r.status != Activity::active) {
            attention.push_back(&r);
        }
    }
    if (!attention.empty()) {
        w.heading(2, std::string(l.attention));
        for (const auto* r : attention) {
            w.bullet(fmt::format(
                fmt::runtime(l.attention_line), markdown_inline(r->name),
                l.statuses[size_t(r->status)],
                r->last_meeting ? long_date(*r->last_meeting, l) : std::string(l.never)));
        }
    }

    for (const auto& key : n.label_keys) {
        std::map<std::string, std::array<int, 4>>
            groups;  // plgs, t.active, t.meetings_held, t.person_hours*100
        std::map<std::string, double> group_hours;
        for (const auto& r : n.rows) {
            auto it = r.member.labels.find(key);
            std::string g = it == r.member.labels.end() ? std::string(l.unlabelled) : it->second;
            auto& counts = groups[g];
            ++counts[0];
            counts[1] += r.readable && r.status == Activity::active;
            counts[2] += r.meetings_held;
            group_hours[g] += r.person_hours;
        }
        w.heading(2, fmt::format(fmt::runtime(l.groups), markdown_inline(key)));
        std::vector<std::vector<std::string>> grows;
        for (const auto& [g, counts] : groups) {
            grows.push_back({markdown_inline(g), std::to_string(counts[0]),
                             std::to_string(counts[1]), std::to_string(counts[2]),
                             number(group_hours[g], l)});
        }
        w.table({markdown_inline(key), std::string(l.plg), std::string(l.statuses[0]),
                 std::string(l.meetings), std::string(l.hours)},
                {false, true, true, true, true}, grows);
    }

    bool any_problem = !n.problems.empty() ||
                       std::any_of(n.rows.begin(), n.rows.end(),
                                   [](const NetworkRow& r) { return r.files_with_errors > 0; });
    if (any_problem) {
        w.heading(2, std::string(l.problems));
        w.paragraph(std::string(l.problems_intro));
        for (const auto& p : n.problems) {
            w.bullet(markdown_inline(format_diagnostic(p)));
        }
        for (const auto& r : n.rows) {
            if (r.files_with_errors == 0) {
                continue;
            }
            std::string first = r.errors.empty() ? "" : ": " + format_diagnostic(r.errors[0]);
            w.bullet(markdown_inline(
                r.member.shown + ", " +
                fmt::format(fmt::runtime(l.files_with_errors), r.files_with_errors) + first));
        }
    }
    return w.take();
}

}  // namespace plg
