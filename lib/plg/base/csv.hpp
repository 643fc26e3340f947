#pragma once

// Reading CSV files as spreadsheets and survey tools write them: a header row,
// RFC 4180 quoting, a byte order mark, CRLF or LF, and ',' or ';' (Dutch
// Excel) or a tab between fields.

#include <string>
#include <string_view>
#include <vector>

namespace plg {

struct CsvRow {
    int line = 0;  // where the row starts in the file, from 1
    std::vector<std::string> cells;
};

struct CsvTable {
    char separator = ',';
    std::vector<std::string> header;
    std::vector<CsvRow> rows;  // without rows that are empty
};

// Parses `text` (the contents of `file`). `separator` 0 means: the one of ',',
// ';' and tab that the header line holds most of, outside quotes. Throws Error
// naming file and line for invalid UTF-8, a quote that is never closed, or a
// file without a header.
CsvTable parse_csv(const std::string& file, std::string_view text, char separator = 0);

}  // namespace plg
