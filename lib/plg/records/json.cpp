#include "plg/records/json.hpp"

#include <cmath>

namespace plg {

nlohmann::json json_number(double value) {
    if (std::floor(value) == value && std::fabs(value) < 1e15) {
        return static_cast<long long>(value);
    }
    return value;
}

std::string json_text(const nlohmann::json& j, int indent) {
    return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace plg
