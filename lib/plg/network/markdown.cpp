// The Markdown form of a network report, in the words of report/labels.cpp.

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>

#include "plg/base/text.hpp"
#include "plg/network/network.hpp"
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
    row.push_back(r.last_meeting ? r.last_meeting->iso() : std::string(l.none));
    row.push_back(std::to_string(r.meetings_held) + "/" + std::to_string(r.meetings_expected));
    row.push_back(r.attendance_percent ? percent(*r.attendance_percent, l) : std::string(l.none));
    row.push_back(number(r.person_hours, l));
    row.push_back(std::to_string(r.goals_achieved) + "/" + std::to_string(r.goals_total));
    row.push_back(std::to_string(r.actions_open));
    row.push_back(r.average_rating ? number(*r.average_rating, l, 1) : std::string(l.none));
    return row;
}

}  // namespace

namespace {

// The totals over the PLGs that could be read.
void write_summary(MarkdownWriter& w, const NetworkReport& n,
                   [[maybe_unused]] const NetworkTotals& t, const Labels& l) {
    w.heading(2, std::string(l.summary));
    w.paragraph(
        fmt::format(fmt::runtime(l.plgs_line), n.rows.size(), t.active, t.at_risk, t.dormant) +
        (t.unreadable ? fmt::format(fmt::runtime(l.unreadable_line), t.unreadable) : "") + ".");
    w.bullet("**" + std::string(l.meetings) + "**: " + std::to_string(t.meetings_held));
    w.bullet("**" + std::string(l.attendance_rate) +
             "**: " + share(t.attendance_present, t.attendance_possible, l));
    w.bullet("**" + std::string(l.person_hours) + "**: " + number(t.person_hours, l));
    w.bullet("**" + std::string(l.goals) + "**: " + std::to_string(t.goals_achieved) + "/" +
             std::to_string(t.goals_total));
    w.bullet("**" + std::string(l.actions) + "**: " + std::to_string(t.actions_open));
    if (!n.founded_after.empty()) {
        std::vector<std::string> names;
        for (const auto& r : n.founded_after) {
            names.push_back(markdown_inline(r.name) + " (" + long_date(*r.founded, l) + ")");
        }
        w.paragraph(fmt::format(fmt::runtime(l.founded_after), long_date(n.to, l), join(names)));
    }
}

// The programme's questions: how old, how sustained, what they cost, goals reached.
void write_questions(MarkdownWriter& w, const NetworkReport& n,
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

std::string letter(const std::optional<Activity>& s, const Labels& l) {
    return s ? std::string(l.status_letters[size_t(*s)]) : std::string(l.none);
}

// How many PLGs were active, at risk and dormant at the end of each month (or
// quarter, year), and a row per PLG.
void write_timeline(MarkdownWriter& w, const NetworkReport& n, const NetworkTotals& t,
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
        counts[0].push_back(std::to_string(p.active));
        counts[1].push_back(std::to_string(p.at_risk));
        counts[2].push_back(std::to_string(p.dormant));
        counts[3].push_back(std::to_string(p.not_founded));
    }
    w.table(header, right, counts);
    header[0] = std::string(l.plg);
    std::fill(right.begin() + 1, right.end(), false);
    std::vector<std::vector<std::string>> rows;
    for (const auto& r : n.rows) {
        if (!r.readable) {
            continue;
        }
        std::vector<std::string> row = {markdown_inline(r.name)};
        for (const auto& s : r.statuses) {
            row.push_back(letter(s, l));
        }
        rows.push_back(std::move(row));
    }
    w.table(header, right, rows);
    w.paragraph(fmt::format(fmt::runtime(l.timeline_legend), l.status_letters[0],
                            l.status_letters[1], l.status_letters[2], l.none));
}

// Survival by founding year and by origin.
void write_survival(MarkdownWriter& w, const NetworkReport& n,
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
void write_plgs(MarkdownWriter& w, const NetworkReport& n, [[maybe_unused]] const NetworkTotals& t,
                const Labels& l) {
    std::vector<std::string> header = {std::string(l.plg), std::string(l.school)};
    std::vector<bool> right = {false, false};
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
    w.heading(2, "PLGs");
    std::vector<std::vector<std::string>> rows;
    for (const auto& r : n.rows) {
        rows.push_back(network_row(r, l, true, n.label_keys));
    }
    if (!rows.empty()) {
        w.table(header, right, rows);
    }
}

// The PLGs at risk or dormant.
void write_attention(MarkdownWriter& w, const NetworkReport& n,
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
void write_groups(MarkdownWriter& w, const NetworkReport& n,
                  [[maybe_unused]] const NetworkTotals& t, const Labels& l) {
    for (const auto& key : n.label_keys) {
        std::map<std::string, std::array<int, 4>>
            groups;  // plgs, t.active, t.meetings_held, t.person_hours*100
        std::map<std::string, double> group_hours;
        for (const auto& r : n.rows) {
            auto it = r.member.labels.find(key);
            std::string g = it == r.member.labels.end() ? std::string(l.unlabelled) : it->second;
            auto& counts = groups[g];
            ++counts[0];
            counts[1] += r.readable && r.status == Activity::active;
            counts[2] += r.meetings_held;
            group_hours[g] += r.person_hours;
        }
        w.heading(2, fmt::format(fmt::runtime(l.groups), markdown_inline(key)));
        std::vector<std::vector<std::string>> grows;
        for (const auto& [g, counts] : groups) {
            grows.push_back({markdown_inline(g), std::to_string(counts[0]),
                             std::to_string(counts[1]), std::to_string(counts[2]),
                             number(group_hours[g], l)});
        }
        w.table({markdown_inline(key), std::string(l.plg), std::string(l.statuses[0]),
                 std::string(l.meetings), std::string(l.hours)},
                {false, true, true, true, true}, grows);
    }
}

// The PLGs with files that have errors, and problems finding them.
void write_problems(MarkdownWriter& w, const NetworkReport& n,
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
            w.bullet(markdown_inline(
                r.member.shown + ", " +
                fmt::format(fmt::runtime(l.files_with_errors), r.files_with_errors) + first));
        }
    }
}

}  // namespace

std::string render_network_markdown(const NetworkReport& n, std::string_view language) {
    const Labels& l = labels_for(language);
    NetworkTotals t = network_totals(n);
    MarkdownWriter w;
    w.heading(1, std::string(l.network_title));
    w.paragraph(
        fmt::format(fmt::runtime(l.period_from_to), long_date(n.from, l), long_date(n.to, l)));
    for (auto section : {write_summary, write_questions, write_plgs, write_attention,
                         write_timeline, write_survival, write_groups, write_problems}) {
        section(w, n, t, l);
    }
    return w.take();
}

}  // namespace plg
