#pragma once

// One self-contained HTML page from a report's sections: no scripts, no
// fonts or images fetched, charts as inline SVG, a stylesheet for the screen
// and one for print, so that a browser's "print to PDF" gives an A4 document.

#include <string>
#include <string_view>
#include <vector>

#include "plg/report/document.hpp"
#include "plg/report/labels.hpp"

namespace plg {

// The sections' inline markup (markdown_inline's escapes, **bold**,
// <https://...>) as HTML; anything else is text, escaped.
std::string html_inline(std::string_view markup);

struct HtmlPage {
    std::string lang;        // "nl"
    std::string title;       // plain text: the <title> and the <h1>
    std::string subtitle;    // plain text, under the title
    bool landscape = false;  // wide tables: A4 landscape when printed
};

class HtmlWriter final : public DocumentWriter {
  public:
    HtmlWriter(const Labels& labels, HtmlPage page);

    void heading(int level, std::string text) override;
    void paragraph(const std::string& text) override;
    void bullet(const std::string& text) override;
    void table(const std::vector<std::string>& header, const std::vector<bool>& right,
               const std::vector<std::vector<std::string>>& rows) override;
    void code(std::string_view language, const std::string& text) override;
    void chart(const LineChart& c) override;
    void chart(const StatusStrip& s) override;
    void chart(const StatusBars& b) override;
    void chart(const StatusGrid& g) override;
    void quote(const std::string& text) override;

    // The whole page.
    std::string take();

  private:
    void close_list();
    void figure(const std::string& svg);
    void close_section();
    const Labels& m_labels;
    HtmlPage m_page;
    std::string m_out;
    bool m_in_list = false;
    bool m_in_section = false;
};

}  // namespace plg
