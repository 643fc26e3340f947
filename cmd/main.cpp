// plg: records and reports for professional learning communities. All of the
// command line is in cli.cpp; run_cli_guarded() turns even a bug into a message
// and exit code 1, never a signal.

#include <unistd.h>

#include <iostream>

#include "cli.hpp"

int main(int argc, char** argv) {
    plg::cli::Streams io{std::cin,
                         std::cout,
                         std::cerr,
                         ::isatty(STDOUT_FILENO) == 1,
                         ::isatty(STDERR_FILENO) == 1,
                         ::isatty(STDIN_FILENO) == 1};
    return plg::cli::run_cli_guarded(argc, argv, io);
}
