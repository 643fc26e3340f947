#include "plg/records/meeting.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>

#include "plg/base/i18n.hpp"
#include "plg/records/codec.hpp"
#include "plg/records/json.hpp"

namespace plg {

using namespace detail;

namespace {

const std::vector<std::string> k_meeting_keys = {
    "date",     "title",     "facilitator", "roles",   "attendees", "absent",
    "guests",   "minutes",   "focus",       "agenda",  "notes",     "data",
    "protocol", "decisions", "actions",     "carried", "goals",     "dimensions"};
const std::vector<std::string> k_action_keys = {
    "text", "id", "owner", "due", "done", "done_on", "cancelled", "cancelled_on", "note"};
const std::vector<std::string> k_absence_keys = {"member", "reason"};
const std::vector<std::string> k_carried_keys = {"id", "due"};

Value carried_value(const CarriedAction& c) {
    if (!c.due) {
        return Value::text(c.id);
    }
    return Value::map().add("id", Value::text(c.id)).add("due", date_value(*c.due));
}

nlohmann::json date_or_null(const std::optional<Date>& d) {
    return d ? nlohmann::json(d->iso()) : nlohmann::json(nullptr);
}

bool is_date_key(std::string_view key) {
    return key == "due" || key == "done_on" || key == "cancelled_on";
}

}  // namespace

bool is_action_id(std::string_view id) {
    if (id.size() < 2 || id.size() > 16 || id[0] < 'a' || id[0] > 'z') {
        return false;
    }
    return std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
}

std::string new_action_id(std::string_view seed, const std::vector<std::string>& taken) {
    // No 0/o, 1/l: an id is read aloud and copied from paper. A letter first, so
    // that no YAML reader takes it for a number; no word YAML gives a meaning.
    static constexpr std::string_view k_letters = "abcdefghijkmnpqrstuvwxyz";
    static constexpr std::string_view k_alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
    for (uint64_t attempt = 0;; ++attempt) {
        uint64_t h = 0xcbf29ce484222325ULL;  // FNV-1a over the seed and the attempt
        for (unsigned char c : seed) {
            h = (h ^ c) * 0x100000001b3ULL;
        }
        for (int i = 0; i < 8; ++i) {
            h = (h ^ ((attempt >> (8 * i)) & 0xff)) * 0x100000001b3ULL;
        }
        std::string id(1, k_letters[h % k_letters.size()]);
        h /= k_letters.size();
        for (int i = 0; i < 3; ++i) {
            id += k_alphabet[h % k_alphabet.size()];
            h /= k_alphabet.size();
        }
        if (id != "null" && id != "true" && yaml::plain_reading(id) == std::nullopt &&
            std::find(taken.begin(), taken.end(), id) == taken.end()) {
            return id;
        }
    }
}

void scan_action_ids(std::string_view text, std::vector<std::string>& out) {
    for (size_t at = text.find("id:"); at != std::string_view::npos;
         at = text.find("id:", at + 3)) {
        char before = at == 0 ? '\n' : text[at - 1];
        if (before != ' ' && before != '\n' && before != '{' && before != ',' && before != '\t') {
            continue;
        }
        size_t start = text.find_first_not_of(" \t\"'", at + 3);
        if (start == std::string_view::npos) {
            break;
        }
        size_t end = text.find_first_of(" \t\r\n\"',}#", start);
        std::string_view id = text.substr(start, end == std::string_view::npos ? end : end - start);
        if (is_action_id(id)) {
            out.emplace_back(id);
        }
    }
}

std::string action_ref(const Meeting& m, size_t index) {
    const ActionItem& a = m.actions[index];
    return a.id.empty() ? m.id + "#" + std::to_string(index + 1) : a.id;
}

std::vector<std::string> expected_members(const Meeting& m, const Community& c) {
    std::vector<std::string> ids = c.member_ids_on(m.date);
    auto add = [&](const std::string& id) {
        if (std::find(ids.begin(), ids.end(), id) == ids.end()) {
            ids.push_back(id);
        }
    };
    for (const auto& id : m.attendees) {
        add(id);
    }
    for (const auto& a : m.absent) {
        add(a.member);
    }
    return ids;
}

std::vector<std::string> unrecorded_members(const Meeting& m, const Community& c) {
    std::vector<std::string> out;
    if (m.attendees.empty()) {
        return out;
    }
    for (const auto& id : expected_members(m, c)) {
        bool named = std::find(m.attendees.begin(), m.attendees.end(), id) != m.attendees.end() ||
                     std::any_of(m.absent.begin(), m.absent.end(),
                                 [&](const Absence& a) { return a.member == id; });
        if (!named) {
            out.push_back(id);
        }
    }
    return out;
}

std::string attendance_text(const Meeting& m, const Community& c) {
    if (m.attendees.empty()) {
        return "-";
    }
    return std::to_string(m.attendees.size()) + "/" + std::to_string(expected_members(m, c).size());
}

const std::vector<std::string>& meeting_keys() {
    return k_meeting_keys;
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
    if (!d.fields(*root, tr("a meeting"), k_meeting_keys, {"date", "title"})) {
        return result;
    }
    Meeting m;
    m.id = id;
    if (auto date = d.date(root->find("date"), "date")) {
        m.date = *date;
        d.future_warning(root->find("date"), date, refs, "date");
        d.before_founding(root->find("date"), *date, refs, tr("this meeting"));
    }
    m.title = d.text(root->find("title"), "title");
    m.facilitator = d.member(root->find("facilitator"), "facilitator", refs);
    if (const Node* roles = root->find("roles"); roles && roles->kind != Node::Kind::null) {
        if (roles->kind != Node::Kind::mapping) {
            d.error(*roles, tr("'roles' must be a mapping of role to member, like 'note_taker: "
                               "anna', not {}",
                               trp(roles->kind_name())));
        } else {
            for (const auto& e : roles->entries) {
                if (auto reading = e.key.quoted ? std::nullopt : yaml::plain_reading(e.key.value)) {
                    d.error(e.key, tr("the role '{}' is read by other YAML tools as {}; name "
                                      "the role with a word, like note_taker",
                                      e.key.value, trp(*reading)));
                }
                m.roles.emplace_back(e.key.value, d.member(&e.value, "roles." + e.key.value, refs));
            }
        }
    }
    m.attendees = d.member_list(root->find("attendees"), "attendees", refs);
    d.list(root->find("absent"), "absent", [&](const Node& item) {
        Absence a;
        const Node* who = &item;
        if (item.kind == Node::Kind::mapping) {
            d.fields(item, tr("an absence"), k_absence_keys, {"member"});
            who = item.find("member");
            a.reason = d.text(item.find("reason"), "reason");
        }
        a.member = d.member(who, "absent", refs);
        if (!a.member.empty() &&
            std::find(m.attendees.begin(), m.attendees.end(), a.member) != m.attendees.end()) {
            d.error(*who, tr("'{}' is listed both as attendee and as absent; remove one of the "
                             "two",
                             a.member));
        }
        if (!a.member.empty()) {
            m.absent.push_back(std::move(a));
        }
    });
    m.guests = d.text_list(root->find("guests"), "guests");
    if (refs.community && root->find("date")) {
        auto outside = [&](const std::string& who_id, const Node* at) {
            const Member* who = refs.community->find_member(who_id);
            if (who && at && !who->member_on(m.date)) {
                bool before = who->joined && m.date < *who->joined;
                d.warning(*at, before ? tr("'{}' is named as attendee on {}, before joining ({} in "
                                           "plg.yaml); add them under 'guests' instead, or fix "
                                           "'joined' with 'plg member edit {}'",
                                           who_id, m.date.iso(), who->joined->iso(), who_id)
                                      : tr("'{}' is named as attendee on {}, after leaving ({} "
                                           "in plg.yaml); add them under 'guests' instead, or "
                                           "fix 'left' with 'plg member edit {}'",
                                           who_id, m.date.iso(), who->left->iso(), who_id));
            }
        };
        if (const Node* list = root->find("attendees");
            list && list->kind == Node::Kind::sequence) {
            for (const auto& item : list->items) {
                outside(item.value, &item);
            }
        }
    }
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
        if (!d.fields(item, tr("an action"), k_action_keys, {"text"})) {
            return;
        }
        ActionItem a;
        a.line = item.line;
        a.id = d.text(item.find("id"), "id");
        if (!a.id.empty() && !is_action_id(a.id)) {
            d.error(*item.find("id"), tr("the action id '{}' must be 2 to 16 lower-case letters, "
                                         "digits or '-', starting with a letter, like t7qx",
                                         a.id));
        }
        for (const auto& other : m.actions) {
            if (!a.id.empty() && other.id == a.id) {
                d.error(*item.find("id"), tr("two actions have the id '{}' (the other on line "
                                             "{}); give this one a new id or remove its 'id:' "
                                             "line and plg will give it one",
                                             a.id, other.line));
            }
        }
        a.text = d.text(item.find("text"), "text");
        a.owner = d.member(item.find("owner"), "owner", refs);
        a.due = d.date(item.find("due"), "due");
        a.done = d.boolean(item.find("done"), "done").value_or(false);
        a.done_on = d.date(item.find("done_on"), "done_on");
        a.cancelled = d.boolean(item.find("cancelled"), "cancelled").value_or(false);
        a.cancelled_on = d.date(item.find("cancelled_on"), "cancelled_on");
        a.note = d.text(item.find("note"), "note");
        if (a.due && *a.due < m.date) {
            d.warning(*item.find("due"), tr("action is due {}, before the meeting it was agreed "
                                            "in",
                                            a.due->iso()));
        }
        if (a.done && a.cancelled) {
            d.error(*item.find("cancelled"),
                    tr("an action is either done or cancelled, not both; set one of 'done' and "
                       "'cancelled' to false"));
        }
        for (auto [day, key] :
             {std::pair{a.done_on, "done_on"}, {a.cancelled_on, "cancelled_on"}}) {
            if (day && *day < m.date) {
                d.warning(*item.find(key), tr("'{}' {} is before the meeting that agreed the "
                                              "action ({})",
                                              key, day->iso(), m.date.iso()));
            }
        }
        m.actions.push_back(std::move(a));
    });
    d.list(root->find("carried"), "carried", [&](const Node& item) {
        // An id, or a mapping with 'id' and the new 'due' date.
        const Node* id_node = &item;
        std::optional<Date> due;
        if (item.kind == Node::Kind::mapping) {
            if (!d.fields(item, tr("a carried action"), k_carried_keys, {"id"})) {
                return;
            }
            id_node = item.find("id");
            due = d.date(item.find("due"), "due");
            if (due && *due < m.date) {
                d.warning(*item.find("due"),
                          tr("the carried action is due {}, before this meeting", due->iso()));
            }
        }
        std::string ref = id_node ? d.text(id_node, "carried") : std::string();
        if (ref.empty()) {
            return;
        }
        if (!is_action_id(ref)) {
            d.error(*id_node, tr("'carried' lists the ids of earlier meetings' actions, like "
                                 "t7qx (see 'plg action list'), not '{}'",
                                 ref));
            return;
        }
        for (const auto& own : m.actions) {
            if (own.id == ref) {
                d.error(*id_node, tr("the action '{}' was agreed in this meeting, so it cannot "
                                     "be carried into it; remove it from 'carried'",
                                     ref));
                return;
            }
        }
        for (const auto& c : m.carried) {
            if (c.id == ref) {
                d.warning(*id_node, tr("the action '{}' is listed twice in 'carried'", ref));
                return;
            }
        }
        m.carried.push_back({ref, due, item.line});
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
                  tr("facilitator '{}' is not among the attendees", m.facilitator));
    }
    finish(result, std::move(m));
    return result;
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
    add_list(root, "guests", m.guests);
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
            v.add_text("id", a.id);
            v.add_text("owner", a.owner);
            if (a.due) {
                v.add("due", date_value(*a.due));
            }
            v.add("done", Value::plain(a.done ? "true" : "false"));
            if (a.done_on) {
                v.add("done_on", date_value(*a.done_on));
            }
            if (a.cancelled) {
                v.add("cancelled", Value::plain("true"));
            }
            if (a.cancelled_on) {
                v.add("cancelled_on", date_value(*a.cancelled_on));
            }
            v.add_text("note", a.note);
            actions.push(std::move(v));
        }
        root.add("actions", std::move(actions));
    }
    if (!m.carried.empty()) {
        Value carried = Value::list();
        for (const auto& c : m.carried) {
            carried.push(carried_value(c));
        }
        root.add("carried", std::move(carried));
    }
    add_list(root, "goals", m.goals);
    add_list(root, "dimensions", m.dimensions);
    return yaml::render_document(root);
}

