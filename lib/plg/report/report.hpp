#pragma once

// The numbers of a PLG report, computed once from the records, and their two
// forms: Markdown for people (English or Dutch) and JSON for scripts. Every
// rule (what counts as expected, attended, at risk) lives here, so the
// single-PLG report and the network report agree.

#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "plg/records/model.hpp"
#include "plg/report/document.hpp"
#include "plg/report/status.hpp"
#include "plg/store/store.hpp"

namespace plg {

struct MemberStats {
    std::string id;
    std::string name;
    std::optional<Date> joined;  // from plg.yaml, when given
    std::optional<Date> left;
    int attended = 0;  // meetings present
    int recorded = 0;  // meetings in the period that record attendance
    double hours = 0;  // minutes of the meetings attended / 60
    int facilitated = 0;
    std::map<std::string, int> roles;  // other roles held, by name
};

// An action as it stood on the period's last day (done, cancelled).
struct OpenAction {
    const Meeting* meeting;
    size_t number;  // 1-based
    ActionItem action;
    bool overdue;
    int carried = 0;  // times later meetings took it up again, by the period's end
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

// A goal that changed between the day before the period and its last day.
struct GoalChange {
    const Goal* goal = nullptr;    // as it stood on `to` (in Report::goals)
    bool is_new = false;           // set in the period
    std::optional<double> before;  // its latest value the day before the period
    std::optional<GoalStatus> status_before;
};

// What changed since the day before the period: what the last report, which
// ended then, would have said.
struct Changes {
    Date since;  // the day before the period
    std::optional<Activity> status_before;
    std::vector<GoalChange> goals;    // new, measured again, or closed in the period
    std::vector<std::string> joined;  // member ids, joined in the period
    std::vector<std::string> left;    // left in the period
};

// Every number and list is as the records said on `to`, the period's last day.
struct Report {
    const Community* community = nullptr;
    Date from;  // never before the PLG was founded
    Date to;
    Date today;
    int cadence_days = k_default_cadence_days;
    bool cadence_given = false;
    int break_days = 0;  // days of the period in breaks

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
    int goals_not_achieved = 0;
    int goals_dropped = 0;
    int goals_overdue = 0;  // still open after their due date
    int actions_open = 0;
    int actions_overdue = 0;
    int actions_carried = 0;    // actions that meetings in the period carried forward
    int actions_cancelled = 0;  // cancelled in the period
    int reflections = 0;
    std::optional<Date> last_meeting;  // the last one up to `to`
    std::optional<int> days_since_last_meeting;
    Activity status = Activity::dormant;
    StatusOn status_detail;                         // what the status was judged on
    std::vector<TimelinePoint> timeline;            // months (or quarters) of the period
    std::vector<std::optional<Activity>> statuses;  // the status at each
    bool revived = false;

    std::vector<const Meeting*> meetings;  // in the period, by date
    std::vector<MemberStats> members;
    std::vector<Goal> goals;                    // set by `to`, as they stood then
    std::vector<OpenAction> open_actions;       // open on `to`, soonest due first
    std::vector<OpenAction> completed_actions;  // done in the period
    std::vector<OpenAction> cancelled_actions;  // cancelled in the period
    std::vector<Decision> decisions;
    bool rating_by_quarter = false;
    std::vector<std::string> rating_periods;  // "2025-09" or "2025-Q3"
    std::vector<DimensionTrend> ratings;
    std::vector<const Reflection*> next_steps;  // reflections in the period with a next step

    // The story: what the meetings worked on and what members wrote.
    std::array<int, 4> focus_counts{};  // meetings per DuFour question (k_focus_values' order)
    int meetings_without_focus = 0;
    std::vector<const Reflection*> reflection_list;  // in the period, by date
    std::optional<Changes> changes;  // nullopt when the period starts when the PLG began
};

struct ReportOptions {
    std::optional<Date> from;  // default: founded, else the first record
    std::optional<Date> to;    // default: today
    Date today;
};

// Returns "up", "down" or "flat" (a change of less than 0.25 between the first
// and last period with ratings), or "none" when fewer than two periods have
// ratings of the dimension.
std::string trend_of(const DimensionTrend& t, size_t periods);

// Computes the report of `plg` (which must have its community) over a period.
// The report points into `plg`, which must outlive it. Throws Error when `from`
// is after `to`, or when the PLG was founded after `to`.
Report build_report(const Plg& plg, const ReportOptions& options);

// How a report is written out.
struct DocumentOptions {
    ChartStyle charts = ChartStyle::text;  // Markdown only; HTML draws SVG inline
    std::string chart_folder;              // where ChartStyle::svg links its files
    bool full_minutes = false;             // meetings' notes in full, not shortened
};

struct MarkdownDocument {
    std::string text;
    std::vector<ChartFile> charts;  // to write into chart_folder (ChartStyle::svg)
};

// Returns the Markdown report in `language` (a code of languages(); English for another).
MarkdownDocument render_markdown(const Report& report, std::string_view language,
                                 const DocumentOptions& options);
// The same with text charts.
std::string render_markdown(const Report& report, std::string_view language);
// Returns the report as one self-contained HTML page, charts inline.
std::string render_html(const Report& report, std::string_view language,
                        const DocumentOptions& options);

// Returns the report as JSON: the same numbers, with field names documented in
// docs/report.md.
nlohmann::json report_json(const Report& report);

// Escapes user text for a Markdown table cell or list item, so that it cannot
// break the layout or inject HTML: | < > & ` * _ [ ] and the like are escaped,
// and line breaks become spaces.
std::string markdown_inline(std::string_view text);

}  // namespace plg
