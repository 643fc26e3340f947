#include "plg/import/import.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include "plg/base/i18n.hpp"
#include "plg/base/text.hpp"
#include "plg/yaml/yaml.hpp"

namespace plg {

namespace {

using yaml::Node;

const std::vector<std::string> k_present = {"yes", "y",        "true",    "1",   "x", "ja",
                                            "j",   "aanwezig", "present", "oui", "p"};
const std::vector<std::string> k_absent = {"no",      "n",      "false", "0", "nee",
                                           "afwezig", "absent", "non",   "a", ""};

// Lower case for ASCII and the Latin letters of European names (À-Þ, and
// Latin Extended-A: Ö, Ş, Ł, Č, ...), so that "ÖZTÜRK" matches "Öztürk".
std::string lower(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size(); ++i) {
        auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            out += char(std::tolower(c));
            continue;
        }
        if ((c & 0xE0) == 0xC0 && i + 1 < s.size()) {
            unsigned cp = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3Fu);
            if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) {
                cp += 0x20;
            } else if ((cp >= 0x100 && cp <= 0x137) || (cp >= 0x14A && cp <= 0x177)) {
                cp |= 1u;
            } else if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E)) {
                cp += (cp & 1u);
            }
            out += char(0xC0 | (cp >> 6));
            out += char(0x80 | (cp & 0x3F));
            ++i;
            continue;
        }
        out += char(c);
    }
    return out;
}

// A name as people type it: case and runs of spaces do not count.
std::string name_key(std::string_view s) {
    std::string out;
    for (char c : lower(s)) {
        bool space = c == ' ' || c == '\t';
        if (space && (out.empty() || out.back() == ' ')) {
            continue;
        }
        out += space ? ' ' : c;
    }
    while (!out.empty() && out.back() == ' ') {
        out.pop_back();
    }
    return out;
}

std::optional<Date> parse_date(std::string_view text, DateOrder order) {
    // A time after the date (KoboToolbox and ODK write 2026-11-23T10:00:00) is left out.
    size_t cut = text.find_first_of("T ");
    std::string_view d = text.substr(0, cut);
    if (order == DateOrder::iso) {
        return Date::parse_iso(d);
    }
    int parts[3] = {0, 0, 0};
    int n = 0;
    size_t digits = 0;
    for (char c : d) {
        if (c >= '0' && c <= '9') {
            if (n > 2 || ++digits > 4) {
                return std::nullopt;
            }
            parts[n] = parts[n] * 10 + (c - '0');
        } else if ((c == '-' || c == '/' || c == '.') && digits > 0 && n < 2) {
            ++n;
            digits = 0;
        } else {
            return std::nullopt;
        }
    }
    if (n != 2 || digits != 4) {
        return std::nullopt;
    }
    int day = order == DateOrder::day_month_year ? parts[0] : parts[1];
    int month = order == DateOrder::day_month_year ? parts[1] : parts[0];
    std::chrono::year_month_day ymd{std::chrono::year(parts[2]),
                                    std::chrono::month(unsigned(month)),
                                    std::chrono::day(unsigned(day))};
    if (!ymd.ok()) {
        return std::nullopt;
    }
    return Date(ymd);
}

std::string_view date_example(DateOrder order) {
    switch (order) {
        case DateOrder::iso:
            return "2026-11-23";
        case DateOrder::day_month_year:
            return "23-11-2026";
        case DateOrder::month_day_year:
            return "11/23/2026";
    }
    return "2026-11-23";
}

class Planner {
  public:
    Planner(ImportKind kind, const std::string& file, const CsvTable& table, const ImportMap& map,
            const Plg& plg)
        : m_kind(kind), m_file(file), m_table(table), m_map(map), m_plg(plg) {
        m_date = column(map.date, "date");
        m_member = column(map.member, "member");
        m_present = column(map.present, "present");
        m_reason = column(map.reason, "reason");
        m_meeting = column(map.meeting, "meeting");
        m_title = column(map.title, "title");
        m_minutes = column(map.minutes, "minutes");
        for (const auto& m : plg.community->members) {
            m_names[name_key(m.name)].push_back(m.id);
        }
    }

