#pragma once

// The JSON form of plg's records, for --format json. Field names are those of
// the YAML files, plus "id"; dates are ISO strings; absent values are null or [].

#include <nlohmann/json.hpp>

#include "plg/records/model.hpp"

namespace plg {

nlohmann::json to_json(const Member& m);
nlohmann::json to_json(const Meeting& m);
nlohmann::json to_json(const ActionItem& a);
// A goal adds "latest" (the last progress value) and "percent" (of the way from
// baseline to target), both null when they cannot be computed.
nlohmann::json to_json(const Goal& g);
nlohmann::json to_json(const Progress& p);
// Ratings are an object of dimension to 1-5.
nlohmann::json to_json(const Reflection& r);

// Returns a whole number as an integer and anything else as a double, so 40
// prints as 40 and 12.5 as 12.5.
nlohmann::json json_number(double value);

}  // namespace plg
