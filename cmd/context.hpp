#pragma once

// What every command receives: where it runs, today's date, and where to write.
// Commands take what they need from it; nothing here is global.

#include <filesystem>
#include <functional>
#include <iosfwd>
#include <istream>
#include <string>
#include <vector>

#include "plg/base/date.hpp"
#include "plg/base/error.hpp"
#include "plg/base/i18n.hpp"
#include "plg/report/document.hpp"
#include "plg/store/store.hpp"

namespace plg::cli {

struct Context {
    std::filesystem::path cwd;    // where plg was started
    std::filesystem::path start;  // -C DIR, else PLG_DIR, else cwd
    Date today;
    std::istream& in;
    std::ostream& out;
    std::ostream& err;
    bool color_out = false;  // colour on stdout
    bool color_err = false;  // colour on stderr
    bool quiet = false;
    bool interactive = false;   // stdin and stderr are a terminal: plg may ask a question
    bool out_terminal = false;  // stdout is a terminal: lists may shorten long text
    std::string lang;  // --lang, or "" when not given (current_language() holds the choice)
};

// A usage error found after parsing (a bad flag value): exit code 2.
class UsageError : public Error {
  public:
    using Error::Error;
};

// Returns the store of the PLG found from ctx.start; throws Error when there is none.
Store open_store(const Context& ctx);

// Loads the PLG on every core: plg.yaml and the records of `kinds` (the other
// kinds are listed, for the references to them). Throws InvalidRecord when
// plg.yaml has errors; records with errors are left out with one warning on
// stderr pointing to 'plg check'.
Plg load_plg(const Store& store, const Context& ctx, bool warn_broken = true,
             std::vector<Kind> kinds = {Kind::meeting, Kind::goal, Kind::reflection});
// The load options of a single-PLG command: `kinds`, on every core.
LoadOptions load_options(std::vector<Kind> kinds = {Kind::meeting, Kind::goal, Kind::reflection});
// The first error of each file that has errors, in the order load() read them.
std::vector<Diagnostic> broken_files(const Plg& plg);

// Reads plg.yaml alone; throws InvalidRecord when it has errors.
Community load_community(const Store& store);

// Throws Error unless `id` is a member, naming the flag and the nearest id.
void require_member(const Community& c, const std::string& id, std::string_view flag);

// Throws Error unless `id` is in `ids`, naming the flag, the kind of record and
// the nearest id.
void require_id(const std::vector<std::string>& ids, const std::string& id, std::string_view flag,
                std::string_view kind);

// Returns the flag's text, or all of standard input when it is "-".
std::string text_arg(const Context& ctx, const std::string& value);

// Prints a "message" line on stderr unless --quiet.
void inform(const Context& ctx, const std::string& message);

// Prints diagnostics as "file:line:col: error: message" lines, coloured on a terminal.
void print_diagnostics(std::ostream& out, const std::vector<Diagnostic>& problems, bool color);

// Returns the date of a flag value that k_date_value accepted.
Date date_arg(const Context& ctx, const std::string& value);
// The same for an optional flag: nullopt when it was not given ("").
std::optional<Date> optional_date_arg(const Context& ctx, const std::string& value);

// Throws Error unless record `id` of `kind` has a file, naming the flag and the
// nearest id.
void require_record(const Store& store, Kind kind, const std::string& id, std::string_view flag);

// The language of a document plg writes for the PLG (a report, an agenda):
// --lang, else the PLG's own language, whatever the shell's.
std::string document_language(const Context& ctx, const Plg& plg);

// The labels of a show command, "Owner:" and the like, padded to one column:
// at least `min_width` wide, and two more than the longest of `labels` (every
// label the command may print, translated), so the values line up in any
// language.
class LabelColumn {
  public:
    LabelColumn(std::initializer_list<std::string> labels, size_t min_width);

    // Returns `label` padded to the column.
    std::string operator()(const std::string& label) const;

  private:
    size_t m_width;
};

// Throws Error when record `id` of `kind` has a file (so it was left out for its
// errors), pointing to 'plg check'.
void require_existing_file(const Store& store, Kind kind, const std::string& id);

// Returns the record with `id` from `records` (all the records of `kind`). Throws
// Error when there is none, suggesting the nearest id, or saying that the file
// exists but has errors.
template <typename T>
const T& find_record(const Store& store, const std::vector<T>& records, Kind kind,
                     const std::string& id, std::string_view flag) {
    std::vector<std::string> ids;
    for (const auto& r : records) {
        if (r.id == id) {
            return r;
        }
        ids.push_back(r.id);
    }
    std::string_view name = kind_info(kind).name;
    require_existing_file(store, kind, id);
    require_id(ids, id, flag, name);
    throw Error(tr("unknown id '{}' ({})", id, kind_noun(kind)));
}

// Returns "Anna de Vries (anna)" for a member id, or the id when unknown.
std::string who(const Community& c, const std::string& id);

// Print "Label:" and the items as "  - item" lines; nothing when empty.
void print_list(std::ostream& out, std::string_view label, const std::vector<std::string>& items);
// Print "Label:" and `text` indented by two spaces; nothing when empty.
void print_block(std::ostream& out, std::string_view label, const std::string& text);

// Writes `text` to stdout, or atomically to the file `output` (relative to the
// working folder) with a message on stderr. Throws Error naming the flag when
// `output` is a folder or its folder does not exist.
void write_output(const Context& ctx, const std::string& output, const std::string& text);

// How a Markdown document given --charts (or not) shows its charts: SVG files
// when it goes to a file, text on stdout. Throws UsageError for svg on stdout.
ChartStyle chart_style(const std::string& charts, const std::string& output);
// "verslag.md" -> "verslag-charts": the folder beside the document, as its links name it.
std::string chart_folder_name(const std::string& output);
// Writes the charts a Markdown document links to into the folder beside
// `output`, each file atomically; the folder must be new or hold only SVG files.
void write_chart_files(const Context& ctx, const std::string& output,
                       const std::vector<ChartFile>& charts);

// Returns `text` padded with spaces to `width` characters (not bytes).
std::string pad(const std::string& text, size_t width);

}  // namespace plg::cli
