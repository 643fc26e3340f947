// One PLG's report, section by section, written once for every form: the
// sections write to a DocumentWriter, which is Markdown or HTML. Every word a
// reader sees comes from its language's Labels (labels.cpp).

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "plg/base/i18n.hpp"
#include "plg/base/text.hpp"
#include "plg/base/utf8.hpp"
#include "plg/records/records.hpp"
#include "plg/report/html_writer.hpp"
#include "plg/report/markdown_writer.hpp"
#include "plg/report/report.hpp"

namespace plg {

namespace {

std::string esc(std::string_view s) {
    return markdown_inline(s);
}

// The section's options, the writer and the labels: what every section takes.
struct Out {
    DocumentWriter& w;
    const Labels& l;
    const DocumentOptions& options;
};

// How much of a meeting's notes the report shows unless asked for the full minutes.
constexpr size_t k_short_notes = 600;

// The first `limit` characters of `text`, cut at a space, and whether it was cut.
std::pair<std::string, bool> shortened(const std::string& text, size_t limit) {
    if (utf8_length(text) <= limit) {
        return {text, false};
    }
    std::string cut = utf8_prefix(text, limit);
    size_t space = cut.find_last_of(" \n");
    if (space != std::string::npos && space > cut.size() / 2) {
        cut.resize(space);
    }
    return {cut + " \u2026", true};
}

// The title and the period (the page's header in HTML, front matter in Markdown).
std::string title_of(const Report& r, const Labels& l) {
    return fmt::format(fmt::runtime(l.meeting_heading), r.community->name, l.report);
}
std::string subtitle_of(const Report& r, const Labels& l) {
    const Community& c = *r.community;
    std::string sub = c.school.empty() ? "" : c.school + ", ";
    return sub +
           fmt::format(fmt::runtime(l.period_from_to), long_date(r.from, l), long_date(r.to, l));
}

std::string step_of(const Report& r, const Labels& l) {
    const std::string& first = r.timeline[0].label;
    return std::string(first.size() == 4 ? l.per_year
                       : first[5] == 'Q' ? l.per_quarter
                                         : l.per_month);
}

// 1. The summary: meetings held and expected, attendance, hours, goals, actions, status.
void write_summary(Out o, const Report& r) {
    DocumentWriter& w = o.w;
    const Labels& l = o.l;
    w.heading(2, std::string(l.summary));
    std::string held = fmt::format(fmt::runtime(l.meetings_held), r.meetings_held,
                                   r.meetings_expected, r.cadence_days);
    if (!r.cadence_given) {
        held += fmt::format(fmt::runtime(l.cadence_assumed), r.cadence_days);
    }
    if (r.break_days > 0) {
        held += fmt::format(fmt::runtime(l.break_days), number(r.break_days, l));
    }
    w.bullet(bold_label(l.meetings, l) + held);
    w.bullet(bold_label(l.attendance_rate, l) +
             (r.attendance_percent
                  ? percent(*r.attendance_percent, l) + " (" + number(r.attendance_present, l) +
                        "/" + number(r.attendance_possible, l) + ")"
                  : std::string(l.not_recorded)));
    std::string hours = number(r.person_hours, l);
    if (r.meetings_without_minutes > 0) {
        hours += " (" +
                 fmt::format(fmt::runtime(translate_plural(
                                 l.code, "report", "{} meeting without a duration",
                                 "{} meetings without a duration", r.meetings_without_minutes)),
                             r.meetings_without_minutes) +
                 ")";
    }
    w.bullet(bold_label(l.person_hours, l) + hours);
    std::string goals = fmt::format(fmt::runtime(l.goals_line), r.goals_active, r.goals_achieved,
                                    r.goals_not_achieved, r.goals_dropped);
    if (r.goals_overdue > 0) {
        goals += fmt::format(fmt::runtime(l.goals_overdue), r.goals_overdue);
    }
    w.bullet(bold_label(l.goals, l) + goals);
    w.bullet(bold_label(l.actions, l) + fmt::format(fmt::runtime(l.actions_line), r.actions_open,
                                                    r.actions_overdue, r.actions_carried,
                                                    r.actions_cancelled));
    w.bullet(bold_label(l.reflections, l) + number(r.reflections, l));
    w.bullet(bold_label(l.last_meeting_label, l) +
             (r.last_meeting
                  ? fmt::format(fmt::runtime(l.last_meeting), long_date(*r.last_meeting, l),
                                number(*r.days_since_last_meeting, l), long_date(r.to, l))
                  : std::string(l.never)));
    w.bullet(bold_label(l.status, l) + std::string(l.statuses[size_t(r.status)]) +
             (r.revived ? " (" + std::string(l.revived) + ")" : ""));
    if (r.timeline.size() > 1) {
        std::vector<std::string> points;
        for (size_t i = 0; i < r.timeline.size(); ++i) {
            points.push_back(
                period_label(r.timeline[i].label, l) + " " +
                std::string(r.statuses[i] ? l.statuses[size_t(*r.statuses[i])] : l.not_founded));
        }
        w.bullet(bold_label(fmt::format(fmt::runtime(l.status_over_time), step_of(r, l)), l) +
                 join(points, " · "));
        StatusStrip strip;
        strip.name = "status";
        strip.title = fmt::format(fmt::runtime(l.status_chart), step_of(r, l));
        for (size_t i = 0; i < r.timeline.size(); ++i) {
            strip.labels.push_back(period_label(r.timeline[i].label, l));
            strip.states.push_back(r.statuses[i] ? std::optional(int(*r.statuses[i]))
                                                 : std::nullopt);
        }
        w.chart(strip);
    }
    w.paragraph(fmt::format(fmt::runtime(l.status_rule), 2 * r.cadence_days,
                            k_recent_cadences * r.cadence_days, 4 * r.cadence_days));
}

// 2. What changed since the day before the period: what the last report said.
void write_changes(Out o, const Report& r) {
    if (!r.changes) {
        return;
    }
    DocumentWriter& w = o.w;
    const Labels& l = o.l;
    const Changes& ch = *r.changes;
    const Community& c = *r.community;
    w.heading(2, std::string(l.changes));
    w.paragraph(fmt::format(fmt::runtime(l.changes_intro), long_date(ch.since, l)));
    bool any = false;
    if (ch.status_before && *ch.status_before != r.status) {
        w.bullet(fmt::format(fmt::runtime(l.change_status), l.statuses[size_t(*ch.status_before)],
                             l.statuses[size_t(r.status)]));
        any = true;
    }
    for (const auto& g : ch.goals) {
        const Goal& now = *g.goal;
        std::string suffix = now.unit == "%" ? "%" : "";
        auto value = [&](const std::optional<double>& v) {
            return v ? number(*v, l, 2) + suffix : std::string(l.none);
        };
        if (g.is_new) {
            w.bullet(fmt::format(fmt::runtime(l.change_new_goal), esc(now.title)));
        } else if (g.status_before != now.status) {
            w.bullet(fmt::format(fmt::runtime(l.change_goal_closed), esc(now.title),
                                 l.goal_statuses[size_t(now.status)]));
        }
        if (!g.is_new && g.before != now.latest()) {
            w.bullet(fmt::format(fmt::runtime(l.change_goal), esc(now.title), value(g.before),
                                 value(now.latest())));
        }
        any = true;
    }
    std::vector<std::string> joined;
    for (const auto& id : ch.joined) {
        joined.push_back(member_label(c, id));
    }
    std::vector<std::string> left;
    for (const auto& id : ch.left) {
        left.push_back(member_label(c, id));
    }
    if (!joined.empty()) {
        w.bullet(fmt::format(fmt::runtime(l.change_joined), join(joined)));
        any = true;
    }
    if (!left.empty()) {
        w.bullet(fmt::format(fmt::runtime(l.change_left), join(left)));
        any = true;
    }
    if (!any) {
        w.paragraph(std::string(l.no_changes));
    }
}

// 3. The PLG's vision and norms, as plg.yaml has them.
void write_vision(Out o, const Report& r) {
    const Community& c = *r.community;
    if (c.vision.empty() && c.norms.empty()) {
        return;
    }
    o.w.heading(2, std::string(o.l.vision_norms));
    if (!c.vision.empty()) {
        o.w.quote(c.vision);
    }
    if (!c.norms.empty()) {
        o.w.paragraph(std::string(o.l.norms_intro));
        for (const auto& n : c.norms) {
            o.w.bullet(esc(n));
        }
    }
}

// 4. One row per meeting, what the meetings worked on, and each meeting's minutes.
void write_meetings(Out o, const Report& r) {
    DocumentWriter& w = o.w;
    const Labels& l = o.l;
    const Community& c = *r.community;
    if (r.meetings.empty()) {
        return;
    }
    w.heading(2, std::string(l.meetings));
    std::vector<std::vector<std::string>> rows;
    for (const auto* m : r.meetings) {
        std::string present = m->attendees.empty() ? std::string(l.none)
                                                   : fmt::format("{}/{}", m->attendees.size(),
                                                                 expected_members(*m, c).size());
        rows.push_back(
            {long_date(m->date, l), esc(m->title),
             m->facilitator.empty() ? std::string(l.none) : member_label(c, m->facilitator),
             present, number(double(m->decisions.size()), l)});
    }
    w.table({std::string(l.date), std::string(l.title), std::string(l.facilitator),
             std::string(l.attendance), std::string(l.decisions)},
            {false, false, false, true, true}, rows);

    w.heading(3, std::string(l.focus));
    w.paragraph(fmt::format(fmt::runtime(l.focus_intro), r.meetings_held));
    std::vector<std::vector<std::string>> focus;
    for (size_t i = 0; i < k_focus_values.size(); ++i) {
        std::string name = std::string(l.focus_names[i]);
        if (!name.empty()) {
            name[0] = char(std::toupper(static_cast<unsigned char>(name[0])));
        }
        focus.push_back({name, number(r.focus_counts[i], l)});
    }
    focus.push_back({std::string(l.no_focus), number(r.meetings_without_focus, l)});
    w.table({std::string(l.question), std::string(l.meetings)}, {false, true}, focus);

    w.heading(3, std::string(l.minutes_of));
    for (const auto* m : r.meetings) {
        w.heading(
            4, fmt::format(fmt::runtime(l.meeting_heading), long_date(m->date, l), esc(m->title)));
        if (!m->focus.empty()) {
            w.bullet(bold_label(l.focus, l) + focus_labels(m->focus, l));
        }
        if (!m->agenda.empty()) {
            std::vector<std::string> items;
            for (const auto& a : m->agenda) {
                items.push_back(esc(a));
            }
            w.bullet(bold_label(l.agenda, l) + join(items, "; "));
        }
        if (!m->data.empty()) {
            w.bullet(bold_label(l.data, l) + esc(m->data));
        }
        if (!m->protocol.empty()) {
            w.bullet(bold_label(l.protocol, l) + esc(m->protocol));
        }
        if (!m->notes.empty()) {
            auto [notes, cut] = o.options.full_minutes ? std::pair(m->notes, false)
                                                       : shortened(m->notes, k_short_notes);
            w.quote(notes);
            if (cut) {
                w.paragraph(esc(fmt::format(fmt::runtime(l.shortened), m->id)));
            }
        }
    }
}

// 5. Attendance and hours per member (evidence for professional-development credits).
void write_attendance(Out o, const Report& r) {
    DocumentWriter& w = o.w;
    const Labels& l = o.l;
    bool any_recorded = std::any_of(r.members.begin(), r.members.end(),
                                    [](const MemberStats& s) { return s.recorded > 0; });
    if (!any_recorded) {
        return;
    }
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
            {name, number(s.attended, l) + "/" + number(s.recorded, l),
             s.recorded ? percent(100.0 * s.attended / s.recorded, l) : std::string(l.none),
             fixed_number(s.hours, l, 1)});
    }
    w.table({std::string(l.member), std::string(l.attended), std::string(l.percent_sign),
             std::string(l.hours)},
            {false, true, true, true}, rows);
}

