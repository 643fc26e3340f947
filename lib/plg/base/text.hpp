#pragma once

// Small helpers on text that several modules share.

#include <string>
#include <string_view>
#include <vector>

namespace plg {

// Returns the items joined by `separator`: join({"a", "b"}) is "a, b".
std::string join(const std::vector<std::string>& items, std::string_view separator = ", ");

// Returns the lines of `text` without their '\n' ("" gives none; a final '\n'
// does not add an empty last line).
std::vector<std::string> split_lines(std::string_view text);

}  // namespace plg
