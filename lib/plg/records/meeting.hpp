#pragma once

// A meeting: its record, and how a meeting file is read, written, templated for
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

    // True when the action was done on or before `day`. An action marked done
    // without a date counts as done on every day.
    bool done_by(Date day) const { return done && (!done_on || *done_on <= day); }
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
    std::vector<std::string> guests;  // names of people who are not members; never counted
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

// The one definition of a meeting's attendance, used by every command and
// report: a meeting records attendance when it lists attendees; those expected
// are the members on the meeting's date (plg.yaml's joined/left) and anyone it
// names as present or absent. Guests are never counted.
std::vector<std::string> expected_members(const Meeting& m, const Community& c);
// "5/6", or "-" when the meeting records no attendance.
std::string attendance_text(const Meeting& m, const Community& c);

// The keys of a meeting file, in the order plg writes them.
const std::vector<std::string>& meeting_keys();

// Reads a meeting file; the id is the file name without ".yaml".
Parsed<Meeting> read_meeting(const std::string& file, std::string bytes, const std::string& id,
                             const References& refs);
// Returns the whole text of a meeting file.
std::string write_meeting(const Meeting& m);
// The --edit template: the fields that are set, and an empty "key:" line for
// each other field, in the order plg writes them.
std::string template_meeting(const Meeting& m);
// Marks action `index` (1-based) done on `when`, changing nothing else. Throws
// InvalidRecord when the file has errors, Error when there is no such action.
Revision edit_action_done(const std::string& file, std::string bytes, size_t index, Date when);

// The JSON form: the file's fields plus "id"; each action adds its "id".
nlohmann::json to_json(const Meeting& m);
nlohmann::json to_json(const ActionItem& a);

}  // namespace plg
