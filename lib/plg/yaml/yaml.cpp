#include "plg/yaml/yaml.hpp"
#include "plg/yaml/scalars.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <regex>
#include <sstream>
#include <unordered_map>

#include "plg/base/i18n.hpp"
#include "plg/base/utf8.hpp"

namespace plg::yaml {

const Node* Node::find(std::string_view key) const {
    for (const auto& e : entries) {
        if (e.key.value == key) {
            return &e.value;
        }
    }
    return nullptr;
}

std::string_view Node::kind_name() const {
    switch (kind) {
        case Kind::null:
            return N_("nothing");
        case Kind::scalar:
            return N_("text");
        case Kind::sequence:
            return N_("a list");
        case Kind::mapping:
            return N_("a mapping");
    }
    return N_("nothing");
}

Location Document::locate(size_t offset) const {
    offset = std::min(offset, text.size());
    if (line_starts.empty()) {
        return {file, 1, int(utf8_length(std::string_view(text).substr(0, offset))) + 1};
    }
    auto it = std::upper_bound(line_starts.begin(), line_starts.end(), offset);
    size_t line = size_t(it - line_starts.begin());
    size_t start = line_starts[line - 1];
    return {file, int(line),
            int(utf8_length(std::string_view(text).substr(start, offset - start))) + 1};
}

namespace {

std::string fmt_hex(unsigned char c) {
    static const char digits[] = "0123456789ABCDEF";
    return {digits[c >> 4], digits[c & 0xF]};
}

// The document's text as the stream yaml-cpp reads, without a copy.
class TextBuffer : public std::streambuf {
  public:
    explicit TextBuffer(const std::string& text) {
        // yaml-cpp only reads (and puts back what it read): the text is not written.
        char* begin = const_cast<char*>(text.data());
        setg(begin, begin, begin + text.size());
    }
};

// Thrown by the builder to stop yaml-cpp once a limit is passed.
struct StopParse {};

bool is_blank(char c) {
    return c == ' ' || c == '\t' || c == '\r';
}

size_t line_start_of(const std::string& text, size_t offset) {
    if (offset == 0) {
        return 0;
    }
    size_t nl = text.rfind('\n', offset - 1);
    return nl == std::string::npos ? 0 : nl + 1;
}

size_t line_end_of(const std::string& text, size_t offset) {
    size_t nl = text.find('\n', offset);
    return nl == std::string::npos ? text.size() : nl;
}

int column_of(const std::string& text, size_t offset) {
    return int(offset - line_start_of(text, offset));
}

// Builds plg's Node tree from yaml-cpp's events, noting every construct plg refuses.
class Builder : public YAML::EventHandler {
  public:
    Builder(Document& doc, const Limits& limits) : m_doc(doc), m_limits(limits) {}

    std::optional<Node> root;
    int documents = 0;

    void OnDocumentStart(const YAML::Mark& mark) override {
        if (++documents > 1) {
            problem(mark, tr("a second YAML document starts here; a plg record is one "
                             "document per file, so remove the '---' line or move the rest to "
                             "a file of its own"));
            throw StopParse{};
        }
    }
    void OnDocumentEnd() override {}

    void OnNull(const YAML::Mark& mark, YAML::anchor_t) override {
        add(make(mark, Node::Kind::null));
    }

    void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
        problem(mark, tr("aliases (*name) are not allowed in plg records; write the value out "
                         "in full"));
        add(make(mark, Node::Kind::null));
    }

    void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t,
                  const std::string& value) override {
        Node n = make(mark, Node::Kind::scalar);
        n.value = value;
        n.quoted = tag != "?";
        check_tag(mark, tag);
        add(std::move(n));
    }

    void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value style) override {
        start(mark, tag, anchor, style, Node::Kind::sequence);
    }
    void OnSequenceEnd() override { finish(); }

    void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value style) override {
        start(mark, tag, anchor, style, Node::Kind::mapping);
    }
    void OnMapEnd() override { finish(); }

    void OnAnchor(const YAML::Mark& mark, const std::string& name) override {
        problem(mark, tr("anchors (&{}) are not allowed in plg records; write the value out "
                         "in full where it is used",
                         name));
    }

    void problem(const YAML::Mark& mark, std::string message) {
        m_doc.problems.push_back(
            {Severity::error, m_doc.locate(size_t(std::max(mark.pos, 0))), std::move(message)});
    }

  private:
    struct Frame {
        Node node;
        std::optional<Node> key;
        // key -> line first seen; filled only once a mapping has many keys
        // (a record's few are looked for among the entries).
        std::unordered_map<std::string, int> keys;
    };

    // Returns the line of the key `key` already in the mapping `f`, or 0.
    static int seen_key(Frame& f, const Node& key) {
        constexpr size_t k_scan = 16;
        auto& entries = f.node.entries;
        if (entries.size() < k_scan) {
            for (const auto& e : entries) {
                if (e.key.value == key.value) {
                    return e.key.line;
                }
            }
            return 0;
        }
        if (f.keys.empty()) {
            for (const auto& e : entries) {
                f.keys.emplace(e.key.value, e.key.line);
            }
        }
        auto [it, inserted] = f.keys.emplace(key.value, key.line);
        return inserted ? 0 : it->second;
    }

    Node make(const YAML::Mark& mark, Node::Kind kind) {
        if (++m_nodes > m_limits.max_nodes) {
            problem(mark, tr("more than {} values in one file; a plg record is far smaller, "
                             "so split it",
                             m_limits.max_nodes));
            throw StopParse{};
        }
        Node n;
        n.kind = kind;
        n.offset = std::min(size_t(std::max(mark.pos, 0)), m_doc.text.size());
        locate(n);
        return n;
    }

    void check_tag(const YAML::Mark& mark, const std::string& tag) {
        // yaml-cpp gives quoted and block scalars the non-specific tag "!" too, so
        // a '!' written in the file is told apart by the text itself.
        size_t at = size_t(std::max(mark.pos, 0));
        bool written = at < m_doc.text.size() && m_doc.text[at] == '!';
        if ((tag != "?" && tag != "!") || written) {
            problem(mark, tr("the tag '{}' is not supported in plg records; remove it (quote "
                             "the value to keep it as text)",
                             tag));
        }
    }

    void start(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t,
               YAML::EmitterStyle::value style, Node::Kind kind) {
        if (tag != "") {
            check_tag(mark, tag);
        }
        if (int(m_stack.size()) >= m_limits.max_depth) {
            problem(mark, tr("values are nested more than {} levels deep; plg records need "
                             "only a few levels",
                             m_limits.max_depth));
            throw StopParse{};
        }
        Frame f;
        f.node = make(mark, kind);
        f.node.flow = style == YAML::EmitterStyle::Flow;
        m_stack.push_back(std::move(f));
    }

    void finish() {
        Node n = std::move(m_stack.back().node);
        m_stack.pop_back();
        add(std::move(n));
    }

    void add(Node n) {
        if (m_stack.empty()) {
            root = std::move(n);
            return;
        }
        Frame& top = m_stack.back();
        if (top.node.kind == Node::Kind::sequence) {
            top.node.items.push_back(std::move(n));
            return;
        }
        if (!top.key) {
            if (n.kind != Node::Kind::scalar) {
                m_doc.problems.push_back(
                    {Severity::error, m_doc.locate(n.offset),
                     tr("a key must be a single word or text, not {}", trp(n.kind_name()))});
                n.kind = Node::Kind::scalar;
                n.items.clear();
                n.entries.clear();
            }
            top.key = std::move(n);
            return;
        }
        Node key = std::move(*top.key);
        top.key.reset();
        if (int first = seen_key(top, key)) {
            m_doc.problems.push_back({Severity::error, m_doc.locate(key.offset),
                                      tr("duplicate key '{}' (first given at line {}); keep "
                                         "only one of them",
                                         key.value, first)});
            return;
        }
        top.node.entries.push_back({std::move(key), std::move(n)});
    }

    // Sets the node's line and column. Events arrive mostly in text order, so the
    // column is counted on from the previous node on the same line: linear time
    // even for a megabyte on one line.
    void locate(Node& n) {
        const auto& starts = m_doc.line_starts;
        auto it = std::upper_bound(starts.begin(), starts.end(), n.offset);
        size_t line = size_t(it - starts.begin());
        if (line != m_last_line || n.offset < m_last_offset) {
            m_last_line = line;
            m_last_offset = starts[line - 1];
            m_last_column = 1;
        }
        m_last_column += utf8_length(
            std::string_view(m_doc.text).substr(m_last_offset, n.offset - m_last_offset));
        m_last_offset = n.offset;
        n.line = int(line);
        n.column = int(m_last_column);
    }

    Document& m_doc;
    const Limits& m_limits;
    std::vector<Frame> m_stack;
    size_t m_nodes = 0;
    size_t m_last_line = 0;
    size_t m_last_offset = 0;
    size_t m_last_column = 1;
};

