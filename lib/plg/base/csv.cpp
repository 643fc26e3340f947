#include "plg/base/csv.hpp"

#include <algorithm>

#include "plg/base/error.hpp"
#include "plg/base/i18n.hpp"
#include "plg/base/utf8.hpp"

namespace plg {

namespace {

int line_of(std::string_view text, size_t offset) {
    return 1 + int(std::count(text.begin(), text.begin() + long(offset), '\n'));
}

char detect_separator(std::string_view text) {
    size_t counts[3] = {0, 0, 0};
    const char candidates[3] = {',', ';', '\t'};
    bool quoted = false;
    for (char c : text) {
        if (c == '"') {
            quoted = !quoted;
        } else if (!quoted && (c == '\n' || c == '\r')) {
            break;
        } else if (!quoted) {
            for (int i = 0; i < 3; ++i) {
                counts[i] += c == candidates[i];
            }
        }
    }
    int best = 0;
    for (int i = 1; i < 3; ++i) {
        if (counts[i] > counts[best]) {
            best = i;
        }
    }
    return candidates[best];
}

std::string trimmed(std::string s) {
    size_t first = s.find_first_not_of(" \t");
    size_t last = s.find_last_not_of(" \t");
    return first == std::string::npos ? std::string() : s.substr(first, last - first + 1);
}

}  // namespace

CsvTable parse_csv(const std::string& file, std::string_view text, char separator) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") {
        text.remove_prefix(3);  // Excel's "CSV UTF-8" starts with a byte order mark
    }
    if (auto bad = first_invalid_utf8(text)) {
        throw Error(Location{file, line_of(text, *bad), 0},
                    tr("is not UTF-8; save it as \"CSV UTF-8\" (in LibreOffice: character set "
                       "Unicode (UTF-8))"));
    }
    CsvTable table;
    table.separator = separator ? separator : detect_separator(text);
    std::vector<std::string> cells;
    std::string cell;
    bool quoted = false;      // inside a quoted field
    bool was_quoted = false;  // the field began with a quote
    int line = 1;             // the line of text[i]
    int row_line = 1;
    int quote_line = 0;
    auto end_row = [&] {
        cells.push_back(was_quoted ? cell : trimmed(cell));
        cell.clear();
        was_quoted = false;
        bool empty =
            std::all_of(cells.begin(), cells.end(), [](const std::string& c) { return c.empty(); });
        if (!empty) {
            if (table.header.empty()) {
                for (auto& c : cells) {
                    table.header.push_back(trimmed(c));
                }
            } else {
                table.rows.push_back({row_line, std::move(cells)});
            }
        }
        cells.clear();
        row_line = line + 1;
    };
    for (size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        bool line_break = c == '\n' || (c == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'));
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                cell += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                cell += c;
            }
        } else if (c == '"' && trimmed(cell).empty()) {
            quoted = true;
            was_quoted = true;
            quote_line = line;
            cell.clear();
        } else if (c == table.separator) {
            cells.push_back(was_quoted ? cell : trimmed(cell));
            cell.clear();
            was_quoted = false;
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            continue;
        } else if (line_break) {
            end_row();
        } else {
            cell += c;
        }
        line += line_break;
    }
    if (quoted) {
        throw Error(Location{file, quote_line, 0},
                    tr("a quoted field is never closed with '\"'; close it, or double a '\"' "
                       "inside it"));
    }
    if (!cell.empty() || !cells.empty()) {
        end_row();
    }
    if (table.header.empty()) {
        throw Error(Location{file, 1, 0},
                    tr("the file has no header row; its first line must name the columns"));
    }
    return table;
}

}  // namespace plg
