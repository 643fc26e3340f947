// A PLG's status on a day (docs/report.md, "Status"): each worked example of the
// docs is a case here, with the cadence 14 days.

#include <doctest/doctest.h>

#include "plg/report/status.hpp"

using namespace plg;

namespace {

Date d(const char* iso) {
    return *Date::parse_iso(iso);
}

// Meetings every `every` days from `first` up to `last`.
std::vector<Date> every(const char* first, const char* last, int days) {
    std::vector<Date> out;
    for (Date x = d(first); x <= d(last); x = x.plus_days(days)) {
        out.push_back(x);
    }
    return out;
}

MeetingHistory history(std::vector<Date> meetings, std::optional<Date> founded = std::nullopt) {
    MeetingHistory h;
    h.founded = founded;
    h.cadence_days = 14;
    h.meetings = std::move(meetings);
    return h;
}

Activity status(const MeetingHistory& h, const char* day) {
    auto s = status_on(h, d(day));
    REQUIRE(s);
    return s->status;
}

}  // namespace

TEST_CASE("plg::Date::plus_months and end_of_month") {
    CHECK(d("2026-01-31").plus_months(1) == d("2026-02-28"));
    CHECK(d("2024-01-31").plus_months(1) == d("2024-02-29"));
    CHECK(d("2026-11-15").plus_months(2) == d("2027-01-15"));
    CHECK(d("2026-03-31").plus_months(-1) == d("2026-02-28"));
    CHECK(d("2026-02-10").end_of_month() == d("2026-02-28"));
    CHECK(d("2026-12-01").end_of_month() == d("2026-12-31"));
}

TEST_CASE("plg::working_days leaves out breaks, counting overlaps once") {
    std::vector<Break> breaks = {{"autumn", d("2026-10-17"), d("2026-10-25")},
                                 {"overlap", d("2026-10-24"), d("2026-10-27")}};
    CHECK(working_days(breaks, d("2026-10-01"), d("2026-10-31")) == 31 - 11);
    CHECK(working_days(breaks, d("2026-10-20"), d("2026-10-20")) == 0);
    CHECK(working_days(breaks, d("2026-11-01"), d("2026-11-30")) == 30);
    CHECK(working_days(breaks, d("2026-11-02"), d("2026-11-01")) == 0);
    CHECK(working_days({}, d("2026-01-01"), d("2026-12-31")) == 365);
}

TEST_CASE("plg::status_on: recency") {
    MeetingHistory h = history(every("2026-01-05", "2026-05-25", 14), d("2026-01-01"));
    // Meetings every 14 days up to 25 May.
    CHECK(status(h, "2026-06-04") == Activity::active);   // 10 days since
    CHECK(status(h, "2026-06-22") == Activity::active);   // 28 days: 2c
    CHECK(status(h, "2026-06-23") == Activity::at_risk);  // 29 days
    CHECK(status(h, "2026-07-20") == Activity::at_risk);  // 56 days: 4c
    CHECK(status(h, "2026-07-21") == Activity::dormant);  // 57 days
    auto s = status_on(h, d("2026-06-04"));
    CHECK(s->last_meeting == d("2026-05-25"));
    CHECK(s->quiet_days == 10);
    CHECK(s->recent_from == d("2026-06-04").plus_days(-83));  // 6c = 84 days
    CHECK(s->held_recently == 6);
    CHECK(s->expected_recently == 6);
}

TEST_CASE("plg::status_on: regularity — 8 of 26 meetings is not active, however recent") {
    // Founded a year ago; met every 6 weeks; the last meeting 22 days ago.
    MeetingHistory h = history(every("2025-12-01", "2026-11-19", 42), d("2025-12-01"));
    auto s = status_on(h, d("2026-11-24"));
    REQUIRE(s);
    CHECK(s->quiet_days == 22);
    CHECK(s->held_recently == 2);  // of 6 expected in the last 84 days
    CHECK(s->expected_recently == 6);
    CHECK(s->status == Activity::at_risk);
    // Every three weeks (the last also 22 days ago): 4 of 6, at least half, so active.
    MeetingHistory h3 = history(every("2025-12-01", "2026-11-19", 21), d("2025-12-01"));
    CHECK(status(h3, "2026-11-24") == Activity::active);
}

