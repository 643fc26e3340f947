#include <doctest/doctest.h>

#include "plg/report/report.hpp"

using namespace plg;

namespace {

Date d(const char* iso) {
    return *Date::parse_iso(iso);
}

ActionItem action(std::string text, std::string owner, std::optional<Date> due,
                  std::optional<Date> done_on = std::nullopt) {
    ActionItem a;
    a.text = std::move(text);
    a.owner = std::move(owner);
    a.due = due;
    a.done = done_on.has_value();
    a.done_on = done_on;
    return a;
}

Meeting meeting(const char* id, const char* date, std::vector<std::string> present,
                std::optional<int> minutes) {
    Meeting m;
    m.id = id;
    m.date = d(date);
    m.title = id;
    m.attendees = std::move(present);
    m.minutes = minutes;
    return m;
}

}  // namespace

TEST_CASE("plg::markdown_inline") {
    CHECK(markdown_inline("plain text") == "plain text");
    CHECK(markdown_inline("a | b") == "a \\| b");
    CHECK(markdown_inline("<script>x</script>") == "&lt;script&gt;x&lt;/script&gt;");
    CHECK(markdown_inline("**b** _i_ `c` [l](u)") == "\\*\\*b\\*\\* \\_i\\_ \\`c\\` \\[l\\](u)");
    CHECK(markdown_inline("two\nlines\r\n  here") == "two lines here");
    CHECK(markdown_inline("- item") == "\\- item");
    CHECK(markdown_inline("1. first") == "1\\. first");
    CHECK(markdown_inline("# kop") == "\\# kop");
    CHECK(markdown_inline("AT&T") == "AT&amp;T");
    CHECK(markdown_inline("é ë 🎉") == "é ë 🎉");
}

TEST_CASE("plg::build_report") {
    Plg plg;
    Community c;
    c.name = "T";
    c.cadence_days = 14;
    c.members = {
        {"anna", "Anna", "", {}, {}}, {"bram", "Bram", "", {}, {}}, {"carla", "Carla", "", {}, {}}};
    c.framework = {{"collaboration", "Collaboration"}, {"inquiry", "Inquiry"}};
    plg.community = c;
    plg.meetings.push_back(meeting("m1", "2026-01-05", {"anna", "bram"}, 60));
    plg.meetings.push_back(meeting("m2", "2026-01-19", {"anna", "bram", "gast"}, 90));
    plg.meetings.push_back(meeting("m3", "2026-02-02", {}, std::nullopt));
    plg.meetings[1].absent.push_back({"carla", "ziek"});
    plg.meetings[0].actions.push_back(action("open", "bram", d("2026-01-10")));
    plg.meetings[0].actions.push_back(action("done", "anna", std::nullopt, d("2026-01-12")));
    Reflection r1;
    r1.id = "r1";
    r1.author = "anna";
    r1.date = d("2026-01-06");
    r1.ratings = {{"collaboration", 2}};
    Reflection r2 = r1;
    r2.id = "r2";
    r2.date = d("2026-02-03");
    r2.ratings = {{"collaboration", 4}, {"inquiry", 3}};
    r2.next_step = "verder";
    plg.reflections = {r1, r2};

    Report r = build_report(plg, {d("2026-01-01"), d("2026-02-11"), d("2026-02-11")});
    CHECK(r.meetings_held == 3);
    CHECK(r.meetings_expected == 3);  // 42 days / 14
    // m1: 2 of anna, bram, carla; m2: 3 of anna, bram, carla, gast; m3 records nothing.
    CHECK(r.attendance_present == 5);
    CHECK(r.attendance_possible == 7);
    CHECK(*r.attendance_percent == doctest::Approx(71.4));
    CHECK(r.person_hours == doctest::Approx(6.5));  // 60 x 2 + 90 x 3 minutes
    CHECK(r.meetings_without_minutes == 1);
    CHECK(r.actions_open == 1);
    CHECK(r.actions_overdue == 1);
    CHECK(r.completed_actions.size() == 1);
    CHECK(*r.days_since_last_meeting == 9);
    CHECK(r.status == Activity::active);
    REQUIRE(r.rating_periods == std::vector<std::string>{"2026-01", "2026-02"});
    REQUIRE(r.ratings.size() == 2);
    CHECK(*r.ratings[0].first == 2);
    CHECK(*r.ratings[0].last == 4);
    CHECK(trend_of(r.ratings[0], 2) == "up");
    CHECK(trend_of(r.ratings[1], 2) == "none");  // rated in one month only
    CHECK(r.next_steps.size() == 1);

    SUBCASE("a period before anything happened") {
        Report early = build_report(plg, {d("2025-01-01"), d("2025-06-30"), d("2026-02-11")});
        CHECK(early.meetings_held == 0);
        CHECK(!early.attendance_percent);
        CHECK(!early.last_meeting);
        CHECK(early.status == Activity::dormant);
    }
    SUBCASE("the default period starts at the first record") {
        Report all = build_report(plg, {std::nullopt, std::nullopt, d("2026-05-01")});
        CHECK(all.from == d("2026-01-05"));
        CHECK(all.to == d("2026-05-01"));
        CHECK(all.status == Activity::dormant);  // 88 days since 2 February, cadence 14
    }
    SUBCASE("a period that ends before it starts") {
        CHECK_THROWS_AS(build_report(plg, {d("2026-02-01"), d("2026-01-01"), d("2026-02-11")}),
                        Error);
    }
    SUBCASE("markdown leaves out what has nothing to say, in both languages") {
        std::string en = render_markdown(r, "en");
        CHECK(en.find("## Goals") == std::string::npos);
        CHECK(en.find("- **Person-hours**: 6.5 (1 meeting without a duration)") !=
              std::string::npos);
        std::string nl = render_markdown(r, "nl");
        CHECK(nl.find("- **Persoonsuren**: 6,5 (1 bijeenkomst zonder duur)") != std::string::npos);
        CHECK(nl.find("1 januari 2026 tot en met 11 februari 2026") != std::string::npos);
    }
}
