#include "plg/records/records.hpp"

#include <cstdlib>

#include <fmt/format.h>

#include "plg/records/codec.hpp"

namespace plg {

using namespace detail;

std::string format_number(double value) {
    // The shortest text that reads back as `value`, always positional: an
    // exponent (1e+16) is text to YAML 1.1 readers.
    std::string s = fmt::format("{}", value);
    size_t e = s.find('e');
    if (e == std::string::npos) {
        return s;
    }
    int exponent = std::stoi(s.substr(e + 1));
    std::string mantissa = s.substr(0, e);
    if (exponent > 20 || exponent < -20) {
        // Far from 1: an exponent after a point and with a sign, which every
        // YAML reader takes for a number.
        if (mantissa.find('.') == std::string::npos) {
            mantissa += ".0";
        }
        return mantissa + (exponent < 0 ? "e-" : "e+") + std::to_string(std::abs(exponent));
    }
    bool negative = mantissa[0] == '-';
    if (negative) {
        mantissa.erase(0, 1);
    }
    size_t dot = mantissa.find('.');
    int point = int(dot == std::string::npos ? mantissa.size() : dot) + exponent;
    if (dot != std::string::npos) {
        mantissa.erase(dot, 1);
    }
    std::string out;
    if (point <= 0) {
        out = "0." + std::string(size_t(-point), '0') + mantissa;
    } else if (size_t(point) >= mantissa.size()) {
        out = mantissa + std::string(size_t(point) - mantissa.size(), '0');
    } else {
        out = mantissa.substr(0, size_t(point)) + "." + mantissa.substr(size_t(point));
    }
    return (negative ? "-" : "") + out;
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
