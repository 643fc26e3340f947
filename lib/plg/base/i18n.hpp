#pragma once

// Every word plg says to a person, in that person's language.
//
// English is the source language: a message's English text is its key (the
// msgid). The translations are gettext catalogs, po/LANG.po, which msgfmt
// compiles at build time into the binary (catalogs.cpp, generated), so plg
// needs no installed locale and no files at run time. Adding a language is
// adding a .po file; tests/i18n_check.py refuses a catalog with a missing or
// mismatched translation.
//
// tr(), trn() and trp() translate into the message language: one value for the
// whole process, set by main() from --lang, the PLG's language or the locale
// before any thread starts (the one deliberate global, like setlocale). Code
// that writes a document in a language of its own (a Dutch report from an
// English shell) passes the language to translate().

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "plg/base/kinds.hpp"

namespace plg {

// Sets the language of messages. An unknown code selects English.
void set_language(std::string_view code);

// Returns the code of the message language ("en" until set_language).
std::string_view current_language();

// Returns "en" and then the code of every built-in catalog, sorted.
const std::vector<std::string>& languages();

// True if `code` is "en" or has a built-in catalog.
bool has_language(std::string_view code);

// Returns the language a locale name or language tag selects: "nl_BE.UTF-8",
// "nl-BE" and "nl" give "nl"; "C", "POSIX" and "" give "en"; a language plg
// does not speak gives "".
std::string language_for_locale(std::string_view locale);

// Returns the language the environment asks for, as gettext reads it:
// LANGUAGE (a list, the first spoken one wins), then LC_ALL, LC_MESSAGES and
// LANG; "en" when none names a language plg speaks.
std::string language_from_environment();

// Returns the translation of `msgid` in `context` ("" for none) into
// `language`, or `msgid` itself when there is none. The result lives as long
// as the program.
std::string_view translate(std::string_view language, std::string_view context,
                           std::string_view msgid);

// The same for a message with a plural: the form of `language` for `n`.
std::string_view translate_plural(std::string_view language, std::string_view context,
                                  std::string_view singular, std::string_view plural,
                                  unsigned long n);

// Returns the index of the plural form that `expression` (a catalog's
// Plural-Forms "plural=" C expression) gives for `n`, or nullopt when the
// expression does not parse.
std::optional<unsigned long> plural_index(std::string_view expression, unsigned long n);

// The catalog header's Plural-Forms expression of `language` ("n != 1" for
// English).
std::string_view plural_expression(std::string_view language);

namespace detail {

template <typename FormatString>
std::string_view view(const FormatString& s) {
    fmt::string_view v = s;
    return {v.data(), v.size()};
}

// Formats `translated` with `args`; if a translation's placeholders do not fit
// the arguments, formats the English `original` instead: a bad catalog never
// stops a command.
// (Out of line and on type-erased arguments: one copy, not one per message.)
std::string format_translated(std::string_view translated, std::string_view original,
                              fmt::format_args args);

template <typename... Args>
std::string format_translated(std::string_view translated, std::string_view original,
                              const Args&... args) {
    return format_translated(translated, original,
                             fmt::format_args(fmt::make_format_args(args...)));
}

}  // namespace detail

// Returns the message `msgid` in the message language, formatted with `args`
// as fmt::format would ("{}" for each argument, "{{" for a brace). The English
// text is checked against the arguments at compile time.
template <typename... Args>
std::string tr(fmt::format_string<Args...> msgid, const Args&... args) {
    std::string_view original = detail::view(msgid);
    return detail::format_translated(translate(current_language(), {}, original), original,
                                     args...);
}

// The same for a message whose words depend on a count `n` ("1 meeting", "3
// meetings"): `singular` and `plural` are the English forms.
template <typename... Args>
std::string trn(fmt::format_string<Args...> singular, fmt::format_string<Args...> plural,
                unsigned long n, const Args&... args) {
    std::string_view one = detail::view(singular);
    std::string_view many = detail::view(plural);
    std::string_view original = n == 1 ? one : many;
    return detail::format_translated(translate_plural(current_language(), {}, one, many, n),
                                     original, args...);
}

// Returns the translation of a text that is not a format: braces are plain
// characters (the --edit templates, whose YAML has them).
inline std::string trp(std::string_view text) {
    return std::string(translate(current_language(), {}, text));
}

// Marks a text for translation where it is defined (a table of labels) and
// returns it unchanged; the code that shows it calls translate().
constexpr std::string_view N_(std::string_view text) {
    return text;
}
constexpr std::string_view NC_(std::string_view /*context*/, std::string_view text) {
    return text;
}

// Returns the name of a kind of record in the message language, as a word in a
// sentence ("meeting", in Dutch "bijeenkomst").
std::string kind_noun(Kind kind);

// Returns `value` written with the decimal separator of the message language
// ("3,5" in Dutch): at most `decimals` digits after it, trailing zeros dropped.
std::string local_number(double value, int decimals = 2);

// The same in `language`.
std::string local_number(std::string_view language, double value, int decimals = 2);

// Returns a number written with a point ("12.5", as files hold it) with the
// message language's decimal separator instead ("12,5").
std::string local_decimal(std::string number);

}  // namespace plg
