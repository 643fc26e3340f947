#pragma once

// Many PLGs at once: finding them (folders, network.yaml), one summary row per
// PLG computed with the same rules as the single report, and the totals a
// programme officer asks for.

#include <array>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "plg/report/report.hpp"

namespace plg {

// One PLG to report on, and the labels network.yaml gives it (district, cluster).
struct NetworkMember {
    std::filesystem::path root;
    std::string shown;  // how the folder is named in messages and the report
    std::map<std::string, std::string> labels;
    Location given_at;  // where the path that found it was given
};

// An entry of a network.yaml: a PLG folder or a folder of them, and where
// 'plg network pull' gets it from.
struct NetworkEntry {
    std::filesystem::path path;  // resolved against network.yaml's folder
    std::string given;           // as written (or made from the remote's name)
    std::string remote;          // a git URL, a path to a repository, or a bundle file
    std::string branch;
    std::map<std::string, std::string> labels;
    Location where;
};

// Reads the entries of the network file `file` (`given` is how the user named
// it). Problems, with file, line and column, go to `problems`; a bad entry is
// left out.
std::vector<NetworkEntry> read_network_entries(const std::filesystem::path& file,
                                               const std::string& given,
                                               std::vector<Diagnostic>& problems);

// Returns the PLGs that `paths` name: a PLG folder (holding plg.yaml), a folder
// searched recursively for PLG folders (not below a PLG, not into hidden
// folders), or a network.yaml listing them. `cwd` makes paths relative for
// display. Problems (a missing path, a bad network.yaml) go to `problems`; a
// PLG named twice is counted once, with a warning when the two give it
// different labels.
std::vector<NetworkMember> find_network(const std::vector<std::string>& paths,
                                        const std::filesystem::path& cwd,
                                        std::vector<Diagnostic>& problems);

// The numbers of one PLG in a network report.
struct NetworkRow {
    NetworkMember member;
    bool readable = false;  // false when plg.yaml could not be read
    std::string name;
    std::string school;
    std::optional<Date> founded;
    std::string origin;
    bool founded_after = false;  // founded after the period: left out of the report
    MeetingHistory history;      // what its status on any day is computed from
    Activity status = Activity::dormant;
    std::vector<std::optional<Activity>> statuses;  // at NetworkReport::timeline's points
    bool revived = false;
    std::optional<Date> last_meeting;
    std::optional<int> days_since_last_meeting;
    int meetings_held = 0;
    int meetings_expected = 0;
    int attendance_present = 0;
    int attendance_possible = 0;
    std::optional<double> attendance_percent;
    double person_hours = 0;
    int goals_achieved = 0;
    int goals_not_achieved = 0;
    int goals_dropped = 0;
    int goals_overdue = 0;
    int goals_total = 0;
    int actions_open = 0;
    int actions_overdue = 0;
    int reflections = 0;
    double rating_sum = 0;
    int rating_count = 0;
    std::optional<double> average_rating;
    int files_with_errors = 0;
    std::vector<Diagnostic> errors;  // the first few, to say what is wrong and where
};

struct NetworkReport {
    Date from;  // the period asked for (defaults: the earliest founding, today)
    Date to;
    bool from_given = false;
    std::vector<NetworkRow> rows;           // those needing attention first
    std::vector<NetworkRow> founded_after;  // founded after `to`: not in the numbers
    std::vector<Diagnostic> problems;       // finding the PLGs
    std::vector<std::string> label_keys;
    std::vector<TimelinePoint> timeline;  // months (or quarters, years) of the period
    int fallback_caches = 0;              // rows cached in the fallback folder
};

// Where rows are cached.
struct CacheOptions {
    bool use = false;
    // For a PLG whose own folder cannot be written: a cache folder of the user's
    // ($XDG_CACHE_HOME/plg); empty for none.
    std::filesystem::path fallback;
};

// Computes a row per PLG, using `threads` threads. Rows are sorted: PLGs that
// could not be read, then dormant, at risk and active ones, each by days since
// the last meeting (longest first), then by name. With `use_cache`, a PLG whose
// files are unchanged (see fingerprint) since the last run with the same period
// and today takes its row from .plg/network-row.json, and new rows are stored
// there; when the PLG's folder cannot be written, in cache.fallback instead. A PLG whose numbers
// cannot be computed gets a row with the message and files_with_errors set; the others are still
// reported. Throws Error, before any PLG is read, when options.from is after the period's end.
NetworkReport build_network(std::vector<NetworkMember> members, const ReportOptions& options,
                            unsigned threads, const CacheOptions& cache = {});

// The network's totals over the PLGs that could be read; both forms of the
// report print these.
struct NetworkTotals {
    int unreadable = 0;
    int active = 0;
    int at_risk = 0;
    int dormant = 0;
    int meetings_held = 0;
    double person_hours = 0;
    int attendance_present = 0;
    int attendance_possible = 0;
    int goals_achieved = 0;
    int goals_not_achieved = 0;
    int goals_dropped = 0;
    int goals_overdue = 0;
    int goals_total = 0;
    int actions_open = 0;
    std::vector<int> ages_in_months;  // since founding, sorted; PLGs without a date are left out
    int without_founding = 0;
    // Per point of the timeline: how many PLGs were active, at risk, dormant,
    // and not yet founded.
    struct Point {
        int active = 0;
        int at_risk = 0;
        int dormant = 0;
        int not_founded = 0;
    };
    std::vector<Point> timeline;
    int dormant_in_period = 0;  // dormant on a point (or the day before the period)
    int revived = 0;            // of those, active again on a later point
};
NetworkTotals network_totals(const NetworkReport& report);

// Survival: of the PLGs founded in a group, how many were `months_after[i]`
// old by the period's end, and how many of those were active on that day.
inline constexpr std::array<int, 3> k_survival_months = {6, 12, 24};
struct SurvivalRow {
    std::string group;  // a founding year, or an origin ("" when not recorded)
    int plgs = 0;
    std::array<int, 3> old_enough{};
    std::array<int, 3> active{};
};
struct Survival {
    std::vector<SurvivalRow> by_cohort;  // by founding year
    std::vector<SurvivalRow> by_origin;  // mandate, project, support, then ""
    SurvivalRow all;
    int without_founding = 0;  // left out: no founding date
};
Survival network_survival(const NetworkReport& report);

// True when any PLG had errors (the exit code says so).
bool has_problems(const NetworkReport& report);

// The network report in Markdown (charts as `options` says) and as an HTML
// dashboard: the PLGs needing attention first, status over time, by label.
MarkdownDocument render_network_markdown(const NetworkReport& report, std::string_view language,
                                         const DocumentOptions& options);
std::string render_network_markdown(const NetworkReport& report, std::string_view language);
std::string render_network_html(const NetworkReport& report, std::string_view language);
nlohmann::json network_json(const NetworkReport& report);
// One PLG's row of network_json.
nlohmann::json network_row_json(const NetworkRow& row);
// The text of network_json (indented by 2, ending in a newline), written a row
// at a time.
std::string network_json_text(const NetworkReport& report);

}  // namespace plg
