#include "plg/report/markdown_writer.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>

#include "plg/base/i18n.hpp"
#include "plg/base/text.hpp"
#include "plg/base/utf8.hpp"
#include "plg/records/meeting.hpp"
#include "plg/report/report.hpp"

namespace plg {

namespace {

// The length of a web address starting at `i` ("https://..." up to a space,
// less the punctuation that ends a sentence), or 0. An address with a
// character an autolink cannot hold is left as text.
size_t url_at(std::string_view text, size_t i) {
    if (text.compare(i, 8, "https://") != 0 && text.compare(i, 7, "http://") != 0) {
        return 0;
    }
    size_t end = i;
    while (end < text.size() && !std::isspace(static_cast<unsigned char>(text[end]))) {
        if (std::string_view("<>|`\\").find(text[end]) != std::string_view::npos) {
            return 0;
        }
        ++end;
    }
    while (end > i &&
           std::string_view(".,;:!?)'\"").find(text[end - 1]) != std::string_view::npos) {
        --end;
    }
    return text.compare(i, end - i, "https://") == 0 || end - i <= 8 ? 0 : end - i;
}

}  // namespace

std::string markdown_inline(std::string_view text) {
    std::string out;
    bool space = false;
    for (size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
            space = !out.empty();
            continue;
        }
        if (space) {
            out += ' ';
            space = false;
        }
        // A web address as an autolink: a bare one is a lint error (MD034), and
        // its '_' and '*' must stay as they are.
        if (size_t n = (i == 0 || !std::isalnum(static_cast<unsigned char>(text[i - 1])))
                           ? url_at(text, i)
                           : 0) {
            out += "<" + std::string(text.substr(i, n)) + ">";
            i += n - 1;
            continue;
        }
        switch (c) {
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '&':
                out += "&amp;";
                break;
            case '|':
            case '\\':
            case '`':
            case '*':
            case '_':
            case '[':
            case ']':
            case '#':
            case '~':
            case '^':  // pandoc's superscript
            case '!':
            case '$':
            case '{':  // pandoc reads "{...}" after a heading as attributes
            case '}':
                out += '\\';
                out += c;
                break;
            default:
                out += c;
        }
    }
    // A leading "-", "+" or "1." would start a list; escape it.
    if (!out.empty() && (out[0] == '-' || out[0] == '+' || out[0] == '=')) {
        out.insert(0, "\\");
    }
    size_t digits = out.find_first_not_of("0123456789");
    if (digits > 0 && digits != std::string::npos && (out[digits] == '.' || out[digits] == ')')) {
        out.insert(digits, "\\");
    }
    return out;
}

std::string long_date(Date d, const Labels& l) {
    return fmt::format("{} {} {}", d.day(), l.months[d.month() - 1], d.year());
}

std::string short_date(Date d, const Labels& l) {
    return fmt::format("{} {}", d.day(), l.short_months[d.month() - 1]);
}

namespace {

// Groups the thousands of a number's integer part as the language has it.
// 12.345,5 in Dutch; French leaves four digits together, as its typography has it.
std::string grouped(std::string s, const Labels& l) {
    size_t start = s.starts_with('-') ? 1 : 0;
    size_t end = s.find_first_not_of("0123456789", start);
    end = end == std::string::npos ? s.size() : end;
    if (end - start > 4 || (end - start == 4 && l.code != "fr")) {
        for (size_t i = end; i > start + 3;) {
            i -= 3;
            s.insert(i, l.thousands);
        }
    }
    return s;
}

}  // namespace

std::string number(double v, const Labels& l, int decimals) {
    return grouped(local_number(l.code, v, decimals), l);
}

std::string fixed_number(double v, const Labels& l, int decimals) {
    std::string s = fmt::format("{:.{}f}", v, decimals);
    if (s.find_first_not_of("-0.") == std::string::npos && s.starts_with('-')) {
        s.erase(0, 1);
    }
    if (size_t dot = s.find('.'); dot != std::string::npos) {
        s.replace(dot, 1, l.decimal);
    }
    return grouped(s, l);
}

std::string percent(double v, const Labels& l) {
    return number(v, l, 0) + std::string(l.percent_sign);
}

