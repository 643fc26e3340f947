#include "plg/export/export.hpp"

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>

#include "plg/base/i18n.hpp"
#include "plg/base/threads.hpp"
#include "plg/report/report.hpp"
#include "plg/store/store.hpp"

namespace plg {

namespace {

constexpr size_t k_errors_kept = 3;

// What one PLG gives the export: its rows, or why it has none.
struct Produced {
    Rows rows;
    bool exported = false;
    bool founded_after = false;
    std::vector<Diagnostic> errors;  // the first few
    bool has_errors = false;
};

Produced produce(const ExportSource& member, const ExportOptions& options,
                 const std::vector<std::string>& label_keys, unsigned load_threads) {
    Produced out;
    try {
        Store store(member.root, member.shown);
        Plg plg = load(store, options.period.today,
                       {{Kind::meeting, Kind::goal, Kind::reflection}, load_threads});
        for (auto& d : plg.problems) {
            if (d.severity == Severity::error) {
                out.has_errors = true;
                if (out.errors.size() < k_errors_kept) {
                    out.errors.push_back(std::move(d));
                }
            }
        }
        if (!plg.community) {
            return out;
        }
        Date to = options.period.to.value_or(options.period.today);
        if (plg.community->founded && *plg.community->founded > to) {
            out.founded_after = true;
            return out;
        }
        Report report = build_report(plg, options.period);
        export_rows(plg, report, member.plg, label_keys, options.anonymise, out.rows);
        out.exported = true;
    } catch (const Error& e) {
        Location where = e.where().file.empty()
                             ? Location{member.shown.empty() ? "." : member.shown, 0, 0}
                             : e.where();
        out.errors.push_back({Severity::error, where, e.what()});
        out.has_errors = true;
    } catch (const std::exception& e) {
        out.errors.push_back({Severity::error,
                              Location{member.shown.empty() ? "." : member.shown, 0, 0},
                              tr("internal error: {}", e.what())});
        out.has_errors = true;
    }
    return out;
}

}  // namespace

ExportSummary export_plgs(const std::vector<ExportSource>& members, const ExportOptions& options,
                          const std::vector<std::string>& label_keys, TableWriter& out) {
    if (options.period.from && options.period.to && *options.period.from > *options.period.to) {
        throw Error(tr("the period starts ({}) after it ends ({}); check --from and --to",
                       options.period.from->iso(), options.period.to->iso()));
    }
    // Workers read PLGs ahead of the writer, at most `window` of them, so that
    // memory stays bounded however many PLGs there are; the writer takes them
    // in order, so the same records always give the same rows.
    size_t n = members.size();
    unsigned threads =
        std::max(1u, std::min<unsigned>(options.threads, unsigned(std::max<size_t>(n, 1))));
    size_t window = 4 * size_t(threads);
    std::vector<std::optional<Produced>> slots(n);
    std::mutex mutex;
    std::condition_variable ready;  // a slot was filled
    std::condition_variable room;   // the writer moved on
    size_t next = 0;
    size_t written = 0;
    bool stop = false;

    auto work = [&] {
        while (true) {
            size_t i;
            {
                std::unique_lock lock(mutex);
                room.wait(lock, [&] { return stop || next >= n || next < written + window; });
                if (stop || next >= n) {
                    return;
                }
                i = next++;
            }
            Produced p = produce(members[i], options, label_keys, tail_threads(i, n, threads));
            {
                std::lock_guard lock(mutex);
                slots[i] = std::move(p);
            }
            ready.notify_all();
        }
    };
    std::vector<std::thread> pool;
    for (unsigned t = 0; t < threads; ++t) {
        pool.emplace_back(work);
    }
    struct Join {
        std::vector<std::thread>& pool;
        std::mutex& mutex;
        bool& stop;
        std::condition_variable& room;
        ~Join() {
            {
                std::lock_guard lock(mutex);
                stop = true;
            }
            room.notify_all();
            for (auto& t : pool) {
                t.join();
            }
        }
    } join{pool, mutex, stop, room};

    ExportSummary summary;
    for (size_t i = 0; i < n; ++i) {
        Produced p;
        {
            std::unique_lock lock(mutex);
            ready.wait(lock, [&] { return slots[i].has_value(); });
            p = std::move(*slots[i]);
            slots[i].reset();
            written = i + 1;
        }
        room.notify_all();
        if (p.founded_after) {
            summary.founded_after.push_back(members[i].plg.id);
        }
        if (p.has_errors) {
            ++summary.plgs_with_errors;
            summary.problems.insert(summary.problems.end(), p.errors.begin(), p.errors.end());
        }
        if (!p.exported) {
            continue;
        }
        ++summary.plgs;
        for (size_t t = 0; t < k_table_count; ++t) {
            for (const Row& row : p.rows.tables[t]) {
                out.row(t, row);
            }
            summary.rows[t] += p.rows.tables[t].size();
        }
    }
    out.commit();
    return summary;
}

}  // namespace plg
