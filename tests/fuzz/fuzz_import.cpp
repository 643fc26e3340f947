// Fuzzes plg import: the bytes up to the first NUL are the map file, the rest
// the CSV register. Beyond "no crash, no hang, no leak", it checks that every
// row read is accounted for, that each row listed names a line of the file,
// and that the attendance it plans, written into a meeting file, reads back.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "plg/import/import.hpp"
#include "plg/records/records.hpp"

using namespace plg;

namespace {

[[noreturn]] void fail(const char* what) {
    std::fprintf(stderr, "plg fuzz: %s\n", what);
    std::abort();
}

const Plg& records() {
    static const Plg plg = [] {
        Plg x;
        Community c;
        c.name = "Fuzz";
        c.members = {{"anna", "Anna de Vries", "", {}, {}}, {"bram", "Bram Öztürk", "", {}, {}}};
        x.community = c;
        for (const char* day : {"2026-09-15", "2026-09-29", "2026-09-29"}) {
            Meeting m;
            m.id = std::string(day) + "-m" + std::to_string(x.meetings.size());
            m.date = *Date::parse_iso(day);
            m.title = "Start " + std::to_string(x.meetings.size());
            x.meetings.push_back(m);
        }
        x.meetings[0].attendees = {"anna"};
        return x;
    }();
    return plg;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string input(reinterpret_cast<const char*>(data), size);
    size_t nul = input.find('\0');
    if (nul == std::string::npos) {
        return 0;
    }
    for (ImportKind kind : {ImportKind::attendance, ImportKind::meetings}) {
        ImportMap map;
        CsvTable table;
        try {
            map = read_import_map("map.yaml", input.substr(0, nul), kind);
            table = parse_csv("r.csv", std::string_view(input).substr(nul + 1), map.separator);
        } catch (const Error&) {
            continue;
        }
        int lines = 1;
        for (char c : input.substr(nul + 1)) {
            lines += c == '\n' || c == '\r';
        }
        ImportPlan plan;
        try {
            plan = plan_import(kind, "r.csv", table, map, records());
        } catch (const Error&) {
            continue;  // a column the map names is not in the header
        }
        if (plan.rows != int(table.rows.size())) {
            fail("the plan does not count every row");
        }
        for (const auto& d : plan.skipped) {
            if (d.where.line < 1 || d.where.line > lines) {
                fail("a row listed names no line of the file");
            }
        }
        for (const auto& change : plan.attendance) {
            const Meeting* m = nullptr;
            for (const auto& x : records().meetings) {
                m = x.id == change.meeting ? &x : m;
            }
            if (!m) {
                fail("attendance planned for a meeting that is not there");
            }
            std::string text = write_meeting(*m);
            Revision r = edit_add_attendance("m.yaml", text, change.present, change.absent);
            auto back = read_meeting("m.yaml", r.bytes, m->id, References{});
            if (!back.record ||
                back.record->attendees.size() != m->attendees.size() + change.present.size() ||
                back.record->absent.size() != m->absent.size() + change.absent.size()) {
                fail("planned attendance, written into the meeting, does not read back");
            }
        }
        for (const auto& m : plan.created) {
            auto back = read_meeting("m.yaml", write_meeting(m), "new", References{});
            if (!back.record) {
                fail("a meeting the import would create does not read back");
            }
        }
    }
    return 0;
}