std::string template_meeting(const Meeting& m) {
    return with_placeholders(write_meeting(m), k_meeting_keys);
}

Revision edit_action(const std::string& file, std::string bytes, size_t index,
                     const std::vector<ActionField>& fields) {
    // A new id goes right below 'text', as plg writes it; other new fields at
    // the end of the action. One pass each, so the two never meet.
    std::vector<ActionField> id_field;
    std::vector<ActionField> rest;
    for (const auto& f : fields) {
        (f.key == "id" ? id_field : rest).push_back(f);
    }
    if (!id_field.empty() && !rest.empty()) {
        Revision first = edit_action(file, std::move(bytes), index, id_field);
        Revision second = edit_action(file, std::move(first.bytes), index, rest);
        second.changes.insert(second.changes.end(), first.changes.begin(), first.changes.end());
        return second;
    }
    yaml::Document doc = open_for_edit(file, std::move(bytes));
    const Node* actions = doc.root->find("actions");
    size_t count = actions && actions->kind == Node::Kind::sequence ? actions->items.size() : 0;
    if (index < 1 || index > count) {
        throw Error(
            Location{file, 0, 0},
            trn("the meeting has {} action, so there is no action #{}",
                "the meeting has {} actions, so there is no action #{}", count, count, index));
    }
    const Node& action = actions->items[index - 1];
    if (action.kind != Node::Kind::mapping) {
        throw Error(doc.locate(action.offset),
                    tr("action #{} must be a mapping with 'text:'", index));
    }
    std::string at = "actions." + std::to_string(index - 1) + ".";
    std::vector<yaml::Field> values;
    std::vector<std::string> changes;
    for (const auto& f : fields) {
        if (is_date_key(f.key)) {
            auto day = Date::parse_iso(f.value);
            if (!day) {
                throw Error(tr("internal error: '{}' is not a date", f.value));
            }
            values.push_back({f.key, date_value(*day)});
        } else if (f.key == "done" || f.key == "cancelled") {
            values.push_back({f.key, Value::plain(f.value)});
        } else {
            values.push_back({f.key, Value::text(f.value)});
        }
        changes.push_back(at + f.key);
    }
    return {yaml::apply(doc, set_fields(doc, action, values, id_field.empty() ? "" : "text")),
            changes};
}

