#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "plg/base/slug.hpp"

TEST_CASE("plg::slugify") {
    SUBCASE("ordinary titles") {
        CHECK(plg::slugify("Data bespreken") == "data-bespreken");
        CHECK(plg::slugify("  Rekenen: automatiseren in groep 5!  ") ==
              "rekenen-automatiseren-in-groep-5");
        CHECK(plg::slugify("Anna's plan") == "annas-plan");
    }
    SUBCASE("accents are folded, not dropped") {
        CHECK(plg::slugify("Één café in Zürich") == "een-cafe-in-zurich");
        CHECK(plg::slugify("Straße") == "strasse");
        CHECK(plg::slugify("Łódź Øresund Ærø") == "lodz-oresund-aero");
    }
    SUBCASE("nothing can escape the folder") {
        for (const std::string& s :
             std::vector<std::string>{"../../etc/passwd", "/", "..", "a/b\\c",
                                      std::string("a\0b", 3), "\x01\x02", "C:\\Windows"}) {
            std::string slug = plg::slugify(s);
            CHECK(slug.find('/') == std::string::npos);
            CHECK(slug.find('.') == std::string::npos);
            CHECK(slug.find('\\') == std::string::npos);
            CHECK(slug.find('\0') == std::string::npos);
            CHECK((slug.empty() || plg::is_record_id(slug)));
        }
        CHECK(plg::slugify("../../etc/passwd") == "etc-passwd");
        CHECK(plg::slugify("/").empty());
    }
    SUBCASE("emoji and other scripts become separators") {
        CHECK(plg::slugify("🎉 Feest 🎉") == "feest");
        CHECK(plg::slugify("数学").empty());
        CHECK(plg::slugify("\xff\xfe broken") == "broken");
    }
    SUBCASE("long titles are cut at a hyphen") {
        std::string title;
        for (int i = 0; i < 60; ++i) {
            title += "woord ";
        }
        std::string slug = plg::slugify(title);
        CHECK(slug.size() <= 48);
        CHECK(slug.back() != '-');
        CHECK(slug.substr(0, 11) == "woord-woord");
        CHECK(plg::slugify(std::string(300, 'x')).size() == 48);
    }
}

TEST_CASE("plg::is_member_id") {
    for (const char* ok : {"anna", "jdvries", "a", "anna-b", "anna_2"}) {
        CHECK(plg::is_member_id(ok));
    }
    for (const char* bad : {"", "Anna", "2anna", "-anna", "an na", "anna/..", "é",
                            "abcdefghijklmnopqrstuvwxyzabcdefg"}) {
        CHECK_FALSE(plg::is_member_id(bad));
    }
}

TEST_CASE("plg::is_record_id") {
    CHECK(plg::is_record_id("2026-11-23-data-bespreken"));
    CHECK(plg::is_record_id("goal1"));
    for (const char* bad : {"", "-x", "a_b", "A", "a.b", "..", "a/b", "x y"}) {
        CHECK_FALSE(plg::is_record_id(bad));
    }
    CHECK_FALSE(plg::is_record_id(std::string(101, 'a')));
}
