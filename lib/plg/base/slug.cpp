#include "plg/base/slug.hpp"

#include <cstdint>

namespace plg {

namespace {

// Decodes one UTF-8 sequence at `i`; returns the code point (or 0xFFFD for a
// malformed byte) and advances `i`.
char32_t next_code_point(std::string_view s, size_t& i) {
    auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
    unsigned char c = byte(i);
    int length = c < 0x80           ? 1
                 : (c >> 5) == 0x6  ? 2
                 : (c >> 4) == 0xE  ? 3
                 : (c >> 3) == 0x1E ? 4
                                    : 0;
    if (length == 0 || i + size_t(length) > s.size()) {
        ++i;
        return 0xFFFD;
    }
    char32_t cp = length == 1 ? c : c & (0xFF >> (length + 1));
    for (int k = 1; k < length; ++k) {
        unsigned char cc = byte(i + size_t(k));
        if ((cc >> 6) != 0x2) {
            ++i;
            return 0xFFFD;
        }
        cp = (cp << 6) | (cc & 0x3F);
    }
    i += size_t(length);
    return cp;
}

// ASCII spelling of the Latin-1 Supplement and Latin Extended-A letters, the
// accents Dutch, German, French, Scandinavian and Central European names use.
std::string_view fold_latin(char32_t cp) {
    static constexpr std::string_view latin1[] = {
        "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",   // C0-CF
        "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "ss",  // D0-DF
        "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",   // E0-EF
        "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "y",   // F0-FF
    };
    static constexpr std::string_view extended_a[] = {
        "a", "a", "a",  "a",  "a", "a", "c", "c", "c", "c", "c", "c", "c", "c", "d", "d",  // 100
        "d", "d", "e",  "e",  "e", "e", "e", "e", "e", "e", "e", "e", "g", "g", "g", "g",  // 110
        "g", "g", "g",  "g",  "h", "h", "h", "h", "i", "i", "i", "i", "i", "i", "i", "i",  // 120
        "i", "i", "ij", "ij", "j", "j", "k", "k", "k", "l", "l", "l", "l", "l", "l", "l",  // 130
        "l", "l", "l",  "n",  "n", "n", "n", "n", "n", "n", "n", "n", "o", "o", "o", "o",  // 140
        "o", "o", "oe", "oe", "r", "r", "r", "r", "r", "r", "s", "s", "s", "s", "s", "s",  // 150
        "s", "s", "t",  "t",  "t", "t", "t", "t", "u", "u", "u", "u", "u", "u", "u", "u",  // 160
        "u", "u", "u",  "u",  "w", "w", "y", "y", "y", "z", "z", "z", "z", "z", "z", "s",  // 170
    };
    if (cp >= 0xC0 && cp <= 0xFF) {
        return latin1[cp - 0xC0];
    }
    if (cp >= 0x100 && cp <= 0x17F) {
        return extended_a[cp - 0x100];
    }
    return {};
}

}  // namespace

std::string slugify(std::string_view text, size_t max_length) {
    std::string out;
    bool pending_dash = false;
    auto append = [&](std::string_view piece) {
        if (pending_dash && !out.empty()) {
            out += '-';
        }
        pending_dash = false;
        out += piece;
    };
    for (size_t i = 0; i < text.size() && out.size() <= max_length * 2;) {
        char32_t cp = next_code_point(text, i);
        if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) {
            append(std::string(1, char(cp)));
        } else if (cp >= 'A' && cp <= 'Z') {
            append(std::string(1, char(cp - 'A' + 'a')));
        } else if (auto folded = fold_latin(cp); !folded.empty()) {
            append(folded);
        } else if (cp == '\'' || cp == 0x2019) {
            // "Anna's" -> "annas": an apostrophe joins, it does not separate.
        } else {
            pending_dash = true;
        }
    }
    if (out.size() > max_length) {
        size_t cut = out.rfind('-', max_length);
        out.resize(cut != std::string::npos && cut >= max_length / 2 ? cut : max_length);
        while (!out.empty() && out.back() == '-') {
            out.pop_back();
        }
    }
    return out;
}

bool is_member_id(std::string_view id) {
    if (id.empty() || id.size() > 32 || id[0] < 'a' || id[0] > 'z') {
        return false;
    }
    for (char c : id) {
        bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
        if (!ok) {
            return false;
        }
    }
    return true;
}

bool is_record_id(std::string_view id) {
    if (id.empty() || id.size() > 100 || id[0] == '-') {
        return false;
    }
    for (char c : id) {
        bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
        if (!ok) {
            return false;
        }
    }
    return true;
}

}  // namespace plg
