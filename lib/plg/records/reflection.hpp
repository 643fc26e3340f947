#pragma once

// A member's reflection: its record, and how a reflection file is read, written,
// templated for --edit and shown as JSON.

#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "plg/base/date.hpp"
#include "plg/base/kinds.hpp"
#include "plg/records/parsed.hpp"

namespace plg {

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

// The keys of a reflection file, in the order plg writes them.
const std::vector<std::string>& reflection_keys();

// Reads a reflection file; the id is the file name without ".yaml".
Parsed<Reflection> read_reflection(const std::string& file, std::string bytes,
                                   const std::string& id, const References& refs);
// Returns the whole text of a reflection file.
std::string write_reflection(const Reflection& r);
// The --edit template (see template_meeting).
std::string template_reflection(const Reflection& r);

// Ratings are an object of dimension to 1-5.
nlohmann::json to_json(const Reflection& r);

}  // namespace plg
