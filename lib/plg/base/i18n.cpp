#include "plg/base/i18n.hpp"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <span>
#include <utility>

#include "plg/base/catalogs.hpp"

namespace plg {

namespace {

using Entry = std::pair<std::string_view, std::string_view>;  // key, translation

// One compiled catalog (a GNU .mo file), read in place.
struct Catalog {
    std::string_view code;
    std::vector<Entry> entries;  // sorted by key
    std::string_view plural = "n != 1";
};

std::uint32_t word(std::string_view mo, std::size_t at, bool swap) {
    if (at + 4 > mo.size()) {
        return 0;
    }
    std::uint32_t v = 0;
    std::memcpy(&v, mo.data() + at, 4);
    if (swap) {
        v = (v >> 24) | ((v >> 8) & 0xff00U) | ((v << 8) & 0xff0000U) | (v << 24);
    }
    return v;
}

// The string the table at `table` gives as entry `i`, or nullopt when the
// file is cut short (a catalog built by msgfmt never is).
std::optional<std::string_view> mo_string(std::string_view mo, std::uint32_t table, std::uint32_t i,
                                          bool swap) {
    std::uint64_t at = std::uint64_t(table) + 8ULL * i;
    std::uint32_t length = word(mo, at, swap);
    std::uint32_t offset = word(mo, at + 4, swap);
    if (at + 8 > mo.size() || std::uint64_t(offset) + length > mo.size()) {
        return std::nullopt;
    }
    return mo.substr(offset, length);
}

// Returns the expression after "plural=" in a catalog header.
std::string_view header_plural(std::string_view header) {
    std::size_t at = header.find("Plural-Forms:");
    if (at == std::string_view::npos) {
        return "n != 1";
    }
    std::string_view line = header.substr(at);
    line = line.substr(0, line.find('\n'));
    std::size_t p = line.find("plural=");
    if (p == std::string_view::npos) {
        return "n != 1";
    }
    line = line.substr(p + 7);
    line = line.substr(0, line.find(';'));
    return line;
}

Catalog read_catalog(std::string_view code, std::string_view mo) {
    Catalog c;
    c.code = code;
    const std::uint32_t k_magic = 0x950412de;
    bool swap = word(mo, 0, false) != k_magic;
    if (word(mo, 0, swap) != k_magic) {
        return c;
    }
    std::uint32_t n = word(mo, 8, swap);
    std::uint32_t originals = word(mo, 12, swap);
    std::uint32_t translations = word(mo, 16, swap);
    c.entries.reserve(n);
    for (std::uint32_t i = 0; i < n; ++i) {
        auto key = mo_string(mo, originals, i, swap);
        auto value = mo_string(mo, translations, i, swap);
        if (!key || !value) {
            break;
        }
        std::string_view k = key->substr(0, key->find('\0'));  // the singular of a plural
        if (k.empty()) {
            c.plural = header_plural(*value);
            continue;
        }
        c.entries.emplace_back(k, *value);
    }
    std::sort(c.entries.begin(), c.entries.end());
    return c;
}

const std::vector<Catalog>& catalogs() {
    static const std::vector<Catalog> all = [] {
        std::vector<Catalog> v;
        for (const auto& built_in : detail::built_in_catalogs()) {
            v.push_back(read_catalog(built_in.code, built_in.mo));
        }
        std::sort(v.begin(), v.end(),
                  [](const Catalog& a, const Catalog& b) { return a.code < b.code; });
        return v;
    }();
    return all;
}

const Catalog* catalog_for(std::string_view code) {
    for (const auto& c : catalogs()) {
        if (c.code == code) {
            return &c;
        }
    }
    return nullptr;
}

// The translation of `msgid` in `context`, all plural forms NUL-separated, or nullopt.
std::optional<std::string_view> lookup(std::string_view language, std::string_view context,
                                       std::string_view msgid) {
    const Catalog* c = catalog_for(language);
    if (c == nullptr || msgid.empty()) {
        return std::nullopt;
    }
    std::string key;
    if (!context.empty()) {
        key.reserve(context.size() + 1 + msgid.size());
        key.append(context).push_back('\x04');
        key.append(msgid);
        msgid = key;
    }
    auto it = std::lower_bound(c->entries.begin(), c->entries.end(), msgid,
                               [](const Entry& e, std::string_view k) { return e.first < k; });
    if (it == c->entries.end() || it->first != msgid || it->second.empty()) {
        return std::nullopt;
    }
    return it->second;
}

std::atomic<const std::string*> g_language{nullptr};

const std::string& english() {
    static const std::string en = "en";
    return en;
}

// A C expression over n, as Plural-Forms writes them: ?: || && == != < > <= >=
// + - * / % ! and parentheses. Any other character makes it invalid.
class PluralParser {
  public:
    PluralParser(std::string_view text, unsigned long n) : m_text(text), m_n(n) {}

