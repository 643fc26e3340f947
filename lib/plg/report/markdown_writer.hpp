#pragma once

// What the Markdown reports (one PLG's, and the network's) are written with:
// a writer that puts blank lines between blocks, and numbers and dates in a
// language's own form.

#include <string>
#include <string_view>
#include <vector>

#include "plg/base/date.hpp"
#include "plg/base/text.hpp"
#include "plg/records/community.hpp"
#include "plg/report/document.hpp"
#include "plg/report/labels.hpp"

namespace plg {

// "23 november 2026" (the language's month names).
std::string long_date(Date d, const Labels& l);
// "23 nov".
std::string short_date(Date d, const Labels& l);
// A number with at most `decimals` decimals, trailing zeros dropped, and the
// language's decimal mark: "12,5" in Dutch.
std::string number(double v, const Labels& l, int decimals = 1);
// A number with exactly `decimals` decimals: "4,0" beside "4,2".
std::string fixed_number(double v, const Labels& l, int decimals);
// number(v, l, 0) and "%".
std::string percent(double v, const Labels& l);
// "2025-09" -> "sep 2025"; "2025-Q3" -> "Q3 2025".
std::string period_label(const std::string& period, const Labels& l);

// The paragraphs of a text as typed (blank lines between them), each its lines.
std::vector<std::vector<std::string>> text_paragraphs(std::string_view text);

// "**Label**: ", the start of a list item that names what it says (" : " in French).
std::string bold_label(std::string_view label, const Labels& l);
// A member's name (the id when plg.yaml does not know it), as inline markup.
std::string member_label(const Community& c, const std::string& id);
// A meeting's focus value (k_focus_values: "learn") as DuFour's question in
// the document's words; another value as written.
std::string focus_label(std::string_view value, const Labels& l);
// A meeting's focus values, each so, joined by "; ".
std::string focus_labels(const std::vector<std::string>& focus, const Labels& l);

// A role key of a meeting (`note_taker`) in the document's words, as inline
// markup: the keys plg suggests translated, others as written ('_' as a
// space); with `capital`, its first letter upper-case (a list item's label).
std::string role_label(std::string_view key, const Labels& l, bool capital = false);

// A paragraph's lines as a reader means them: lines wrapped by the typist
// joined with a space; a line that starts a list item ("- ", "1. ") kept apart.
std::vector<std::string> joined_lines(const std::vector<std::string>& paragraph);

// Builds a Markdown document block by block, one blank line between blocks.
class MarkdownWriter final : public DocumentWriter {
  public:
    // `labels` give the words of charts; `charts` how they are shown, and
    // `chart_folder` where SVG files are linked from ("verslag-charts").
    explicit MarkdownWriter(const Labels& labels, ChartStyle charts = ChartStyle::text,
                            std::string chart_folder = {})
        : m_labels(labels), m_charts(charts), m_chart_folder(std::move(chart_folder)) {}

    // A pandoc metadata block (title, subtitle, date, lang) at the very top;
    // Markdown viewers show it as a table, markdownlint takes its title for
    // the document's first heading.
    void front_matter(const std::string& title, const std::string& subtitle,
                      const std::string& date, std::string_view lang);
    // A heading; punctuation that ends it (a goal title written as a sentence)
    // is left out, as Markdown style (and markdownlint's MD026) has it.
    void heading(int level, std::string text) override;
    void paragraph(const std::string& text) override;
    void bullet(const std::string& text) override;
    // The separator's dashes give each column its share of the width when a
    // converter wraps the table (pandoc does when a line is longer than 72
    // characters): each gets room for its longest word, and the rest goes by
    // how much text it holds, so that no word is broken inside.
    void table(const std::vector<std::string>& header, const std::vector<bool>& right,
               const std::vector<std::vector<std::string>>& rows) override;
    void code(std::string_view language, const std::string& text) override;
    void chart(const LineChart& c) override;
    void chart(const StatusStrip& s) override;
    void chart(const StatusBars& b) override;
    void chart(const StatusGrid& g) override;
    void quote(const std::string& text) override;

    std::string take() { return std::move(m_out); }
    // The SVG files the document links to (ChartStyle::svg).
    std::vector<ChartFile> take_charts() { return std::move(m_files); }

  private:
    // Starts a new block: one blank line after the last one.
    void block() {
        if (m_open) {
            m_out += "\n";
        }
        m_in_list = false;
    }
    void image(const std::string& name, const std::string& title, std::string svg);
    const Labels& m_labels;
    ChartStyle m_charts;
    std::string m_chart_folder;
    std::vector<ChartFile> m_files;
    std::string m_out;
    bool m_open = false;
    bool m_in_list = false;
};

}  // namespace plg
