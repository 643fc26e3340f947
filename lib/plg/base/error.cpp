#include "plg/base/error.hpp"
#include "plg/base/i18n.hpp"

#include <algorithm>

namespace plg {

std::string format_location(const Location& where) {
    std::string out = where.file;
    if (where.line > 0) {
        out += ':' + std::to_string(where.line);
        if (where.column > 0) {
            out += ':' + std::to_string(where.column);
        }
    }
    return out;
}

std::string format_diagnostic(const Diagnostic& d) {
    std::string out = format_location(d.where);
    if (!out.empty()) {
        out += ": ";
    }
    out += d.severity == Severity::error ? "error: " : "warning: ";
    out += d.message;
    return out;
}

bool has_errors(const std::vector<Diagnostic>& diagnostics) {
    return std::any_of(diagnostics.begin(), diagnostics.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::error; });
}

static std::string summarize(const std::vector<Diagnostic>& problems) {
    std::string out;
    for (const auto& p : problems) {
        if (!out.empty()) {
            out += '\n';
        }
        out += format_diagnostic(p);
    }
    return out;
}

InvalidRecord::InvalidRecord(std::vector<Diagnostic> problems)
    : Error(summarize(problems)), m_problems(std::move(problems)) {}

// Optimal string alignment distance: insertions, deletions, substitutions and
// swaps of two neighbouring characters each count as one edit.
static size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
    for (size_t i = 0; i <= a.size(); ++i) {
        d[i][0] = i;
    }
    for (size_t j = 0; j <= b.size(); ++j) {
        d[0][j] = j;
    }
    for (size_t i = 1; i <= a.size(); ++i) {
        for (size_t j = 1; j <= b.size(); ++j) {
            size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
            }
        }
    }
    return d[a.size()][b.size()];
}

std::string nearest(std::string_view word, const std::vector<std::string>& candidates) {
    std::string best;
    size_t best_distance = 0;
    for (const auto& c : candidates) {
        size_t d = edit_distance(word, c);
        if (best.empty() || d < best_distance) {
            best = c;
            best_distance = d;
        }
    }
    // A typo is a small fraction of the word: allow one edit in three characters.
    size_t allowed = std::max<size_t>(1, std::max(word.size(), best.size()) / 3);
    if (best_distance <= allowed) {
        return best;
    }
    // A long id typed short ("tafels" for "tafels-groep5"): the one id it starts.
    std::string started;
    for (const auto& c : candidates) {
        if (word.size() >= 3 && c.size() > word.size() && c.compare(0, word.size(), word) == 0) {
            if (!started.empty()) {
                return {};
            }
            started = c;
        }
    }
    return started;
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
    std::string n = nearest(word, candidates);
    return n.empty() ? std::string() : tr("; did you mean '{}'?", n);
}

}  // namespace plg
