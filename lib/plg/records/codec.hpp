#pragma once

// What the record kinds' files share, inside the records layer only: reading
// typed values out of a parsed document with every problem collected, the
// writer's building blocks, and the helpers of in-place edits. Public headers
// never include it (it brings plg's YAML types).

#include <algorithm>
#include <charconv>
#include <cmath>
#include <set>
#include <string>
#include <vector>

#include "plg/base/error.hpp"
#include "plg/base/i18n.hpp"
#include "plg/base/slug.hpp"
#include "plg/base/text.hpp"
#include "plg/records/community.hpp"
#include "plg/records/parsed.hpp"
#include "plg/yaml/yaml.hpp"

namespace plg::detail {

using yaml::Node;
using yaml::Value;

// Reads typed values out of a parsed document, collecting every problem.
class Decoder {
  public:
    Decoder(const yaml::Document& doc, std::vector<Diagnostic>& out) : m_doc(doc), m_out(out) {}

    void error(const Node& at, std::string message) {
        m_out.push_back({Severity::error, where(at), std::move(message)});
    }
    void warning(const Node& at, std::string message) {
        m_out.push_back({Severity::warning, where(at), std::move(message)});
    }

    // Checks that `node` is a mapping with only `known` keys and all `required`
    // ones. Returns false when it is not a mapping at all.
    bool fields(const Node& node, std::string_view what, const std::vector<std::string>& known,
                const std::vector<std::string>& required) {
        if (node.kind != Node::Kind::mapping) {
            error(node,
                  tr("{} must be a mapping of 'key: value' lines, not {}", what, kind_of(node)));
            return false;
        }
        for (const auto& e : node.entries) {
            if (std::find(known.begin(), known.end(), e.key.value) == known.end()) {
                std::string hint = did_you_mean(e.key.value, known);
                error(e.key, tr("unknown key '{}' in {}", e.key.value, what) +
                                 (hint.empty() ? tr("; the keys are: {}", join(known)) : hint));
            }
        }
        for (const auto& r : required) {
            const Node* v = node.find(r);
            if (v == nullptr || v->kind == Node::Kind::null ||
                (v->kind == Node::Kind::scalar && v->value.empty())) {
                error(v ? *v : node, v ? tr("{} needs '{}'; give it a value", what, r)
                                       : tr("{} needs '{}'; add a line '{}: ...'", what, r, r));
            }
        }
        return true;
    }

    std::string text(const Node* n, std::string_view field) {
        if (n == nullptr || n->kind == Node::Kind::null) {
            return {};
        }
        if (n->kind != Node::Kind::scalar) {
            error(*n, tr("'{}' must be text, not {} (for several lines use a block: '{}: |')",
                         field, kind_of(*n), field));
            return {};
        }
        if (!n->quoted) {
            if (auto reading = yaml::plain_reading(n->value)) {
                error(*n, tr("'{}' is written {}, which other YAML tools read as {}, not as "
                             "text; put it in quotes: \"{}\"",
                             field, n->value, trp(*reading), n->value));
            }
        }
        return n->value;
    }

    std::optional<Date> date(const Node* n, std::string_view field) {
        if (n == nullptr || n->kind == Node::Kind::null) {
            return std::nullopt;
        }
        if (n->kind == Node::Kind::scalar) {
            if (auto d = Date::parse_iso(n->value)) {
                return d;
            }
        }
        error(*n, tr("'{}' must be a date written YYYY-MM-DD, like 2026-11-23, not {}", field,
                     describe(*n)));
        return std::nullopt;
    }

    std::optional<double> number(const Node* n, std::string_view field) {
        if (n == nullptr || n->kind == Node::Kind::null) {
            return std::nullopt;
        }
        if (n->kind == Node::Kind::scalar) {
            const std::string& s = n->value;
            double value = 0;
            auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
            bool read = ec == std::errc() && end == s.data() + s.size() && std::isfinite(value) &&
                        !s.empty();
            // Any YAML reader must read the same number (see docs/file-format.md).
            if (read && n->quoted) {
                error(*n, tr("'{}' is in quotes, so other YAML tools read it as text, not a "
                             "number; write it without quotes: {}",
                             field, s));
                return std::nullopt;
            }
            if (read && !yaml::portable_number(s)) {
                error(*n, tr("'{}' is written {}, which YAML tools read as different numbers "
                             "(or as text); write it as a plain decimal: {}",
                             field, s, format_number(value)));
                return std::nullopt;
            }
            if (read) {
                return value;
            }
        }
        std::string comma = n->kind == Node::Kind::scalar ? n->value : std::string();
        size_t at = comma.find(',');
        if (at != std::string::npos && comma.find(',', at + 1) == std::string::npos &&
            comma.find('.') == std::string::npos) {
            comma[at] = '.';
            double v = 0;
            auto [end, ec] = std::from_chars(comma.data(), comma.data() + comma.size(), v);
            if (ec == std::errc() && end == comma.data() + comma.size()) {
                error(*n, tr("'{}' is written {}, which YAML reads as text: numbers in a file "
                             "take a point, so write {}",
                             field, n->value, comma));
                return std::nullopt;
            }
        }
        error(*n, tr("'{}' must be a number, like 12 or 7.5, not {}", field, describe(*n)));
        return std::nullopt;
    }