// 6. Who held which role (shared leadership).
void write_roles(Out o, const Report& r) {
    DocumentWriter& w = o.w;
    const Labels& l = o.l;
    bool any_roles = std::any_of(r.members.begin(), r.members.end(), [](const MemberStats& s) {
        return s.facilitated > 0 || !s.roles.empty();
    });
    if (!any_roles) {
        return;
    }
    w.heading(2, std::string(l.roles));
    w.paragraph(std::string(l.roles_intro));
    for (const auto& s : r.members) {
        std::vector<std::string> held_roles;
        if (s.facilitated) {
            held_roles.push_back(std::string(l.facilitator) + " " + std::to_string(s.facilitated) +
                                 "×");
        }
        for (const auto& [role, count] : s.roles) {
            held_roles.push_back(role_label(role, l) + " " + std::to_string(count) + "×");
        }
        if (!held_roles.empty()) {
            w.bullet(esc(s.name) + ": " + join(held_roles));
        }
    }
}

// A goal's chart: the baseline and the measured values, placed by date when
// the goal records when it was set, and the target.
LineChart goal_chart(const Goal& g, const Labels& l) {
    LineChart c;
    c.name = "goal-" + g.id;
    c.title = g.title;
    c.y_label = g.unit.empty() ? std::string(l.value) : g.unit;
    c.value_suffix = g.unit == "%" ? "%" : "";
    ChartSeries measured{std::string(l.chart_measured), {}};
    bool by_date = !g.baseline || (g.created && *g.created <= g.progress.front().date);
    // A first measurement on the day the goal was set, of the baseline's value,
    // is the baseline: one point, not two on top of each other.
    bool baseline_measured = g.baseline && g.created && *g.created == g.progress.front().date &&
                             g.progress.front().value == *g.baseline;
    if (g.baseline && !baseline_measured) {
        c.x_labels.push_back(std::string(l.baseline));
        measured.values.push_back(*g.baseline);
        if (by_date && g.created) {
            c.dates.push_back(*g.created);
        }
    }
    for (const auto& p : g.progress) {
        c.x_labels.push_back(short_date(p.date, l) + " " + std::to_string(p.date.year()));
        measured.values.push_back(p.value);
        if (by_date) {
            c.dates.push_back(p.date);
        }
    }
    if (c.dates.size() != c.x_labels.size()) {
        c.dates.clear();
    }
    c.series.push_back(std::move(measured));
    if (g.target) {
        c.target = *g.target;
        c.target_label =
            fmt::format(fmt::runtime(l.chart_target), number(*g.target, l, 2) + c.value_suffix);
    }
    return c;
}

