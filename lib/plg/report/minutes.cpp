#include "plg/report/minutes.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "plg/base/text.hpp"
#include "plg/records/records.hpp"
#include "plg/report/agenda.hpp"
#include "plg/report/html_writer.hpp"
#include "plg/report/markdown_writer.hpp"
#include "plg/report/report.hpp"

namespace plg {

namespace {

std::string esc(std::string_view s) {
    return markdown_inline(s);
}

void write_minutes(DocumentWriter& w, const Labels& l, const Plg& plg, const Meeting& m,
                   Date today) {
    const Community& c = *plg.community;
    if (!m.facilitator.empty()) {
        w.bullet(bold_label(l.facilitator, l) + member_label(c, m.facilitator));
    }
    for (const auto& [role, id] : m.roles) {
        w.bullet(bold_label(role_label(role, l, true), l) + member_label(c, id));
    }
    if (m.minutes) {
        w.bullet(bold_label(l.duration, l) +
                 fmt::format(fmt::runtime(l.minutes_count), *m.minutes));
    }
    if (!m.focus.empty()) {
        w.bullet(bold_label(l.focus, l) + focus_labels(m.focus, l));
    }

    // Who was there: present, absent with reasons (members expected but not
    // named count as absent, as in the reports), guests.
    std::vector<std::string> present;
    for (const auto& id : m.attendees) {
        present.push_back(member_label(c, id));
    }
    std::vector<std::string> absent;
    for (const auto& a : m.absent) {
        absent.push_back(member_label(c, a.member) +
                         (a.reason.empty() ? "" : " (" + esc(a.reason) + ")"));
    }
    for (const auto& id : unrecorded_members(m, c)) {
        absent.push_back(member_label(c, id) + " (" + std::string(l.absence_unrecorded) + ")");
    }
    if (!present.empty() || !absent.empty() || !m.guests.empty()) {
        w.heading(2, std::string(l.attendance));
        if (!present.empty()) {
            w.bullet(bold_label(l.present, l) + join(present) + " (" + attendance_text(m, c) + ")");
        }
        if (!absent.empty()) {
            w.bullet(bold_label(l.absent, l) + join(absent));
        }
        if (!m.guests.empty()) {
            std::vector<std::string> guests;
            for (const auto& g : m.guests) {
                guests.push_back(esc(g));
            }
            w.bullet(bold_label(l.guests, l) + join(guests));
        }
    }
    if (!m.agenda.empty()) {
        w.heading(2, std::string(l.agenda));
        for (size_t i = 0; i < m.agenda.size(); ++i) {
            w.bullet(esc(m.agenda[i]));
        }
    }
    if (!m.notes.empty() || !m.data.empty() || !m.protocol.empty()) {
        w.heading(2, std::string(l.notes));
        if (!m.data.empty()) {
            w.bullet(bold_label(l.data, l) + esc(m.data));
        }
        if (!m.protocol.empty()) {
            w.bullet(bold_label(l.protocol, l) + esc(m.protocol));
        }
        if (!m.notes.empty()) {
            w.quote(m.notes);
        }
    }
    if (!m.decisions.empty()) {
        w.heading(2, std::string(l.decisions));
        for (const auto& d : m.decisions) {
            w.bullet(esc(d));
        }
    }
    auto owner = [&](const ActionItem& a) {
        return a.owner.empty() ? std::string(l.none) : member_label(c, a.owner);
    };
    if (!m.actions.empty()) {
        w.heading(2, std::string(l.actions_agreed));
        std::vector<std::vector<std::string>> rows;
        for (const auto& a : m.actions) {
            rows.push_back(
                {esc(a.text), owner(a), a.due ? long_date(*a.due, l) : std::string(l.none)});
        }
        w.table({std::string(l.action), std::string(l.owner), std::string(l.due)},
                {false, false, false}, rows);
    }
    // Actions of earlier meetings still open on the day, due as they stood then.
    std::vector<std::vector<std::string>> carried;
    for (const auto& earlier : plg.meetings) {
        if (earlier.date > m.date || (earlier.date == m.date && earlier.id >= m.id)) {
            continue;
        }
        for (const auto& a : earlier.actions) {
            if (!a.open_on(m.date)) {
                continue;
            }
            std::optional<Date> due = due_on(plg, a, m.date);
            std::string when = due ? long_date(*due, l) : std::string(l.none);
            if (due && *due < m.date) {
                when = "**" + when + " (" + std::string(l.overdue) + ")**";
            }
            bool taken =
                !a.id.empty() && std::any_of(m.carried.begin(), m.carried.end(),
                                             [&](const CarriedAction& x) { return x.id == a.id; });
            if (taken) {
                when += "; " + std::string(l.taken_up);
            }
            carried.push_back({esc(a.text), owner(a), when, long_date(earlier.date, l)});
        }
    }
    if (!carried.empty()) {
        w.heading(2, std::string(l.carried_open));
        w.table({std::string(l.action), std::string(l.owner), std::string(l.due),
                 std::string(l.agreed)},
                {false, false, false, false}, carried);
    }
    if (!m.goals.empty()) {
        w.heading(2, std::string(l.goals_worked_on));
        for (const auto& id : m.goals) {
            auto g = std::find_if(plg.goals.begin(), plg.goals.end(),
                                  [&](const Goal& x) { return x.id == id; });
            if (g == plg.goals.end()) {
                w.bullet(esc(id));
                continue;
            }
            Goal then = g->as_of(m.date);
            std::string suffix = then.unit == "%" ? "%" : "";
            std::string line = esc(then.title);
            if (then.latest()) {
                line += ": " + fmt::format(fmt::runtime(l.agenda_goal_line),
                                           number(*then.latest(), l, 2) + suffix,
                                           long_date(then.progress.back().date, l),
                                           then.target ? number(*then.target, l, 2) + suffix
                                                       : std::string(l.none));
            }
            w.bullet(line);
        }
    }
    // The next meeting: the next one recorded, else one cadence after the last.
    const Meeting* next = nullptr;
    for (const auto& later : plg.meetings) {
        if ((later.date > m.date || (later.date == m.date && later.id > m.id)) &&
            (!next || later.date < next->date)) {
            next = &later;
        }
    }
    std::string when;
    if (next) {
        when = long_date(next->date, l) + ": " + esc(next->title);
    } else if (&m == &plg.meetings.back()) {
        Agenda a = build_agenda(plg, std::nullopt, today);
        when = fmt::format(fmt::runtime(l.next_by_cadence), long_date(a.date, l));
    }
    if (!when.empty()) {
        w.heading(2, std::string(l.next_meeting));
        w.paragraph(when);
    }
}

}  // namespace

std::string render_minutes(const Plg& plg, const Meeting& m, std::string_view language, Date today,
                           bool html) {
    const Labels& l = labels_for(language);
    const Community& c = *plg.community;
    std::string title = fmt::format(fmt::runtime(l.minutes_title), m.title);
    std::string subtitle = c.name + ", " + long_date(m.date, l);
    if (html) {
        HtmlWriter w(l, {std::string(l.code), title, subtitle, false});
        write_minutes(w, l, plg, m, today);
        return w.take();
    }
    MarkdownWriter w(l);
    w.front_matter(esc(title), esc(subtitle), long_date(m.date, l), l.code);
    write_minutes(w, l, plg, m, today);
    return w.take();
}

}  // namespace plg
