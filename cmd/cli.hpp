#pragma once

// The whole command line: the definitions of every command and flag (used to
// parse, and to generate the completion scripts, docs/cli.md and the man page)
// and run_cli(), which parses one command line, runs it, and turns every error
// into a message and an exit code (0, 1 or 2). main() and the command-line
// fuzzer both call run_cli(), so they behave the same.

#include <iosfwd>
#include <string>

#include <vector>

namespace CLI {
class App;
}

namespace plg::cli {

struct Command;
using Commands = std::vector<Command>;

constexpr int k_exit_ok = 0;
constexpr int k_exit_error = 1;
constexpr int k_exit_usage = 2;

// The options that apply before any command.
struct Globals {
    std::string dir;  // -C DIR
    bool no_color = false;
    bool quiet = false;
    std::string lang;  // --lang LANG: messages and documents in LANG
};

// Where a run reads and writes, and whether stdout and stderr are terminals.
struct Streams {
    std::istream& in;
    std::ostream& out;
    std::ostream& err;
    bool out_is_terminal = false;
    bool err_is_terminal = false;
    bool in_is_terminal = false;
};

// Defines every command and flag on `app`, binding values to `globals` and
// registering what runs each command in `commands`.
void build_cli(CLI::App& app, Commands& commands, Globals& globals);

// Parses argv (argv[0] is the program name), runs the command, and returns the
// exit code. Throws only what main() catches as an internal error.
int run_cli(int argc, const char* const* argv, const Streams& io);

// run_cli, with what should never escape it caught too: even a bug ends with a
// message on io.err and exit code 1, never an exception. main() is this.
int run_cli_guarded(int argc, const char* const* argv, const Streams& io);

}  // namespace plg::cli
