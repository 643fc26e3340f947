#include <nlohmann/json.hpp>

#include "plg/network/network.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <iterator>
#include <mutex>
#include <set>

#include <sys/stat.h>

#include "plg/base/i18n.hpp"
#include "plg/base/threads.hpp"
#include "plg/records/json.hpp"
#include "plg/store/store.hpp"
#include "plg/yaml/yaml.hpp"

namespace fs = std::filesystem;

namespace plg {

namespace {

constexpr size_t k_errors_kept = 3;

// The network files being read, outermost first: a file that lists itself, or
// two that list each other, would otherwise recurse until the stack runs out.
using Reading = std::vector<fs::path>;
constexpr size_t k_max_network_depth = 16;

void add_path(const fs::path& path, const std::string& given, const fs::path& cwd,
              const std::map<std::string, std::string>& labels, std::vector<NetworkMember>& out,
              std::vector<Diagnostic>& problems, const Location& where, Reading& reading);

// Reads network.yaml and adds what its entries name; paths are relative to the
// file's folder.
void read_network_file(const fs::path& file, const std::string& given, const fs::path& cwd,
                       std::vector<NetworkMember>& out, std::vector<Diagnostic>& problems,
                       const Location& where, Reading& reading) {
    fs::path key = resolved_path(file);
    if (std::find(reading.begin(), reading.end(), key) != reading.end()) {
        problems.push_back({Severity::error, where,
                            tr("'{}' is a network file that is already being read (it lists "
                               "itself, directly or through another); remove this entry",
                               given)});
        return;
    }
    if (reading.size() >= k_max_network_depth) {
        problems.push_back({Severity::error, where,
                            tr("network files nested more than {} deep; list the PLG folders in "
                               "fewer files",
                               k_max_network_depth)});
        return;
    }
    reading.push_back(key);
    struct Pop {
        Reading& r;
        ~Pop() { r.pop_back(); }
    } pop{reading};
    for (const NetworkEntry& e : read_network_entries(file, given, problems)) {
        if (!e.remote.empty() && path_type(e.path) == PathType::missing) {
            problems.push_back(
                {Severity::error, e.where,
                 tr("'{}' is not cloned yet; run 'plg network pull {}'", e.given, given)});
            continue;
        }
        add_path(e.path, e.given, cwd, e.labels, out, problems, e.where, reading);
    }
}

void add_path(const fs::path& path, const std::string& given, const fs::path& cwd,
              const std::map<std::string, std::string>& labels, std::vector<NetworkMember>& out,
              std::vector<Diagnostic>& problems, const Location& where, Reading& reading) {
    PathType type = path_type(path);
    if (type == PathType::folder) {
        FolderSearch search = find_plg_folders(path);
        if (search.stopped) {
            problems.push_back({Severity::error, where,
                                tr("stopped looking for PLGs in '{}' after {} folders; give the "
                                   "folder that holds the PLG clones (or list them in a "
                                   "network.yaml)",
                                   given, search.limit)});
        }
        const std::vector<fs::path>& found = search.found;
        if (found.empty() && !search.stopped) {
            problems.push_back({Severity::warning, where,
                                tr("no PLG (a folder holding plg.yaml) in '{}'", given)});
        }
        for (const auto& root : found) {
            out.push_back({root, display_path(root, cwd), labels, where});
        }
        return;
    }
    if (type == PathType::file && labels.empty() &&
        (path.extension() == ".yaml" || path.extension() == ".yml")) {
        read_network_file(path, given, cwd, out, problems, where, reading);
        return;
    }
    problems.push_back(
        {Severity::error, where, tr("'{}' is neither a folder nor a network.yaml file", given)});
}

constexpr std::string_view k_cache_file = "network-row.json";

nlohmann::json opt_date(const std::optional<Date>& d) {
    return d ? nlohmann::json(d->iso()) : nlohmann::json(nullptr);
}

std::optional<Date> date_from(const nlohmann::json& j) {
    return j.is_string() ? Date::parse_iso(j.get<std::string>()) : std::nullopt;
}

// The cache holds a row's numbers under a key naming everything they depend on.
std::string cache_key(const NetworkRow& row, const ReportOptions& options) {
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx",
                  static_cast<unsigned long long>(fingerprint(row.member.root)));
    // Not where the PLG is shown from: the row is the same from any folder, and
    // its errors name files relative to the PLG (placed_errors adds the rest).
    return std::string("plg ") + PLG_VERSION + " row 4; files " + hex + "; from " +
           (options.from ? options.from->iso() : "-") + "; to " +
           (options.to ? options.to->iso() : "-") + "; today " + options.today.iso() +
           // The row keeps its files' error messages, which are in the message language.
           "; language " + std::string(current_language());
}

nlohmann::json row_to_cache(const NetworkRow& r, const std::string& key) {
    nlohmann::json errors = nlohmann::json::array();
    for (const auto& e : r.errors) {
        errors.push_back(
            {e.severity == Severity::error, e.where.file, e.where.line, e.where.column, e.message});
    }
    nlohmann::json meetings = nlohmann::json::array();
    for (const auto& d : r.history.meetings) {
        meetings.push_back(d.iso());
    }
    nlohmann::json breaks = nlohmann::json::array();
    for (const auto& b : r.history.breaks) {
        breaks.push_back({b.name, b.from.iso(), b.to.iso()});
    }
    return {
        {"key", key},
        {"readable", r.readable},
        {"name", r.name},
        {"school", r.school},
        {"founded", opt_date(r.founded)},
        {"origin", r.origin},
        {"founded_after", r.founded_after},
        {"cadence", r.history.cadence_days},
        {"breaks", breaks},
        {"meetings", meetings},
        {"goals_not_achieved", r.goals_not_achieved},
        {"goals_dropped", r.goals_dropped},
        {"goals_overdue", r.goals_overdue},
        {"status", int(r.status)},
        {"last_meeting", opt_date(r.last_meeting)},
        {"days", r.days_since_last_meeting ? nlohmann::json(*r.days_since_last_meeting)
                                           : nlohmann::json(nullptr)},
        {"meetings_held", r.meetings_held},
        {"meetings_expected", r.meetings_expected},
        {"attendance_present", r.attendance_present},
        {"attendance_possible", r.attendance_possible},
        {"goals_achieved", r.goals_achieved},
        {"goals_total", r.goals_total},
        {"actions_open", r.actions_open},
        {"actions_overdue", r.actions_overdue},
        {"reflections", r.reflections},
        {"rating_count", r.rating_count},
        {"files_with_errors", r.files_with_errors},
        {"attendance",
         r.attendance_percent ? nlohmann::json(*r.attendance_percent) : nlohmann::json(nullptr)},
        {"hours", r.person_hours},
        {"rating_sum", r.rating_sum},
        {"average", r.average_rating ? nlohmann::json(*r.average_rating) : nlohmann::json(nullptr)},
        {"errors", errors}};
}

// Fills `r` from a cached row whose key is `key`; false when there is none or it
// does not fit (then the records are read).
bool row_from_cache(NetworkRow& r, const std::string& key, const std::optional<std::string>& text) {
    if (!text) {
        return false;
    }
    nlohmann::json j = nlohmann::json::parse(*text, nullptr, false);
    try {
        if (j.is_discarded() || j.value("key", "") != key) {
            return false;
        }
        NetworkRow c;
        c.member = r.member;
        c.readable = j.at("readable").get<bool>();
        c.name = j.at("name").get<std::string>();
        c.school = j.at("school").get<std::string>();
        c.founded = date_from(j.at("founded"));
        c.origin = j.at("origin").get<std::string>();
        c.founded_after = j.at("founded_after").get<bool>();
        c.history.founded = c.founded;
        c.history.cadence_days = j.at("cadence").get<int>();
        if (c.history.cadence_days < 1 || c.history.cadence_days > 366) {
            return false;
        }
        for (const auto& b : j.at("breaks")) {
            auto from = date_from(b.at(1));
            auto to = date_from(b.at(2));
            if (!from || !to) {
                return false;
            }
            c.history.breaks.push_back({b.at(0).get<std::string>(), *from, *to});
        }
        for (const auto& m : j.at("meetings")) {
            auto d = date_from(m);
            if (!d) {
                return false;
            }
            c.history.meetings.push_back(*d);
        }
        c.goals_not_achieved = j.at("goals_not_achieved").get<int>();
        c.goals_dropped = j.at("goals_dropped").get<int>();
        c.goals_overdue = j.at("goals_overdue").get<int>();
        int status = j.at("status").get<int>();
        if (status < int(Activity::active) || status > int(Activity::dormant)) {
            return false;  // edited by hand or damaged: read the records
        }
        c.status = Activity(status);
        c.last_meeting = date_from(j.at("last_meeting"));
        if (!j.at("days").is_null()) {
            c.days_since_last_meeting = j.at("days").get<int>();
        }
        c.meetings_held = j.at("meetings_held").get<int>();
        c.meetings_expected = j.at("meetings_expected").get<int>();
        c.attendance_present = j.at("attendance_present").get<int>();
        c.attendance_possible = j.at("attendance_possible").get<int>();
        c.goals_achieved = j.at("goals_achieved").get<int>();
        c.goals_total = j.at("goals_total").get<int>();
        c.actions_open = j.at("actions_open").get<int>();
        c.actions_overdue = j.at("actions_overdue").get<int>();
        c.reflections = j.at("reflections").get<int>();
        c.rating_count = j.at("rating_count").get<int>();
        c.files_with_errors = j.at("files_with_errors").get<int>();
        if (!j.at("attendance").is_null()) {
            c.attendance_percent = j.at("attendance").get<double>();
        }
        c.person_hours = j.at("hours").get<double>();
        c.rating_sum = j.at("rating_sum").get<double>();
        if (!j.at("average").is_null()) {
            c.average_rating = j.at("average").get<double>();
        }
        for (const auto& e : j.at("errors")) {
            c.errors.push_back(
                {e.at(0).get<bool>() ? Severity::error : Severity::warning,
                 {e.at(1).get<std::string>(), e.at(2).get<int>(), e.at(3).get<int>()},
                 e.at(4).get<std::string>()});
        }
        r = std::move(c);
        return true;
    } catch (const nlohmann::json::exception&) {
        return false;  // a cache from another version, or damaged: read the records
    }
}

// Adds the numbers of the PLG at `row.member.root` to `row`; its errors name
// files relative to the PLG, as the cache keeps them.
void fill_row(NetworkRow& row, const ReportOptions& options, unsigned load_threads) {
    Store store(row.member.root, "");
    Plg plg;
    try {
        plg = load(store, options.today,
                   {{Kind::meeting, Kind::goal, Kind::reflection}, load_threads});
    } catch (const Error& e) {
        row.errors.push_back({Severity::error, e.where(), e.what()});
        row.files_with_errors = 1;
        return;
    }
    std::string last_file;
    for (auto& d : plg.problems) {
        if (d.severity != Severity::error) {
            continue;
        }
        if (d.where.file != last_file) {
            ++row.files_with_errors;
            last_file = d.where.file;
        }
        if (row.errors.size() < k_errors_kept) {
            row.errors.push_back(std::move(d));
        }
    }
    if (!plg.community) {
        return;
    }
    row.readable = true;
    const Community& c = *plg.community;
    row.name = c.name;
    row.school = c.school;
    row.founded = c.founded;
    row.origin = c.origin;
    row.history = history_of(plg);
    Date to = options.to.value_or(options.today);
    if (c.founded && *c.founded > to) {
        row.founded_after = true;
        return;
    }
    Report r = build_report(plg, options);
    row.status = r.status;
    row.last_meeting = r.last_meeting;
    row.days_since_last_meeting = r.days_since_last_meeting;
    row.meetings_held = r.meetings_held;
    row.meetings_expected = r.meetings_expected;
    row.attendance_present = r.attendance_present;
    row.attendance_possible = r.attendance_possible;
    row.attendance_percent = r.attendance_percent;
    row.person_hours = r.person_hours;
    row.goals_achieved = r.goals_achieved;
    row.goals_not_achieved = r.goals_not_achieved;
    row.goals_dropped = r.goals_dropped;
    row.goals_overdue = r.goals_overdue;
    row.goals_total = int(r.goals.size());
    row.actions_open = r.actions_open;
    row.actions_overdue = r.actions_overdue;
    row.reflections = r.reflections;
    for (const auto& x : plg.reflections) {
        if (x.date >= r.from && x.date <= r.to) {
            for (const auto& rating : x.ratings) {
                row.rating_sum += rating.value;
                ++row.rating_count;
            }
        }
    }
    if (row.rating_count > 0) {
        row.average_rating = std::round(row.rating_sum / row.rating_count * 100) / 100;
    }
}

// fill_row with an exception boundary: a PLG whose numbers cannot be computed
// gets a row saying why, and the other PLGs are still reported. Runs on worker
// threads, where an escaping exception would end the program.
// Writes a row's cache into its fallback folder (made private to the user).
bool write_fallback(const fs::path& folder, const std::string& text) {
    std::error_code ec;
    fs::create_directories(folder.parent_path(), ec);
    ::chmod(folder.parent_path().c_str(), 0700);
    fs::create_directory(folder, ec);
    return write_cache(folder, k_cache_file, text);
}

// Makes the files a row's errors name, relative to the PLG, relative to the
// current folder as the PLG is shown.
void place_errors(NetworkRow& row) {
    Store shown(row.member.root, row.member.shown);
    for (auto& e : row.errors) {
        e.where.file = e.where.file.empty() ? row.member.shown : shown.shown(e.where.file);
    }
}

void fill_row_safely(NetworkRow& row, const ReportOptions& options, unsigned load_threads) {
    std::string message;
    Location where{"", 0, 0};
    try {
        fill_row(row, options, load_threads);
        return;
    } catch (const Error& e) {
        message = e.what();
        if (!e.where().file.empty()) {
            where = e.where();
        }
    } catch (const std::exception& e) {
        message = tr("internal error: {}", e.what());
    }
    NetworkRow failed;
    failed.member = std::move(row.member);
    failed.errors.push_back({Severity::error, where, message});
    failed.files_with_errors = 1;
    row = std::move(failed);
}

int attention_rank(const NetworkRow& row) {
    if (!row.readable) {
        return 0;
    }
    switch (row.status) {
        case Activity::dormant:
            return 1;
        case Activity::at_risk:
            return 2;
        case Activity::active:
            return 3;
    }
    return 3;
}

}  // namespace

