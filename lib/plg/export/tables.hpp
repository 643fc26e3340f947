#pragma once

// The tidy tables `plg export` writes: one definition of every table and
// column (from which the CSV files, the SQLite schema, the xlsx sheets and the
// codebook are all made), and the rows of one PLG.

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "plg/base/date.hpp"

namespace plg {

struct Plg;
struct Report;

enum class ColumnType { text, integer, real, date, boolean };
std::string_view to_string(ColumnType type);

struct Column {
    std::string name;
    ColumnType type = ColumnType::text;
    std::string meaning;
    std::string allowed;     // the values it may hold, when they are few; else ""
    bool free_text = false;  // left out (empty) with --anonymise
};

// A foreign key: `columns` of this table name a row of `table`.
struct Reference {
    std::vector<std::string> columns;
    std::string table;
};

struct Table {
    std::string name;
    std::string meaning;
    std::vector<Column> columns;
    std::vector<std::string> key;  // the primary key's columns
    std::vector<Reference> references;
};

// The tables, in the order they are written. Their indexes are TableId's.
enum class TableId : uint8_t {
    plgs,
    members,
    dimensions,
    meetings,
    attendance,
    hours,
    guests,
    roles,
    agenda,
    decisions,
    meeting_goals,
    meeting_dimensions,
    actions,
    action_carries,
    goals,
    goal_owners,
    goal_progress,
    reflections,
    ratings,
    status,
};
inline constexpr size_t k_table_count = size_t(TableId::status) + 1;

// Returns every table's definition. The plgs table gets a text column
// "label_<key>" for each of `label_keys` (network.yaml's labels), in order.
std::vector<Table> export_tables(const std::vector<std::string>& label_keys);

// A value: empty (written as an empty field, NULL in SQLite), or one of the
// column types (a boolean is written 1 or 0).
using Cell = std::variant<std::monostate, int64_t, double, std::string, Date, bool>;
using Row = std::vector<Cell>;

// The rows of one PLG, table by table.
struct Rows {
    std::array<std::vector<Row>, k_table_count> tables;

    std::vector<Row>& operator[](TableId id) { return tables[size_t(id)]; }
};

struct ExportPlg {
    std::string id;  // the plgs.plg value: the folder as the network report names it
    std::map<std::string, std::string> labels;
};

// Adds the rows of `plg` over `report`'s period (which `report` must have been
// built from) to `out`: the records of the period, and every state (goal
// status, actions done, members) as the records said on its last day. Label
// columns follow `label_keys`. With `anonymise`, member ids become pseudonyms
// (M01, M02, ... in plg.yaml's order), names are left out and every free-text
// column is empty.
void export_rows(const Plg& plg, const Report& report, const ExportPlg& id,
                 const std::vector<std::string>& label_keys, bool anonymise, Rows& out);

// The codebook: one row per column of every table (table, column, type,
// meaning, allowed values), as a table of its own and as Markdown.
Table codebook_table();
std::vector<Row> codebook_rows(const std::vector<Table>& tables);
std::string codebook_markdown(const std::vector<Table>& tables);

}  // namespace plg
