#pragma once

#include <chrono>
#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace plg {

// A calendar date (proleptic Gregorian), written and read as ISO 8601 "YYYY-MM-DD".
class Date {
  public:
    // The date 1970-01-01.
    Date() = default;
    explicit Date(std::chrono::year_month_day ymd) : m_days(std::chrono::sys_days(ymd)) {}
    explicit Date(std::chrono::sys_days days) : m_days(days) {}

    // Returns the date for "YYYY-MM-DD" (exactly ten characters, a real day of a
    // year from 1900 to 9999), or nullopt for anything else, such as "2026-02-30".
    static std::optional<Date> parse_iso(std::string_view text);

    // Returns "YYYY-MM-DD".
    std::string iso() const;

    std::chrono::year_month_day ymd() const { return std::chrono::year_month_day(m_days); }
    std::chrono::sys_days days() const { return m_days; }
    int year() const { return int(ymd().year()); }
    unsigned month() const { return unsigned(ymd().month()); }
    unsigned day() const { return unsigned(ymd().day()); }

    // Returns the date `n` days later (earlier for negative n).
    Date plus_days(int n) const { return Date(m_days + std::chrono::days(n)); }

    // Returns the same day `n` months later (earlier for negative n), or the
    // month's last day when it is shorter (31 January + 1 month = 28 February).
    Date plus_months(int n) const;
    // Returns the last day of this date's month.
    Date end_of_month() const;

    // Returns the number of days from `earlier` to this date.
    int days_since(Date earlier) const { return int((m_days - earlier.m_days).count()); }

    auto operator<=>(const Date&) const = default;

  private:
    std::chrono::sys_days m_days{};
};

// Returns the date a user typed where a date is asked: ISO 8601, "today" or
// "yesterday" (relative to `today`); nullopt when it is none of these.
std::optional<Date> parse_date_arg(std::string_view text, Date today);

// Returns today's date in the local time zone, or the date in the environment
// variable PLG_TODAY when it is set (for reproducible runs and tests); nullopt
// when PLG_TODAY is set to something that is not an ISO date.
std::optional<Date> today_from_environment();

}  // namespace plg