std::vector<NetworkEntry> read_network_entries(const fs::path& file, const std::string& given,
                                               std::vector<Diagnostic>& problems) {
    std::vector<NetworkEntry> entries;
    std::string bytes;
    try {
        bytes = read_file(file, given);
    } catch (const Error& e) {
        problems.push_back({Severity::error, e.where(), e.what()});
        return entries;
    }
    yaml::Document doc = yaml::parse(given, std::move(bytes));
    if (has_errors(doc.problems)) {
        problems.insert(problems.end(), doc.problems.begin(), doc.problems.end());
        return entries;
    }
    auto fail = [&](const yaml::Node& at, const std::string& message) {
        problems.push_back({Severity::error, doc.locate(at.offset), message});
    };
    const yaml::Node* list = doc.root ? doc.root->find("plgs") : nullptr;
    if (!doc.root || doc.root->kind != yaml::Node::Kind::mapping || !list ||
        list->kind != yaml::Node::Kind::sequence) {
        problems.push_back({Severity::error, Location{given, 1, 1},
                            tr("a network file needs a list 'plgs:' of '- path: FOLDER' entries")});
        return entries;
    }
    const std::vector<std::string> keys = {"path", "remote", "branch", "labels"};
    for (const auto& item : list->items) {
        NetworkEntry entry;
        auto text = [&](const char* k) -> std::string {
            const yaml::Node* n = item.kind == yaml::Node::Kind::mapping ? item.find(k) : nullptr;
            if (!n || n->kind == yaml::Node::Kind::null) {
                return "";
            }
            if (n->kind != yaml::Node::Kind::scalar) {
                fail(*n, tr("'{}' must be text", k));
                return "";
            }
            return n->value;
        };
        const yaml::Node* at = item.kind == yaml::Node::Kind::mapping ? item.find("path") : nullptr;
        entry.given = item.kind == yaml::Node::Kind::scalar ? item.value : text("path");
        entry.remote = text("remote");
        entry.branch = text("branch");
        if (entry.given.empty() && !entry.remote.empty()) {
            // A remote without a path is cloned beside network.yaml, named as git names it.
            std::string name = entry.remote;
            while (!name.empty() && (name.back() == '/' || name.back() == ':')) {
                name.pop_back();
            }
            name = name.substr(name.find_last_of("/:") + 1);
            for (std::string_view suffix : {".git", ".bundle"}) {
                if (name.size() > suffix.size() &&
                    name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0) {
                    name.resize(name.size() - suffix.size());
                }
            }
            entry.given = name;
            at = item.find("remote");
        }
        if (entry.given.empty() || entry.given == "." || entry.given == "..") {
            fail(item, tr("each entry of 'plgs' needs 'path: FOLDER' (a PLG or a folder of PLGs)"));
            continue;
        }
        entry.where = doc.locate(at ? at->offset : item.offset);
        if (item.kind == yaml::Node::Kind::mapping) {
            for (const auto& e : item.entries) {
                if (std::find(keys.begin(), keys.end(), e.key.value) == keys.end()) {
                    fail(e.key, tr("unknown key '{}' in a network entry", e.key.value) +
                                    did_you_mean(e.key.value, keys) +
                                    tr("; the keys are: {}", "path, remote, branch, labels"));
                }
            }
            if (const yaml::Node* l = item.find("labels")) {
                if (l->kind != yaml::Node::Kind::mapping) {
                    fail(*l, tr("'labels' must be a mapping like 'district: Motheo'"));
                } else {
                    for (const auto& e : l->entries) {
                        if (e.value.kind != yaml::Node::Kind::scalar) {
                            fail(e.value, tr("label '{}' must be text", e.key.value));
                            continue;
                        }
                        entry.labels[e.key.value] = e.value.value;
                    }
                }
            }
        }
        fs::path target = fs::path(entry.given).is_absolute() ? fs::path(entry.given)
                                                              : file.parent_path() / entry.given;
        entry.path = target.lexically_normal();
        entries.push_back(std::move(entry));
    }
    return entries;
}

