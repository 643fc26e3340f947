#include "plg/report/agenda.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>

#include "plg/records/json.hpp"
#include "plg/report/markdown_writer.hpp"
#include "plg/report/report.hpp"
#include "plg/report/status.hpp"

namespace plg {

namespace {

// The member of `candidates` who held `role` longest ago, or never (those
// first, in plg.yaml's order), leaving out `taken` while anyone else is left.
std::string by_rotation(const Plg& plg, Date before, const std::vector<std::string>& candidates,
                        const std::string& role, const std::vector<std::string>& taken) {
    std::map<std::string, Date> last;
    for (const auto& m : plg.meetings) {
        if (m.date >= before) {
            continue;
        }
        if (role.empty() && !m.facilitator.empty()) {
            last[m.facilitator] = m.date;
        }
        for (const auto& [r, who] : m.roles) {
            if (!role.empty() && r == role) {
                last[who] = m.date;
            }
        }
    }
    std::string best;
    std::optional<Date> best_last;
    for (bool allow_taken : {false, true}) {
        for (const auto& id : candidates) {
            if (!allow_taken && std::find(taken.begin(), taken.end(), id) != taken.end()) {
                continue;
            }
            auto it = last.find(id);
            if (it == last.end()) {
                return id;  // never held it
            }
            if (best.empty() || it->second < *best_last) {
                best = id;
                best_last = it->second;
            }
        }
        if (!best.empty()) {
            return best;
        }
    }
    return best;
}

std::string member_name(const Community& c, const std::string& id) {
    const Member* m = c.find_member(id);
    return m ? m->name : id;
}

}  // namespace

Agenda build_agenda(const Plg& plg, std::optional<Date> date, Date today) {
    Agenda a;
    a.community = &*plg.community;
    const Community& c = *plg.community;
    if (date) {
        a.date = *date;
    } else {
        a.date_from_cadence = !plg.meetings.empty();
        Date next = today;
        if (!plg.meetings.empty()) {
            next =
                plg.meetings.back().date.plus_days(c.cadence_days.value_or(k_default_cadence_days));
            for (int guard = 0; c.in_break(next) && guard < 400; ++guard) {
                next = next.plus_days(1);
            }
        }
        a.date = std::max(next, today);
        a.date_from_cadence = a.date_from_cadence && a.date == next;
    }
    for (const auto& m : plg.meetings) {
        if (m.date < a.date) {
            a.last = &m;
        }
    }
    Date known = std::min(today, a.date);
    for (const auto& g : plg.goals) {
        if (g.exists_on(known)) {
            Goal then = g.as_of(known);
            if (then.status == GoalStatus::active) {
                a.goals.push_back(std::move(then));
            }
        }
    }
    for (const auto& at : all_actions(plg)) {
        if (at.meeting->date < a.date && at.action().open_on(known)) {
            std::optional<Date> due = due_on(plg, at.action(), known);
            a.actions.push_back({at, due, due && *due < a.date});
        }
    }
    std::stable_sort(a.actions.begin(), a.actions.end(),
                     [](const AgendaAction& x, const AgendaAction& y) {
                         if (x.due.has_value() != y.due.has_value()) {
                             return x.due.has_value();
                         }
                         return x.due && *x.due < *y.due;
                     });
    // Roles rotate among the members on the day; the roles are those of the
    // last few meetings, in the order they first appear.
    std::vector<std::string> members = c.member_ids_on(a.date);
    std::vector<std::string> taken;
    a.facilitator = by_rotation(plg, a.date, members, "", taken);
    if (!a.facilitator.empty()) {
        taken.push_back(a.facilitator);
    }
    std::vector<std::string> role_names;
    int seen = 0;
    for (auto m = plg.meetings.rbegin(); m != plg.meetings.rend() && seen < k_recent_cadences;
         ++m) {
        if (m->date >= a.date) {
            continue;
        }
        ++seen;
        for (const auto& [role, _] : m->roles) {
            if (std::find(role_names.begin(), role_names.end(), role) == role_names.end()) {
                role_names.push_back(role);
            }
        }
    }
    for (const auto& role : role_names) {
        std::string who = by_rotation(plg, a.date, members, role, taken);
        if (!who.empty()) {
            a.roles.emplace_back(role, who);
            taken.push_back(who);
        }
    }
    return a;
}

std::string agenda_markdown(const Agenda& a, std::string_view language) {
    const Community& c = *a.community;
    const Labels& l = labels_for(language);
    MarkdownWriter w(l);
    w.heading(1, fmt::format(fmt::runtime(l.agenda_title), markdown_inline(c.name)));
    std::string when = fmt::format(fmt::runtime(l.agenda_date), long_date(a.date, l));
    if (a.date_from_cadence && a.last) {
        when += fmt::format(fmt::runtime(l.agenda_cadence), a.date.days_since(a.last->date),
                            long_date(a.last->date, l));
    }
    w.paragraph(when);
    if (a.last && !a.last->focus.empty()) {
        std::vector<std::string> names;
        for (const auto& f : a.last->focus) {
            auto it = std::find(k_focus_values.begin(), k_focus_values.end(), f);
            names.push_back(it == k_focus_values.end()
                                ? f
                                : std::string(l.focus_names[size_t(it - k_focus_values.begin())]));
        }
        w.paragraph(fmt::format(fmt::runtime(l.agenda_focus_last), long_date(a.last->date, l),
                                join(names, "; ")));
    }

    w.heading(2, std::string(l.agenda_roles));
    if (!a.facilitator.empty()) {
        w.bullet(std::string(l.facilitator) + ": " +
                 markdown_inline(member_name(c, a.facilitator)));
    }
    for (const auto& [role, who] : a.roles) {
        w.bullet(role_label(role, l, true) + ": " + markdown_inline(member_name(c, who)));
    }
    w.paragraph(std::string(l.agenda_rotation));

    for (size_t item = 0; item < l.agenda_items.size(); ++item) {
        w.heading(2, std::to_string(item + 1) + ". " + std::string(l.agenda_items[item]));
        if (item == 0) {
            if (!c.vision.empty()) {
                w.paragraph("*" + markdown_inline(c.vision) + "*");
            }
            for (const auto& norm : c.norms) {
                w.bullet(markdown_inline(norm));
            }
        } else if (item == 1) {
            for (const auto& g : a.goals) {
                std::optional<double> latest = g.latest();
                std::string unit = g.unit.empty() ? "" : " " + g.unit;
                std::string target =
                    g.target ? number(*g.target, l, 2) + unit : std::string(l.none);
                std::string where = latest
                                        ? fmt::format(fmt::runtime(l.agenda_goal_line),
                                                      number(*latest, l, 2) + unit,
                                                      long_date(g.progress.back().date, l), target)
                                        : std::string(l.agenda_no_value);
                w.bullet(bold_label(markdown_inline(g.title), l) + where);
            }
            if (a.goals.empty()) {
                w.paragraph(std::string(l.none));
            }
        } else if (item == 2) {
            for (const auto& act : a.actions) {
                const ActionItem& x = act.at.action();
                std::vector<std::string> details;
                if (!x.owner.empty()) {
                    details.push_back(markdown_inline(member_name(c, x.owner)));
                }
                if (act.due) {
                    std::string due =
                        fmt::format(fmt::runtime(l.agenda_due), long_date(*act.due, l));
                    details.push_back(
                        act.overdue ? "**" + due + " (" + std::string(l.overdue) + ")**" : due);
                }
                w.bullet("`" + act.at.ref() + "` " + markdown_inline(x.text) +
                         (details.empty() ? "" : " (" + join(details, ", ") + ")"));
            }
            if (a.actions.empty()) {
                w.paragraph(std::string(l.agenda_no_actions));
            }
        }
    }
    return w.take();
}

nlohmann::json agenda_json(const Agenda& a) {
    const Community& c = *a.community;
    nlohmann::json goals = nlohmann::json::array();
    for (const auto& g : a.goals) {
        std::optional<double> latest = g.latest();
        goals.push_back({{"id", g.id},
                         {"title", g.title},
                         {"unit", g.unit},
                         {"baseline", g.baseline ? json_number(*g.baseline) : nullptr},
                         {"target", g.target ? json_number(*g.target) : nullptr},
                         {"latest", latest ? json_number(*latest) : nullptr},
                         {"measured_on", latest ? nlohmann::json(g.progress.back().date.iso())
                                                : nlohmann::json(nullptr)}});
    }
    nlohmann::json actions = nlohmann::json::array();
    for (const auto& act : a.actions) {
        const ActionItem& x = act.at.action();
        actions.push_back({{"id", act.at.ref()},
                           {"text", x.text},
                           {"owner", x.owner},
                           {"due", act.due ? nlohmann::json(act.due->iso()) : nullptr},
                           {"overdue", act.overdue},
                           {"meeting", act.at.meeting->id}});
    }
    nlohmann::json roles = nlohmann::json::object();
    for (const auto& [role, who] : a.roles) {
        roles[role] = who;
    }
    nlohmann::json last = nullptr;
    if (a.last) {
        last = {{"id", a.last->id}, {"date", a.last->date.iso()}, {"focus", a.last->focus}};
    }
    return {{"date", a.date.iso()}, {"date_from_cadence", a.date_from_cadence},
            {"last_meeting", last}, {"vision", c.vision},
            {"norms", c.norms},     {"goals", goals},
            {"actions", actions},   {"facilitator", a.facilitator},
            {"roles", roles}};
}

Meeting agenda_meeting(const Agenda& a, std::string_view language) {
    const Labels& l = labels_for(language);
    Meeting m;
    m.date = a.date;
    m.facilitator = a.facilitator;
    m.roles = a.roles;
    for (const auto& item : l.agenda_items) {
        m.agenda.emplace_back(item);
    }
    for (const auto& g : a.goals) {
        m.goals.push_back(g.id);
    }
    for (const auto& act : a.actions) {
        if (!act.at.action().id.empty()) {
            m.carried.push_back({act.at.action().id, std::nullopt, 0});
        }
    }
    return m;
}

}  // namespace plg
