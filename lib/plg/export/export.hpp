#pragma once

// `plg export`: the tables of tables.hpp for one PLG or a network, written as
// CSV files with a codebook, one SQLite database, or one xlsx workbook. Every
// output is built beside its destination and renamed into place, so that a
// failure leaves what was there before.

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "plg/base/error.hpp"
#include "plg/export/tables.hpp"
#include "plg/network/network.hpp"

namespace plg {

// Receives the rows of every table, PLG by PLG, and puts them in place when
// committed. Destroyed without commit(), it removes what it wrote.
class TableWriter {
  public:
    virtual ~TableWriter() = default;
    virtual void row(size_t table, const Row& cells) = 0;
    virtual void commit() = 0;
};

// CSV: one file per table and codebook.csv/codebook.md in the folder `folder`
// (`shown` is how the user named it). The folder is created when missing; an
// existing one may hold only files a previous export wrote. Throws Error.
std::unique_ptr<TableWriter> csv_writer(const std::filesystem::path& folder,
                                        const std::string& shown, const std::vector<Table>& tables);
// SQLite: one database with typed columns, keys, indexes, views and the codebook.
std::unique_ptr<TableWriter> sqlite_writer(const std::filesystem::path& file,
                                           const std::string& shown,
                                           const std::vector<Table>& tables);
// xlsx: one workbook, a sheet per table (header frozen, dates as dates) and the codebook.
std::unique_ptr<TableWriter> xlsx_writer(const std::filesystem::path& file,
                                         const std::string& shown,
                                         const std::vector<Table>& tables);

// RFC 4180 fields: quoted when they hold a comma, quote or line break.
std::string csv_field(const Cell& cell);

// A PLG to export: its folder, how messages name it, and its plgs row's id and labels.
struct ExportSource {
    std::filesystem::path root;
    std::string shown;
    ExportPlg plg;
};

struct ExportOptions {
    ReportOptions period;
    bool anonymise = false;
    unsigned threads = 1;
};

struct ExportSummary {
    size_t plgs = 0;                           // PLGs whose rows were written
    std::array<size_t, k_table_count> rows{};  // rows written per table
    std::vector<std::string> founded_after;    // left out: founded after the period
    std::vector<Diagnostic> problems;          // files with errors, unreadable PLGs
    size_t plgs_with_errors = 0;
};

// Writes the rows of every PLG of `sources` (in their order) to `out`, reading
// them on `options.threads` threads, and commits it. A PLG that cannot be
// read, or whose files have errors, is said in the summary's problems (its
// readable records are still exported). Throws Error when the writer fails.
ExportSummary export_plgs(const std::vector<ExportSource>& sources, const ExportOptions& options,
                          const std::vector<std::string>& label_keys, TableWriter& out);

}  // namespace plg