// Returns how the character at byte `i` of valid UTF-8 `s` is named ("0x07",
// "U+0085") when YAML does not allow it in a file: C0 controls but tab and line
// breaks, DEL, the C1 controls (U+0085 too, which YAML 1.1 takes as a line break
// and YAML 1.2 as text) and the non-characters U+FFFE and U+FFFF; else nullopt.
std::optional<std::string> unprintable_at(std::string_view s, size_t i) {
    auto b = [&](size_t k) { return k < s.size() ? static_cast<unsigned char>(s[k]) : 0u; };
    unsigned c = b(i);
    if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7F) {
        return "0x" + fmt_hex(static_cast<unsigned char>(c));
    }
    if (c == 0xC2 && b(i + 1) >= 0x80 && b(i + 1) <= 0x9F) {
        return "U+00" + fmt_hex(static_cast<unsigned char>(b(i + 1)));
    }
    if (c == 0xEF && b(i + 1) == 0xBF && (b(i + 2) == 0xBE || b(i + 2) == 0xBF)) {
        return b(i + 2) == 0xBE ? "U+FFFE" : "U+FFFF";
    }
    return std::nullopt;
}

// Returns the name of the first character of a value that plg does not keep in
// a record (the control characters of unprintable_at and carriage return), or
// nullopt. Tabs and line breaks are text.
std::optional<std::string> unkept_character(std::string_view value) {
    for (size_t i = 0; i < value.size(); ++i) {
        if (value[i] == '\r') {
            return tr("0x0D (carriage return)");
        }
        if (auto code = unprintable_at(value, i)) {
            return code;
        }
    }
    return std::nullopt;
}

// yaml-cpp's words for a syntax error, in the message language (the ones a
// hand-written record meets; any other as yaml-cpp says it).
std::string syntax_error_text(const std::string& msg) {
    static const std::pair<const char*, std::string_view> k_known[] = {
        {YAML::ErrorMsg::BAD_FILE, N_("values nested too deeply")},
        {YAML::ErrorMsg::END_OF_MAP, N_("a mapping ends where it cannot")},
        {YAML::ErrorMsg::END_OF_MAP_FLOW, N_("a '{' is not closed with '}'")},
        {YAML::ErrorMsg::END_OF_SEQ, N_("a list ends where it cannot")},
        {YAML::ErrorMsg::END_OF_SEQ_FLOW, N_("a '[' is not closed with ']'")},
        {YAML::ErrorMsg::UNKNOWN_TOKEN, N_("something YAML does not know")},
        {YAML::ErrorMsg::DOC_IN_SCALAR, N_("a '---' or '...' inside text")},
        {YAML::ErrorMsg::EOF_IN_SCALAR, N_("the file ends inside quoted text")},
        {YAML::ErrorMsg::CHAR_IN_SCALAR, N_("a character that cannot stand in this text")},
        {YAML::ErrorMsg::FLOW_END, N_("a ']' or '}' with nothing to close")},
        {YAML::ErrorMsg::BLOCK_ENTRY, N_("a '- ' list item where none can be")},
        {YAML::ErrorMsg::MAP_KEY, N_("a key where none can be")},
        {YAML::ErrorMsg::MAP_VALUE, N_("a ':' where none can be")},
        {YAML::ErrorMsg::CHAR_IN_BLOCK, N_("an unexpected character in this block of text")},
        {YAML::ErrorMsg::MULTIPLE_TAGS, N_("two tags on one value")},
    };
    for (const auto& [theirs, ours] : k_known) {
        if (msg == theirs) {
            return trp(ours);
        }
    }
    return msg;
}

std::string tab_message() {
    return tr(
        "a tab is used for indentation; YAML indents with spaces only, so replace the tab "
        "with spaces");
}

// Reads the raw bytes before yaml-cpp sees them, in one pass: notes where each
// line starts and whether lines end in CRLF, and refuses invalid UTF-8 (the
// first such byte in the file, wherever another problem is), a carriage
// return alone, U+2028/U+2029 and control characters (the first of them).
bool check_bytes(Document& doc) {
    const std::string& text = doc.text;
    const size_t n = text.size();
    enum class Other { none, lone_cr, separator, control };
    Other other = Other::none;
    size_t other_at = 0;
    std::optional<size_t> invalid;
    auto note = [&](Other what, size_t at) {
        if (other == Other::none) {
            other = what;
            other_at = at;
        }
    };
    doc.line_starts.clear();
    doc.line_starts.push_back(0);
    for (size_t i = 0; i < n;) {
        auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x20 && c < 0x7F) {
            ++i;
            continue;
        }
        if (c == '\n') {
            doc.line_starts.push_back(++i);
            continue;
        }
        if (c < 0x80) {
            if (c == '\r') {
                if (i + 1 < n && text[i + 1] == '\n') {
                    doc.crlf = true;
                } else {
                    note(Other::lone_cr, i);
                }
            } else if (c != '\t') {
                note(Other::control, i);
            }
            ++i;
            continue;
        }
        size_t length = utf8_sequence_length(std::string_view(text).substr(i));
        if (length == 0) {
            if (!invalid) {
                invalid = i;
            }
            ++i;
            continue;
        }
        if (c == 0xE2 && text[i + 1] == '\x80' &&
            (text[i + 2] == '\xA8' || text[i + 2] == '\xA9')) {
            note(Other::separator, i);
        } else if (unprintable_at(text, i)) {
            note(Other::control, i);
        }
        i += length;
    }
    if (invalid) {
        doc.problems.push_back({Severity::error, doc.locate(*invalid),
                                tr("the file is not valid UTF-8 (byte 0x{}); save it as "
                                   "UTF-8 in your editor",
                                   fmt_hex(static_cast<unsigned char>(text[*invalid])))});
        return false;
    }
    switch (other) {
        case Other::none:
            return true;
        case Other::lone_cr:
            doc.problems.push_back({Severity::error, doc.locate(other_at),
                                    tr("a line ends in a carriage return alone (old Mac line "
                                       "endings); save the file with LF (or CRLF) line "
                                       "endings")});
            return false;
        case Other::separator: {
            const char* code = text[other_at + 2] == '\xA8' ? "2028" : "2029";
            doc.problems.push_back(
                {Severity::error, doc.locate(other_at),
                 tr("the character U+{} (a line or paragraph separator), which some YAML "
                    "readers take as a line break and others as text; remove it, or write it "
                    "as \\u{} in double quotes",
                    code, code)});
            return false;
        }
        case Other::control:
            doc.problems.push_back({Severity::error, doc.locate(other_at),
                                    tr("control character {} in the file; remove it (YAML "
                                       "allows only printable text, tabs and line breaks)",
                                       *unprintable_at(text, other_at))});
            return false;
    }
    return true;
}

