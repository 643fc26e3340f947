#pragma once

// Reading and writing plg's record files, one file pair per kind (community,
// meeting, goal, reflection). Readers are strict: every problem of a file is
// reported with file, line and column, and a record is returned only when the
// file has no errors. Writers produce the text plg stores; in-place edits change
// only the values they name and keep every comment, blank line and key order a
// person wrote.

#include <string>
#include <vector>

#include "plg/records/model.hpp"

namespace plg {

// The top-level keys of a kind's files, in the order plg writes them.
const std::vector<std::string>& record_keys(Kind kind);

// Returns a record's text without the empty "key:" lines a template left
// unfilled (except 'progress' in goals, which plg keeps as a place to add to).
// Returns `text` unchanged when it does not parse.
std::string drop_empty_fields(const std::string& text);

}  // namespace plg