// 7. Each goal: baseline, latest and target, its measurements and chart.
void write_goals(Out o, const Report& r) {
    DocumentWriter& w = o.w;
    const Labels& l = o.l;
    const Community& c = *r.community;
    if (r.goals.empty()) {
        return;
    }
    w.heading(2, std::string(l.goals));
    for (const auto& goal : r.goals) {
        const Goal* g = &goal;
        w.heading(3, esc(g->title));
        std::vector<std::string> owners;
        for (const auto& id : g->owners) {
            owners.push_back(member_label(c, id));
        }
        auto value = [&](const std::optional<double>& v) {
            return v ? number(*v, l, 2) + (g->unit == "%" ? "%" : "") : std::string("?");
        };
        std::string unit = g->unit.empty() || g->unit == "%" ? "" : " " + esc(g->unit);
        w.bullet(bold_label(l.status, l) + std::string(l.goal_statuses[size_t(g->status)]) +
                 (g->closed ? " (" + long_date(*g->closed, l) + ")" : ""));
        if (!owners.empty()) {
            w.bullet(bold_label(l.owners, l) + join(owners));
        }
        if (g->due) {
            w.bullet(bold_label(l.due, l) + long_date(*g->due, l) +
                     (g->overdue_on(r.to) ? " (**" + std::string(l.past_due) + "**)" : ""));
        }
        if (!g->measure.empty()) {
            w.bullet(bold_label(l.measured, l) + esc(g->measure));
        }
        std::string way = g->percent() ? ", " + fmt::format(fmt::runtime(l.of_the_way),
                                                            number(*g->percent(), l, 0))
                                       : "";
        w.bullet(bold_label(l.progress, l) + value(g->baseline) + " → " + value(g->latest()) +
                 " → " + value(g->target) + unit + way);
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
            w.chart(goal_chart(*g, l));
        }
    }
}