std::vector<NetworkMember> find_network(const std::vector<std::string>& paths, const fs::path& cwd,
                                        std::vector<Diagnostic>& problems) {
    std::vector<NetworkMember> out;
    for (const auto& given : paths) {
        fs::path path = fs::path(given).is_absolute() ? fs::path(given) : cwd / given;
        Reading reading;
        add_path(path.lexically_normal(), given, cwd, {}, out, problems, Location{given, 0, 0},
                 reading);
    }
    // The same PLG named twice (directly and through a folder) is counted once.
    std::map<std::pair<dev_t, ino_t>, size_t> seen;
    std::vector<NetworkMember> unique;
    auto text = [](const std::map<std::string, std::string>& labels) {
        std::string pairs;
        for (const auto& [k, v] : labels) {
            pairs += (pairs.empty() ? "" : ", ") + k + ": " + v;
        }
        return "{" + pairs + "}";
    };
    for (auto& m : out) {
        // One folder is one PLG however it is named: its device and inode
        // (a stat, where resolving every link of the path took a readlink
        // per component).
        struct stat st {};
        if (::stat(m.root.c_str(), &st) != 0) {
            unique.push_back(std::move(m));
            continue;
        }
        auto [it, fresh] = seen.emplace(std::make_pair(st.st_dev, st.st_ino), unique.size());
        if (fresh) {
            unique.push_back(std::move(m));
            continue;
        }
        const NetworkMember& first = unique[it->second];
        if (first.labels != m.labels) {
            problems.push_back(
                {Severity::warning, m.given_at,
                 tr("the PLG {} is named again here with the labels {}; it is "
                    "counted once, with the labels given first ({}: {}); give "
                    "each PLG one entry",
                    m.shown, text(m.labels), format_location(first.given_at), text(first.labels))});
        }
    }
    return unique;
}

