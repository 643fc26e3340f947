#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "plg/base/date.hpp"
#include "plg/base/kinds.hpp"

namespace plg {

// A person in the PLG. `id` is short and stable (used in every record); `role` is
// free text such as "teacher", "school leader", "coordinator", "subject advisor".
struct Member {
    std::string id;
    std::string name;
    std::string role;
};

// One dimension of the framework a PLG reflects on (rated 1-5 in reflections).
struct Dimension {
    std::string id;
    std::string name;
};

// The PLG itself: the contents of plg.yaml.
struct Community {
    static constexpr Kind k_kind = Kind::community;
    std::string name;
    std::string school;
    std::optional<Date> founded;
    std::string origin;  // "mandate", "project" or "support"; "" when not recorded
    std::string language = "en";
    std::optional<int> cadence_days;
    std::string vision;
    std::vector<std::string> norms;
    std::vector<Member> members;
    std::vector<Dimension> framework;

    // Returns the member with `id`, or nullptr.
    const Member* find_member(std::string_view id) const;
    std::vector<std::string> member_ids() const;
    std::vector<std::string> dimension_ids() const;
};

// The eight characteristics of a PLG, the framework a new PLG starts with, with
// names in `language` ("en" or "nl").
std::vector<Dimension> default_framework(std::string_view language);

// The origins a PLG may record, and the languages plg writes reports in.
inline const std::vector<std::string> k_origins = {"mandate", "project", "support"};
inline const std::vector<std::string> k_languages = {"en", "nl"};
// DuFour's four questions, the values of a meeting's `focus`.
inline const std::vector<std::string> k_focus_values = {"learn", "evidence", "support", "extend"};

struct Absence {
    std::string member;
    std::string reason;
};

// An action item agreed in a meeting. Its id is "<meeting id>#<1-based index>".
struct ActionItem {
    std::string text;
    std::string owner;
    std::optional<Date> due;
    bool done = false;
    std::optional<Date> done_on;
};

struct Meeting {
    static constexpr Kind k_kind = Kind::meeting;
    std::string id;  // the file name without ".yaml"
    Date date;
    std::string title;
    std::string facilitator;
    std::vector<std::pair<std::string, std::string>> roles;  // role name -> member id
    std::vector<std::string> attendees;
    std::vector<Absence> absent;
    std::optional<int> minutes;
    std::vector<std::string> focus;
    std::vector<std::string> agenda;
    std::string notes;
    std::string data;
    std::string protocol;
    std::vector<std::string> decisions;
    std::vector<ActionItem> actions;
    std::vector<std::string> goals;
    std::vector<std::string> dimensions;
};

enum class GoalStatus { active, achieved, dropped };
std::string_view to_string(GoalStatus status);
std::optional<GoalStatus> parse_goal_status(std::string_view text);

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
};

struct Rating {
    std::string dimension;
    int value = 0;
};

// A member's reflection: free text and/or the three prompts, and optional 1-5
// ratings on the framework's dimensions.
struct Reflection {
    static constexpr Kind k_kind = Kind::reflection;
    std::string id;  // the file name without ".yaml"
    std::string author;
    Date date;
    std::string meeting;
    std::string goal;
    std::string text;
    std::string went_well;
    std::string challenge;
    std::string next_step;
    std::vector<Rating> ratings;

    // Returns the rating given on `dimension`, or nullopt.
    std::optional<int> rating(std::string_view dimension) const;
};

}  // namespace plg
