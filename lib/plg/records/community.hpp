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
#include "plg/records/revision.hpp"

namespace plg {

// A person in the PLG. `id` is short and stable (used in every record); `role` is
// free text such as "teacher", "school leader", "coordinator", "subject advisor".
// `joined` and `left` are optional: a member without them belongs to the PLG
// for all its life. `left` is the last day as a member; a member who left stays
// in plg.yaml so that the records that name them keep their meaning.
struct Member {
    std::string id;
    std::string name;
    std::string role;
    std::optional<Date> joined;
    std::optional<Date> left;

    // True when the member belonged to the PLG on `day`.
    bool member_on(Date day) const;
};

// A time the PLG does not meet (a school holiday), both days included.
struct Break {
    std::string name;
    Date from;
    Date to;
};

// One dimension of the framework a PLG reflects on (rated 1-5 in reflections).
struct Dimension {
    std::string id;
    std::string name;
};

// The days from `from` to `to` (both included) that fall in none of `breaks`;
// 0 when `from` is after `to`. Overlapping breaks count each day once.
int working_days(const std::vector<Break>& breaks, Date from, Date to);

// The PLG itself: the contents of plg.yaml.
struct Community {
    static constexpr Kind k_kind = Kind::community;
    std::string name;
    std::string school;
    std::optional<Date> founded;
    std::string origin;  // "mandate", "project" or "support"; "" when not recorded
    std::string language = "en";
    std::optional<int> cadence_days;
    std::vector<Break> breaks;  // by start date
    std::string vision;
    std::vector<std::string> norms;
    std::vector<Member> members;
    std::vector<Dimension> framework;

    // Returns the member with `id`, or nullptr.
    const Member* find_member(std::string_view id) const;
    std::vector<std::string> member_ids() const;
    // The ids of the members on `day`, in plg.yaml's order.
    std::vector<std::string> member_ids_on(Date day) const;
    std::vector<std::string> dimension_ids() const;
    // The id of the dimension a person typed: its id, its name in any case or
    // spelling slugify folds to the same ("Samenwerking", "samenwerking"), or,
    // for the default framework, its short id in Dutch or French
    // ("samenwerking", "collaboration", "vision-partagee"). "" when none.
    std::string dimension_for(std::string_view typed) const;
    // True when `day` falls in a break.
    bool in_break(Date day) const;
    // The days from `from` to `to` (both included) that fall in no break; 0 when
    // `from` is after `to`.
    int working_days(Date from, Date to) const;
};

// The eight characteristics of a PLG, the framework a new PLG starts with, with
// names in `language` (translated by its catalog; English for an unknown one).
std::vector<Dimension> default_framework(std::string_view language);

// The origins a PLG may record. The languages it may have are languages()
// (plg/base/i18n.hpp): English and every built-in catalog.
inline const std::vector<std::string> k_origins = {"mandate", "project", "support"};

// The top-level keys of plg.yaml, in the order plg writes them.
const std::vector<std::string>& community_keys();

// Reads plg.yaml's bytes; `file` is how the file is named in messages.
Parsed<Community> read_community(const std::string& file, std::string bytes);
// Returns the whole text of a plg.yaml.
std::string write_community(const Community& c);
// Appends `member` to the members of plg.yaml's `bytes`, changing nothing else.
// Throws InvalidRecord when the file has errors.
Revision edit_add_member(const std::string& file, std::string bytes, const Member& member);
// Sets the fields of member `id` that `change` gives, changing nothing else.
// Throws InvalidRecord when the file has errors, Error when there is no such member.
struct MemberChange {
    std::optional<std::string> name;
    std::optional<std::string> role;
    std::optional<Date> joined;
    std::optional<Date> left;
};
Revision edit_member(const std::string& file, std::string bytes, const std::string& id,
                     const MemberChange& change);

// Merges plg.yaml as two branches left it when one of them only added members
// (git's merge driver, `plg __merge-file`): returns `current` with the members
// `other` added since `base` (or `other` with those of `current`), each side's
// comments and layout kept. Returns nullopt, for git's own line merge, when a
// file has errors, both sides changed more than members, or both added one id
// differently.
std::optional<std::string> merge_member_additions(const std::string& base,
                                                  const std::string& current,
                                                  const std::string& other);

nlohmann::json to_json(const Member& m);
nlohmann::json to_json(const Break& b);

}  // namespace plg
