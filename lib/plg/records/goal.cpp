#include "plg/records/goal.hpp"

#include <nlohmann/json.hpp>

#include "plg/base/i18n.hpp"
#include "plg/records/codec.hpp"
#include "plg/records/json.hpp"

namespace plg {

using namespace detail;

namespace {

const std::vector<std::string> k_goal_keys = {"title",    "owners", "measure",    "unit",
                                              "baseline", "target", "due",        "status",
                                              "created",  "closed", "close_note", "progress"};
const std::vector<std::string> k_progress_keys = {"date", "value", "evidence", "meeting"};

// One line per entry: entries appended on two branches are then two whole
// lines, which git's union merge keeps side by side (docs/file-format.md).
Value progress_value(const Progress& p) {
    Value v = Value::line_map();
    v.add("date", date_value(p.date)).add("value", number_value(p.value));
    v.add_text("evidence", p.evidence);
    v.add_text("meeting", p.meeting);
    return v;
}

nlohmann::json date_or_null(const std::optional<Date>& d) {
    return d ? nlohmann::json(d->iso()) : nlohmann::json(nullptr);
}

nlohmann::json number_or_null(const std::optional<double>& v) {
    return v ? json_number(*v) : nlohmann::json(nullptr);
}

}  // namespace

const std::vector<std::string>& goal_keys() {
    return k_goal_keys;
}

std::string_view to_string(GoalStatus status) {
    switch (status) {
        case GoalStatus::active:
            return "active";
        case GoalStatus::achieved:
            return "achieved";
        case GoalStatus::not_achieved:
            return "not achieved";
        case GoalStatus::dropped:
            return "dropped";
    }
    return "active";
}

std::optional<GoalStatus> parse_goal_status(std::string_view text) {
    for (GoalStatus s : k_goal_statuses) {
        if (text == to_string(s)) {
            return s;
        }
    }
    return std::nullopt;
}

std::vector<std::string> goal_status_names() {
    std::vector<std::string> names;
    for (GoalStatus s : k_goal_statuses) {
        names.emplace_back(to_string(s));
    }
    return names;
}

Goal Goal::as_of(Date day) const {
    Goal g = *this;
    if (g.closed && *g.closed > day) {
        g.status = GoalStatus::active;
        g.closed.reset();
        g.close_note.clear();
    }
    auto later = std::find_if(g.progress.begin(), g.progress.end(),
                              [&](const Progress& p) { return p.date > day; });
    g.progress.erase(later, g.progress.end());
    return g;
}

std::optional<double> Goal::latest() const {
    if (progress.empty()) {
        return std::nullopt;
    }
    return progress.back().value;
}

std::optional<double> Goal::percent() const {
    auto now = latest();
    if (!now || !baseline || !target || *baseline == *target) {
        return std::nullopt;
    }
    return (*now - *baseline) / (*target - *baseline) * 100.0;
}

Parsed<Goal> read_goal(const std::string& file, std::string bytes, const std::string& id,
                       const References& refs) {
    yaml::Document doc = yaml::parse(file, std::move(bytes));
    Parsed<Goal> result;
    const Node* root = open(doc, result);
    if (!root) {
        return result;
    }
    // Goal files merge with git's union driver (.gitattributes): a key given
    // twice at the top is what it makes of one goal changed, or one id added,
    // on two branches. Say so, not just "keep only one".
    for (auto& p : result.problems) {
        // The words of yaml.cpp's message before the key, in the message language.
        std::string prefix =
            tr("duplicate key '{}' (first given at line {}); keep only one of them", "\x01", 0);
        prefix = prefix.substr(0, prefix.find('\x01'));
        if (p.where.column == 1 && p.message.rfind(prefix, 0) == 0) {
            p.message +=
                tr(". After a git merge this means the goal was changed (or added with "
                   "the id '{}') on two branches: keep the right line, and put two "
                   "different goals in two files (goals/{}-2.yaml)",
                   id, id);
        }
    }
    Decoder d(doc, result.problems);
    if (!d.fields(*root, tr("a goal"), k_goal_keys, {"title"})) {
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
        std::string status = d.one_of(s, "status", goal_status_names());
        g.status = parse_goal_status(status).value_or(GoalStatus::active);
    }
    g.created = d.date(root->find("created"), "created");
    g.closed = d.date(root->find("closed"), "closed");
    g.close_note = d.text(root->find("close_note"), "close_note");
    d.list(root->find("progress"), "progress", [&](const Node& item) {
        if (!d.fields(item, tr("a progress entry"), k_progress_keys, {"date", "value"})) {
            return;
        }
        Progress p;
        p.date = d.date(item.find("date"), "date").value_or(Date());
        p.value = d.number(item.find("value"), "value").value_or(0);
        p.evidence = d.text(item.find("evidence"), "evidence");
        p.meeting = d.record_ref(item.find("meeting"), "meeting", "meeting", refs.meeting_ids);
        d.future_warning(item.find("date"), p.date, refs, "date");
        if (g.created && item.find("date") && p.date < *g.created) {
            d.warning(*item.find("date"), tr("progress dated {}, before the goal was created ({})",
                                             p.date.iso(), g.created->iso()));
        }
        g.progress.push_back(std::move(p));
    });
    if (g.baseline && g.target && *g.baseline == *g.target) {
        d.warning(*root->find("target"),
                  tr("target equals baseline, so progress cannot be measured"));
    }
    if (g.status == GoalStatus::active && g.closed) {
        d.warning(*root->find("closed"),
                  tr("the goal has a 'closed' date but its status is active"));
    }
    if (g.status != GoalStatus::active && !g.closed) {
        d.warning(*root->find("status"),
                  tr("the goal's status is {} but it has no 'closed' date, so reports on any "
                     "period show it closed; add 'closed: YYYY-MM-DD' (the day it was closed)",
                     to_string(g.status)));
    }
    std::stable_sort(g.progress.begin(), g.progress.end(),
                     [](const Progress& a, const Progress& b) { return a.date < b.date; });
    finish(result, std::move(g));
    return result;
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

std::string template_goal(const Goal& g) {
    return with_placeholders(write_goal(g), {"title", "owners", "measure", "unit", "baseline",
                                             "target", "due", "status", "created", "progress"});
}

Revision edit_add_progress(const std::string& file, std::string bytes, const Progress& p) {
    yaml::Document doc = open_for_edit(file, std::move(bytes));
    return {yaml::apply(doc, {push_to_list(doc, *doc.root, "progress", progress_value(p))}),
            {"progress.+"}};
}

Revision edit_close_goal(const std::string& file, std::string bytes, GoalStatus status, Date when,
                         const std::string& note) {
    yaml::Document doc = open_for_edit(file, std::move(bytes));
    std::vector<yaml::Field> fields = {{"status", Value::text(std::string(to_string(status)))},
                                       {"closed", date_value(when)}};
    if (!note.empty()) {
        fields.push_back({"close_note", Value::text(note)});
    }
    // New fields go right after 'status', away from the end of the file where
    // progress entries are added, so closing and adding progress on two
    // branches touch different lines.
    return {yaml::apply(doc, set_fields(doc, *doc.root, fields, "status")),
            {"status", "closed", "close_note"}};
}

Revision edit_set_created(const std::string& file, std::string bytes, Date when) {
    yaml::Document doc = open_for_edit(file, std::move(bytes));
    return {yaml::apply(doc, set_fields(doc, *doc.root, {{"created", date_value(when)}}, "status")),
            {"created"}};
}

nlohmann::json to_json(const Progress& p) {
    return {{"date", p.date.iso()},
            {"value", json_number(p.value)},
            {"evidence", p.evidence},
            {"meeting", p.meeting}};
}

nlohmann::json to_json(const Goal& g) {
    nlohmann::json progress = nlohmann::json::array();
    for (const auto& p : g.progress) {
        progress.push_back(to_json(p));
    }
    auto percent = g.percent();
    return {{"id", g.id},
            {"title", g.title},
            {"owners", g.owners},
            {"measure", g.measure},
            {"unit", g.unit},
            {"baseline", number_or_null(g.baseline)},
            {"target", number_or_null(g.target)},
            {"due", date_or_null(g.due)},
            {"status", std::string(to_string(g.status))},
            {"created", date_or_null(g.created)},
            {"closed", date_or_null(g.closed)},
            {"close_note", g.close_note},
            {"progress", progress},
            {"latest", number_or_null(g.latest())},
            {"percent",
             percent ? json_number(std::round(*percent * 10) / 10) : nlohmann::json(nullptr)}};
}

}  // namespace plg