NetworkReport build_network(std::vector<NetworkMember> members, const ReportOptions& options,
                            unsigned threads, const CacheOptions& cache) {
    NetworkReport n;
    n.to = options.to.value_or(options.today);
    n.from_given = options.from.has_value();
    // The one error that is the same for every PLG: said once, before any thread starts.
    if (options.from && *options.from > n.to) {
        throw Error(tr("the period starts ({}) after it ends ({}); check --from and --to",
                       options.from->iso(), n.to.iso()));
    }
    n.rows.resize(members.size());
    for (size_t i = 0; i < members.size(); ++i) {
        n.rows[i].member = std::move(members[i]);
    }
    std::atomic<size_t> next{0};
    std::atomic<int> fallbacks{0};
    auto work = [&] {
        for (size_t i = next++; i < n.rows.size(); i = next++) {
            NetworkRow& row = n.rows[i];
            // The last PLGs are read on every core: the other threads are
            // done, or soon will be, however big this one is.
            unsigned load_threads = tail_threads(i, n.rows.size(), threads);
            if (!cache.use) {
                fill_row_safely(row, options, load_threads);
                place_errors(row);
                continue;
            }
            std::string key = cache_key(row, options);
            fs::path fallback = cache.fallback.empty()
                                    ? fs::path()
                                    : fallback_cache_root(cache.fallback, row.member.root);
            bool cached = row_from_cache(row, key, read_cache(row.member.root, k_cache_file));
            if (!cached && !fallback.empty() &&
                row_from_cache(row, key, read_cache(fallback, k_cache_file))) {
                cached = true;
                ++fallbacks;
            }
            if (!cached) {
                fill_row_safely(row, options, load_threads);
                // Keyed by the files as they were before reading: a file changed
                // while it was read gives a key that will not match next time.
                std::string text = json_text(row_to_cache(row, key), -1) + "\n";
                if (!write_cache(row.member.root, k_cache_file, text) && !fallback.empty() &&
                    write_fallback(fallback, text)) {
                    ++fallbacks;
                }
            }
            place_errors(row);
        }
    };
    run_on_threads(threads, n.rows.size(), work);
    n.fallback_caches = fallbacks;
    std::optional<Date> earliest = options.from;
    std::set<std::string> keys;
    for (const auto& row : n.rows) {
        for (const auto& [k, v] : row.member.labels) {
            keys.insert(k);
        }
    }
    n.label_keys.assign(keys.begin(), keys.end());
    // PLGs founded after the period are said, and left out of every number.
    auto later = std::stable_partition(n.rows.begin(), n.rows.end(),
                                       [](const NetworkRow& r) { return !r.founded_after; });
    std::move(later, n.rows.end(), std::back_inserter(n.founded_after));
    n.rows.erase(later, n.rows.end());
    n.from = earliest.value_or(n.to);
    if (!options.from) {
        for (const auto& row : n.rows) {
            if (row.founded && *row.founded < n.from) {
                n.from = *row.founded;
            }
        }
    }
    n.timeline = timeline_points(n.from, n.to);
    for (auto& row : n.rows) {
        if (row.readable) {
            row.statuses = status_over(row.history, n.timeline);
            row.revived = revived(row.history, n.from, row.statuses);
        }
    }
    std::stable_sort(n.rows.begin(), n.rows.end(), [](const NetworkRow& a, const NetworkRow& b) {
        if (attention_rank(a) != attention_rank(b)) {
            return attention_rank(a) < attention_rank(b);
        }
        int da = a.days_since_last_meeting.value_or(1 << 30);
        int db = b.days_since_last_meeting.value_or(1 << 30);
        if (da != db) {
            return da > db;
        }
        if (a.name != b.name) {
            return a.name < b.name;
        }
        return a.member.shown < b.member.shown;
    });
    return n;
}

