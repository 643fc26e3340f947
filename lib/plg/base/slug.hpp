#pragma once

#include <string>
#include <string_view>

namespace plg {

// Returns a file-name-safe slug of `text`: lower-case ASCII letters, digits and
// single hyphens, no leading or trailing hyphen, at most `max_length` bytes (cut
// at a hyphen where possible). Latin letters with accents lose them ("é" -> "e",
// "ß" -> "ss"); anything else (emoji, "/", "..", NUL, control characters) becomes a
// separator. Returns "" when nothing usable is left; callers supply a fallback.
std::string slugify(std::string_view text, size_t max_length = 48);

// True for a member id: 1 to 32 characters, a lower-case letter first, then
// lower-case letters, digits, '-' or '_'.
bool is_member_id(std::string_view id);

// True for a record id (the file name without ".yaml"): 1 to 100 characters of
// lower-case letters, digits and '-', starting with a letter or digit. Such an id
// can never name a path outside its folder.
bool is_record_id(std::string_view id);

}  // namespace plg