// Returns the offset of the first tab in the indentation of the line holding
// `offset` or the line before it, or npos.
size_t indentation_tab_near(const std::string& text, size_t offset) {
    size_t start = line_start_of(text, offset);
    for (int k = 0; k < 2; ++k) {
        for (size_t i = start; i < text.size() && (text[i] == ' ' || text[i] == '\t'); ++i) {
            if (text[i] == '\t') {
                return i;
            }
        }
        if (start == 0) {
            break;
        }
        start = line_start_of(text, start - 1);
    }
    return std::string::npos;
}

// The end of a scalar's text, found from its first character and style.
size_t scalar_end(const std::string& text, const Node& n, int parent_indent, bool in_flow) {
    size_t p = n.offset;
    if (p >= text.size()) {
        return text.size();
    }
    char c = text[p];
    if (n.quoted && c == '"') {
        for (size_t i = p + 1; i < text.size(); ++i) {
            if (text[i] == '\\') {
                ++i;
            } else if (text[i] == '"') {
                return i + 1;
            }
        }
        return text.size();
    }
    if (n.quoted && c == '\'') {
        for (size_t i = p + 1; i < text.size(); ++i) {
            if (text[i] == '\'') {
                if (i + 1 < text.size() && text[i + 1] == '\'') {
                    ++i;
                } else {
                    return i + 1;
                }
            }
        }
        return text.size();
    }
    bool block = n.quoted && (c == '|' || c == '>');
    size_t end = p;
    if (block) {
        end = line_end_of(text, p);
        while (end > p && is_blank(text[end - 1])) {
            --end;
        }
    } else {
        size_t eol = line_end_of(text, p);
        size_t i = p;
        for (; i < eol; ++i) {
            if (text[i] == '#' && i > p && is_blank(text[i - 1])) {
                break;
            }
            if (in_flow && (text[i] == ',' || text[i] == ']' || text[i] == '}')) {
                break;
            }
            if (text[i] == ':' &&
                (i + 1 == eol || is_blank(text[i + 1]) ||
                 (in_flow && (text[i + 1] == ',' || text[i + 1] == ']' || text[i + 1] == '}')))) {
                break;
            }
        }
        while (i > p && is_blank(text[i - 1])) {
            --i;
        }
        end = i;
        if (in_flow) {
            return end;
        }
    }
    // Continuation lines: more indented than the parent, or blank.
    size_t line = line_end_of(text, end);
    while (line < text.size()) {
        size_t next = line + 1;
        size_t indent_end = next;
        while (indent_end < text.size() && text[indent_end] == ' ') {
            ++indent_end;
        }
        size_t eol = line_end_of(text, next);
        bool blank = true;
        for (size_t i = indent_end; i < eol; ++i) {
            blank = blank && is_blank(text[i]);
        }
        if (!blank) {
            int indent = int(indent_end - next);
            if (indent <= parent_indent || (!block && text[indent_end] == '#')) {
                break;
            }
            end = eol;
            while (end > indent_end && is_blank(text[end - 1])) {
                --end;
            }
        }
        line = eol;
    }
    return end;
}

size_t flow_end(const std::string& text, size_t open) {
    int depth = 0;
    for (size_t i = open; i < text.size(); ++i) {
        char c = text[i];
        if (c == '"' || c == '\'') {
            Node q;
            q.offset = i;
            q.quoted = true;
            i = scalar_end(text, q, -1, true) - 1;
        } else if (c == '#' && i > 0 && is_blank(text[i - 1])) {
            i = line_end_of(text, i);
        } else if (c == '[' || c == '{') {
            ++depth;
        } else if (c == ']' || c == '}') {
            if (--depth == 0) {
                return i + 1;
            }
        }
    }
    return text.size();
}

// Returns the offset just past the ':' that follows a key ending at `key_end`.
size_t after_colon(const std::string& text, size_t key_end) {
    size_t i = key_end;
    while (i < text.size() && is_blank(text[i])) {
        ++i;
    }
    return i < text.size() && text[i] == ':' ? i + 1 : key_end;
}

bool explicit_null_at(const std::string& text, size_t p) {
    for (std::string_view word : {"null", "Null", "NULL", "~"}) {
        if (text.compare(p, word.size(), word) == 0) {
            size_t after = p + word.size();
            if (after >= text.size() || is_blank(text[after]) || text[after] == '\n' ||
                text[after] == ',' || text[after] == ']' || text[after] == '}') {
                return true;
            }
        }
    }
    return false;
}

void compute_ends(Document& doc, Node& n, int parent_indent, bool in_flow);

// Sets the place of an empty value to just after the key's ':' (or the item's '-').
void place_empty(const std::string& text, Node& value, size_t after, int indent) {
    // An explicit null (~, null) is the value where it stands: on the key's line,
    // or on a later line indented under the key ("key:\n  ~").
    bool later_line = line_start_of(text, value.offset) != line_start_of(text, after);
    if (value.kind == Node::Kind::null &&
        ((later_line && column_of(text, value.offset) <= indent) || value.offset < after ||
         !explicit_null_at(text, value.offset))) {
        value.offset = after;
        value.end = after;
    }
}

