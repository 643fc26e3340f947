#include <xlsxwriter.h>

#include <unistd.h>

#include <algorithm>

#include "plg/base/i18n.hpp"
#include "plg/export/export.hpp"
#include "plg/store/store.hpp"

namespace fs = std::filesystem;

namespace plg {

namespace {

constexpr size_t k_max_rows = LXW_ROW_MAX - 1;  // the header takes one
constexpr size_t k_max_text = 32767;            // characters in one cell

class XlsxWriter : public TableWriter {
  public:
    XlsxWriter(const fs::path& file, const std::string& shown, const std::vector<Table>& tables)
        : m_file(file), m_shown(shown), m_tables(tables), m_tmp(create_temporary(file)) {
        m_tables.push_back(codebook_table());
        // Rows go to disk as they are written (constant_memory), so a large
        // network needs no more memory than a small one.
        lxw_workbook_options options{};
        options.constant_memory = LXW_TRUE;
        options.use_zip64 = LXW_TRUE;
        m_book = workbook_new_opt(m_tmp.c_str(), &options);
        if (!m_book) {
            ::unlink(m_tmp.c_str());
            throw Error(tr("cannot write {}: {}", m_shown, "workbook_new"));
        }
        m_header = workbook_add_format(m_book);
        format_set_bold(m_header);
        format_set_bottom(m_header, LXW_BORDER_THIN);
        m_date = workbook_add_format(m_book);
        format_set_num_format(m_date, "yyyy-mm-dd");
        for (const auto& t : m_tables) {
            lxw_worksheet* sheet = workbook_add_worksheet(m_book, t.name.c_str());
            worksheet_freeze_panes(sheet, 1, 0);
            for (size_t c = 0; c < t.columns.size(); ++c) {
                const Column& col = t.columns[c];
                double width =
                    std::max<double>(double(col.name.size()) + 2, col.type == ColumnType::date ? 11
                                                                  : col.free_text              ? 40
                                                                                               : 9);
                worksheet_set_column(sheet, lxw_col_t(c), lxw_col_t(c), width, nullptr);
                worksheet_write_string(sheet, 0, lxw_col_t(c), col.name.c_str(), m_header);
            }
            m_sheets.push_back(sheet);
            m_rows.push_back(0);
        }
    }
    ~XlsxWriter() override {
        if (m_book) {
            lxw_workbook_free(m_book);
        }
        if (!m_committed) {
            ::unlink(m_tmp.c_str());
        }
    }

    void row(size_t table, const Row& cells) override {
        const Table& t = m_tables[table];
        if (m_rows[table] == k_max_rows) {
            throw Error(
                tr("{}: the table '{}' has more than {} rows, which is more than a sheet "
                   "holds; export to csv or sqlite instead (or a shorter period)",
                   m_shown, t.name, k_max_rows));
        }
        lxw_row_t r = lxw_row_t(++m_rows[table]);
        lxw_worksheet* sheet = m_sheets[table];
        for (size_t i = 0; i < cells.size(); ++i) {
            lxw_col_t c = lxw_col_t(i);
            const Cell& cell = cells[i];
            lxw_error rc = LXW_NO_ERROR;
            if (auto* s = std::get_if<std::string>(&cell)) {
                if (s->size() > k_max_text) {
                    throw Error(
                        tr("{}: a text in the table '{}' (column '{}', row {}) is longer "
                           "than a spreadsheet cell holds ({} characters); export to csv "
                           "or sqlite instead",
                           m_shown, t.name, t.columns[i].name, r + 1, k_max_text));
                }
                rc = worksheet_write_string(sheet, r, c, s->c_str(), nullptr);
            } else if (auto* n = std::get_if<int64_t>(&cell)) {
                rc = worksheet_write_number(sheet, r, c, double(*n), nullptr);
            } else if (auto* x = std::get_if<double>(&cell)) {
                rc = worksheet_write_number(sheet, r, c, *x, nullptr);
            } else if (auto* b = std::get_if<bool>(&cell)) {
                rc = worksheet_write_number(sheet, r, c, *b ? 1 : 0, nullptr);
            } else if (auto* d = std::get_if<Date>(&cell)) {
                if (d->year() < 1900) {
                    rc = worksheet_write_string(sheet, r, c, d->iso().c_str(), nullptr);
                } else {
                    lxw_datetime when{d->year(), int(d->month()), int(d->day()), 0, 0, 0};
                    rc = worksheet_write_datetime(sheet, r, c, &when, m_date);
                }
            }
            if (rc != LXW_NO_ERROR) {
                throw Error(tr("cannot write {}: {}", m_shown, lxw_strerror(rc)));
            }
        }
    }

    void commit() override {
        for (const Row& r : codebook_rows(m_tables)) {
            row(m_tables.size() - 1, r);
        }
        lxw_error rc = workbook_close(m_book);
        m_book = nullptr;
        if (rc != LXW_NO_ERROR) {
            throw Error(tr("cannot write {}: {}", m_shown, lxw_strerror(rc)));
        }
        commit_temporary(m_tmp, m_file);
        m_committed = true;
    }

  private:
    fs::path m_file;
    std::string m_shown;
    std::vector<Table> m_tables;
    fs::path m_tmp;
    lxw_workbook* m_book = nullptr;
    lxw_format* m_header = nullptr;
    lxw_format* m_date = nullptr;
    std::vector<lxw_worksheet*> m_sheets;
    std::vector<size_t> m_rows;
    bool m_committed = false;
};

}  // namespace

std::unique_ptr<TableWriter> xlsx_writer(const fs::path& file, const std::string& shown,
                                         const std::vector<Table>& tables) {
    return std::make_unique<XlsxWriter>(file, shown, tables);
}

}  // namespace plg
