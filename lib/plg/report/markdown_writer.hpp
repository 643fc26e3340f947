#pragma once

// What the Markdown reports (one PLG's, and the network's) are written with:
// a writer that puts blank lines between blocks, and numbers and dates in a
// language's own form.

#include <string>
#include <string_view>
#include <vector>

#include "plg/base/date.hpp"
#include "plg/base/text.hpp"
#include "plg/report/labels.hpp"

namespace plg {

// "23 november 2026" (the language's month names).
std::string long_date(Date d, const Labels& l);
// "23 nov".
std::string short_date(Date d, const Labels& l);
// A number with at most `decimals` decimals, trailing zeros dropped, and the
// language's decimal mark: "12,5" in Dutch.
std::string number(double v, const Labels& l, int decimals = 1);
// number(v, l, 0) and "%".
std::string percent(double v, const Labels& l);
// "2025-09" -> "sep 2025"; "2025-Q3" -> "Q3 2025".
std::string period_label(const std::string& period, const Labels& l);

// Builds a Markdown document block by block, one blank line between blocks.
class MarkdownWriter {
  public:
    MarkdownWriter() = default;

    // A heading; punctuation that ends it (a goal title written as a sentence)
    // is left out, as Markdown style (and markdownlint's MD026) has it.
    void heading(int level, std::string text) {
        block();
        const std::string whole = text;
        while (true) {
            if (!text.empty() &&
                std::string_view(".,;:").find(text.back()) != std::string_view::npos) {
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
    void paragraph(const std::string& text) {
        block();
        m_out += text + "\n";
        m_open = true;
    }
    void bullet(const std::string& text) {
        if (!m_in_list) {
            block();
        }
        m_out += "- " + text + "\n";
        m_in_list = true;
        m_open = true;
    }
    void table(const std::vector<std::string>& header, const std::vector<bool>& right,
               const std::vector<std::vector<std::string>>& rows) {
        block();
        m_out += "| " + join(header, " | ") + " |\n|";
        for (size_t i = 0; i < header.size(); ++i) {
            m_out += right[i] ? " ---: |" : " --- |";
        }
        m_out += "\n";
        for (const auto& row : rows) {
            m_out += "| " + join(row, " | ") + " |\n";
        }
        m_open = true;
    }
    void code(std::string_view language, const std::string& text) {
        block();
        m_out += "```" + std::string(language) + "\n" + text + "```\n";
        m_open = true;
    }
    std::string take() { return std::move(m_out); }

  private:
    // True when `s` ends in 。，；：or ！ (three bytes in UTF-8 each).
    static bool ends_with_fullwidth_stop(const std::string& s) {
        for (std::string_view stop : {"\u3002", "\uFF0C", "\uFF1B", "\uFF1A", "\uFF01"}) {
            if (s.size() >= stop.size() &&
                s.compare(s.size() - stop.size(), stop.size(), stop) == 0) {
                return true;
            }
        }
        return false;
    }
    // Starts a new block: one blank line after the last one.
    void block() {
        if (m_open) {
            m_out += "\n";
        }
        m_in_list = false;
    }
    std::string m_out;
    bool m_open = false;
    bool m_in_list = false;
};

}  // namespace plg