// Returns the text of a plain scalar's source lines folded as YAML folds them:
// lines trimmed and joined by a space, an empty line giving a line break.
std::string folded_plain(std::string_view source) {
    std::string out;
    int empty_lines = 0;
    bool first = true;
    size_t start = 0;
    while (start <= source.size()) {
        size_t nl = source.find('\n', start);
        std::string_view line = source.substr(
            start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
        size_t a = line.find_first_not_of(" \t\r");
        size_t b = line.find_last_not_of(" \t\r");
        line = a == std::string_view::npos ? std::string_view() : line.substr(a, b - a + 1);
        if (line.empty()) {
            ++empty_lines;
        } else {
            if (!first) {
                out += empty_lines > 0 ? std::string(size_t(empty_lines), '\n') : " ";
            }
            out += line;
            first = false;
            empty_lines = 0;
        }
        if (nl == std::string_view::npos) {
            break;
        }
        start = nl + 1;
    }
    return out;
}

// True when the plain scalar `n` holds the text of its source folded as YAML
// folds it; on one line (most values) that is the line's text, trimmed.
bool reads_as_written(const std::string& text, const Node& n) {
    std::string_view source = std::string_view(text).substr(n.offset, n.end - n.offset);
    if (source.find('\n') == std::string_view::npos) {
        size_t a = source.find_first_not_of(" \t\r");
        size_t b = source.find_last_not_of(" \t\r");
        std::string_view line =
            a == std::string_view::npos ? std::string_view() : source.substr(a, b - a + 1);
        return line == n.value;
    }
    return folded_plain(source) == n.value;
}

// Checks what yaml-cpp 0.7 accepts but other parsers refuse:
// - a key without a ':' (a lone word on a line), which yaml-cpp takes as a key;
// - a quoted scalar never closed, which yaml-cpp reads to the end of the file;
// - a plain scalar continued on a line that is not indented under it, which
//   yaml-cpp joins to the text above (PyYAML expects a key there);
// - a key's text on the next line, not indented under the key.
void check_scalars(Document& doc, const Node& n, bool in_flow) {
    for (const auto& item : n.items) {
        check_scalars(doc, item, in_flow || n.flow);
    }
    for (const auto& e : n.entries) {
        check_scalars(doc, e.key, in_flow || n.flow);
        check_scalars(doc, e.value, in_flow || n.flow);
        // yaml-cpp reads a lone word on its own line as a key with no value.
        size_t colon = e.key.end;
        while (colon < doc.text.size() && is_blank(doc.text[colon])) {
            ++colon;
        }
        if (!in_flow && !n.flow && (colon >= doc.text.size() || doc.text[colon] != ':')) {
            doc.problems.push_back({Severity::error, doc.locate(e.key.offset),
                                    tr("'{}' has no ':' after it; write it as 'key: value', "
                                       "or indent it if it continues the text above",
                                       e.key.value)});
        } else if (!in_flow && !n.flow && e.value.kind == Node::Kind::scalar &&
                   e.value.line > e.key.line && e.value.column <= e.key.column) {
            // yaml-cpp takes "key:" and a text on the next line, not indented, as
            // the key's value (when the text holds two spaces); PyYAML refuses it.
            doc.problems.push_back(
                {Severity::error, doc.locate(e.value.offset),
                 tr("this text is not indented under '{}:'; indent it, or, if it is a key of "
                    "its own, add ':' after it",
                    e.key.value)});
        }
    }
    if (n.kind != Node::Kind::scalar || n.offset >= doc.text.size()) {
        return;
    }
    if (!n.quoted) {
        if (!in_flow && n.end > n.offset && !reads_as_written(doc.text, n)) {
            doc.problems.push_back(
                {Severity::error, doc.locate(n.offset),
                 tr("this text goes on to a line that is not indented under it; indent that "
                    "line, put the text in quotes, or, if that line is a key, add ':' after "
                    "it")});
        }
        return;
    }
    if (auto bad = unkept_character(n.value)) {
        doc.problems.push_back(
            {Severity::error, doc.locate(n.offset),
             tr("this text holds the control character {} (from an escape), which plg does "
                "not keep in records: it could change what a terminal shows; remove it",
                *bad)});
    }
}

// Collects the byte ranges of quoted and block scalars, whose lines may start
// with a tab or a '-' that is text.
void quoted_ranges(const std::string& text, const Node& n,
                   std::vector<std::pair<size_t, size_t>>& out) {
    if (n.kind == Node::Kind::scalar && n.quoted && n.offset < text.size()) {
        out.emplace_back(n.offset, n.end);
    }
    for (const auto& item : n.items) {
        quoted_ranges(text, item, out);
    }
    for (const auto& e : n.entries) {
        quoted_ranges(text, e.value, out);
    }
}

// Refuses the tabs yaml-cpp lets through but libyaml (PyYAML) refuses: a line
// that starts with a tab outside quoted text, and a tab after a list item's '-'.
void check_tabs(Document& doc, const Node& root) {
    const std::string& text = doc.text;
    std::vector<std::pair<size_t, size_t>> quoted;
    quoted_ranges(text, root, quoted);
    std::sort(quoted.begin(), quoted.end());
    auto in_quotes = [&](size_t at) {
        auto it =
            std::upper_bound(quoted.begin(), quoted.end(), std::make_pair(at, std::string::npos));
        return it != quoted.begin() && std::prev(it)->second > at;
    };
    for (size_t start : doc.line_starts) {
        if (start >= text.size() || in_quotes(start)) {
            continue;
        }
        if (text[start] == '\t') {
            doc.problems.push_back({Severity::error, doc.locate(start), tab_message()});
            return;
        }
        // List items: "- ", "- - ", ... with a tab after a dash.
        size_t i = start;
        while (i < text.size() && text[i] == ' ') {
            ++i;
        }
        while (i < text.size() && text[i] == '-' && i + 1 < text.size() &&
               (text[i + 1] == ' ' || text[i + 1] == '\t')) {
            size_t dash = i++;
            bool tab = false;
            while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) {
                tab = tab || text[i] == '\t';
                ++i;
            }
            if (tab) {
                doc.problems.push_back({Severity::error, doc.locate(dash),
                                        tr("a tab after a list item's '-'; put a space there "
                                           "instead")});
                return;
            }
        }
    }
}

void compute_ends(Document& doc, Node& n, int parent_indent, bool in_flow) {
    const std::string& text = doc.text;
    switch (n.kind) {
        case Node::Kind::null:
            n.end = explicit_null_at(text, n.offset) ? n.offset + (text[n.offset] == '~' ? 1 : 4)
                                                     : n.offset;
            return;
        case Node::Kind::scalar: {
            char c = n.offset < text.size() ? text[n.offset] : '\0';
            if (!n.quoted || (c != '"' && c != '\'' && c != '|' && c != '>')) {
                n.end = scalar_end(text, n, parent_indent, in_flow);
                return;
            }
            // yaml-cpp misreads some quoted and block scalars; read them as
            // libyaml and YAML 1.2 do.
            detail::Scalar s = c == '|' || c == '>'
                                   ? detail::read_block(text, n.offset, parent_indent)
                                   : detail::read_quoted(text, n.offset);
            if (!s.ok()) {
                doc.problems.push_back({Severity::error, doc.locate(s.problem_at), s.problem});
                n.end = scalar_end(text, n, parent_indent, in_flow);
                return;
            }
            n.value = std::move(s.value);
            n.end = s.end;
            return;
        }
        case Node::Kind::sequence: {
            int indent = column_of(text, n.offset);
            for (auto& item : n.items) {
                if (!n.flow && !in_flow && item.kind == Node::Kind::null) {
                    // yaml-cpp places an empty item at the token after it; it is at its '-'.
                    size_t i = std::min(item.offset, text.size());
                    while (i > n.offset) {
                        --i;
                        size_t start = line_start_of(text, i);
                        if (text[i] == '-' && column_of(text, i) == indent &&
                            text.find_first_not_of(' ', start) == i) {
                            break;
                        }
                    }
                    Location at = doc.locate(i);
                    item.offset = std::min(i + 1, text.size());
                    item.line = at.line;
                    item.column = at.column;
                }
                compute_ends(doc, item, indent, in_flow || n.flow);
                if (!n.flow) {
                    place_empty(text, item, item.offset, indent);
                }
            }
            n.end = n.flow ? flow_end(text, n.offset)
                           : (n.items.empty() ? n.offset : n.items.back().end);
            return;
        }
        case Node::Kind::mapping: {
            for (auto& e : n.entries) {
                int indent = column_of(text, e.key.offset);
                e.key.end = scalar_end(text, e.key, 1 << 20, true);
                compute_ends(doc, e.value, indent, in_flow || n.flow);
                place_empty(text, e.value, after_colon(text, e.key.end), indent);
            }
            if (n.flow) {
                n.end = flow_end(text, n.offset);
            } else {
                n.end = n.entries.empty() ? n.offset : n.entries.back().value.end;
                if (!n.entries.empty()) {
                    n.end = std::max(n.end, n.entries.back().key.end);
                }
            }
            return;
        }
    }
}

}  // namespace

