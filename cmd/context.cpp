#include "context.hpp"

#include <fmt/color.h>
#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <ostream>
#include <thread>

#include "plg/base/slug.hpp"
#include "plg/base/text.hpp"
#include "plg/base/utf8.hpp"
#include "plg/records/records.hpp"

namespace plg::cli {

Store open_store(const Context& ctx) {
    std::optional<Store> store = Store::find(ctx.start, ctx.cwd);
    if (!store) {
        throw Error(
            tr("no PLG found in {} or any folder above it (plg looks for plg.yaml); start "
               "one with 'plg init --name NAME', or point to one with -C DIR or PLG_DIR",
               ctx.start.string()));
    }
    // A change waits this long for another plg that holds the PLG's lock.
    LockWait wait;
    if (const char* limit = std::getenv("PLG_LOCK_TIMEOUT"); limit && *limit) {
        char* end = nullptr;
        double seconds = std::strtod(limit, &end);
        if (*end != '\0' || !(seconds >= 0 && seconds <= 86400)) {
            throw UsageError(
                tr("PLG_LOCK_TIMEOUT='{}' is not a number of seconds (0 to 86400)", limit));
        }
        wait.limit = std::chrono::milliseconds(long(seconds * 1000));
    }
    std::ostream& err = ctx.err;
    bool quiet = ctx.quiet;
    wait.notice = [&err, quiet](const std::string& message) {
        if (!quiet) {
            err << "plg: " << message << std::endl;
        }
    };
    store->set_lock_wait(std::move(wait));
    return std::move(*store);
}

std::vector<Diagnostic> broken_files(const Plg& plg) {
    std::vector<Diagnostic> first_errors;
    std::string last;
    for (const auto& d : plg.problems) {
        if (d.severity == Severity::error && d.where.file != last) {
            last = d.where.file;
            first_errors.push_back(d);
        }
    }
    return first_errors;
}

LoadOptions load_options(std::vector<Kind> kinds) {
    LoadOptions options;
    options.kinds = std::move(kinds);
    options.threads = std::max(1u, std::thread::hardware_concurrency());
    return options;
}

Plg load_plg(const Store& store, const Context& ctx, bool warn_broken, std::vector<Kind> kinds) {
    Plg plg = load(store, ctx.today, load_options(std::move(kinds)));
    if (!plg.community) {
        throw InvalidRecord(plg.problems);
    }
    size_t broken = broken_files(plg).size();
    if (broken > 0 && warn_broken) {
        ctx.err << "plg: warning: "
                << trn("{} file has errors and is left out; run 'plg check' to see it",
                       "{} files have errors and are left out; run 'plg check' to see them", broken,
                       broken)
                << '\n';
    }
    return plg;
}

Community load_community(const Store& store) {
    Parsed<Community> parsed =
        read_community(store.shown(Kind::community), store.read(Kind::community));
    if (!parsed.record) {
        throw InvalidRecord(parsed.problems);
    }
    return std::move(*parsed.record);
}

void require_member(const Community& c, const std::string& id, std::string_view flag) {
    if (!c.find_member(id)) {
        std::string hint = did_you_mean(id, c.member_ids());
        throw Error(tr("{}: unknown member '{}'", flag, id) +
                    (hint.empty() ? tr("; 'plg member list' shows the members") : hint));
    }
}

void require_id(const std::vector<std::string>& ids, const std::string& id, std::string_view flag,
                std::string_view kind) {
    if (std::find(ids.begin(), ids.end(), id) == ids.end()) {
        std::string hint = did_you_mean(id, ids);
        const KindInfo* info = find_kind(kind);
        std::string command(info ? info->command : kind);
        std::string what = kind == "goal"         ? tr("{}: unknown goal '{}'", flag, id)
                           : kind == "meeting"    ? tr("{}: unknown meeting '{}'", flag, id)
                           : kind == "reflection" ? tr("{}: unknown reflection '{}'", flag, id)
                                                  : tr("{}: unknown id '{}'", flag, id);
        throw Error(what + (hint.empty() ? tr("; 'plg {} list' shows them", command) : hint));
    }
}

std::string text_arg(const Context& ctx, const std::string& value) {
    if (value != "-") {
        return value;
    }
    std::string text((std::istreambuf_iterator<char>(ctx.in)), std::istreambuf_iterator<char>());
    if (first_invalid_utf8(text)) {
        throw UsageError(tr("the text on standard input is not valid UTF-8"));
    }
    // Text from a Windows file: its line ends are line breaks, not characters.
    std::string lf;
    for (size_t i = 0; i < text.size(); ++i) {
        if (!(text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n')) {
            lf += text[i];
        }
    }
    return lf;
}

void inform(const Context& ctx, const std::string& message) {
    if (!ctx.quiet) {
        ctx.err << message << '\n';
    }
}

void print_diagnostics(std::ostream& out, const std::vector<Diagnostic>& problems, bool color) {
    for (const auto& d : problems) {
        std::string line = format_diagnostic(d);
        if (color) {
            std::string_view label = d.severity == Severity::error ? "error:" : "warning:";
            size_t at = line.find(label);
            if (at != std::string::npos) {
                auto style =
                    d.severity == Severity::error
                        ? fmt::fg(fmt::terminal_color::bright_red) | fmt::emphasis::bold
                        : fmt::fg(fmt::terminal_color::bright_yellow) | fmt::emphasis::bold;
                line = line.substr(0, at) + fmt::format(style, "{}", label) +
                       line.substr(at + label.size());
            }
        }
        out << line << '\n';
    }
}

Date date_arg(const Context& ctx, const std::string& value) {
    auto d = parse_date_arg(value, ctx.today);
    if (!d) {
        throw UsageError(tr("'{}' is not a date; write it as YYYY-MM-DD", value));
    }
    return *d;
}

void require_record(const Store& store, Kind kind, const std::string& id, std::string_view flag) {
    if (!store.exists(kind, id)) {
        require_id(store.ids(kind), id, flag, kind_info(kind).name);
    }
}

void require_existing_file(const Store& store, Kind kind, const std::string& id) {
    if (store.exists(kind, id)) {
        throw Error(tr("'{}' has errors; run 'plg check' to see them", id));
    }
}

std::string who(const Community& c, const std::string& id) {
    const Member* m = c.find_member(id);
    return m ? m->name + " (" + id + ")" : id;
}

void print_list(std::ostream& out, std::string_view label, const std::vector<std::string>& items) {
    if (items.empty()) {
        return;
    }
    out << label << '\n';
    for (const auto& item : items) {
        out << "  - " << item << '\n';
    }
}

void print_block(std::ostream& out, std::string_view label, const std::string& text) {
    if (text.empty()) {
        return;
    }
    out << label << '\n';
    for (const auto& line : split_lines(text)) {
        out << (line.empty() ? "" : "  " + line) << '\n';
    }
}

void write_output(const Context& ctx, const std::string& output, const std::string& text) {
    if (output.empty()) {
        ctx.out << text;
        return;
    }
    write_output_file(ctx.cwd, output, text);
    inform(ctx, tr("Wrote {}", output));
}

// --charts, or by default: SVG files when the report goes to a file, text on stdout.
ChartStyle chart_style(const std::string& charts, const std::string& output) {
    if (charts.empty()) {
        return output.empty() ? ChartStyle::text : ChartStyle::svg;
    }
    if (charts == "svg" && output.empty()) {
        throw UsageError(
            tr("--charts svg writes the charts as files beside the report; give "
               "-o FILE.md too, or choose --charts text or mermaid"));
    }
    return charts == "svg"       ? ChartStyle::svg
           : charts == "mermaid" ? ChartStyle::mermaid
           : charts == "text"    ? ChartStyle::text
                                 : ChartStyle::none;
}

// "verslag.md" -> "verslag-charts": the folder beside the report, as its links name it.
std::string chart_folder_name(const std::string& output) {
    return output.empty() ? std::string()
                          : std::filesystem::path(output).stem().string() + "-charts";
}

// Writes the charts a Markdown report links to into the folder beside it,
// each file atomically. The folder must be new or hold only SVG files, so
// that nothing of the user's is replaced.
void write_chart_files(const Context& ctx, const std::string& output,
                       const std::vector<ChartFile>& charts) {
    if (charts.empty()) {
        return;
    }
    namespace fs = std::filesystem;
    fs::path report = output_target(ctx.cwd, output, "report.md");
    fs::path folder = report.parent_path() / chart_folder_name(output);
    std::error_code ec;
    if (fs::exists(fs::symlink_status(folder, ec))) {
        if (!fs::is_directory(fs::symlink_status(folder, ec))) {
            throw Error(
                tr("cannot write the charts to {}: it is a file, not a folder; move it, or "
                   "choose another -o name",
                   folder.string()));
        }
        for (const auto& entry : fs::directory_iterator(folder, ec)) {
            if (!entry.is_regular_file() || entry.path().extension() != ".svg") {
                throw Error(
                    tr("cannot write the charts to {}: it holds {}, which plg did not "
                       "write; move it, or choose another -o name",
                       folder.string(), entry.path().filename().string()));
            }
        }
    } else if (!fs::create_directory(folder, ec)) {
        throw Error(tr("cannot create the folder {}: {}", folder.string(), ec.message()));
    }
    for (const auto& chart : charts) {
        fs::path path = folder / chart.name;
        fs::path tmp = create_temporary(path);
        {
            std::ofstream out(tmp, std::ios::binary);
            out << chart.svg;
            if (!out.flush()) {
                fs::remove(tmp, ec);
                throw Error(tr("cannot write {}", path.string()));
            }
        }
        commit_temporary(tmp, path);
    }
}

std::optional<Date> optional_date_arg(const Context& ctx, const std::string& value) {
    return value.empty() ? std::nullopt : std::optional(date_arg(ctx, value));
}

LabelColumn::LabelColumn(std::initializer_list<std::string> labels, size_t min_width)
    : m_width(min_width) {
    for (const auto& l : labels) {
        m_width = std::max(m_width, utf8_length(l) + 2);
    }
}

std::string LabelColumn::operator()(const std::string& label) const {
    return pad(label, m_width);
}

std::string document_language(const Context& ctx, const Plg& plg) {
    return ctx.lang.empty() ? plg.community->language : ctx.lang;
}

std::string pad(const std::string& text, size_t width) {
    size_t length = utf8_length(text);
    return length >= width ? text : text + std::string(width - length, ' ');
}

}  // namespace plg::cli
