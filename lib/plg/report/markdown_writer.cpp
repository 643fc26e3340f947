#include "plg/report/markdown_writer.hpp"

#include <fmt/format.h>

#include "plg/base/i18n.hpp"
#include "plg/base/text.hpp"

namespace plg {

std::string long_date(Date d, const Labels& l) {
    return fmt::format("{} {} {}", d.day(), l.months[d.month() - 1], d.year());
}

std::string short_date(Date d, const Labels& l) {
    return fmt::format("{} {}", d.day(), l.short_months[d.month() - 1]);
}

std::string number(double v, const Labels& l, int decimals) {
    return local_number(l.code, v, decimals);
}

std::string percent(double v, const Labels& l) {
    return number(v, l, 0) + "%";
}

std::string period_label(const std::string& period, const Labels& l) {
    // "2025-09" -> "sep 2025"; "2025-Q3" -> "Q3 2025"; "2025" stays.
    std::string year = period.substr(0, 4);
    if (period.size() == 4) {
        return year;
    }
    if (period.size() == 7 && period[5] == 'Q') {
        return std::string(l.quarter) + period.substr(6) + " " + year;
    }
    int month = std::stoi(period.substr(5, 2));
    return std::string(l.short_months[size_t(month - 1)]) + " " + year;
}

}  // namespace plg