bool has_problems(const NetworkReport& report) {
    if (has_errors(report.problems)) {
        return true;
    }
    return std::any_of(report.rows.begin(), report.rows.end(),
                       [](const NetworkRow& r) { return r.files_with_errors > 0; });
}

NetworkTotals network_totals(const NetworkReport& n) {
    NetworkTotals t;
    t.timeline.resize(n.timeline.size());
    for (const auto& r : n.rows) {
        if (!r.readable) {
            ++t.unreadable;
            continue;
        }
        t.active += r.status == Activity::active;
        t.at_risk += r.status == Activity::at_risk;
        t.dormant += r.status == Activity::dormant;
        t.meetings_held += r.meetings_held;
        t.person_hours += r.person_hours;
        t.attendance_present += r.attendance_present;
        t.attendance_possible += r.attendance_possible;
        t.goals_achieved += r.goals_achieved;
        t.goals_not_achieved += r.goals_not_achieved;
        t.goals_dropped += r.goals_dropped;
        t.goals_overdue += r.goals_overdue;
        t.goals_total += r.goals_total;
        t.actions_open += r.actions_open;
        for (size_t i = 0; i < r.statuses.size() && i < t.timeline.size(); ++i) {
            auto& p = t.timeline[i];
            if (!r.statuses[i]) {
                ++p.not_founded;
            } else {
                p.active += *r.statuses[i] == Activity::active;
                p.at_risk += *r.statuses[i] == Activity::at_risk;
                p.dormant += *r.statuses[i] == Activity::dormant;
            }
        }
        auto before = status_on(r.history, n.from.plus_days(-1));
        if ((before && before->status == Activity::dormant) ||
            std::find(r.statuses.begin(), r.statuses.end(), Activity::dormant) !=
                r.statuses.end()) {
            ++t.dormant_in_period;
        }
        t.revived += r.revived;
        if (r.founded && *r.founded <= n.to) {
            t.ages_in_months.push_back(n.to.days_since(*r.founded) * 12 / 365);
        } else {
            ++t.without_founding;
        }
    }
    std::sort(t.ages_in_months.begin(), t.ages_in_months.end());
    return t;
}

