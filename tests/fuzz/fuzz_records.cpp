// Fuzzes reading records from bytes, and what plg does with a record it read:
// the first byte picks the kind of record (plg.yaml, meeting, goal, reflection),
// the rest is the file. Beyond "no crash, no hang, no leak", it checks that a
// record that reads without errors, written back by plg, reads back the same
// (as JSON), and that the in-place edits keep the file readable.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <string>

#include "plg/records/json.hpp"
#include "plg/records/records.hpp"
#include "plg/report/report.hpp"

using namespace plg;

namespace {

const Community& community() {
    static const Community c = [] {
        Community x;
        x.name = "Fuzz";
        x.members = {{"anna", "Anna", "", {}, {}}, {"bram", "Bram", "", {}, {}}};
        x.framework = default_framework("en");
        return x;
    }();
    return c;
}

[[noreturn]] void fail(const char* what) {
    std::fprintf(stderr, "plg fuzz: %s\n", what);
    std::abort();
}

template <typename T, typename Read, typename Write>
void round_trip(const Parsed<T>& parsed, Read read, Write write) {
    if (!parsed.record) {
        return;
    }
    std::string text = write(*parsed.record);
    Parsed<T> again = read(text);
    if (!again.record) {
        fail("a record plg wrote does not read back");
    }
    if (to_json(*again.record) != to_json(*parsed.record)) {
        fail("a record plg wrote reads back different");
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size < 1) {
        return 0;
    }
    std::string bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
    std::set<std::string> goals = {"g"};
    std::set<std::string> meetings = {"m"};
    References refs{&community(), &goals, &meetings, Date()};
    try {
        switch (kinds()[data[0] % kinds().size()].kind) {
            case Kind::community: {
                Parsed<Community> c = read_community("plg.yaml", bytes);
                if (c.record) {
                    Parsed<Community> again =
                        read_community("plg.yaml", write_community(*c.record));
                    if (!again.record) {
                        fail("plg.yaml written by plg does not read back");
                    }
                }
                break;
            }
            case Kind::meeting: {
                Parsed<Meeting> m = read_meeting("m.yaml", bytes, "m", refs);
                round_trip(
                    m, [&](const std::string& t) { return read_meeting("m.yaml", t, "m", refs); },
                    write_meeting);
                if (m.record && !m.record->actions.empty()) {
                    std::string edited = edit_action_done("m.yaml", bytes, 1, Date()).bytes;
                    Parsed<Meeting> after = read_meeting("m.yaml", edited, "m", refs);
                    if (!after.record || !after.record->actions[0].done) {
                        fail("action done gave a file that does not read as done");
                    }
                }
                break;
            }
            case Kind::goal: {
                Parsed<Goal> g = read_goal("g.yaml", bytes, "g", refs);
                round_trip(
                    g, [&](const std::string& t) { return read_goal("g.yaml", t, "g", refs); },
                    write_goal);
                if (g.record) {
                    std::string edited =
                        edit_add_progress("g.yaml", bytes, {Date(), 1.5, "x", ""}).bytes;
                    Parsed<Goal> after = read_goal("g.yaml", edited, "g", refs);
                    if (!after.record ||
                        after.record->progress.size() != g.record->progress.size() + 1) {
                        fail("goal progress gave a file without the new entry");
                    }
                }
                break;
            }
            case Kind::reflection: {
                Parsed<Reflection> r = read_reflection("r.yaml", bytes, "r", refs);
                round_trip(
                    r,
                    [&](const std::string& t) { return read_reflection("r.yaml", t, "r", refs); },
                    write_reflection);
                break;
            }
        }
        (void)markdown_inline(bytes);
    } catch (const Error&) {
        // A clear refusal (an edit plg will not make on this layout) is fine.
    }
    return 0;
}
