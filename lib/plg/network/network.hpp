#pragma once

// Many PLGs at once: finding them (folders, network.yaml), one summary row per
// PLG computed with the same rules as the single report, and the totals a
// programme officer asks for.

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
};

// Returns the PLGs that `paths` name: a PLG folder (holding plg.yaml), a folder
// searched recursively for PLG folders (not below a PLG, not into hidden
// folders), or a network.yaml listing them. `cwd` makes paths relative for
// display. Problems (a missing path, a bad network.yaml) go to `problems`.
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
    Activity status = Activity::dormant;
    std::optional<Date> last_meeting;
    std::optional<int> days_since_last_meeting;
    int meetings_held = 0;
    int meetings_expected = 0;
    int attendance_present = 0;
    int attendance_possible = 0;
    std::optional<double> attendance_percent;
    double person_hours = 0;
    int goals_achieved = 0;
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
    Date from;  // the period asked for (defaults: the earliest start, today)
    Date to;
    bool from_given = false;
    std::vector<NetworkRow> rows;      // those needing attention first
    std::vector<Diagnostic> problems;  // finding the PLGs
    std::vector<std::string> label_keys;
};

// Computes a row per PLG, using `threads` threads. Rows are sorted: PLGs that
// could not be read, then dormant, at risk and active ones, each by days since
// the last meeting (longest first), then by name. With `use_cache`, a PLG whose
// files are unchanged (see fingerprint) since the last run with the same period
// and today takes its row from .plg/network-row.json, and new rows are stored
// there. A PLG whose numbers cannot be computed gets a row with the message and
// files_with_errors set; the others are still reported. Throws Error, before any
// PLG is read, when options.from is after the period's end.
NetworkReport build_network(std::vector<NetworkMember> members, const ReportOptions& options,
                            unsigned threads, bool use_cache = false);

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
    int goals_total = 0;
    int actions_open = 0;
    std::vector<int> ages_in_months;  // since founding, sorted; PLGs without a date are left out
    int without_founding = 0;
};
NetworkTotals network_totals(const NetworkReport& report);

// True when any PLG had errors (the exit code says so).
bool has_problems(const NetworkReport& report);

std::string render_network_markdown(const NetworkReport& report, std::string_view language);
nlohmann::json network_json(const NetworkReport& report);

}  // namespace plg
