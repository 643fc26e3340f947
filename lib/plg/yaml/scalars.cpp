#include "plg/yaml/scalars.hpp"
#include "plg/base/i18n.hpp"

#include <algorithm>

namespace plg::yaml::detail {

namespace {

bool is_space_or_tab(char c) {
    return c == ' ' || c == '\t';
}

// True when a line break ("\n" or "\r\n") starts at `i`.
bool is_break(std::string_view t, size_t i) {
    return i < t.size() && (t[i] == '\n' || (t[i] == '\r' && i + 1 < t.size() && t[i + 1] == '\n'));
}

size_t skip_break(std::string_view t, size_t i) {
    return i + (t[i] == '\r' ? 2 : 1);
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += char(cp);
    } else if (cp < 0x800) {
        out += char(0xC0 | (cp >> 6));
        out += char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += char(0xE0 | (cp >> 12));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    } else {
        out += char(0xF0 | (cp >> 18));
        out += char(0x80 | ((cp >> 12) & 0x3F));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    }
}

Scalar fail(size_t at, std::string message) {
    Scalar s;
    s.problem_at = at;
    s.problem = std::move(message);
    return s;
}

bool document_marker_at(std::string_view t, size_t i) {
    if (i + 3 > t.size() || (t.compare(i, 3, "---") != 0 && t.compare(i, 3, "...") != 0)) {
        return false;
    }
    return i + 3 == t.size() || is_space_or_tab(t[i + 3]) || is_break(t, i + 3);
}

}  // namespace

Scalar read_quoted(std::string_view t, size_t at) {
    const char quote = t[at];
    const bool single = quote == '\'';
    std::string out;
    size_t i = at + 1;
    while (true) {
        if (i >= t.size()) {
            return fail(at, single ? tr("this single-quoted text is never closed; add the "
                                        "closing ' where the text ends")
                                   : tr("this double-quoted text is never closed; add the "
                                        "closing \" where the text ends"));
        }
        if ((i == 0 || t[i - 1] == '\n') && document_marker_at(t, i)) {
            return fail(i, tr("a line starting with '---' or '...' inside quoted text ends "
                              "the document; indent that line"));
        }
        bool leading_blanks = false;
        // The characters up to the next blank or line break.
        while (i < t.size() && !is_space_or_tab(t[i]) && !is_break(t, i)) {
            char c = t[i];
            if (single && c == '\'' && i + 1 < t.size() && t[i + 1] == '\'') {
                out += '\'';
                i += 2;
            } else if (c == quote) {
                break;
            } else if (!single && c == '\\' && is_break(t, i + 1)) {
                i = skip_break(t, i + 1);
                leading_blanks = true;
                break;
            } else if (!single && c == '\\') {
                if (i + 1 >= t.size()) {
                    return fail(i,
                                tr("this double-quoted text is never closed; add the closing \""));
                }
                char e = t[i + 1];
                int digits = 0;
                switch (e) {
                    case '0':
                        out += '\0';
                        break;
                    case 'a':
                        out += '\a';
                        break;
                    case 'b':
                        out += '\b';
                        break;
                    case 't':
                    case '\t':
                        out += '\t';
                        break;
                    case 'n':
                        out += '\n';
                        break;
                    case 'v':
                        out += '\v';
                        break;
                    case 'f':
                        out += '\f';
                        break;
                    case 'r':
                        out += '\r';
                        break;
                    case 'e':
                        out += '\x1B';
                        break;
                    case ' ':
                        out += ' ';
                        break;
                    case '"':
                        out += '"';
                        break;
                    case '/':
                        out += '/';
                        break;
                    case '\\':
                        out += '\\';
                        break;
                    case 'N':
                        append_utf8(out, 0x85);
                        break;
                    case '_':
                        append_utf8(out, 0xA0);
                        break;
                    case 'L':
                        append_utf8(out, 0x2028);
                        break;
                    case 'P':
                        append_utf8(out, 0x2029);
                        break;
                    case 'x':
                        digits = 2;
                        break;
                    case 'u':
                        digits = 4;
                        break;
                    case 'U':
                        digits = 8;
                        break;
                    default:
                        return fail(i, tr("'\\{}' is not an escape YAML knows; write '\\\\' "
                                          "for a backslash, or use single quotes",
                                          e));
                }
                i += 2;
                if (digits > 0) {
                    char32_t cp = 0;
                    for (int k = 0; k < digits; ++k, ++i) {
                        char h = i < t.size() ? t[i] : '\0';
                        int v = h >= '0' && h <= '9'   ? h - '0'
                                : h >= 'a' && h <= 'f' ? h - 'a' + 10
                                : h >= 'A' && h <= 'F' ? h - 'A' + 10
                                                       : -1;
                        if (v < 0) {
                            return fail(
                                i, tr("the escape '\\{}' needs {} hexadecimal digits", e, digits));
                        }
                        cp = cp * 16 + char32_t(v);
                    }
                    if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
                        return fail(i - size_t(digits) - 2,
                                    tr("this escape names no Unicode character; remove it"));
                    }
                    append_utf8(out, cp);
                }
            } else {
                out += c;
                ++i;
            }
        }
        if (i < t.size() && t[i] == quote && !(single && i + 1 < t.size() && t[i + 1] == '\'')) {
            Scalar s;
            s.value = std::move(out);
            s.end = i + 1;
            return s;
        }
        // Blanks and line breaks: kept inside a line, folded across lines.
        std::string whitespace;
        std::string leading_break;
        std::string trailing_breaks;
        while (i < t.size() && (is_space_or_tab(t[i]) || is_break(t, i))) {
            if (is_space_or_tab(t[i])) {
                if (!leading_blanks) {
                    whitespace += t[i];
                }
                ++i;
            } else {
                if (!leading_blanks) {
                    whitespace.clear();
                    leading_break = "\n";
                    leading_blanks = true;
                } else {
                    trailing_breaks += '\n';
                }
                i = skip_break(t, i);
                if (document_marker_at(t, i)) {
                    return fail(i, tr("a line starting with '---' or '...' inside quoted text "
                                      "ends the document; indent that line"));
                }
            }
        }
        if (leading_blanks) {
            if (leading_break == "\n") {
                out += trailing_breaks.empty() ? " " : trailing_breaks;
            } else {
                out += leading_break + trailing_breaks;
            }
        } else {
            out += whitespace;
        }
    }
}

