#include "plg/records/json.hpp"

#include <cmath>

namespace plg {

namespace {

nlohmann::json date_or_null(const std::optional<Date>& d) {
    return d ? nlohmann::json(d->iso()) : nlohmann::json(nullptr);
}

}  // namespace

nlohmann::json json_number(double value) {
    if (std::floor(value) == value && std::fabs(value) < 1e15) {
        return static_cast<long long>(value);
    }
    return value;
}

nlohmann::json to_json(const Member& m) {
    return {{"id", m.id}, {"name", m.name}, {"role", m.role}};
}

nlohmann::json to_json(const ActionItem& a) {
    return {{"text", a.text},
            {"owner", a.owner},
            {"due", date_or_null(a.due)},
            {"done", a.done},
            {"done_on", date_or_null(a.done_on)}};
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
        a["id"] = m.id + "#" + std::to_string(i + 1);
        actions.push_back(std::move(a));
    }
    return {{"id", m.id},
            {"date", m.date.iso()},
            {"title", m.title},
            {"facilitator", m.facilitator},
            {"roles", roles},
            {"attendees", m.attendees},
            {"absent", absent},
            {"minutes", m.minutes ? nlohmann::json(*m.minutes) : nlohmann::json(nullptr)},
            {"focus", m.focus},
            {"agenda", m.agenda},
            {"notes", m.notes},
            {"data", m.data},
            {"protocol", m.protocol},
            {"decisions", m.decisions},
            {"actions", actions},
            {"goals", m.goals},
            {"dimensions", m.dimensions}};
}

namespace {

nlohmann::json number_or_null(const std::optional<double>& v) {
    return v ? json_number(*v) : nlohmann::json(nullptr);
}

}  // namespace

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

nlohmann::json to_json(const Reflection& r) {
    nlohmann::json ratings = nlohmann::json::object();
    for (const auto& rating : r.ratings) {
        ratings[rating.dimension] = rating.value;
    }
    return {{"id", r.id},
            {"author", r.author},
            {"date", r.date.iso()},
            {"meeting", r.meeting},
            {"goal", r.goal},
            {"text", r.text},
            {"went_well", r.went_well},
            {"challenge", r.challenge},
            {"next_step", r.next_step},
            {"ratings", ratings}};
}

}  // namespace plg
