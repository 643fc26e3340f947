#include <sqlite3.h>

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>

#include "plg/base/i18n.hpp"
#include "plg/export/export.hpp"
#include "plg/store/store.hpp"

namespace fs = std::filesystem;

namespace plg {

namespace {

std::string ident(const std::string& name) {
    return "\"" + name + "\"";
}

std::string column_list(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names) {
        out += (out.empty() ? "" : ", ") + ident(n);
    }
    return out;
}

std::string_view sql_type(ColumnType type) {
    switch (type) {
        case ColumnType::integer:
        case ColumnType::boolean:
            return "INTEGER";
        case ColumnType::real:
            return "REAL";
        case ColumnType::text:
        case ColumnType::date:
            return "TEXT";
    }
    return "TEXT";
}

std::string create_table(const Table& t) {
    std::string sql = "CREATE TABLE " + ident(t.name) + " (\n";
    for (const auto& c : t.columns) {
        sql += fmt::format("  {} {},\n", ident(c.name), sql_type(c.type));
    }
    sql += "  PRIMARY KEY (" + column_list(t.key) + ")";
    for (const auto& ref : t.references) {
        sql += ",\n  FOREIGN KEY (" + column_list(ref.columns) + ") REFERENCES " +
               ident(ref.table) + " (";
        // The referenced table's key has the same columns, named as there.
        std::vector<std::string> target = ref.columns;
        if (ref.table == "members") {
            target = {"plg", "member"};
        }
        sql += column_list(target) + ")";
    }
    return sql + "\n)";
}

// Indexes on the join keys that the primary key does not already start with.
std::vector<std::string> create_indexes(const Table& t) {
    std::vector<std::string> out;
    for (const auto& ref : t.references) {
        bool prefix = ref.columns.size() <= t.key.size() &&
                      std::equal(ref.columns.begin(), ref.columns.end(), t.key.begin());
        if (prefix) {
            continue;
        }
        std::string name = t.name + "_by";
        for (const auto& c : ref.columns) {
            name += "_" + c;
        }
        out.push_back("CREATE INDEX " + ident(name) + " ON " + ident(t.name) + " (" +
                      column_list(ref.columns) + ")");
    }
    return out;
}

// The views that answer a programme's questions; docs/export.md explains each.
constexpr const char* k_views = R"(
CREATE VIEW plg_summary AS
SELECT p.plg, p.name, p.school, p.founded, p.origin, p.period_from, p.period_to,
  (SELECT s.status FROM status s WHERE s.plg = p.plg AND s.date = p.period_to) AS status,
  (SELECT count(*) FROM meetings m WHERE m.plg = p.plg) AS meetings_held,
  (SELECT round(100.0 * sum(a.present) / count(*), 1) FROM attendance a WHERE a.plg = p.plg)
    AS attendance_percent,
  (SELECT round(coalesce(sum(h.minutes), 0) / 60.0, 2) FROM hours h WHERE h.plg = p.plg)
    AS person_hours,
  (SELECT count(*) FROM goals g WHERE g.plg = p.plg AND g.status = 'achieved') AS goals_achieved,
  (SELECT count(*) FROM goals g WHERE g.plg = p.plg) AS goals_total,
  (SELECT count(*) FROM actions a WHERE a.plg = p.plg AND a.status = 'open') AS actions_open,
  (SELECT count(*) FROM actions a WHERE a.plg = p.plg AND a.overdue = 1) AS actions_overdue,
  (SELECT count(*) FROM reflections r WHERE r.plg = p.plg) AS reflections,
  (SELECT round(avg(x.value), 2) FROM ratings x WHERE x.plg = p.plg) AS average_rating
FROM plgs p;
CREATE VIEW status_by_month AS
SELECT month, count(*) AS plgs, sum(status = 'active') AS active,
  sum(status = 'at risk') AS at_risk, sum(status = 'dormant') AS dormant
FROM status GROUP BY month ORDER BY month;
CREATE VIEW member_hours AS
SELECT m.plg, m.member, m.name, m.role, count(h.meeting) AS meetings_attended,
  round(coalesce(sum(h.minutes), 0) / 60.0, 2) AS hours
FROM members m LEFT JOIN hours h ON h.plg = m.plg AND h.member = m.member
GROUP BY m.plg, m.member;
CREATE VIEW goal_results AS
SELECT g.plg, p.name AS plg_name, g.goal, g.title, g.unit, g.baseline, g.latest, g.target,
  g.percent, g.status, g.due
FROM goals g JOIN plgs p ON p.plg = g.plg;
CREATE VIEW focus_by_plg AS
SELECT plg, count(*) AS meetings, sum(focus_learn) AS learn, sum(focus_evidence) AS evidence,
  sum(focus_support) AS support, sum(focus_extend) AS extend
FROM meetings GROUP BY plg;
CREATE VIEW ratings_by_month AS
SELECT plg, dimension, substr(date, 1, 7) AS month, count(*) AS ratings,
  round(avg(value), 2) AS average
FROM ratings GROUP BY plg, dimension, month;
)";

