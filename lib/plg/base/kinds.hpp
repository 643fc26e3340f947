#pragma once

// The kinds of record a PLG folder holds. This table is the one list of kinds:
// the store's folders, `plg init`, `plg check`, the fingerprint of the network
// cache, the completion and the test scripts (through `plg __kinds`) all read it.
// Adding a kind is a row here plus that kind's own files (see ARCHITECTURE.md).

#include <array>
#include <span>
#include <string_view>

namespace plg {

enum class Kind { community, meeting, goal, reflection };

// How a new record's id (its file name without ".yaml") is made.
enum class IdRule {
    fixed,         // the community: always plg.yaml
    dated_random,  // "<date>-<slug>-<4 random characters>": two branches never collide
    chosen,        // given by the person (--id), else a slug of the title
};

struct KindInfo {
    Kind kind;
    std::string_view name;    // "meeting": in messages, `plg __kinds`, completion kinds
    std::string_view plural;  // "meetings": in messages and JSON counts
    std::string_view folder;  // "meetings"; "" for the community, which is plg.yaml
    IdRule id_rule;
    std::string_view schema;   // the JSON Schema in docs/schema/
    std::string_view command;  // "reflect": the plg command that adds and lists it
};

inline constexpr std::array<KindInfo, 4> k_kinds = {{
    {Kind::community, "community", "communities", "", IdRule::fixed, "plg.schema.json", "member"},
    {Kind::meeting, "meeting", "meetings", "meetings", IdRule::dated_random, "meeting.schema.json",
     "meeting"},
    {Kind::goal, "goal", "goals", "goals", IdRule::chosen, "goal.schema.json", "goal"},
    {Kind::reflection, "reflection", "reflections", "reflections", IdRule::dated_random,
     "reflection.schema.json", "reflect"},
}};

// Every kind, the community first, then the record folders in the order plg loads them.
constexpr std::span<const KindInfo> kinds() {
    return k_kinds;
}

// The kinds kept as one file per record in a folder of their own (all but the community).
constexpr std::span<const KindInfo> record_kinds() {
    return kinds().subspan(1);
}

// Returns the row of `kind`.
constexpr const KindInfo& kind_info(Kind kind) {
    for (const auto& k : k_kinds) {
        if (k.kind == kind) {
            return k;
        }
    }
    return k_kinds[0];
}

// Returns the kind named `name` ("meeting"), or nullptr.
constexpr const KindInfo* find_kind(std::string_view name) {
    for (const auto& k : k_kinds) {
        if (k.name == name) {
            return &k;
        }
    }
    return nullptr;
}

}  // namespace plg