Revision edit_action_done(const std::string& file, std::string bytes, size_t index, Date when) {
    return edit_action(file, std::move(bytes), index, {{"done", "true"}, {"done_on", when.iso()}});
}

Revision edit_add_carried(const std::string& file, std::string bytes, const std::string& action_id,
                          std::optional<Date> due) {
    yaml::Document doc = open_for_edit(file, std::move(bytes));
    return {yaml::apply(
                doc, {push_to_list(doc, *doc.root, "carried", carried_value({action_id, due, 0}))}),
            {"carried.+"}};
}

Revision edit_add_attendance(const std::string& file, std::string bytes,
                             const std::vector<std::string>& present,
                             const std::vector<Absence>& absent) {
    // One list at a time, each on the text the last one left: two new lists
    // would otherwise be inserted at the same place.
    std::vector<std::string> changes;
    auto add = [&](std::string_view key, const Value& item) {
        yaml::Document doc = open_for_edit(file, std::move(bytes));
        bytes = yaml::apply(doc, {push_to_list(doc, *doc.root, key, item)});
    };
    for (const auto& id : present) {
        add("attendees", Value::text(id));
    }
    for (const auto& a : absent) {
        add("absent", a.reason.empty() ? Value::text(a.member)
                                       : Value::map()
                                             .add("member", Value::text(a.member))
                                             .add("reason", Value::text(a.reason)));
    }
    if (!present.empty()) {
        changes.push_back("attendees.+");
    }
    if (!absent.empty()) {
        changes.push_back("absent.+");
    }
    return {std::move(bytes), changes};
}

