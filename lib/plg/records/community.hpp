#pragma once

// The community (plg.yaml): its members and the framework it reflects on, and how
// plg.yaml is read, written, changed in place and shown as JSON.

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

// The top-level keys of plg.yaml, in the order plg writes them.
const std::vector<std::string>& community_keys();

// Reads plg.yaml's bytes; `file` is how the file is named in messages.
Parsed<Community> read_community(const std::string& file, std::string bytes);
// Returns the whole text of a plg.yaml.
std::string write_community(const Community& c);
// Appends `member` to the members of plg.yaml's `bytes`, changing nothing else.
// Throws InvalidRecord when the file has errors.
std::string edit_add_member(const std::string& file, std::string bytes, const Member& member);

nlohmann::json to_json(const Member& m);

}  // namespace plg
