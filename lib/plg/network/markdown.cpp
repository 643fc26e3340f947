// The Markdown form of a network report, in the words of report/labels.cpp.

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>

#include "plg/base/i18n.hpp"
#include "plg/base/text.hpp"
#include "plg/network/network.hpp"
#include "plg/report/html_writer.hpp"
#include "plg/report/markdown_writer.hpp"

namespace plg {

namespace {

std::string share(int part, int whole, const Labels& l) {
    return whole > 0 ? percent(100.0 * part / whole, l) : std::string(l.none);
}

std::vector<std::string> network_row(const NetworkRow& r, const Labels& l, bool with_labels,
                                     const std::vector<std::string>& keys) {
    std::vector<std::string> row;
    row.push_back(markdown_inline(r.readable ? r.name : r.member.shown));
    // The folder tells apart PLGs of the same name.
    row.push_back(markdown_inline(r.member.shown));
    row.push_back(r.readable ? markdown_inline(r.school.empty() ? std::string(l.none) : r.school)
                             : std::string(l.none));
    if (with_labels) {
        for (const auto& k : keys) {
            auto it = r.member.labels.find(k);
            row.push_back(it == r.member.labels.end() ? std::string(l.none)
                                                      : markdown_inline(it->second));
        }
    }
    if (!r.readable) {
        row.push_back("**" + std::string(l.unreadable) + "**");
        for (int i = 0; i < 7; ++i) {
            row.push_back(std::string(l.none));
        }
        return row;
    }
    row.push_back(r.status == Activity::active
                      ? std::string(l.statuses[0])
                      : "**" + std::string(l.statuses[size_t(r.status)]) + "**");
    row.push_back(r.last_meeting ? short_date(*r.last_meeting, l) + " " +
                                       std::to_string(r.last_meeting->year())
                                 : std::string(l.none));
    row.push_back(number(r.meetings_held, l) + "/" + number(r.meetings_expected, l));
    row.push_back(r.attendance_percent ? percent(*r.attendance_percent, l) : std::string(l.none));
    row.push_back(fixed_number(r.person_hours, l, 1));
    row.push_back(number(r.goals_achieved, l) + "/" + number(r.goals_total, l));
    row.push_back(number(r.actions_open, l));
    row.push_back(r.average_rating ? fixed_number(*r.average_rating, l, 1) : std::string(l.none));
    return row;
}

}  // namespace

namespace {

// The totals over the PLGs that could be read.
void write_summary(DocumentWriter& w, const NetworkReport& n,
                   [[maybe_unused]] const NetworkTotals& t, const Labels& l) {
    w.heading(2, std::string(l.summary));
    w.paragraph(
        fmt::format(fmt::runtime(l.plgs_line), n.rows.size(), t.active, t.at_risk, t.dormant) +
        (t.unreadable ? fmt::format(fmt::runtime(l.unreadable_line), t.unreadable) : "") + ".");
    w.bullet(bold_label(l.meetings, l) + number(t.meetings_held, l));
    w.bullet(bold_label(l.attendance_rate, l) +
             share(t.attendance_present, t.attendance_possible, l));
    w.bullet(bold_label(l.person_hours, l) + number(t.person_hours, l));
    w.bullet(bold_label(l.goals, l) + fmt::format(fmt::runtime(l.goals_reached),
                                                  number(t.goals_achieved, l),
                                                  number(t.goals_total, l)));
    w.bullet(bold_label(l.agenda_actions, l) + number(t.actions_open, l));
    if (!n.founded_after.empty()) {
        std::vector<std::string> names;
        for (const auto& r : n.founded_after) {
            names.push_back(markdown_inline(r.name) + " (" + long_date(*r.founded, l) + ")");
        }
        w.paragraph(fmt::format(fmt::runtime(l.founded_after), long_date(n.to, l), join(names)));
    }
}

// The programme's questions: how old, how sustained, what they cost, goals reached.
void write_questions(DocumentWriter& w, const NetworkReport& n,
                     [[maybe_unused]] const NetworkTotals& t, const Labels& l) {
    int readable = int(n.rows.size()) - t.unreadable;
    w.heading(2, std::string(l.questions));
    if (!t.ages_in_months.empty()) {
        w.bullet(fmt::format(fmt::runtime(l.q_age), t.ages_in_months[t.ages_in_months.size() / 2],
                             long_date(n.to, l), t.ages_in_months.front(), t.ages_in_months.back(),
                             t.without_founding));
    }
    w.bullet(fmt::format(fmt::runtime(l.q_sustained), t.active, readable,
                         share(t.active, readable, l), t.at_risk, t.dormant));
    w.bullet(fmt::format(fmt::runtime(l.q_cost), number(t.person_hours, l),
                         number(readable ? t.person_hours / readable : 0, l)));
    if (t.dormant_in_period > 0) {
        w.bullet(fmt::format(fmt::runtime(l.q_revived), t.revived, t.dormant_in_period));
    }
    w.bullet(fmt::format(fmt::runtime(l.q_goals), t.goals_achieved, t.goals_total,
                         share(t.goals_achieved, t.goals_total, l)));
}

// How many PLGs were active, at risk and dormant at the end of each month (or
// quarter, year), and a row per PLG.
void write_timeline(DocumentWriter& w, const NetworkReport& n, const NetworkTotals& t,
                    const Labels& l) {
    if (n.timeline.size() < 2 || n.rows.empty()) {
        return;
    }
    w.heading(2, std::string(l.status_over_time_heading));
    std::vector<std::string> header = {std::string(l.status)};
    std::vector<bool> right = {false};
    for (const auto& p : n.timeline) {
        header.push_back(period_label(p.label, l));
        right.push_back(true);
    }
    std::vector<std::vector<std::string>> counts(4);
    counts[0].push_back(std::string(l.statuses[0]));
    counts[1].push_back(std::string(l.statuses[1]));
    counts[2].push_back(std::string(l.statuses[2]));
    counts[3].push_back(std::string(l.not_founded));
    for (const auto& p : t.timeline) {
        counts[0].push_back(number(p.active, l));
        counts[1].push_back(number(p.at_risk, l));
        counts[2].push_back(number(p.dormant, l));
        counts[3].push_back(number(p.not_founded, l));
    }
    w.table(header, right, counts);
    StatusBars bars;
    bars.name = "status-over-time";
    bars.title = std::string(l.status_over_time_heading);
    for (size_t i = 0; i < n.timeline.size(); ++i) {
        bars.labels.push_back(period_label(n.timeline[i].label, l));
        const auto& p = t.timeline[i];
        bars.counts.push_back({p.active, p.at_risk, p.dormant, p.not_founded});
    }
    w.chart(bars);
    StatusGrid grid;
    grid.name = "status-per-plg";
    grid.title = std::string(l.status_per_plg);
    grid.labels = bars.labels;
    for (const auto& r : n.rows) {
        if (!r.readable) {
            continue;
        }
        StatusGrid::Row row{r.name, {}};
        for (const auto& s : r.statuses) {
            row.states.push_back(s ? std::optional(int(*s)) : std::nullopt);
        }
        grid.rows.push_back(std::move(row));
    }
    w.chart(grid);
}

// Survival by founding year and by origin.
void write_survival(DocumentWriter& w, const NetworkReport& n,
                    [[maybe_unused]] const NetworkTotals& t, const Labels& l) {
    Survival s = network_survival(n);
    if (s.all.plgs == 0) {
        return;
    }
    w.heading(2, std::string(l.survival));
    w.paragraph(fmt::format(fmt::runtime(l.survival_intro), long_date(n.to, l)));
    auto cells = [&](const SurvivalRow& g, std::string name) {
        std::vector<std::string> row = {std::move(name), std::to_string(g.plgs)};
        for (size_t i = 0; i < k_survival_months.size(); ++i) {
            row.push_back(g.old_enough[i] ? fmt::format("{}/{} ({})", g.active[i], g.old_enough[i],
                                                        share(g.active[i], g.old_enough[i], l))
                                          : std::string(l.none));
        }
        return row;
    };
    std::vector<std::string> months;
    for (int m : k_survival_months) {
        months.push_back(fmt::format(fmt::runtime(l.after_months), m));
    }
    auto table = [&](std::string_view first, const std::vector<std::vector<std::string>>& rows) {
        std::vector<std::string> header = {std::string(first), std::string(l.plg)};
        header.insert(header.end(), months.begin(), months.end());
        w.table(header, {false, true, true, true, true}, rows);
    };
    std::vector<std::vector<std::string>> cohorts;
    for (const auto& g : s.by_cohort) {
        cohorts.push_back(cells(g, g.group));
    }
    cohorts.push_back(cells(s.all, "**" + std::string(l.all_plgs) + "**"));
    table(l.cohort, cohorts);
    std::vector<std::vector<std::string>> origins;
    for (const auto& g : s.by_origin) {
        auto it = std::find(k_origins.begin(), k_origins.end(), g.group);
        size_t index = it == k_origins.end() ? 3 : size_t(it - k_origins.begin());
        origins.push_back(cells(g, std::string(l.origins[index])));
    }
    table(l.origin, origins);
}

// One row per PLG, those needing attention first.
void write_plgs(DocumentWriter& w, const NetworkReport& n, [[maybe_unused]] const NetworkTotals& t,
                const Labels& l) {
    std::vector<std::string> header = {std::string(l.plg), std::string(l.folder),
                                       std::string(l.school)};
    std::vector<bool> right = {false, false, false};
    for (const auto& k : n.label_keys) {
        header.push_back(markdown_inline(k));
        right.push_back(false);
    }
    for (auto [label, r] :
         {std::pair{l.status, false}, std::pair{l.last_meeting_label, false},
          std::pair{l.meetings, true}, std::pair{l.attendance_rate, true}, std::pair{l.hours, true},
          std::pair{l.goals, true}, std::pair{l.open_actions, true}, std::pair{l.rating, true}}) {
        header.push_back(std::string(label));
        right.push_back(r);
    }
    w.heading(2, std::string(l.plgs_heading));
    std::vector<std::vector<std::string>> rows;
    for (const auto& r : n.rows) {
        rows.push_back(network_row(r, l, true, n.label_keys));
    }
    if (!rows.empty()) {
        w.table(header, right, rows);
    }
}

// The PLGs at risk or dormant.
void write_attention(DocumentWriter& w, const NetworkReport& n,
                     [[maybe_unused]] const NetworkTotals& t, const Labels& l) {
    std::vector<const NetworkRow*> attention;
    for (const auto& r : n.rows) {
        if (r.readable && r.status != Activity::active) {
            attention.push_back(&r);
        }
    }
    if (!attention.empty()) {
        w.heading(2, std::string(l.attention));
        for (const auto* r : attention) {
            w.bullet(fmt::format(
                fmt::runtime(l.attention_line), markdown_inline(r->name),
                l.statuses[size_t(r->status)],
                r->last_meeting ? long_date(*r->last_meeting, l) : std::string(l.never)));
        }
    }
}

// A table per label of network.yaml (district, cluster).
void write_groups(DocumentWriter& w, const NetworkReport& n,
                  [[maybe_unused]] const NetworkTotals& t, const Labels& l) {
    for (size_t k = 0; k < n.label_keys.size(); ++k) {
        const std::string& key = n.label_keys[k];
        std::map<std::string, std::array<int, 5>>
            groups;  // PLGs, active, at risk, dormant, meetings
        std::map<std::string, double> group_hours;
        for (const auto& r : n.rows) {
            auto it = r.member.labels.find(key);
            std::string g = it == r.member.labels.end() ? std::string(l.unlabelled) : it->second;
            auto& counts = groups[g];
            ++counts[0];
            counts[1] += r.readable && r.status == Activity::active;
            counts[2] += r.readable && r.status == Activity::at_risk;
            counts[3] += r.readable && r.status == Activity::dormant;
            counts[4] += r.meetings_held;
            group_hours[g] += r.person_hours;
        }
        w.heading(2, fmt::format(fmt::runtime(l.groups), markdown_inline(key)));
        std::vector<std::vector<std::string>> grows;
        for (const auto& [g, counts] : groups) {
            grows.push_back({markdown_inline(g), number(counts[0], l), number(counts[1], l),
                             number(counts[2], l), number(counts[3], l), number(counts[4], l),
                             fixed_number(group_hours[g], l, 1)});
        }
        w.table({markdown_inline(key), std::string(l.plg), std::string(l.statuses[0]),
                 std::string(l.statuses[1]), std::string(l.statuses[2]), std::string(l.meetings),
                 std::string(l.hours)},
                {false, true, true, true, true, true, true}, grows);
        // The statuses on the period's last day, a bar per group.
        StatusBars bars;
        bars.name = "status-by-label-" + std::to_string(k + 1);
        bars.title = fmt::format(fmt::runtime(l.groups), key);
        for (const auto& [g, counts] : groups) {
            bars.labels.push_back(g);
            bars.counts.push_back({counts[1], counts[2], counts[3], 0});
        }
        w.chart(bars);
    }
}

// The PLGs with files that have errors, and problems finding them.
void write_problems(DocumentWriter& w, const NetworkReport& n,
                    [[maybe_unused]] const NetworkTotals& t, const Labels& l) {
    bool any_problem = !n.problems.empty() ||
                       std::any_of(n.rows.begin(), n.rows.end(),
                                   [](const NetworkRow& r) { return r.files_with_errors > 0; });
    if (any_problem) {
        w.heading(2, std::string(l.problems));
        w.paragraph(std::string(l.problems_intro));
        for (const auto& p : n.problems) {
            w.bullet(markdown_inline(format_diagnostic(p)));
        }
        for (const auto& r : n.rows) {
            if (r.files_with_errors == 0) {
                continue;
            }
            std::string first = r.errors.empty() ? "" : ": " + format_diagnostic(r.errors[0]);
            std::string files = fmt::format(
                fmt::runtime(translate_plural(l.code, "network report", "{} file with errors",
                                              "{} files with errors", r.files_with_errors)),
                r.files_with_errors);
            w.bullet(markdown_inline(r.member.shown + ", " + files + first));
        }
    }
}

}  // namespace

namespace {

void write_network(DocumentWriter& w, const NetworkReport& n, const NetworkTotals& t,
                   const Labels& l, bool dashboard) {
    // On the dashboard the PLGs needing attention come first.
    auto order = dashboard
                     ? std::vector{write_summary,   write_attention, write_timeline, write_groups,
                                   write_questions, write_plgs,      write_survival, write_problems}
                     : std::vector{write_summary,  write_questions, write_plgs,   write_attention,
                                   write_timeline, write_survival,  write_groups, write_problems};
    for (auto section : order) {
        section(w, n, t, l);
    }
}

std::string network_period(const NetworkReport& n, const Labels& l) {
    return fmt::format(fmt::runtime(l.period_from_to), long_date(n.from, l), long_date(n.to, l));
}

}  // namespace

MarkdownDocument render_network_markdown(const NetworkReport& n, std::string_view language,
                                         const DocumentOptions& options) {
    const Labels& l = labels_for(language);
    NetworkTotals t = network_totals(n);
    MarkdownWriter w(l, options.charts, options.chart_folder);
    w.front_matter(markdown_inline(l.network_title), markdown_inline(network_period(n, l)),
                   long_date(n.to, l), l.code);
    write_network(w, n, t, l, false);
    return {w.take(), w.take_charts()};
}

std::string render_network_markdown(const NetworkReport& n, std::string_view language) {
    return render_network_markdown(n, language, DocumentOptions{}).text;
}

std::string render_network_html(const NetworkReport& n, std::string_view language) {
    const Labels& l = labels_for(language);
    NetworkTotals t = network_totals(n);
    HtmlWriter w(l,
                 {std::string(l.code), std::string(l.network_title), network_period(n, l), true});
    write_network(w, n, t, l, true);
    return w.take();
}

}  // namespace plg
