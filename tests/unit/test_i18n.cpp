// Translations: the built-in catalogs, choosing a language, plural forms, and
// what happens when a catalog is wrong. tests/i18n_check.py checks the .po
// files themselves (complete, placeholders kept, msgfmt --check).

#include <doctest/doctest.h>

#include <cstdlib>
#include <map>
#include <optional>
#include <string>

#include "plg/base/date.hpp"
#include "plg/base/i18n.hpp"
#include "plg/records/community.hpp"

using namespace plg;

namespace {

// Sets environment variables for one scope and puts the old values back.
class ScopedEnv {
  public:
    explicit ScopedEnv(const std::map<std::string, std::string>& values) {
        for (const auto& [name, value] : values) {
            const char* old = std::getenv(name.c_str());
            m_old[name] = old ? std::optional<std::string>(old) : std::nullopt;
            if (value.empty()) {
                ::unsetenv(name.c_str());
            } else {
                ::setenv(name.c_str(), value.c_str(), 1);
            }
        }
    }
    ~ScopedEnv() {
        for (const auto& [name, old] : m_old) {
            if (old) {
                ::setenv(name.c_str(), old->c_str(), 1);
            } else {
                ::unsetenv(name.c_str());
            }
        }
    }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

  private:
    std::map<std::string, std::optional<std::string>> m_old;
};

// Speaks `code` for one scope.
class ScopedLanguage {
  public:
    explicit ScopedLanguage(std::string_view code) : m_old(current_language()) {
        set_language(code);
    }
    ~ScopedLanguage() { set_language(m_old); }
    ScopedLanguage(const ScopedLanguage&) = delete;
    ScopedLanguage& operator=(const ScopedLanguage&) = delete;

  private:
    std::string m_old;
};

}  // namespace

TEST_CASE("plg::languages") {
    const auto& all = languages();
    REQUIRE(all.size() >= 3);
    CHECK(all.front() == "en");
    CHECK(has_language("nl"));
    CHECK(has_language("fr"));
    CHECK_FALSE(has_language("de"));
    CHECK_FALSE(has_language(""));
    for (const auto& code : all) {
        INFO(code);
        // Every catalog's plural rule parses and gives a form for 0, 1 and many.
        for (unsigned long n : {0UL, 1UL, 2UL, 5UL, 21UL, 100UL}) {
            CHECK(plural_index(plural_expression(code), n).has_value());
        }
    }
}

TEST_CASE("plg::plural_index") {
    CHECK(plural_index("n != 1", 1) == 0UL);
    CHECK(plural_index("n != 1", 0) == 1UL);
    CHECK(plural_index("(n > 1)", 0) == 0UL);  // French: zero is singular
    CHECK(plural_index("(n > 1)", 2) == 1UL);
    CHECK(plural_index(" 0 ", 7) == 0UL);  // one form (Japanese, Chinese)
    // Polish: 1, then 2-4 (not 12-14), then the rest.
    const char* polish = "(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2)";
    CHECK(plural_index(polish, 1) == 0UL);
    CHECK(plural_index(polish, 3) == 1UL);
    CHECK(plural_index(polish, 13) == 2UL);
    CHECK(plural_index(polish, 22) == 1UL);
    CHECK(plural_index(polish, 25) == 2UL);
    CHECK(plural_index("!(n == 1)", 1) == 0UL);
    CHECK(plural_index("n / 0", 4) == 0UL);  // no crash on a zero divisor
    for (const char* bad : {"", "n +", "(n", "n ? 1", "m != 1", "n !== 1", "n; 1"}) {
        INFO(bad);
        CHECK_FALSE(plural_index(bad, 1).has_value());
    }
    // A hostile header cannot recurse without end.
    CHECK_FALSE(plural_index(std::string(10000, '('), 1).has_value());
}

TEST_CASE("plg::language_for_locale") {
    CHECK(language_for_locale("nl_BE.UTF-8") == "nl");
    CHECK(language_for_locale("nl_NL@euro") == "nl");
    CHECK(language_for_locale("fr-SN") == "fr");
    CHECK(language_for_locale("FR") == "fr");
    CHECK(language_for_locale("en_ZA.UTF-8") == "en");
    CHECK(language_for_locale("C") == "en");
    CHECK(language_for_locale("C.UTF-8") == "en");
    CHECK(language_for_locale("POSIX") == "en");
    CHECK(language_for_locale("") == "en");
    CHECK(language_for_locale("de_DE.UTF-8") == "");
}

TEST_CASE("plg::language_from_environment") {
    ScopedEnv clean({{"LANGUAGE", ""}, {"LC_ALL", ""}, {"LC_MESSAGES", ""}, {"LANG", ""}});
    CHECK(language_from_environment() == "en");
    {
        ScopedEnv env({{"LANG", "nl_NL.UTF-8"}, {"LC_ALL", ""}});
        CHECK(language_from_environment() == "nl");
    }
    {
        ScopedEnv env({{"LANG", "nl_NL.UTF-8"}, {"LC_MESSAGES", "fr_FR.UTF-8"}});
        CHECK(language_from_environment() == "fr");
    }
    {
        ScopedEnv env({{"LANG", "fr_FR.UTF-8"}, {"LC_ALL", "C"}});
        CHECK(language_from_environment() == "en");  // LC_ALL wins, as everywhere
    }
    {
        // LANGUAGE is a list; the first language plg speaks wins...
        ScopedEnv env({{"LANG", "nl_NL.UTF-8"}, {"LANGUAGE", "de:fr:nl"}});
        CHECK(language_from_environment() == "fr");
    }
    {
        // ...but, as in gettext, only when the locale is not C.
        ScopedEnv env({{"LANG", "C"}, {"LANGUAGE", "fr"}});
        CHECK(language_from_environment() == "en");
    }
    {
        ScopedEnv env({{"LANG", "de_DE.UTF-8"}, {"LC_ALL", ""}});
        CHECK(language_from_environment() == "en");
    }
}