    std::optional<unsigned long> parse() {
        unsigned long v = conditional();
        skip();
        if (!m_ok || m_at != m_text.size()) {
            return std::nullopt;
        }
        return v;
    }

  private:
    void skip() {
        while (m_at < m_text.size() && (m_text[m_at] == ' ' || m_text[m_at] == '\t')) {
            ++m_at;
        }
    }
    bool take(std::string_view op) {
        skip();
        if (m_text.substr(m_at, op.size()) == op) {
            // "<" is not the start of "<=", nor "=" of "==" here: callers try longer first.
            m_at += op.size();
            return true;
        }
        return false;
    }
    bool peek(std::string_view op) {
        skip();
        return m_text.substr(m_at, op.size()) == op;
    }
    unsigned long conditional() {
        unsigned long c = logical_or();
        if (take("?")) {
            unsigned long a = conditional();
            if (!take(":")) {
                m_ok = false;
                return 0;
            }
            unsigned long b = conditional();
            return c != 0 ? a : b;
        }
        return c;
    }
    unsigned long logical_or() {
        unsigned long v = logical_and();
        while (take("||")) {
            unsigned long r = logical_and();
            v = (v != 0 || r != 0) ? 1 : 0;
        }
        return v;
    }
    unsigned long logical_and() {
        unsigned long v = equality();
        while (take("&&")) {
            unsigned long r = equality();
            v = (v != 0 && r != 0) ? 1 : 0;
        }
        return v;
    }
    unsigned long equality() {
        unsigned long v = relation();
        while (true) {
            if (take("==")) {
                v = v == relation() ? 1 : 0;
            } else if (take("!=")) {
                v = v != relation() ? 1 : 0;
            } else {
                return v;
            }
        }
    }
    unsigned long relation() {
        unsigned long v = additive();
        while (true) {
            if (take("<=")) {
                v = v <= additive() ? 1 : 0;
            } else if (take(">=")) {
                v = v >= additive() ? 1 : 0;
            } else if (take("<")) {
                v = v < additive() ? 1 : 0;
            } else if (take(">")) {
                v = v > additive() ? 1 : 0;
            } else {
                return v;
            }
        }
    }
    unsigned long additive() {
        unsigned long v = multiplicative();
        while (true) {
            if (take("+")) {
                v += multiplicative();
            } else if (take("-")) {
                v -= multiplicative();
            } else {
                return v;
            }
        }
    }
    unsigned long multiplicative() {
        unsigned long v = unary();
        while (true) {
            if (take("*")) {
                v *= unary();
            } else if (take("/")) {
                unsigned long d = unary();
                v = d == 0 ? 0 : v / d;
            } else if (take("%")) {
                unsigned long d = unary();
                v = d == 0 ? 0 : v % d;
            } else {
                return v;
            }
        }
    }
    unsigned long unary() {
        if (peek("!=")) {
            m_ok = false;
            return 0;
        }
        if (take("!")) {
            return unary() == 0 ? 1 : 0;
        }
        return primary();
    }
    unsigned long primary() {
        skip();
        if (++m_depth > 64) {  // a hostile header cannot recurse without end
            m_ok = false;
            return 0;
        }
        unsigned long v = 0;
        if (take("(")) {
            v = conditional();
            if (!take(")")) {
                m_ok = false;
            }
        } else if (take("n")) {
            v = m_n;
        } else if (m_at < m_text.size() && m_text[m_at] >= '0' && m_text[m_at] <= '9') {
            while (m_at < m_text.size() && m_text[m_at] >= '0' && m_text[m_at] <= '9') {
                v = v * 10 + static_cast<unsigned long>(m_text[m_at] - '0');
                ++m_at;
            }
        } else {
            m_ok = false;
        }
        --m_depth;
        return v;
    }

