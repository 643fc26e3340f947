// plg: records and reports for professional learning communities.
// All of the command line is in cli.cpp; main() only catches what should never
// escape it, so that even a bug ends with a message and exit code 1, not a signal.

#include <unistd.h>

#include <iostream>
#include <new>

#include "cli.hpp"

int main(int argc, char** argv) {
    try {
        plg::cli::Streams io{std::cin, std::cout, std::cerr, ::isatty(STDOUT_FILENO) == 1,
                             ::isatty(STDERR_FILENO) == 1};
        return plg::cli::run_cli(argc, argv, io);
    } catch (const std::bad_alloc&) {
        std::cerr << "plg: error: out of memory\n";
    } catch (const std::exception& e) {
        std::cerr << "plg: error: internal error: " << e.what()
                  << "\nThis is a bug in plg; please report it with the command you ran.\n";
    } catch (...) {
        std::cerr << "plg: error: internal error\n";
    }
    return plg::cli::k_exit_error;
}
