#pragma once

// The numbers of a PLG report, computed once from the records, and their two
// forms: Markdown for people (English or Dutch) and JSON for scripts. Every
// rule (what counts as expected, attended, at risk) lives here, so the
// single-PLG report and the network report agree.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "plg/records/model.hpp"
#include "plg/store/store.hpp"

namespace plg {

// The cadence assumed when plg.yaml gives none: about monthly.
inline constexpr int k_default_cadence_days = 28;

// A PLG's state from the days since its last meeting, relative to its cadence c:
// active up to 2c days, at risk up to 4c days, dormant after that or when it
// never met.
enum class Activity { active, at_risk, dormant };
std::string_view to_string(Activity a);
Activity activity(std::optional<int> days_since_last_meeting, int cadence_days);

struct MemberStats {
    std::string id;
    std::string name;
    int attended = 0;  // meetings present
    int recorded = 0;  // meetings in the period that record attendance
    double hours = 0;  // minutes of the meetings attended / 60
    int facilitated = 0;
    std::map<std::string, int> roles;  // other roles held, by name
};

struct OpenAction {
    const Meeting* meeting;
    size_t number;  // 1-based
    const ActionItem* action;
    bool overdue;
};

struct Decision {
    const Meeting* meeting;
    std::string text;
};

// Average ratings of one dimension, per period label ("2025-09" or "2025-Q3").
struct DimensionTrend {
    std::string id;
    std::string name;
    std::vector<std::optional<double>> averages;  // one per Report::rating_periods
    int count = 0;                                // ratings given in all
    std::optional<double> first;                  // the first and last period with ratings
    std::optional<double> last;
};

struct Report {
    const Community* community = nullptr;
    Date from;
    Date to;
    Date today;
    int cadence_days = k_default_cadence_days;
    bool cadence_given = false;

    // Summary.
    int meetings_held = 0;
    int meetings_expected = 0;
    int attendance_present = 0;   // over meetings that record attendance
    int attendance_possible = 0;  // the members expected at those meetings
    std::optional<double> attendance_percent;
    double person_hours = 0;
    int meetings_without_minutes = 0;
    int goals_active = 0;
    int goals_achieved = 0;
    int goals_dropped = 0;
    int actions_open = 0;
    int actions_overdue = 0;
    int reflections = 0;
    std::optional<Date> last_meeting;  // the last one up to `to`
    std::optional<int> days_since_last_meeting;
    Activity status = Activity::dormant;

    std::vector<const Meeting*> meetings;  // in the period, by date
    std::vector<MemberStats> members;
    std::vector<const Goal*> goals;
    std::vector<OpenAction> open_actions;       // all open ones, soonest due first
    std::vector<OpenAction> completed_actions;  // done in the period
    std::vector<Decision> decisions;
    bool rating_by_quarter = false;
    std::vector<std::string> rating_periods;  // "2025-09" or "2025-Q3"
    std::vector<DimensionTrend> ratings;
    std::vector<const Reflection*> next_steps;  // reflections in the period with a next step
};

struct ReportOptions {
    std::optional<Date> from;  // default: founded, else the first record
    std::optional<Date> to;    // default: today
    Date today;
};

// Returns the members expected at a meeting: everyone in plg.yaml, and anyone
// the meeting names as present or absent (a guest, a member who has left).
std::vector<std::string> expected_members(const Meeting& m, const Community& c);

// Returns "up", "down" or "flat" (a change of less than 0.25 between the first
// and last period with ratings), or "none" when fewer than two periods have
// ratings of the dimension.
std::string trend_of(const DimensionTrend& t, size_t periods);

// Computes the report of `plg` (which must have its community) over a period.
// The report points into `plg`, which must outlive it. Throws Error when `from`
// is after `to`.
Report build_report(const Plg& plg, const ReportOptions& options);

// Returns the Markdown report in `language` ("en" or "nl"; see k_report_languages).
std::string render_markdown(const Report& report, std::string_view language);

// Returns the report as JSON: the same numbers, with field names documented in
// docs/report.md.
nlohmann::json report_json(const Report& report);

// The languages reports are written in.
std::vector<std::string> report_languages();

// Escapes user text for a Markdown table cell or list item, so that it cannot
// break the layout or inject HTML: | < > & ` * _ [ ] and the like are escaped,
// and line breaks become spaces.
std::string markdown_inline(std::string_view text);

}  // namespace plg
