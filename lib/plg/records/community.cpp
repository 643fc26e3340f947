#include "plg/records/community.hpp"

#include <nlohmann/json.hpp>

#include "plg/base/i18n.hpp"
#include "plg/records/codec.hpp"
#include "plg/records/json.hpp"

namespace plg {

using namespace detail;

namespace {

const std::vector<std::string> k_community_keys = {"name",     "school",       "founded",  "origin",
                                                   "language", "cadence_days", "breaks",   "vision",
                                                   "norms",    "members",      "framework"};
const std::vector<std::string> k_member_keys = {"id", "name", "role", "joined", "left"};
const std::vector<std::string> k_break_keys = {"name", "from", "to"};
const std::vector<std::string> k_dimension_keys = {"id", "name"};

Value member_value(const Member& m) {
    Value v = Value::map();
    v.add("id", Value::text(m.id)).add("name", Value::text(m.name));
    v.add_text("role", m.role);
    if (m.joined) {
        v.add("joined", date_value(*m.joined));
    }
    if (m.left) {
        v.add("left", date_value(*m.left));
    }
    return v;
}

nlohmann::json date_or_null(const std::optional<Date>& d) {
    return d ? nlohmann::json(d->iso()) : nlohmann::json(nullptr);
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

bool Member::member_on(Date day) const {
    return (!joined || *joined <= day) && (!left || day <= *left);
}

std::vector<std::string> Community::member_ids_on(Date day) const {
    std::vector<std::string> ids;
    for (const auto& m : members) {
        if (m.member_on(day)) {
            ids.push_back(m.id);
        }
    }
    return ids;
}

bool Community::in_break(Date day) const {
    return std::any_of(breaks.begin(), breaks.end(),
                       [&](const Break& b) { return b.from <= day && day <= b.to; });
}

int Community::working_days(Date from, Date to) const {
    return plg::working_days(breaks, from, to);
}

int working_days(const std::vector<Break>& breaks, Date from, Date to) {
    if (from > to) {
        return 0;
    }
    int days = to.days_since(from) + 1;
    // Breaks may overlap: count each day once, walking the breaks by start date.
    Date covered_to = from.plus_days(-1);
    std::vector<Break> sorted = breaks;
    std::sort(sorted.begin(), sorted.end(),
              [](const Break& a, const Break& b) { return a.from < b.from; });
    for (const auto& b : sorted) {
        Date start = std::max({b.from, from, covered_to.plus_days(1)});
        Date end = std::min(b.to, to);
        if (start <= end) {
            days -= end.days_since(start) + 1;
            covered_to = end;
        }
    }
    return days;
}

std::vector<std::string> Community::dimension_ids() const {
    std::vector<std::string> ids;
    for (const auto& d : framework) {
        ids.push_back(d.id);
    }
    return ids;
}

namespace {

// The default framework's ids, each with its short Dutch and French ids.
struct DimensionAliases {
    std::string_view id;
    std::string_view nl;
    std::string_view fr;
};
constexpr DimensionAliases k_dimension_aliases[] = {
    {"shared-vision", "gedeelde-visie", "vision-partagee"},
    {"collective-responsibility", "collectieve-verantwoordelijkheid", "responsabilite-collective"},
    {"interdependence", "onderlinge-afhankelijkheid", "interdependance"},
    {"reflection", "reflectie", "reflexion"},
    {"collaboration", "samenwerking", "collaboration"},
    {"inquiry", "onderzoek", "recherche"},
    {"improvement", "verbetering", "amelioration"},
    {"shared-learning", "gedeeld-leren", "apprentissage-partage"},
};

}  // namespace

std::string Community::dimension_for(std::string_view typed) const {
    std::string folded = slugify(typed, 100);
    for (const auto& d : framework) {
        if (d.id == typed ||
            (!folded.empty() && (d.id == folded || slugify(d.name, 100) == folded))) {
            return d.id;
        }
    }
    for (const auto& alias : k_dimension_aliases) {
        if (folded == alias.nl || folded == alias.fr) {
            for (const auto& d : framework) {
                if (d.id == alias.id) {
                    return d.id;
                }
            }
        }
    }
    return {};
}

std::vector<Dimension> default_framework(std::string_view language) {
    static constexpr std::pair<std::string_view, std::string_view> k_english[] = {
        {"shared-vision", NC_("framework", "Shared vision and goals")},
        {"collective-responsibility", NC_("framework", "Collective responsibility")},
        {"interdependence", NC_("framework", "Interdependence")},
        {"reflection", NC_("framework", "Structured reflection")},
        {"collaboration", NC_("framework", "Collaboration")},
        {"inquiry", NC_("framework", "Inquiry culture")},
        {"improvement", NC_("framework", "Continuous improvement")},
        {"shared-learning", NC_("framework", "Shared responsibility for learning")}};
    std::vector<Dimension> framework;
    for (const auto& [id, name] : k_english) {
        framework.push_back({std::string(id), std::string(translate(language, "framework", name))});
    }
    return framework;
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
        c.language = d.one_of(root->find("language"), "language", languages());
    }
    if (auto n = root->find("cadence_days")) {
        c.cadence_days = d.integer(n, "cadence_days", 1, 366);
    }
    d.list(root->find("breaks"), "breaks", [&](const Node& item) {
        if (!d.fields(item, tr("a break"), k_break_keys, {"from", "to"})) {
            return;
        }
        auto from = d.date(item.find("from"), "from");
        auto to = d.date(item.find("to"), "to");
        Break b{d.text(item.find("name"), "name"), from.value_or(Date()), to.value_or(Date())};
        if (from && to && *to < *from) {
            d.error(*item.find("to"), tr("the break ends ({}) before it starts ({}); 'to' is its "
                                         "last day",
                                         to->iso(), from->iso()));
        }
        if (from && to) {
            c.breaks.push_back(std::move(b));
        }
    });
    std::stable_sort(c.breaks.begin(), c.breaks.end(),
                     [](const Break& a, const Break& b) { return a.from < b.from; });
    c.vision = d.text(root->find("vision"), "vision");
    c.norms = d.text_list(root->find("norms"), "norms");
    d.list(root->find("members"), "members", [&](const Node& item) {
        if (!d.fields(item, tr("a member"), k_member_keys, {"id", "name"})) {
            return;
        }
        Member m{d.text(item.find("id"), "id"), d.text(item.find("name"), "name"),
                 d.text(item.find("role"), "role"), d.date(item.find("joined"), "joined"),
                 d.date(item.find("left"), "left")};
        if (m.joined && m.left && *m.left < *m.joined) {
            d.error(*item.find("left"), tr("member '{}' left ({}) before joining ({}); 'left' "
                                           "is the last day as a member",
                                           m.id, m.left->iso(), m.joined->iso()));
        }
        if (!m.id.empty() && !is_member_id(m.id)) {
            d.error(*item.find("id"), tr("member id '{}' must be 1-32 lower-case letters, "
                                         "digits, '-' or '_', starting with a letter (like "
                                         "'anna' or 'jdvries')",
                                         m.id));
        } else if (!m.id.empty() && c.find_member(m.id)) {
            d.error(*item.find("id"), tr("member id '{}' is used twice; ids must be unique", m.id));
        }
        c.members.push_back(std::move(m));
    });
    if (root->find("framework")) {
        d.list(root->find("framework"), "framework", [&](const Node& item) {
            if (!d.fields(item, tr("a framework dimension"), k_dimension_keys, {"id", "name"})) {
                return;
            }
            Dimension dim{d.text(item.find("id"), "id"), d.text(item.find("name"), "name")};
            auto ids = c.dimension_ids();
            if (!dim.id.empty() && !is_record_id(dim.id)) {
                d.error(*item.find("id"),
                        tr("dimension id '{}' must be lower-case letters, digits and '-'", dim.id));
            } else if (!dim.id.empty() && std::find(ids.begin(), ids.end(), dim.id) != ids.end()) {
                d.error(*item.find("id"), tr("dimension '{}' is listed twice", dim.id));
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
    if (!c.breaks.empty()) {
        Value breaks = Value::list();
        for (const auto& b : c.breaks) {
            Value v = Value::map();
            v.one_line = true;
            v.add_text("name", b.name);
            v.add("from", date_value(b.from)).add("to", date_value(b.to));
            breaks.push(std::move(v));
        }
        root.add("breaks", std::move(breaks));
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

Revision edit_add_member(const std::string& file, std::string bytes, const Member& member) {
    yaml::Document doc = open_for_edit(file, std::move(bytes));
    return {yaml::apply(doc, {push_to_list(doc, *doc.root, "members", member_value(member))}),
            {"members.+"}};
}

std::optional<std::string> merge_member_additions(const std::string& base,
                                                  const std::string& current,
                                                  const std::string& other) {
    Parsed<Community> b = read_community("plg.yaml", base);
    Parsed<Community> c = read_community("plg.yaml", current);
    Parsed<Community> o = read_community("plg.yaml", other);
    if (!b.record || !c.record || !o.record) {
        return std::nullopt;
    }
    yaml::Document base_doc = yaml::parse("plg.yaml", base);
    auto only_added = [&](const std::string& side) {
        return !yaml::unintended_change(base_doc, yaml::parse("plg.yaml", side), {"members.+"});
    };
    auto same = [](const Member& x, const Member& y) {
        return x.name == y.name && x.role == y.role && x.joined == y.joined && x.left == y.left;
    };
    // The members `from` added since base, appended to `onto`.
    auto add_new = [&](std::string onto, const Community& onto_c,
                       const Community& from) -> std::optional<std::string> {
        for (const Member& m : from.members) {
            if (b.record->find_member(m.id)) {
                continue;
            }
            if (const Member* there = onto_c.find_member(m.id)) {
                if (!same(*there, m)) {
                    return std::nullopt;  // one id added twice, differently: for a person
                }
                continue;
            }
            onto = edit_add_member("plg.yaml", std::move(onto), m).bytes;
        }
        if (!read_community("plg.yaml", onto).record) {
            return std::nullopt;
        }
        return onto;
    };
    if (only_added(other)) {
        return add_new(current, *c.record, *o.record);
    }
    if (only_added(current)) {
        return add_new(other, *o.record, *c.record);
    }
    return std::nullopt;
}

Revision edit_member(const std::string& file, std::string bytes, const std::string& id,
                     const MemberChange& change) {
    yaml::Document doc = open_for_edit(file, std::move(bytes));
    const Node* members = doc.root->find("members");
    const Node* item = nullptr;
    std::string at;
    if (members && members->kind == Node::Kind::sequence) {
        for (size_t i = 0; i < members->items.size(); ++i) {
            const Node& m = members->items[i];
            const Node* n = m.kind == Node::Kind::mapping ? m.find("id") : nullptr;
            if (n && n->kind == Node::Kind::scalar && n->value == id) {
                item = &m;
                at = "members." + std::to_string(i) + ".";
            }
        }
    }
    if (!item) {
        throw Error(tr("no member '{}' in {}; see 'plg member list'", id, file));
    }
    std::vector<yaml::Field> fields;
    if (change.name) {
        fields.push_back({"name", Value::text(*change.name)});
    }
    if (change.role) {
        fields.push_back({"role", Value::text(*change.role)});
    }
    if (change.joined) {
        fields.push_back({"joined", date_value(*change.joined)});
    }
    if (change.left) {
        fields.push_back({"left", date_value(*change.left)});
    }
    std::vector<std::string> changes;
    for (const auto& f : fields) {
        changes.push_back(at + f.first);
    }
    return {yaml::apply(doc, set_fields(doc, *item, fields)), changes};
}

nlohmann::json to_json(const Member& m) {
    return {{"id", m.id},
            {"name", m.name},
            {"role", m.role},
            {"joined", date_or_null(m.joined)},
            {"left", date_or_null(m.left)}};
}

nlohmann::json to_json(const Break& b) {
    return {{"name", b.name}, {"from", b.from.iso()}, {"to", b.to.iso()}};
}

}  // namespace plg
