// The document writers and the charts: axes, numbers in a language's form, the
// inline markup in HTML, table widths, quotes, SVG text.

#include <doctest/doctest.h>

#include <random>
#include <string>

#include "plg/report/chart.hpp"
#include "plg/report/html_writer.hpp"
#include "plg/report/labels.hpp"
#include "plg/report/markdown_writer.hpp"
#include "plg/report/report.hpp"

using namespace plg;

namespace {

size_t count(const std::string& s, std::string_view what) {
    size_t n = 0;
    for (size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) {
        ++n;
    }
    return n;
}

// The text of HTML made by html_inline: tags left out, its five entities read.
std::string text_of(std::string_view html) {
    std::string out;
    for (size_t i = 0; i < html.size(); ++i) {
        if (html[i] == '<') {
            i = html.find('>', i);
            continue;
        }
        if (html[i] == '&') {
            size_t end = html.find(';', i);
            std::string_view entity = html.substr(i, end - i + 1);
            out += entity == "&lt;"     ? "<"
                   : entity == "&gt;"   ? ">"
                   : entity == "&amp;"  ? "&"
                   : entity == "&quot;" ? "\""
                                        : "'";
            i = end;
            continue;
        }
        out += html[i];
    }
    return out;
}

}  // namespace

TEST_CASE("nice_axis: round ticks, and zero only where it does not squeeze the change") {
    Axis a = nice_axis(45, 82);  // a measured 45 → 82: zero would flatten it
    CHECK(a.from == 40);
    CHECK(a.to == 90);
    CHECK(a.step == 10);
    a = nice_axis(6, 30);  // 6 is within 40% of the top: zero stays
    CHECK(a.from == 0);
    CHECK(a.to == 30);
    a = nice_axis(35, 75);
    CHECK(a.from == 30);
    CHECK(a.to == 80);
    a = nice_axis(-5, 5);
    CHECK(a.from <= -5);
    CHECK(a.to >= 5);
    a = nice_axis(3, 3);  // one value: a band around it
    CHECK(a.from < 3);
    CHECK(a.to > 3);
    a = nice_axis(0.2, 0.9);
    CHECK(a.from == 0);
    CHECK(a.step == doctest::Approx(0.2));
}

TEST_CASE("numbers in a language's form: decimals, thousands, fixed decimals") {
    const Labels& en = labels_for("en");
    const Labels& nl = labels_for("nl");
    const Labels& fr = labels_for("fr");
    CHECK(number(12345.5, en) == "12,345.5");
    CHECK(number(12345.5, nl) == "12.345,5");
    CHECK(number(12345.5, fr) == "12\u202f345,5");
    CHECK(number(1234, en) == "1,234");
    CHECK(number(1234, nl) == "1.234");
    CHECK(number(1234, fr) == "1234");  // French leaves four digits together
    CHECK(number(-1234567, nl) == "-1.234.567");
    CHECK(number(999, nl) == "999");
    CHECK(number(4.0, nl, 1) == "4");
    CHECK(fixed_number(4.0, nl, 1) == "4,0");  // beside 4,2 in a column
    CHECK(fixed_number(-0.04, en, 1) == "0.0");
    CHECK(fixed_number(1234.25, en, 1) == "1,234.2");
    CHECK(percent(82, fr) == "82\u202f%");
    CHECK(percent(82, nl) == "82%");
    CHECK(period_label("2025-Q3", nl) == "3e kwartaal 2025");
    CHECK(period_label("2025-Q3", en) == "Q3 2025");
    CHECK(period_label("2025-Q3", fr) == "T3 2025");
}

TEST_CASE("html_inline: the sections' markup becomes HTML; anything else stays text") {
    CHECK(html_inline("**Status**: actief") == "<strong>Status</strong>: actief");
    CHECK(html_inline("a \\| b \\*c\\* &lt;i&gt; &amp; \"q\"") ==
          "a | b *c* &lt;i&gt; &amp; &quot;q&quot;");
    CHECK(html_inline("see <https://example.org/a_b?x=1&y=2>") ==
          "see <a href=\"https://example.org/a_b?x=1&amp;y=2\">https://example.org/a_b?x=1&amp;y=2"
          "</a>");
    CHECK(html_inline("<script>") == "&lt;script&gt;");
    CHECK(html_inline("**open") == "<strong>open</strong>");  // never left unclosed
    CHECK(html_inline("a & b") == "a &amp; b");

    // Any text escaped for Markdown reads back as itself in HTML (spaces
    // collapsed), and brings no tag but plg's own.
    std::mt19937 random(7);
    const std::string alphabet = "ab <>&\"'|\\`*_[]#~^!${}-+=.()1\n\t";
    for (int i = 0; i < 2000; ++i) {
        std::string text;
        for (size_t n = random() % 24; n > 0; --n) {
            text += alphabet[random() % alphabet.size()];
        }
        std::string html = html_inline(markdown_inline(text));
        INFO(text);
        INFO(html);
        std::string expected;
        bool space = false;
        for (char c : text) {
            if (c == ' ' || c == '\n' || c == '\t') {
                space = !expected.empty();
                continue;
            }
            if (space) {
                expected += ' ';
                space = false;
            }
            expected += c;
        }
        CHECK(text_of(html) == expected);
        CHECK(count(html, "<") == count(html, "<strong>") + count(html, "</strong>"));
    }
}