Survival network_survival(const NetworkReport& n) {
    Survival s;
    std::map<std::string, SurvivalRow> cohorts;
    std::map<std::string, SurvivalRow> origins;
    for (const auto& r : n.rows) {
        if (!r.readable) {
            continue;
        }
        if (!r.founded) {
            ++s.without_founding;
            continue;
        }
        std::vector<SurvivalRow*> groups = {&cohorts[std::to_string(r.founded->year())],
                                            &origins[r.origin], &s.all};
        for (auto* g : groups) {
            ++g->plgs;
        }
        for (size_t i = 0; i < k_survival_months.size(); ++i) {
            Date then = r.founded->plus_months(k_survival_months[i]);
            if (then > n.to) {
                continue;
            }
            auto st = status_on(r.history, then);
            for (auto* g : groups) {
                ++g->old_enough[i];
                g->active[i] += st && st->status == Activity::active;
            }
        }
    }
    for (auto& [year, row] : cohorts) {
        row.group = year;
        s.by_cohort.push_back(row);
    }
    for (const auto& origin : k_origins) {
        if (auto it = origins.find(origin); it != origins.end()) {
            it->second.group = origin;
            s.by_origin.push_back(it->second);
        }
    }
    if (auto it = origins.find(""); it != origins.end()) {
        s.by_origin.push_back(it->second);
    }
    s.all.group = "all";
    return s;
}

