#pragma once

// What every record kind's reader takes and gives: the references it checks, and
// the record with every problem of its file.

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "plg/base/date.hpp"
#include "plg/base/error.hpp"

namespace plg {

struct Community;

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

// Formats a number as plg writes it: the shortest text that reads back as the
// same double ("40", "12.5").
std::string format_number(double value);

}  // namespace plg