Document parse(std::string file, std::string bytes, const Limits& limits) {
    Document doc;
    doc.file = std::move(file);
    if (bytes.size() > limits.max_bytes) {
        doc.problems.push_back({Severity::error,
                                {doc.file, 0, 0},
                                tr("the file is {} bytes; plg reads records of at most {} "
                                   "bytes, so split it or remove what does not belong",
                                   bytes.size(), limits.max_bytes)});
        return doc;
    }
    if (bytes.compare(0, 3, "\xEF\xBB\xBF") == 0) {
        doc.bom = true;
        bytes.erase(0, 3);
    }
    doc.text = std::move(bytes);
    if (!check_bytes(doc)) {
        return doc;
    }
    TextBuffer buffer(doc.text);
    std::istream in(&buffer);
    Builder builder(doc, limits);
    try {
        YAML::Parser parser(in);
        if (!parser.HandleNextDocument(builder) || !builder.root) {
            doc.problems.push_back({Severity::error,
                                    {doc.file, 1, 1},
                                    tr("the file is empty; write the record's fields in it "
                                       "(docs/file-format.md lists them) or delete it")});
            return doc;
        }
        parser.HandleNextDocument(builder);
    } catch (const StopParse&) {
        builder.root.reset();
    } catch (const YAML::ParserException& e) {
        builder.root.reset();
        size_t at = line_start_of(doc.text, 0);
        // yaml-cpp's mark may lack a byte offset; rebuild it from line and column.
        size_t line_offset = 0;
        for (int l = 0; l < e.mark.line && line_offset < doc.text.size(); ++l) {
            line_offset = line_end_of(doc.text, line_offset) + 1;
        }
        at = std::min(doc.text.size(), line_offset + size_t(std::max(e.mark.column, 0)));
        size_t tab = indentation_tab_near(doc.text, at);
        if (tab != std::string::npos) {
            doc.problems.push_back({Severity::error, doc.locate(tab), tab_message()});
        } else {
            std::string msg = syntax_error_text(e.msg);
            if (msg.rfind(YAML::ErrorMsg::INVALID_ESCAPE, 0) == 0) {
                // yaml-cpp quotes one byte of the character, which may be half of it.
                doc.problems.push_back(
                    {Severity::error, doc.locate(at),
                     tr("a backslash before a character that is no YAML escape in "
                        "double-quoted text; write '\\\\' for a backslash, or use single "
                        "quotes")});
            } else {
                // Its message quotes bytes of the file: never half a character.
                if (auto bad = first_invalid_utf8(msg)) {
                    msg = msg.substr(0, *bad);
                }
                doc.problems.push_back({Severity::error, doc.locate(at),
                                        tr("YAML syntax error: {}; check the indentation, "
                                           "quotes and colons here and on the line before",
                                           msg)});
            }
        }
    } catch (const std::exception& e) {
        builder.root.reset();
        doc.problems.push_back({Severity::error,
                                {doc.file, 0, 0},
                                tr("the file could not be read as YAML: {}", e.what())});
    }
    if (builder.root && doc.problems.empty()) {
        compute_ends(doc, *builder.root, -1, false);
        check_scalars(doc, *builder.root, false);
        check_tabs(doc, *builder.root);
        if (!doc.problems.empty()) {
            builder.root.reset();
        }
    }
    doc.root = std::move(builder.root);
    return doc;
}

// ---- writing ---------------------------------------------------------------

Value Value::text(std::string s) {
    Value v;
    v.kind = Kind::text;
    v.scalar = std::move(s);
    return v;
}
Value Value::plain(std::string s) {
    Value v;
    v.kind = Kind::plain;
    v.scalar = std::move(s);
    return v;
}
Value Value::list() {
    Value v;
    v.kind = Kind::list;
    return v;
}
Value Value::map() {
    return Value();
}
Value Value::line_map() {
    Value v;
    v.one_line = true;
    return v;
}
Value Value::none() {
    Value v;
    v.kind = Kind::none;
    return v;
}

void Value::push(Value v) {
    items.push_back(std::move(v));
}

Value& Value::add(std::string key, Value v) {
    fields.push_back(Field{std::move(key), std::move(v)});
    return *this;
}

Value& Value::add_text(std::string key, const std::string& s) {
    if (!s.empty()) {
        add(std::move(key), text(s));
    }
    return *this;
}

bool Value::empty() const {
    switch (kind) {
        case Kind::text:
        case Kind::plain:
            return scalar.empty();
        case Kind::list:
            return items.empty();
        case Kind::map:
            return fields.empty();
        case Kind::none:
            return true;
    }
    return true;
}