// 8. Open, completed and cancelled actions.
void write_actions(Out o, const Report& r) {
    DocumentWriter& w = o.w;
    const Labels& l = o.l;
    const Community& c = *r.community;
    if (r.open_actions.empty() && r.completed_actions.empty() && r.cancelled_actions.empty()) {
        return;
    }
    auto owner = [&](const OpenAction& a) {
        return a.action.owner.empty() ? std::string(l.none) : member_label(c, a.action.owner);
    };
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
            rows.push_back({esc(a.action.text), owner(a), due, long_date(a.meeting->date, l)});
        }
        w.table({std::string(l.action), std::string(l.owner), std::string(l.due),
                 std::string(l.agreed)},
                {false, false, false, false}, rows);
    }
    if (!r.completed_actions.empty()) {
        w.heading(3, std::string(l.completed_actions));
        std::vector<std::vector<std::string>> rows;
        for (const auto& a : r.completed_actions) {
            rows.push_back({esc(a.action.text), owner(a), long_date(*a.action.done_on, l)});
        }
        w.table({std::string(l.action), std::string(l.owner), std::string(l.done_on)},
                {false, false, false}, rows);
    }
    if (!r.cancelled_actions.empty()) {
        w.heading(3, std::string(l.cancelled_actions));
        std::vector<std::vector<std::string>> rows;
        for (const auto& a : r.cancelled_actions) {
            rows.push_back({esc(a.action.text), owner(a), long_date(*a.action.cancelled_on, l),
                            a.action.note.empty() ? std::string(l.none) : esc(a.action.note)});
        }
        w.table({std::string(l.action), std::string(l.owner), std::string(l.cancelled_on),
                 std::string(l.note)},
                {false, false, false, false}, rows);
    }
}

