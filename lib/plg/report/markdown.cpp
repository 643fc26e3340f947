// The Markdown form of one PLG's report. Every word a reader sees comes from
// its language's Labels (labels.cpp).

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>

#include "plg/base/text.hpp"
#include "plg/records/records.hpp"
#include "plg/report/markdown_writer.hpp"
#include "plg/report/report.hpp"

namespace plg {

namespace {

std::string member_name(const Community& c, const std::string& id) {
    const Member* m = c.find_member(id);
    return m ? m->name : id;
}

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

namespace {

// The length of a web address starting at `i` ("https://..." up to a space,
// less the punctuation that ends a sentence), or 0. An address with a
// character an autolink cannot hold is left as text.
size_t url_at(std::string_view text, size_t i) {
    if (text.compare(i, 8, "https://") != 0 && text.compare(i, 7, "http://") != 0) {
        return 0;
    }
    size_t end = i;
    while (end < text.size() && !std::isspace(static_cast<unsigned char>(text[end]))) {
        if (std::string_view("<>|`\\").find(text[end]) != std::string_view::npos) {
            return 0;
        }
        ++end;
    }
    while (end > i &&
           std::string_view(".,;:!?)'\"").find(text[end - 1]) != std::string_view::npos) {
        --end;
    }
    return text.compare(i, end - i, "https://") == 0 || end - i <= 8 ? 0 : end - i;
}

}  // namespace

std::string markdown_inline(std::string_view text) {
    std::string out;
    bool space = false;
    for (size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
            space = !out.empty();
            continue;
        }
        if (space) {
            out += ' ';
            space = false;
        }
        // A web address as an autolink: a bare one is a lint error (MD034), and
        // its '_' and '*' must stay as they are.
        if (size_t n = (i == 0 || !std::isalnum(static_cast<unsigned char>(text[i - 1])))
                           ? url_at(text, i)
                           : 0) {
            out += "<" + std::string(text.substr(i, n)) + ">";
            i += n - 1;
            continue;
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
            case '{':  // pandoc reads "{...}" after a heading as attributes
            case '}':
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

namespace {

std::string esc(std::string_view s) {
    return markdown_inline(s);
}

// The title and the period.
void write_title(MarkdownWriter& w, const Report& r, const Labels& l) {
    const Community& c = *r.community;
    w.heading(1, esc(c.name) + ": " + std::string(l.report));
    std::string sub = c.school.empty() ? "" : esc(c.school) + ", ";
    w.paragraph(sub + fmt::format(fmt::runtime(l.period_from_to), long_date(r.from, l),
                                  long_date(r.to, l)));
}

// 1. The summary: meetings held and expected, attendance, hours, goals, actions, status.
void write_summary(MarkdownWriter& w, const Report& r, const Labels& l) {
    w.heading(2, std::string(l.summary));
    std::string held = fmt::format(fmt::runtime(l.meetings_held), r.meetings_held,
                                   r.meetings_expected, r.cadence_days);
    if (!r.cadence_given) {
        held += fmt::format(fmt::runtime(l.cadence_assumed), r.cadence_days);
    }
    if (r.break_days > 0) {
        held += fmt::format(fmt::runtime(l.break_days), r.break_days);
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
    std::string goals = fmt::format(fmt::runtime(l.goals_line), r.goals_active, r.goals_achieved,
                                    r.goals_not_achieved, r.goals_dropped);
    if (r.goals_overdue > 0) {
        goals += fmt::format(fmt::runtime(l.goals_overdue), r.goals_overdue);
    }
    w.bullet("**" + std::string(l.goals) + "**: " + goals);
    w.bullet("**" + std::string(l.actions) + "**: " +
             fmt::format(fmt::runtime(l.actions_line), r.actions_open, r.actions_overdue,
                         r.actions_carried, r.actions_cancelled));
    w.bullet("**" + std::string(l.reflections) + "**: " + std::to_string(r.reflections));
    w.bullet("**" + std::string(l.last_meeting_label) + "**: " +
             (r.last_meeting
                  ? fmt::format(fmt::runtime(l.last_meeting), long_date(*r.last_meeting, l),
                                *r.days_since_last_meeting, long_date(r.to, l))
                  : std::string(l.never)));
    w.bullet("**" + std::string(l.status) + "**: " + std::string(l.statuses[size_t(r.status)]) +
             (r.revived ? " (" + std::string(l.revived) + ")" : ""));
    if (r.timeline.size() > 1) {
        const std::string& first = r.timeline[0].label;
        std::string step = first.size() == 4 ? std::string(l.per_year)
                           : first[5] == 'Q' ? std::string(l.per_quarter)
                                             : std::string(l.per_month);
        std::vector<std::string> points;
        for (size_t i = 0; i < r.timeline.size(); ++i) {
            points.push_back(
                period_label(r.timeline[i].label, l) + " " +
                std::string(r.statuses[i] ? l.statuses[size_t(*r.statuses[i])] : l.not_founded));
        }
        w.bullet("**" + fmt::format(fmt::runtime(l.status_over_time), step) +
                 "**: " + join(points, " · "));
    }
    w.paragraph(fmt::format(fmt::runtime(l.status_rule), 2 * r.cadence_days,
                            k_recent_cadences * r.cadence_days, 4 * r.cadence_days));
}

// 2. One row per meeting.
void write_meetings(MarkdownWriter& w, const Report& r, const Labels& l) {
    const Community& c = *r.community;
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
}

// 3. Attendance and hours per member (evidence for professional-development credits).
void write_attendance(MarkdownWriter& w, const Report& r, const Labels& l) {
    bool any_recorded = std::any_of(r.members.begin(), r.members.end(),
                                    [](const MemberStats& s) { return s.recorded > 0; });
    if (any_recorded) {
        w.heading(2, std::string(l.attendance));
        std::vector<std::vector<std::string>> rows;
        for (const auto& s : r.members) {
            std::vector<std::string> tenure;
            if (s.joined && *s.joined > r.from) {
                tenure.push_back(fmt::format(fmt::runtime(l.joined_on), long_date(*s.joined, l)));
            }
            if (s.left && *s.left < r.to) {
                tenure.push_back(fmt::format(fmt::runtime(l.left_on), long_date(*s.left, l)));
            }
            std::string name = esc(s.name) + (tenure.empty() ? "" : " (" + join(tenure) + ")");
            rows.push_back(
                {name, std::to_string(s.attended) + "/" + std::to_string(s.recorded),
                 s.recorded ? percent(100.0 * s.attended / s.recorded, l) : std::string(l.none),
                 number(s.hours, l)});
        }
        w.table({std::string(l.member), std::string(l.attended), "%", std::string(l.hours)},
                {false, true, true, true}, rows);
    }
}

// 3b. Who held which role (shared leadership).
void write_roles(MarkdownWriter& w, const Report& r, const Labels& l) {
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
}

// 4. Each goal: baseline, latest and target, its measurements and charts.
void write_goals(MarkdownWriter& w, const Report& r, const Labels& l) {
    const Community& c = *r.community;
    if (!r.goals.empty()) {
        w.heading(2, std::string(l.goals));
        for (const auto& goal : r.goals) {
            const Goal* g = &goal;
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
                w.bullet("**" + std::string(l.due) + "**: " + long_date(*g->due, l) +
                         (g->overdue_on(r.to) ? " (**" + std::string(l.past_due) + "**)" : ""));
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
}

// 5. Open and completed actions.
void write_actions(MarkdownWriter& w, const Report& r, const Labels& l) {
    const Community& c = *r.community;
    if (!r.open_actions.empty() || !r.completed_actions.empty() || !r.cancelled_actions.empty()) {
        w.heading(2, std::string(l.actions));
        if (!r.open_actions.empty()) {
            w.heading(3, std::string(l.open_actions));
            std::vector<std::vector<std::string>> rows;
            for (const auto& a : r.open_actions) {
                std::string due = a.action.due ? long_date(*a.action.due, l) : std::string(l.none);
                if (a.overdue) {
                    due = "**" + due + " (" + std::string(l.overdue) + ")**";
                }
                if (a.carried > 0) {
                    due += "; " + fmt::format(fmt::runtime(l.carried_count), a.carried);
                }
                rows.push_back({esc(a.action.text),
                                a.action.owner.empty() ? std::string(l.none)
                                                       : esc(member_name(c, a.action.owner)),
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
                rows.push_back({esc(a.action.text),
                                a.action.owner.empty() ? std::string(l.none)
                                                       : esc(member_name(c, a.action.owner)),
                                long_date(*a.action.done_on, l)});
            }
            w.table({std::string(l.action), std::string(l.owner), std::string(l.done_on)},
                    {false, false, false}, rows);
        }
        if (!r.cancelled_actions.empty()) {
            w.heading(3, std::string(l.cancelled_actions));
            std::vector<std::vector<std::string>> rows;
            for (const auto& a : r.cancelled_actions) {
                rows.push_back({esc(a.action.text),
                                a.action.owner.empty() ? std::string(l.none)
                                                       : esc(member_name(c, a.action.owner)),
                                long_date(*a.action.cancelled_on, l),
                                a.action.note.empty() ? std::string(l.none) : esc(a.action.note)});
            }
            w.table({std::string(l.action), std::string(l.owner), std::string(l.cancelled_on),
                     std::string(l.note)},
                    {false, false, false, false}, rows);
        }
    }
}

// 6. The decisions.
void write_decisions(MarkdownWriter& w, const Report& r, const Labels& l) {
    if (!r.decisions.empty()) {
        w.heading(2, std::string(l.decisions));
        for (const auto& d : r.decisions) {
            w.bullet(long_date(d.meeting->date, l) + ": " + esc(d.text));
        }
    }
}

// 7. The ratings over time and the next steps.
void write_reflections(MarkdownWriter& w, const Report& r, const Labels& l) {
    const Community& c = *r.community;
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
}

}  // namespace

std::string render_markdown(const Report& r, std::string_view language) {
    const Labels& l = labels_for(language);
    MarkdownWriter w;
    for (auto section : {write_title, write_summary, write_meetings, write_attendance, write_roles,
                         write_goals, write_actions, write_decisions, write_reflections}) {
        section(w, r, l);
    }
    return w.take();
}

}  // namespace plg
