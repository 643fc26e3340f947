#include "plg/base/date.hpp"
#include "plg/base/i18n.hpp"

#include <algorithm>
#include <cstdlib>
#include <ctime>

namespace plg {

static bool parse_digits(std::string_view text, int& out) {
    out = 0;
    for (char c : text) {
        if (c < '0' || c > '9') {
            return false;
        }
        out = out * 10 + (c - '0');
    }
    return !text.empty();
}

Date Date::plus_months(int n) const {
    using namespace std::chrono;
    year_month_day d = ymd();
    year_month ym = year_month(d.year(), d.month()) + months(n);
    year_month_day_last last(ym.year(), month_day_last(ym.month()));
    return Date(year_month_day(ym.year(), ym.month(), std::min(d.day(), last.day())));
}

Date Date::end_of_month() const {
    using namespace std::chrono;
    year_month_day d = ymd();
    return Date(year_month_day(year_month_day_last(d.year(), month_day_last(d.month()))));
}

std::optional<Date> Date::parse_iso(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
        return std::nullopt;
    }
    int y = 0;
    int m = 0;
    int d = 0;
    if (!parse_digits(text.substr(0, 4), y) || !parse_digits(text.substr(5, 2), m) ||
        !parse_digits(text.substr(8, 2), d)) {
        return std::nullopt;
    }
    if (y < 1900) {
        return std::nullopt;
    }
    std::chrono::year_month_day ymd{std::chrono::year(y), std::chrono::month(unsigned(m)),
                                    std::chrono::day(unsigned(d))};
    if (!ymd.ok()) {
        return std::nullopt;
    }
    return Date(ymd);
}

std::string Date::iso() const {
    auto v = ymd();
    int year = int(v.year());
    if (year >= 0 && year <= 9999) {  // every date a record can hold: no printf
        unsigned month = unsigned(v.month());
        unsigned day = unsigned(v.day());
        char text[10] = {char('0' + year / 1000),
                         char('0' + year / 100 % 10),
                         char('0' + year / 10 % 10),
                         char('0' + year % 10),
                         '-',
                         char('0' + month / 10),
                         char('0' + month % 10),
                         '-',
                         char('0' + day / 10),
                         char('0' + day % 10)};
        return std::string(text, sizeof text);
    }
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", int(v.year()), unsigned(v.month()),
                  unsigned(v.day()));
    return buffer;
}

std::optional<Date> parse_date_arg(std::string_view text, Date today) {
    // The English words always, and the message language's ("vandaag", "gisteren").
    std::string_view lang = current_language();
    if (text == "today" || text == translate(lang, "date word", "today")) {
        return today;
    }
    if (text == "yesterday" || text == translate(lang, "date word", "yesterday")) {
        return today.plus_days(-1);
    }
    return Date::parse_iso(text);
}

std::optional<Date> today_from_environment() {
    if (const char* fixed = std::getenv("PLG_TODAY"); fixed && *fixed) {
        return Date::parse_iso(fixed);
    }
    std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return Date(std::chrono::year_month_day{std::chrono::year(local.tm_year + 1900),
                                            std::chrono::month(unsigned(local.tm_mon + 1)),
                                            std::chrono::day(unsigned(local.tm_mday))});
}

}  // namespace plg
