#include "plg/records/records.hpp"

#include <fmt/format.h>

#include "plg/records/codec.hpp"

namespace plg {

using namespace detail;

std::string format_number(double value) {
    return fmt::format("{}", value);
}

const std::vector<std::string>& record_keys(Kind kind) {
    switch (kind) {
        case Kind::community:
            return community_keys();
        case Kind::meeting:
            return meeting_keys();
        case Kind::goal:
            return goal_keys();
        case Kind::reflection:
            return reflection_keys();
    }
    return community_keys();
}

std::string drop_empty_fields(const std::string& text) {
    yaml::Document doc = yaml::parse("record", text);
    if (has_errors(doc.problems) || !doc.root || doc.root->kind != Node::Kind::mapping) {
        return text;
    }
    std::vector<yaml::Edit> edits;
    for (const auto& e : doc.root->entries) {
        if (e.value.kind != Node::Kind::null || e.key.value == "progress") {
            continue;
        }
        auto [first, last] = yaml::entry_lines(doc, e);
        std::string_view line(doc.text.data() + first, last - first);
        // Only a bare "key:" line: a comment on it is the person's and stays.
        if (line.find('#') == std::string_view::npos) {
            edits.push_back({first, last - first, ""});
        }
    }
    return yaml::apply(doc, std::move(edits));
}

}  // namespace plg
