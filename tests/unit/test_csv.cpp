#include <doctest/doctest.h>

#include "plg/base/csv.hpp"
#include "plg/base/error.hpp"

using namespace plg;

TEST_CASE("plg::parse_csv") {
    SUBCASE("a byte order mark, ';' found from the header, quotes, CRLF and blank rows") {
        CsvTable t = parse_csv("r.csv",
                               "\xEF\xBB\xBF"
                               "Datum; Naam ;Reden\r\n"
                               "15-09-2026;  Anna  ;\"ziek; koorts, \"\"thuis\"\"\"\r\n"
                               "\r\n"
                               ";;\r\n"
                               "16-09-2026;\"Bram\nJansen\";\r\n"
                               "17-09-2026;Carla");
        CHECK(t.separator == ';');
        CHECK(t.header == std::vector<std::string>{"Datum", "Naam", "Reden"});
        REQUIRE(t.rows.size() == 3);
        CHECK(t.rows[0].line == 2);
        CHECK(t.rows[0].cells ==
              std::vector<std::string>{"15-09-2026", "Anna", "ziek; koorts, \"thuis\""});
        CHECK(t.rows[1].line == 5);
        CHECK(t.rows[1].cells[1] == "Bram\nJansen");  // a line break inside quotes
        CHECK(t.rows[2].line == 7);
        CHECK(t.rows[2].cells == std::vector<std::string>{"17-09-2026", "Carla"});
    }
    SUBCASE("commas, tabs and a separator given") {
        CHECK(parse_csv("a", "a,b;c\n1,2;3\n").separator == ',');
        CHECK(parse_csv("a", "a\tb\n1\t2\n").rows[0].cells == std::vector<std::string>{"1", "2"});
        CHECK(parse_csv("a", "a,b;c\n1,2;3\n", ';').rows[0].cells ==
              std::vector<std::string>{"1,2", "3"});
        CHECK(parse_csv("a", "x\r1\r2\r").rows.size() == 2);  // old Mac line ends
    }
    SUBCASE("errors name the line") {
        auto where = [](std::string_view text) {
            try {
                parse_csv("r.csv", text);
            } catch (const Error& e) {
                return e.where().line;
            }
            return -1;
        };
        CHECK(where("a,b\n1,\"open\n2,3\n") == 2);
        CHECK(where("a,b\n1,2\n3,\xff\n") == 3);
        CHECK(where("\n \n") == 1);
        CHECK(where("") == 1);
    }
}