    std::optional<int> integer(const Node* n, std::string_view field, int min, int max) {
        auto v = number(n, field);
        if (!v) {
            return std::nullopt;
        }
        if (*v != std::floor(*v) || *v < min || *v > max) {
            error(*n, tr("'{}' must be a whole number from {} to {}, not {}", field, min, max,
                         describe(*n)));
            return std::nullopt;
        }
        return int(*v);
    }

    std::optional<bool> boolean(const Node* n, std::string_view field) {
        if (n == nullptr || n->kind == Node::Kind::null) {
            return std::nullopt;
        }
        if (n->kind == Node::Kind::scalar && !n->quoted) {
            // The spellings YAML 1.1 and 1.2 both read as true or false.
            const std::string& v = n->value;
            if (v == "true" || v == "True" || v == "TRUE") {
                return true;
            }
            if (v == "false" || v == "False" || v == "FALSE") {
                return false;
            }
            std::string lower = v;
            std::transform(lower.begin(), lower.end(), lower.begin(),
                           [](unsigned char c) { return char(std::tolower(c)); });
            for (auto [word, truth] : {std::pair{"yes", true},
                                       {"on", true},
                                       {"y", true},
                                       {"no", false},
                                       {"off", false},
                                       {"n", false}}) {
                if (lower == word) {
                    error(*n, tr("'{}' is written {}, which YAML tools read differently (true, "
                                 "false or text); write {}",
                                 field, v, truth ? "true" : "false"));
                    return std::nullopt;
                }
            }
        }
        error(*n, tr("'{}' must be true or false, not {}", field, describe(*n)));
        return std::nullopt;
    }

    // A list of items read by `each`; a missing or empty value is an empty list.
    template <typename F>
    void list(const Node* n, std::string_view field, F&& each) {
        if (n == nullptr || n->kind == Node::Kind::null) {
            return;
        }
        if (n->kind != Node::Kind::sequence) {
            error(*n,
                  tr("'{}' must be a list (one '- item' per line), not {}", field, kind_of(*n)));
            return;
        }
        for (const auto& item : n->items) {
            if (item.kind == Node::Kind::null ||
                (item.kind == Node::Kind::scalar && !item.quoted && item.value.empty())) {
                warning(item, tr("an empty item in '{}' is left out; fill it in or remove its "
                                 "'-' line",
                                 field));
                continue;
            }
            each(item);
        }
    }

    std::vector<std::string> text_list(const Node* n, std::string_view field) {
        std::vector<std::string> out;
        list(n, field, [&](const Node& item) {
            std::string s = text(&item, field);
            if (!s.empty()) {
                out.push_back(std::move(s));
            }
        });
        return out;
    }

    static std::string command_of(std::string_view kind) {
        const KindInfo* info = find_kind(kind);
        return std::string(info ? info->command : kind);
    }

    // A member id, checked against the PLG's members when they are known.
    std::string member(const Node* n, std::string_view field, const References& refs) {
        std::string id = text(n, field);
        if (!id.empty() && refs.community && !refs.community->find_member(id)) {
            auto ids = refs.community->member_ids();
            std::string hint = did_you_mean(id, ids);
            error(*n, tr("unknown member '{}' in {}", id, field) +
                          (hint.empty() ? tr("; add it with 'plg member add {} --name ...' or "
                                             "use one of: {}",
                                             id, join(ids))
                                        : hint));
        }
        return id;
    }

