#pragma once

// The JSON form of plg's records, for --format json (each kind's to_json is in
// its own file). Field names are those of the YAML files, plus "id"; dates are
// ISO strings; absent values are null or [].

#include <nlohmann/json.hpp>

#include "plg/records/model.hpp"

namespace plg {

// Returns a whole number as an integer and anything else as a double, so 40
// prints as 40 and 12.5 as 12.5.
nlohmann::json json_number(double value);

// Returns `j` as text, indented by `indent` spaces (-1: on one line). Bytes that
// are not UTF-8 (a folder name given on the command line, say) become U+FFFD
// instead of an exception.
std::string json_text(const nlohmann::json& j, int indent = 2);

}  // namespace plg
