#pragma once

// Reading and writing plg's record files. Readers are strict: every problem of a
// file is reported with file, line and column, and a record is returned only
// when the file has no errors. Writers produce the text plg stores.

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "plg/base/error.hpp"
#include "plg/records/model.hpp"

namespace plg {

// What a record may refer to; given to the readers so they can check members,
// goals, meetings and dimensions where each reference is written.
struct References {
    const Community* community = nullptr;
    const std::set<std::string>* goal_ids = nullptr;
    const std::set<std::string>* meeting_ids = nullptr;
    std::optional<Date> today;  // when set, dates after it are warned about
};

template <typename T>
struct Parsed {
    std::optional<T> record;  // set when the file has no errors (warnings allowed)
    std::vector<Diagnostic> problems;
};

// Each reader takes the file's name (as it should appear in messages) and its
// bytes; the record id is the file name without ".yaml".
Parsed<Community> read_community(const std::string& file, std::string bytes);
Parsed<Meeting> read_meeting(const std::string& file, std::string bytes, const std::string& id,
                             const References& refs);
Parsed<Goal> read_goal(const std::string& file, std::string bytes, const std::string& id,
                       const References& refs);
Parsed<Reflection> read_reflection(const std::string& file, std::string bytes,
                                   const std::string& id, const References& refs);

// Each writer returns the whole text of a new file.
std::string write_community(const Community& c);
std::string write_meeting(const Meeting& m);
std::string write_goal(const Goal& g);
std::string write_reflection(const Reflection& r);

// Templates for --edit: the fields of the record that are set, and an empty
// "key:" line for each other field a person may fill in, in the order plg
// writes them.
std::string template_meeting(const Meeting& m);
std::string template_goal(const Goal& g);
std::string template_reflection(const Reflection& r);

// Returns a record's text without the empty "key:" lines a template left
// unfilled (except 'progress' in goals, which plg keeps as a place to add to).
// Returns `text` unchanged when it does not parse.
std::string drop_empty_fields(const std::string& text);

// In-place changes: each takes a file's current bytes and returns the new bytes,
// changing only the values it names and keeping every comment, blank line and
// key order a person wrote. Each throws InvalidRecord when the file has errors,
// and Error when the change does not apply (an unknown index, say).
std::string edit_add_member(const std::string& file, std::string bytes, const Member& member);
std::string edit_action_done(const std::string& file, std::string bytes, size_t index, Date when);
std::string edit_add_progress(const std::string& file, std::string bytes, const Progress& p);
std::string edit_close_goal(const std::string& file, std::string bytes, GoalStatus status,
                            Date when, const std::string& note);

// Formats a number as plg writes it: the shortest text that reads back as the
// same double ("40", "12.5").
std::string format_number(double value);

}  // namespace plg