TEST_CASE("Markdown tables: narrow ones keep their widths, wide ones share them by words") {
    const Labels& en = labels_for("en");
    MarkdownWriter w(en);
    w.table({"Date", "Title"}, {false, true}, {{"1 May 2026", "Short"}});
    std::string narrow = w.take();
    CHECK(narrow == "| Date | Title |\n| ---------- | -----: |\n| 1 May 2026 | Short |\n");

    MarkdownWriter wide(en);
    const std::string title =
        "Looking at learner work together: factorising, sign errors and written reasoning";
    wide.table({"Date", "Title", "Facilitator"}, {false, false, false},
               {{"20 January 2026", title, "Peter van der Merwe"}});
    std::string md = wide.take();
    std::string separator = md.substr(md.find('\n') + 1);
    separator = separator.substr(0, separator.find('\n'));
    std::vector<double> dashes;
    size_t run = 0;
    for (char c : separator) {
        if (c == '-') {
            ++run;
        } else if (run > 0) {
            dashes.push_back(double(run));
            run = 0;
        }
    }
    REQUIRE(dashes.size() == 3);
    double total = dashes[0] + dashes[1] + dashes[2];
    // On a page 64 characters wide each column holds its longest word
    // ("reasoning", "January", "Facilitator"), the short ones all their text.
    CHECK(dashes[0] / total * 64 >= 15);
    CHECK(dashes[2] / total * 64 >= 19);
    CHECK(dashes[1] / total * 64 >= 10);
    CHECK(dashes[1] > dashes[0]);  // the long text gets the rest
}

TEST_CASE("quotes keep paragraphs and typed list items; lines wrapped by the typist are joined") {
    const Labels& en = labels_for("en");
    MarkdownWriter w(en);
    w.quote("We looked at the\nscripts together.\n\n- signs\n- no method\n");
    CHECK(w.take() == "> We looked at the scripts together.\n>\n> \\- signs\\\n> \\- no method\n");
    HtmlWriter h(en, {"en", "T", "", false});
    h.quote("a <b>\nc\n\n1. d\n2. e");
    std::string page = h.take();
    CHECK(page.find("<blockquote><p>a &lt;b&gt; c</p><p>1. d<br>\n2. e</p></blockquote>") !=
          std::string::npos);
}

TEST_CASE("svg charts: real text, escaped, titled, one root") {
    const Labels& nl = labels_for("nl");
    LineChart c;
    c.name = "goal-x";
    c.title = "Lezen <groep 5> & \"meer\"";
    c.y_label = "%";
    c.x_labels = {"nulmeting", "1 okt 2026", "1 dec 2026"};
    c.dates = {*Date::parse_iso("2026-09-01"), *Date::parse_iso("2026-10-01"),
               *Date::parse_iso("2026-12-01")};
    c.series = {{"gemeten", {40.0, std::nullopt, 55.5}}};
    c.target = 60;
    c.target_label = "doel 60%";
    c.value_suffix = "%";
    std::string svg = svg_chart(c, nl);
    CHECK(svg.find("<svg xmlns=\"http://www.w3.org/2000/svg\" data-chart=\"goal-x\"") == 0);
    CHECK(count(svg, "<svg") == 1);
    CHECK(count(svg, "</svg>") == 1);
    CHECK(svg.find(
              "<title id=\"goal-x-title\">Lezen &lt;groep 5&gt; &amp; &quot;meer&quot;</title>") !=
          std::string::npos);
    CHECK(svg.find("<desc id=\"goal-x-desc\">gemeten: nulmeting 40%, 1 dec 2026 55,5%; doel "
                   "60%</desc>") != std::string::npos);
    CHECK(svg.find(">55,5%</text>") != std::string::npos);  // the value, in Dutch
    CHECK(svg.find("class=\"target\"") != std::string::npos);
    // A gap in the values starts a new run of the line.
    CHECK(count(svg, "class=\"series\"") == 1);
    CHECK(svg.find("<script") == std::string::npos);

    StatusStrip s{"status", "Status per maand", {"sep 2026", "okt 2026"}, {std::nullopt, 0}};
    std::string strip = svg_chart(s, nl);
    CHECK(strip.find("data-status=\"none\"") < strip.find("data-status=\"active\""));

    // The text chart says where its bars start when that is not zero.
    std::string text = text_chart(c, nl);
    CHECK(text.find("nulmeting     40\n") == 0);  // the axis starts at 40: no bar
    CHECK(text.find("^ de balken beginnen bij 40") != std::string::npos);
}