std::string with_action_ids(const std::string& file, std::string text, std::string_view meeting,
                            std::vector<std::string>& taken) {
    yaml::Document doc = yaml::parse(file, text);
    if (!doc.root || has_errors(doc.problems) || doc.root->kind != Node::Kind::mapping) {
        return text;
    }
    const Node* actions = doc.root->find("actions");
    if (!actions || actions->kind != Node::Kind::sequence) {
        return text;
    }
    std::vector<yaml::Edit> edits;
    for (size_t i = 0; i < actions->items.size(); ++i) {
        const Node& item = actions->items[i];
        if (item.kind != Node::Kind::mapping || item.find("id")) {
            continue;
        }
        const Node* text_node = item.find("text");
        std::string id = new_action_id(std::string(meeting) + "#" + std::to_string(i + 1) + " " +
                                           (text_node ? text_node->value : ""),
                                       taken);
        taken.push_back(id);
        for (auto& e : set_fields(doc, item, {{"id", Value::text(id)}}, "text")) {
            edits.push_back(std::move(e));
        }
    }
    return edits.empty() ? text : yaml::apply(doc, std::move(edits));
}

nlohmann::json to_json(const ActionItem& a) {
    return {{"text", a.text},
            {"owner", a.owner},
            {"due", date_or_null(a.due)},
            {"done", a.done},
            {"done_on", date_or_null(a.done_on)},
            {"cancelled", a.cancelled},
            {"cancelled_on", date_or_null(a.cancelled_on)},
            {"note", a.note}};
}

