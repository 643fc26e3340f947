#pragma once

// What a report's sections write to: blocks of text in a small inline markup
// (Markdown's: text escaped by markdown_inline, **bold**, <https://...>
// links), tables and charts. MarkdownWriter writes Markdown; HtmlWriter turns
// the same calls into one self-contained HTML page. The sections are written
// once, so the forms cannot drift apart.

#include <string>
#include <vector>

#include "plg/report/chart.hpp"

namespace plg {

// How a Markdown document shows its charts.
enum class ChartStyle {
    text,     // a text bar chart in a ```text block (terminals, any converter)
    svg,      // an SVG file beside the document, linked as an image (pandoc, browsers)
    mermaid,  // a ```mermaid block (GitHub and GitLab draw it)
    none,
};

// A chart a Markdown document links to, to be written beside it.
struct ChartFile {
    std::string name;  // "goal-tafels.svg"
    std::string svg;
};

class DocumentWriter {
  public:
    virtual ~DocumentWriter() = default;
    virtual void heading(int level, std::string text) = 0;
    virtual void paragraph(const std::string& text) = 0;
    virtual void bullet(const std::string& text) = 0;
    // A table; `right` aligns a column to the right (numbers).
    virtual void table(const std::vector<std::string>& header, const std::vector<bool>& right,
                       const std::vector<std::vector<std::string>>& rows) = 0;
    // Preformatted text (a text chart, an agenda's lines).
    virtual void code(std::string_view language, const std::string& text) = 0;
    virtual void chart(const LineChart& c) = 0;
    virtual void chart(const StatusStrip& s) = 0;
    virtual void chart(const StatusBars& b) = 0;
    virtual void chart(const StatusGrid& g) = 0;
    // A quoted passage of the records' own text, as typed: line breaks kept.
    virtual void quote(const std::string& text) = 0;
};

}  // namespace plg