    std::string_view m_text;
    unsigned long m_n;
    std::size_t m_at = 0;
    int m_depth = 0;
    bool m_ok = true;
};

}  // namespace

void set_language(std::string_view code) {
    static const std::vector<std::string>& known = languages();
    auto it = std::find(known.begin(), known.end(), code);
    g_language.store(it == known.end() ? &english() : &*it, std::memory_order_release);
}

std::string_view current_language() {
    const std::string* l = g_language.load(std::memory_order_acquire);
    return l == nullptr ? english() : *l;
}

const std::vector<std::string>& languages() {
    static const std::vector<std::string> all = [] {
        std::vector<std::string> v{"en"};
        for (const auto& c : catalogs()) {
            if (c.code != "en") {
                v.emplace_back(c.code);
            }
        }
        return v;
    }();
    return all;
}

bool has_language(std::string_view code) {
    const auto& all = languages();
    return std::find(all.begin(), all.end(), code) != all.end();
}

std::string language_for_locale(std::string_view locale) {
    locale = locale.substr(0, locale.find_first_of(".@"));
    if (locale.empty() || locale == "C" || locale == "POSIX") {
        return "en";
    }
    std::string tag(locale);
    std::replace(tag.begin(), tag.end(), '-', '_');
    if (has_language(tag)) {
        return tag;
    }
    std::string base = tag.substr(0, tag.find('_'));
    std::transform(base.begin(), base.end(), base.begin(),
                   [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
    return has_language(base) ? base : "";
}

std::string language_from_environment() {
    std::string locale;
    for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        if (const char* v = std::getenv(name); v != nullptr && *v != '\0') {
            locale = v;
            break;
        }
    }
    std::string chosen = language_for_locale(locale);
    // Like gettext, LANGUAGE counts only when the locale is not C.
    if (const char* list = std::getenv("LANGUAGE");
        list != nullptr && *list != '\0' && chosen != "en") {
        std::string_view rest = list;
        while (!rest.empty()) {
            std::string_view one = rest.substr(0, rest.find(':'));
            rest = one.size() < rest.size() ? rest.substr(one.size() + 1) : std::string_view{};
            if (std::string l = language_for_locale(one); !l.empty()) {
                return l;
            }
        }
    }
    return chosen.empty() ? "en" : chosen;
}

std::string_view translate(std::string_view language, std::string_view context,
                           std::string_view msgid) {
    auto found = lookup(language, context, msgid);
    if (!found) {
        return msgid;
    }
    return found->substr(0, found->find('\0'));
}

std::string_view translate_plural(std::string_view language, std::string_view context,
                                  std::string_view singular, std::string_view plural,
                                  unsigned long n) {
    auto found = lookup(language, context, singular);
    if (!found) {
        return n == 1 ? singular : plural;
    }
    std::optional<unsigned long> index = plural_index(plural_expression(language), n);
    std::string_view forms = *found;
    for (unsigned long i = 0; i < index.value_or(n == 1 ? 0 : 1); ++i) {
        std::size_t nul = forms.find('\0');
        if (nul == std::string_view::npos) {
            return n == 1 ? singular : plural;  // fewer forms than the header promises
        }
        forms = forms.substr(nul + 1);
    }
    forms = forms.substr(0, forms.find('\0'));
    return forms.empty() ? (n == 1 ? singular : plural) : forms;
}

std::optional<unsigned long> plural_index(std::string_view expression, unsigned long n) {
    return PluralParser(expression, n).parse();
}

std::string_view plural_expression(std::string_view language) {
    const Catalog* c = catalog_for(language);
    return c == nullptr ? "n != 1" : c->plural;
}

namespace detail {

std::string format_translated(std::string_view translated, std::string_view original,
                              fmt::format_args args) {
    try {
        return fmt::vformat(translated, args);
    } catch (const fmt::format_error&) {
        return fmt::vformat(original, args);
    }
}

}  // namespace detail

std::string local_decimal(std::string number) {
    if (std::size_t dot = number.find('.'); dot != std::string::npos) {
        number.replace(dot, 1, translate(current_language(), "decimal separator", "."));
    }
    return number;
}

std::string kind_noun(Kind kind) {
    switch (kind) {
        case Kind::community:
            return tr("PLG");
        case Kind::meeting:
            return tr("meeting");
        case Kind::goal:
            return tr("goal");
        case Kind::reflection:
            return tr("reflection");
    }
    return tr("record");
}

std::string local_number(double value, int decimals) {
    return local_number(current_language(), value, decimals);
}

std::string local_number(std::string_view language, double value, int decimals) {
    std::string s = fmt::format("{:.{}f}", value, decimals);
    if (s.find('.') != std::string::npos) {
        s.erase(s.find_last_not_of('0') + 1);
        if (s.back() == '.') {
            s.pop_back();
        }
    }
    if (s == "-0") {
        s = "0";
    }
    if (std::size_t dot = s.find('.'); dot != std::string::npos) {
        // TRANSLATORS: the decimal separator of your language: "," for 3,5.
        s.replace(dot, 1, translate(language, "decimal separator", "."));
    }
    return s;
}

}  // namespace plg
