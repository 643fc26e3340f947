#include "plg/report/status.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "plg/store/store.hpp"

namespace plg {

std::string_view to_string(Activity a) {
    switch (a) {
        case Activity::active:
            return "active";
        case Activity::at_risk:
            return "at risk";
        case Activity::dormant:
            return "dormant";
    }
    return "dormant";
}

std::optional<Date> MeetingHistory::start() const {
    if (founded) {
        return founded;
    }
    if (!meetings.empty()) {
        return meetings.front();
    }
    return std::nullopt;
}

MeetingHistory history_of(const Plg& plg) {
    const Community& c = *plg.community;
    MeetingHistory h;
    h.founded = c.founded;
    h.cadence_days = c.cadence_days.value_or(k_default_cadence_days);
    h.breaks = c.breaks;
    for (const auto& m : plg.meetings) {
        h.meetings.push_back(m.date);
    }
    std::sort(h.meetings.begin(), h.meetings.end());
    return h;
}

int expected_meetings(const MeetingHistory& h, Date from, Date to) {
    int days = working_days(h.breaks, from, to);
    return days > 0 ? std::max(1, days / h.cadence_days) : 0;
}

namespace {

// The first day of the last `wanted` working days up to `day`, not before `floor`.
Date window_start(const MeetingHistory& h, Date day, Date floor, int wanted) {
    Date from = day.plus_days(-(wanted - 1));
    while (from > floor) {
        int have = working_days(h.breaks, from, day);
        if (have >= wanted) {
            return from;
        }
        from = from.plus_days(-(wanted - have));
    }
    return floor;
}

}  // namespace

std::optional<StatusOn> status_on(const MeetingHistory& h, Date day) {
    if (h.founded && day < *h.founded) {
        return std::nullopt;
    }
    StatusOn s;
    std::optional<Date> start = h.start();
    if (!start || day < *start) {
        s.recent_from = day;
        return s;  // no founding date and no meeting yet: dormant
    }
    auto after = std::upper_bound(h.meetings.begin(), h.meetings.end(), day);
    if (after != h.meetings.begin()) {
        s.last_meeting = *std::prev(after);
    }
    const int c = h.cadence_days;
    Date quiet_from = s.last_meeting ? s.last_meeting->plus_days(1) : *start;
    s.quiet_days = working_days(h.breaks, quiet_from, day);
    s.recent_from = window_start(h, day, *start, k_recent_cadences * c);
    s.held_recently = int(after - std::lower_bound(h.meetings.begin(), after, s.recent_from));
    s.expected_recently = expected_meetings(h, s.recent_from, day);
    if (s.quiet_days > 4 * c) {
        s.status = Activity::dormant;
    } else if (s.quiet_days > 2 * c || 2 * s.held_recently < s.expected_recently) {
        s.status = Activity::at_risk;
    } else {
        s.status = Activity::active;
    }
    return s;
}

std::vector<TimelinePoint> timeline_points(Date from, Date to) {
    std::vector<TimelinePoint> points;
    if (from > to) {
        return points;
    }
    int months = (to.year() - from.year()) * 12 + int(to.month()) - int(from.month()) + 1;
    int step = months <= 12 ? 1 : (months <= 48 ? 3 : 12);
    auto label = [&](Date d) {
        if (step == 1) {
            return d.iso().substr(0, 7);
        }
        if (step == 3) {
            return fmt::format("{}-Q{}", d.year(), (d.month() - 1) / 3 + 1);
        }
        return std::to_string(d.year());
    };
    // The first point is the end of the step (month, quarter, year) holding `from`.
    Date first = from.plus_days(1 - int(from.day()));  // the first of the month
    first = first.plus_months(-int((first.month() - 1) % unsigned(step)));
    for (Date begin = first; begin <= to; begin = begin.plus_months(step)) {
        Date end = begin.plus_months(step - 1).end_of_month();
        points.push_back({label(begin), std::min(end, to)});
    }
    return points;
}

std::vector<std::optional<Activity>> status_over(const MeetingHistory& h,
                                                 const std::vector<TimelinePoint>& points) {
    std::vector<std::optional<Activity>> out;
    out.reserve(points.size());
    for (const auto& p : points) {
        auto s = status_on(h, p.day);
        out.push_back(s ? std::optional(s->status) : std::nullopt);
    }
    return out;
}

bool revived(const MeetingHistory& h, Date from, const std::vector<std::optional<Activity>>& over) {
    auto before = status_on(h, from.plus_days(-1));
    bool was_dormant = before && before->status == Activity::dormant;
    for (const auto& s : over) {
        if (s == Activity::dormant) {
            was_dormant = true;
        } else if (s == Activity::active && was_dormant) {
            return true;
        }
    }
    return false;
}

}  // namespace plg