std::string period_label(const std::string& period, const Labels& l) {
    // "2025-09" -> "sep 2025"; "2025-Q3" -> "Q3 2025"; "2025" stays.
    std::string year = period.substr(0, 4);
    if (period.size() == 4) {
        return year;
    }
    if (period.size() == 7 && period[5] == 'Q') {
        return fmt::format(fmt::runtime(l.quarter_of), period.substr(6), year);
    }
    int month = std::stoi(period.substr(5, 2));
    return std::string(l.short_months[size_t(month - 1)]) + " " + year;
}

namespace {

// True when `s` ends in 。，；：or ！ (three bytes in UTF-8 each).
bool ends_with_fullwidth_stop(const std::string& s) {
    for (std::string_view stop : {"\u3002", "\uFF0C", "\uFF1B", "\uFF1A", "\uFF01"}) {
        if (s.size() >= stop.size() && s.compare(s.size() - stop.size(), stop.size(), stop) == 0) {
            return true;
        }
    }
    return false;
}

// The display width of a cell's text and of its longest word, markup aside.
struct CellWidth {
    size_t all = 0;
    size_t word = 0;
};
CellWidth cell_width(std::string_view cell) {
    CellWidth w;
    size_t run = 0;
    for (size_t i = 0; i < cell.size();) {
        unsigned char c = static_cast<unsigned char>(cell[i]);
        size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        if (c == '\\' || c == '*') {
            i += 1;
            continue;
        }
        if (c == ' ') {
            run = 0;
        } else {
            w.word = std::max(w.word, ++run);
        }
        ++w.all;
        i += len;
    }
    return w;
}

}  // namespace

void MarkdownWriter::front_matter(const std::string& title, const std::string& subtitle,
                                  const std::string& date, std::string_view lang) {
    // JSON strings are YAML; pandoc reads the values as Markdown, which the
    // callers have escaped.
    m_out += "---\n";
    m_out += "title: " + nlohmann::json(title).dump() + "\n";
    if (!subtitle.empty()) {
        m_out += "subtitle: " + nlohmann::json(subtitle).dump() + "\n";
    }
    m_out += "date: " + nlohmann::json(date).dump() + "\n";
    m_out += "lang: " + nlohmann::json(std::string(lang)).dump() + "\n";
    // For pandoc's HTML and PDF (WeasyPrint): no word hyphenated inside a table
    // cell, and the whole page width when printed. Other formats ignore it.
    m_out +=
        "header-includes: |\n"
        "  ```{=html}\n"
        "  <style>table { hyphens: manual; } @media print { body { max-width: none; } }</style>\n"
        "  ```\n";
    m_out += "---\n";
    m_open = true;
}

void MarkdownWriter::heading(int level, std::string text) {
    block();
    const std::string whole = text;
    while (true) {
        if (!text.empty() && std::string_view(".,;:").find(text.back()) != std::string_view::npos) {
            text.pop_back();
        } else if (text.size() >= 2 && text.compare(text.size() - 2, 2, "\\!") == 0) {
            text.resize(text.size() - 2);
        } else if (ends_with_fullwidth_stop(text)) {
            text.resize(text.size() - 3);
        } else {
            break;
        }
    }
    if (text.empty()) {
        text = whole;
    }
    m_out += std::string(size_t(level), '#') + " " + text + "\n";
    m_open = true;
}

void MarkdownWriter::paragraph(const std::string& text) {
    block();
    m_out += text + "\n";
    m_open = true;
}

void MarkdownWriter::bullet(const std::string& text) {
    if (!m_in_list) {
        block();
    }
    m_out += "- " + text + "\n";
    m_in_list = true;
    m_open = true;
}

