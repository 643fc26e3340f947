#pragma once

// plg's YAML layer: a strict reader that keeps every value's position, a writer
// whose output other YAML parsers read back unchanged, and in-place edits that
// keep a person's comments and layout. Only yaml.cpp includes yaml-cpp.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "plg/base/error.hpp"

namespace plg::yaml {

struct Entry;

// A parsed YAML value with its place in the source text.
struct Node {
    enum class Kind { null, scalar, sequence, mapping };
    Kind kind = Kind::null;
    bool quoted = false;  // a scalar written quoted or as a block (never a number, bool, null)
    bool flow = false;    // a collection written inline: [a, b] or {a: b}
    std::string value;    // a scalar's text
    int line = 0;         // 1-based
    int column = 0;       // 1-based, in characters
    size_t offset = 0;    // byte offset of the first character in Document::text
    size_t end = 0;       // byte offset just past the last character
    std::vector<Node> items;
    std::vector<Entry> entries;

    // Returns the value of `key` in a mapping, or nullptr.
    const Node* find(std::string_view key) const;
    // "text", "a list", "a mapping" or "nothing": for messages.
    std::string_view kind_name() const;
};

struct Entry {
    Node key;
    Node value;
};

// Size and shape limits that keep a hostile file from costing unbounded time or
// memory.
struct Limits {
    size_t max_bytes = 1 << 20;
    int max_depth = 64;
    size_t max_nodes = 100000;
};

// One parsed file. `root` is empty when the file could not be read as one YAML
// document; `problems` then says why, with line and column.
struct Document {
    std::string file;
    std::string text;  // the bytes parsed: the file without a UTF-8 byte order mark
    bool bom = false;
    bool crlf = false;  // lines end in "\r\n"
    std::optional<Node> root;
    std::vector<Diagnostic> problems;
    std::vector<size_t> line_starts;  // byte offset of each line's first character

    // Returns the location of a byte offset in `text`.
    Location locate(size_t offset) const;
};

// Parses `bytes` strictly: refuses invalid UTF-8, control characters, tabs used
// as indentation, duplicate keys, anchors and aliases, explicit tags, non-text
// keys, more than one document, nesting past the depth limit and files past the
// size limit. Never throws for bad input; every problem is in `problems`.
Document parse(std::string file, std::string bytes, const Limits& limits = {});

// A value to write: text (quoted when another parser would read it as anything
// but the same string), a plain token plg has already made safe (a number, a
// date, true/false), a list or a mapping whose keys keep their order.
struct Field;

struct Value {
    enum class Kind { text, plain, list, map, none };
    Kind kind = Kind::map;
    std::string scalar;
    std::vector<Value> items;
    std::vector<Field> fields;
    bool one_line = false;  // a mapping written {key: value, ...} on one line

    static Value text(std::string s);
    static Value plain(std::string s);
    static Value list();
    static Value map();
    // A mapping of scalars written on one line, so that git sees it as one line.
    static Value line_map();
    // Nothing after the colon ("key:"): an empty value a person or plg fills in later.
    static Value none();

    // Adds a field to a mapping and returns *this, so fields chain.
    Value& add(std::string key, Value v);
    // Adds a text field when `s` is not empty.
    Value& add_text(std::string key, const std::string& s);
    // Appends to a list.
    void push(Value v);
    bool empty() const;
};

// A mapping's entry to write (named like std::pair's members).
struct Field {
    std::string first;
    Value second;
};

// Returns what another YAML reader takes the plain (unquoted) scalar `s` for when
// that is not text: "a yes/no value", "a number", "a date" or "no value"
// (PyYAML reads YAML 1.1, where yes, 012, 1:30 and 2026-11-23 are typed; YAML
// 1.2 readers type fewer). Returns nullopt when every reader reads text.
std::optional<std::string> plain_reading(std::string_view s);

// True when the plain scalar `s` is a number that YAML 1.1 and 1.2 readers read
// as the same number: a decimal like 12, -3 or 7.5 (no leading zeros, no
// exponent without a point, no '_').
bool portable_number(std::string_view s);

// Returns how `s` is written as a one-line scalar: as it is when that reads back
// as the same string in YAML 1.1 and 1.2 parsers (PyYAML, yq, yaml-cpp), else
// double-quoted with escapes.
std::string inline_scalar(std::string_view s);

// Throws Error unless `s` is text plg keeps in records: valid UTF-8 without
// control characters (tabs and line breaks are text).
void check_record_text(std::string_view s);
// Returns the YAML text of a whole document whose root is the mapping `root`,
// ending in a newline. Throws Error when a text is not valid UTF-8.
std::string render_document(const Value& root);

// Returns "key: value" lines for one mapping entry, every line starting with
// `indent` spaces and ending in '\n'.
std::string render_entry(std::string_view key, const Value& value, int indent);

// Returns "- item" lines for one sequence item, the dash at column `indent`.
std::string render_item(const Value& item, int indent);

// A change to a document's text: replace `length` bytes at `offset` by `text`.
struct Edit {
    size_t offset = 0;
    size_t length = 0;
    std::string text;
};

// Returns the document's text with `edits` applied (they must not overlap), with
// the byte order mark and line endings of the original.
std::string apply(const Document& doc, std::vector<Edit> edits);

// Edits that change one value and leave every other byte, comment and blank line
// as it was. They throw Error when the place is written in a style they cannot
// change safely (inline {..} mappings, multi-line scalars), naming file and line.

// Replaces the scalar (or empty) value of `entry` by `value`.
Edit replace_value(const Document& doc, const Entry& entry, const Value& value);
// Adds `key: value` to the block mapping `mapping`: as its last entry, or right
// after the entry `after` when one is given.
Edit append_entry(const Document& doc, const Node& mapping, std::string_view key,
                  const Value& value, const Entry* after = nullptr);
// Rewrites the inline mapping `map` ({key: value, ...} on one line, scalars
// only) with each of `fields` set: replaced where the key is there, added at
// the end where it is not. Throws Error for an inline mapping that spans lines
// or holds a list or mapping.
Edit set_in_line_map(const Document& doc, const Node& map, const std::vector<Field>& fields);

// Adds `item` as the last item of the list that is `entry`'s value (block or
// inline, or empty: an inline or empty list is rewritten as a block list).
Edit append_item(const Document& doc, const Entry& entry, const Value& item);

// Returns what differs between two readings of a file outside the values an
// edit means to change, or nullopt when nothing else does: "'evidence' of
// progress item 2 (line 14)". `changes` are paths of keys and list positions
// counted from 0 ("status", "actions.1.done"); "progress.+" allows items added
// at the end of that list (missing or empty before); "" allows anything.
std::optional<std::string> unintended_change(const Document& before, const Document& after,
                                             const std::vector<std::string>& changes);

// Returns the byte range [first, last) of the whole lines that hold `entry`: its
// key's line through its value's last line, with the final line break.
std::pair<size_t, size_t> entry_lines(const Document& doc, const Entry& entry);

}  // namespace plg::yaml
