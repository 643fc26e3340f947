#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace plg {

// Returns the byte offset of the first byte that is not part of well-formed UTF-8
// (overlong forms, surrogates and code points past U+10FFFF count as malformed),
// or nullopt when all of `text` is valid.
std::optional<size_t> first_invalid_utf8(std::string_view text);

// Returns the length in bytes (1 to 4) of the well-formed UTF-8 character that
// `text` starts with, or 0 when it does not start with one (or is empty).
size_t utf8_sequence_length(std::string_view text);

// Returns the number of code points in `text`, which must be valid UTF-8.
size_t utf8_length(std::string_view text);

// Returns the first `count` code points of `text`, which must be valid UTF-8.
std::string utf8_prefix(std::string_view text, size_t count);

}  // namespace plg
