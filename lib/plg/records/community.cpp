#include "plg/records/community.hpp"

#include <nlohmann/json.hpp>

#include "plg/records/codec.hpp"
#include "plg/records/json.hpp"

namespace plg {

using namespace detail;

namespace {

const std::vector<std::string> k_community_keys = {"name",     "school",       "founded", "origin",
                                                   "language", "cadence_days", "vision",  "norms",
                                                   "members",  "framework"};
const std::vector<std::string> k_member_keys = {"id", "name", "role"};
const std::vector<std::string> k_dimension_keys = {"id", "name"};

Value member_value(const Member& m) {
    Value v = Value::map();
    v.add("id", Value::text(m.id)).add("name", Value::text(m.name));
    v.add_text("role", m.role);
    return v;
}

}  // namespace

const std::vector<std::string>& community_keys() {
    return k_community_keys;
}

const Member* Community::find_member(std::string_view id) const {
    for (const auto& m : members) {
        if (m.id == id) {
            return &m;
        }
    }
    return nullptr;
}

std::vector<std::string> Community::member_ids() const {
    std::vector<std::string> ids;
    for (const auto& m : members) {
        ids.push_back(m.id);
    }
    return ids;
}

std::vector<std::string> Community::dimension_ids() const {
    std::vector<std::string> ids;
    for (const auto& d : framework) {
        ids.push_back(d.id);
    }
    return ids;
}

std::vector<Dimension> default_framework(std::string_view language) {
    if (language == "nl") {
        return {{"shared-vision", "Gedeelde visie en doelen"},
                {"collective-responsibility", "Collectieve verantwoordelijkheid"},
                {"interdependence", "Onderlinge afhankelijkheid"},
                {"reflection", "Gestructureerde reflectie"},
                {"collaboration", "Samenwerking"},
                {"inquiry", "Onderzoekende cultuur"},
                {"improvement", "Continue verbetering"},
                {"shared-learning", "Gedeelde verantwoordelijkheid voor leren"}};
    }
    return {{"shared-vision", "Shared vision and goals"},
            {"collective-responsibility", "Collective responsibility"},
            {"interdependence", "Interdependence"},
            {"reflection", "Structured reflection"},
            {"collaboration", "Collaboration"},
            {"inquiry", "Inquiry culture"},
            {"improvement", "Continuous improvement"},
            {"shared-learning", "Shared responsibility for learning"}};
}

Parsed<Community> read_community(const std::string& file, std::string bytes) {
    yaml::Document doc = yaml::parse(file, std::move(bytes));
    Parsed<Community> result;
    const Node* root = open(doc, result);
    if (!root) {
        return result;
    }
    Decoder d(doc, result.problems);
    Community c;
    if (!d.fields(*root, "plg.yaml", k_community_keys, {"name"})) {
        return result;
    }
    c.name = d.text(root->find("name"), "name");
    c.school = d.text(root->find("school"), "school");
    c.founded = d.date(root->find("founded"), "founded");
    c.origin = d.one_of(root->find("origin"), "origin", k_origins);
    if (root->find("language")) {
        c.language = d.one_of(root->find("language"), "language", k_languages);
    }
    if (auto n = root->find("cadence_days")) {
        c.cadence_days = d.integer(n, "cadence_days", 1, 366);
    }
    c.vision = d.text(root->find("vision"), "vision");
    c.norms = d.text_list(root->find("norms"), "norms");
    d.list(root->find("members"), "members", [&](const Node& item) {
        if (!d.fields(item, "a member", k_member_keys, {"id", "name"})) {
            return;
        }
        Member m{d.text(item.find("id"), "id"), d.text(item.find("name"), "name"),
                 d.text(item.find("role"), "role")};
        if (!m.id.empty() && !is_member_id(m.id)) {
            d.error(*item.find("id"), "member id '" + m.id +
                                          "' must be 1-32 lower-case letters, digits, '-' or "
                                          "'_', starting with a letter (like 'anna' or 'jdvries')");
        } else if (!m.id.empty() && c.find_member(m.id)) {
            d.error(*item.find("id"), "member id '" + m.id + "' is used twice; ids must be unique");
        }
        c.members.push_back(std::move(m));
    });
    if (root->find("framework")) {
        d.list(root->find("framework"), "framework", [&](const Node& item) {
            if (!d.fields(item, "a framework dimension", k_dimension_keys, {"id", "name"})) {
                return;
            }
            Dimension dim{d.text(item.find("id"), "id"), d.text(item.find("name"), "name")};
            auto ids = c.dimension_ids();
            if (!dim.id.empty() && !is_record_id(dim.id)) {
                d.error(*item.find("id"),
                        "dimension id '" + dim.id + "' must be lower-case letters, digits and '-'");
            } else if (!dim.id.empty() && std::find(ids.begin(), ids.end(), dim.id) != ids.end()) {
                d.error(*item.find("id"), "dimension '" + dim.id + "' is listed twice");
            }
            c.framework.push_back(std::move(dim));
        });
    } else {
        c.framework = default_framework(c.language);
    }
    finish(result, std::move(c));
    return result;
}

std::string write_community(const Community& c) {
    Value root = Value::map();
    root.add("name", Value::text(c.name));
    root.add_text("school", c.school);
    if (c.founded) {
        root.add("founded", date_value(*c.founded));
    }
    root.add_text("origin", c.origin);
    root.add("language", Value::text(c.language));
    if (c.cadence_days) {
        root.add("cadence_days", Value::plain(std::to_string(*c.cadence_days)));
    }
    root.add_text("vision", c.vision);
    add_list(root, "norms", c.norms);
    Value members = Value::list();
    for (const auto& m : c.members) {
        members.push(member_value(m));
    }
    root.add("members", std::move(members));
    Value framework = Value::list();
    for (const auto& dim : c.framework) {
        framework.push(
            Value::map().add("id", Value::text(dim.id)).add("name", Value::text(dim.name)));
    }
    root.add("framework", std::move(framework));
    return yaml::render_document(root);
}

std::string edit_add_member(const std::string& file, std::string bytes, const Member& member) {
    yaml::Document doc = open_for_edit(file, std::move(bytes));
    return yaml::apply(doc, {push_to_list(doc, *doc.root, "members", member_value(member))});
}

nlohmann::json to_json(const Member& m) {
    return {{"id", m.id}, {"name", m.name}, {"role", m.role}};
}

}  // namespace plg