// 9. The decisions.
void write_decisions(Out o, const Report& r) {
    if (r.decisions.empty()) {
        return;
    }
    o.w.heading(2, std::string(o.l.decisions));
    for (const auto& d : r.decisions) {
        o.w.bullet(long_date(d.meeting->date, o.l) + ": " + esc(d.text));
    }
}

// 10. The ratings over time, what went well, the challenges and the next steps.
void write_reflections(Out o, const Report& r) {
    DocumentWriter& w = o.w;
    const Labels& l = o.l;
    const Community& c = *r.community;
    if (r.reflections == 0) {
        return;
    }
    w.heading(2, std::string(l.reflections));
    if (!r.ratings.empty()) {
        std::string_view per = r.rating_by_quarter ? l.per_quarter : l.per_month;
        w.paragraph(fmt::format(fmt::runtime(l.ratings_intro), per));
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
                row.push_back(a ? fixed_number(*a, l, 1) : std::string(l.none));
            }
            std::string trend = std::string(l.none);
            std::string direction = trend_of(t, r.rating_periods.size());
            if (direction != "none") {
                std::string arrow = direction == "up" ? "↑" : (direction == "down" ? "↓" : "→");
                trend = arrow + " " + fixed_number(*t.first, l, 1) + " → " +
                        fixed_number(*t.last, l, 1);
            }
            row.push_back(trend);
            rows.push_back(std::move(row));
        }
        w.table(header, right, rows);
        if (r.rating_periods.size() > 1) {
            LineChart chart;
            chart.name = "ratings";
            chart.title = fmt::format(fmt::runtime(l.ratings_chart), per);
            chart.y_min = 1;
            chart.y_max = 5;
            chart.decimals = 1;
            for (const auto& p : r.rating_periods) {
                chart.x_labels.push_back(period_label(p, l));
            }
            for (const auto& t : r.ratings) {
                chart.series.push_back({t.name, t.averages});
            }
            w.chart(chart);
        }
    }
    auto texts = [&](std::string_view heading, std::string Reflection::*field) {
        bool any = std::any_of(r.reflection_list.begin(), r.reflection_list.end(),
                               [&](const Reflection* x) { return !(x->*field).empty(); });
        if (!any) {
            return;
        }
        w.heading(3, std::string(heading));
        for (const auto* x : r.reflection_list) {
            if (!(x->*field).empty()) {
                w.bullet(long_date(x->date, l) + ", " + member_label(c, x->author) + ": " +
                         esc(x->*field));
            }
        }
    };
    texts(l.went_well, &Reflection::went_well);
    texts(l.challenges, &Reflection::challenge);
    texts(l.next_steps, &Reflection::next_step);
}

void write_sections(Out o, const Report& r) {
    for (auto section :
         {write_summary, write_changes, write_vision, write_meetings, write_attendance, write_roles,
          write_goals, write_actions, write_decisions, write_reflections}) {
        section(o, r);
    }
}

}  // namespace

MarkdownDocument render_markdown(const Report& r, std::string_view language,
                                 const DocumentOptions& options) {
    const Labels& l = labels_for(language);
    MarkdownWriter w(l, options.charts, options.chart_folder);
    w.front_matter(esc(title_of(r, l)), esc(subtitle_of(r, l)), long_date(r.to, l), l.code);
    write_sections({w, l, options}, r);
    return {w.take(), w.take_charts()};
}

std::string render_markdown(const Report& r, std::string_view language) {
    return render_markdown(r, language, DocumentOptions{}).text;
}

std::string render_html(const Report& r, std::string_view language,
                        const DocumentOptions& options) {
    const Labels& l = labels_for(language);
    HtmlWriter w(l, {std::string(l.code), title_of(r, l), subtitle_of(r, l), false});
    write_sections({w, l, options}, r);
    return w.take();
}

}  // namespace plg