nlohmann::json network_row_json(const NetworkRow& r) {
    auto date = opt_date;
    auto number = [](const std::optional<double>& v) {
        return v ? json_number(*v) : nlohmann::json(nullptr);
    };
    auto statuses = [](const NetworkRow& row) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& s : row.statuses) {
            out.push_back(s ? nlohmann::json(to_string(*s)) : nlohmann::json(nullptr));
        }
        return out;
    };
    nlohmann::json errors = nlohmann::json::array();
    for (const auto& e : r.errors) {
        errors.push_back(format_diagnostic(e));
    }
    return nlohmann::json(
        {{"path", r.member.shown},
         {"labels", r.member.labels},
         {"readable", r.readable},
         {"name", r.name},
         {"school", r.school},
         {"founded", date(r.founded)},
         {"origin", r.origin},
         {"status", r.readable ? std::string(to_string(r.status)) : "unreadable"},
         {"status_over_time", statuses(r)},
         {"revived", r.revived},
         {"last_meeting", date(r.last_meeting)},
         {"days_since_last_meeting",
          r.days_since_last_meeting ? nlohmann::json(*r.days_since_last_meeting) : nullptr},
         {"meetings_held", r.meetings_held},
         {"meetings_expected", r.meetings_expected},
         {"attendance_percent", number(r.attendance_percent)},
         {"person_hours", json_number(r.person_hours)},
         {"goals_achieved", r.goals_achieved},
         {"goals_not_achieved", r.goals_not_achieved},
         {"goals_dropped", r.goals_dropped},
         {"goals_overdue", r.goals_overdue},
         {"goals_total", r.goals_total},
         {"actions_open", r.actions_open},
         {"actions_overdue", r.actions_overdue},
         {"reflections", r.reflections},
         {"average_rating", number(r.average_rating)},
         {"files_with_errors", r.files_with_errors},
         {"errors", errors}});
}