    ImportPlan plan() {
        m_plan.rows = int(m_table.rows.size());
        if (m_kind == ImportKind::attendance) {
            for (const CsvRow& row : m_table.rows) {
                attendance_row(row);
            }
        } else {
            meetings();
        }
        // A meeting whose rows were all in the records already has nothing to change.
        m_plan.attendance.erase(std::remove_if(m_plan.attendance.begin(), m_plan.attendance.end(),
                                               [](const ImportPlan::Attendance& a) {
                                                   return a.present.empty() && a.absent.empty();
                                               }),
                                m_plan.attendance.end());
        return std::move(m_plan);
    }

  private:
    // The index of the column the map names for `key`, or -1 when it names none.
    int column(const std::string& name, std::string_view key) {
        if (name.empty()) {
            return -1;
        }
        for (size_t i = 0; i < m_table.header.size(); ++i) {
            if (m_table.header[i] == name) {
                return int(i);
            }
        }
        for (size_t i = 0; i < m_table.header.size(); ++i) {
            if (lower(m_table.header[i]) == lower(name)) {
                return int(i);
            }
        }
        std::string columns;
        for (const auto& h : m_table.header) {
            columns += (columns.empty() ? "" : ", ") + ("'" + h + "'");
        }
        throw Error(Location{m_file, 1, 0},
                    tr("the map's {} column '{}' is not in the header; its columns are: {}", key,
                       name, columns));
    }

    std::string cell(const CsvRow& row, int index) const {
        return index >= 0 && size_t(index) < row.cells.size() ? row.cells[size_t(index)] : "";
    }

    // False (the row listed) when a text the import would write is not one
    // plg keeps in records (a control character).
    bool keepable(const CsvRow& row, std::initializer_list<int> columns) {
        for (int c : columns) {
            try {
                yaml::check_record_text(cell(row, c));
            } catch (const Error& e) {
                skip(row, tr("column '{}': {}", m_table.header[size_t(c)], e.what()));
                return false;
            }
        }
        return true;
    }

    void skip(const CsvRow& row, std::string message) {
        m_plan.skipped.push_back(
            {Severity::error, Location{m_file, row.line, 0}, std::move(message)});
    }

    std::optional<Date> date_of(const CsvRow& row) {
        std::string text = cell(row, m_date);
        auto d = parse_date(text, m_map.dates);
        if (!d) {
            skip(row, tr("'{}' in the column '{}' is not a date like {}; fix it, or set "
                         "date_format in the map",
                         text, m_table.header[size_t(m_date)], date_example(m_map.dates)));
        }
        return d;
    }

    // The member a row names: its id, else its full name. Nullopt (the row
    // listed) when it names none, or two.
    std::optional<std::string> member_of(const CsvRow& row) {
        std::string text = cell(row, m_member);
        if (m_plg.community->find_member(text)) {
            return text;
        }
        auto it = m_names.find(name_key(text));
        if (it != m_names.end() && it->second.size() == 1) {
            return it->second.front();
        }
        if (it != m_names.end()) {
            std::string ids;
            for (const auto& id : it->second) {
                ids += (ids.empty() ? "" : ", ") + id;
            }
            skip(row, tr("'{}' is the name of more than one member ({}); write the member's id "
                         "in the column '{}'",
                         text, ids, m_table.header[size_t(m_member)]));
        } else {
            skip(row, tr("'{}' (column '{}') is no member's id or name; add them with 'plg "
                         "member add', or fix the name",
                         text, m_table.header[size_t(m_member)]) +
                          did_you_mean(text, m_plg.community->member_ids()));
        }
        return std::nullopt;
    }

    // True (present) or false (absent); nullopt when the value is neither.
    std::optional<bool> present_of(const CsvRow& row) {
        if (m_present < 0) {
            return true;
        }
        std::string value = lower(cell(row, m_present));
        const auto& yes = m_map.present_values.empty() ? k_present : m_map.present_values;
        const auto& no = m_map.absent_values.empty() ? k_absent : m_map.absent_values;
        if (std::find(yes.begin(), yes.end(), value) != yes.end()) {
            return true;
        }
        if (std::find(no.begin(), no.end(), value) != no.end()) {
            return false;
        }
        skip(row, tr("'{}' in the column '{}' is neither present nor absent; give "
                     "present_values and absent_values in the map",
                     cell(row, m_present), m_table.header[size_t(m_present)]));
        return std::nullopt;
    }