namespace {

bool is_reserved_word(std::string_view s) {
    static constexpr std::array<std::string_view, 26> words = {
        "y",  "Y",    "yes",  "Yes",  "YES",   "n",     "N",     "no", "No",
        "NO", "true", "True", "TRUE", "false", "False", "FALSE", "on", "On",
        "ON", "off",  "Off",  "OFF",  "null",  "Null",  "NULL",  "~"};
    return std::find(words.begin(), words.end(), s) != words.end();
}

// Code points that YAML treats as line breaks or that editors hide.
bool is_special_code_point(std::string_view s, size_t i) {
    auto b = [&](size_t k) { return k < s.size() ? static_cast<unsigned char>(s[k]) : 0u; };
    if (b(i) == 0xC2 && (b(i + 1) == 0x85 || b(i + 1) == 0xA0)) {
        return true;  // NEL, no-break space
    }
    if (b(i) == 0xE2 && b(i + 1) == 0x80 && (b(i + 2) == 0xA8 || b(i + 2) == 0xA9)) {
        return true;  // line and paragraph separators
    }
    return b(i) == 0xEF && b(i + 1) == 0xBB && b(i + 2) == 0xBF;  // zero-width no-break space
}

bool can_be_plain(std::string_view s) {
    if (s.empty() || is_reserved_word(s)) {
        return false;
    }
    auto first = static_cast<unsigned char>(s[0]);
    bool letter = (first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z');
    if (!letter && first < 0x80) {
        return false;
    }
    if (s.back() == ' ' || s.back() == ':') {
        return false;
    }
    for (size_t i = 0; i < s.size(); ++i) {
        auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x20 || c == 0x7F || is_special_code_point(s, i)) {
            return false;
        }
        if (c == ':' && i + 1 < s.size() && s[i + 1] == ' ') {
            return false;
        }
        if (c == '#' && s[i - 1] == ' ') {
            return false;
        }
    }
    return true;
}

std::string double_quoted(std::string_view s) {
    std::string out = "\"";
    for (size_t i = 0; i < s.size(); ++i) {
        auto c = static_cast<unsigned char>(s[i]);
        switch (c) {
            case '"':
                out += "\\\"";
                continue;
            case '\\':
                out += "\\\\";
                continue;
            case '\n':
                out += "\\n";
                continue;
            case '\t':
                out += "\\t";
                continue;
            case '\r':
                out += "\\r";
                continue;
            default:
                break;
        }
        if (c < 0x20 || c == 0x7F) {
            out += "\\x" + fmt_hex(c);
        } else if (is_special_code_point(s, i)) {
            size_t length = c == 0xC2 ? 2 : 3;
            char32_t cp = c == 0xC2
                              ? char32_t(s[i + 1] & 0x3F) | 0x80
                              : (char32_t(c & 0x0F) << 12) | (char32_t(s[i + 1] & 0x3F) << 6) |
                                    char32_t(s[i + 2] & 0x3F);
            char buffer[8];
            std::snprintf(buffer, sizeof buffer, "\\u%04X", unsigned(cp));
            out += buffer;
            i += length - 1;
        } else {
            out += char(c);
        }
    }
    return out + "\"";
}

// True when `s` is best written as a literal block (| or |-).
bool can_be_block(std::string_view s) {
    if (s.find('\n') == std::string_view::npos || s.size() < 2 ||
        (s.size() >= 2 && s.substr(s.size() - 2) == "\n\n") ||
        s.find_first_not_of('\n') == std::string_view::npos) {
        return false;
    }
    for (size_t i = 0; i < s.size(); ++i) {
        auto c = static_cast<unsigned char>(s[i]);
        if ((c < 0x20 && c != '\n') || c == 0x7F || is_special_code_point(s, i)) {
            return false;
        }
        if (c == '\n' && i > 0 && s[i - 1] == ' ') {
            return false;  // trailing spaces on a line: invisible, and linters refuse them
        }
    }
    return s.back() != ' ';
}

// Throws Error unless `s` is text plg keeps: valid UTF-8 without control
// characters (tabs and line breaks are text).
void check_text(std::string_view s) {
    if (auto bad = first_invalid_utf8(s)) {
        throw Error(tr("text is not valid UTF-8 (byte {}); give the text in UTF-8", *bad + 1));
    }
    if (auto bad = unkept_character(s)) {
        std::string head = utf8_prefix(s, 60);
        std::string shown;
        for (unsigned char c : head) {
            shown += c < 0x20 || c == 0x7F ? "\\x" + fmt_hex(c) : std::string(1, char(c));
        }
        throw Error(
            tr("the text \"{}{}\" holds the control character {}, which plg does not "
               "keep in records (other YAML tools refuse it, and it could change what a "
               "terminal shows); remove it",
               shown, head.size() < s.size() ? "..." : "", *bad));
    }
}

void spaces(std::string& out, int n) {
    out.append(size_t(std::max(n, 0)), ' ');
}

void emit_after_key(std::string& out, const Value& v, int indent);

void emit_entry(std::string& out, std::string_view key, const Value& v, int indent) {
    spaces(out, indent);
    out += inline_scalar(key);
    out += ':';
    emit_after_key(out, v, indent);
}

// Writes a one-line mapping: {key: value, ...}. Scalars that are not plain in a
// flow context (they hold , [ ] { } or would read as something else) are quoted.
void emit_line_map(std::string& out, const Value& v) {
    out += " {";
    for (size_t i = 0; i < v.fields.size(); ++i) {
        const auto& [key, field] = v.fields[i];
        out += i ? ", " : "";
        out += inline_scalar(key) + ": ";
        if (field.kind == Value::Kind::plain) {
            out += field.scalar;
        } else if (field.kind == Value::Kind::text) {
            check_text(field.scalar);
            // Inside {...} fewer characters are safe unquoted (PyYAML and yaml-cpp
            // both stop at '?' there, for one): allow only plain words.
            bool flow_safe = std::all_of(field.scalar.begin(), field.scalar.end(), [](char c) {
                auto u = static_cast<unsigned char>(c);
                return u >= 0x80 || std::isalnum(u) ||
                       std::string_view(" -._/()+=;").find(c) != std::string_view::npos;
            });
            out += flow_safe && can_be_plain(field.scalar) ? field.scalar
                                                           : double_quoted(field.scalar);
        } else {
            throw Error(tr("internal error: a one-line mapping holds only scalars"));
        }
    }
    out += "}\n";
}

void emit_item(std::string& out, const Value& v, int indent) {
    spaces(out, indent);
    out += '-';
    if (v.kind == Value::Kind::map && v.one_line) {
        emit_line_map(out, v);
        return;
    }
    if (v.kind == Value::Kind::map && !v.fields.empty()) {
        std::string first;
        emit_entry(first, v.fields.front().first, v.fields.front().second, indent + 2);
        out += ' ';
        out.append(first, size_t(indent + 2));
        for (size_t i = 1; i < v.fields.size(); ++i) {
            emit_entry(out, v.fields[i].first, v.fields[i].second, indent + 2);
        }
        return;
    }
    emit_after_key(out, v, indent);
}

void emit_after_key(std::string& out, const Value& v, int indent) {
    switch (v.kind) {
        case Value::Kind::none:
            out += '\n';
            return;
        case Value::Kind::plain:
            out += ' ' + v.scalar + '\n';
            return;
        case Value::Kind::text: {
            check_text(v.scalar);
            if (!can_be_block(v.scalar)) {
                out += ' ' + inline_scalar(v.scalar) + '\n';
                return;
            }
            std::string_view s = v.scalar;
            size_t first_text = s.find_first_not_of('\n');
            out += " |";
            if (s[first_text] == ' ') {
                out += '2';
            }
            if (s.back() != '\n') {
                out += '-';
            }
            out += '\n';
            if (s.back() == '\n') {
                s.remove_suffix(1);
            }
            size_t start = 0;
            while (start <= s.size()) {
                size_t nl = s.find('\n', start);
                std::string_view line = s.substr(
                    start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
                if (!line.empty()) {
                    spaces(out, indent + 2);
                    out += line;
                }
                out += '\n';
                if (nl == std::string_view::npos) {
                    break;
                }
                start = nl + 1;
            }
            return;
        }
        case Value::Kind::list:
            if (v.items.empty()) {
                out += " []\n";
                return;
            }
            out += '\n';
            for (const auto& item : v.items) {
                emit_item(out, item, indent + 2);
            }
            return;
        case Value::Kind::map:
            if (v.fields.empty()) {
                out += " {}\n";
                return;
            }
            out += '\n';
            for (const auto& [k, field] : v.fields) {
                emit_entry(out, k, field, indent + 2);
            }
            return;
    }
}

}  // namespace

std::optional<std::string> plain_reading(std::string_view s) {
    if (s.empty()) {
        return std::nullopt;
    }
    if (is_reserved_word(s)) {
        return s == "~" || s == "null" || s == "Null" || s == "NULL"
                   ? std::string(N_("no value"))
                   : std::string(N_("a yes/no value"));
    }
    // Only these can start a typed plain scalar; everything else is text, fast.
    if (std::string_view("-+0123456789.<=").find(s[0]) == std::string_view::npos) {
        return std::nullopt;
    }
    static const std::regex number(
        // YAML 1.1 (PyYAML) ints and floats, sexagesimal included, then YAML 1.2's.
        "[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|"
        "[-+]?[1-9][0-9_]*(:[0-5]?[0-9])+|"
        "[-+]?([0-9][0-9_]*)\\.[0-9_]*([eE][-+][0-9]+)?|\\.[0-9_]+([eE][-+][0-9]+)?|"
        "[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)|"
        "[-+]?[0-9]+|0o[0-7]+|[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?",
        std::regex::optimize);
    static const std::regex date(
        "[0-9]{4}-[0-9]{2}-[0-9]{2}|"
        "[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(\\.[0-9]*)?"
        "([ \t]*(Z|[-+][0-9]{1,2}(:[0-9]{2})?))?",
        std::regex::optimize);
    std::string text(s);
    if (std::regex_match(text, number)) {
        return std::string(N_("a number"));
    }
    if (std::regex_match(text, date)) {
        return std::string(N_("a date"));
    }
    if (s == "<<" || s == "=") {
        return std::string(N_("a special YAML value"));
    }
    return std::nullopt;
}

bool portable_number(std::string_view s) {
    static const std::regex decimal("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+][0-9]+)?",
                                    std::regex::optimize);
    std::string text(s);
    std::smatch m;
    if (!std::regex_match(text, m, decimal)) {
        return false;
    }
    // An exponent needs the point, or YAML 1.1 reads text.
    return !m[3].matched || m[2].matched;
}

std::string inline_scalar(std::string_view s) {
    return can_be_plain(s) ? std::string(s) : double_quoted(s);
}

std::string render_document(const Value& root) {
    std::string out;
    for (const auto& [k, v] : root.fields) {
        emit_entry(out, k, v, 0);
    }
    return out;
}

std::string render_entry(std::string_view key, const Value& value, int indent) {
    std::string out;
    emit_entry(out, key, value, indent);
    return out;
}

std::string render_item(const Value& item, int indent) {
    std::string out;
    emit_item(out, item, indent);
    return out;
}

// ---- editing -----------------------------------------------------------------

namespace {

// The scalar that ends the document, if a scalar does.
const Node* last_scalar(const Node& n) {
    if (n.kind == Node::Kind::mapping && !n.flow && !n.entries.empty()) {
        return last_scalar(n.entries.back().value);
    }
    if (n.kind == Node::Kind::sequence && !n.flow && !n.items.empty()) {
        return last_scalar(n.items.back());
    }
    return n.kind == Node::Kind::scalar ? &n : nullptr;
}

}  // namespace

std::string apply(const Document& doc, std::vector<Edit> edits) {
    // A block at the very end of a file without a final line break reads
    // without one; the line break added below would join its text, so the block
    // is made to strip it ('-'), which reads the same.
    if (!doc.text.empty() && doc.text.back() != '\n' && doc.root) {
        const Node* last = last_scalar(*doc.root);
        if (last && last->quoted && last->end == doc.text.size() &&
            (doc.text[last->offset] == '|' || doc.text[last->offset] == '>')) {
            char chomp = detail::block_chomping(doc.text, last->offset);
            if (chomp == ' ') {
                edits.push_back({last->offset + 1, 0, "-"});
            } else if (chomp == '+') {
                size_t plus = doc.text.find('+', last->offset);
                edits.push_back({plus, 1, "-"});
            }
        }
    }
    std::sort(edits.begin(), edits.end(),
              [](const Edit& a, const Edit& b) { return a.offset > b.offset; });
    std::string text = doc.text;
    for (auto& e : edits) {
        if (doc.crlf) {
            std::string converted;
            for (char c : e.text) {
                if (c == '\n') {
                    converted += '\r';
                }
                converted += c;
            }
            e.text = std::move(converted);
        }
        text.replace(e.offset, e.length, e.text);
    }
    if (!text.empty() && text.back() != '\n') {
        text += doc.crlf ? "\r\n" : "\n";
    }
    return doc.bom ? "\xEF\xBB\xBF" + text : text;
}

namespace {

[[noreturn]] void refuse(const Document& doc, const Node& at, std::string_view what) {
    throw Error(doc.locate(at.offset),
                tr("{} is written inline ({{...}}); plg changes only block-style YAML, so "
                   "write it one entry per line and run the command again",
                   trp(what)));
}

// The offset after the line holding `offset` (past its '\n'), and whether the
// text needs a newline inserted first because the file does not end in one.
size_t after_line(const std::string& text, size_t offset, bool& needs_newline) {
    size_t eol = line_end_of(text, offset);
    needs_newline = eol == text.size();
    return needs_newline ? eol : eol + 1;
}

std::string strip_final_newline(std::string s) {
    if (!s.empty() && s.back() == '\n') {
        s.pop_back();
    }
    return s;
}

}  // namespace

Edit replace_value(const Document& doc, const Entry& entry, const Value& value) {
    const Node& old = entry.value;
    if (old.kind == Node::Kind::mapping || old.kind == Node::Kind::sequence) {
        throw Error(doc.locate(old.offset), tr("'{}' holds {} where plg expects a single value",
                                               entry.key.value, trp(old.kind_name())));
    }
    int indent = column_of(doc.text, entry.key.offset);
    std::string text;
    emit_after_key(text, value, indent);
    text = strip_final_newline(std::move(text));
    size_t start = after_colon(doc.text, entry.key.end);
    if (old.offset > start) {
        // Keep the person's spacing after the colon.
        text.erase(0, text.find_first_not_of(' '));
        start = old.offset;
    }
    // A comment on the value's first line stays on the first line: after a
    // block's header ("close_note: >- # why"), or after a one-line value that
    // becomes a block (it would otherwise end up inside the text).
    const std::string& src = doc.text;
    size_t end = old.end;
    size_t header_end = line_end_of(src, start);
    std::string comment;
    bool old_block =
        old.quoted && old.offset < src.size() && (src[old.offset] == '|' || src[old.offset] == '>');
    bool new_block = text.find('\n') != std::string::npos;
    if (old_block || (new_block && end <= header_end)) {
        size_t from = old_block ? old.offset + 1 : end;
        for (size_t i = from; i < header_end; ++i) {
            if (src[i] == '#' && is_blank(src[i - 1])) {
                comment = src.substr(i, header_end - i);
                break;
            }
        }
        while (!comment.empty() && is_blank(comment.back())) {
            comment.pop_back();
        }
        if (!old_block && !comment.empty()) {
            end = header_end;
            while (end > old.end && src[end - 1] == '\r') {
                --end;
            }
        }
    }
    if (!comment.empty()) {
        size_t first_eol = std::min(text.find('\n'), text.size());
        text.insert(first_eol, " " + comment);
    }
    return {start, end - start, text};
}

Edit append_entry(const Document& doc, const Node& mapping, std::string_view key,
                  const Value& value, const Entry* after) {
    if (mapping.flow) {
        refuse(doc, mapping, N_("this mapping"));
    }
    int indent = column_of(doc.text, mapping.offset);
    bool needs_newline = false;
    size_t last = after ? std::max(after->key.end, after->value.end) : mapping.end;
    size_t at = after_line(doc.text, last, needs_newline);
    std::string text = render_entry(key, value, indent);
    return {at, 0, needs_newline ? "\n" + text : text};
}

Edit set_in_line_map(const Document& doc, const Node& map, const std::vector<Field>& fields) {
    if (!map.flow || map.kind != Node::Kind::mapping ||
        line_end_of(doc.text, map.offset) < map.end) {
        refuse(doc, map, N_("this mapping"));
    }
    Value all = Value::line_map();
    for (const auto& e : map.entries) {
        if (e.value.kind == Node::Kind::mapping || e.value.kind == Node::Kind::sequence) {
            refuse(doc, map, N_("this mapping"));
        }
        all.add(e.key.value, e.value.kind == Node::Kind::null ? Value::plain("null")
                             : e.value.quoted                 ? Value::text(e.value.value)
                                                              : Value::plain(e.value.value));
    }
    for (const auto& f : fields) {
        auto it = std::find_if(all.fields.begin(), all.fields.end(),
                               [&](const Field& old) { return old.first == f.first; });
        if (it != all.fields.end()) {
            it->second = f.second;
        } else {
            all.add(f.first, f.second);
        }
    }
    std::string text;
    emit_line_map(text, all);
    // " {...}\n" as emitted after a key: the mapping alone.
    text = strip_final_newline(text.substr(1));
    return {map.offset, map.end - map.offset, text};
}

Edit append_item(const Document& doc, const Entry& entry, const Value& item) {
    const Node& list = entry.value;
    if (list.kind == Node::Kind::sequence && !list.flow) {
        int indent = column_of(doc.text, list.offset);
        bool needs_newline = false;
        size_t at = after_line(doc.text, list.end, needs_newline);
        std::string text = render_item(item, indent);
        return {at, 0, needs_newline ? "\n" + text : text};
    }
    if (list.kind != Node::Kind::null && list.kind != Node::Kind::sequence) {
        throw Error(doc.locate(list.offset), tr("'{}' holds {} where plg expects a list",
                                                entry.key.value, trp(list.kind_name())));
    }
    if (list.kind == Node::Kind::null && list.end == list.offset) {
        // "key:" with nothing after it (but maybe a comment): the items go on the
        // lines below, and the key's line stays as it is.
        int indent = column_of(doc.text, entry.key.offset);
        bool needs_newline = false;
        size_t at = after_line(doc.text, entry.key.end, needs_newline);
        std::string text = render_item(item, indent + 2);
        return {at, 0, needs_newline ? "\n" + text : text};
    }
    // An empty or inline list becomes a block list holding its old items and the new one.
    Value all = Value::list();
    for (const auto& old : list.items) {
        if (old.kind != Node::Kind::scalar) {
            refuse(doc, list, N_("this list"));
        }
        all.push(old.quoted ? Value::text(old.value) : Value::plain(old.value));
    }
    all.push(item);
    int indent = column_of(doc.text, entry.key.offset);
    std::string text;
    emit_after_key(text, all, indent);
    size_t start = after_colon(doc.text, entry.key.end);
    return {start, list.end - start, strip_final_newline(std::move(text))};
}

std::pair<size_t, size_t> entry_lines(const Document& doc, const Entry& entry) {
    const std::string& text = doc.text;
    size_t first = entry.key.offset;
    while (first > 0 && text[first - 1] != '\n') {
        --first;
    }
    size_t last = std::max(entry.key.end, entry.value.end);
    if (last > entry.key.end && last > 0 && text[last - 1] == '\n') {
        --last;  // a block scalar ends after its last line break
    }
    bool needs_newline = false;
    return {first, after_line(text, last, needs_newline)};
}

namespace {

struct Differ {
    const Document& after;
    const std::vector<std::string>& changes;

