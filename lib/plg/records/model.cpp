#include "plg/records/model.hpp"

namespace plg {

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

std::string_view to_string(GoalStatus status) {
    switch (status) {
        case GoalStatus::active:
            return "active";
        case GoalStatus::achieved:
            return "achieved";
        case GoalStatus::dropped:
            return "dropped";
    }
    return "active";
}

std::optional<GoalStatus> parse_goal_status(std::string_view text) {
    if (text == "active") {
        return GoalStatus::active;
    }
    if (text == "achieved") {
        return GoalStatus::achieved;
    }
    if (text == "dropped") {
        return GoalStatus::dropped;
    }
    return std::nullopt;
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

std::optional<int> Reflection::rating(std::string_view dimension) const {
    for (const auto& r : ratings) {
        if (r.dimension == dimension) {
            return r.value;
        }
    }
    return std::nullopt;
}

}  // namespace plg