    // Adds one row's member to a meeting's planned attendance: the records
    // and earlier rows win, and a contradiction is listed.
    void record(const CsvRow& row, const Meeting* existing, ImportPlan::Attendance& change,
                const std::string& member, bool present, const std::string& reason) {
        auto has = [&](const std::vector<std::string>& list) {
            return std::find(list.begin(), list.end(), member) != list.end();
        };
        auto absent_in = [&](const std::vector<Absence>& list) {
            return std::any_of(list.begin(), list.end(),
                               [&](const Absence& a) { return a.member == member; });
        };
        bool was_present = (existing && has(existing->attendees)) || has(change.present);
        bool was_absent = (existing && absent_in(existing->absent)) || absent_in(change.absent);
        std::string where = existing ? existing->id : tr("the new meeting");
        if ((present && was_present) || (!present && was_absent)) {
            ++m_plan.already;
        } else if (was_present || was_absent) {
            skip(row, present ? tr("{} is absent in {}, present in this row; change one of the "
                                   "two by hand",
                                   member, where)
                              : tr("{} is present in {}, absent in this row; change one of the "
                                   "two by hand",
                                   member, where));
        } else if (present) {
            change.present.push_back(member);
        } else {
            change.absent.push_back({member, reason});
        }
    }

    ImportPlan::Attendance& change_for(const std::string& meeting) {
        for (auto& c : m_plan.attendance) {
            if (c.meeting == meeting) {
                return c;
            }
        }
        m_plan.attendance.push_back({meeting, {}, {}});
        return m_plan.attendance.back();
    }

    void attendance_row(const CsvRow& row) {
        auto date = date_of(row);
        if (!date) {
            return;
        }
        std::vector<const Meeting*> on_day;
        for (const auto& m : m_plg.meetings) {
            if (m.date == *date) {
                on_day.push_back(&m);
            }
        }
        if (m_meeting >= 0) {
            std::string named = cell(row, m_meeting);
            std::vector<const Meeting*> match;
            for (const Meeting* m : on_day) {
                if (m->id == named || name_key(m->title) == name_key(named)) {
                    match.push_back(m);
                }
            }
            if (match.size() != 1) {
                skip(row,
                     match.empty()
                         ? tr("no meeting on {} has the id or title '{}'; add it first "
                              "(plg meeting add, or plg import meetings)",
                              date->iso(), named)
                         : tr("{} meetings on {} have the title '{}'; write the meeting's "
                              "id in the column '{}'",
                              match.size(), date->iso(), named, m_table.header[size_t(m_meeting)]));
                return;
            }
            on_day = match;
        }
        if (on_day.size() != 1) {
            skip(row, on_day.empty()
                          ? tr("there is no meeting on {}; add it first (plg meeting add, or "
                               "plg import meetings)",
                               date->iso())
                          : tr("there are {} meetings on {}; name the meeting in a column the "
                               "map gives as 'meeting'",
                               on_day.size(), date->iso()));
            return;
        }
        auto member = member_of(row);
        auto present = present_of(row);
        if (!member || !present || !keepable(row, {m_reason})) {
            return;
        }
        record(row, on_day.front(), change_for(on_day.front()->id), *member, *present,
               cell(row, m_reason));
    }

