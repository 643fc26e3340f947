#include "plg/report/html_writer.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "plg/base/text.hpp"
#include "plg/base/utf8.hpp"
#include "plg/report/markdown_writer.hpp"

namespace plg {

namespace {

// Screen and print in one stylesheet. System fonts only: nothing is fetched.
constexpr std::string_view k_style =
    R"(:root{--ink:#1a1a1a;--muted:#555;--rule:#d0d7de;--accent:#1f4e79;--band:#f1f4f7}
html{font-family:"DejaVu Sans","Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:var(--ink);background:#fff}
body{margin:0 auto;max-width:58rem;padding:2rem 1.5rem 4rem;line-height:1.5;font-size:16px}
header{border-bottom:3px solid var(--accent);margin-bottom:1.5rem}
h1{font-size:1.9rem;line-height:1.25;margin:0 0 .3rem;color:var(--accent)}
.subtitle{color:var(--muted);margin:0 0 1rem}
h2{font-size:1.35rem;margin:2.2rem 0 .6rem;padding-bottom:.2rem;border-bottom:1px solid var(--rule);color:var(--accent)}
h3{font-size:1.1rem;margin:1.6rem 0 .4rem}
h4{font-size:1rem;margin:1.2rem 0 .3rem}
p,li{overflow-wrap:break-word}
ul{padding-left:1.3rem}
li{margin:.15rem 0}
.wide{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:.92rem;margin:.6rem 0 1rem}
th,td{text-align:left;vertical-align:top;padding:.35rem .6rem;border-bottom:1px solid var(--rule);overflow-wrap:break-word}
th{background:var(--band);font-weight:600}
.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.short{white-space:nowrap}
figure{margin:1rem 0 1.4rem}
figure svg{display:block;max-width:100%;height:auto}
blockquote{margin:.5rem 0 1rem;padding:.3rem 1rem;border-left:4px solid var(--rule);background:#fafbfc;color:#2a2a2a}
blockquote p{margin:.3rem 0}
pre{background:var(--band);padding:.75rem;overflow-x:auto;font-size:.85rem;line-height:1.3}
a{color:var(--accent)}
@page{size:A4;margin:16mm 14mm 18mm}
@media print{body{max-width:none;padding:0;font-size:10.5pt}h1{font-size:18pt}h2{font-size:14pt}h3{font-size:12pt}h3,h4{break-after:avoid}figure,tr,blockquote,li{break-inside:avoid}.wide{overflow:visible}thead{display:table-header-group}a{color:inherit;text-decoration:none}}
)";
constexpr std::string_view k_landscape =
    R"(body{max-width:92rem}table{font-size:.84rem}th,td{padding:.3rem .45rem}
@page{size:A4 landscape;margin:12mm 12mm 14mm}
@media print{body{font-size:9.5pt}table{font-size:8.5pt}}
)";

std::string escape(std::string_view s) {
    return xml_escape(s);
}

// The text of inline markup, its escapes and bold marks left out.
std::string text_of_markup(std::string_view m) {
    std::string out;
    for (size_t i = 0; i < m.size(); ++i) {
        if (m[i] == '\\' && i + 1 < m.size()) {
            out += m[++i];
        } else if (m[i] != '*') {
            out += m[i];
        }
    }
    return out;
}

}  // namespace

std::string html_inline(std::string_view m) {
    std::string out;
    bool bold = false;
    for (size_t i = 0; i < m.size(); ++i) {
        char c = m[i];
        if (c == '\\' && i + 1 < m.size()) {
            out += escape(m.substr(++i, 1));
        } else if (c == '*' && i + 1 < m.size() && m[i + 1] == '*') {
            out += bold ? "</strong>" : "<strong>";
            bold = !bold;
            ++i;
        } else if (c == '&') {
            // markdown_inline's own entities stay; any other '&' is text.
            bool entity = false;
            for (std::string_view e : {"&lt;", "&gt;", "&amp;"}) {
                if (m.compare(i, e.size(), e) == 0) {
                    out += e;
                    i += e.size() - 1;
                    entity = true;
                    break;
                }
            }
            if (!entity) {
                out += "&amp;";
            }
        } else if (c == '<' &&
                   (m.compare(i, 9, "<https://") == 0 || m.compare(i, 8, "<http://") == 0) &&
                   m.find('>', i) != std::string_view::npos) {
            size_t end = m.find('>', i);
            std::string url = escape(m.substr(i + 1, end - i - 1));
            out += "<a href=\"" + url + "\">" + url + "</a>";
            i = end;
        } else {
            out += escape(m.substr(i, 1));
        }
    }
    if (bold) {
        out += "</strong>";
    }
    return out;
}

HtmlWriter::HtmlWriter(const Labels& labels, HtmlPage page)
    : m_labels(labels), m_page(std::move(page)) {}

void HtmlWriter::figure(const std::string& svg) {
    close_list();
    m_out += "<figure>\n" + svg + "</figure>\n";
}

void HtmlWriter::close_list() {
    if (m_in_list) {
        m_out += "</ul>\n";
        m_in_list = false;
    }
}

void HtmlWriter::close_section() {
    close_list();
    if (m_in_section) {
        m_out += "</section>\n";
        m_in_section = false;
    }
}

void HtmlWriter::heading(int level, std::string text) {
    if (level <= 2) {
        close_section();
        m_out += "<section>\n";
        m_in_section = true;
    }
    close_list();
    level = std::clamp(level, 2, 6);
    m_out += fmt::format("<h{}>{}</h{}>\n", level, html_inline(text), level);
}

void HtmlWriter::paragraph(const std::string& text) {
    close_list();
    m_out += "<p>" + html_inline(text) + "</p>\n";
}

void HtmlWriter::bullet(const std::string& text) {
    if (!m_in_list) {
        m_out += "<ul>\n";
        m_in_list = true;
    }
    m_out += "<li>" + html_inline(text) + "</li>\n";
}

void HtmlWriter::table(const std::vector<std::string>& header, const std::vector<bool>& right,
                       const std::vector<std::vector<std::string>>& rows) {
    close_list();
    // A column of short cells (dates, names, counts) stays on one line, as in
    // the Markdown's widths; long text wraps.
    std::vector<bool> short_column(header.size(), true);
    for (const auto& row : rows) {
        for (size_t i = 0; i < row.size() && i < short_column.size(); ++i) {
            short_column[i] = short_column[i] && utf8_length(text_of_markup(row[i])) <= 20;
        }
    }
    auto cell = [&](std::string_view tag, size_t i, const std::string& text) {
        std::string_view kind = i < right.size() && right[i]                 ? " class=\"num\""
                                : i < short_column.size() && short_column[i] ? " class=\"short\""
                                                                             : "";
        return fmt::format("<{}{}>{}</{}>", tag, kind, html_inline(text), tag);
    };
    m_out += "<div class=\"wide\"><table>\n<thead><tr>";
    for (size_t i = 0; i < header.size(); ++i) {
        m_out += cell("th", i, header[i]);
    }
    m_out += "</tr></thead>\n<tbody>\n";
    for (const auto& row : rows) {
        m_out += "<tr>";
        for (size_t i = 0; i < row.size(); ++i) {
            m_out += cell("td", i, row[i]);
        }
        m_out += "</tr>\n";
    }
    m_out += "</tbody>\n</table></div>\n";
}

void HtmlWriter::code(std::string_view /*language*/, const std::string& text) {
    close_list();
    m_out += "<pre>" + escape(text) + "</pre>\n";
}

void HtmlWriter::chart(const LineChart& c) {
    figure(svg_chart(c, m_labels));
}

void HtmlWriter::chart(const StatusStrip& s) {
    figure(svg_chart(s, m_labels));
}

void HtmlWriter::chart(const StatusBars& b) {
    figure(svg_chart(b, m_labels));
}

void HtmlWriter::chart(const StatusGrid& g) {
    figure(svg_chart(g, m_labels));
}

void HtmlWriter::quote(const std::string& text) {
    close_list();
    m_out += "<blockquote>";
    for (const auto& paragraph : text_paragraphs(text)) {
        std::vector<std::string> lines;
        for (const auto& line : joined_lines(paragraph)) {
            lines.push_back(escape(line));
        }
        m_out += "<p>" + join(lines, "<br>\n") + "</p>";
    }
    m_out += "</blockquote>\n";
}

std::string HtmlWriter::take() {
    close_section();
    std::string page = "<!DOCTYPE html>\n<html lang=\"" + escape(m_page.lang) + "\">\n<head>\n";
    page += "<meta charset=\"utf-8\">\n";
    page += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    page += "<meta name=\"generator\" content=\"plg\">\n";
    page += "<title>" + escape(m_page.title) + "</title>\n";
    page += "<style>\n" + std::string(k_style);
    if (m_page.landscape) {
        page += k_landscape;
    }
    page += "</style>\n</head>\n<body>\n<header>\n<h1>" + escape(m_page.title) + "</h1>\n";
    if (!m_page.subtitle.empty()) {
        page += "<p class=\"subtitle\">" + escape(m_page.subtitle) + "</p>\n";
    }
    page += "</header>\n<main>\n" + m_out + "</main>\n</body>\n</html>\n";
    m_out.clear();
    return page;
}

}  // namespace plg