char block_chomping(std::string_view t, size_t at) {
    for (size_t i = at + 1; i < t.size() && i < at + 3; ++i) {
        if (t[i] == '+' || t[i] == '-') {
            return t[i];
        }
    }
    return ' ';
}

Scalar read_block(std::string_view t, size_t at, int parent_indent) {
    const bool literal = t[at] == '|';
    size_t i = at + 1;
    int chomp = 0;  // -1 strip, 0 clip, +1 keep
    int increment = 0;
    for (int k = 0; k < 2 && i < t.size(); ++k) {
        if ((t[i] == '+' || t[i] == '-') && chomp == 0) {
            chomp = t[i] == '+' ? 1 : -1;
            ++i;
        } else if (t[i] >= '1' && t[i] <= '9' && increment == 0) {
            increment = t[i] - '0';
            ++i;
        } else if (t[i] == '0') {
            return fail(i, tr("a block's indentation indicator is 1 to 9, not 0"));
        }
    }
    bool blank_before = false;
    while (i < t.size() && is_space_or_tab(t[i])) {
        blank_before = true;
        ++i;
    }
    if (i < t.size() && t[i] == '#' && blank_before) {
        while (i < t.size() && !is_break(t, i)) {
            ++i;
        }
    }
    if (i < t.size() && !is_break(t, i)) {
        return fail(i, tr("after '|' or '>' only '+', '-', a digit and a comment may follow "
                          "on the line; start the text on the next line"));
    }
    Scalar s;
    s.end = i;
    if (i >= t.size()) {
        return s;  // nothing after the header
    }
    i = skip_break(t, i);
    size_t last_break_end = i;
    const int parent = std::max(parent_indent, -1);
    int indent = increment ? std::max(parent, 0) + increment : 0;

    std::string trailing;
    // Skips the indentation and the empty lines that follow a line break, as
    // libyaml does; returns false with a problem for a tab in the indentation.
    int column = 0;
    auto breaks = [&](int& max_indent) -> bool {
        max_indent = 0;
        while (true) {
            column = 0;
            while ((indent == 0 || column < indent) && i < t.size() && t[i] == ' ') {
                ++i;
                ++column;
            }
            max_indent = std::max(max_indent, column);
            if ((indent == 0 || column < indent) && i < t.size() && t[i] == '\t') {
                s = fail(i, tr("a tab in a block's indentation; indent the text with spaces "
                               "only"));
                return false;
            }
            if (!is_break(t, i)) {
                return true;
            }
            trailing += '\n';
            i = skip_break(t, i);
            last_break_end = i;
        }
    };
    int max_indent = 0;
    if (!breaks(max_indent)) {
        return s;
    }
    if (indent == 0) {
        indent = std::max({max_indent, parent + 1, 1});
        if (column < indent && i < t.size() && trailing.size() > 0 && !is_break(t, i) &&
            column > parent) {
            return fail(i, tr("an empty line at the start of this block has more spaces than "
                              "its first line of text; remove those spaces, or give the "
                              "indentation with a digit after '|' or '>'"));
        }
    }
    std::string out;
    std::string leading_break;
    bool leading_blank = false;
    size_t content_end = s.end;
    while (column == indent && i < t.size()) {
        bool trailing_blank = is_space_or_tab(t[i]);
        if (!literal && leading_break == "\n" && !leading_blank && !trailing_blank) {
            if (trailing.empty()) {
                out += ' ';
            }
        } else {
            out += leading_break;
        }
        leading_break.clear();
        out += trailing;
        trailing.clear();
        leading_blank = trailing_blank;
        while (i < t.size() && !is_break(t, i)) {
            out += t[i++];
        }
        content_end = i;
        if (i >= t.size()) {
            break;
        }
        leading_break = "\n";
        i = skip_break(t, i);
        last_break_end = i;
        if (!breaks(max_indent)) {
            return s;
        }
    }
    if (chomp != -1) {
        out += leading_break;
    }
    s.end = content_end;
    if (chomp == 1) {
        out += trailing;
        if (!trailing.empty()) {
            s.end = last_break_end - 1;  // the '\n' of the last line the value keeps
        }
    }
    s.value = std::move(out);
    return s;
}

}  // namespace plg::yaml::detail