    void meetings() {
        // Rows of one meeting share its date and title.
        struct Group {
            Meeting meeting;
            const Meeting* existing = nullptr;
            ImportPlan::Attendance change;
        };
        std::vector<Group> groups;
        for (const CsvRow& row : m_table.rows) {
            auto date = date_of(row);
            if (!date) {
                continue;
            }
            std::string title = cell(row, m_title);
            if (!keepable(row, {m_title, m_reason})) {
                continue;
            }
            if (title.empty()) {
                skip(row, tr("the row has no title (column '{}'); a meeting needs one",
                             m_table.header[size_t(m_title)]));
                continue;
            }
            std::optional<int> minutes;
            if (std::string text = cell(row, m_minutes); !text.empty()) {
                char* end = nullptr;
                long n = std::strtol(text.c_str(), &end, 10);
                if (*end != '\0' || n <= 0 || n > 24 * 60) {
                    skip(row, tr("'{}' in the column '{}' is not a number of minutes (1 to 1440)",
                                 text, m_table.header[size_t(m_minutes)]));
                    continue;
                }
                minutes = int(n);
            }
            auto it = std::find_if(groups.begin(), groups.end(), [&](const Group& g) {
                return g.meeting.date == *date && name_key(g.meeting.title) == name_key(title);
            });
            if (it == groups.end()) {
                Group g;
                g.meeting.date = *date;
                g.meeting.title = title;
                for (const auto& m : m_plg.meetings) {
                    if (m.date == *date && name_key(m.title) == name_key(title)) {
                        g.existing = &m;
                    }
                }
                groups.push_back(std::move(g));
                it = groups.end() - 1;
            }
            if (minutes && !it->existing) {
                if (it->meeting.minutes && *it->meeting.minutes != *minutes) {
                    skip(row, tr("the meeting '{}' on {} lasted {} minutes in an earlier row, {} "
                                 "in this one; make them agree",
                                 title, date->iso(), *it->meeting.minutes, *minutes));
                    continue;
                }
                it->meeting.minutes = minutes;
            }
            if (m_member < 0) {
                if (it->existing) {
                    ++m_plan.already;
                }
                continue;
            }
            auto member = member_of(row);
            auto present = present_of(row);
            if (!member || !present) {
                continue;
            }
            record(row, it->existing, it->change, *member, *present, cell(row, m_reason));
        }
        for (auto& g : groups) {
            if (g.existing) {
                if (!g.change.present.empty() || !g.change.absent.empty()) {
                    g.change.meeting = g.existing->id;
                    m_plan.attendance.push_back(std::move(g.change));
                }
                continue;
            }
            g.meeting.attendees = std::move(g.change.present);
            g.meeting.absent = std::move(g.change.absent);
            m_plan.created.push_back(std::move(g.meeting));
        }
        std::stable_sort(m_plan.created.begin(), m_plan.created.end(),
                         [](const Meeting& a, const Meeting& b) { return a.date < b.date; });
    }

    ImportKind m_kind;
    const std::string& m_file;
    const CsvTable& m_table;
    const ImportMap& m_map;
    const Plg& m_plg;
    int m_date = -1, m_member = -1, m_present = -1, m_reason = -1, m_meeting = -1, m_title = -1,
        m_minutes = -1;
    std::map<std::string, std::vector<std::string>> m_names;
    ImportPlan m_plan;
};

}  // namespace

