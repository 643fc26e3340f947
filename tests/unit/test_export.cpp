#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "plg/export/export.hpp"
#include "plg/report/report.hpp"

using namespace plg;

namespace {

Date d(const char* iso) {
    return *Date::parse_iso(iso);
}

Plg example_plg() {
    Store store(std::filesystem::path(PLG_SOURCE_DIR) / "examples/leerteam-rekenen", "");
    return load(store, d("2026-11-23"));
}

bool has_column(const Table& t, const std::string& name) {
    return std::any_of(t.columns.begin(), t.columns.end(),
                       [&](const Column& c) { return c.name == name; });
}

}  // namespace

TEST_CASE("plg::csv_field") {
    CHECK(csv_field(Cell()) == "");
    CHECK(csv_field(Cell(std::string("plain"))) == "plain");
    CHECK(csv_field(Cell(std::string("a,b"))) == "\"a,b\"");
    CHECK(csv_field(Cell(std::string("say \"hi\""))) == "\"say \"\"hi\"\"\"");
    CHECK(csv_field(Cell(std::string("two\nlines"))) == "\"two\nlines\"");
    CHECK(csv_field(Cell(std::string("cr\r"))) == "\"cr\r\"");
    CHECK(csv_field(Cell(int64_t(-42))) == "-42");
    CHECK(csv_field(Cell(2.5)) == "2.5");
    CHECK(csv_field(Cell(0.1 + 0.2)) == "0.30000000000000004");  // read back exactly
    CHECK(csv_field(Cell(true)) == "1");
    CHECK(csv_field(Cell(false)) == "0");
    CHECK(csv_field(Cell(d("2026-03-05"))) == "2026-03-05");
}

TEST_CASE("plg::export_tables") {
    std::vector<Table> tables = export_tables({"district", "cluster"});
    REQUIRE(tables.size() == k_table_count);
    CHECK(tables[size_t(TableId::plgs)].name == "plgs");
    CHECK(tables[size_t(TableId::status)].name == "status");
    CHECK(tables[size_t(TableId::plgs)].columns.back().name == "label_cluster");
    std::set<std::string> names;
    for (const Table& t : tables) {
        INFO(t.name);
        CHECK(names.insert(t.name).second);
        CHECK(t.name.size() <= 31);  // a sheet name's limit
        CHECK(!t.meaning.empty());
        std::set<std::string> columns;
        for (const Column& c : t.columns) {
            CHECK(columns.insert(c.name).second);
            CHECK(!c.meaning.empty());
        }
        REQUIRE(!t.key.empty());
        for (const auto& k : t.key) {
            CHECK(has_column(t, k));
        }
        CHECK(t.columns.front().name == "plg");  // every table joins plgs
        for (const Reference& ref : t.references) {
            auto target = std::find_if(tables.begin(), tables.end(),
                                       [&](const Table& x) { return x.name == ref.table; });
            REQUIRE(target != tables.end());
            CHECK(ref.columns.size() == target->key.size());
            for (const auto& c : ref.columns) {
                CHECK(has_column(t, c));
            }
        }
    }
}

TEST_CASE("plg::export_rows") {
    Plg plg = example_plg();
    REQUIRE(plg.community);
    ReportOptions period;
    period.today = d("2026-11-23");
    period.from = d("2025-10-01");
    period.to = d("2026-01-31");
    Report report = build_report(plg, period);
    std::vector<std::string> labels = {"district"};
    std::vector<Table> tables = export_tables(labels);

    SUBCASE("every row has a cell per column, of the column's type") {
        Rows rows;
        export_rows(plg, report, {"rekenen", {{"district", "Utrecht"}}}, labels, false, rows);
        for (size_t t = 0; t < k_table_count; ++t) {
            INFO(tables[t].name);
            for (const Row& row : rows.tables[t]) {
                REQUIRE(row.size() == tables[t].columns.size());
                for (size_t i = 0; i < row.size(); ++i) {
                    const Cell& cell = row[i];
                    if (std::holds_alternative<std::monostate>(cell)) {
                        continue;
                    }
                    switch (tables[t].columns[i].type) {
                        case ColumnType::text:
                            CHECK(std::holds_alternative<std::string>(cell));
                            break;
                        case ColumnType::integer:
                            CHECK(std::holds_alternative<int64_t>(cell));
                            break;
                        case ColumnType::real:
                            CHECK(std::holds_alternative<double>(cell));
                            break;
                        case ColumnType::date:
                            CHECK(std::holds_alternative<Date>(cell));
                            break;
                        case ColumnType::boolean:
                            CHECK(std::holds_alternative<bool>(cell));
                            break;
                    }
                }
            }
        }
        CHECK(rows[TableId::plgs].size() == 1);
        CHECK(std::get<std::string>(rows[TableId::plgs][0].back()) == "Utrecht");
        CHECK(rows[TableId::meetings].size() == report.meetings.size());
        // October, November, December and January: four month ends.
        REQUIRE(rows[TableId::status].size() == 4);
        CHECK(std::get<std::string>(rows[TableId::status][0][1]) == "2025-10");
        CHECK(std::get<Date>(rows[TableId::status][3][2]) == d("2026-01-31"));
        // Hours: one row per member present, summing to the report's person-hours.
        double minutes = 0;
        for (const Row& row : rows[TableId::hours]) {
            minutes += double(std::get<int64_t>(row[4]));
        }
        CHECK(minutes / 60 == doctest::Approx(report.person_hours).epsilon(0.001));
    }

    SUBCASE("anonymised: pseudonyms for members and record ids, no names, no free text") {
        Rows rows;
        export_rows(plg, report, {"rekenen", {}}, labels, true, rows);
        std::set<std::string> names;
        for (const auto& m : plg.community->members) {
            names.insert(m.name);
            names.insert(m.id);
        }
        for (const auto& m : plg.meetings) {
            names.insert(m.id);
            names.insert(m.title);
        }
        for (size_t t = 0; t < k_table_count; ++t) {
            for (const Row& row : rows.tables[t]) {
                for (size_t i = 0; i < row.size(); ++i) {
                    const Column& c = tables[t].columns[i];
                    if (c.free_text) {
                        CHECK(std::holds_alternative<std::monostate>(row[i]));
                    }
                    if (auto* s = std::get_if<std::string>(&row[i])) {
                        INFO(tables[t].name, ".", c.name, " = ", *s);
                        CHECK(names.count(*s) == 0);
                    }
                }
            }
        }
        CHECK(std::get<std::string>(rows[TableId::members][0][1]) == "M01");
        CHECK(std::get<std::string>(rows[TableId::members][1][1]) == "M02");
        // The same pseudonyms in a second export.
        Rows again;
        export_rows(plg, report, {"rekenen", {}}, labels, true, again);
        CHECK(again[TableId::attendance] == rows[TableId::attendance]);
    }
}

TEST_CASE("plg::codebook_rows") {
    std::vector<Table> tables = export_tables({});
    tables.push_back(codebook_table());
    size_t columns = 0;
    for (const Table& t : tables) {
        columns += t.columns.size();
    }
    std::vector<Row> rows = codebook_rows(tables);
    CHECK(rows.size() == columns);
    std::string md = codebook_markdown(tables);
    for (const Table& t : tables) {
        CHECK(md.find("\n## " + t.name + "\n") != std::string::npos);
    }
}
