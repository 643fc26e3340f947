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

// An action item agreed in a meeting. Its id is its own short `id` ("t7qx"),
// kept when the list is reordered; an action written before plg gave ids has
// only "<meeting id>#<1-based index>" (see action_ref).
struct ActionItem {
    std::string id;
    std::string text;
    std::string owner;
    std::optional<Date> due;
    bool done = false;
    std::optional<Date> done_on;
    bool cancelled = false;
    std::optional<Date> cancelled_on;
    std::string note;  // why it was cancelled, or anything else worth keeping
    int line = 0;      // where the action starts in its file (for messages)

    // True when the action was done on or before `day`. An action marked done
    // without a date counts as done on every day; cancelled likewise.
    bool done_by(Date day) const { return done && (!done_on || *done_on <= day); }
    bool cancelled_by(Date day) const {
        return cancelled && (!cancelled_on || *cancelled_on <= day);
    }
    // Neither done nor cancelled on `day`.
    bool open_on(Date day) const { return !done_by(day) && !cancelled_by(day); }
};

// An action of an earlier meeting taken up again in this one: "moved on" to it,
// still one action with one id, and due from then on on `due` when it is given
// (the action keeps the due date it was agreed with, so that a report for an
// earlier period still sees that one).
struct CarriedAction {
    std::string id;
    std::optional<Date> due;
    int line = 0;
};

// True for an action id: 2 to 16 lower-case letters, digits or '-', starting
// with a letter. plg makes them four characters long.
bool is_action_id(std::string_view id);
// A new action id that is not in `taken`, made from `seed` (the meeting and
// the action's place and text): the same action gets the same id on every
// machine, so that examples and tests can show it, and two people who record
// the same thing on two branches get one id, not two.
std::string new_action_id(std::string_view seed, const std::vector<std::string>& taken);

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
    std::vector<CarriedAction> carried;  // open actions of earlier meetings taken up here
    std::vector<std::string> goals;
    std::vector<std::string> dimensions;
};

// The one definition of a meeting's attendance, used by every command and
// report: a meeting records attendance when it lists attendees; those expected
// are the members on the meeting's date (plg.yaml's joined/left) and anyone it
// names as present or absent. Guests are never counted.
std::vector<std::string> expected_members(const Meeting& m, const Community& c);
// The members expected at a meeting that records attendance but names them
// neither present nor absent: absent, "not recorded". Empty when the meeting
// records no attendance.
std::vector<std::string> unrecorded_members(const Meeting& m, const Community& c);
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
// The id a user types for action `index` (0-based) of `m`: its own id, else
// "<meeting id>#<index + 1>".
std::string action_ref(const Meeting& m, size_t index);

// A field of an action and its new value; an empty value removes the field.
struct ActionField {
    std::string key;
    std::string value;  // as plg writes it: a date, "true", or text
};
// Sets fields of action `index` (1-based), changing nothing else in the file.
// Throws InvalidRecord when the file has errors, Error when there is no such action.
Revision edit_action(const std::string& file, std::string bytes, size_t index,
                     const std::vector<ActionField>& fields);
// Marks action `index` (1-based) done on `when`.
Revision edit_action_done(const std::string& file, std::string bytes, size_t index, Date when);
// Adds `action_id` (with its new due date, if any) to the meeting's `carried` list.
Revision edit_add_carried(const std::string& file, std::string bytes, const std::string& action_id,
                          std::optional<Date> due);
// Adds `present` to a meeting file's attendees and `absent` to its absent list
// (a reason, when there is one, as {member, reason}), changing nothing else.
Revision edit_add_attendance(const std::string& file, std::string bytes,
                             const std::vector<std::string>& present,
                             const std::vector<Absence>& absent);
// Gives every action of a meeting file that has no `id` a new one not in
// `taken` (which it extends), seeded by `meeting` (its id, or the name it will
// get), changing nothing else. Returns the text unchanged
// when every action has an id or the file has errors.
std::string with_action_ids(const std::string& file, std::string text, std::string_view meeting,
                            std::vector<std::string>& taken);
// The action ids written in a meeting file's text, found without parsing it
// (cheap enough to run over every meeting before a new id is chosen).
void scan_action_ids(std::string_view text, std::vector<std::string>& out);

// The JSON form: the file's fields plus "id"; each action adds its "id".
nlohmann::json to_json(const Meeting& m);
nlohmann::json to_json(const ActionItem& a);

}  // namespace plg