TEST_CASE("plg::status_on: breaks stop the clock") {
    // Regular meetings up to the summer; a six-week break; a week back at school.
    MeetingHistory h = history(every("2026-02-02", "2026-07-06", 14), d("2026-02-01"));
    CHECK(status(h, "2026-08-24") == Activity::at_risk);  // 49 days since 6 July
    h.breaks = {{"summer", d("2026-07-11"), d("2026-08-23")}};
    auto s = status_on(h, d("2026-08-24"));
    REQUIRE(s);
    CHECK(s->quiet_days == 49 - 44);
    CHECK(s->status == Activity::active);
    CHECK(s->recent_from < d("2026-07-11").plus_days(-40));  // the window reaches over the break
}

TEST_CASE("plg::status_on: a new PLG, a PLG that never met, before founding") {
    MeetingHistory none = history({}, d("2026-11-01"));
    CHECK_FALSE(status_on(none, d("2026-10-31")));           // not founded yet
    CHECK(status(none, "2026-11-10") == Activity::at_risk);  // 0 of 1 expected
    CHECK(status(none, "2027-01-01") == Activity::dormant);  // 62 days without a meeting
    MeetingHistory young = history({d("2026-11-05")}, d("2026-11-01"));
    CHECK(status(young, "2026-11-24") == Activity::active);  // 1 of 1 expected
    MeetingHistory unknown = history({d("2026-03-01")});
    CHECK(status(unknown, "2026-02-01") == Activity::dormant);  // no founding date, no meeting yet
    CHECK(status(unknown, "2026-03-10") == Activity::active);
}

TEST_CASE("plg::timeline_points: months, quarters, years") {
    auto months = timeline_points(d("2026-09-15"), d("2026-11-24"));
    REQUIRE(months.size() == 3);
    CHECK(months[0].label == "2026-09");
    CHECK(months[0].day == d("2026-09-30"));
    CHECK(months[2].label == "2026-11");
    CHECK(months[2].day == d("2026-11-24"));
    auto quarters = timeline_points(d("2025-08-20"), d("2026-11-24"));
    REQUIRE(quarters.size() == 6);
    CHECK(quarters[0].label == "2025-Q3");
    CHECK(quarters[0].day == d("2025-09-30"));
    CHECK(quarters[5].label == "2026-Q4");
    auto years = timeline_points(d("2020-03-01"), d("2026-11-24"));
    REQUIRE(years.size() == 7);
    CHECK(years[0].label == "2020");
    CHECK(years[0].day == d("2020-12-31"));
    CHECK(timeline_points(d("2026-02-01"), d("2026-01-01")).empty());
}

TEST_CASE("plg::revived: dormant, then active again") {
    // Met every 14 days in the first half of 2026, stopped, came back in October.
    std::vector<Date> met = every("2026-01-05", "2026-05-25", 14);
    for (Date x : every("2026-10-05", "2026-11-16", 14)) {
        met.push_back(x);
    }
    MeetingHistory h = history(met, d("2026-01-01"));
    auto points = timeline_points(d("2026-01-01"), d("2026-11-30"));
    auto over = status_over(h, points);
    REQUIRE(over.size() == 11);
    CHECK(over[0] == Activity::active);   // January
    CHECK(over[7] == Activity::dormant);  // August
    CHECK(over[10] == Activity::active);  // November
    CHECK(revived(h, d("2026-01-01"), over));
    // Looked at from October only: it was dormant the day before the period began.
    auto late = timeline_points(d("2026-10-01"), d("2026-11-30"));
    CHECK(revived(h, d("2026-10-01"), status_over(h, late)));
    auto early = timeline_points(d("2026-01-01"), d("2026-06-30"));
    CHECK_FALSE(revived(h, d("2026-01-01"), status_over(h, early)));
}