    std::vector<std::string> member_list(const Node* n, std::string_view field,
                                         const References& refs) {
        std::vector<std::string> out;
        list(n, field, [&](const Node& item) {
            std::string id = member(&item, field, refs);
            if (id.empty()) {
                return;
            }
            if (std::find(out.begin(), out.end(), id) != out.end()) {
                warning(item, tr("member '{}' is listed twice in {}", id, field));
                return;
            }
            out.push_back(std::move(id));
        });
        return out;
    }

    // An id of a record in `known` (goals or meetings), when those are known.
    std::string record_ref(const Node* n, std::string_view field, std::string_view kind,
                           const std::set<std::string>* known) {
        std::string id = text(n, field);
        if (!id.empty() && known && !known->count(id)) {
            std::vector<std::string> ids(known->begin(), known->end());
            std::string hint = did_you_mean(id, ids);
            error(*n, (kind == "goal" ? tr("unknown goal '{}' in {}", id, field)
                                      : tr("unknown meeting '{}' in {}", id, field)) +
                          (hint.empty() ? tr("; see 'plg {} list'", command_of(kind)) : hint));
        }
        return id;
    }

    std::string one_of(const Node* n, std::string_view field,
                       const std::vector<std::string>& allowed) {
        std::string v = text(n, field);
        if (!v.empty() && std::find(allowed.begin(), allowed.end(), v) == allowed.end()) {
            error(*n, tr("'{}' must be one of {}, not '{}'", field, join(allowed), v) +
                          did_you_mean(v, allowed));
        }
        return v;
    }

    void future_warning(const Node* n, std::optional<Date> d, const References& refs,
                        std::string_view field) {
        if (n && d && refs.today && *d > *refs.today) {
            warning(*n, tr("'{}' {} is in the future", field, d->iso()));
        }
    }

    // Records dated before the PLG was founded fall outside every report period.
    // `what` is the record, translated: "this meeting".
    void before_founding(const Node* n, Date d, const References& refs, std::string_view what) {
        if (n && refs.community && refs.community->founded && d < *refs.community->founded) {
            warning(*n, tr("{} is dated {}, before the PLG was founded ({} in plg.yaml), so no "
                           "report counts it; if the PLG is older, set 'founded' in plg.yaml to "
                           "its first day",
                           what, d.iso(), refs.community->founded->iso()));
        }
    }

  private:
    Location where(const Node& at) const { return {m_doc.file, at.line, at.column}; }
    static std::string describe(const Node& n) {
        if (n.kind == Node::Kind::scalar) {
            return "'" + n.value + "'";
        }
        return kind_of(n);
    }
    static std::string kind_of(const Node& n) { return trp(n.kind_name()); }

    const yaml::Document& m_doc;
    std::vector<Diagnostic>& m_out;
};

// Returns the document's root, or nullptr when the file could not be parsed.
template <typename T>
inline const Node* open(const yaml::Document& doc, Parsed<T>& result) {
    // Duplicate keys, anchors and tags leave a tree to check further, so that every
    // problem of the file is reported at once; a syntax error leaves none.
    result.problems = doc.problems;
    return doc.root ? &*doc.root : nullptr;
}

template <typename T>
void finish(Parsed<T>& result, T&& record) {
    if (!has_errors(result.problems)) {
        result.record = std::move(record);
    }
}

// The plain YAML value of a date, and of a number as plg writes it.
Value date_value(const Date& d);
Value number_value(double v);
// A list of texts; add_list adds it under `key` unless `items` is empty.
Value text_list(const std::vector<std::string>& items);
void add_list(Value& map, std::string key, const std::vector<std::string>& items);

// Lays out `rendered` (a writer's output) with every key of `keys` in order:
// the entries that are there as written, the others as empty "key:" lines.
std::string with_placeholders(const std::string& rendered, const std::vector<std::string>& keys);

// Parses a file for editing; throws InvalidRecord when it has errors.
yaml::Document open_for_edit(const std::string& file, std::string bytes);
const yaml::Entry* find_entry(const Node& map, std::string_view key);
// Sets each field of `map`: replaces the values that are there, and adds the
// missing ones together, in the order given, after the entry `after` when the
// mapping has it, else after the mapping's last line.
std::vector<yaml::Edit> set_fields(const yaml::Document& doc, const Node& map,
                                   const std::vector<yaml::Field>& fields,
                                   std::string_view after = {});
// Appends `item` to the list under `key`, creating the list when there is none.
yaml::Edit push_to_list(const yaml::Document& doc, const Node& map, std::string_view key,
                        const Value& item);

}  // namespace plg::detail
