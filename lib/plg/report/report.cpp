#include <nlohmann/json.hpp>

#include "plg/report/report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <set>

#include "plg/base/i18n.hpp"
#include "plg/base/text.hpp"
#include "plg/records/json.hpp"
#include "plg/records/records.hpp"

namespace plg {

namespace {

bool in_period(Date d, const Report& r) {
    return d >= r.from && d <= r.to;
}

bool contains(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

std::string period_of(Date d, bool by_quarter) {
    if (by_quarter) {
        return fmt::format("{}-Q{}", d.year(), (d.month() - 1) / 3 + 1);
    }
    return d.iso().substr(0, 7);
}

double round_to(double v, int decimals) {
    double f = std::pow(10.0, decimals);
    return std::round(v * f) / f;
}

// The period: --from, else the founding date or the first record; --to, else
// today. It never starts before the PLG was founded.
void set_period(Report& r, const Plg& plg, const MeetingHistory& history,
                const ReportOptions& options) {
    const Community& c = *plg.community;
    r.to = options.to.value_or(options.today);
    if (c.founded && *c.founded > r.to) {
        throw Error(
            tr("'{}' was founded on {}, after the period ends ({}), so there is nothing "
               "to report; give a --to on or after {}",
               c.name, c.founded->iso(), r.to.iso(), c.founded->iso()));
    }
    if (options.from) {
        r.from = *options.from;
    } else {
        std::optional<Date> first = c.founded;
        auto earlier = [&](Date d) {
            if (!first || d < *first) {
                first = d;
            }
        };
        for (const auto& m : plg.meetings) {
            earlier(m.date);
        }
        for (const auto& x : plg.reflections) {
            earlier(x.date);
        }
        r.from = first.value_or(r.to);
        if (r.from > r.to) {
            r.from = r.to;
        }
    }
    if (r.from > r.to) {
        throw Error(tr("the period starts ({}) after it ends ({}); check --from and --to",
                       r.from.iso(), r.to.iso()));
    }
    if (c.founded && r.from < *c.founded) {
        r.from = *c.founded;
    }
    r.meetings_expected = expected_meetings(history, r.from, r.to);
    r.break_days = r.to.days_since(r.from) + 1 - working_days(c.breaks, r.from, r.to);
}

// Meetings held, attendance and hours per member, roles, decisions and the
// actions completed in the period.
void add_meetings(Report& r, const Plg& plg) {
    const Community& c = *plg.community;
    for (const auto& m : c.members) {
        // Everyone who was a member at some time in the period.
        if ((!m.joined || *m.joined <= r.to) && (!m.left || *m.left >= r.from)) {
            r.members.push_back({m.id, m.name, m.joined, m.left, 0, 0, 0, 0, {}});
        }
    }
    auto stats = [&](const std::string& id) -> MemberStats& {
        for (auto& s : r.members) {
            if (s.id == id) {
                return s;
            }
        }
        const Member* known = c.find_member(id);
        r.members.push_back({id,
                             known ? known->name : id,
                             known ? known->joined : std::nullopt,
                             known ? known->left : std::nullopt,
                             0,
                             0,
                             0,
                             0,
                             {}});
        return r.members.back();
    };

    for (const auto& m : plg.meetings) {
        if (!in_period(m.date, r)) {
            continue;
        }
        r.meetings.push_back(&m);
        ++r.meetings_held;
        if (!m.attendees.empty()) {
            std::vector<std::string> expected = expected_members(m, c);
            r.attendance_present += int(m.attendees.size());
            r.attendance_possible += int(expected.size());
            for (const auto& id : expected) {
                MemberStats& s = stats(id);
                ++s.recorded;
                if (contains(m.attendees, id)) {
                    ++s.attended;
                    s.hours += m.minutes.value_or(0) / 60.0;
                }
            }
        }
        if (m.minutes) {
            r.person_hours += *m.minutes * double(m.attendees.size()) / 60.0;
        } else {
            ++r.meetings_without_minutes;
        }
        if (!m.facilitator.empty()) {
            ++stats(m.facilitator).facilitated;
        }
        for (const auto& [role, id] : m.roles) {
            ++stats(id).roles[role];
        }
        for (const auto& d : m.decisions) {
            r.decisions.push_back({&m, d});
        }
        for (size_t i = 0; i < m.actions.size(); ++i) {
            const ActionItem& a = m.actions[i];
            if (a.done && a.done_on && in_period(*a.done_on, r)) {
                r.completed_actions.push_back({&m, i + 1, a, false});
            }
            if (a.cancelled && a.cancelled_on && in_period(*a.cancelled_on, r)) {
                r.cancelled_actions.push_back({&m, i + 1, a, false});
            }
        }
    }
    r.actions_cancelled = int(r.cancelled_actions.size());
    // An action carried by two meetings of the period is one action carried.
    std::set<std::string> carried;
    for (const Meeting* m : r.meetings) {
        for (const auto& taken_up : m->carried) {
            carried.insert(taken_up.id);
        }
    }
    r.actions_carried = int(carried.size());
}

// The actions open on the period's last day, soonest due first: agreed by
// then and neither done nor cancelled by then; overdue when their due date
// then (the last one a meeting that carried them gave) was before it.
void add_open_actions(Report& r, const Plg& plg) {
    for (const auto& m : plg.meetings) {
        for (size_t i = 0; i < m.actions.size(); ++i) {
            const ActionItem& a = m.actions[i];
            if (m.date <= r.to && a.open_on(r.to)) {
                ActionItem then = a;
                then.done = false;
                then.done_on.reset();
                then.cancelled = false;
                then.cancelled_on.reset();
                then.due = due_on(plg, a, r.to);
                bool overdue = then.due && *then.due < r.to;
                int carried = 0;
                for (const auto& later : plg.meetings) {
                    for (const auto& taken_up : later.carried) {
                        carried += !a.id.empty() && taken_up.id == a.id && later.date <= r.to;
                    }
                }
                r.open_actions.push_back({&m, i + 1, std::move(then), overdue, carried});
                ++r.actions_open;
                r.actions_overdue += overdue;
            }
        }
    }
    std::stable_sort(r.open_actions.begin(), r.open_actions.end(),
                     [](const OpenAction& x, const OpenAction& y) {
                         if (x.action.due.has_value() != y.action.due.has_value()) {
                             return x.action.due.has_value();
                         }
                         return x.action.due && *x.action.due < *y.action.due;
                     });
}

// The rates, the status on the last day and the status over the period.
void add_summary(Report& r, const MeetingHistory& history) {
    if (r.attendance_possible > 0) {
        r.attendance_percent = round_to(100.0 * r.attendance_present / r.attendance_possible, 1);
    }
    r.person_hours = round_to(r.person_hours, 2);
    if (auto s = status_on(history, r.to)) {
        r.status_detail = *s;
    } else {
        r.status_detail.recent_from = r.to;  // founded after `to`: refused in set_period
    }
    r.status = r.status_detail.status;
    r.last_meeting = r.status_detail.last_meeting;
    if (r.last_meeting) {
        r.days_since_last_meeting = r.to.days_since(*r.last_meeting);
    }
    r.timeline = timeline_points(r.from, r.to);
    r.statuses = status_over(history, r.timeline);
    r.revived = revived(history, r.from, r.statuses);
}

// The goals set by the period's last day, as they stood then.
void add_goals(Report& r, const Plg& plg) {
    for (const auto& g : plg.goals) {
        if (!g.exists_on(r.to)) {
            continue;
        }
        Goal then = g.as_of(r.to);
        switch (then.status) {
            case GoalStatus::active:
                ++r.goals_active;
                break;
            case GoalStatus::achieved:
                ++r.goals_achieved;
                break;
            case GoalStatus::not_achieved:
                ++r.goals_not_achieved;
                break;
            case GoalStatus::dropped:
                ++r.goals_dropped;
                break;
        }
        r.goals_overdue += then.overdue_on(r.to);
        r.goals.push_back(std::move(then));
    }
}

// Reflections in the period, their next steps, and the ratings per dimension by
// month (by quarter beyond six months).
void add_reflections(Report& r, const Plg& plg) {
    const Community& c = *plg.community;
    std::set<std::string> months;
    for (const auto& x : plg.reflections) {
        if (!in_period(x.date, r)) {
            continue;
        }
        ++r.reflections;
        r.reflection_list.push_back(&x);
        if (!x.next_step.empty()) {
            r.next_steps.push_back(&x);
        }
        if (!x.ratings.empty()) {
            months.insert(period_of(x.date, false));
        }
    }
    r.rating_by_quarter = months.size() > 6;
    std::map<std::string, size_t> column;
    for (const auto& x : plg.reflections) {
        if (in_period(x.date, r) && !x.ratings.empty()) {
            column.emplace(period_of(x.date, r.rating_by_quarter), 0);
        }
    }
    for (auto& [label, index] : column) {
        index = r.rating_periods.size();
        r.rating_periods.push_back(label);
    }
    for (const auto& dim : c.framework) {
        DimensionTrend t{dim.id, dim.name, {}, 0, {}, {}};
        std::vector<double> sum(r.rating_periods.size(), 0);
        std::vector<int> count(r.rating_periods.size(), 0);
        for (const auto& x : plg.reflections) {
            auto v = x.rating(dim.id);
            if (v && in_period(x.date, r)) {
                size_t i = column[period_of(x.date, r.rating_by_quarter)];
                sum[i] += *v;
                ++count[i];
                ++t.count;
            }
        }
        for (size_t i = 0; i < sum.size(); ++i) {
            t.averages.push_back(count[i] ? std::optional(round_to(sum[i] / count[i], 2))
                                          : std::nullopt);
            if (count[i]) {
                t.last = t.averages.back();
                if (!t.first) {
                    t.first = t.averages.back();
                }
            }
        }
        if (t.count > 0) {
            r.ratings.push_back(std::move(t));
        }
    }
}

// Which of DuFour's questions the meetings of the period worked on.
void add_focus(Report& r) {
    for (const auto* m : r.meetings) {
        for (size_t i = 0; i < k_focus_values.size(); ++i) {
            r.focus_counts[i] += contains(m->focus, k_focus_values[i]);
        }
        r.meetings_without_focus += m->focus.empty();
    }
}

// What changed since the day before the period, when the PLG existed then.
void add_changes(Report& r, const Plg& plg, const MeetingHistory& history) {
    std::optional<Date> start = history.start();
    if (!start || *start >= r.from) {
        return;
    }
    Changes ch;
    ch.since = r.from.plus_days(-1);
    if (auto s = status_on(history, ch.since)) {
        ch.status_before = s->status;
    }
    for (const auto& now : r.goals) {
        const Goal* g = nullptr;
        for (const auto& x : plg.goals) {
            g = x.id == now.id ? &x : g;
        }
        GoalChange change{&now, !g || !g->exists_on(ch.since), std::nullopt, std::nullopt};
        size_t measured_before = 0;
        if (!change.is_new) {
            Goal then = g->as_of(ch.since);
            change.before = then.latest();
            change.status_before = then.status;
            measured_before = then.progress.size();
        }
        bool measured = now.progress.size() > measured_before;
        if (change.is_new || measured || change.status_before != now.status) {
            ch.goals.push_back(change);
        }
    }
    for (const auto& m : plg.community->members) {
        if (m.joined && *m.joined >= r.from && *m.joined <= r.to) {
            ch.joined.push_back(m.id);
        }
        if (m.left && *m.left >= r.from && *m.left < r.to) {
            ch.left.push_back(m.id);
        }
    }
    r.changes = std::move(ch);
}

}  // namespace

Report build_report(const Plg& plg, const ReportOptions& options) {
    Report r;
    r.community = &*plg.community;
    r.today = options.today;
    r.cadence_given = plg.community->cadence_days.has_value();
    r.cadence_days = plg.community->cadence_days.value_or(k_default_cadence_days);
    MeetingHistory history = history_of(plg);
    set_period(r, plg, history, options);
    add_meetings(r, plg);
    add_open_actions(r, plg);
    add_summary(r, history);
    add_goals(r, plg);
    add_reflections(r, plg);
    add_focus(r);
    add_changes(r, plg, history);
    return r;
}

std::string trend_of(const DimensionTrend& t, size_t periods) {
    size_t rated =
        size_t(std::count_if(t.averages.begin(), t.averages.end(),
                             [](const std::optional<double>& a) { return a.has_value(); }));
    if (!t.first || !t.last || periods < 2 || rated < 2) {
        return "none";
    }
    double change = *t.last - *t.first;
    return change >= 0.25 ? "up" : (change <= -0.25 ? "down" : "flat");
}

// ---- JSON ----------------------------------------------------------------------

namespace {

nlohmann::json opt_number(const std::optional<double>& v) {
    return v ? json_number(*v) : nlohmann::json(nullptr);
}

nlohmann::json action_json(const OpenAction& a) {
    nlohmann::json j = to_json(a.action);
    j["id"] = action_ref(*a.meeting, a.number - 1);
    j["meeting"] = a.meeting->id;
    j["meeting_date"] = a.meeting->date.iso();
    j["overdue"] = a.overdue;
    j["carried"] = a.carried;
    return j;
}

}  // namespace

nlohmann::json report_json(const Report& r) {
    const Community& c = *r.community;
    nlohmann::json meetings = nlohmann::json::array();
    for (const auto* m : r.meetings) {
        meetings.push_back(
            {{"id", m->id},
             {"date", m->date.iso()},
             {"title", m->title},
             {"facilitator", m->facilitator},
             {"present", m->attendees.size()},
             {"expected", m->attendees.empty() ? nlohmann::json(nullptr)
                                               : nlohmann::json(expected_members(*m, c).size())},
             {"guests", m->guests.size()},
             {"minutes", m->minutes ? nlohmann::json(*m->minutes) : nullptr},
             {"decisions", m->decisions.size()}});
    }
    nlohmann::json members = nlohmann::json::array();
    for (const auto& s : r.members) {
        members.push_back(
            {{"id", s.id},
             {"name", s.name},
             {"joined", s.joined ? nlohmann::json(s.joined->iso()) : nullptr},
             {"left", s.left ? nlohmann::json(s.left->iso()) : nullptr},
             {"attended", s.attended},
             {"recorded", s.recorded},
             {"percent", s.recorded ? json_number(round_to(100.0 * s.attended / s.recorded, 1))
                                    : nlohmann::json(nullptr)},
             {"hours", json_number(round_to(s.hours, 2))},
             {"facilitated", s.facilitated},
             {"roles", s.roles}});
    }
    nlohmann::json goals = nlohmann::json::array();
    for (const auto& g : r.goals) {
        nlohmann::json j = to_json(g);
        j["overdue"] = g.overdue_on(r.to);
        goals.push_back(std::move(j));
    }
    nlohmann::json open = nlohmann::json::array();
    for (const auto& a : r.open_actions) {
        open.push_back(action_json(a));
    }
    nlohmann::json completed = nlohmann::json::array();
    for (const auto& a : r.completed_actions) {
        completed.push_back(action_json(a));
    }
    nlohmann::json cancelled = nlohmann::json::array();
    for (const auto& a : r.cancelled_actions) {
        cancelled.push_back(action_json(a));
    }
    nlohmann::json decisions = nlohmann::json::array();
    for (const auto& d : r.decisions) {
        decisions.push_back(
            {{"date", d.meeting->date.iso()}, {"meeting", d.meeting->id}, {"text", d.text}});
    }
    nlohmann::json ratings = nlohmann::json::array();
    for (const auto& t : r.ratings) {
        nlohmann::json per = nlohmann::json::object();
        for (size_t i = 0; i < t.averages.size(); ++i) {
            per[r.rating_periods[i]] = opt_number(t.averages[i]);
        }
        ratings.push_back({{"dimension", t.id},
                           {"name", t.name},
                           {"count", t.count},
                           {"averages", per},
                           {"first", opt_number(t.first)},
                           {"last", opt_number(t.last)},
                           {"trend", trend_of(t, r.rating_periods.size())}});
    }
    nlohmann::json next = nlohmann::json::array();
    for (const auto* x : r.next_steps) {
        next.push_back({{"date", x->date.iso()},
                        {"author", x->author},
                        {"reflection", x->id},
                        {"text", x->next_step}});
    }
    nlohmann::json timeline = nlohmann::json::array();
    for (size_t i = 0; i < r.timeline.size(); ++i) {
        timeline.push_back({{"period", r.timeline[i].label},
                            {"date", r.timeline[i].day.iso()},
                            {"status", r.statuses[i] ? nlohmann::json(to_string(*r.statuses[i]))
                                                     : nlohmann::json(nullptr)}});
    }
    nlohmann::json focus = nlohmann::json::object();
    for (size_t i = 0; i < k_focus_values.size(); ++i) {
        focus[k_focus_values[i]] = r.focus_counts[i];
    }
    focus["none"] = r.meetings_without_focus;
    nlohmann::json changes = nullptr;
    if (r.changes) {
        const Changes& ch = *r.changes;
        nlohmann::json goal_changes = nlohmann::json::array();
        for (const auto& g : ch.goals) {
            goal_changes.push_back(
                {{"goal", g.goal->id},
                 {"new", g.is_new},
                 {"before", opt_number(g.before)},
                 {"after", opt_number(g.goal->latest())},
                 {"status_before",
                  g.status_before ? nlohmann::json(to_string(*g.status_before)) : nullptr},
                 {"status", to_string(g.goal->status)}});
        }
        changes = {{"since", ch.since.iso()},
                   {"status_before",
                    ch.status_before ? nlohmann::json(to_string(*ch.status_before)) : nullptr},
                   {"goals", goal_changes},
                   {"joined", ch.joined},
                   {"left", ch.left}};
    }
    const StatusOn& st = r.status_detail;
    return {{"plg",
             {{"name", c.name},
              {"school", c.school},
              {"language", c.language},
              {"founded", c.founded ? nlohmann::json(c.founded->iso()) : nullptr},
              {"origin", c.origin}}},
            {"period", {{"from", r.from.iso()}, {"to", r.to.iso()}}},
            {"summary",
             {{"meetings_held", r.meetings_held},
              {"meetings_expected", r.meetings_expected},
              {"cadence_days", r.cadence_days},
              {"break_days", r.break_days},
              {"attendance_percent", opt_number(r.attendance_percent)},
              {"person_hours", json_number(r.person_hours)},
              {"meetings_without_minutes", r.meetings_without_minutes},
              {"goals_active", r.goals_active},
              {"goals_achieved", r.goals_achieved},
              {"goals_not_achieved", r.goals_not_achieved},
              {"goals_dropped", r.goals_dropped},
              {"goals_overdue", r.goals_overdue},
              {"actions_open", r.actions_open},
              {"actions_overdue", r.actions_overdue},
              {"actions_carried", r.actions_carried},
              {"actions_cancelled", r.actions_cancelled},
              {"reflections", r.reflections},
              {"last_meeting", r.last_meeting ? nlohmann::json(r.last_meeting->iso()) : nullptr},
              {"days_since_last_meeting",
               r.days_since_last_meeting ? nlohmann::json(*r.days_since_last_meeting) : nullptr},
              {"quiet_days", st.quiet_days},
              {"recent",
               {{"from", st.recent_from.iso()},
                {"held", st.held_recently},
                {"expected", st.expected_recently}}},
              {"status", std::string(to_string(r.status))},
              {"revived", r.revived}}},
            {"status_over_time", timeline},
            {"meetings", meetings},
            {"attendance", members},
            {"goals", goals},
            {"actions", {{"open", open}, {"completed", completed}, {"cancelled", cancelled}}},
            {"decisions", decisions},
            {"focus", focus},
            {"changes", changes},
            {"reflections",
             {{"rating_periods", r.rating_periods},
              {"by_quarter", r.rating_by_quarter},
              {"ratings", ratings},
              {"next_steps", next}}}};
}

}  // namespace plg