void MarkdownWriter::table(const std::vector<std::string>& header, const std::vector<bool>& right,
                           const std::vector<std::vector<std::string>>& rows) {
    block();
    const size_t n = header.size();
    std::vector<double> all(n, 0);
    std::vector<double> word(n, 0);
    size_t longest_line = 0;
    auto measure = [&](const std::vector<std::string>& row) {
        size_t line = 1;
        for (size_t i = 0; i < n && i < row.size(); ++i) {
            CellWidth w = cell_width(row[i]);
            all[i] = std::max(all[i], double(w.all));
            word[i] = std::max(word[i], double(w.word));
            line += w.all + 3;
        }
        longest_line = std::max(longest_line, line);
    };
    measure(header);
    for (const auto& row : rows) {
        measure(row);
    }
    // A table that fits a line keeps its natural widths. A wider one is
    // wrapped by converters (pandoc, when a line is longer than 72
    // characters), each column getting the share of the width its dashes
    // have. The shares are made for a narrow page, 64 characters: first each
    // column its longest word (and a little room), so that no word is broken;
    // then the short columns (dates, names, numbers) all they need, so that
    // they stay on one line; then the long ones the rest, by how much text
    // they hold. 100 dashes in all.
    std::vector<size_t> dashes(n, 3);
    if (longest_line > 72) {
        constexpr double k_page = 64;
        constexpr double k_short = 20;
        std::vector<double> share(n);
        double used = 0;
        for (size_t i = 0; i < n; ++i) {
            share[i] = word[i] + 2;
            used += share[i];
        }
        auto give = [&](auto wants) {
            double wanted = 0;
            for (size_t i = 0; i < n; ++i) {
                wanted += wants(i);
            }
            double room = std::max(0.0, k_page - used);
            double part = wanted > room ? room / wanted : 1;
            std::vector<double> add(n);
            for (size_t i = 0; i < n; ++i) {
                add[i] = wants(i) * part;
            }
            for (size_t i = 0; i < n; ++i) {
                share[i] += add[i];
                used += add[i];
            }
        };
        give(
            [&](size_t i) { return all[i] <= k_short ? std::max(0.0, all[i] + 2 - share[i]) : 0; });
        give([&](size_t i) { return all[i] > k_short ? std::max(0.0, all[i] + 2 - share[i]) : 0; });
        for (size_t i = 0; i < n; ++i) {
            dashes[i] = std::max<size_t>(3, size_t(std::lround(share[i] * 100 / used)));
        }
    } else {
        for (size_t i = 0; i < n; ++i) {
            dashes[i] = std::max<size_t>(3, size_t(all[i]));
        }
        // The separator must not be the line that makes the table wide.
        size_t sum = 1;
        for (size_t d : dashes) {
            sum += d + 3;
        }
        if (sum > 72) {
            std::fill(dashes.begin(), dashes.end(), 3);
        }
    }
    m_out += "| " + join(header, " | ") + " |\n|";
    for (size_t i = 0; i < n; ++i) {
        m_out += " " + std::string(dashes[i], '-') + (right[i] ? ":" : "") + " |";
    }
    m_out += "\n";
    for (const auto& row : rows) {
        m_out += "| " + join(row, " | ") + " |\n";
    }
    m_open = true;
}

void MarkdownWriter::code(std::string_view language, const std::string& text) {
    block();
    m_out += "```" + std::string(language) + "\n" + text + "```\n";
    m_open = true;
}

void MarkdownWriter::image(const std::string& name, const std::string& title, std::string svg) {
    std::string file = name + ".svg";
    paragraph("![" + markdown_inline(title) + "](" + m_chart_folder + "/" + file + ")");
    m_files.push_back({file, std::move(svg)});
}

void MarkdownWriter::chart(const LineChart& c) {
    switch (m_charts) {
        case ChartStyle::text:
            // Bars show one series; a chart of several has its table beside it.
            if (c.series.size() == 1) {
                code("text", text_chart(c, m_labels));
            }
            break;
        case ChartStyle::svg:
            image(c.name, c.title, svg_chart(c, m_labels));
            break;
        case ChartStyle::mermaid:
            code("mermaid", mermaid_chart(c, m_labels));
            break;
        case ChartStyle::none:
            break;
    }
}

void MarkdownWriter::chart(const StatusStrip& s) {
    // The status timeline is also a line of text beside it; only SVG adds a picture.
    if (m_charts == ChartStyle::svg) {
        image(s.name, s.title, svg_chart(s, m_labels));
    }
}

void MarkdownWriter::chart(const StatusBars& b) {
    // A table beside it has the counts; only SVG adds a picture.
    if (m_charts == ChartStyle::svg) {
        image(b.name, b.title, svg_chart(b, m_labels));
    }
}