    bool allowed(const std::string& path) const {
        return std::find(changes.begin(), changes.end(), path) != changes.end();
    }

    static std::string child(const std::string& path, const std::string& step) {
        return path.empty() ? step : path + "." + step;
    }

    std::string where(const std::string& path, const Node& b) const {
        return path.empty() ? tr("the value at the top (line {})", after.locate(b.offset).line)
                            : tr("the value at '{}' (line {})", path, after.locate(b.offset).line);
    }

    std::optional<std::string> diff(const Node& a, const Node& b, const std::string& path) const {
        if (allowed(path)) {
            return std::nullopt;
        }
        if (allowed(child(path, "+"))) {
            if ((a.kind != Node::Kind::null && a.kind != Node::Kind::sequence) ||
                b.kind != Node::Kind::sequence || b.items.size() < a.items.size()) {
                return where(path, b);
            }
            return items(a, b, path);
        }
        if (a.kind != b.kind) {
            return where(path, b);
        }
        switch (a.kind) {
            case Node::Kind::null:
                return std::nullopt;
            case Node::Kind::scalar:
                if (a.value != b.value || a.quoted != b.quoted) {
                    return where(path, b);
                }
                return std::nullopt;
            case Node::Kind::sequence:
                if (a.items.size() != b.items.size()) {
                    return where(path, b);
                }
                return items(a, b, path);
            case Node::Kind::mapping: {
                for (const auto& e : a.entries) {
                    std::string p = child(path, e.key.value);
                    const Node* v = b.find(e.key.value);
                    if (v == nullptr) {
                        if (!allowed(p)) {
                            return tr("'{}', which would be removed", p);
                        }
                    } else if (auto d = diff(e.value, *v, p)) {
                        return d;
                    }
                }
                for (const auto& e : b.entries) {
                    std::string p = child(path, e.key.value);
                    bool new_list = allowed(child(p, "+")) && e.value.kind == Node::Kind::sequence;
                    if (a.find(e.key.value) == nullptr && !allowed(p) && !new_list) {
                        return tr("{}, which would be added", where(p, e.value));
                    }
                }
                return std::nullopt;
            }
        }
        return std::nullopt;
    }

    std::optional<std::string> items(const Node& a, const Node& b, const std::string& path) const {
        for (size_t i = 0; i < a.items.size(); ++i) {
            if (auto d = diff(a.items[i], b.items[i], child(path, std::to_string(i)))) {
                return d;
            }
        }
        return std::nullopt;
    }
};

}  // namespace

std::optional<std::string> unintended_change(const Document& before, const Document& after,
                                             const std::vector<std::string>& changes) {
    if (!before.root || !after.root) {
        return tr("the whole file, which would no longer read as YAML");
    }
    return Differ{after, changes}.diff(*before.root, *after.root, "");
}

void check_record_text(std::string_view s) {
    check_text(s);
}

}  // namespace plg::yaml
