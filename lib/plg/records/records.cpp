#include "plg/records/records.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>

#include "plg/base/slug.hpp"
#include "plg/base/text.hpp"
#include "plg/yaml/yaml.hpp"

namespace plg {

using yaml::Node;

std::string format_number(double value) {
    return fmt::format("{}", value);
}

namespace {

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
            error(node, std::string(what) + " must be a mapping of 'key: value' lines, not " +
                            std::string(node.kind_name()));
            return false;
        }
        for (const auto& e : node.entries) {
            if (std::find(known.begin(), known.end(), e.key.value) == known.end()) {
                std::string hint = did_you_mean(e.key.value, known);
                error(e.key, "unknown key '" + e.key.value + "' in " + std::string(what) +
                                 (hint.empty() ? "; the keys are: " + join(known) : hint));
            }
        }
        for (const auto& r : required) {
            const Node* v = node.find(r);
            if (v == nullptr || v->kind == Node::Kind::null ||
                (v->kind == Node::Kind::scalar && v->value.empty())) {
                error(v ? *v : node,
                      std::string(what) + " needs '" + r + "'" +
                          (v ? "; give it a value" : "; add a line '" + r + ": ...'"));
            }
        }
        return true;
    }

    std::string text(const Node* n, std::string_view field) {
        if (n == nullptr || n->kind == Node::Kind::null) {
            return {};
        }
        if (n->kind != Node::Kind::scalar) {
            error(*n, "'" + std::string(field) + "' must be text, not " +
                          std::string(n->kind_name()) + " (for several lines use a block: '" +
                          std::string(field) + ": |')");
            return {};
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
        error(*n, "'" + std::string(field) + "' must be a date written YYYY-MM-DD, like " +
                      "2026-11-23, not " + describe(*n));
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
            if (ec == std::errc() && end == s.data() + s.size() && std::isfinite(value) &&
                !s.empty()) {
                return value;
            }
        }
        error(*n,
              "'" + std::string(field) + "' must be a number, like 12 or 7.5, not " + describe(*n));
        return std::nullopt;
    }

    std::optional<int> integer(const Node* n, std::string_view field, int min, int max) {
        auto v = number(n, field);
        if (!v) {
            return std::nullopt;
        }
        if (*v != std::floor(*v) || *v < min || *v > max) {
            error(*n, "'" + std::string(field) + "' must be a whole number from " +
                          std::to_string(min) + " to " + std::to_string(max) + ", not " +
                          describe(*n));
            return std::nullopt;
        }
        return int(*v);
    }

    std::optional<bool> boolean(const Node* n, std::string_view field) {
        if (n == nullptr || n->kind == Node::Kind::null) {
            return std::nullopt;
        }
        if (n->kind == Node::Kind::scalar && !n->quoted) {
            std::string v = n->value;
            std::transform(v.begin(), v.end(), v.begin(),
                           [](unsigned char c) { return char(std::tolower(c)); });
            if (v == "true" || v == "yes" || v == "on") {
                return true;
            }
            if (v == "false" || v == "no" || v == "off") {
                return false;
            }
        }
        error(*n, "'" + std::string(field) + "' must be true or false, not " + describe(*n));
        return std::nullopt;
    }

    // A list of items read by `each`; a missing or empty value is an empty list.
    template <typename F>
    void list(const Node* n, std::string_view field, F&& each) {
        if (n == nullptr || n->kind == Node::Kind::null) {
            return;
        }
        if (n->kind != Node::Kind::sequence) {
            error(*n, "'" + std::string(field) + "' must be a list (one '- item' per line), not " +
                          std::string(n->kind_name()));
            return;
        }
        for (const auto& item : n->items) {
            each(item);
        }
    }

    std::vector<std::string> text_list(const Node* n, std::string_view field) {
        std::vector<std::string> out;
        list(n, field, [&](const Node& item) {
            std::string s = text(&item, std::string(field) + " item");
            if (!s.empty()) {
                out.push_back(std::move(s));
            }
        });
        return out;
    }

    // A member id, checked against the PLG's members when they are known.
    std::string member(const Node* n, std::string_view field, const References& refs) {
        std::string id = text(n, field);
        if (!id.empty() && refs.community && !refs.community->find_member(id)) {
            auto ids = refs.community->member_ids();
            std::string hint = did_you_mean(id, ids);
            error(*n, "unknown member '" + id + "' in " + std::string(field) +
                          (hint.empty() ? "; add it with 'plg member add " + id +
                                              " --name ...' or use one of: " + join(ids)
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
                warning(item, "member '" + id + "' is listed twice in " + std::string(field));
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
            error(*n, "unknown " + std::string(kind) + " '" + id + "' in " + std::string(field) +
                          (hint.empty() ? "; see 'plg " + std::string(kind) + " list'" : hint));
        }
        return id;
    }

    std::string one_of(const Node* n, std::string_view field,
                       const std::vector<std::string>& allowed) {
        std::string v = text(n, field);
        if (!v.empty() && std::find(allowed.begin(), allowed.end(), v) == allowed.end()) {
            error(*n, "'" + std::string(field) + "' must be one of " + join(allowed) + ", not '" +
                          v + "'" + did_you_mean(v, allowed));
        }
        return v;
    }

    void future_warning(const Node* n, std::optional<Date> d, const References& refs,
                        std::string_view field) {
        if (n && d && refs.today && *d > *refs.today) {
            warning(*n, "'" + std::string(field) + "' " + d->iso() + " is in the future");
        }
    }

  private:
    Location where(const Node& at) const { return {m_doc.file, at.line, at.column}; }
    static std::string describe(const Node& n) {
        if (n.kind == Node::Kind::scalar) {
            return "'" + n.value + "'";
        }
        return std::string(n.kind_name());
    }

    const yaml::Document& m_doc;
    std::vector<Diagnostic>& m_out;
};

// Returns the document's root, or nullptr when the file could not be parsed.
template <typename T>
const Node* open(const yaml::Document& doc, Parsed<T>& result) {
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

const std::vector<std::string> k_community_keys = {"name",     "school",       "founded", "origin",
                                                   "language", "cadence_days", "vision",  "norms",
                                                   "members",  "framework"};
const std::vector<std::string> k_member_keys = {"id", "name", "role"};
const std::vector<std::string> k_dimension_keys = {"id", "name"};
const std::vector<std::string> k_meeting_keys = {
    "date",   "title", "facilitator", "roles",    "attendees", "absent",  "minutes", "focus",
    "agenda", "notes", "data",        "protocol", "decisions", "actions", "goals",   "dimensions"};
const std::vector<std::string> k_action_keys = {"text", "owner", "due", "done", "done_on"};
const std::vector<std::string> k_absence_keys = {"member", "reason"};
const std::vector<std::string> k_goal_keys = {"title",    "owners", "measure",    "unit",
                                              "baseline", "target", "due",        "status",
                                              "created",  "closed", "close_note", "progress"};
const std::vector<std::string> k_progress_keys = {"date", "value", "evidence", "meeting"};
const std::vector<std::string> k_reflection_keys = {
    "author", "date", "meeting", "goal", "text", "went_well", "challenge", "next_step", "ratings"};

}  // namespace

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

Parsed<Meeting> read_meeting(const std::string& file, std::string bytes, const std::string& id,
                             const References& refs) {
    yaml::Document doc = yaml::parse(file, std::move(bytes));
    Parsed<Meeting> result;
    const Node* root = open(doc, result);
    if (!root) {
        return result;
    }
    Decoder d(doc, result.problems);
    if (!d.fields(*root, "a meeting", k_meeting_keys, {"date", "title"})) {
        return result;
    }
    Meeting m;
    m.id = id;
    if (auto date = d.date(root->find("date"), "date")) {
        m.date = *date;
        d.future_warning(root->find("date"), date, refs, "date");
    }
    m.title = d.text(root->find("title"), "title");
    m.facilitator = d.member(root->find("facilitator"), "facilitator", refs);
    if (const Node* roles = root->find("roles"); roles && roles->kind != Node::Kind::null) {
        if (roles->kind != Node::Kind::mapping) {
            d.error(*roles,
                    "'roles' must be a mapping of role to member, like "
                    "'note_taker: anna', not " +
                        std::string(roles->kind_name()));
        } else {
            for (const auto& e : roles->entries) {
                m.roles.emplace_back(e.key.value, d.member(&e.value, "roles." + e.key.value, refs));
            }
        }
    }
    m.attendees = d.member_list(root->find("attendees"), "attendees", refs);
    d.list(root->find("absent"), "absent", [&](const Node& item) {
        Absence a;
        const Node* who = &item;
        if (item.kind == Node::Kind::mapping) {
            d.fields(item, "an absence", k_absence_keys, {"member"});
            who = item.find("member");
            a.reason = d.text(item.find("reason"), "reason");
        }
        a.member = d.member(who, "absent", refs);
        if (!a.member.empty() &&
            std::find(m.attendees.begin(), m.attendees.end(), a.member) != m.attendees.end()) {
            d.error(*who, "'" + a.member +
                              "' is listed both as attendee and as absent; "
                              "remove one of the two");
        }
        if (!a.member.empty()) {
            m.absent.push_back(std::move(a));
        }
    });
    if (auto n = root->find("minutes")) {
        m.minutes = d.integer(n, "minutes", 1, 24 * 60);
    }
    d.list(root->find("focus"), "focus", [&](const Node& item) {
        std::string f = d.one_of(&item, "focus", k_focus_values);
        if (!f.empty()) {
            m.focus.push_back(f);
        }
    });
    m.agenda = d.text_list(root->find("agenda"), "agenda");
    m.notes = d.text(root->find("notes"), "notes");
    m.data = d.text(root->find("data"), "data");
    m.protocol = d.text(root->find("protocol"), "protocol");
    m.decisions = d.text_list(root->find("decisions"), "decisions");
    d.list(root->find("actions"), "actions", [&](const Node& item) {
        if (!d.fields(item, "an action", k_action_keys, {"text"})) {
            return;
        }
        ActionItem a;
        a.text = d.text(item.find("text"), "text");
        a.owner = d.member(item.find("owner"), "owner", refs);
        a.due = d.date(item.find("due"), "due");
        a.done = d.boolean(item.find("done"), "done").value_or(false);
        a.done_on = d.date(item.find("done_on"), "done_on");
        if (a.due && *a.due < m.date) {
            d.warning(*item.find("due"),
                      "action is due " + a.due->iso() + ", before the meeting it was agreed in");
        }
        m.actions.push_back(std::move(a));
    });
    d.list(root->find("goals"), "goals", [&](const Node& item) {
        std::string g = d.record_ref(&item, "goals", "goal", refs.goal_ids);
        if (!g.empty()) {
            m.goals.push_back(g);
        }
    });
    d.list(root->find("dimensions"), "dimensions", [&](const Node& item) {
        std::string dim = refs.community
                              ? d.one_of(&item, "dimensions", refs.community->dimension_ids())
                              : d.text(&item, "dimensions");
        if (!dim.empty()) {
            m.dimensions.push_back(dim);
        }
    });
    if (!m.facilitator.empty() && !m.attendees.empty() &&
        std::find(m.attendees.begin(), m.attendees.end(), m.facilitator) == m.attendees.end()) {
        d.warning(*root->find("facilitator"),
                  "facilitator '" + m.facilitator + "' is not among the attendees");
    }
    finish(result, std::move(m));
    return result;
}

Parsed<Goal> read_goal(const std::string& file, std::string bytes, const std::string& id,
                       const References& refs) {
    yaml::Document doc = yaml::parse(file, std::move(bytes));
    Parsed<Goal> result;
    const Node* root = open(doc, result);
    if (!root) {
        return result;
    }
    Decoder d(doc, result.problems);
    if (!d.fields(*root, "a goal", k_goal_keys, {"title"})) {
        return result;
    }
    Goal g;
    g.id = id;
    g.title = d.text(root->find("title"), "title");
    g.owners = d.member_list(root->find("owners"), "owners", refs);
    g.measure = d.text(root->find("measure"), "measure");
    g.unit = d.text(root->find("unit"), "unit");
    g.baseline = d.number(root->find("baseline"), "baseline");
    g.target = d.number(root->find("target"), "target");
    g.due = d.date(root->find("due"), "due");
    if (const Node* s = root->find("status")) {
        std::string status = d.one_of(s, "status", {"active", "achieved", "dropped"});
        g.status = parse_goal_status(status).value_or(GoalStatus::active);
    }
    g.created = d.date(root->find("created"), "created");
    g.closed = d.date(root->find("closed"), "closed");
    g.close_note = d.text(root->find("close_note"), "close_note");
    d.list(root->find("progress"), "progress", [&](const Node& item) {
        if (!d.fields(item, "a progress entry", k_progress_keys, {"date", "value"})) {
            return;
        }
        Progress p;
        p.date = d.date(item.find("date"), "date").value_or(Date());
        p.value = d.number(item.find("value"), "value").value_or(0);
        p.evidence = d.text(item.find("evidence"), "evidence");
        p.meeting = d.record_ref(item.find("meeting"), "meeting", "meeting", refs.meeting_ids);
        d.future_warning(item.find("date"), p.date, refs, "date");
        if (g.created && item.find("date") && p.date < *g.created) {
            d.warning(*item.find("date"), "progress dated " + p.date.iso() +
                                              ", before the goal was created (" + g.created->iso() +
                                              ")");
        }
        g.progress.push_back(std::move(p));
    });
    if (g.baseline && g.target && *g.baseline == *g.target) {
        d.warning(*root->find("target"), "target equals baseline, so progress cannot be measured");
    }
    if (g.status == GoalStatus::active && g.closed) {
        d.warning(*root->find("closed"), "the goal has a 'closed' date but its status is active");
    }
    std::stable_sort(g.progress.begin(), g.progress.end(),
                     [](const Progress& a, const Progress& b) { return a.date < b.date; });
    finish(result, std::move(g));
    return result;
}

Parsed<Reflection> read_reflection(const std::string& file, std::string bytes,
                                   const std::string& id, const References& refs) {
    yaml::Document doc = yaml::parse(file, std::move(bytes));
    Parsed<Reflection> result;
    const Node* root = open(doc, result);
    if (!root) {
        return result;
    }
    Decoder d(doc, result.problems);
    if (!d.fields(*root, "a reflection", k_reflection_keys, {"author", "date"})) {
        return result;
    }
    Reflection r;
    r.id = id;
    r.author = d.member(root->find("author"), "author", refs);
    if (auto date = d.date(root->find("date"), "date")) {
        r.date = *date;
        d.future_warning(root->find("date"), date, refs, "date");
    }
    r.meeting = d.record_ref(root->find("meeting"), "meeting", "meeting", refs.meeting_ids);
    r.goal = d.record_ref(root->find("goal"), "goal", "goal", refs.goal_ids);
    r.text = d.text(root->find("text"), "text");
    r.went_well = d.text(root->find("went_well"), "went_well");
    r.challenge = d.text(root->find("challenge"), "challenge");
    r.next_step = d.text(root->find("next_step"), "next_step");
    if (const Node* ratings = root->find("ratings"); ratings && ratings->kind != Node::Kind::null) {
        if (ratings->kind != Node::Kind::mapping) {
            d.error(*ratings,
                    "'ratings' must be a mapping of dimension to a rating 1-5, like "
                    "'collaboration: 4', not " +
                        std::string(ratings->kind_name()));
        } else {
            std::vector<std::string> dims =
                refs.community ? refs.community->dimension_ids() : std::vector<std::string>{};
            for (const auto& e : ratings->entries) {
                if (refs.community &&
                    std::find(dims.begin(), dims.end(), e.key.value) == dims.end()) {
                    std::string close = nearest(e.key.value, dims);
                    d.error(e.key, "unknown dimension '" + e.key.value + "' in ratings" +
                                       (close.empty() ? "" : " (did you mean '" + close + "'?)") +
                                       "; the framework in plg.yaml has: " + join(dims));
                    continue;
                }
                if (auto v = d.integer(&e.value, "ratings." + e.key.value, 1, 5)) {
                    r.ratings.push_back({e.key.value, *v});
                }
            }
        }
    }
    if (r.text.empty() && r.went_well.empty() && r.challenge.empty() && r.next_step.empty() &&
        r.ratings.empty()) {
        d.warning(*root, "the reflection has no text, prompts or ratings");
    }
    finish(result, std::move(r));
    return result;
}

namespace {

using yaml::Value;

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

Value member_value(const Member& m) {
    Value v = Value::map();
    v.add("id", Value::text(m.id)).add("name", Value::text(m.name));
    v.add_text("role", m.role);
    return v;
}

// One line per entry: entries appended on two branches are then two whole
// lines, which git's union merge keeps side by side (docs/file-format.md).
Value progress_value(const Progress& p) {
    Value v = Value::line_map();
    v.add("date", date_value(p.date)).add("value", number_value(p.value));
    v.add_text("evidence", p.evidence);
    v.add_text("meeting", p.meeting);
    return v;
}

}  // namespace

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

std::string write_meeting(const Meeting& m) {
    Value root = Value::map();
    root.add("date", date_value(m.date)).add("title", Value::text(m.title));
    root.add_text("facilitator", m.facilitator);
    if (!m.roles.empty()) {
        Value roles = Value::map();
        for (const auto& [role, who] : m.roles) {
            roles.add(role, Value::text(who));
        }
        root.add("roles", std::move(roles));
    }
    add_list(root, "attendees", m.attendees);
    if (!m.absent.empty()) {
        Value absent = Value::list();
        for (const auto& a : m.absent) {
            if (a.reason.empty()) {
                absent.push(Value::text(a.member));
            } else {
                absent.push(Value::map()
                                .add("member", Value::text(a.member))
                                .add("reason", Value::text(a.reason)));
            }
        }
        root.add("absent", std::move(absent));
    }
    if (m.minutes) {
        root.add("minutes", Value::plain(std::to_string(*m.minutes)));
    }
    add_list(root, "focus", m.focus);
    add_list(root, "agenda", m.agenda);
    root.add_text("notes", m.notes);
    root.add_text("data", m.data);
    root.add_text("protocol", m.protocol);
    add_list(root, "decisions", m.decisions);
    if (!m.actions.empty()) {
        Value actions = Value::list();
        for (const auto& a : m.actions) {
            Value v = Value::map();
            v.add("text", Value::text(a.text));
            v.add_text("owner", a.owner);
            if (a.due) {
                v.add("due", date_value(*a.due));
            }
            v.add("done", Value::plain(a.done ? "true" : "false"));
            if (a.done_on) {
                v.add("done_on", date_value(*a.done_on));
            }
            actions.push(std::move(v));
        }
        root.add("actions", std::move(actions));
    }
    add_list(root, "goals", m.goals);
    add_list(root, "dimensions", m.dimensions);
    return yaml::render_document(root);
}

std::string write_goal(const Goal& g) {
    Value root = Value::map();
    root.add("title", Value::text(g.title));
    add_list(root, "owners", g.owners);
    root.add_text("measure", g.measure);
    root.add_text("unit", g.unit);
    if (g.baseline) {
        root.add("baseline", number_value(*g.baseline));
    }
    if (g.target) {
        root.add("target", number_value(*g.target));
    }
    if (g.due) {
        root.add("due", date_value(*g.due));
    }
    root.add("status", Value::text(std::string(to_string(g.status))));
    if (g.created) {
        root.add("created", date_value(*g.created));
    }
    if (g.closed) {
        root.add("closed", date_value(*g.closed));
    }
    root.add_text("close_note", g.close_note);
    // Always written, even empty, and always last: 'plg goal progress' appends
    // entries at the end of the file, so progress added on two branches lands
    // under the one key (see .gitattributes in docs/file-format.md).
    Value progress = g.progress.empty() ? Value::none() : Value::list();
    for (const auto& p : g.progress) {
        progress.push(progress_value(p));
    }
    root.add("progress", std::move(progress));
    return yaml::render_document(root);
}

std::string write_reflection(const Reflection& r) {
    Value root = Value::map();
    root.add("author", Value::text(r.author)).add("date", date_value(r.date));
    root.add_text("meeting", r.meeting);
    root.add_text("goal", r.goal);
    root.add_text("text", r.text);
    root.add_text("went_well", r.went_well);
    root.add_text("challenge", r.challenge);
    root.add_text("next_step", r.next_step);
    if (!r.ratings.empty()) {
        Value ratings = Value::map();
        for (const auto& rating : r.ratings) {
            ratings.add(rating.dimension, Value::plain(std::to_string(rating.value)));
        }
        root.add("ratings", std::move(ratings));
    }
    return yaml::render_document(root);
}

namespace {

bool is_empty_value(const Node& n) {
    return n.kind == Node::Kind::null || (n.kind == Node::Kind::scalar && n.value.empty());
}

// Lays out `rendered` (a writer's output) with every key of `keys` in order:
// the entries that are there as written, the others as empty "key:" lines.
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

}  // namespace

std::string template_meeting(const Meeting& m) {
    return with_placeholders(write_meeting(m), k_meeting_keys);
}

std::string template_goal(const Goal& g) {
    return with_placeholders(write_goal(g), {"title", "owners", "measure", "unit", "baseline",
                                             "target", "due", "status", "created", "progress"});
}

std::string template_reflection(const Reflection& r) {
    return with_placeholders(write_reflection(r), k_reflection_keys);
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

namespace {

// Parses a file for editing; throws InvalidRecord when it has errors.
yaml::Document open_for_edit(const std::string& file, std::string bytes) {
    yaml::Document doc = yaml::parse(file, std::move(bytes));
    if (has_errors(doc.problems)) {
        throw InvalidRecord(doc.problems);
    }
    if (!doc.root || doc.root->kind != Node::Kind::mapping) {
        throw Error(Location{file, 1, 1}, "the file must be a mapping of 'key: value' lines");
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

// Sets each field of `map`: replaces the values that are there, and adds the
// missing ones together, in the order given, after the entry `after` when the
// mapping has it, else after the mapping's last line.
std::vector<yaml::Edit> set_fields(const yaml::Document& doc, const Node& map,
                                   const std::vector<yaml::Field>& fields,
                                   std::string_view after = {}) {
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

// Appends `item` to the list under `key`, creating the list when there is none.
yaml::Edit push_to_list(const yaml::Document& doc, const Node& map, std::string_view key,
                        const Value& item) {
    if (const yaml::Entry* e = find_entry(map, key)) {
        return yaml::append_item(doc, *e, item);
    }
    Value list = Value::list();
    list.push(item);
    return yaml::append_entry(doc, map, key, list);
}

}  // namespace

std::string edit_add_member(const std::string& file, std::string bytes, const Member& member) {
    yaml::Document doc = open_for_edit(file, std::move(bytes));
    return yaml::apply(doc, {push_to_list(doc, *doc.root, "members", member_value(member))});
}

std::string edit_action_done(const std::string& file, std::string bytes, size_t index, Date when) {
    yaml::Document doc = open_for_edit(file, std::move(bytes));
    const Node* actions = doc.root->find("actions");
    size_t count = actions && actions->kind == Node::Kind::sequence ? actions->items.size() : 0;
    if (index < 1 || index > count) {
        throw Error(Location{file, 0, 0}, "the meeting has " + std::to_string(count) +
                                              " action(s), so there is no action #" +
                                              std::to_string(index));
    }
    const Node& action = actions->items[index - 1];
    if (action.kind != Node::Kind::mapping) {
        throw Error(doc.locate(action.offset),
                    "action #" + std::to_string(index) + " must be a mapping with 'text:'");
    }
    return yaml::apply(
        doc,
        set_fields(doc, action, {{"done", Value::plain("true")}, {"done_on", date_value(when)}}));
}

std::string edit_add_progress(const std::string& file, std::string bytes, const Progress& p) {
    yaml::Document doc = open_for_edit(file, std::move(bytes));
    return yaml::apply(doc, {push_to_list(doc, *doc.root, "progress", progress_value(p))});
}

std::string edit_close_goal(const std::string& file, std::string bytes, GoalStatus status,
                            Date when, const std::string& note) {
    yaml::Document doc = open_for_edit(file, std::move(bytes));
    std::vector<yaml::Field> fields = {{"status", Value::text(std::string(to_string(status)))},
                                       {"closed", date_value(when)}};
    if (!note.empty()) {
        fields.push_back({"close_note", Value::text(note)});
    }
    // New fields go right after 'status', away from the end of the file where
    // progress entries are added, so closing and adding progress on two
    // branches touch different lines.
    return yaml::apply(doc, set_fields(doc, *doc.root, fields, "status"));
}

}  // namespace plg