void MarkdownWriter::chart(const StatusGrid& g) {
    // A table of status letters, which any Markdown viewer shows.
    std::vector<std::string> header = {std::string(m_labels.plg)};
    std::vector<bool> right = {false};
    for (const auto& label : g.labels) {
        header.push_back(label);
        right.push_back(false);
    }
    std::vector<std::vector<std::string>> rows;
    for (const auto& r : g.rows) {
        std::vector<std::string> row = {markdown_inline(r.name)};
        for (const auto& s : r.states) {
            row.push_back(s ? std::string(m_labels.status_letters[size_t(*s)])
                            : std::string(m_labels.none));
        }
        rows.push_back(std::move(row));
    }
    table(header, right, rows);
    paragraph(fmt::format(fmt::runtime(m_labels.timeline_legend), m_labels.status_letters[0],
                          m_labels.status_letters[1], m_labels.status_letters[2], m_labels.none));
}

void MarkdownWriter::quote(const std::string& text) {
    block();
    bool first = true;
    for (const auto& paragraph : text_paragraphs(text)) {
        if (!first) {
            m_out += ">\n";
        }
        first = false;
        std::vector<std::string> lines;
        for (const auto& line : joined_lines(paragraph)) {
            lines.push_back(markdown_inline(line));
        }
        // A list item typed on its own line stays on its own line: a hard
        // line break (a backslash) before it.
        m_out += "> " + join(lines, "\\\n> ") + "\n";
    }
    m_open = true;
}

std::string bold_label(std::string_view label, const Labels& l) {
    return "**" + std::string(label) + "**" + std::string(l.colon);
}

std::string member_label(const Community& c, const std::string& id) {
    const Member* m = c.find_member(id);
    return markdown_inline(m ? m->name : id);
}

std::string focus_label(std::string_view value, const Labels& l) {
    auto at = std::find(k_focus_values.begin(), k_focus_values.end(), value);
    return at == k_focus_values.end()
               ? markdown_inline(value)
               : std::string(l.focus_names[size_t(at - k_focus_values.begin())]);
}

std::string focus_labels(const std::vector<std::string>& focus, const Labels& l) {
    std::vector<std::string> names;
    for (const auto& f : focus) {
        names.push_back(focus_label(f, l));
    }
    return join(names, "; ");
}

std::string role_label(std::string_view key, const Labels& l, bool capital) {
    std::string out;
    if (key == "note_taker" || key == "notetaker") {
        out = std::string(l.role_note_taker);
    } else if (key == "timekeeper" || key == "time_keeper") {
        out = std::string(l.role_timekeeper);
    } else {
        out = std::string(key);
        std::replace(out.begin(), out.end(), '_', ' ');
    }
    if (capital && !out.empty() && out[0] >= 'a' && out[0] <= 'z') {
        out[0] = char(out[0] - 'a' + 'A');
    }
    return markdown_inline(out);
}

std::vector<std::string> joined_lines(const std::vector<std::string>& paragraph) {
    auto starts_item = [](std::string_view line) {
        size_t i = line.find_first_not_of(' ');
        line.remove_prefix(i == std::string_view::npos ? line.size() : i);
        if (line.starts_with("- ") || line.starts_with("* ") || line.starts_with("\u2022 ")) {
            return true;
        }
        size_t digits = line.find_first_not_of("0123456789");
        return digits > 0 && digits != std::string_view::npos && digits + 1 < line.size() &&
               (line[digits] == '.' || line[digits] == ')') && line[digits + 1] == ' ';
    };
    std::vector<std::string> out;
    for (const auto& line : paragraph) {
        if (out.empty() || starts_item(line)) {
            out.push_back(line);
        } else {
            out.back() += " " + line;
        }
    }
    return out;
}

std::vector<std::vector<std::string>> text_paragraphs(std::string_view text) {
    std::vector<std::vector<std::string>> out;
    bool fresh = true;
    for (const auto& line : split_lines(text)) {
        if (line.find_first_not_of(" \t\r") == std::string::npos) {
            fresh = true;
            continue;
        }
        if (fresh) {
            out.emplace_back();
            fresh = false;
        }
        out.back().push_back(line);
    }
    return out;
}

}  // namespace plg
