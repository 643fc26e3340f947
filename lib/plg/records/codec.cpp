#include "plg/records/codec.hpp"
#include "plg/base/i18n.hpp"

namespace plg::detail {

Value date_value(const Date& d) {
    return Value::plain(d.iso());
}
Value number_value(double v) {
    return Value::plain(format_number(v));
}

Value text_list(const std::vector<std::string>& items) {
    Value list = Value::list();
    for (const auto& s : items) {
        list.push(Value::text(s));
    }
    return list;
}

void add_list(Value& map, std::string key, const std::vector<std::string>& items) {
    if (!items.empty()) {
        map.add(std::move(key), text_list(items));
    }
}

namespace {

bool is_empty_value(const Node& n) {
    return n.kind == Node::Kind::null || (n.kind == Node::Kind::scalar && n.value.empty());
}

}  // namespace

std::string with_placeholders(const std::string& rendered, const std::vector<std::string>& keys) {
    yaml::Document doc = yaml::parse("template", rendered);
    std::string out;
    for (const auto& key : keys) {
        const yaml::Entry* found = nullptr;
        for (const auto& e : doc.root->entries) {
            if (e.key.value == key && !is_empty_value(e.value)) {
                found = &e;
            }
        }
        if (found) {
            auto [first, last] = yaml::entry_lines(doc, *found);
            out += doc.text.substr(first, last - first);
        } else {
            out += key + ":\n";
        }
    }
    return out;
}

yaml::Document open_for_edit(const std::string& file, std::string bytes) {
    yaml::Document doc = yaml::parse(file, std::move(bytes));
    if (has_errors(doc.problems)) {
        throw InvalidRecord(doc.problems);
    }
    if (!doc.root || doc.root->kind != Node::Kind::mapping) {
        throw Error(Location{file, 1, 1}, tr("the file must be a mapping of 'key: value' lines"));
    }
    return doc;
}

const yaml::Entry* find_entry(const Node& map, std::string_view key) {
    for (const auto& e : map.entries) {
        if (e.key.value == key) {
            return &e;
        }
    }
    return nullptr;
}

std::vector<yaml::Edit> set_fields(const yaml::Document& doc, const Node& map,
                                   const std::vector<yaml::Field>& fields, std::string_view after) {
    if (map.flow) {
        return {yaml::set_in_line_map(doc, map, fields)};
    }
    std::vector<yaml::Edit> edits;
    std::optional<yaml::Edit> added;
    const yaml::Entry* anchor = after.empty() ? nullptr : find_entry(map, after);
    for (const auto& [key, value] : fields) {
        if (const yaml::Entry* e = find_entry(map, key)) {
            edits.push_back(yaml::replace_value(doc, *e, value));
        } else if (!added) {
            added = yaml::append_entry(doc, map, key, value, anchor);
        } else {
            added->text += yaml::render_entry(key, value, map.column - 1);
        }
    }
    if (added) {
        edits.push_back(std::move(*added));
    }
    return edits;
}

yaml::Edit push_to_list(const yaml::Document& doc, const Node& map, std::string_view key,
                        const Value& item) {
    if (const yaml::Entry* e = find_entry(map, key)) {
        return yaml::append_item(doc, *e, item);
    }
    Value list = Value::list();
    list.push(item);
    return yaml::append_entry(doc, map, key, list);
}

}  // namespace plg::detail