class SqliteWriter : public TableWriter {
  public:
    SqliteWriter(const fs::path& file, const std::string& shown, const std::vector<Table>& tables)
        : m_file(file), m_shown(shown), m_tables(tables), m_tmp(create_temporary(file)) {
        try {
            open();
        } catch (...) {
            close();
            ::unlink(m_tmp.c_str());
            throw;
        }
    }
    ~SqliteWriter() override {
        close();
        if (!m_committed) {
            ::unlink(m_tmp.c_str());
        }
    }

    void open() {
        if (sqlite3_open_v2(m_tmp.c_str(), &m_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                            nullptr) != SQLITE_OK) {
            fail();
        }
        exec(
            "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA foreign_keys = OFF; "
            "BEGIN");
        m_tables.push_back(codebook_table());
        for (const auto& t : m_tables) {
            exec(create_table(t));
            std::string sql = "INSERT INTO " + ident(t.name) + " VALUES (";
            for (size_t i = 0; i < t.columns.size(); ++i) {
                sql += i ? ", ?" : "?";
            }
            sqlite3_stmt* stmt = nullptr;
            if (sqlite3_prepare_v2(m_db, (sql + ")").c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
                fail();
            }
            m_inserts.push_back(stmt);
        }
    }

    void row(size_t table, const Row& cells) override {
        sqlite3_stmt* stmt = m_inserts[table];
        std::vector<std::string> dates;
        dates.reserve(cells.size());
        for (size_t i = 0; i < cells.size(); ++i) {
            int at = int(i + 1);
            const Cell& c = cells[i];
            if (auto* s = std::get_if<std::string>(&c)) {
                sqlite3_bind_text(stmt, at, s->data(), int(s->size()), SQLITE_STATIC);
            } else if (auto* n = std::get_if<int64_t>(&c)) {
                sqlite3_bind_int64(stmt, at, *n);
            } else if (auto* x = std::get_if<double>(&c)) {
                sqlite3_bind_double(stmt, at, *x);
            } else if (auto* b = std::get_if<bool>(&c)) {
                sqlite3_bind_int(stmt, at, *b ? 1 : 0);
            } else if (auto* d = std::get_if<Date>(&c)) {
                dates.push_back(d->iso());
                sqlite3_bind_text(stmt, at, dates.back().data(), int(dates.back().size()),
                                  SQLITE_STATIC);
            } else {
                sqlite3_bind_null(stmt, at);
            }
        }
        int rc = sqlite3_step(stmt);
        sqlite3_reset(stmt);
        sqlite3_clear_bindings(stmt);
        if (rc == SQLITE_CONSTRAINT || (rc & 0xff) == SQLITE_CONSTRAINT) {
            const Table& t = m_tables[table];
            std::string key;
            for (const auto& k : t.key) {
                size_t i = size_t(std::find_if(t.columns.begin(), t.columns.end(),
                                               [&](const Column& c) { return c.name == k; }) -
                                  t.columns.begin());
                key += (key.empty() ? "" : ", ") + (i < cells.size() ? csv_field(cells[i]) : "");
            }
            throw Error(
                tr("{}: two rows of the table '{}' have the key ({}); please report "
                   "this with the records that give it",
                   m_shown, t.name, key));
        }
        if (rc != SQLITE_DONE) {
            fail();
        }
    }

    void commit() override {
        for (const Row& r : codebook_rows(m_tables)) {
            row(m_tables.size() - 1, r);
        }
        for (const auto& t : m_tables) {
            for (const auto& sql : create_indexes(t)) {
                exec(sql);
            }
        }
        exec(k_views);
        exec("COMMIT");
        close();
        if (m_failed_close) {
            throw Error(tr("cannot write {}: {}", m_shown, "sqlite3_close"));
        }
        commit_temporary(m_tmp, m_file);
        m_committed = true;
    }

  private:
    [[noreturn]] void fail() {
        std::string message = m_db ? sqlite3_errmsg(m_db) : "out of memory";
        throw Error(tr("cannot write {}: {}", m_shown, message));
    }
    void exec(const std::string& sql) {
        if (sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) {
            fail();
        }
    }
    void close() {
        for (auto* stmt : m_inserts) {
            sqlite3_finalize(stmt);
        }
        m_inserts.clear();
        if (m_db) {
            m_failed_close = sqlite3_close(m_db) != SQLITE_OK;
            m_db = nullptr;
        }
    }

    fs::path m_file;
    std::string m_shown;
    std::vector<Table> m_tables;
    fs::path m_tmp;
    sqlite3* m_db = nullptr;
    std::vector<sqlite3_stmt*> m_inserts;
    bool m_committed = false;
    bool m_failed_close = false;
};

}  // namespace

std::unique_ptr<TableWriter> sqlite_writer(const fs::path& file, const std::string& shown,
                                           const std::vector<Table>& tables) {
    return std::make_unique<SqliteWriter>(file, shown, tables);
}

}  // namespace plg
