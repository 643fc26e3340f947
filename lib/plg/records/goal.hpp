#pragma once

// A SMART goal: its record, and how a goal file is read, written, templated for
// --edit, changed in place and shown as JSON.

#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "plg/base/date.hpp"
#include "plg/base/kinds.hpp"
#include "plg/records/parsed.hpp"
#include "plg/records/revision.hpp"

namespace plg {

// How a goal stands: open, or closed as achieved, not achieved (ended without
// reaching the target) or dropped. Written "not achieved" in files and JSON.
enum class GoalStatus { active, achieved, not_achieved, dropped };
inline constexpr GoalStatus k_goal_statuses[] = {GoalStatus::active, GoalStatus::achieved,
                                                 GoalStatus::not_achieved, GoalStatus::dropped};
std::string_view to_string(GoalStatus status);
std::optional<GoalStatus> parse_goal_status(std::string_view text);
// "active", "achieved", "not achieved", "dropped".
std::vector<std::string> goal_status_names();

struct Progress {
    Date date;
    double value = 0;
    std::string evidence;
    std::string meeting;
};

// A SMART goal with its dated measurements.
struct Goal {
    static constexpr Kind k_kind = Kind::goal;
    std::string id;  // the file name without ".yaml"
    std::string title;
    std::vector<std::string> owners;
    std::string measure;
    std::string unit;
    std::optional<double> baseline;
    std::optional<double> target;
    std::optional<Date> due;
    GoalStatus status = GoalStatus::active;
    std::optional<Date> created;
    std::optional<Date> closed;
    std::string close_note;
    std::vector<Progress> progress;  // by date

    // Returns the value of the latest progress entry, or nullopt when there is none.
    std::optional<double> latest() const;
    // Returns how far the latest value has come from baseline to target, in
    // percent (0 at the baseline, 100 at the target; below 0 or above 100 when it
    // went the other way or past the target). Nullopt when baseline, target or
    // progress is missing, or baseline equals target.
    std::optional<double> percent() const;

    // True when the goal was set by `day` (its `created` date; a goal without one
    // counts as set from the start).
    bool exists_on(Date day) const { return !created || *created <= day; }
    // The goal as the records said on `day`: open unless closed by then (a goal
    // closed without a date counts as closed on every day), and only the
    // progress measured by then.
    Goal as_of(Date day) const;
    // True when the goal is still open after its due date, on `day`.
    bool overdue_on(Date day) const { return status == GoalStatus::active && due && *due < day; }
};

// The keys of a goal file, in the order plg writes them.
const std::vector<std::string>& goal_keys();

// Reads a goal file; the id is the file name without ".yaml".
Parsed<Goal> read_goal(const std::string& file, std::string bytes, const std::string& id,
                       const References& refs);
// Returns the whole text of a goal file.
std::string write_goal(const Goal& g);
// The --edit template (see template_meeting).
std::string template_goal(const Goal& g);
// Appends a progress entry, changing nothing else. Throws InvalidRecord when the
// file has errors.
Revision edit_add_progress(const std::string& file, std::string bytes, const Progress& p);
// Sets status, closed and (when given) close_note, changing nothing else.
Revision edit_close_goal(const std::string& file, std::string bytes, GoalStatus status, Date when,
                         const std::string& note);

// Sets 'created' (after 'status' when there is one), changing nothing else.
Revision edit_set_created(const std::string& file, std::string bytes, Date when);

// A goal's JSON adds "latest" (the last progress value) and "percent" (of the
// way from baseline to target), both null when they cannot be computed.
nlohmann::json to_json(const Goal& g);
nlohmann::json to_json(const Progress& p);

}  // namespace plg
