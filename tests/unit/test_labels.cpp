// The report's labels, in every language: none is empty, each has as many "{}"
// as the English one (which the report code fills), and each formats with that
// many arguments. A wrong "{}" in one language would otherwise fail only when
// that language's report reached that line.

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <cstring>
#include <string>
#include <type_traits>

#include "plg/report/labels.hpp"

using namespace plg;

namespace {

// Labels is a struct of string_views (some in arrays); seen as one array, every
// label can be checked without listing the fields a second time.
constexpr size_t k_fields = sizeof(Labels) / sizeof(std::string_view);
static_assert(sizeof(Labels) == k_fields * sizeof(std::string_view),
              "Labels must hold only std::string_view fields (or arrays of them)");
static_assert(std::is_trivially_copyable_v<Labels> && std::is_standard_layout_v<Labels>);

std::array<std::string_view, k_fields> fields_of(const Labels& l) {
    std::array<std::string_view, k_fields> out;
    std::memcpy(static_cast<void*>(out.data()), &l, sizeof l);
    return out;
}

// Counts the "{...}" replacement fields of a format string ("{{" is a brace).
int placeholders(std::string_view s) {
    int n = 0;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '{' && i + 1 < s.size() && s[i + 1] == '{') {
            ++i;
        } else if (s[i] == '{') {
            ++n;
        }
    }
    return n;
}

std::string render(std::string_view format, int arguments) {
    switch (arguments) {
        case 0:
            return fmt::format(fmt::runtime(format));
        case 1:
            return fmt::format(fmt::runtime(format), "a");
        case 2:
            return fmt::format(fmt::runtime(format), "a", "b");
        case 3:
            return fmt::format(fmt::runtime(format), "a", "b", "c");
        case 4:
            return fmt::format(fmt::runtime(format), "a", "b", "c", "d");
        case 5:
            return fmt::format(fmt::runtime(format), "a", "b", "c", "d", "e");
        default:
            return fmt::format(fmt::runtime(format), "a", "b", "c", "d", "e", "f");
    }
}

}  // namespace

TEST_CASE("plg::labels_for: every label of every language renders with its arguments") {
    REQUIRE(all_labels().size() >= 2);
    const auto english = fields_of(*all_labels()[0]);
    CHECK(&labels_for("en") == all_labels()[0]);
    CHECK(&labels_for("xx") == all_labels()[0]);
    for (const Labels* language : all_labels()) {
        auto fields = fields_of(*language);
        INFO("language ", fields[0]);
        CHECK(&labels_for(language->code) == language);
        for (size_t i = 0; i < k_fields; ++i) {
            INFO("label #", i, ": '", fields[i], "'; in English '", english[i], "'");
            CHECK_FALSE(fields[i].empty());
            int expected = placeholders(english[i]);
            CHECK(placeholders(fields[i]) == expected);
            CHECK(expected <= 6);
            std::string text;
            CHECK_NOTHROW(text = render(fields[i], expected));
            CHECK(text.find('{') == std::string::npos);
        }
    }
}
