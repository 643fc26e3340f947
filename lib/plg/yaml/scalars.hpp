#pragma once

// Reading quoted and block scalars from the source text, exactly as libyaml
// (PyYAML) and YAML 1.2 read them. yaml-cpp 0.7 gets several cases wrong (a
// keep-chomped block followed by blank lines, blank lines before a closing
// quote, the escapes \N, \_ and \x80 and above), so plg takes these values from
// here. Internal to the yaml layer.

#include <cstddef>
#include <string>
#include <string_view>

namespace plg::yaml::detail {

// A scalar read from the text: its value, the offset just past its last
// character (a keep-chomped block: the '\n' of its last kept line), and, when
// it cannot be read, the offset and text of the problem.
struct Scalar {
    std::string value;
    size_t end = 0;
    size_t problem_at = std::string_view::npos;
    std::string problem;

    bool ok() const { return problem.empty(); }
};

// Reads the single- or double-quoted scalar whose opening quote is at `at`.
Scalar read_quoted(std::string_view text, size_t at);

// Reads the block scalar whose indicator ('|' or '>') is at `at`, in a block
// collection indented by `parent_indent` columns (-1 for the document itself).
Scalar read_block(std::string_view text, size_t at, int parent_indent);

// Returns the chomping of the block scalar whose indicator is at `at`: '-', '+'
// or ' ' (clip).
char block_chomping(std::string_view text, size_t at);

}  // namespace plg::yaml::detail
