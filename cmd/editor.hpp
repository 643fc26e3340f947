#pragma once

// Records written by hand: --edit opens $VISUAL (else $EDITOR) on a commented
// template, --file takes a record from a file. What the person saved is
// validated before it is kept, and it is never lost: an invalid result is kept
// as a draft under .plg/drafts/ (ignored by git) until it is added.

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "options.hpp"
#include "plg/records/records.hpp"

namespace plg::cli {

struct EditOptions {
    bool edit = false;
    std::string file;
};

// Adds --edit and --file to an add command. Call it after the command's other
// options: --file excludes them (the file holds the whole record).
void add_edit_options(CLI::App& app, EditOptions& options);

// Throws UsageError naming `flag` when `value` is empty and neither --edit nor
// --file was given.
void require_unless_edited(const EditOptions& options, const std::string& value,
                           std::string_view flag);

// Checks a record's text: returns its problems (empty when it is valid).
using CheckText =
    std::function<std::vector<Diagnostic>(const std::string& file, const std::string& text)>;

// The text a person saved (or plg wrote from the flags), checked, and the draft
// that holds a copy of it until the record is stored.
struct Draft {
    std::string text;
    bool by_hand = false;          // written in the editor or read from --file
    std::filesystem::path draft;   // the kept copy, when there is one
    std::string kept_note;         // "; your text is kept in FILE" when there is a draft
    const Store* store = nullptr;  // the store that keeps the draft

    // Removes the kept copy: call once the record is stored.
    void done() const;
};

// Returns the record text to store. Without --edit or --file that is `from_flags`.
// With --file it is the file's text; with --edit the person edits `from_flags`
// (or the --file text) under `help` (comment lines, removed again), and the
// editor reopens on request while the text is invalid. Throws Error when the
// result is invalid or unchanged, after printing the problems; the text is kept.
Draft draft_text(const Context& ctx, const Store& store, const EditOptions& options, Kind kind,
                 const std::string& from_flags, const std::string& help, const CheckText& check);

// Opens the editor on `text` (a copy in .plg/drafts/), or on `file` when one is
// given (a kept draft is edited where it is), and returns what was saved, for
// 'meeting edit'. Same guarantees as draft_text; `again` is the command that
// resumes from the kept draft, followed by its path.
Draft edit_existing(const Context& ctx, const Store& store, Kind kind, const std::string& text,
                    const std::string& help, const std::string& again, const CheckText& check,
                    const std::string& file = {});

// Returns true when `text` may hold a YAML comment (a '#' after a space or at a
// line's start). When in doubt it says yes: the text is then kept as written.
bool has_comment(std::string_view text);

// The comment lines above a template: what to fill in, for a person. `adding`
// says whether a new record is written (else an existing one is edited).
// `text` is the kind's own help, translated, one or more lines.
std::string template_help(Kind kind, const Community& c, const std::string& text,
                          bool adding = true);

// The record types' writers and templates, by type, for draft_record.
inline std::string record_text(const Meeting& m) {
    return write_meeting(m);
}
inline std::string record_text(const Goal& g) {
    return write_goal(g);
}
inline std::string record_text(const Reflection& r) {
    return write_reflection(r);
}
inline std::string record_template(const Meeting& m) {
    return template_meeting(m);
}
inline std::string record_template(const Goal& g) {
    return template_goal(g);
}
inline std::string record_template(const Reflection& r) {
    return template_reflection(r);
}

// The parsed record and the text to store: `draft.text` as the person wrote it
// when it holds comments (they stay), else plg's own layout of the record.
template <typename T>
struct Drafted {
    T record;
    std::string text;
    Draft draft;
    std::string kept_note;
    void done() const { draft.done(); }
};

// Returns the record to add: built from the flags (`from_flags`), or written by
// hand in the editor on a template prefilled from the flags, or read from --file.
// `read(file, text)` reads and checks a record's text.
template <typename T, typename Read>
Drafted<T> draft_record(const Context& ctx, const Store& store, const EditOptions& options,
                        const T& from_flags, const std::string& help, Read read) {
    CheckText check = [&](const std::string& file, const std::string& text) {
        return read(file, text).problems;
    };
    std::string start = options.edit ? record_template(from_flags) : record_text(from_flags);
    Draft draft = draft_text(ctx, store, options, T::k_kind, start, help, check);
    Parsed<T> parsed = read("the new " + std::string(kind_info(T::k_kind).name), draft.text);
    if (!parsed.record) {
        throw InvalidRecord(parsed.problems);
    }
    std::string text = draft.by_hand && has_comment(draft.text) ? drop_empty_fields(draft.text)
                                                                : record_text(*parsed.record);
    return {std::move(*parsed.record), std::move(text), draft, draft.kept_note};
}

}  // namespace plg::cli