ImportMap read_import_map(const std::string& file, std::string bytes, ImportKind kind) {
    yaml::Document doc = yaml::parse(file, std::move(bytes));
    std::vector<Diagnostic> problems = doc.problems;
    if (has_errors(problems)) {
        throw InvalidRecord(problems);
    }
    ImportMap map;
    auto fail = [&](const Node& at, std::string message) {
        problems.push_back({Severity::error, doc.locate(at.offset), std::move(message)});
    };
    const std::vector<std::string> keys = {"columns", "separator", "date_format", "present_values",
                                           "absent_values"};
    const std::vector<std::string> column_keys =
        kind == ImportKind::attendance
            ? std::vector<std::string>{"date", "member", "present", "reason", "meeting"}
            : std::vector<std::string>{"date", "title", "minutes", "member", "present", "reason"};
    if (!doc.root || doc.root->kind != Node::Kind::mapping) {
        throw InvalidRecord({{Severity::error, Location{file, 1, 1},
                              tr("a map file is a mapping with 'columns:' naming the CSV's "
                                 "columns; see docs/import.md")}});
    }
    auto text_list = [&](const Node& n, std::vector<std::string>& out) {
        if (n.kind != Node::Kind::sequence) {
            fail(n, tr("must be a list, like [ja, x, 1]"));
            return;
        }
        for (const auto& item : n.items) {
            if (item.kind == Node::Kind::scalar || item.kind == Node::Kind::null) {
                out.push_back(lower(item.value));
            } else {
                fail(item, tr("must be text"));
            }
        }
    };
    bool columns_wrong = false;  // said already: no need to say what they lack
    for (const auto& e : doc.root->entries) {
        const std::string& key = e.key.value;
        if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
            fail(e.key, tr("unknown key '{}' in a map file", key) + did_you_mean(key, keys) +
                            tr("; the keys are: {}",
                               "columns, separator, date_format, "
                               "present_values, absent_values"));
        } else if (key == "separator") {
            const std::string& v = e.value.value;
            if (e.value.kind != Node::Kind::scalar ||
                (v != "," && v != ";" && v != "\\t" && v != "\t" && v != "tab")) {
                fail(e.value, tr("separator must be \",\", \";\" or tab"));
            } else {
                map.separator = v == ";" ? ';' : v == "," ? ',' : '\t';
            }
        } else if (key == "date_format") {
            std::string v = lower(e.value.value);
            if (v == "yyyy-mm-dd") {
                map.dates = DateOrder::iso;
            } else if (v == "dd-mm-yyyy" || v == "dd/mm/yyyy" || v == "dd.mm.yyyy") {
                map.dates = DateOrder::day_month_year;
            } else if (v == "mm/dd/yyyy" || v == "mm-dd-yyyy") {
                map.dates = DateOrder::month_day_year;
            } else {
                fail(e.value, tr("date_format must be YYYY-MM-DD, DD-MM-YYYY or MM/DD/YYYY"));
            }
        } else if (key == "present_values") {
            text_list(e.value, map.present_values);
        } else if (key == "absent_values") {
            text_list(e.value, map.absent_values);
        } else if (e.value.kind != Node::Kind::mapping) {
            fail(e.value, tr("'columns' must be a mapping like 'date: Datum'"));
            columns_wrong = true;
        } else {
            for (const auto& c : e.value.entries) {
                const std::string& name = c.key.value;
                if (std::find(column_keys.begin(), column_keys.end(), name) == column_keys.end()) {
                    std::string list;
                    for (const auto& k : column_keys) {
                        list += (list.empty() ? "" : ", ") + k;
                    }
                    fail(c.key, tr("unknown column '{}' for importing {}", name,
                                   kind == ImportKind::attendance ? "attendance" : "meetings") +
                                    did_you_mean(name, column_keys) +
                                    tr("; the columns are: {}", list));
                    continue;
                }
                if (c.value.kind != Node::Kind::scalar || c.value.value.empty()) {
                    fail(c.value,
                         tr("give the CSV's header of the column, like '{}: Datum'", name));
                    continue;
                }
                std::string* slot = name == "date"      ? &map.date
                                    : name == "member"  ? &map.member
                                    : name == "present" ? &map.present
                                    : name == "reason"  ? &map.reason
                                    : name == "meeting" ? &map.meeting
                                    : name == "title"   ? &map.title
                                                        : &map.minutes;
                *slot = c.value.value;
            }
        }
    }
    std::vector<std::string> required = {"date"};
    required.push_back(kind == ImportKind::attendance ? "member" : "title");
    for (const auto& r : required) {
        bool given = r == "date"     ? !map.date.empty()
                     : r == "member" ? !map.member.empty()
                                     : !map.title.empty();
        if (!given && !columns_wrong) {
            problems.push_back({Severity::error, Location{file, 1, 1},
                                tr("the map needs 'columns:' with '{}: HEADER', the CSV column "
                                   "that holds it",
                                   r)});
        }
    }
    if (has_errors(problems)) {
        throw InvalidRecord(problems);
    }
    return map;
}

ImportPlan plan_import(ImportKind kind, const std::string& file, const CsvTable& table,
                       const ImportMap& map, const Plg& plg) {
    return Planner(kind, file, table, map, plg).plan();
}

}  // namespace plg
