#pragma once

// A PLG's status on any day, from what the records said on that day: when it
// was founded, its cadence, its breaks and when it met. The single report, the
// network report and the status over time all use status_on, so they agree.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "plg/records/model.hpp"

namespace plg {

struct Plg;

// The cadence assumed when plg.yaml gives none: about monthly.
inline constexpr int k_default_cadence_days = 28;
// How far back status_on looks to judge how regularly a PLG meets, in cadences.
inline constexpr int k_recent_cadences = 6;

enum class Activity { active, at_risk, dormant };
std::string_view to_string(Activity a);

// What a PLG's status depends on.
struct MeetingHistory {
    std::optional<Date> founded;
    int cadence_days = k_default_cadence_days;
    std::vector<Break> breaks;
    std::vector<Date> meetings;  // sorted

    // The day the PLG began: `founded`, else its first meeting; nullopt when
    // neither is known.
    std::optional<Date> start() const;
};

// The history of a loaded PLG (which must have its community).
MeetingHistory history_of(const Plg& plg);

// A PLG's status on a day, and the figures it was judged on. With c the cadence
// and days counted outside breaks ("working days"):
// - dormant when more than 4c working days passed since the last meeting (since
//   the start when it never met), or when it never met and has no founding date;
// - at risk when more than 2c passed, or when it held fewer than half of the
//   meetings expected in the last 6c working days (not before its start);
// - active otherwise.
struct StatusOn {
    Activity status = Activity::dormant;
    std::optional<Date> last_meeting;  // the last one on or before the day
    int quiet_days = 0;                // working days since then (or since the start)
    Date recent_from;                  // the window of the regularity test
    int held_recently = 0;
    int expected_recently = 0;
};

// Nullopt when `day` is before the PLG was founded.
std::optional<StatusOn> status_on(const MeetingHistory& h, Date day);

// Meetings expected from `from` to `to`: the working days divided by the
// cadence, rounded down, at least 1 when there is any working day.
int expected_meetings(const MeetingHistory& h, Date from, Date to);

// A point of a status timeline: a month ("2026-09"), quarter ("2026-Q3") or
// year ("2026") of the period, judged on its last day (or on the period's last
// day, when that comes first).
struct TimelinePoint {
    std::string label;
    Date day;
};

// The points of a period: months when it spans at most 12 of them, quarters
// up to 48 months, years beyond.
std::vector<TimelinePoint> timeline_points(Date from, Date to);

// The status at each point; nullopt before the PLG was founded.
std::vector<std::optional<Activity>> status_over(const MeetingHistory& h,
                                                 const std::vector<TimelinePoint>& points);

// True when the PLG revived in the period: dormant on one point (or on the day
// before the period began) and active on a later point.
bool revived(const MeetingHistory& h, Date from, const std::vector<std::optional<Activity>>& over);

}  // namespace plg