nlohmann::json to_json(const Meeting& m) {
    nlohmann::json roles = nlohmann::json::object();
    for (const auto& [role, who] : m.roles) {
        roles[role] = who;
    }
    nlohmann::json absent = nlohmann::json::array();
    for (const auto& a : m.absent) {
        absent.push_back({{"member", a.member}, {"reason", a.reason}});
    }
    nlohmann::json actions = nlohmann::json::array();
    for (size_t i = 0; i < m.actions.size(); ++i) {
        nlohmann::json a = to_json(m.actions[i]);
        a["id"] = action_ref(m, i);
        actions.push_back(std::move(a));
    }
    nlohmann::json carried = nlohmann::json::array();
    for (const auto& c : m.carried) {
        carried.push_back({{"id", c.id}, {"due", date_or_null(c.due)}});
    }
    return {{"id", m.id},
            {"date", m.date.iso()},
            {"title", m.title},
            {"facilitator", m.facilitator},
            {"roles", roles},
            {"attendees", m.attendees},
            {"absent", absent},
            {"guests", m.guests},
            {"minutes", m.minutes ? nlohmann::json(*m.minutes) : nlohmann::json(nullptr)},
            {"focus", m.focus},
            {"agenda", m.agenda},
            {"notes", m.notes},
            {"data", m.data},
            {"protocol", m.protocol},
            {"decisions", m.decisions},
            {"actions", actions},
            {"carried", carried},
            {"goals", m.goals},
            {"dimensions", m.dimensions}};
}

}  // namespace plg