TEST_CASE("plg::translate") {
    CHECK(translate("nl", {}, "Summary") == "Samenvatting");
    CHECK(translate("fr", {}, "Summary") == "Synthèse");
    CHECK(translate("en", {}, "Summary") == "Summary");
    CHECK(translate("de", {}, "Summary") == "Summary");  // no catalog: the English
    CHECK(translate("nl", {}, "a message no catalog has") == "a message no catalog has");
    CHECK(translate("nl", {}, "") == "");
    // A context keeps apart what English writes alike.
    CHECK(translate("fr", "goal status", "active") == "en cours");
    CHECK(translate("fr", {}, "active") == "active");
    CHECK(translate("nl", "decimal separator", ".") == ",");
    CHECK(translate("en", "decimal separator", ".") == ".");
    CHECK(translate("nl", "framework", "Collaboration") == "Samenwerking");
}

TEST_CASE("plg::translate_plural") {
    const char* one = "{} error";
    const char* many = "{} errors";
    CHECK(translate_plural("nl", {}, one, many, 1) == "{} fout");
    CHECK(translate_plural("nl", {}, one, many, 0) == "{} fouten");
    CHECK(translate_plural("fr", {}, one, many, 0) == "{} erreur");  // French: 0 is singular
    CHECK(translate_plural("fr", {}, one, many, 2) == "{} erreurs");
    CHECK(translate_plural("en", {}, one, many, 1) == "{} error");
    CHECK(translate_plural("en", {}, one, many, 3) == "{} errors");
    CHECK(translate_plural("nl", {}, "no such {}", "no such {}s", 3) == "no such {}s");
}

TEST_CASE("plg::tr") {
    {
        ScopedLanguage nl("nl");
        CHECK(current_language() == "nl");
        CHECK(tr("Added the goal {}", "goals/lezen.yaml") == "Doel goals/lezen.yaml toegevoegd");
        CHECK(trn("{} error", "{} errors", 2, 2) == "2 fouten");
        CHECK(trp("a meeting") == "een bijeenkomst");
        CHECK(tr("a message no catalog has: {}", 7) == "a message no catalog has: 7");
        CHECK(local_number(3.5) == "3,5");
        CHECK(local_decimal("12.25") == "12,25");
        CHECK(kind_noun(Kind::meeting) == "bijeenkomst");
        // The Dutch words for today and yesterday are dates too.
        Date today = *Date::parse_iso("2026-11-23");
        CHECK(parse_date_arg("vandaag", today) == today);
        CHECK(parse_date_arg("gisteren", today) == today.plus_days(-1));
        CHECK(parse_date_arg("today", today) == today);
        CHECK_FALSE(parse_date_arg("aujourdhui", today).has_value());
    }
    {
        ScopedLanguage fr("fr");
        CHECK(tr("{}: unknown member '{}'", "--owner", "brm") ==
              "--owner : membre inconnu « brm »");
        CHECK(local_number(72.26, 1) == "72,3");
        CHECK(trn("{} warning", "{} warnings", 0, 0) == "0 avertissement");
    }
    ScopedLanguage other("de");  // not spoken: English
    CHECK(current_language() == "en");
    CHECK(tr("Added the goal {}", "x") == "Added the goal x");
    CHECK(local_number(3.5) == "3.5");
    CHECK(local_number(-0.0001) == "0");
    CHECK(local_number(40.0) == "40");
}

TEST_CASE("plg::detail::format_translated falls back to the English on a bad translation") {
    // A catalog whose translation lost or broke a placeholder still gives a
    // message, in English, rather than an exception in the middle of a command.
    CHECK(detail::format_translated("{} van {}", "{} of {}", 1, 2) == "1 van 2");
    CHECK(detail::format_translated("{} van {} {}", "{} of {}", 1, 2) == "1 of 2");
    CHECK(detail::format_translated("{0} van {", "{} of {}", 1, 2) == "1 of 2");
    CHECK(detail::format_translated("{:d} keer", "{} times", std::string("x")) == "x times");
    CHECK(detail::format_translated("{1} van {0}", "{} of {}", 1, 2) == "2 van 1");
}

TEST_CASE("plg::default_framework") {
    auto en = default_framework("en");
    auto nl = default_framework("nl");
    auto fr = default_framework("fr");
    REQUIRE(en.size() == 8);
    REQUIRE(nl.size() == 8);
    REQUIRE(fr.size() == 8);
    for (size_t i = 0; i < en.size(); ++i) {
        CHECK(en[i].id == nl[i].id);  // ids are the same in every language
        CHECK(en[i].id == fr[i].id);
        CHECK(nl[i].name != en[i].name);  // every Dutch name is translated
    }
    CHECK(nl[4].name == "Samenwerking");
    CHECK(fr[0].name == "Vision et objectifs partagés");
    CHECK(default_framework("de")[0].name == "Shared vision and goals");
}
