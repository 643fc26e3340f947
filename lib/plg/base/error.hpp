#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace plg {

// A place in a file: the path as the user should read it, and 1-based line and
// column (column counted in characters). Zero means "not known".
struct Location {
    std::string file;
    int line = 0;
    int column = 0;
};

enum class Severity { error, warning };

// One problem found in the user's files. `message` says what is wrong and, where
// it can, what would fix it.
struct Diagnostic {
    Severity severity = Severity::error;
    Location where;
    std::string message;
};

// Returns "file:line:col" (the parts that are known).
std::string format_location(const Location& where);

// Returns "file:line:col: error: message" (the parts that are known), the shape
// compilers use so editors can jump to the place.
std::string format_diagnostic(const Diagnostic& d);

// True if any diagnostic is an error rather than a warning.
bool has_errors(const std::vector<Diagnostic>& diagnostics);

// An error the user must see and can fix: bad input, an unknown id, a refused
// overwrite. Caught once, in main, and printed as "plg: error: ...".
class Error : public std::runtime_error {
  public:
    explicit Error(std::string message) : std::runtime_error(std::move(message)) {}
    Error(Location where, std::string message)
        : std::runtime_error(std::move(message)), m_where(std::move(where)) {}

    const Location& where() const { return m_where; }

  private:
    Location m_where;
};

// An Error that carries every problem found in a file, not only the first.
class InvalidRecord : public Error {
  public:
    explicit InvalidRecord(std::vector<Diagnostic> problems);

    const std::vector<Diagnostic>& problems() const { return m_problems; }

  private:
    std::vector<Diagnostic> m_problems;
};

// Returns the candidate closest to `word` by edit distance, or "" when none is
// close enough to be a plausible typo.
std::string nearest(std::string_view word, const std::vector<std::string>& candidates);

// Returns "; did you mean 'x'?" for the nearest candidate, or "".
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace plg