namespace {

// Everything but the rows: "plgs" is an empty list.
nlohmann::json network_json_head(const NetworkReport& n) {
    auto date = opt_date;
    NetworkTotals t = network_totals(n);
    nlohmann::json problems = nlohmann::json::array();
    for (const auto& p : n.problems) {
        problems.push_back(format_diagnostic(p));
    }
    nlohmann::json timeline = nlohmann::json::array();
    for (size_t i = 0; i < n.timeline.size(); ++i) {
        const auto& p = t.timeline[i];
        timeline.push_back({{"period", n.timeline[i].label},
                            {"date", n.timeline[i].day.iso()},
                            {"active", p.active},
                            {"at_risk", p.at_risk},
                            {"dormant", p.dormant},
                            {"not_founded", p.not_founded}});
    }
    nlohmann::json later = nlohmann::json::array();
    for (const auto& r : n.founded_after) {
        later.push_back({{"path", r.member.shown},
                         {"labels", r.member.labels},
                         {"name", r.name},
                         {"founded", date(r.founded)}});
    }
    auto survival_rows = [](const std::vector<SurvivalRow>& rows_in) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& g : rows_in) {
            nlohmann::json after = nlohmann::json::object();
            for (size_t i = 0; i < k_survival_months.size(); ++i) {
                after[std::to_string(k_survival_months[i])] = {
                    {"old_enough", g.old_enough[i]},
                    {"active", g.active[i]},
                    {"percent",
                     g.old_enough[i]
                         ? json_number(std::round(1000.0 * g.active[i] / g.old_enough[i]) / 10)
                         : nlohmann::json(nullptr)}};
            }
            out.push_back({{"group", g.group}, {"plgs", g.plgs}, {"months_after_founding", after}});
        }
        return out;
    };
    Survival sv = network_survival(n);
    return {
        {"period", {{"from", n.from.iso()}, {"to", n.to.iso()}}},
        {"status_over_time", timeline},
        {"founded_after_period", later},
        {"survival",
         {{"by_cohort", survival_rows(sv.by_cohort)},
          {"by_origin", survival_rows(sv.by_origin)},
          {"all", survival_rows({sv.all})[0]},
          {"without_founding", sv.without_founding}}},
        {"totals",
         {{"plgs", n.rows.size()},
          {"active", t.active},
          {"at_risk", t.at_risk},
          {"dormant", t.dormant},
          {"unreadable", t.unreadable},
          {"meetings_held", t.meetings_held},
          {"person_hours", json_number(std::round(t.person_hours * 100) / 100)},
          {"attendance_percent",
           t.attendance_possible
               ? json_number(std::round(1000.0 * t.attendance_present / t.attendance_possible) / 10)
               : nlohmann::json(nullptr)},
          {"goals_achieved", t.goals_achieved},
          {"goals_not_achieved", t.goals_not_achieved},
          {"goals_dropped", t.goals_dropped},
          {"goals_overdue", t.goals_overdue},
          {"goals_total", t.goals_total},
          {"actions_open", t.actions_open},
          {"dormant_in_period", t.dormant_in_period},
          {"revived", t.revived}}},
        {"plgs", nlohmann::json::array()},
        {"problems", problems}};
}

}  // namespace

nlohmann::json network_json(const NetworkReport& n) {
    nlohmann::json j = network_json_head(n);
    for (const auto& r : n.rows) {
        j["plgs"].push_back(network_row_json(r));
    }
    return j;
}

std::string network_json_text(const NetworkReport& n) {
    // The rows are written one at a time into the text, never all at once as
    // JSON values: memory for the text alone, however many PLGs.
    std::string text = json_text(network_json_head(n));
    const std::string empty = "\n  \"plgs\": []";
    size_t at = text.find(empty);
    if (at == std::string::npos || n.rows.empty()) {
        return text + "\n";
    }
    std::string rows = "\n  \"plgs\": [\n";
    for (size_t i = 0; i < n.rows.size(); ++i) {
        std::string row = json_text(network_row_json(n.rows[i]));
        rows += "    ";
        for (char c : row) {
            rows += c;
            if (c == '\n') {
                rows += "    ";
            }
        }
        rows += i + 1 < n.rows.size() ? ",\n" : "\n";
    }
    rows += "  ]";
    text.replace(at, empty.size(), rows);
    return text + "\n";
}

}  // namespace plg
