#include "options.hpp"

#include <cctype>
#include <charconv>

#include "plg/base/date.hpp"
#include "plg/base/i18n.hpp"
#include "plg/base/slug.hpp"
#include "plg/base/utf8.hpp"

namespace plg::cli {

void add_format_option(CLI::App& app, std::string& format) {
    app.add_option("--format", format, trp("Output format: text for people, json for scripts"))
        ->check(CLI::IsMember({"text", "json"}))
        ->default_str("text");
}

const CLI::Validator k_date_value(
    [](std::string& value) -> std::string {
        if (parse_date_arg(value, Date()).has_value()) {
            return {};
        }
        return tr(
            "'{}' is not a date; write it as YYYY-MM-DD (like 2026-11-23), 'today' or "
            "'yesterday'",
            value);
    },
    "DATE");

const CLI::Validator k_member_id_value(
    [](std::string& value) -> std::string {
        if (is_member_id(value)) {
            return {};
        }
        return tr(
            "'{}' is not a valid member id; use 1-32 lower-case letters, digits, '-' or "
            "'_', starting with a letter (like 'anna' or 'jdvries')",
            value);
    },
    "ID");

const CLI::Validator k_one_line_value(
    [](std::string& value) -> std::string {
        if (value.find_first_not_of(" \t") == std::string::npos) {
            return tr("the value is empty");
        }
        if (value.find_first_of("\r\n") != std::string::npos) {
            return tr("the value must be one line");
        }
        if (first_invalid_utf8(value)) {
            return tr("the value is not valid UTF-8");
        }
        return {};
    },
    "TEXT");

const CLI::Validator k_number_value(
    [](std::string& value) -> std::string {
        // "3,5" is how Dutch (and many others) write 3.5: take it as that.
        size_t comma = value.find(',');
        bool digits_around = comma != std::string::npos && comma > 0 && comma + 1 < value.size() &&
                             value.find(',', comma + 1) == std::string::npos &&
                             value.find('.') == std::string::npos &&
                             std::isdigit(static_cast<unsigned char>(value[comma - 1])) &&
                             std::isdigit(static_cast<unsigned char>(value[comma + 1]));
        if (digits_around) {
            value[comma] = '.';
        }
        double number = 0;
        auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), number);
        if (ec != std::errc() || end != value.data() + value.size()) {
            return tr("'{}' is not a number; write it like 12, 7.5 or 7,5", value);
        }
        return {};
    },
    "NUM");

}  // namespace plg::cli
