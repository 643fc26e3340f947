#pragma once

// plg import: registers kept on paper or collected offline (KoboToolbox, ODK,
// Excel) and exported as CSV, turned into attendance of existing meetings or
// into new meetings. A small mapping file names the columns. Rows are matched
// to members by id or full name and to meetings by date (and id or title);
// a row that matches nothing, or contradicts the records, is listed and never
// guessed; a row already recorded adds nothing, so importing twice is harmless.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "plg/base/csv.hpp"
#include "plg/base/error.hpp"
#include "plg/records/meeting.hpp"
#include "plg/store/store.hpp"

namespace plg {

enum class ImportKind { attendance, meetings };

enum class DateOrder { iso, day_month_year, month_day_year };

// The mapping file: which column holds what, and how its values are written.
struct ImportMap {
    std::string date;     // required
    std::string member;   // required for attendance
    std::string present;  // a yes/no column; without it every row is present
    std::string reason;   // why absent
    std::string meeting;  // attendance: the meeting's id or title, for days with several
    std::string title;    // meetings: required
    std::string minutes;  // meetings: how long
    char separator = 0;   // 0: found from the header line
    DateOrder dates = DateOrder::iso;
    std::vector<std::string> present_values;  // lower case
    std::vector<std::string> absent_values;
};

// Reads the mapping file `file` (`bytes` its contents). Throws InvalidRecord
// with every problem (unknown keys, a missing column name) and where it is.
ImportMap read_import_map(const std::string& file, std::string bytes, ImportKind kind);

// What importing would do.
struct ImportPlan {
    struct Attendance {
        std::string meeting;  // id of an existing meeting
        std::vector<std::string> present;
        std::vector<Absence> absent;
    };
    std::vector<Attendance> attendance;  // changes to existing meetings
    std::vector<Meeting> created;        // new meetings (id empty)
    std::vector<Diagnostic> skipped;     // rows not imported, and why (file:line)
    int rows = 0;                        // rows read
    int already = 0;                     // rows the records already hold
};

// Plans the import of `table` (read from `file`) by `map` into `plg`. Throws
// Error when a column the map names is not in the header.
ImportPlan plan_import(ImportKind kind, const std::string& file, const CsvTable& table,
                       const ImportMap& map, const Plg& plg);

}  // namespace plg
