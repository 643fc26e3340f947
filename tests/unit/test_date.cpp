#include <doctest/doctest.h>

#include <cstdio>

#include "plg/base/date.hpp"

using plg::Date;

TEST_CASE("plg::Date::parse_iso") {
    SUBCASE("valid dates round-trip") {
        for (const char* s :
             {"2026-11-23", "2024-02-29", "1999-12-31", "2000-02-29", "9999-01-01"}) {
            auto d = Date::parse_iso(s);
            REQUIRE(d.has_value());
            CHECK(d->iso() == s);
        }
    }
    SUBCASE("impossible days are refused") {
        for (const char* s : {"2026-02-30", "2026-13-01", "2025-02-29", "1900-02-29", "2026-04-31",
                              "2026-00-10", "2026-01-00"}) {
            CHECK_FALSE(Date::parse_iso(s).has_value());
        }
    }
    SUBCASE("other shapes are refused") {
        for (const char* s :
             {"", "2026-1-01", "2026/11/23", "20261123", "2026-11-23T10:00", " 2026-11-23",
              "２０２６-11-23", "-026-11-23", "0000-01-01", "2026-11-2x", "today"}) {
            CHECK_FALSE(Date::parse_iso(s).has_value());
        }
    }
    SUBCASE("parts") {
        auto d = *Date::parse_iso("2026-11-23");
        CHECK(d.year() == 2026);
        CHECK(d.month() == 11);
        CHECK(d.day() == 23);
    }
}

TEST_CASE("plg::Date arithmetic") {
    Date d = *Date::parse_iso("2026-12-30");
    CHECK(d.plus_days(3).iso() == "2027-01-02");
    CHECK(d.plus_days(-365).iso() == "2025-12-30");
    CHECK(Date::parse_iso("2024-03-01")->days_since(*Date::parse_iso("2024-02-01")) == 29);
    CHECK(*Date::parse_iso("2026-01-01") < *Date::parse_iso("2026-01-02"));
}

TEST_CASE("plg::parse_date_arg") {
    Date today = *Date::parse_iso("2026-03-01");
    CHECK(plg::parse_date_arg("today", today)->iso() == "2026-03-01");
    CHECK(plg::parse_date_arg("yesterday", today)->iso() == "2026-02-28");
    CHECK(plg::parse_date_arg("2026-01-05", today)->iso() == "2026-01-05");
    CHECK_FALSE(plg::parse_date_arg("tomorrow", today).has_value());
    CHECK_FALSE(plg::parse_date_arg("Today", today).has_value());
}

TEST_CASE("plg::Date::iso writes every day of years 0 to 9999 as printf would, and others too") {
    using namespace std::chrono;
    char expected[32];
    for (int year : {-1, 0, 1, 99, 999, 1000, 1999, 2000, 2024, 2026, 9999, 10000}) {
        for (Date d(year_month_day(std::chrono::year(year), January, 1d));
             int(d.ymd().year()) == year; d = d.plus_days(1)) {
            auto v = d.ymd();
            std::snprintf(expected, sizeof expected, "%04d-%02u-%02u", int(v.year()),
                          unsigned(v.month()), unsigned(v.day()));
            REQUIRE(d.iso() == expected);
        }
    }
}
